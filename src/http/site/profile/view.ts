/**
 * The HTML profile page of a listing, served at the same URL as its actor,
 * and the same profile as the editor's preview shows it (one renderer, so
 * the preview is the page the public will see). Every value is escaped; the
 * summary is HTML sanitised when it was stored (or, in a preview, checked).
 */
import type { Listing } from '../../../directory/listing'
import { serviceLabel, kindLabel } from '../../../directory/vocabulary'
import { publicContact } from '../../../federation/actor-mapping'
import { html, trusted, type SafeHtml } from '../html'
import { page } from '../layout'
import type { Ui } from '../i18n/translate'
import { regionName } from '../i18n/region-name'

function localized(map: Record<string, string> | undefined, plain: string | undefined, lang: string): { text: string; lang?: string } {
  const hit = map?.[lang] ?? map?.[lang.split('-')[0] as string]
  if (hit) return { text: hit, lang }
  return { text: plain ?? (map ? (Object.values(map)[0] ?? '') : '') }
}

/** What the profile is rendered with besides the listing. */
export interface ProfileContext {
  ui: Ui
  host: string
  url: string
  tileUrl: string
  tileAttribution: string
  stale: boolean
  /** This instance's own listing on its public page: it links to its editors' sign-in. Mirrors never do. */
  editable?: boolean
}

/** How the profile sits in its page: its own page (name as h1), or inside another (a preview under the page's h1). */
export interface ProfilePlacement {
  /** The level of the listing's name; the sections are one below. */
  nameLevel: 1 | 2 | 3
}

/** The profile article: name, provenance, summary, facts, places on a small map, contact, licence. */
export function profileArticle(listing: Listing, ctx: ProfileContext, placement: ProfilePlacement = { nameLevel: 1 }): SafeHtml {
  const { ui } = ctx
  const lang = ui.lang
  const name = localized(listing.nameMap, listing.name, lang)
  const summary = localized(listing.summaryMap, listing.summary, lang)
  const isMirror = listing.provenance.via !== 'local'
  const h1 = `h${placement.nameLevel}`
  const h2 = `h${placement.nameLevel + 1}`
  return html`<article class="profile" itemscope itemtype="https://schema.org/Organization">
<${h1} itemprop="name"${name.lang ? html` lang="${name.lang}"` : ''}>${name.text}</${h1}>
<p class="handle">@${listing.slug}@${ctx.host} · ${kindLabel(listing.kind, lang)}</p>
${listing.example ? html`<p class="notice" role="note">${ui.t('profile.example')}</p>` : ''}
${isMirror ? html`<p class="provenance">${ui.t('profile.listedBy', { origin: new URL(listing.origin).host, date: ui.date(listing.provenance.lastVerified) })}</p>` : ''}
${ctx.stale ? html`<p class="notice stale" role="note">${ui.t('profile.stale')}</p>` : ''}
<div class="summary" itemprop="description"${summary.lang ? html` lang="${summary.lang}"` : ''}>${trusted(summary.text)}</div>
${facts(listing, ui)}
${places(listing, ctx, h2)}
${contacts(listing, ui, h2)}
<p class="meta">${ui.t('profile.meta', { licence: listing.dataLicense ?? 'CC0-1.0', date: ui.date(listing.updated) })}</p>
${ctx.editable && !isMirror ? html`<p class="meta open-data"><a href="/murmurations/${encodeURIComponent(listing.slug)}.json" type="application/json">${ui.t('profile.murmurations')}</a> · <a href="/essglobal/${encodeURIComponent(listing.slug)}.jsonld" type="application/ld+json">${ui.t('profile.jsonld')}</a></p>` : ''}
${ctx.editable && !isMirror ? html`<p class="edit-listing"><a href="/editors?listing=${encodeURIComponent(listing.slug)}">${ui.t('editors.editThis')}</a> <span class="meta">${ui.t('editors.editThisHint')}</span></p>` : ''}
</article>`
}

