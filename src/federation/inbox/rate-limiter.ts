/**
 * Per-host token buckets for inboxes (and sign-in): a flood from one host
 * gets 429 while others are served. In memory, per process; behind a load
 * balancer each process limits its share.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(private readonly perMinute: number, private readonly burst: number, private readonly now: () => number = Date.now) {}

  /** Takes a token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const t = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: t }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((t - bucket.at) / 60000) * this.perMinute)
    bucket.at = t
    if (this.buckets.size > 10000) this.evictFull(t)
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket)
      return Math.ceil(((1 - bucket.tokens) / this.perMinute) * 60)
    }
    bucket.tokens -= 1
    this.buckets.set(key, bucket)
    return 0
  }

  /** Buckets that have refilled carry no information: drop them to bound memory. */
  private evictFull(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 60000) * this.perMinute >= this.burst) this.buckets.delete(key)
    }
  }
}
