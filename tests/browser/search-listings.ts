/** Listings the search-page tests need beyond the demo data: a stale mirror from another instance, and long unbreakable words. */
import { sampleListing } from '../support/instance'
import type { Listing, ListingInput } from '../../src/directory/listing'

/** Another instance's listing, last confirmed by its origin `daysAgo` days ago. */
export function mirrored(input: ListingInput, origin: string, daysAgo: number): Listing {
  const at = new Date(Date.now() - daysAgo * 24 * 3600 * 1000)
  return {
    ...input, id: `${origin}/orgs/${input.slug}`, origin, published: at, updated: at, moderation: 'approved', version: 1,
    provenance: { origin, via: 'delivery', firstSeen: at, lastVerified: at }
  } as Listing
}

/** A mirror from other.test, not confirmed for a week: stale. */
export const STALE_MIRROR = mirrored(sampleListing({
  slug: 'espejo-lejano', name: 'Espejo Lejano', nameMap: undefined, summaryMap: undefined, services: ['encrypted-email', 'web-hosting'], languages: ['es', 'en'],
  location: [{ name: 'Oaxaca', country: 'MX', latitude: 17.06, longitude: -96.72 }]
}) as unknown as ListingInput, 'https://other.test', 7)

/** A local listing whose name and website are long words with no place to break. */
export const LONG_WORDS = sampleListing({
  slug: 'long-words', name: 'Cooperativadetecnologiaslibresysoberaniadigitaldelosmovimientossociales', nameMap: undefined,
  contact: { website: 'https://cooperativadetecnologiaslibresysoberaniadigital.example/servicios/correo-cifrado-y-alojamiento', email: 'contacto-cooperativa-tecnologias-libres@cooperativadetecnologiaslibres.example' }
})