/** Services, languages, regions and the other facts, each only when the listing has it. */
function facts(listing: Listing, ui: Ui): SafeHtml {
  const lang = ui.lang
  return html`<dl class="facts">
${listing.services?.length ? html`<dt>${ui.t('profile.services')}</dt><dd><ul class="tags">${listing.services.map((s) => html`<li>${serviceLabel(s, lang)}</li>`)}</ul></dd>` : ''}
${listing.languages?.length ? html`<dt>${ui.t('profile.languages')}</dt><dd>${listing.languages.map((l) => ui.languageName(l)).join(', ')}</dd>` : ''}
${listing.regionsServed?.length ? html`<dt>${ui.t('profile.regions')}</dt><dd>${listing.regionsServed.map((r) => regionName(ui, r)).join(', ')}</dd>` : ''}
${listing.acceptingClients !== undefined ? html`<dt>${ui.t('profile.accepting')}</dt><dd>${ui.t(listing.acceptingClients ? 'profile.yes' : 'profile.no')}</dd>` : ''}
${listing.pricing ? html`<dt>${ui.t('profile.pricing')}</dt><dd>${listing.pricing}</dd>` : ''}
${listing.founded ? html`<dt>${ui.t('profile.founded')}</dt><dd>${listing.founded}</dd>` : ''}
${listing.size ? html`<dt>${ui.t('profile.size')}</dt><dd>${ui.number(listing.size)}</dd>` : ''}
${listing.networks?.length ? html`<dt>${ui.t('profile.networks')}</dt><dd>${listing.networks.join(', ')}</dd>` : ''}
${listing.tags?.length ? html`<dt>${ui.t('profile.tags')}</dt><dd>${listing.tags.join(', ')}</dd>` : ''}
</dl>`
}

/** The points the small map shows: latitude, longitude and name (profile-map.js reads them). */
const mapPoints = (listing: Listing) => (listing.location ?? []).map((p) => [p.latitude, p.longitude, p.name ?? ''])

/** The listing's places: the small map and the list under it. */
function places(listing: Listing, ctx: ProfileContext, heading: string): SafeHtml | '' {
  const { ui } = ctx
  const points = mapPoints(listing)
  if (!points.length) return ''
  return html`<${heading}>${ui.t('profile.locations')}</${heading}>
<div id="profile-map" class="small-map" role="region" aria-label="${ui.t('profile.map')}" data-points="${JSON.stringify(points)}" data-tiles="${ctx.tileUrl}" data-attribution="${ctx.tileAttribution}"></div>
<ul class="places">${(listing.location ?? []).map((p) => html`<li itemprop="location">${p.name ?? ''}${p.address ? html` — ${p.address}` : ''}${p.country ? html` (${ui.countryName(p.country)})` : ''} <span class="coords">${p.latitude.toFixed(4)}, ${p.longitude.toFixed(4)}</span></li>`)}</ul>`
}

/** The contact fields the listing makes public. */
function contacts(listing: Listing, ui: Ui, heading: string): SafeHtml | '' {
  const contact = publicContact(listing)
  if (!Object.keys(contact).length) return ''
  return html`<${heading}>${ui.t('profile.contact')}</${heading}><ul class="contact">
${contact.website ? html`<li><a href="${contact.website}" rel="nofollow noopener" itemprop="url">${contact.website}</a></li>` : ''}
${contact.email ? html`<li><a href="mailto:${contact.email}" itemprop="email">${contact.email}</a></li>` : ''}
${contact.fediverse ? html`<li>${ui.t('profile.fediverse')}: ${contact.fediverse}</li>` : ''}
${contact.matrix ? html`<li>${ui.t('profile.matrix')}: ${contact.matrix}</li>` : ''}
${contact.phone ? html`<li>${ui.t('profile.phone')}: <span itemprop="telephone">${contact.phone}</span></li>` : ''}
</ul>`
}

/** What a page showing a profile loads: Leaflet's stylesheet, and its scripts when there is a map. */
export const profileAssets = (listing: Listing): { head: SafeHtml; scripts: string[] } => ({
  head: html`<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">`,
  scripts: mapPoints(listing).length ? ['/static/vendor/leaflet/leaflet.js', '/static/profile-map.js'] : []
})

/** The profile's own page. */
export function profilePage(listing: Listing, ctx: ProfileContext): string {
  const assets = profileAssets(listing)
  return page({
    title: localized(listing.nameMap, listing.name, ctx.ui.lang).text, ui: ctx.ui, url: ctx.url,
    body: profileArticle(listing, ctx),
    head: html`<link rel="alternate" type="application/activity+json" href="${listing.id}">
${listing.provenance.via === 'local' ? html`<link rel="alternate" type="application/json" title="Murmurations" href="/murmurations/${encodeURIComponent(listing.slug)}.json">
<link rel="alternate" type="application/ld+json" title="ESSGLOBAL" href="/essglobal/${encodeURIComponent(listing.slug)}.jsonld">
` : ''}${assets.head}`,
    scripts: assets.scripts
  })
}
