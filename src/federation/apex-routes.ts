/**
 * apex derives IRIs from one route template per kind, with a one-segment
 * actor name. Tejido's actors live at two shapes — the instance at /actor and
 * listings at /orgs/SLUG — so these replace apex's IRI helpers with ones that
 * know both. apex sees listing actors by their slug and the instance actor by
 * INSTANCE_ACTOR_NAME, which no slug can equal.
 */
export const INSTANCE_ACTOR_NAME = '~instance'

export const ACTOR_STREAMS = ['inbox', 'outbox', 'followers', 'following', 'liked', 'blocked', 'rejections', 'rejected'] as const
const ACTIVITY_STREAMS = ['shares', 'likes'] as const

/** Route templates apex needs for objects, activities and their streams. */
export const APEX_ROUTES: Record<string, string> = {
  actor: '/orgs/:actor',
  object: '/o/:id',
  activity: '/s/:id',
  inbox: '/orgs/:actor/inbox',
  outbox: '/orgs/:actor/outbox',
  followers: '/orgs/:actor/followers',
  following: '/orgs/:actor/following',
  liked: '/orgs/:actor/liked',
  collections: '/orgs/:actor/c/:id',
  blocked: '/orgs/:actor/blocked',
  rejections: '/orgs/:actor/rejections',
  rejected: '/orgs/:actor/rejected',
  shares: '/s/:id/shares',
  likes: '/s/:id/likes'
}

export function actorIri(base: string, name: string): string {
  return name === INSTANCE_ACTOR_NAME ? `${base}/actor` : `${base}/orgs/${name}`
}

export function actorStreams(base: string, name: string): Record<string, string> {
  const id = actorIri(base, name)
  return Object.fromEntries(ACTOR_STREAMS.map((s) => [s, `${id}/${s}`]))
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function collectionInfoParser(base: string) {
  const b = escape(base)
  const instance = new RegExp(`^${b}/actor/(${ACTOR_STREAMS.join('|')})$`)
  const listing = new RegExp(`^${b}/orgs/([a-z0-9-]+)/(${ACTOR_STREAMS.join('|')})$`)
  const custom = new RegExp(`^${b}/(?:actor|orgs/([a-z0-9-]+))/c/([^/]+)$`)
  const activity = new RegExp(`^${b}/s/([^/]+)/(${ACTIVITY_STREAMS.join('|')})$`)
  return (iri: string): { name: string; actor?: string; activity?: string; id?: string } | undefined => {
    let m = instance.exec(iri)
    if (m) return { name: m[1] as string, actor: INSTANCE_ACTOR_NAME }
    m = listing.exec(iri)
    if (m) return { name: m[2] as string, actor: m[1] as string }
    m = custom.exec(iri)
    if (m) return { name: 'collections', actor: m[1] ?? INSTANCE_ACTOR_NAME, id: m[2] as string }
    m = activity.exec(iri)
    if (m) return { name: m[2] as string, activity: m[1] as string }
    return undefined
  }
}
