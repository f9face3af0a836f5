/**
 * Why opening the store was refused, for main.ts and the CLI to tell the
 * operator (each with its own exit code). They know the composition root,
 * which opens the store, and not the engines below it.
 */
import { DataDirLockedError } from '../storage/embedded/lock'
import { OriginMismatchError } from './instance-origin'

/** A refused store, and the message that tells the operator what to do. */
export interface StoreRefusal {
  /** `locked`: another process owns the embedded DATA_DIR; `other-origin`: the store belongs to another PUBLIC_URL. */
  kind: 'locked' | 'other-origin'
  message: string
}

/** The refusal `error` stands for, or undefined when it is another error. */
export function storeRefusal(error: unknown): StoreRefusal | undefined {
  if (error instanceof DataDirLockedError) return { kind: 'locked', message: error.message }
  if (error instanceof OriginMismatchError) return { kind: 'other-origin', message: error.message }
  return undefined
}
