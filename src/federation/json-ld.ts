/** Small readers for the loose JSON other servers send (a value, an id or an object with one). */

export type Json = Record<string, unknown>

/** A property that may hold one value or a list, as a list. */
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])

/** The id of a reference: a URL string, or an object's `id`. */
export const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as Json).id === 'string' ? ((v as Json).id as string) : undefined

/** scheme://host[:port] of a URL, or null when it is not one. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}
