/**
 * The streaming Poisson bootstrap, over hash buckets of rows (a grouped Poisson bootstrap).
 *
 * The textbook Poisson bootstrap gives each row a multiplicity k ~ Poisson(1) in each of B
 * replicates, which costs B updates per row. Here each row is first assigned to one of K = 1024
 * buckets by a hash of (seed, rowKey), and the multiplicity is drawn per BUCKET: replicate b weighs
 * every row of bucket j by W[b, j] ~ Poisson(1), computed from (seed, j, b) by a counter-based hash.
 * So `add` updates one bucket's sums (O(1), independent of B), and finalize combines the K bucket
 * sums under B weightings (O(B·K), independent of n). This is the streaming Poisson bootstrap of
 * Chamandy et al. (2012, "Estimating uncertainty for massive data streams") applied to random buckets
 * of rows instead of rows, the way online-experimentation platforms resample hash buckets of users.
 *
 *   state  = H1(seed, rowKey)          (murmur3's 32-bit finaliser chained over seed and key)
 *   bucket = top 10 bits of state
 *   u[b,j] = H2(H1(seed, j) + (b + 1)·γ)  (lowbias32, γ = 0x6D2B79F5), a uniform 32-bit integer
 *   W[b,j] = min { k : u < 2³²·P(Poisson(1) ≤ k) }
 *
 * Why it estimates the same thing. Rows are assigned to buckets at random (by the hash), so the
 * buckets are iid random groups of rows, and resampling iid groups is a valid bootstrap of any
 * statistic that is a smooth function of sums (means, ratios, F1, MCC, R², …): the variance of a
 * linearised statistic Σ r_i (Σ r_i = 0) is estimated by Σ_j (Σ_{i∈j} r_i)², whose expectation over
 * the random assignment is (1 − 1/K)·Σ r_i², the row-level estimate. When a segment has fewer rows
 * than buckets, most buckets hold 0 or 1 row and this IS the row-level Poisson bootstrap.
 *
 * The limit. With n ≫ K the variance is estimated from K groups, so it carries a relative error of
 * about √(2/K) (4.4% in the variance, 2.2% in the interval's width at K = 1024). That is the size of
 * the Monte Carlo error of B = 1000 replicates themselves (≈ 1/√(2B) = 2.2% in a standard deviation),
 * which is why K = 1024: more buckets would not make B = 1000 intervals more accurate, and the cost
 * of finalize (B·K·width multiply-adds: 16M for binary, ~15 ms) and the memory of an accumulator
 * (K·width float64: 128 KiB for binary) grow with K. The statistic must also be a function of sums:
 * rank statistics (AUC, average precision, the median) are not; see `hash-sample.ts` for them.
 *
 * Consequences, all tested: a row's bucket and the bucket weights depend on (seed, rowKey, b) only,
 * so `merge` of shards is exact addition of bucket sums, permuting rows changes nothing, the same
 * seed gives the same intervals, and two models scored on the same rows put every row in the same
 * bucket and so share their replicate weights: `pairedDifference` is a paired bootstrap.
 *
 * Intervals are percentile intervals over the B replicate values (quantile rule: `quantileOfSorted`).
 */

import { quantileOfSorted, type Interval } from './intervals.js'
import { sumReplicates } from '../kernels/replicate-sums.js'
import { fmix32 } from '../kernels/hash.js'

export interface BootstrapSettings {
  /** Number of replicates B; 0 disables bootstrap intervals. Default 1000. */
  readonly replicates: number
  /** Any integer in [0, 2³²). Default 42. */
  readonly seed: number
}

export const DEFAULT_BOOTSTRAP: BootstrapSettings = { replicates: 1000, seed: 42 }

/** The number of buckets K (a power of two: the bucket is the top bits of the row hash). */
export const BUCKETS = 1024
const BUCKET_SHIFT = 32 - Math.log2(BUCKETS)

/** Fills in defaults and checks ranges (a programming error, not a user's: config validates first). */
export function bootstrapSettings(options: Partial<BootstrapSettings> = {}): BootstrapSettings {
  const replicates = options.replicates ?? DEFAULT_BOOTSTRAP.replicates
  const seed = options.seed ?? DEFAULT_BOOTSTRAP.seed
  if (!Number.isInteger(replicates) || replicates < 0 || replicates > 100_000) {
    throw new RangeError(`bootstrap replicates must be an integer in [0, 100000], got ${replicates}`)
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(`bootstrap seed must be an integer in [0, 2^32), got ${seed}`)
  }
  return { replicates, seed }
}

