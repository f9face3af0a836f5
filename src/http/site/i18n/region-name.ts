/**
 * A region served (schema `regionsServed`) in the reader's words: "remote"
 * translated, a country by its name, a subdivision by its code and its
 * country's name ("MX-OAX (México)"); anything else as it is stored. One
 * home for the form's echo, the profile and the operator's diff.
 */
import type { Ui } from './translate'

export function regionName(ui: Ui, code: string): string {
  if (code === 'remote') return ui.t('join.remote')
  if (!/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/.test(code)) return code
  return code.length === 2 ? ui.countryName(code) : `${code} (${ui.countryName(code.slice(0, 2))})`
}
