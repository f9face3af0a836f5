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
const KM_PER_DEGREE_LAT = 111.2

export class PlaceChoice {
  private readonly counts = new Map<string, number>()

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
  }

  /** Listings with a point within NEAR_KM of the place (a point scan, once per place until the listings change). */
  private listingsNear(place: Place): number {
    const known = this.counts.get(place.id)
    if (known !== undefined) return known
    const { points } = this.columns
    const lat = points.column('lat')
    const lng = points.column('lng')
    const slotOf = points.column('slot')
    const seen = new Set<number>()
    for (let cell = 0, used = points.used; cell < used; cell++) {
      const slot = f64(slotOf, cell)
      const y = f64(lat, cell)
      if (slot < 0 || Math.abs(y - place.latitude) * KM_PER_DEGREE_LAT > NEAR_KM) continue
      if (haversineKm(place.latitude, place.longitude, y, f64(lng, cell)) <= NEAR_KM) seen.add(slot)
    }
    this.counts.set(place.id, seen.size)
    return seen.size
  }
}