/** Wellons' lowbias32: another bijective mixer, so the two stages are unrelated. */
function lowbias32(x: number): number {
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  return (x ^ (x >>> 16)) >>> 0
}

const TWO_32 = 4294967296

/**
 * H1(seed, rowKey): the 32-bit hash of a row, from which its bucket (`bucketOf`) and its rank in the
 * hash sample (`sampleRank`) are derived. `rowKey` is a safe integer (see `rowKeyOf` for text ids).
 */
export function rowHash(seed: number, rowKey: number): number {
  const low = rowKey >>> 0
  const high = Math.floor(rowKey / TWO_32) >>> 0
  let h = fmix32(seed ^ 0x9e3779b9)
  h = fmix32(h ^ low)
  return fmix32((h + 0x27d4eb2f) ^ high)
}

/** The bucket in [0, BUCKETS) of a row, from its `rowHash`. */
export function bucketOf(hash: number): number {
  return hash >>> BUCKET_SHIFT
}

/** A second uniform 32-bit value of a row, unrelated to its bucket (a bijective remix of the hash). */
export function sampleRank(hash: number): number {
  return lowbias32(hash ^ 0xa5a5a5a5)
}

/** 2³²·P(Poisson(1) ≤ k), k = 0, 1, …; the last threshold is +∞ so the search always stops. */
const POISSON_THRESHOLDS: Float64Array = (() => {
  const thresholds: number[] = []
  const inverseE = 0.36787944117144233 // e⁻¹, written out so no libm rounding can differ
  let term = inverseE
  let cdf = 0
  for (let k = 0; k < 20; k++) {
    cdf += term
    thresholds.push(Math.floor(cdf * TWO_32))
    term /= k + 1
  }
  thresholds.push(Infinity)
  return Float64Array.from(thresholds)
})()

/**
 * Writes the Poisson(1) weights of `bucket` in replicates 0 … out.length − 1 into `out`.
 *
 * @example poissonCounts(42, 7, new Uint8Array(1000)) // the same 1000 weights on every call
 */
export function poissonCounts(seed: number, bucket: number, out: Uint8Array): void {
  const state = rowHash(seed, bucket)
  for (let b = 0; b < out.length; b++) {
    const u = lowbias32((state + Math.imul(b + 1, 0x6d2b79f5)) | 0)
    let k = 0
    while (u >= POISSON_THRESHOLDS[k]) k++
    out[b] = k
  }
}

const weightCache = new Map<string, Uint8Array>()

/**
 * The B × K bucket weights W[b·K + j] of a seed: computed once (B·K hashes) and kept, since every
 * accumulator of a run (every segment, candidate and baseline) shares them. 1 MB at B = 1000.
 */
export function bucketWeights(settings: BootstrapSettings): Uint8Array {
  const key = `${settings.seed}/${settings.replicates}`
  let weights = weightCache.get(key)
  if (!weights) {
    const b = settings.replicates
    weights = new Uint8Array(b * BUCKETS)
    const column = new Uint8Array(b)
    for (let j = 0; j < BUCKETS; j++) {
      poissonCounts(settings.seed, j, column)
      for (let r = 0; r < b; r++) weights[r * BUCKETS + j] = column[r]
    }
    if (weightCache.size >= 4) weightCache.delete(weightCache.keys().next().value!)
    weightCache.set(key, weights)
  }
  return weights
}

/** The buckets holding any non-zero sum (an empty bucket contributes nothing to any replicate). */
export function occupiedBuckets(sums: Float64Array, width: number): Uint32Array {
  const occupied: number[] = []
  for (let j = 0; j < BUCKETS; j++) {
    for (let f = 0; f < width; f++) {
      if (sums[j * width + f] !== 0) {
        occupied.push(j)
        break
      }
    }
  }
  return Uint32Array.from(occupied)
}

/** Adds k times the statistics at `source[so …]` to those at `target[to …]`. */
export type AddScaled = (
  target: Float64Array,
  to: number,
  source: Float64Array,
  so: number,
  k: number
) => void

/**
 * The replicate statistics: replicate b at `[b·width, (b+1)·width)` combines the buckets under the
 * weights W[b, ·]. `sums` holds BUCKETS blocks of `width`. By default the statistics are sums, so
 * replicate b is Σ_j W[b, j]·(sums of bucket j) (`sumReplicates`, the B·K·width hot spot);
 * statistics that do not add up (a mean and a spread) pass how to add k copies of a bucket.
 */
