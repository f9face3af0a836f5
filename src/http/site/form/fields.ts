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

/** How a field is entered. `number` is a text input for a decimal. */
export type InputKind = 'text' | 'number' | 'url' | 'email' | 'password' | 'textarea' | 'select' | 'checkboxes'

/** Where a menu's or a row of boxes' options come from. */
export type OptionList = 'kinds' | 'services' | 'languages' | 'uiLanguages'

/** One field of the form. */
export interface FormField {
  /** Its name on the form: its path in the listing, with dots ("name", "summaryMap.es", "location.0.latitude"). */
  readonly name: string
  /** That path, segment by segment. */
  readonly path: readonly string[]
  /** The listing property it is under ("summaryMap", "location", "contact"; "account" for the account), or none. */
  readonly container?: string
  /** Under the first item of a list of objects (the first place): given only when one of its required fields is. */
  readonly item: boolean
  readonly input: InputKind
  /** A list of values (ticked boxes), not one text. */
  readonly multi: boolean
  /** Required where it is (the listing, the account, or its item once given). */
  readonly required: boolean
  readonly label: MessageKey
  /** Of a field per UI language (a name or summary map): its language. */
  readonly lang?: UiLanguage
  /** The schema's maxLength for its value, when it has one. */
  readonly maxLength?: number
  readonly options?: OptionList
  /** A menu's value when the listing has none; the form sends one of the menu's options or gets this. */
  readonly fallback?: string
  readonly autocomplete?: string
  /** Stored in capitals (country codes). */
  readonly upperCase?: boolean
  /** The message shown for it whatever rule it broke. */
  readonly message?: MessageKey
}

/** The presentation of a listing field; `path` is the schema path, `*` for each UI language of a map. */
interface Declared {
  path: string
  label: MessageKey
  input?: InputKind
  options?: OptionList
  fallback?: string
  autocomplete?: string
  upperCase?: boolean
}

/** A listing's language when it names none (the schema: "defaults to en"). */
export const DEFAULT_LANGUAGE = 'en'

/** The form, in order. Everything else about each field is read from the schema. */
const DECLARED: readonly Declared[] = [
  { path: 'name', label: 'join.name' },
  { path: 'defaultLanguage', label: 'join.defaultLanguage', input: 'select', options: 'uiLanguages', fallback: DEFAULT_LANGUAGE },
  { path: 'kind', label: 'join.kind', options: 'kinds' },
  { path: 'summaryMap.*', label: 'join.summaryIn', input: 'textarea' },
  { path: 'nameMap.*', label: 'join.nameIn' },
  { path: 'services', label: 'join.services', options: 'services' },
  { path: 'languages', label: 'join.languages', options: 'languages' },
  { path: 'location.0.latitude', label: 'join.latitude' },
  { path: 'location.0.longitude', label: 'join.longitude' },
  { path: 'location.0.name', label: 'join.place' },
  { path: 'location.0.country', label: 'join.country', upperCase: true },
  { path: 'contact.website', label: 'join.website', autocomplete: 'url' },
  { path: 'contact.email', label: 'join.email' }
]

/** The part of JSON Schema the table reads. */
interface SchemaNode {
  type?: string
  format?: string
  enum?: readonly unknown[]
  maxLength?: number
  required?: readonly string[]
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
    const next = node.type === 'array' && /^\d+$/.test(segment) ? node.items
      : segment === '*' ? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined)
        : node.properties?.[segment]
    if (!next) throw new Error(`form field ${path.join('.')} is not in listing.schema.json`)
    if (node.type === 'array') item = true
    else required = node.required?.includes(segment) ?? false
    node = next
  }
  return { node, required, item }
}

const inputOf = (node: SchemaNode): InputKind =>
  node.type === 'array' ? 'checkboxes' : node.type === 'number' ? 'number' : node.format === 'email' ? 'email' : node.format === 'uri' ? 'url' : node.enum ? 'select' : 'text'

function fieldsOf(declared: Declared): FormField[] {
  const segments = declared.path.split('.')
  const { node, required, item } = resolve(segments)
  const input = declared.input ?? inputOf(node)
  if ((input === 'select' || input === 'checkboxes') && !declared.options) throw new Error(`form field ${declared.path} needs its options`)
  const field = (path: string[], lang?: UiLanguage): FormField => ({
    name: path.join('.'), path, ...(path.length > 1 ? { container: path[0] } : {}), item,
    input, multi: node.type === 'array', required, label: declared.label,
    ...(lang ? { lang } : {}), ...(node.maxLength !== undefined ? { maxLength: node.maxLength } : {}),
    ...(declared.options ? { options: declared.options } : {}), ...(declared.fallback ? { fallback: declared.fallback } : {}),
    ...(declared.autocomplete ? { autocomplete: declared.autocomplete } : {}), ...(declared.upperCase ? { upperCase: true } : {})
  })
  return segments.at(-1) === '*' ? UI_LANGUAGES.map((l) => field([...segments.slice(0, -1), l], l)) : [field(segments)]
}

/** Every listing field of the form, in the form's order. */
export const LISTING_FIELDS: readonly FormField[] = Object.freeze(DECLARED.flatMap(fieldsOf))

/** The editor account, asked for on /join only (not part of a listing, so not in its schema). */
export const ACCOUNT_FIELDS: readonly FormField[] = Object.freeze([
  { name: 'account.email', path: ['account', 'email'], container: 'account', item: false, input: 'email', multi: false, required: true, label: 'join.accountEmail', autocomplete: 'email', message: 'error.email' },
  { name: 'account.password', path: ['account', 'password'], container: 'account', item: false, input: 'password', multi: false, required: true, label: 'join.password', autocomplete: 'new-password', message: 'error.password' }
] satisfies FormField[])

const BY_NAME = new Map([...LISTING_FIELDS, ...ACCOUNT_FIELDS].map((f) => [f.name, f]))

/** The field with this form name, if the form has it. */
export const formFieldNamed = (name: string): FormField | undefined => BY_NAME.get(name)

/** Languages offered as boxes to tick; others can be typed as codes. */
export const COMMON_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'ca', 'eu', 'ar', 'sw', 'qu', 'gn', 'nah', 'yo', 'am', 'wo']

/** An option's label in the reader's language: a kind's or service's name, a language's name. */
export function optionLabel(ui: Ui, list: OptionList, value: string): string {
  if (list === 'kinds') return kindLabel(value, ui.lang)
  if (list === 'services') return serviceLabel(value, ui.lang)
  return ui.languageName(value)
}

/** The values a menu or a row of boxes offers. */
export function optionIds(list: OptionList): readonly string[] {
  if (list === 'kinds') return KINDS.map((k) => k.id)
  if (list === 'services') return SERVICES.map((s) => s.id)
  return list === 'languages' ? COMMON_LANGUAGES : UI_LANGUAGES
}

/** The options a menu or a row of boxes offers, as [value, label]. */
export const offered = (ui: Ui, list: OptionList): Array<[string, string]> => optionIds(list).map((id) => [id, optionLabel(ui, list, id)])

/** A value as one text (a list's items joined), or '' when there is none. */
export const text = (v: FormValues[string]): string => (Array.isArray(v) ? v.join(', ') : v ?? '')
/** A value as a list (one text as a list of one), or [] when there is none. */
export const list = (v: FormValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : [])
