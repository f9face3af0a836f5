/**
 * Orama set up as its documentation allows: one document per location (its
 * geopoint), text properties with name boosted, typo tolerance 1, prefix
 * matching (its default), its BM25 ranking, the four languages' stop words
 * given to its tokenizer, text folded beforehand (its tokenizer splits on
 * one language's letters). Geo: when the query names a place (places.ts:
 * the GeoNames gazetteer and country names), its geosearch keeps the
 * documents within 300 km of that city, or its enum filter those in that
 * country; the words stay in the query text. Orama has no geo sort, so
 * within the radius the order is its text score.
 */
import { create, insertMultiple, search, type AnyOrama } from '@orama/orama'
import type { CorpusEntry } from '../corpus'
import type { Places } from '../places'
import type { QuerySpec } from '../queries'
import { STOP_WORDS, fold } from '../text'
import { BOOST, libraryText, type Engine, type Hit } from './engine'

const RADIUS_KM = 300
const schema = { name: 'string', services: 'string', place: 'string', summary: 'string', country: 'enum', location: 'geopoint' } as const

/** Orama under test: one document per location, results folded back to listings. */
export class OramaEngine implements Engine {
  readonly name = 'orama'
  readonly setup = `Orama 3: a document per location; name ×3, services (labels + alt labels) ×2, place ×1.5, summary; tolerance 1, prefix; stop words in its tokenizer; a place found in the query (gazetteer) becomes a geosearch radius of ${RADIUS_KM} km or a country filter.`
  private readonly db: AnyOrama = create({ schema, components: { tokenizer: { stopWords: [...STOP_WORDS] } } })
  private readonly listingOf = new Map<string, { id: string; name: string }>()

  constructor(private readonly places: Places) {}

  async index(corpus: readonly CorpusEntry[]): Promise<void> {
    const docs = corpus.flatMap((e) => {
      const text = libraryText(e)
      return (e.listing.location ?? []).map((p, k) => {
        const id = `${e.listing.id}#${k}`
        this.listingOf.set(id, { id: e.listing.id, name: e.listing.name })
        return { id, ...text, country: p.country ?? '', location: { lat: p.latitude, lon: p.longitude } }
      })
    })
    await insertMultiple(this.db, docs)
  }

  async search(query: QuerySpec): Promise<Hit[]> {
    const place = this.places.find(query.q)
    const where = !place ? undefined
      : place.kind === 'city' ? { location: { radius: { coordinates: { lat: place.lat, lon: place.lng }, value: RADIUS_KM, unit: 'km' as const, inside: true } } }
      : { country: { eq: place.code } }
    const r = await search(this.db, { term: fold(query.q), properties: ['name', 'services', 'place', 'summary'], boost: BOOST, tolerance: 1, limit: 60, ...(where ? { where } : {}) })
    const out: Hit[] = []
    const seen = new Set<string>()
    for (const h of r.hits) {
      const l = this.listingOf.get(String(h.id))
      if (!l || seen.has(l.id)) continue
      seen.add(l.id)
      out.push(l)
      if (out.length === 20) break
    }
    return out
  }
}
