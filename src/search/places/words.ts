/**
 * The words that decide whether a query word is a place: the linking words
 * people put before one ("near", "cerca de", "près de", "perto de"), and the
 * words that are never a place however many towns bear them (a service
 * label, a stop word, "best", "mobile", "plano", "loja": real towns, but
 * in a query they mean what they say).
 */
import { SERVICES, SERVICE_CATEGORIES, KINDS } from '../../directory/vocabulary'
import { foldKey } from './text'
import { STOP_WORDS } from '../reading/stop-words'

/**
 * Linking phrases before a place, folded. `strong` ones say "a place comes
 * next" clearly enough to read a common word after them as a town ("web
 * design in Reading", "cerca de Plano"); weak ones are prepositions that
 * also join ordinary nouns ("juegos de mesa", "no campo", "dans le sens"),
 * so they are removed with the place and announce a small town, but do
 * not make a common word a place.
 */
export const LINKERS: ReadonlyMap<string, 'strong' | 'weak'> = new Map([
  ...'in,near,near to,around,nearby,close to,cerca de,cerca del,cerca de la,junto a,pres de,pres du,pres de la,proche de,autour de,perto de,perto do,perto da,proximo a,proximo de'
    .split(',')
    .map((p): [string, 'strong'] => [p, 'strong']),
  ...(
    'in the,in the city of,at,from,' +
    'de,del,desde,en,en el,en la,en los,en las,en la ciudad de,' +
    'du,a,a la,au,aux,dans,dans la,dans le,dans la ville de,vers,chez,' +
    'do,da,ao,aos,em,no,na,nos,nas,na cidade de'
  )
    .split(',')
    .map((p): [string, 'weak'] => [p, 'weak'])
])

/**
 * Common words of the four languages that are also towns with more than
 * 5,000 people or seats of government (GeoNames), or countries ("réunion"
 * is a meeting): read as places only after a strong linking word.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'best mobile reading split orange union mission normal surprise temple independence liberty commerce enterprise progress concord paradise hope deal sale gap bath bend ' +
    'central federal city green college university beach spring springs valley eagle marina mentor ajax sandy flint eden avon ' +
    'mesa plano salto soledad libertad progreso esperanza cruz luz campo real nuevo san valle colonia pueblo baja alta montana cine sur este bar ' +
    'sens tours lens rouge reunion praia serra floresta canoas palmas americana franca loja'
  ).split(' ')
)

/** Names of software and protocols that a few tiny seats of government also bear (Java, Georgia; Rust, Austria). */
const TECH_WORDS = 'java rust ruby python swift react node php linux matrix signal tor xmpp vpn cloud wordpress drupal moodle nextcloud mastodon peertube jitsi odoo'.split(' ')

/**
 * Folded words never read as a place on their own: every word of the
 * services vocabulary (labels and categories, all languages) and of the
 * kinds of organisation, the stop words, software names, and `extra`
 * (e.g. the search engine's service synonyms).
 */
export function deniedWords(extra: Iterable<string> = []): Set<string> {
  const labels = [...SERVICES.map((s) => s.labels), ...Object.values(SERVICE_CATEGORIES), ...KINDS.map((k) => k.labels)].flatMap((l) => Object.values(l))
  const out = new Set<string>([...STOP_WORDS, ...TECH_WORDS])
  for (const text of [...labels, ...extra]) for (const word of foldKey(text).split(' ')) if (word) out.add(word)
  return out
}
