import { CountTable, type CountedValue } from './count-table.js'
import { HyperLogLog, hashValue } from './hyperloglog.js'

export type { CountedValue } from './count-table.js'

/** A `ValueCounts` as a shard's state stores it: entries in insertion order, the sketch if any. */
export interface ValueCountsState {
  readonly limit: number
  readonly values: readonly CountedValue[]
  readonly counts: readonly number[]
  readonly sketch: Uint8Array | null
}

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
  private readonly counts = new CountTable()
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
    const { values, counts, size } = other.counts
    for (let e = 0; e < size; e++) this.insert(values[e], counts[e])
  }

  toState(): ValueCountsState {
    const { values, counts, size } = this.counts
    return {
      limit: this.limit,
      values: values.slice(0, size),
      counts: Array.from(counts.subarray(0, size)),
      sketch: this.sketch?.toRegisters() ?? null
    }
  }

  /** Restores `toState()`: the same entries in the same order, so ties keep first-seen order. */
  static fromState(state: ValueCountsState): ValueCounts {
    const restored = new ValueCounts(state.limit)
    if (state.sketch !== null) restored.sketch = HyperLogLog.fromRegisters(state.sketch)
    state.values.forEach((value, e) => {
      if (restored.counts.find(value) >= 0) throw new Error('invalid profile state: a value counted twice')
      restored.counts.append(value, state.counts[e])
    })
    return restored
  }

  distinct(): number {
    return this.sketch === null ? this.counts.size : this.sketch.estimate()
  }

  /** The `k` most frequent values, most frequent first; ties in order of first appearance. */
  top(k: number): TopValue[] {
    const { values, counts, size } = this.counts
    const entries = Array.from({ length: size }, (_, e) => ({ value: values[e], count: counts[e] }))
    // A stable sort keeps first-seen order among equal counts, so output does not depend on hashing.
    entries.sort((a, b) => b.count - a.count)
    return entries.slice(0, k)
  }

  private startSketch(): void {
    if (this.sketch !== null) return
    this.sketch = new HyperLogLog()
    const { values, size } = this.counts
    for (let e = 0; e < size; e++) this.sketch.addHash(hashValue(values[e]))
  }

  private insert(value: CountedValue, count: number): void {
    if (this.sketch !== null) this.sketch.addHash(hashValue(value))
    const counts = this.counts
    const seen = counts.find(value)
    if (seen >= 0) counts.counts[seen] += count
    else if (this.sketch === null && counts.size < this.limit) counts.append(value, count)
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
      counts.append(value, count)
      return
    }
    let smallest = count
    let largest = 0
    for (let e = 0; e < counts.size; e++) {
      const c = counts.counts[e]
      if (c < smallest) smallest = c
      if (c > largest) largest = c
    }
    // Every counter drops to zero (e.g. a column of distinct ids): the same as lowering each.
    if (largest <= smallest) counts.clear()
    else counts.lowerBy(smallest)
    if (count > smallest) counts.append(value, count - smallest)
  }
}
