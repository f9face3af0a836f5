/**
 * The HTML profile page of a listing, served at the same URL as its actor.
 * Every value is escaped; the summary is HTML sanitised when it was stored.
 */
import type { Listing } from '../../directory/listing'
import { serviceLabel, kindLabel } from '../../directory/vocabulary'
import { publicContact } from '../../federation/actor-mapping'
import { html, trusted } from '../html'
import { page } from './layout'

function localized(map: Record<string, string> | undefined, plain: string | undefined, lang: string): { text: string; lang?: string } {
  const hit = map?.[lang] ?? map?.[lang.split('-')[0] as string]
  if (hit) return { text: hit, lang }
  return { text: plain ?? (map ? (Object.values(map)[0] ?? '') : '') }
}

export function profilePage(listing: Listing, lang: string, host: string): string {
  const name = localized(listing.nameMap, listing.name, lang)
  const summary = localized(listing.summaryMap, listing.summary, lang)
  const contact = publicContact(listing)
  const isMirror = listing.provenance.via !== 'local'
  const body = html`<article class="profile" itemscope itemtype="https://schema.org/Organization">
<h1 itemprop="name"${name.lang ? html` lang="${name.lang}"` : ''}>${name.text}</h1>
<p class="handle">@${listing.slug}@${host} · ${kindLabel(listing.kind, lang)}</p>
${listing.example ? html`<p class="notice" role="note">Example data: this organisation is fictional.</p>` : ''}
${isMirror ? html`<p class="provenance">Listed by ${listing.origin}, last verified ${listing.provenance.lastVerified.toISOString().slice(0, 10)}</p>` : ''}
<div class="summary" itemprop="description">${trusted(summary.text)}</div>
<dl class="facts">
${listing.services?.length ? html`<dt>Services</dt><dd><ul class="tags">${listing.services.map((s) => html`<li>${serviceLabel(s, lang)}</li>`)}</ul></dd>` : ''}
${listing.languages?.length ? html`<dt>Languages</dt><dd>${listing.languages.join(', ')}</dd>` : ''}
${listing.regionsServed?.length ? html`<dt>Regions served</dt><dd>${listing.regionsServed.join(', ')}</dd>` : ''}
${listing.acceptingClients !== undefined ? html`<dt>Accepting new clients</dt><dd>${listing.acceptingClients ? 'Yes' : 'No'}</dd>` : ''}
${listing.pricing ? html`<dt>Pricing</dt><dd>${listing.pricing}</dd>` : ''}
${listing.founded ? html`<dt>Founded</dt><dd>${listing.founded}</dd>` : ''}
${listing.size ? html`<dt>Size</dt><dd>${listing.size}</dd>` : ''}
${listing.networks?.length ? html`<dt>Networks</dt><dd>${listing.networks.join(', ')}</dd>` : ''}
${listing.tags?.length ? html`<dt>Tags</dt><dd>${listing.tags.join(', ')}</dd>` : ''}
</dl>
${listing.location?.length ? html`<h2>Locations</h2><ul class="places">${listing.location.map((p) => html`<li itemprop="location">${p.name ?? ''}${p.address ? html` — ${p.address}` : ''} <span class="coords">(${p.latitude.toFixed(4)}, ${p.longitude.toFixed(4)})</span></li>`)}</ul>` : ''}
${Object.keys(contact).length ? html`<h2>Contact</h2><ul class="contact">
${contact.website ? html`<li><a href="${contact.website}" rel="nofollow noopener" itemprop="url">${contact.website}</a></li>` : ''}
${contact.email ? html`<li><a href="mailto:${contact.email}" itemprop="email">${contact.email}</a></li>` : ''}
${contact.fediverse ? html`<li>Fediverse: ${contact.fediverse}</li>` : ''}
${contact.matrix ? html`<li>Matrix: ${contact.matrix}</li>` : ''}
${contact.phone ? html`<li>Phone: <span itemprop="telephone">${contact.phone}</span></li>` : ''}
</ul>` : ''}
<p class="meta">Listing data licence: ${listing.dataLicense ?? 'CC0-1.0'} · updated ${listing.updated.toISOString().slice(0, 10)}</p>
</article>`
  return page({ title: name.text, lang, body, head: html`<link rel="alternate" type="application/activity+json" href="${listing.id}">` })
}
