/**
 * Profiles from a Murmurations index kept as mirrors (issue 13, Build 3):
 * the index's nodes since the last walk (nodes-walk.ts), each posted node's
 * profile fetched from its own host through the federation's safe fetcher,
 * validated against the organizations schema and mapped to a listing
 * (murmurations-read.ts), then mirrored with provenance `via: 'import'`:
 * its id is the profile URL and its origin the profile's host, so, as for
 * federation, only that host can change it. A node whose last_updated has
 * not moved is not fetched again; a `deleted` node's mirror is removed; a
 * profile whose primary_url is the website (or the id) of a listing already
 * held is not mirrored twice. Once a day the walk starts from the beginning,
 * so unchanged mirrors are vouched for again (else they would read stale),
 * and the mirrors this source holds that the index no longer lists (purged,
 * or out of the tags asked for) are removed. The next walk asks from the
 * newest last_updated seen, but never past a node whose profile could not
 * be fetched (its host down), so that one is tried again.
 */
import type { Listing, ListingInput } from '../../directory/listing'
import type { ListingStore } from '../../directory/listing-store'
import type { MirrorService } from '../../directory/mirror-service'
import { inputOf } from '../../directory/listing-service'
import { slugify } from '../../directory/registration'
import { validateListing } from '../../directory/validate'
import { fetchDiscoveryJson, type FetchPolicy } from '../../federation/net/safe-fetch'
import { websiteKey } from '../website-key'
import { profileToListing } from '../murmurations-read'
import { profileProblems } from './profile-schema'
import { walkNodes, type IndexNodeSummary } from './nodes-walk'
import { nodeId } from './node-id'
import { failureText } from './index-http'
import { sourceKey, type ImportStateStore, type IndexImportCounts } from './import-state'

export interface IndexImportDeps {
  mirrors: MirrorService
  store: ListingStore
  state: ImportStateStore
  policy: FetchPolicy
  /** This instance's origin: its own profiles in the index are not mirrored back. */
  localOrigin: string
  now?: () => Date
}

export interface IndexImportOptions { indexUrl: string; schema: string; tags: readonly string[] }

export interface IndexImportReport extends IndexImportCounts {
  refusals: Array<{ profileUrl: string; message: string }>
  /** Profiles not mirrored because a held listing is the same co-op. */
  duplicateOf: Array<{ profileUrl: string; listing: string }>
  /** Why the walk stopped early (the index failed); what was done before stays done. */
  error?: string
}

const FULL_WALK_MS = 24 * 3600 * 1000

/** A mirror's slug: from its name, with a bit of its node id so two hosts' "Red" stay apart. */
const slugOf = (name: string, profileUrl: string): string => `${slugify(name).slice(0, 56).replace(/-$/, '') || 'profile'}-${nodeId(profileUrl).slice(0, 6)}`

/** Which held listing each website (and each id) is, to recognise a co-op held already. */
async function heldKeys(store: ListingStore): Promise<Map<string, string>> {
  const keys = new Map<string, string>()
  for await (const listing of store.all()) {
    keys.set(listing.id, listing.id)
    const site = websiteKey(listing.contact?.website)
    if (site && !keys.has(site)) keys.set(site, listing.id)
  }
  return keys
}

class Run {
  readonly report: IndexImportReport = { created: 0, updated: 0, unchanged: 0, removed: 0, refused: 0, duplicates: 0, refusals: [], duplicateOf: [] }
  /** Every profile the index listed (not deleted), for the full walk's sweep. */
  private readonly listed = new Set<string>()
  /** The oldest last_updated of a node to try again (its profile could not be fetched). */
  retryFrom: number | undefined

  constructor(private readonly deps: IndexImportDeps, private readonly source: string, private readonly held: Map<string, string>) {}

  private refuse(profileUrl: string, message: string): void {
    this.report.refused++
    this.report.refusals.push({ profileUrl, message })
  }

  async node(node: IndexNodeSummary): Promise<void> {
    if (!URL.canParse(node.profile_url)) return this.refuse(node.profile_url, 'the profile_url is not a URL')
    const origin = new URL(node.profile_url).origin
    if (origin === this.deps.localOrigin) return // this instance's own profile, registered by it
    const existing = await this.deps.store.byId(node.profile_url)
    if (existing && (existing.origin !== origin || existing.provenance.via !== 'import')) return this.refuse(node.profile_url, `${node.profile_url} is held from elsewhere; not replaced`)
    if (node.status === 'deleted') {
      if (existing && (await this.deps.mirrors.remove(existing.id))) this.report.removed++
      if (existing) await this.deps.state.disown(existing.id)
      return
    }
    this.listed.add(node.profile_url)
    if (node.status !== 'posted') return
    const updated = new Date(node.last_updated * 1000)
    if (existing && existing.updated.getTime() >= updated.getTime()) return this.vouch(existing, origin)
    await this.mirror(node, origin, updated, existing)
  }

