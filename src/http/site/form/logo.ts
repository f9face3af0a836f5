/**
 * The form's logo rule: an `icon` the schema accepts must also be an image
 * we keep (federation/net/fetch-image.ts), checked on preview, on /join and
 * on the editor's save. The check is handed in (LogoCheck) so the routes
 * need no fetch policy of their own and tests can run without a network.
 */
import type { FieldError } from '../../../directory/result'
import { withRule } from '../../../directory/validate'
import { checkLogo, type LogoFailure } from '../../../federation/net/fetch-image'
import type { FetchPolicy } from '../../../federation/net/safe-fetch'
import type { MessageKey } from '../i18n/messages'

/** The rule a logo breaks when it is not an image we keep; its params say why (`kind`). */
export const LOGO_RULE = 'logo'

/** Checks a logo's address: null when it is kept, else the error at `icon`. */
export type LogoCheck = (url: string) => Promise<FieldError | null>

/** A LogoCheck through the guarded fetch, under this policy (the federation's: its allow list, its time limit). */
export const logoChecker = (policy: FetchPolicy): LogoCheck => async (url) => {
  const checked = await checkLogo(url, policy)
  return checked.ok ? null : logoError(checked.error)
}

/** A refused logo as the error at `icon`. */
export const logoError = (failure: LogoFailure): FieldError =>
  withRule({ field: 'icon', message: failure.kind === 'too-big' ? 'is larger than 512 KB' : `is not a PNG, JPEG, WebP or GIF image we could fetch (${failure.reason})` }, { keyword: LOGO_RULE, params: { kind: failure.kind } })

/** What the form says for each reason. */
export const LOGO_MESSAGES: Readonly<Record<LogoFailure['kind'], MessageKey>> = {
  unreachable: 'join.logoUnreachable', 'not-image': 'join.logoNotImage', 'too-big': 'join.logoTooBig'
}

/** The errors of a listing's logo, when it has one the schema found no fault with. */
export async function logoErrors(listing: Record<string, unknown>, schemaErrors: readonly FieldError[], check: LogoCheck | undefined): Promise<FieldError[]> {
  if (!check || typeof listing.icon !== 'string' || schemaErrors.some((e) => e.field === 'icon')) return []
  const error = await check(listing.icon)
  return error ? [error] : []
}
