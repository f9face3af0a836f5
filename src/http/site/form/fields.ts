/**
 * The listing form's fields, in one table, in the order the form shows
 * them. What a field is — its path in a listing, a single text or a list,
 * a number, an email or a web address, required or not, its longest value,
 * one per UI language — comes from schemas/listing.schema.json; only how it
 * is presented (label, menu or text area, its options) is written here.
 * The join page and the editor render it, the form parser and the editor's
 * merge read it, and the field caps come from it. A field that is not in
 * the schema fails at load, so the form cannot drift from the schema.
 */
import schema from '../../../../schemas/listing.schema.json'
import { KINDS, SERVICES, kindLabel, serviceLabel } from '../../../directory/vocabulary'
import type { MessageKey } from '../i18n/messages'
import { UI_LANGUAGES, type Ui, type UiLanguage } from '../i18n/translate'

/** What the browser sent (or nothing yet): field name → text or list. */
export type FormValues = Record<string, string | string[] | undefined>
/** Field name → message key. */
export type FormErrors = Record<string, MessageKey>

/** How a field is entered. `number` is a text input for a decimal; `list` one text of comma-separated items. */
export type InputKind = 'text' | 'number' | 'url' | 'email' | 'password' | 'textarea' | 'select' | 'checkboxes' | 'radio' | 'list'

/** What the listing stores for a field, from the schema's type. */
export type ValueType = 'string' | 'number' | 'integer' | 'boolean' | 'list'

/** Where a menu's, a row of boxes' or radio buttons' options come from. */
export type OptionList = 'kinds' | 'services' | 'languages' | 'uiLanguages' | 'licenses' | 'visibility' | 'yesNo'

/** How a field's typed text is read before it is stored (normalise.ts): a web address, a country. */
export type Reading = 'webAddress' | 'country' | 'countries'

/** Where a field is shown on the form: the runs of one group are wrapped together. */
export type FieldGroup = 'about' | 'languages' | 'services' | 'place' | 'contact' | 'more' | 'license' | 'account'

/** One field of the form. */
export interface FormField {
  /** Its name on the form: its path in the listing, with dots ("name", "summaryMap.es", "location.0.latitude"). */
  readonly name: string
  /** That path, segment by segment. */
  readonly path: readonly string[]
  /** The listing property it is under ("summaryMap", "location", "contact"; "account" for the account), or none. */
  readonly container?: string
  /** Under an item of a list of objects (a place): written only when that item is given. */
  readonly item: boolean
  /** Of an item: which one (0 for the first place). */
  readonly index?: number
  readonly input: InputKind
  /** What is stored: a text, a number, a whole number, yes or no, a list. */
  readonly value: ValueType
  /** A list of values (ticked boxes), not one text. */
  readonly multi: boolean
  /** Required where it is (the listing, the account, or its item once given). */
  readonly required: boolean
  readonly label: MessageKey
  /** Where it is shown on the form. */
  readonly group: FieldGroup
  /** Of a field per UI language (a name or summary map): its language. */
  readonly lang?: UiLanguage
  /** The schema's maxLength for its value, when it has one. */
  readonly maxLength?: number
  readonly options?: OptionList
  /** A menu's value when the listing has none; the form sends one of the menu's options or gets this. */
  readonly fallback?: string
  /** The fallback is what an absent value means (a contact's visibility): it is not written. */
  readonly implicit?: boolean
  readonly autocomplete?: string
  /** How the typed text is read (a site without its scheme, a country by its name). */
  readonly reading?: Reading
  /** Edited as plain paragraphs, stored as the small HTML of a summary. */
  readonly html?: boolean
  /** The message shown for it whatever rule it broke. */
  readonly message?: MessageKey
  /** The message shown when its value cannot be read (a wrong format, type or range): what to type instead. */
  readonly hint?: MessageKey
  /** A line under the label saying what to type. */
  readonly help?: MessageKey
}

/** The presentation of a listing field; `path` is the schema path, `*` for each UI language of a map. */
interface Declared {
  path: string
  label: MessageKey
  group: FieldGroup
  input?: InputKind
  options?: OptionList
  fallback?: string
  implicit?: boolean
  autocomplete?: string
  reading?: Reading
  html?: boolean
  hint?: MessageKey
  help?: MessageKey
}

/** A listing's language when it names none (the schema: "defaults to en"). */
export const DEFAULT_LANGUAGE = 'en'

/** The data licence a listing is offered under when it names none. */
export const DEFAULT_LICENSE = 'CC0-1.0'

const CONTACTS = ['website', 'email', 'fediverse', 'matrix', 'phone'] as const
const CONTACT_LABELS: Record<(typeof CONTACTS)[number], { label: MessageKey; hint?: MessageKey; autocomplete?: string; reading?: Reading }> = {
  website: { label: 'join.website', hint: 'join.hint.website', autocomplete: 'url', reading: 'webAddress' },
  email: { label: 'join.email', autocomplete: 'email' },
  fediverse: { label: 'join.fediverse', hint: 'join.hint.fediverse' },
  matrix: { label: 'join.matrix', hint: 'join.hint.matrix' },
  phone: { label: 'join.phone', hint: 'join.hint.phone', autocomplete: 'tel' }
}

