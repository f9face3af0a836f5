/**
 * Mexican towns by the names people use. GeoNames gives the official ones
 * ("Heroica Ciudad de Tlaxiaco", "Juchitán de Zaragoza", "Xalapa de
 * Enríquez", "Villa de Zaachila"); people write "Tlaxiaco", "Juchitán",
 * "Xalapa", "Zaachila". A municipal seat's name loses its honorific
 * ("Heroica", "Ciudad de", "Villa de") and its "de <patron>" tail, when
 * what is left is one word of five letters or more that no town outside
 * Mexico bears (so "Victoria de Durango" does not become "Victoria").
 */
import { ADMIN_SEAT, type CityColumns } from './cities-file'

const HONORIFICS = ['heroica ciudad de ', 'heroica ', 'ciudad de ', 'villa de ']
const MIN_LETTERS = 5

/** [short key, city] for Mexican seats, given every kept city's folded key (by city index). */
export function mexicanShortNames(cities: CityColumns, cityKeys: readonly string[]): [string, number][] {
  const mexico = cities.countryCodes.indexOf('MX')
  if (mexico === -1) return []
  const short = new Map<string, number>()
  cityKeys.forEach((key, i) => {
    if (cities.country[i] !== mexico) return
    const head = shortKey(key, ((cities.flags[i] as number) & ADMIN_SEAT) !== 0)
    if (head === key || head.length < MIN_LETTERS || head.includes(' ')) return
    const other = short.get(head)
    if (other === undefined || (cities.population[i] as number) > (cities.population[other] as number)) short.set(head, i)
  })
  cityKeys.forEach((key, i) => {
    if (cities.country[i] !== mexico) short.delete(key)
  })
  return [...short]
}

/** "heroica ciudad de tlaxiaco" → "tlaxiaco"; a seat's "juchitan de zaragoza" → "juchitan". */
function shortKey(key: string, seat: boolean): string {
  const honorific = HONORIFICS.find((h) => key.startsWith(h))
  const rest = honorific ? key.slice(honorific.length) : key
  const tail = seat ? rest.indexOf(' de ') : -1
  return tail > 0 ? rest.slice(0, tail) : rest
}
