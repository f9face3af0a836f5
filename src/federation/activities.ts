/** The activities Tejido sends, built in one place. */
import { randomUUID } from 'node:crypto'
import { AS_CONTEXT } from './context'

export type Activity = Record<string, unknown>

export class ActivityFactory {
  constructor(private readonly publicUrl: string) {}

  private id(): string {
    return `${this.publicUrl}/activities/${randomUUID()}`
  }

  follow(actor: string, object: string): Activity {
    return { '@context': AS_CONTEXT, id: this.id(), type: 'Follow', actor, object }
  }

  /** Accept or Reject of a follow request, embedding the follow as received. */
  answer(type: 'Accept' | 'Reject', actor: string, follow: { id: string; actor: string; object: string }): Activity {
    return { '@context': AS_CONTEXT, id: this.id(), type, actor, object: { id: follow.id, type: 'Follow', actor: follow.actor, object: follow.object } }
  }

  undo(actor: string, follow: { id: string; object: string }): Activity {
    return { '@context': AS_CONTEXT, id: this.id(), type: 'Undo', actor, object: { id: follow.id, type: 'Follow', actor, object: follow.object } }
  }

  /** Create/Update of an Organization; the object keeps its own @context (it is inlined). */
  change(type: 'Create' | 'Update', actor: string, object: Activity, to: string[]): Activity {
    const { '@context': context, ...rest } = object
    return { '@context': context, id: this.id(), type, actor, to, object: rest }
  }

  delete(actor: string, objectId: string, to: string[], deleted: Date): Activity {
    return {
      '@context': AS_CONTEXT, id: this.id(), type: 'Delete', actor, to,
      object: { id: objectId, type: 'Tombstone', formerType: 'Organization', deleted: deleted.toISOString() }
    }
  }
}
