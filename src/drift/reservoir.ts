import { fmix32 } from '../hash.js'

/**
 * Bounded-memory samples of a numeric column, mergeable across shards.
 *
 * Bottom-k sampling: every row gets a pseudo-random key `hash(seed, rowKey)` in [0, 1) and the
 * reservoir keeps the `capacity` values with the smallest keys. The kept rows are a uniform random
 * sample without replacement of all rows offered, and because a row's key depends only on the seed
 * and the row, never on arrival order, merging the reservoirs of any split of the rows yields
 * exactly the reservoir of the whole (given the same seed and capacity, and row keys unique across
 * shards — e.g. a global row index). Cost: O(log capacity) per kept row, at most `capacity` values
 * in memory (arrays grow as needed, so small columns stay small).
 *
 * Drift on a full reservoir is drift between samples: the KS p-value, for instance, then refers
 * to the samples (of up to `capacity` values each), not to the full columns.
 */

/** Default capacity: 100,000 values (2.4 MB), enough for any drift statistic's precision. */
export const DEFAULT_RESERVOIR_CAPACITY = 100000

export interface ReservoirOptions {
  /** Maximum number of values kept. Default `DEFAULT_RESERVOIR_CAPACITY`. */
  readonly capacity?: number
  /** Seed of the row keys (a 32-bit integer). Default 0. */
  readonly seed?: number
}

/** Plain-data form of a reservoir, for passing between jobs (JSON-safe). */
export interface ReservoirState {
  readonly capacity: number
  readonly seed: number
  readonly seen: number
  readonly rowKeys: number[]
  readonly values: number[]
}

export class NumericReservoir {
  readonly capacity: number
  readonly seed: number
  private seenCount = 0
  private length = 0
  // A max-heap on (key, rowKey) in three parallel arrays: the root is the first to be evicted.
  private keys = new Float64Array(0)
  private rowKeys = new Float64Array(0)
  private items = new Float64Array(0)

  constructor(options: ReservoirOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_RESERVOIR_CAPACITY
    this.seed = options.seed ?? 0
    if (!Number.isInteger(this.capacity) || this.capacity < 1) {
      throw new RangeError(`NumericReservoir: capacity must be an integer >= 1, got ${this.capacity}`)
    }
    if (!Number.isInteger(this.seed) || this.seed < 0 || this.seed > 0xffffffff) {
      throw new RangeError(`NumericReservoir: seed must be an integer in [0, 2^32), got ${this.seed}`)
    }
  }

  /** Number of values offered so far (all shards, after merges). */
  get seen(): number {
    return this.seenCount
  }

  /** Number of values kept: `min(seen, capacity)`. */
  get size(): number {
    return this.length
  }

  /** Whether values were dropped, i.e. `values()` is a sample rather than the whole column. */
  get sampled(): boolean {
    return this.seenCount > this.length
  }

  /**
   * Offers one value.
   * @param value a finite number (leave missing values out)
   * @param rowKey the row's identity, an integer in [0, 2^53) unique across everything that will be
   *   merged (e.g. the global row index)
   */
  add(value: number, rowKey: number): void {
    if (!Number.isFinite(value))
      throw new RangeError(`NumericReservoir.add: value must be finite, got ${value}`)
    if (!Number.isSafeInteger(rowKey) || rowKey < 0) {
      throw new RangeError(`NumericReservoir.add: rowKey must be an integer in [0, 2^53), got ${rowKey}`)
    }
    this.seenCount++
    this.offer(rowKeyHash(this.seed, rowKey), rowKey, value)
  }

  /** Adds `other`'s rows into this reservoir. Both must have the same seed and capacity. */
  merge(other: NumericReservoir): void {
    this.checkCompatible(other.seed, other.capacity)
    this.seenCount += other.seenCount
    for (let i = 0; i < other.length; i++) this.offer(other.keys[i], other.rowKeys[i], other.items[i])
  }

  /** The kept values in a canonical order (by key), so equal reservoirs give equal arrays. */
  values(): Float64Array {
    const order = this.canonicalOrder()
    return Float64Array.from(order, (i) => this.items[i])
  }

