/**
 * The editor form ⇄ a stored listing. The form shows only part of a listing
 * (four UI languages, the first place's coordinates, name and country,
 * website and email, summaries as plain paragraphs), so a save must not
 * write the form back whole: it compares the form as submitted with the form
 * as the stored listing renders, and turns only the fields the person
 * changed into a JSON merge patch. Everything else — other languages, the
 * address, other places, rich summary HTML — stays exactly as stored, and an
 * unchanged save is an empty patch (a no-op: no new version, nothing sent).
 */
import crypto from 'node:crypto'
import type { Listing } from '../../../directory/listing'
import { escapeHtml } from '../html'
import { UI_LANGUAGES } from '../i18n/translate'
import type { JoinValues } from '../join/view'

/**
 * Summary HTML (sanitised: only the small allowed subset) as the plain text
 * the form edits: blocks become paragraphs, list items lines. It is shown
 * only; unless the person edits it, the stored HTML is kept as it is.
 */
const asParagraphs = (htmlText: string): string =>
  htmlText.replace(/<br\s*\/?>/g, '\n').replace(/<\/li>/g, '\n').replace(/<\/?(?:p|ul|ol|blockquote)>/g, '\n\n').replace(/<[^<>]*>/g, '') // [^<>]: linear on runs of "<"
    .replace(/\n[ \t]*\n(?:[ \t]*\n)*/g, '\n\n')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim()

/** Plain text paragraphs (blank lines between) as the small HTML a summary holds. */
const paragraphs = (plain: string): string => plain.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('')

const PLACE_FIELDS = ['latitude', 'longitude', 'name', 'country'] as const
const CONTACT_FIELDS = ['website', 'email'] as const
const LIST_FIELDS = new Set(['services', 'languages'])
const MULTILINE = new Set(UI_LANGUAGES.map((l) => `summaryMap.${l}`))

/** Every field the editor form shows, by its form name. */
export const FORM_FIELDS: readonly string[] = [
  'name', 'defaultLanguage', 'kind',
  ...UI_LANGUAGES.map((l) => `summaryMap.${l}`),
  ...UI_LANGUAGES.map((l) => `nameMap.${l}`),
  'services', 'languages',
  ...PLACE_FIELDS.map((f) => `location.0.${f}`),
  ...CONTACT_FIELDS.map((f) => `contact.${f}`)
]

/** A listing as the form's values. */
export function formValues(l: Listing): JoinValues {
  const values: JoinValues = { name: l.name, kind: l.kind, defaultLanguage: l.defaultLanguage ?? 'en', services: l.services ?? [], languages: l.languages ?? [] }
  for (const lang of UI_LANGUAGES) {
    if (l.nameMap?.[lang]) values[`nameMap.${lang}`] = l.nameMap[lang]
    const summary = l.summaryMap?.[lang] ?? (lang === (l.defaultLanguage ?? 'en') ? l.summary : undefined)
    if (summary) values[`summaryMap.${lang}`] = asParagraphs(summary)
  }
  const place = l.location?.[0]
  if (place) {
    values['location.0.latitude'] = String(place.latitude)
    values['location.0.longitude'] = String(place.longitude)
    if (place.name) values['location.0.name'] = place.name
    if (place.country) values['location.0.country'] = place.country
  }
  if (l.contact?.website) values['contact.website'] = l.contact.website
  if (l.contact?.email) values['contact.email'] = l.contact.email
  return values
}

const texts = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')

/**
 * A field's value as compared: what a browser sends back for what was shown
 * (CRLF line ends in a textarea, no line breaks in an input, trimmed);
 * ticked boxes as a set.
 */
export function canonical(field: string, value: unknown): string {
  if (LIST_FIELDS.has(field)) return [...new Set(texts(value).map((x) => x.trim()).filter(Boolean))].sort().join('\n')
  const raw = texts(value).join(', ').replace(/\r\n?/g, '\n')
  return (MULTILINE.has(field) ? raw : raw.replace(/\n/g, '')).trim()
}

const digest = (text: string): string => crypto.createHash('sha256').update(text).digest('base64url').slice(0, 12)

/** A short digest of each field as loaded, carried by the form so a refused save can say what changed since. */
export const fingerprint = (values: JoinValues): string =>
  JSON.stringify(Object.fromEntries(FORM_FIELDS.map((f) => [f, digest(canonical(f, values[f]))])))

