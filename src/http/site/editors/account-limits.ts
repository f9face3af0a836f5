/**
 * Field caps of the account and reset forms (checked before anything reads
 * a field, as form/limits.ts does for the listing form), and the reset
 * form's limiter.
 */
import type { Request, RequestHandler, Response } from 'express'
import { MAX_EMAIL, MAX_PASSWORD } from '../../../directory/editor-accounts'
import { FORM_FIELD_CAPS } from '../form/limits'
import { signInLimiter } from '../sign-in-limit'

/** The account and reset forms' fields; any other field has the default cap (a CSRF token, a box's value). */
export const ACCOUNT_FIELD_CAPS: Readonly<Record<string, number>> = Object.freeze({
  ...FORM_FIELD_CAPS,
  current: MAX_PASSWORD,
  newPassword: MAX_PASSWORD,
  newPasswordAgain: MAX_PASSWORD,
  newEmail: MAX_EMAIL
})

/**
 * Reset requests per client, as many as sign-in failures in the same
 * window, but every request counts: the answer is the same success whether
 * or not the address has an account, so there is no failure to count, and
 * each one may send a mail.
 */
export const resetLimiter = (refuse: (req: Request, res: Response) => void): RequestHandler => signInLimiter(refuse, { everyRequest: true })
