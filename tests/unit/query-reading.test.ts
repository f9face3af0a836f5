/** Reading a query (src/search/reading/) and relaxing it (embedded/relaxation.ts), as pure functions. */
import SearchableMap from 'minisearch/SearchableMap'
import { readQuery, type QueryWord } from '../../src/search/reading/read-query'
import { transpositions, withinTypos, typoBudget } from '../../src/search/reading/typos'
import { requiredWords, popcount } from '../../src/search/embedded/relaxation'
import { sharedGazetteer } from '../../src/search/places/shared'

const words = (q: string, lang = 'es') => readQuery(q, lang, null).words
const keys = (q: string, lang = 'es') => words(q, lang).map((w) => w.key)
const phraseConcepts = (w: QueryWord | undefined) => [...new Set(w?.concepts.filter((c) => c.phrase).map((c) => c.concept.id))]

describe('typos', () => {
  test('budget: none under 5 letters, one from 5, two from 9', () => {
    expect([typoBudget('vpn'), typoBudget('email'), typoBudget('alojamiento')]).toEqual([0, 1, 2])
  })

  test('adjacent swaps, each once, none of equal letters', () => {
    expect(transpositions('abca').sort()).toEqual(['acba', 'baca', 'abac'].sort())
    expect(transpositions('aa')).toEqual([])
  })

  test('a swap is one typo; Levenshtein would count two', () => {
    const map = new SearchableMap<number>()
    map.set('cifrado', 1)
    map.set('cifrados', 2)
    expect(withinTypos(map, 'cifardo', 1).get('cifrado')).toEqual({ value: 1, typos: 1 })
    expect(withinTypos(map, 'cifardo', 0).size).toBe(0)
    // with a budget of two: a swap and one more edit
    expect(withinTypos(map, 'cifardos', 2).get('cifrado')).toEqual({ value: 1, typos: 2 })
  })
})

describe('reading a query', () => {
  test('stop words of the four languages are left out, unless nothing else is there', () => {
    expect(keys('correo para la cooperativa de Oaxaca')).toEqual(['correo', 'cooperativa', 'oaxaca'])
    expect(keys('near the coast', 'en')).toEqual(['coast'])
    expect(keys('pour un site à Lyon', 'fr')).toEqual(['site', 'lyon'])
    expect(keys('de la')).toEqual(['de', 'la'])
  })

  test('a whole label names its service in any language, with typos', () => {
    for (const [q, lang] of [['correo seguro', 'es'], ['secure emial', 'en'], ['courriel sécurisé', 'fr'], ['correo cifardo', 'es']] as const) {
      const [first, second] = words(q, lang)
      expect(phraseConcepts(first)).toContain('encrypted-email')
      expect(phraseConcepts(second)).toContain('encrypted-email')
    }
    // stop words inside a label belong to it
    expect(phraseConcepts(words('copias de seguridad')[0])).toEqual(['backup-services'])
  })

  test('who it is for, kinds alone and words any listing could claim are optional', () => {
    const read = words('alojamiento web para sindicatos')
    expect(read.map((w) => [w.key, w.optional])).toEqual([['alojamiento', false], ['web', false], ['sindicatos', true]])
    expect(words('translation services', 'en').map((w) => w.optional)).toEqual([false, true])
  })

  test('the last word may still be growing, unless a place ends the query', () => {
    expect(words('web hos').map((w) => w.typing)).toEqual([false, true])
    const withPlace = readQuery('web hosting Oaxaca', 'es', sharedGazetteer())
    expect(withPlace.place?.place.name).toBe('Oaxaca')
    expect(withPlace.words.map((w) => [w.key, w.typing])).toEqual([['web', false], ['hosting', false]])
  })

  test('past thirty words, the rest is named, not matched', () => {
    const q = Array.from({ length: 34 }, (_, i) => `w${i}x`).join(' ')
    const read = readQuery(q, 'en', null)
    expect(read.words).toHaveLength(30)
    expect(read.beyond).toEqual(['w30x', 'w31x', 'w32x', 'w33x'])
  })
})

describe('relaxation', () => {
  const word = (key: string, optional = false, concept = false): QueryWord => ({
    key, text: key, typing: false, optional,
    concepts: concept ? [{ concept: { type: 'service', id: 'vpn' }, typos: 0, prefix: false, phrase: true }] : []
  })
  /** Slots 0..n-1 holding the given masks. */
  const run = (masks: number[], ws: QueryWord[], minimum: number, around: number[] | null = null) => {
    const mask = Int32Array.from(masks)
    const touched = Int32Array.from(masks.keys())
    return requiredWords(mask, touched, masks.length, ws, minimum, around ? Uint8Array.from(around) : null)
  }

  test('every required word while they fill a page together', () => {
    expect(run([3, 3, 1], [word('a'), word('b')], 2)).toEqual({ required: 3, dropped: [] })
  })

  test('the word whose absence lets most listings in goes first', () => {
    // a held by 3, b by 1, both by 1: dropping b lets 3 in
    expect(run([3, 1, 1], [word('a'), word('b')], 3)).toEqual({ required: 1, dropped: [1] })
  })

  test('on a tie, a word naming no service goes before one that does, a later before an earlier', () => {
    expect(run([1, 2], [word('a'), word('b', false, true)], 5).dropped).toEqual([0])
    expect(run([1, 2], [word('a'), word('b')], 5).dropped).toEqual([1])
  })

  test('optional words are never required, nor dropped', () => {
    expect(run([1, 1], [word('a'), word('b', true)], 2)).toEqual({ required: 1, dropped: [] })
  })

  test('with a place, three listings around it must hold the words', () => {
    // everywhere: 5 hold both; around: only slot 0 holds both, slots 0–3 hold a
    const masks = [3, 1, 1, 1, 3, 3, 3, 3]
    const around = [1, 1, 1, 1, 0, 0, 0, 0]
    expect(run(masks, [word('a'), word('b')], 5)).toEqual({ required: 3, dropped: [] })
    expect(run(masks, [word('a'), word('b')], 5, around)).toEqual({ required: 1, dropped: [1] })
  })

  test('popcount', () => {
    expect([popcount(0), popcount(1), popcount(0b1011), popcount(0x3fffffff)]).toEqual([0, 1, 3, 30])
  })
})