export function combineBuckets(
  sums: Float64Array,
  width: number,
  settings: BootstrapSettings,
  addScaled: AddScaled | null = null
): Float64Array {
  const replicates = settings.replicates
  const weights = bucketWeights(settings)
  const occupied = occupiedBuckets(sums, width)
  if (!addScaled) return sumReplicates(sums, width, replicates, weights, occupied)
  const out = new Float64Array(replicates * width)
  for (let b = 0; b < replicates; b++) {
    const row = b * BUCKETS
    const o = b * width
    for (let i = 0; i < occupied.length; i++) {
      const j = occupied[i]
      const k = weights[row + j]
      if (k !== 0) addScaled(out, o, sums, j * width, k)
    }
  }
  return out
}

/**
 * A 53-bit row key for a text id (cyrb53 hash), for ids that are not integers, e.g. `'A-0042'`.
 * Collisions are possible (about n²/2⁵⁴) and only make two rows share their bootstrap bucket.
 */
export function rowKeyOf(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (h2 >>> 0) * 2097152 + ((h1 >>> 0) >>> 11)
}

/** The serialized form of a `RowDigest`. */
export interface RowDigestState {
  readonly rows: number
  readonly first: number
  readonly second: number
}

/**
 * An order-independent fingerprint of the rows an accumulator has seen: two sums modulo 2³² of two
 * hashes of each row, plus the row count. Equal fingerprints of two accumulators with the same seed
 * mean "the same rows" (up to a 2⁻⁶⁴ accident); `pairedDifference` relies on it.
 */
export class RowDigest {
  rows = 0
  private first = 0
  private second = 0

  /** Adds a row by its `rowHash(seed, rowKey)`, which the accumulator has computed anyway. */
  add(hash: number): void {
    this.rows++
    this.first = (this.first + hash) >>> 0
    this.second = (this.second + lowbias32(hash ^ 0x5eed5eed)) >>> 0
  }

  merge(other: RowDigest): void {
    this.rows += other.rows
    this.first = (this.first + other.first) >>> 0
    this.second = (this.second + other.second) >>> 0
  }

  equals(other: RowDigest): boolean {
    return this.rows === other.rows && this.first === other.first && this.second === other.second
  }

  toState(): RowDigestState {
    return { rows: this.rows, first: this.first, second: this.second }
  }

  /** Restores a `toState()` record read back from JSON: every field is checked. */
  static fromState(state: Record<string, unknown>): RowDigest {
    const field = (name: keyof RowDigestState): number => {
      const value = state?.[name]
      if (
        typeof value !== 'number' ||
        !Number.isSafeInteger(value) ||
        value < 0 ||
        (name !== 'rows' && value >= TWO_32)
      ) {
        throw new Error(`invalid metric state: digest.${name} must be an unsigned integer, got ${value}`)
      }
      return value
    }
    const digest = new RowDigest()
    digest.rows = field('rows')
    digest.first = field('first')
    digest.second = field('second')
    return digest
  }
}

export interface BootstrapInterval {
  readonly ci: Interval | null
  /** Why there is no interval, or how many replicates were left out. */
  readonly reason?: string
}

/**
 * The percentile interval of replicate values at level `confidence`: the (1 − c)/2 and (1 + c)/2
 * quantiles of the replicates in which the metric is defined (NaN marks an undefined replicate, e.g.
 * a replicate that drew no positive row). No interval when fewer than half the replicates are defined.
 */
export function percentileInterval(replicates: Float64Array, confidence: number): BootstrapInterval {
  if (replicates.length === 0) return { ci: null, reason: 'bootstrap disabled (0 replicates)' }
  const defined = replicates.filter((value) => !Number.isNaN(value)).sort()
  const missing = replicates.length - defined.length
  if (defined.length < 2 || defined.length * 2 < replicates.length) {
    return {
      ci: null,
      reason: `no bootstrap interval: the metric is undefined in ${missing} of ${replicates.length} replicates`
    }
  }
  const ci: Interval = [
    quantileOfSorted(defined, (1 - confidence) / 2),
    quantileOfSorted(defined, (1 + confidence) / 2)
  ]
  return missing === 0
    ? { ci }
    : {
        ci,
        reason: `bootstrap interval over the ${defined.length} of ${replicates.length} replicates where it is defined`
      }
}
