/**
 * Documents served for one local listing to other systems (its Murmurations
 * profile, its ESSGLOBAL JSON-LD) answer alike, so an index or a crawler
 * reads the same life everywhere: the listing when it is published; 410
 * Gone once it is deleted or withdrawn (rejected), so an index drops the
 * node; 404 while it is pending or was never here.
 */
import type { Response } from 'express'
import type { ListingService } from '../directory/listing-service'
import { isPublished, type Listing } from '../directory/listing'
import { sendProblem } from './problem'

/** Slugs are at most 64 characters; a longer one is not looked up. */
const MAX_SLUG = 64

/** The published listing of `slug`, or undefined once the 410 or 404 has been sent. */
export async function publishedOrAnswer(listings: ListingService, slug: string, res: Response): Promise<Listing | undefined> {
  const found = slug.length <= MAX_SLUG ? await listings.get(slug) : null
  if (found?.ok && isPublished(found.value)) return found.value
  const gone = (found && !found.ok && found.error.kind === 'gone') || (found?.ok && found.value.moderation === 'rejected')
  if (gone) sendProblem(res, { status: 410, title: 'Gone', detail: `listing ${slug} was removed from this directory` })
  else sendProblem(res, { status: 404, title: 'Not found', detail: `no public listing ${slug} here` })
  return undefined
}
