/** What the account and reset pages share: their dependencies, and the rule for a new password typed twice. */
import type { Request, RequestHandler, Response, Router } from 'express'
import type { Logger } from 'pino'
import type { Listing } from '../../../directory/listing'
import type { ListingService } from '../../../directory/listing-service'
import { MAX_PASSWORD, MIN_PASSWORD, type EditorAccount, type EditorAccounts } from '../../../directory/editor-accounts'
import type { MessageKey } from '../i18n/messages'
import type { Sessions } from '../session'
import type { AccountMail } from './account-mail'
import type { AccountForm, AccountState } from './account-view'

/** What the account pages are built from; `mail` only when SMTP_URL is set. */
export interface AccountDeps {
  listings: ListingService
  accounts: EditorAccounts
  sessions: Sessions
  logger: Pick<Logger, 'error' | 'info'>
  publicUrl: string
  instanceName: string
  mail?: AccountMail | undefined
}

/** What is wrong with a new password typed twice, by field; empty when it will do. */
export function newPasswordErrors(password: string, again: string): Record<string, MessageKey> {
  if (password.length < MIN_PASSWORD) return { newPassword: 'account.shortPassword' }
  if (password.length > MAX_PASSWORD) return { newPassword: 'form.tooLong' }
  return password === again ? {} : { newPasswordAgain: 'account.passwordsDiffer' }
}

/** The signed-in editor's listing and account. */
export interface Editor { listing: Listing; account: EditorAccount }

/** What every POST of the account page is handed once it is signed in, within its caps, and carries its CSRF token (and the current password, for the forms that ask it). */
export type AccountAction = (req: Request, res: Response, editor: Editor, body: Record<string, unknown>) => Promise<unknown>

/** The account page's helpers, shared by its routes. */
export interface AccountKit {
  router: Router
  form: RequestHandler
  now: () => number
  /** The page again (or first), with a status and what to show. */
  show(req: Request, res: Response, editor: Editor, status: number, state: AccountState): void
  /** Registers a POST of the account page (see AccountAction). */
  post(path: string, form: AccountForm | null, act: AccountAction): void
}

/** A form field as a string ('' when absent or repeated). */
export const text = (body: Record<string, unknown>, field: string): string => (typeof body[field] === 'string' ? body[field] : '')
