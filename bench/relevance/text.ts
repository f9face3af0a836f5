/**
 * Text helpers the two libraries are given (their documentation leaves
 * normalising and stop words to the caller): accent folding, and the stop
 * words of the four languages. The embedded engine is given none of this;
 * it does its own.
 */

/** Lower case, accents off, apostrophes as spaces ("d’accessibilité" → "d accessibilite"). */
export const fold = (text: string): string =>
  text.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[’'`]/g, ' ').replace(/œ/g, 'oe').replace(/æ/g, 'ae')

/** Words that never say what or where: articles, prepositions, "near", "perto de", "à côté de", folded. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // en
    'a an and at by for from in into near nearby of on or our the to with we us my me i need looking around close',
    // es
    'a al con de del el en la las los para por un una unos unas y o cerca que nuestra nuestro nuestros mi necesito busco',
    // fr
    'a au aux avec de des du d en et la le les l pour pres un une sur dans chez cote par notre nos ou',
    // pt
    'a ao aos com da das de do dos e em na nas no nos o os para perto por um uma numa num nossa nosso ou'
  ].join(' ').split(' ')
)

/** The folded words of a text without stop words (for place look-ups). */
export const contentWords = (text: string): string[] => fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP_WORDS.has(w))
