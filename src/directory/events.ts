/**
 * Domain events: every change to a listing, local or mirrored, is announced
 * here once it is stored. Federation and search subscribe; a failing
 * subscriber never fails the write that raised the event.
 */
import { EventEmitter } from 'node:events'
import type { Listing } from './listing'
import type { HeldChange } from './change-review'

export interface DirectoryEventMap {
  'listing.created': { listing: Listing }
  'listing.updated': { listing: Listing; previous: Listing }
  'listing.deleted': { listing: Listing; deletedAt: Date }
  /** An editor's change of an approved listing waits for review (issue 12); the listing is the approved one, as the public sees it. */
  'listing.change-held': { listing: Listing; change: HeldChange }
}

export type DirectoryEventName = keyof DirectoryEventMap

export class DirectoryEvents {
  private readonly emitter = new EventEmitter()

  constructor(private readonly onSubscriberError: (event: string, error: unknown) => void) {
    this.emitter.setMaxListeners(50)
  }

  emit<E extends DirectoryEventName>(event: E, payload: DirectoryEventMap[E]): void {
    for (const listener of this.emitter.listeners(event)) {
      try {
        const result = (listener as (p: DirectoryEventMap[E]) => unknown)(payload)
        if (result instanceof Promise) result.catch((e: unknown) => this.onSubscriberError(event, e))
      } catch (e) {
        this.onSubscriberError(event, e)
      }
    }
  }

  on<E extends DirectoryEventName>(event: E, listener: (payload: DirectoryEventMap[E]) => unknown): () => void {
    this.emitter.on(event, listener)
    return () => this.emitter.off(event, listener)
  }
}
