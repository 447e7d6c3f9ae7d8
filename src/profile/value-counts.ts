import { HyperLogLog, hashValue } from './hyperloglog.js'

export type CountedValue = string | number | boolean

export interface TopValue {
  readonly value: CountedValue
  readonly count: number
}

/**
 * Counts how often each value occurs, exactly while the column has at most `limit` distinct
 * values. Past that bound memory stops growing: the distinct count continues in a HyperLogLog
 * sketch (±0.81%) and the frequent values in a Misra–Gries summary of `limit` counters, whose
 * counts are lower bounds that undercount by at most (rows seen) / (limit + 1).
 *
 * Both summaries merge, so profiles of shards combine into the profile of the whole file; the
 * merged Misra–Gries summary keeps the same error bound (Agarwal et al., "Mergeable summaries", 2012).
 */
export class ValueCounts {
  private counts = new Map<CountedValue, number>()
  private sketch: HyperLogLog | null = null

  constructor(readonly limit: number = 100_000) {}

  /** True while `distinct()` and `top()` are exact. */
  get exact(): boolean {
    return this.sketch === null
  }

  add(value: CountedValue): void {
    this.insert(value, 1)
  }

  merge(other: ValueCounts): void {
    if (other.sketch !== null) {
      this.startSketch()
      this.sketch!.merge(other.sketch)
    }
    for (const [value, count] of other.counts) this.insert(value, count)
  }

  distinct(): number {
    return this.sketch === null ? this.counts.size : this.sketch.estimate()
  }

  /** The `k` most frequent values, most frequent first; ties in order of first appearance. */
  top(k: number): TopValue[] {
    const entries = [...this.counts].map(([value, count]) => ({ value, count }))
    // A stable sort keeps first-seen order among equal counts, so output does not depend on hashing.
    entries.sort((a, b) => b.count - a.count)
    return entries.slice(0, k)
  }

  private startSketch(): void {
    if (this.sketch !== null) return
    this.sketch = new HyperLogLog()
    for (const value of this.counts.keys()) this.sketch.addHash(hashValue(value))
  }

  private insert(value: CountedValue, count: number): void {
    if (this.sketch !== null) this.sketch.addHash(hashValue(value))
    const counts = this.counts
    const seen = counts.get(value)
    if (seen !== undefined) counts.set(value, seen + count)
    else if (this.sketch === null && counts.size < this.limit) counts.set(value, count)
    else this.insertApproximate(value, count)
  }

  /**
   * Misra–Gries: a new value past the bound lowers every counter by the smallest count and drops
   * those that reach zero. Total decrements never exceed total increments, so this is O(1) amortised.
   */
  private insertApproximate(value: CountedValue, count: number): void {
    if (this.sketch === null) {
      this.startSketch()
      this.sketch!.addHash(hashValue(value))
    }
    const counts = this.counts
    if (counts.size < this.limit) {
      counts.set(value, count)
      return
    }
    let smallest = count
    for (const c of counts.values()) if (c < smallest) smallest = c
    for (const [key, c] of counts) {
      if (c <= smallest) counts.delete(key)
      else counts.set(key, c - smallest)
    }
    if (count > smallest) counts.set(value, count - smallest)
  }
}
