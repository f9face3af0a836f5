/** How the Murmurations index names a node: the SHA-256 of its profile_url, in hex (MurmurationsServices pkg/cryptoutil). */
import { createHash } from 'node:crypto'

export const nodeId = (profileUrl: string): string => createHash('sha256').update(profileUrl).digest('hex')