  /** Unchanged at the index: only its last-verified moves. */
  private async vouch(existing: Listing, origin: string): Promise<void> {
    await this.deps.mirrors.apply({ origin, id: existing.id, listing: inputOf(existing) as unknown as ListingInput, updated: existing.updated, via: 'import', moderation: 'approved' })
    await this.deps.state.own(this.source, existing.id)
    this.report.unchanged++
  }

  /**
   * After a full walk: removes the mirrors this source holds that the index
   * no longer listed. Only index mirrors (via import, not from this
   * instance): a profile since held another way is left alone.
   */
  async sweep(): Promise<void> {
    for (const id of await this.deps.state.ownedBy(this.source)) {
      if (this.listed.has(id)) continue
      const held = await this.deps.store.byId(id)
      if (held && held.provenance.via === 'import' && held.origin !== this.deps.localOrigin && (await this.deps.mirrors.remove(id))) this.report.removed++
      await this.deps.state.disown(id)
    }
  }

  private async mirror(node: IndexNodeSummary, origin: string, updated: Date, existing: Listing | null): Promise<void> {
    const url = node.profile_url
    const fetched = await fetchDiscoveryJson(url, this.deps.policy)
    if (!fetched.ok) {
      this.retryFrom = Math.min(this.retryFrom ?? node.last_updated, node.last_updated)
      return this.refuse(url, `the profile could not be fetched: ${failureText(fetched.error)}`)
    }
    if (fetched.value.url !== url) return this.refuse(url, 'the profile is not at its profile_url (redirected)')
    const profile = fetched.value.document
    const problems = profileProblems(profile)
    if (problems) return this.refuse(url, `not a valid organizations profile: ${problems}`)
    const same = this.held.get(websiteKey(profile.primary_url) ?? '') ?? this.held.get(String(profile.primary_url))
    if (same && same !== url) {
      this.report.duplicates++
      this.report.duplicateOf.push({ profileUrl: url, listing: same })
      return
    }
    const fields = profileToListing(profile)
    const checked = validateListing({ ...fields, slug: existing?.slug ?? slugOf(String(fields.name), url) })
    if (!checked.ok) return this.refuse(url, checked.error.map((e) => `${e.field}: ${e.message}`).join('; '))
    const applied = await this.deps.mirrors.apply({ origin, id: url, listing: checked.value, updated, via: 'import', moderation: 'approved' })
    if (!applied.ok) return this.refuse(url, applied.error.kind === 'conflict' ? applied.error.what : applied.error.kind)
    await this.deps.state.own(this.source, url)
    this.report[existing ? 'updated' : 'created']++
    const site = websiteKey(checked.value.contact?.website)
    if (site && !this.held.has(site)) this.held.set(site, url)
  }
}

/** One walk of the index: mirrors what changed since the last, and remembers where it got to. */
export async function importFromIndex(deps: IndexImportDeps, options: IndexImportOptions): Promise<IndexImportReport> {
  const now = deps.now ?? (() => new Date())
  const source = sourceKey(options.indexUrl, options.schema, options.tags)
  const previous = await deps.state.get(source)
  const full = !previous?.lastFull || now().getTime() - previous.lastFull.getTime() > FULL_WALK_MS
  const since = full ? undefined : previous?.since
  const run = new Run(deps, source, await heldKeys(deps.store))
  // the index's clock, not ours: the next walk asks from the newest last_updated seen (at or after, so none is missed)
  let newest = previous?.since
  try {
    for await (const node of walkNodes({ ...options, ...(since !== undefined ? { since } : {}) }, deps.policy)) {
      await run.node(node)
      newest = Math.max(newest ?? 0, node.last_updated)
    }
  } catch (e) {
    run.report.error = e instanceof Error ? e.message : String(e)
    await deps.state.failed(source, run.report.error, now())
    return run.report
  }
  if (full) await run.sweep()
  // not past a node to fetch again: asked "at or after", it comes back next time
  const next = run.retryFrom !== undefined && newest !== undefined ? Math.min(newest, run.retryFrom) : newest
  const { refusals: _r, duplicateOf: _d, ...counts } = run.report
  await deps.state.finished(source, { since: next, counts, full }, now())
  return run.report
}
