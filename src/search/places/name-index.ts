/**
 * Folded place names in code-unit order, each with the places it names
 * (most populous first): a binary search finds a whole name for a query
 * and the range of names that start with what someone is typing. Flat
 * arrays, one string per distinct name, no per-name objects.
 */

/** Sorted folded names and, per name, the places (targets) bearing it, heaviest first. */
export class NameIndex {
  private constructor(
    private readonly keys: string[],
    /** Where each key's targets begin in `targets`; one more entry than keys. */
    private readonly starts: Int32Array,
    /** Every name's places, name after name: read through the ranges `withPrefix` gives. */
    readonly targets: Int32Array
  ) {}

  /**
   * The index of `keys[i]` → `targets[i]` pairs; a repeated pair counts once.
   * `weight` orders the targets of one name (population).
   */
  static build(keys: readonly string[], targets: ArrayLike<number>, weight: (target: number) => number): NameIndex {
    const order = new Int32Array(keys.length)
    for (let i = 0; i < order.length; i++) order[i] = i
    order.sort((a, b) => {
      const ka = keys[a] as string
      const kb = keys[b] as string
      if (ka !== kb) return ka < kb ? -1 : 1
      return weight(targets[b] as number) - weight(targets[a] as number) || (targets[a] as number) - (targets[b] as number)
    })
    const sortedKeys: string[] = []
    const starts: number[] = []
    const out = new Int32Array(order.length)
    let n = 0
    for (const i of order) {
      const key = keys[i] as string
      const target = targets[i] as number
      if (sortedKeys[sortedKeys.length - 1] !== key) {
        sortedKeys.push(key)
        starts.push(n)
      } else if (out[n - 1] === target) continue
      out[n++] = target
    }
    starts.push(n)
    return new NameIndex(sortedKeys, Int32Array.from(starts), out.slice(0, n))
  }

  /** How many distinct names. */
  get size(): number {
    return this.keys.length
  }

  /** The places named exactly `key`, heaviest first (empty when none). */
  exact(key: string): Int32Array {
    const k = this.lowerBound(key)
    return this.keys[k] === key ? this.targetsAt(k) : this.targets.subarray(0, 0)
  }

  /**
   * Calls `visit` with the range of `targets` holding the places of each
   * name that starts with `prefix`, in name order (ranges, not subarrays:
   * a one-letter prefix spans thousands of names).
   */
  withPrefix(prefix: string, visit: (from: number, to: number) => void): void {
    for (let k = this.lowerBound(prefix); k < this.keys.length; k++) {
      if (!(this.keys[k] as string).startsWith(prefix)) return
      visit(this.starts[k] as number, this.starts[k + 1] as number)
    }
  }

  /** Whether some name starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return (this.keys[this.lowerBound(prefix)] ?? '').startsWith(prefix)
  }

  private targetsAt(k: number): Int32Array {
    return this.targets.subarray(this.starts[k] as number, this.starts[k + 1] as number)
  }

  /** The first key not below `key`. */
  private lowerBound(key: string): number {
    let lo = 0
    let hi = this.keys.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.keys[mid] as string) < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
