/**
 * Graded judgments, computed from how the corpus was built (never a list of
 * ids picked by hand), so they are reproducible and say what they reward.
 *
 * A query asks for up to three things, each scored 2 (fully), 1 (partly) or 0:
 * - its needs (each a set of services any of which answers it):
 *   2 = the listing offers every need; 1 = it offers every need or a closely
 *   related service (RELATED below), or, when two needs are asked, offers one;
 * - its place: a city: 2 = a location within 50 km, 1 = within 300 km;
 *   a country or an ISO 3166-2 region: 2 = a location in it;
 * - a co-op's name: 2 = that name (accents and case aside), 1 = another
 *   name with the same root word; when the query names only the root word
 *   (with a place), 2 = any name with that root.
 * The grade is 2 when all asked are 2, 1 when exactly one of them is 1 and
 * none is 0, and 0 otherwise. So for "need + city": 2 = offers it within
 * 50 km; 1 = offers it within 300 km, or offers a related service within
 * 50 km; 0 otherwise. A listing is relevant when its grade is at least 1.
 */
import { haversineKm } from '../../src/search/geo'
import { city } from './cities'
import type { CorpusEntry } from './corpus'
import { fold } from './text'

/** What a query asks for (see queries.ts). */
export interface Intent {
  needs: string[][]
  place?: { city: string } | { country: string } | { region: string }
  name?: { word: string; exact?: string }
}

/** Services close enough to stand in for each other at grade 1 (symmetric). */
const RELATED_PAIRS: Array<[string, string[]]> = [
  ['web-hosting', ['managed-servers', 'website-development', 'domain-registration']],
  ['managed-servers', ['colocation', 'it-support']],
  ['cloud-storage', ['backup-services']],
  ['email-hosting', ['encrypted-email', 'mailing-lists']],
  ['chat-hosting', ['video-conferencing', 'fediverse-hosting']],
  ['website-development', ['web-design']],
  ['web-design', ['graphic-design', 'ux-research']],
  ['software-development', ['mobile-apps', 'database-development', 'free-software-support']],
  ['security-training', ['digital-literacy', 'threat-modelling']],
  ['security-audits', ['threat-modelling', 'incident-response']],
  ['community-networks', ['internet-access', 'network-installation']],
  ['it-support', ['hardware-repair', 'network-installation', 'free-software-support']],
  ['coding-workshops', ['technical-training', 'digital-literacy']],
  ['mapping-gis', ['open-data', 'data-analysis']],
  ['video-production', ['podcast-hosting']],
  ['ecommerce', ['payment-systems']],
  ['crm-setup', ['database-development', 'coop-governance-tools']],
  ['privacy-consulting', ['threat-modelling']]
]

const RELATED = new Map<string, Set<string>>()
for (const [a, bs] of RELATED_PAIRS) {
  for (const b of bs) {
    RELATED.set(a, (RELATED.get(a) ?? new Set()).add(b))
    RELATED.set(b, (RELATED.get(b) ?? new Set()).add(a))
  }
}

type Level = 0 | 1 | 2

function needLevel(needs: string[][], offered: readonly string[]): Level {
  if (!needs.length) return 2
  const exact = needs.map((need) => need.some((s) => offered.includes(s)))
  if (exact.every(Boolean)) return 2
  const close = needs.map((need, i) => exact[i] || need.some((s) => offered.some((o) => RELATED.get(s)?.has(o))))
  return close.every(Boolean) || (needs.length >= 2 && exact.some(Boolean)) ? 1 : 0
}

/** The place test of an intent, made once per query: a listing → its place level. */
function placeTest(place: Intent['place']): (e: CorpusEntry) => Level {
  if (!place) return () => 2
  if ('country' in place) return (e) => (e.cities.some((c) => c.country === place.country) ? 2 : 0)
  if ('region' in place) return (e) => (e.cities.some((c) => c.region === place.region) ? 2 : 0)
  const at = city(place.city)
  return (e) => {
    let km = Infinity
    for (const p of e.listing.location ?? []) {
      // more than 300 km apart in latitude alone: no need for the great circle
      if (Math.abs(p.latitude - at.lat) * 111.2 <= 300) km = Math.min(km, haversineKm(at.lat, at.lng, p.latitude, p.longitude))
    }
    return km <= 50 ? 2 : km <= 300 ? 1 : 0
  }
}

const folded = new WeakMap<CorpusEntry, string>()
const foldedName = (e: CorpusEntry): string => {
  let f = folded.get(e)
  if (f === undefined) folded.set(e, (f = ` ${fold(e.listing.name)} `))
  return f
}

function nameTest(name: Intent['name']): (e: CorpusEntry) => Level {
  if (!name) return () => 2
  const word = ` ${fold(name.word)} `
  const exact = name.exact === undefined ? undefined : ` ${fold(name.exact)} `
  if (exact === undefined) return (e) => (foldedName(e).includes(word) ? 2 : 0)
  return (e) => (foldedName(e) === exact ? 2 : foldedName(e).includes(word) ? 1 : 0)
}

/** The grade of a listing, from its levels (rule in the header). */
function combine(levels: Level[]): Level {
  if (levels.includes(0)) return 0
  const partial = levels.filter((l) => l === 1).length
  return partial === 0 ? 2 : partial === 1 ? 1 : 0
}

/** The grade of one listing for one intent. */
export function grade(intent: Intent, e: CorpusEntry): Level {
  return combine([needLevel(intent.needs, e.listing.services ?? []), placeTest(intent.place)(e), nameTest(intent.name)(e)])
}

/** Every listing with a grade above 0, by id. */
export function judge(intent: Intent, corpus: readonly CorpusEntry[]): Map<string, number> {
  const out = new Map<string, number>()
  const place = placeTest(intent.place)
  const name = nameTest(intent.name)
  for (const e of corpus) {
    const g = combine([needLevel(intent.needs, e.listing.services ?? []), place(e), name(e)])
    if (g > 0) out.set(e.listing.id, g)
  }
  return out
}
