/**
 * The rows that rank statistics (ROC AUC, average precision, the median) are bootstrapped on.
 *
 * A rank statistic is not a function of bucket sums, so a replicate must visit rows: B passes over
 * n rows is too slow for large n. The bootstrap therefore runs on at most SAMPLE_ROWS = 5,000 rows:
 * all rows while there are no more, else the 5,000 rows of smallest `sampleRank` (a hash of seed and
 * row key; a bottom-m sketch). Each row weighs w·W[b, bucket] in replicate b, its bucket's weight
 * (see `poisson-bootstrap.ts`), so the rank replicates are paired with the sum replicates and with
 * another model's replicates on the same rows.
 *
 * The sample is deterministic and mergeable exactly: it is "the m smallest ranks among all rows
 * seen", whatever the order or sharding (a shard keeps its own m smallest, which contain the m
 * smallest of any union), and the same rows for two models scored on the same row keys.
 *
 * Above 5,000 rows the replicates are those of an m-out-of-n bootstrap (Bickel, Götze & van Zwet
 * 1997): θ̂*_m − θ̂_m on the sample, rescaled by √(m/n) to the spread of a statistic on n rows and
 * centred on θ̂_n (`fullSampleReplicates`). Valid for √n-consistent, asymptotically normal statistics
 * such as AUC, average precision and a median. Why 5,000: a replicate visits every sampled row, so a
 * segment costs up to B·m row visits at finalize (≈ 3 ns each: 15 ms for B = 1000, m = 5,000), and a
 * run has dozens of segments; 20,000 made runs of 12,000-row segments spend seconds on it. The m-out-of-n
 * replicates serve only paired tests: single-model intervals above m are analytic (see `catalog.ts`).
 */

import { sortNumbers } from '../kernels/radix-sort.js'
import { decode, encode, numberField, stateError, type Encoded } from './metric-state.js'
import { kthSmallest } from '../kernels/selection.js'

export const SAMPLE_ROWS = 5_000

/** The sample's rows in ascending order of value. */
export interface SampleRows {
  readonly values: Float64Array
  readonly labels: Uint8Array
  readonly weights: Float64Array
  readonly buckets: Uint16Array
}

export interface HashSampleState {
  readonly seen: number
  readonly ranks: Encoded
  readonly values: Encoded
  readonly labels: Encoded
  readonly weights: Encoded
  readonly buckets: Encoded
}

const NO_THRESHOLD = 0xffffffff

export class HashSample {
  /** Rows seen (in the sample or not). */
  seen = 0
  private size = 0
  private ranks = new Uint32Array(64)
  private values = new Float64Array(64)
  private labels = new Uint8Array(64)
  private weights = new Float64Array(64)
  private buckets = new Uint16Array(64)
  /** Rows ranked above it cannot be among the m smallest: there are already m at or below it. */
  private threshold = NO_THRESHOLD
  private sorted: SampleRows | null = null

  /** Offers one row (label 0 when there is none, e.g. regression). */
  add(rank: number, value: number, label: number, weight: number, bucket: number): void {
    this.seen++
    if (rank <= this.threshold) this.insert(rank, value, label, weight, bucket)
  }

  merge(other: HashSample): void {
    this.seen += other.seen
    for (let i = 0; i < other.size; i++) {
      if (other.ranks[i] <= this.threshold)
        this.insert(other.ranks[i], other.values[i], other.labels[i], other.weights[i], other.buckets[i])
    }
  }

  /** Rows in the sample: min(seen, SAMPLE_ROWS), more only if ranks tie at the cutoff. */
  get sampled(): number {
    this.canonicalize()
    return this.size
  }

  /** The sampled rows, ascending by value (cached until the next `add` or `merge`). */
  rows(): SampleRows {
    if (this.sorted) return this.sorted
    this.canonicalize()
    const n = this.size
    const values = this.values.slice(0, n)
    const order = new Float64Array(n)
    for (let i = 0; i < n; i++) order[i] = i
    sortNumbers(values, order)
    const labels = new Uint8Array(n)
    const weights = new Float64Array(n)
    const buckets = new Uint16Array(n)
    for (let r = 0; r < n; r++) {
      const i = order[r]
      labels[r] = this.labels[i]
      weights[r] = this.weights[i]
      buckets[r] = this.buckets[i]
    }
    this.sorted = { values, labels, weights, buckets }
    return this.sorted
  }

