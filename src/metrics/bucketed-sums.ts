/**
 * The bookkeeping every accumulator shares: one set of sufficient statistics over all rows, the
 * same set per bootstrap bucket (BUCKETS blocks, see `poisson-bootstrap.ts`), and the digest of the
 * rows seen. The binary, multiclass and regression accumulators each hold one and say what their
 * statistics are (their layout, how a row adds to them); merging, the replicate statistics and the
 * state's `digest`, `sums` and `buckets` fields are done here, once.
 */
import {
  decode,
  decodeBuckets,
  encode,
  encodeBuckets,
  objectField,
  type BucketsState,
  type Encoded
} from './metric-state.js'
import {
  BUCKETS,
  combineBuckets,
  RowDigest,
  type AddScaled,
  type BootstrapSettings,
  type RowDigestState
} from './poisson-bootstrap.js'

/** The fields of an accumulator's state that a `BucketedSums` writes and reads. */
export interface BucketedSumsState {
  readonly digest: RowDigestState
  /** Float64 × width: the statistics of all rows. */
  readonly sums: Encoded
  readonly buckets: BucketsState
}

export class BucketedSums {
  readonly digest = new RowDigest()
  /** The statistics of all rows (`width` of them). */
  readonly sums: Float64Array
  /** BUCKETS blocks of `width` statistics: bucket j's at `[j·width, (j+1)·width)`. */
  readonly buckets: Float64Array

  /**
   * @param width statistics per set
   * @param join how k copies of a set are added to another, for statistics that do not add up (a
   *   mean and a spread); `null`: they are sums, added element by element
   */
  constructor(
    readonly width: number,
    readonly bootstrap: BootstrapSettings,
    private readonly join: AddScaled | null = null
  ) {
    this.sums = new Float64Array(width)
    this.buckets = new Float64Array(BUCKETS * width)
  }

  /**
   * Adds the rows of `other`, of the same width and bootstrap settings: the accumulator checks
   * those, with its own settings (threshold, classes), before anything is added.
   */
  merge(other: BucketedSums): void {
    if (this.join) {
      this.join(this.sums, 0, other.sums, 0, 1)
      for (let o = 0; o < this.buckets.length; o += this.width)
        this.join(this.buckets, o, other.buckets, o, 1)
    } else {
      addInto(this.sums, other.sums)
      addInto(this.buckets, other.buckets)
    }
    this.digest.merge(other.digest)
  }

  /** The statistics of every bootstrap replicate: replicate b at `[b·width, (b+1)·width)`. */
  replicateSums(): Float64Array {
    return combineBuckets(this.buckets, this.width, this.bootstrap, this.join)
  }

  toState(): BucketedSumsState {
    return {
      digest: this.digest.toState(),
      sums: encode(this.sums),
      buckets: encodeBuckets(this.buckets, this.width)
    }
  }

  /** Reads the fields `toState` wrote from a state record; throws an `Error` saying what is wrong. */
  restore(record: Record<string, unknown>): void {
    this.digest.merge(RowDigest.fromState(objectField(record, 'digest')))
    this.sums.set(decode(record, 'sums', Float64Array, this.width))
    this.buckets.set(decodeBuckets(record, 'buckets', this.width))
  }
}

/** `target[i] += source[i]` for every i. */
export function addInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i]
}