  state(): ReservoirState {
    const order = this.canonicalOrder()
    return {
      capacity: this.capacity,
      seed: this.seed,
      seen: this.seenCount,
      rowKeys: order.map((i) => this.rowKeys[i]),
      values: order.map((i) => this.items[i])
    }
  }

  static fromState(state: ReservoirState): NumericReservoir {
    const reservoir = new NumericReservoir({ capacity: state.capacity, seed: state.seed })
    if (
      state.rowKeys.length !== state.values.length ||
      state.values.length > state.capacity ||
      state.seen < state.values.length
    ) {
      throw new RangeError('NumericReservoir.fromState: inconsistent state')
    }
    state.rowKeys.forEach((rowKey, i) =>
      reservoir.offer(rowKeyHash(state.seed, rowKey), rowKey, state.values[i])
    )
    reservoir.seenCount = state.seen
    return reservoir
  }

  private checkCompatible(seed: number, capacity: number): void {
    if (seed !== this.seed || capacity !== this.capacity) {
      throw new RangeError(
        `NumericReservoir.merge: reservoirs differ (seed ${seed} vs ${this.seed}, capacity ${capacity} vs ${this.capacity}); only reservoirs with the same seed and capacity merge exactly`
      )
    }
  }

  private canonicalOrder(): number[] {
    const order = Array.from({ length: this.length }, (_, i) => i)
    return order.sort((a, b) => this.keys[a] - this.keys[b] || this.rowKeys[a] - this.rowKeys[b])
  }

  /** Whether (key, rowKey) ranks after heap entry i: it would be evicted first. */
  private after(key: number, rowKey: number, i: number): boolean {
    return ranksAfter(key, rowKey, this.keys[i], this.rowKeys[i])
  }

  private offer(key: number, rowKey: number, value: number): void {
    if (this.length < this.capacity) {
      if (this.length === this.keys.length) this.grow()
      let i = this.length++
      // Sift up.
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!this.after(key, rowKey, parent)) break
        this.move(parent, i)
        i = parent
      }
      this.set(i, key, rowKey, value)
      return
    }
    // Not below the largest key kept (or the very same row again): not in the bottom k.
    if (!ranksAfter(this.keys[0], this.rowKeys[0], key, rowKey)) return
    // Replace the root and sift down.
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= this.length) break
      const right = left + 1
      const larger =
        right < this.length && this.after(this.keys[right], this.rowKeys[right], left) ? right : left
      if (!ranksAfter(this.keys[larger], this.rowKeys[larger], key, rowKey)) break
      this.move(larger, i)
      i = larger
    }
    this.set(i, key, rowKey, value)
  }

  private grow(): void {
    const size = Math.min(this.capacity, Math.max(1024, this.keys.length * 2))
    const keys = new Float64Array(size)
    const rowKeys = new Float64Array(size)
    const items = new Float64Array(size)
    keys.set(this.keys)
    rowKeys.set(this.rowKeys)
    items.set(this.items)
    this.keys = keys
    this.rowKeys = rowKeys
    this.items = items
  }

  private move(from: number, to: number): void {
    this.set(to, this.keys[from], this.rowKeys[from], this.items[from])
  }

  private set(i: number, key: number, rowKey: number, value: number): void {
    this.keys[i] = key
    this.rowKeys[i] = rowKey
    this.items[i] = value
  }
}

function ranksAfter(key: number, rowKey: number, otherKey: number, otherRowKey: number): boolean {
  return key > otherKey || (key === otherKey && rowKey > otherRowKey)
}

/**
 * A key in [0, 1) with 53 random-looking bits from (seed, rowKey): murmur3's 32-bit finalizer
 * applied to the two halves of the row key mixed with the seed.
 */
export function rowKeyHash(seed: number, rowKey: number): number {
  const low = rowKey >>> 0
  const high = Math.floor(rowKey / 0x100000000) >>> 0
  const a = fmix32(low ^ fmix32(high ^ fmix32(seed ^ 0x9e3779b9)))
  const b = fmix32(a ^ 0x85ebca6b ^ high)
  return ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992
}