/** The form fields whose current value differs from the fingerprint the form was loaded with (all when it is unreadable). */
export function changedSince(loaded: unknown, current: JoinValues): string[] {
  let digests: Record<string, unknown> = {}
  try {
    const parsed: unknown = typeof loaded === 'string' ? JSON.parse(loaded) : null
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) digests = parsed as Record<string, unknown>
  } catch {
    // an unreadable fingerprint (a tampered or truncated form): every field counts as changed
  }
  return FORM_FIELDS.filter((f) => digests[f] !== digest(canonical(f, current[f])))
}

type Body = Record<string, unknown>

/** The merge patch that makes `current` say what the person changed on the form, and nothing else. */
export function formPatch(current: Listing, submitted: Body): Record<string, unknown> {
  const loaded = formValues(current)
  const changed = (f: string) => canonical(f, loaded[f]) !== canonical(f, submitted[f])
  const value = (f: string) => canonical(f, submitted[f])
  const patch: Record<string, unknown> = {}
  for (const f of ['name', 'kind', 'defaultLanguage']) if (changed(f)) patch[f] = value(f)
  const names = mapPatch(current.nameMap, 'nameMap', changed, value, (v) => v)
  if (names !== undefined) patch.nameMap = names
  const summaries = mapPatch(current.summaryMap, 'summaryMap', changed, value, paragraphs)
  if (summaries !== undefined) patch.summaryMap = summaries
  // The plain summary is the default language's: it follows that textarea (which shows it when the map has none).
  const home = `summaryMap.${current.defaultLanguage ?? 'en'}`
  if (current.summary !== undefined && MULTILINE.has(home) && changed(home)) patch.summary = value(home) ? paragraphs(value(home)) : null
  for (const f of ['services', 'languages'] as const) {
    if (!changed(f)) continue
    const wanted = value(f).split('\n').filter(Boolean)
    const kept = (current[f] ?? []).filter((x) => wanted.includes(x)) // stored order kept, new ones after
    const next = [...kept, ...wanted.filter((x) => !kept.includes(x))]
    patch[f] = next.length ? next : null
  }
  const location = locationPatch(current, changed, value)
  if (location !== undefined) patch.location = location
  const contact = contactPatch(current, changed, value)
  if (contact !== undefined) patch.contact = contact
  return patch
}

type Changed = (field: string) => boolean
type Value = (field: string) => string

/** Per-language changes to a name or summary map: a cleared field removes its language, the others stay. */
function mapPatch(stored: Record<string, string> | undefined, field: 'nameMap' | 'summaryMap', changed: Changed, value: Value, toStored: (text: string) => string): Record<string, string | null> | null | undefined {
  const patch: Record<string, string | null> = {}
  for (const lang of UI_LANGUAGES) {
    if (changed(`${field}.${lang}`)) patch[lang] = value(`${field}.${lang}`) ? toStored(value(`${field}.${lang}`)) : null
  }
  if (Object.keys(patch).length === 0) return undefined
  const left = Object.keys(stored ?? {}).filter((lang) => patch[lang] !== null)
  return left.length || Object.values(patch).some((v) => v !== null) ? patch : null
}

/** Changes to the first place only; its address and the other places stay. Clearing both coordinates removes it. */
function locationPatch(current: Listing, changed: Changed, value: Value): Array<Record<string, unknown>> | null | undefined {
  if (!PLACE_FIELDS.some((f) => changed(`location.0.${f}`))) return undefined
  const place: Record<string, unknown> = { ...(current.location?.[0] ?? {}) }
  for (const f of PLACE_FIELDS) {
    if (!changed(`location.0.${f}`)) continue
    const v = value(`location.0.${f}`)
    if (v === '') delete place[f]
    else if (f === 'latitude' || f === 'longitude') place[f] = Number.isFinite(Number(v)) ? Number(v) : v // not a number: the schema names the field
    else place[f] = f === 'country' ? v.toUpperCase() : v
  }
  const rest = (current.location ?? []).slice(1) as unknown as Array<Record<string, unknown>>
  const next = place.latitude === undefined && place.longitude === undefined ? rest : [place, ...rest]
  return next.length ? next : null
}

function contactPatch(current: Listing, changed: Changed, value: Value): Record<string, string | null> | null | undefined {
  const patch: Record<string, string | null> = {}
  for (const f of CONTACT_FIELDS) if (changed(`contact.${f}`)) patch[f] = value(`contact.${f}`) || null
  if (Object.keys(patch).length === 0) return undefined
  const left = Object.keys(current.contact ?? {}).filter((k) => patch[k] !== null)
  return left.length || Object.values(patch).some((v) => v !== null) ? patch : null
}