/** Each contact field, then who may see it. */
const CONTACT_FIELDS: Declared[] = CONTACTS.flatMap((c): Declared[] => [
  { path: `contact.${c}`, group: 'contact', ...CONTACT_LABELS[c] },
  { path: `contactVisibility.${c}`, label: 'join.visibility', group: 'contact', input: 'select', options: 'visibility', fallback: 'public', implicit: true }
])

/** The form, in order. Everything else about each field is read from the schema. */
const DECLARED: readonly Declared[] = [
  { path: 'defaultLanguage', label: 'join.defaultLanguage', group: 'about', input: 'select', options: 'uiLanguages', fallback: DEFAULT_LANGUAGE },
  { path: 'name', label: 'join.name', group: 'about' },
  { path: 'kind', label: 'join.kind', group: 'about', options: 'kinds' },
  { path: 'summaryMap.*', label: 'join.summaryIn', group: 'languages', input: 'textarea', html: true },
  { path: 'nameMap.*', label: 'join.nameIn', group: 'languages' },
  { path: 'services', label: 'join.services', group: 'services', options: 'services' },
  { path: 'languages', label: 'join.languages', group: 'services', options: 'languages' },
  { path: 'location.#.name', label: 'join.place', group: 'place', help: 'join.help.place' },
  { path: 'location.#.address', label: 'join.address', group: 'place' },
  { path: 'location.#.country', label: 'join.countryName', group: 'place', reading: 'country', hint: 'join.hint.country' },
  { path: 'location.#.latitude', label: 'join.latitude', group: 'place', hint: 'join.hint.latitude' },
  { path: 'location.#.longitude', label: 'join.longitude', group: 'place', hint: 'join.hint.longitude' },
  ...CONTACT_FIELDS,
  { path: 'icon', label: 'join.icon', group: 'more', input: 'url', reading: 'webAddress', hint: 'join.hint.icon', help: 'join.help.icon' },
  { path: 'acceptingClients', label: 'join.acceptingClients', group: 'more', options: 'yesNo' },
  { path: 'regionsServed', label: 'join.regionsServed', group: 'more', reading: 'countries', hint: 'join.hint.regions', help: 'join.help.regions' },
  { path: 'pricing', label: 'join.pricing', group: 'more', input: 'textarea' },
  { path: 'networks', label: 'join.networks', group: 'more', help: 'join.help.list' },
  { path: 'tags', label: 'join.tags', group: 'more', help: 'join.help.list' },
  { path: 'founded', label: 'join.founded', group: 'more', hint: 'join.hint.founded' },
  { path: 'size', label: 'join.size', group: 'more', hint: 'join.hint.size' },
  { path: 'dataLicense', label: 'join.dataLicense', group: 'license', input: 'radio', options: 'licenses', fallback: DEFAULT_LICENSE }
]

/** The part of JSON Schema the table reads. */
interface SchemaNode {
  type?: string
  format?: string
  enum?: readonly unknown[]
  maxLength?: number
  required?: readonly string[]
  maxItems?: number
  properties?: Readonly<Record<string, SchemaNode>>
  additionalProperties?: SchemaNode | boolean
  items?: SchemaNode
}

const LISTING_SCHEMA: SchemaNode = schema

