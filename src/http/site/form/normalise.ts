/**
 * What people type, as the listing stores it: the one home of the form's
 * forgiveness, shared by /join (form/parse.ts) and the editor's merge patch
 * (form/listing-form.ts) through convert.ts's `toStored`. A decimal comma
 * ("-8,05"), a country by its name in any of the four UI languages
 * ("Brasil", "Brésil") and a site without its scheme ("maredigital.coop.br")
 * are read as meant. What still cannot be read is returned as typed, for
 * the schema to refuse with the field's own hint.
 */
import { countryCodeOf } from '../../../search/places/countries'

/** A decimal typed with a point or a comma, an optional sign (a typographic minus too): anchored, no nested quantifiers. */
const DECIMAL = /^[+\-\u2212]?\d{1,12}(?:[.,]\d{1,15})?$/

/** A typed decimal as a number, or undefined when it is not one. */
export function decimal(text: string): number | undefined {
  const typed = text.trim()
  if (!DECIMAL.test(typed)) return undefined
  return Number(typed.replace(',', '.').replace('\u2212', '-'))
}

/** A whole number typed with or without group separators ("1 200", "1.200" are read as 1200 only when grouped by threes). */
export function wholeNumber(text: string): number | undefined {
  const typed = text.trim()
  if (/^\d{1,7}$/.test(typed)) return Number(typed)
  if (/^\d{1,3}(?:[ .,\u00a0\u202f]\d{3}){1,2}$/.test(typed)) return Number(typed.replace(/\D/g, ''))
  return undefined
}

/** A country as its ISO code, as every reader of countries reads it (search/places/countries.ts). */
export const countryCode = countryCodeOf

/**
 * A web address: as typed when it has a scheme; else, when it reads as a
 * host name (with a dot, no spaces), the same with https:// in front.
 * Anything else is returned as typed, for the schema to refuse.
 */
export function webAddress(text: string): string {
  const typed = text.trim()
  if (typed === '' || /^[a-z][a-z0-9+.-]*:/i.test(typed) || /\s/.test(typed)) return typed
  const bare = typed.replace(/^\/\//, '')
  try {
    const url = new URL(`https://${bare}`)
    return url.hostname.includes('.') && !url.hostname.endsWith('.') ? `https://${bare}` : typed
  } catch {
    return typed
  }
}
