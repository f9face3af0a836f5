/**
 * The Murmurations page of the operator (issue 13): registration of this
 * instance's listings with an index and the profiles mirrored from one, in
 * English. Spread into the English catalog (messages.ts); the other
 * languages' blocks must have exactly these keys (MurmurationsCatalog).
 */
export const murmurationsEn = {
  'murm.nav': 'Murmurations',
  'murm.title': 'Murmurations index',
  'murm.intro': 'Each approved listing is registered with the Murmurations index by its profile address; the index answers with the node’s status. Calls that fail for a while (the index busy or down) are tried again.',
  'murm.off': 'No index is set: MURMURATIONS_INDEX_URL is empty, so listings are not registered.',
  'murm.index': 'Index',
  'murm.listing': 'Listing',
  'murm.status': 'Node status',
  'murm.lastError': 'Last error',
  'murm.lastTry': 'Last try',
  'murm.none': 'No listing has been sent to the index yet.',
  'murm.status.received': 'Received',
  'murm.status.validated': 'Validated',
  'murm.status.validation_failed': 'Refused by the index',
  'murm.status.post_failed': 'Not posted yet (the index tries again)',
  'murm.status.posted': 'Posted',
  'murm.status.deleted': 'Removed',
  'murm.status.unknown': 'No answer yet',
  'murm.importTitle': 'Profiles mirrored from an index',
  'murm.importOff': 'No index to mirror: MURMURATIONS_IMPORT_URL is empty.',
  'murm.importFrom': 'Mirrored from {url}, every {minutes} min',
  'murm.importLast': 'Last run: {created} new, {updated} refreshed, {removed} removed, {refused} refused, {duplicates} already held.',
  'murm.importNever': 'Not run yet.',
  'murm.importError': 'The last run stopped: {error}'
}

export type MurmurationsCatalog = Record<keyof typeof murmurationsEn, string>
