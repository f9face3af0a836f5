/**
 * The HTML profile page of a listing, served at the same URL as its actor.
 * Every value is escaped; the summary is HTML sanitised when it was stored.
 */
import type { Listing } from '../../../directory/listing'
import { serviceLabel, kindLabel } from '../../../directory/vocabulary'
import { publicContact } from '../../../federation/actor-mapping'
import { html, trusted } from '../html'
import { page } from '../layout'
import type { Ui } from '../i18n/translate'

function localized(map: Record<string, string> | undefined, plain: string | undefined, lang: string): { text: string; lang?: string } {
  const hit = map?.[lang] ?? map?.[lang.split('-')[0] as string]
  if (hit) return { text: hit, lang }
  return { text: plain ?? (map ? (Object.values(map)[0] ?? '') : '') }
}

export interface ProfileContext {
  ui: Ui
  host: string
  url: string
  tileUrl: string
  tileAttribution: string
  stale: boolean
}

export function profilePage(listing: Listing, ctx: ProfileContext): string {
  const { ui } = ctx
  const lang = ui.lang
  const name = localized(listing.nameMap, listing.name, lang)
  const summary = localized(listing.summaryMap, listing.summary, lang)
  const contact = publicContact(listing)
  const isMirror = listing.provenance.via !== 'local'
  const points = (listing.location ?? []).map((p) => [p.latitude, p.longitude, p.name ?? ''])
  const body = html`<article class="profile" itemscope itemtype="https://schema.org/Organization">
<h1 itemprop="name"${name.lang ? html` lang="${name.lang}"` : ''}>${name.text}</h1>
<p class="handle">@${listing.slug}@${ctx.host} · ${kindLabel(listing.kind, lang)}</p>
${listing.example ? html`<p class="notice" role="note">${ui.t('profile.example')}</p>` : ''}
${isMirror ? html`<p class="provenance">${ui.t('profile.listedBy', { origin: new URL(listing.origin).host, date: ui.date(listing.provenance.lastVerified) })}</p>` : ''}
${ctx.stale ? html`<p class="notice stale" role="note">${ui.t('profile.stale')}</p>` : ''}
<div class="summary" itemprop="description"${summary.lang ? html` lang="${summary.lang}"` : ''}>${trusted(summary.text)}</div>
<dl class="facts">
${listing.services?.length ? html`<dt>${ui.t('profile.services')}</dt><dd><ul class="tags">${listing.services.map((s) => html`<li>${serviceLabel(s, lang)}</li>`)}</ul></dd>` : ''}
${listing.languages?.length ? html`<dt>${ui.t('profile.languages')}</dt><dd>${listing.languages.map((l) => ui.languageName(l)).join(', ')}</dd>` : ''}
${listing.regionsServed?.length ? html`<dt>${ui.t('profile.regions')}</dt><dd>${listing.regionsServed.map((r) => (r === 'remote' ? r : ui.countryName(r.slice(0, 2)))).join(', ')}</dd>` : ''}
${listing.acceptingClients !== undefined ? html`<dt>${ui.t('profile.accepting')}</dt><dd>${ui.t(listing.acceptingClients ? 'profile.yes' : 'profile.no')}</dd>` : ''}
${listing.pricing ? html`<dt>${ui.t('profile.pricing')}</dt><dd>${listing.pricing}</dd>` : ''}
${listing.founded ? html`<dt>${ui.t('profile.founded')}</dt><dd>${listing.founded}</dd>` : ''}
${listing.size ? html`<dt>${ui.t('profile.size')}</dt><dd>${ui.number(listing.size)}</dd>` : ''}
${listing.networks?.length ? html`<dt>${ui.t('profile.networks')}</dt><dd>${listing.networks.join(', ')}</dd>` : ''}
${listing.tags?.length ? html`<dt>${ui.t('profile.tags')}</dt><dd>${listing.tags.join(', ')}</dd>` : ''}
</dl>
${points.length ? html`<h2>${ui.t('profile.locations')}</h2>
<div id="profile-map" class="small-map" role="region" aria-label="${ui.t('profile.map')}" data-points="${JSON.stringify(points)}" data-tiles="${ctx.tileUrl}" data-attribution="${ctx.tileAttribution}"></div>
<ul class="places">${(listing.location ?? []).map((p) => html`<li itemprop="location">${p.name ?? ''}${p.address ? html` — ${p.address}` : ''}${p.country ? html` (${ui.countryName(p.country)})` : ''} <span class="coords">${p.latitude.toFixed(4)}, ${p.longitude.toFixed(4)}</span></li>`)}</ul>` : ''}
${Object.keys(contact).length ? html`<h2>${ui.t('profile.contact')}</h2><ul class="contact">
${contact.website ? html`<li><a href="${contact.website}" rel="nofollow noopener" itemprop="url">${contact.website}</a></li>` : ''}
${contact.email ? html`<li><a href="mailto:${contact.email}" itemprop="email">${contact.email}</a></li>` : ''}
${contact.fediverse ? html`<li>${ui.t('profile.fediverse')}: ${contact.fediverse}</li>` : ''}
${contact.matrix ? html`<li>${ui.t('profile.matrix')}: ${contact.matrix}</li>` : ''}
${contact.phone ? html`<li>${ui.t('profile.phone')}: <span itemprop="telephone">${contact.phone}</span></li>` : ''}
</ul>` : ''}
<p class="meta">${ui.t('profile.meta', { licence: listing.dataLicense ?? 'CC0-1.0', date: ui.date(listing.updated) })}</p>
</article>`
  return page({
    title: name.text, ui, url: ctx.url, body,
    head: html`<link rel="alternate" type="application/activity+json" href="${listing.id}">
<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">`,
    scripts: points.length ? ['/static/vendor/leaflet/leaflet.js', '/static/profile-map.js'] : []
  })
}
