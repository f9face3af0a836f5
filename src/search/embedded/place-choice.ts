/**
 * Which of several places of one name a query means: the gazetteer's own
 * choice (the most populous) when any listing is within 50 km of it, else
 * the namesake with the most listings within 50 km. "Valencia" in a
 * directory with co-ops in Spain's and none in Venezuela's is Spain's,
 * though Venezuela's is larger; "Oakland" stays California's when it has
 * co-ops, however many a small Oakland near New York has around it.
 * Counts are kept per place until the listings change.
 */
import type { PlaceMatch } from '../places/lookup'
import type { Place } from '../places/place'
import { haversineKm } from '../geo'
import type { Columns } from './columns'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { f64 } = cells

const NEAR_KM = 50
// "Around" a city for relaxation: a day's return trip, as far as a co-op in Tlacolula serves Oaxaca.
const AROUND_KM = 100
const MAX_AREAS = 16
const KM_PER_DEGREE_LAT = 111.2

export class PlaceChoice {
  private readonly counts = new Map<string, number>()
  private readonly areas = new Map<string, Uint8Array>()

  constructor(private readonly columns: Columns) {}

  choose(match: PlaceMatch): Place {
    let best = match.place
    if (match.alternatives.length === 0) return best
    let most = this.listingsNear(best)
    if (most > 0) return best
    for (const other of match.alternatives) {
      const n = this.listingsNear(other)
      if (n > most) {
        best = other
        most = n
      }
    }
    return best
  }

  /** The listings changed: every count may have. */
  forget(): void {
    this.counts.clear()
    this.areas.clear()
  }

  /**
   * By slot, 1 for the listings around a place: a point within AROUND_KM of
   * a city or within a region's reach, or a location or region in a country. Relaxation counts these
   * (a query with a place must fill a page there, not anywhere). Kept per
   * place until the listings change (the last few places only).
   */
  around(place: Place): Uint8Array {
    let area = this.areas.get(place.id)
    if (area) return area
    area = new Uint8Array(this.columns.slotCount)
    if (place.kind === 'country') this.inCountry(place.country, area)
    else this.within(place, place.radiusKm ?? AROUND_KM, (slot) => (area[slot] = 1))
    if (this.areas.size >= MAX_AREAS) this.areas.clear()
    this.areas.set(place.id, area)
    return area
  }

  private inCountry(code: string, area: Uint8Array): void {
    const [wanted] = this.columns.countries.lookup([code])
    if (wanted === undefined) return
    const regions = this.columns.countryCodes
    const values = regions.column('code')
    for (let slot = 0; slot < area.length; slot++) {
      for (let j = regions.first(slot), end = regions.end(slot); j < end; j++) if (f64(values, j) === wanted) area[slot] = 1
    }
  }

  /** Calls `each` with the slot of every point within `km` of the place (a slot once per point). */
  private within(place: Place, km: number, each: (slot: number) => void): void {
    const { points } = this.columns
    const lat = points.column('lat')
    const lng = points.column('lng')
    const slotOf = points.column('slot')
    for (let cell = 0, used = points.used; cell < used; cell++) {
      const slot = f64(slotOf, cell)
      const y = f64(lat, cell)
      if (slot < 0 || Math.abs(y - place.latitude) * KM_PER_DEGREE_LAT > km) continue
      if (haversineKm(place.latitude, place.longitude, y, f64(lng, cell)) <= km) each(slot)
    }
  }

  /** Listings with a point within NEAR_KM of the place (a point scan, once per place until the listings change). */
  private listingsNear(place: Place): number {
    const known = this.counts.get(place.id)
    if (known !== undefined) return known
    const seen = new Set<number>()
    this.within(place, NEAR_KM, (slot) => seen.add(slot))
    this.counts.set(place.id, seen.size)
    return seen.size
  }
}