/** The schema node at a path, whether the last object on the way requires it, and whether it is inside a list's item. */
function resolve(path: readonly string[]): { node: SchemaNode; required: boolean; item: boolean } {
  let node = LISTING_SCHEMA
  let required = false
  let item = false
  for (const segment of path) {
    const open = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined
    const next = node.type === 'array' && /^(?:\d+|#)$/.test(segment) ? node.items
      : segment === '*' ? open
        : node.properties?.[segment] ?? (node.properties ? undefined : open) // a map (contactVisibility): any key its schema allows
    if (!next) throw new Error(`form field ${path.join('.')} is not in listing.schema.json`)
    if (node.type === 'array') item = true
    else required = node.required?.includes(segment) ?? false
    node = next
  }
  return { node, required, item }
}

const valueOf = (node: SchemaNode): ValueType =>
  node.type === 'array' ? 'list' : node.type === 'number' ? 'number' : node.type === 'integer' ? 'integer' : node.type === 'boolean' ? 'boolean' : 'string'

function inputOf(node: SchemaNode, declared: Declared): InputKind {
  if (node.type === 'array') return declared.options ? 'checkboxes' : 'list'
  if (node.type === 'number' || node.type === 'integer') return 'number'
  if (node.type === 'boolean' || node.enum) return 'select'
  return node.format === 'email' ? 'email' : node.format === 'uri' ? 'url' : 'text'
}

function fieldsOf(declared: Declared): FormField[] {
  const segments = declared.path.split('.')
  const { node, required, item } = resolve(segments)
  const input = declared.input ?? inputOf(node, declared)
  if ((input === 'select' || input === 'checkboxes' || input === 'radio') && !declared.options) throw new Error(`form field ${declared.path} needs its options`)
  const { path: _path, input: _input, ...presentation } = declared
  const field = (path: string[], lang?: UiLanguage): FormField => ({
    name: path.join('.'), path, ...(path.length > 1 ? { container: path[0] } : {}), item,
    input, value: valueOf(node), multi: input === 'checkboxes', required, ...presentation,
    ...(lang ? { lang } : {}), ...(node.maxLength !== undefined ? { maxLength: node.maxLength } : {})
  })
  if (segments.at(-1) === '*') return UI_LANGUAGES.map((l) => field([...segments.slice(0, -1), l], l))
  const each = segments.indexOf('#')
  if (each < 0) return [field(segments)]
  // Every item the list may hold (the schema's maxItems): the form shows those given and one more.
  const count = resolve(segments.slice(0, each)).node.maxItems ?? 1
  return Array.from({ length: count }, (_, i) => ({ ...field(segments.map((x) => (x === '#' ? String(i) : x))), index: i }))
}

/** Item fields item by item (all of the first place, then the second's…), where the first of them was declared. */
function byItem(fields: FormField[]): FormField[] {
  const first = fields.findIndex((f) => f.index !== undefined)
  if (first < 0) return fields
  const items = fields.filter((f) => f.index !== undefined).sort((a, b) => (a.index as number) - (b.index as number)) // stable: declared order within an item
  return [...fields.slice(0, first), ...items, ...fields.slice(first).filter((f) => f.index === undefined)]
}

/** Every listing field of the form, in the form's order. */
export const LISTING_FIELDS: readonly FormField[] = Object.freeze(byItem(DECLARED.flatMap(fieldsOf)))

/** The form field a browser sends, ticked, to remove an item (a place) from the listing. */
export const removeField = (container: string, index: number): string => `_remove.${container}.${index}`

/** The editor account, asked for on /join only (not part of a listing, so not in its schema). */
export const ACCOUNT_FIELDS: readonly FormField[] = Object.freeze([
  { name: 'account.email', path: ['account', 'email'], container: 'account', item: false, input: 'email', value: 'string', multi: false, required: true, label: 'join.accountEmail', group: 'account', autocomplete: 'email', message: 'error.email' },
  { name: 'account.password', path: ['account', 'password'], container: 'account', item: false, input: 'password', value: 'string', multi: false, required: true, label: 'join.password', group: 'account', autocomplete: 'new-password', message: 'error.password' }
] satisfies FormField[])

const BY_NAME = new Map([...LISTING_FIELDS, ...ACCOUNT_FIELDS].map((f) => [f.name, f]))

/** The field with this form name, if the form has it. */
export const formFieldNamed = (name: string): FormField | undefined => BY_NAME.get(name)

/** Languages offered as boxes to tick; others can be typed as codes. */
export const COMMON_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'ca', 'eu', 'ar', 'sw', 'qu', 'gn', 'nah', 'yo', 'am', 'wo']

/** The data licences a listing may be offered under (the schema's), the default first. */
export const LICENSES = ['CC0-1.0', 'CC-BY-SA-4.0'] as const

/** Options whose labels are messages: a licence's name, a visibility, yes or no. */
const OPTION_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'CC0-1.0': 'join.licenseCc0', 'CC-BY-SA-4.0': 'join.licenseBySa', public: 'join.visibilityPublic', partners: 'join.visibilityPartners', true: 'join.yes', false: 'join.no'
}

/** An option's label in the reader's language: a kind's or service's name, a language's name. */
export function optionLabel(ui: Ui, list: OptionList, value: string): string {
  if (list === 'kinds') return kindLabel(value, ui.lang)
  if (list === 'services') return serviceLabel(value, ui.lang)
  if (list === 'languages' || list === 'uiLanguages') return ui.languageName(value)
  const key = OPTION_MESSAGES[value]
  return key ? ui.t(key) : value
}

/** The values a menu or a row of boxes offers. */
export function optionIds(list: OptionList): readonly string[] {
  switch (list) {
    case 'kinds': return KINDS.map((k) => k.id)
    case 'services': return SERVICES.map((s) => s.id)
    case 'languages': return COMMON_LANGUAGES
    case 'licenses': return LICENSES
    case 'visibility': return ['public', 'partners']
    case 'yesNo': return ['true', 'false']
    default: return UI_LANGUAGES
  }
}

/** The options a menu or a row of boxes offers, as [value, label]. */
export const offered = (ui: Ui, list: OptionList): Array<[string, string]> => optionIds(list).map((id) => [id, optionLabel(ui, list, id)])

/** A value as one text (a list's items joined), or '' when there is none. */
export const text = (v: FormValues[string]): string => (Array.isArray(v) ? v.join(', ') : v ?? '')
/** A value as a list (one text as a list of one), or [] when there is none. */
export const list = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : [])
