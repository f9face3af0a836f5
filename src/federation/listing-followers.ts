/**
 * People (on Mastodon and elsewhere) who follow a listing actor. A listing
 * accepts every follow; its changes go to these inboxes, signed by the
 * listing's own key.
 */
import type { DocumentDb, DocumentCollection } from '../storage/document-db'

export interface ListingFollower { listing: string; actor: string; inbox: string; sharedInbox?: string; followId: string; since: Date }

export class ListingFollowers {
  private readonly followers: DocumentCollection<ListingFollower>

  constructor(db: DocumentDb) {
    this.followers = db.collection<ListingFollower>('listingFollowers')
  }

  async init(): Promise<void> {
    await this.followers.createIndex({ listing: 1, actor: 1 }, { unique: true, name: 'listing-follower' })
  }

  async add(follower: ListingFollower): Promise<void> {
    await this.followers.replaceOne({ listing: follower.listing, actor: follower.actor }, follower, { upsert: true })
  }

  async remove(listing: string, actor: string, followId: string): Promise<boolean> {
    const result = await this.followers.deleteOne({ listing, actor, followId })
    return result.deletedCount === 1
  }

  count(listing: string): Promise<number> {
    return this.followers.countDocuments({ listing })
  }

  /** Inboxes to deliver a listing's changes to, shared inboxes once each. */
  async inboxes(listing: string): Promise<string[]> {
    const all = await this.followers.find({ listing }, { projection: { _id: 0, inbox: 1, sharedInbox: 1 } }).toArray()
    return [...new Set(all.map((f) => f.sharedInbox ?? f.inbox))]
  }

  async removeListing(listing: string): Promise<void> {
    await this.followers.deleteMany({ listing })
  }
}
