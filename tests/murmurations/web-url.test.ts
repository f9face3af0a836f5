/**
 * One rule for "a web address" in every exchange format (website-key.ts
 * isWebUrl): what the Murmurations profile and the JSON-LD write as a
 * website or logo, and what a profile read from elsewhere may give.
 */
import { isWebUrl } from '../../src/exchange/website-key'

test('an absolute http(s) address with no whitespace is one; anything else is not', () => {
  for (const yes of ['https://coop.example', 'http://coop.example/a?b=c#d', 'HTTPS://Coop.Example/x']) expect(isWebUrl(yes)).toBe(true)
  for (const no of [undefined, null, 42, '', 'coop.example', 'https://', 'https://coop.example/a b', ' https://coop.example', 'https://coop.example\n', 'ftp://coop.example', 'javascript:alert(1)', 'mailto:a@coop.example', `https://coop.example/${'a'.repeat(2000)}`]) expect(isWebUrl(no)).toBe(false)
})
