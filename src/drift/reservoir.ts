import { fmix32 } from '../kernels/hash.js'
import { sortNumbers } from '../kernels/radix-sort.js'
import { kthSmallest } from '../kernels/selection.js'

/**
 * Bounded-memory samples of a numeric column, mergeable across shards.
 *
 * Bottom-k sampling: every row gets a pseudo-random key `hash(seed, rowKey)` in [0, 1) and the
 * reservoir keeps the `capacity` values with the smallest keys. The kept rows are a uniform random
 * sample without replacement of all rows offered, and because a row's key depends only on the seed
 * and the row, never on arrival order, merging the reservoirs of any split of the rows yields
 * exactly the reservoir of the whole (given the same seed and capacity, and row keys unique across
 * shards — e.g. a global row index).
 *
 * Cost: O(1) per row. Rows are appended as candidates while they rank below the largest (key,
 * rowKey) kept at the last trim; when 2·capacity candidates are held they are trimmed to the
 * `capacity` smallest by a linear-time selection. A trim's bound lets through about `capacity` more
 * rows only once the rows seen have doubled, so n rows cost about log2(n / capacity) trims, where a
 * heap paid O(log capacity) cache misses for each of its ~capacity·ln(n / capacity) insertions. At
 * most 2·capacity values in memory (arrays grow as needed, so small columns stay small).
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
  // The candidates in three parallel arrays: the rows kept at the last trim, then those offered since.
  private keys = new Float64Array(0)
  private rowKeys = new Float64Array(0)
  private items = new Float64Array(0)
  // The largest (key, rowKey) kept at the last trim: a row that does not rank below it is not kept.
  private boundKey = Infinity
  private boundRowKey = Infinity

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
    return Math.min(this.length, this.capacity)
  }

  /** Whether values were dropped, i.e. `values()` is a sample rather than the whole column. */
  get sampled(): boolean {
    return this.seenCount > this.size
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
    this.addHashed(value, rowKey, rowKeyHash(this.seed, rowKey))
  }

  /**
   * `add` for a row whose key `rowKeyHash(seed, rowKey)` the caller has computed: every numeric
   * column of a row shares it (see `batchRowKeys`), so a table's rows are hashed once, not per column.
   */
  addHashed(value: number, rowKey: number, key: number): void {
    if (!Number.isFinite(value))
      throw new RangeError(`NumericReservoir.add: value must be finite, got ${value}`)
    this.seenCount++
    this.offer(key, rowKey, value)
  }

  /** Adds `other`'s rows into this reservoir. Both must have the same seed and capacity. */
  merge(other: NumericReservoir): void {
    this.checkCompatible(other.seed, other.capacity)
    this.seenCount += other.seenCount
    for (let i = 0; i < other.length; i++) this.offer(other.keys[i], other.rowKeys[i], other.items[i])
  }

  /** The kept values in a canonical order (by key), so equal reservoirs give equal arrays. */
  values(): Float64Array {
    this.trim()
    const order = this.canonicalOrder()
    const values = new Float64Array(order.length)
    for (let i = 0; i < order.length; i++) values[i] = this.items[order[i]]
    return values
  }

  state(): ReservoirState {
    this.trim()
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

  /**
   * The candidates' positions by (key, rowKey). The keys are radix-sorted with the positions as payload (no
   * comparator calls: 100,000 values per column and file); the rare runs of equal keys are then
   * ordered by row key.
   */
  private canonicalOrder(): number[] {
    const n = this.length
    const keys = this.keys.slice(0, n)
    const positions = new Float64Array(n)
    for (let i = 0; i < n; i++) positions[i] = i
    sortNumbers(keys, positions)
    const order = Array.from(positions)
    for (let start = 0, end = 1; start < n; start = end++) {
      while (end < n && keys[end] === keys[start]) end++
      if (end - start > 1) {
        const run = order.slice(start, end).sort((a, b) => this.rowKeys[a] - this.rowKeys[b])
        order.splice(start, run.length, ...run)
      }
    }
    return order
  }

  private offer(key: number, rowKey: number, value: number): void {
    // Not below the largest kept at the last trim (or the very same row again): not in the bottom k.
    if (!ranksAfter(this.boundKey, this.boundRowKey, key, rowKey)) return
    if (this.length === this.keys.length) {
      if (this.length < 2 * this.capacity) this.grow()
      else {
        this.trim()
        if (!ranksAfter(this.boundKey, this.boundRowKey, key, rowKey)) return
      }
    }
    const i = this.length++
    this.keys[i] = key
    this.rowKeys[i] = rowKey
    this.items[i] = value
  }

  /**
   * Keeps the `capacity` candidates with the smallest (key, rowKey), in place: the capacity-th
   * smallest key T is selected in linear time (the keys are hashes, so a middle pivot is a random
   * one), then the rows below T stay, and of those at T (rare) the smallest row keys.
   */
  private trim(): void {
    const n = this.length
    const k = this.capacity
    if (n <= k) return
    const { keys, rowKeys, items } = this
    const bound = kthSmallest(keys.slice(0, n), k - 1)
    let below = 0
    const tied: number[] = []
    for (let i = 0; i < n; i++) {
      if (keys[i] < bound) below++
      else if (keys[i] === bound) tied.push(rowKeys[i])
    }
    const lastTied = tied.sort((a, b) => a - b)[k - below - 1]
    // Copies of the last row kept (the same row offered twice) fill only the places left.
    let copiesLeft = k - below - tied.indexOf(lastTied)
    let kept = 0
    for (let i = 0; i < n; i++) {
      const key = keys[i]
      const rowKey = rowKeys[i]
      if (
        key < bound ||
        (key === bound && (rowKey < lastTied || (rowKey === lastTied && copiesLeft-- > 0)))
      ) {
        keys[kept] = keys[i]
        rowKeys[kept] = rowKeys[i]
        items[kept++] = items[i]
      }
    }
    this.length = kept
    this.boundKey = bound
    this.boundRowKey = lastTied
  }

  private grow(): void {
    const size = Math.min(2 * this.capacity, Math.max(1024, this.keys.length * 2))
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
}

function ranksAfter(key: number, rowKey: number, otherKey: number, otherRowKey: number): boolean {
  return key > otherKey || (key === otherKey && rowKey > otherRowKey)
}

const lastBatch = { seed: -1, firstRow: -1, size: 0, keys: new Float64Array(0) }

/**
 * The keys `rowKeyHash(seed, firstRow + i)` of the rows of a batch, i < size. Every numeric column
 * of a batch needs the same keys, so the last batch's are kept (they depend on the seed and the row
 * only): the columns after the first reuse them. A view, valid until the next call.
 */
export function batchRowKeys(seed: number, firstRow: number, size: number): Float64Array {
  if (lastBatch.seed === seed && lastBatch.firstRow === firstRow && lastBatch.size === size)
    return lastBatch.keys
  const keys = new Float64Array(size)
  for (let i = 0; i < size; i++) keys[i] = rowKeyHash(seed, firstRow + i)
  Object.assign(lastBatch, { seed, firstRow, size, keys })
  return keys
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
