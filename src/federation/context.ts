/**
 * The JSON-LD contexts Tejido writes: ActivityStreams, security v1 and
 * Tejido's own versioned context, inlined so no reader has to fetch it (it is
 * also served at /ns/tejido/v1).
 */
import tejidoContext from '../../schemas/tejido-context-v1.json'

export const AS_CONTEXT = 'https://www.w3.org/ns/activitystreams'
export const SECURITY_CONTEXT = 'https://w3id.org/security/v1'
export const TEJIDO_CONTEXT_PATH = '/ns/tejido/v1'

export const TEJIDO_CONTEXT: Record<string, unknown> = tejidoContext['@context']

export const ACTOR_CONTEXT: ReadonlyArray<string | Record<string, unknown>> = [AS_CONTEXT, SECURITY_CONTEXT, TEJIDO_CONTEXT]

export const AP_CONTENT_TYPE = 'application/activity+json; charset=utf-8'

/** The context document itself, as served. */
export const contextDocument = (): Record<string, unknown> => ({ '@context': TEJIDO_CONTEXT })
