/** What a Meilisearch hit matched, from its _matchesPosition (no server needed). */
import { hitMatch, relaxedWords } from '../../src/search/meilisearch/matched'
import { readQuery } from '../../src/search/reading/read-query'
import type { MeiliDocument } from '../../src/search/meilisearch/translate'
import type { SearchHit } from '../../src/search/search-index'

const doc = (over: Partial<MeiliDocument> & { _matchesPosition?: Record<string, Array<{ start: number; length: number }>> }) =>
  ({ name: '', services_text: '', places_text: '', summary: '', services: [], ...over }) as MeiliDocument & { _matchesPosition?: Record<string, Array<{ start: number; length: number }>> }

describe('a Meilisearch hit\'s matched words and services', () => {
  test('words from the matched spans, typos and the word being typed included', () => {
    const read = readQuery('hostign cooperativ', 'es', null)
    const d = doc({ name: 'Hosting Cooperativa Sur', _matchesPosition: { name: [{ start: 0, length: 7 }, { start: 8, length: 11 }] } })
    expect(hitMatch(read, d).words).toEqual(['hostign', 'cooperativ'])
  })

  test('a word naming a service the hit offers is matched, and the service with it', () => {
    const read = readQuery('correo seguro', 'es', null)
    const d = doc({ services: ['encrypted-email', 'web-hosting'], services_text: 'encrypted email', _matchesPosition: { services_text: [{ start: 0, length: 15 }] } })
    expect(hitMatch(read, d)).toEqual({ words: ['correo', 'seguro'], services: ['encrypted-email'] })
  })

  test('a required word no hit of the page holds was relaxed; an optional one is not reported', () => {
    const read = readQuery('vpn zanahoria para sindicatos', 'es', null)
    const hit = (words: string[]) => ({ matched: { words, services: [] } }) as unknown as SearchHit
    expect(relaxedWords(read, [hit(['vpn']), hit(['vpn'])])).toEqual(['zanahoria'])
    expect(relaxedWords(read, [])).toEqual([])
  })
})
