/**
 * Times on the operator pages as a person says them ("5 minutes ago", in
 * the reader's language, from Intl.RelativeTimeFormat), with the exact date
 * and time in UTC on hover and in the markup (<time datetime title>).
 */
import { html, type SafeHtml } from '../html'
import type { UiLanguage } from '../i18n/translate'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The largest unit that still reads naturally for a distance, smallest first. */
const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number, number]> = [
  // unit, its length, and the distance from which the next unit takes over
  ['second', SECOND, MINUTE],
  ['minute', MINUTE, HOUR],
  ['hour', HOUR, DAY],
  ['day', DAY, 30 * DAY],
  ['month', 30 * DAY, 365 * DAY],
  ['year', 365 * DAY, Infinity]
]

const relative = new Map<UiLanguage, Intl.RelativeTimeFormat>()
const exact = new Map<UiLanguage, Intl.DateTimeFormat>()

function cached<T>(map: Map<UiLanguage, T>, lang: UiLanguage, make: () => T): T {
  let found = map.get(lang)
  if (!found) map.set(lang, (found = make()))
  return found
}

/** "5 minutes ago", "yesterday", "in 2 hours" (a peer's clock may run ahead): `then` seen from `now`. */
export function relativeTime(lang: UiLanguage, then: Date, now: Date): string {
  const format = cached(relative, lang, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }))
  const distance = then.getTime() - now.getTime()
  const [unit, length] = UNITS.find(([, , upTo]) => Math.abs(distance) < upTo) ?? (UNITS.at(-1) as (typeof UNITS)[number])
  return format.format(Math.round(distance / length), unit)
}

/** The exact date and time, in UTC and saying so. */
export function exactTime(lang: UiLanguage, when: Date): string {
  return cached(exact, lang, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' })).format(when)
}

/** A <time> that says how long ago, with the exact time as its title and datetime. */
export function timeAgo(lang: UiLanguage, when: Date, now: Date): SafeHtml {
  return html`<time datetime="${when.toISOString()}" title="${exactTime(lang, when)}">${relativeTime(lang, when, now)}</time>`
}