  toState(): HashSampleState {
    this.canonicalize()
    const n = this.size
    return {
      seen: this.seen,
      ranks: encode(this.ranks.subarray(0, n)),
      values: encode(this.values.subarray(0, n)),
      labels: encode(this.labels.subarray(0, n)),
      weights: encode(this.weights.subarray(0, n)),
      buckets: encode(this.buckets.subarray(0, n))
    }
  }

  /** Restores a `toState()` record read back from JSON: every field is checked. */
  static fromState(record: Record<string, unknown>): HashSample {
    const sample = new HashSample()
    sample.ranks = decode(record, 'ranks', Uint32Array)
    const n = sample.ranks.length
    sample.values = decode(record, 'values', Float64Array, n)
    sample.labels = decode(record, 'labels', Uint8Array, n)
    sample.weights = decode(record, 'weights', Float64Array, n)
    sample.buckets = decode(record, 'buckets', Uint16Array, n)
    sample.size = n
    sample.seen = numberField(record, 'seen')
    if (!Number.isSafeInteger(sample.seen) || sample.seen < n || (n < sample.seen && n < SAMPLE_ROWS)) {
      throw stateError(`sample.seen must be an integer ≥ the ${n} sampled rows, got ${sample.seen}`)
    }
    if (n < sample.seen) sample.threshold = sample.ranks.reduce((a, b) => Math.max(a, b), 0)
    return sample
  }

  private insert(rank: number, value: number, label: number, weight: number, bucket: number): void {
    if (this.size === this.ranks.length) {
      if (this.size >= 2 * SAMPLE_ROWS) this.compact()
      if (this.size === this.ranks.length) this.grow()
      if (rank > this.threshold) return
    }
    const i = this.size++
    this.ranks[i] = rank
    this.values[i] = value
    this.labels[i] = label
    this.weights[i] = weight
    this.buckets[i] = bucket
    this.sorted = null
  }

  /** Keeps the SAMPLE_ROWS smallest ranks (and any rows tied with the last one). */
  private canonicalize(): void {
    if (this.size > SAMPLE_ROWS) this.compact()
  }

  private compact(): void {
    const cutoff = kthSmallest(this.ranks.slice(0, this.size), SAMPLE_ROWS - 1)
    let kept = 0
    for (let i = 0; i < this.size; i++) {
      if (this.ranks[i] > cutoff) continue
      this.ranks[kept] = this.ranks[i]
      this.values[kept] = this.values[i]
      this.labels[kept] = this.labels[i]
      this.weights[kept] = this.weights[i]
      this.buckets[kept] = this.buckets[i]
      kept++
    }
    this.size = kept
    this.threshold = cutoff
    this.sorted = null
  }

  private grow(): void {
    // Doubling stops at 2·SAMPLE_ROWS, where `insert` compacts (16,384 rows would be 0.4 MB a
    // segment instead of 0.23), unless the ranks tied at the cutoff filled that too.
    const doubled = this.ranks.length * 2
    const capacity = this.size < 2 * SAMPLE_ROWS ? Math.min(doubled, 2 * SAMPLE_ROWS) : doubled
    const grow = <T extends Uint32Array | Float64Array | Uint8Array | Uint16Array>(
      old: T,
      make: (n: number) => T
    ): T => {
      const grown = make(capacity)
      grown.set(old)
      return grown
    }
    this.ranks = grow(this.ranks, (n) => new Uint32Array(n))
    this.values = grow(this.values, (n) => new Float64Array(n))
    this.labels = grow(this.labels, (n) => new Uint8Array(n))
    this.weights = grow(this.weights, (n) => new Float64Array(n))
    this.buckets = grow(this.buckets, (n) => new Uint16Array(n))
  }
}

/**
 * Replicates computed on the sample, as replicates of the statistic on all n rows: unchanged when the
 * sample holds every row, else `full + √(m/n)·(replicate − onSample)` (m-out-of-n, see above).
 */
export function fullSampleReplicates(
  replicates: Float64Array,
  onSample: number,
  full: number,
  sampled: number,
  rows: number
): Float64Array {
  if (sampled === rows) return replicates
  const scale = Math.sqrt(sampled / rows)
  return replicates.map((value) => full + scale * (value - onSample))
}
