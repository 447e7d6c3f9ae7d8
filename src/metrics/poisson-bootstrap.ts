/**
 * The streaming Poisson bootstrap.
 *
 * Each row takes part in replicate b with a multiplicity k_b ~ Poisson(1) (the large-n limit of
 * resampling with replacement), so a replicate is just a second set of weights `w·k_b` and every
 * accumulator can update its B replicates in the same single pass. k_b is not drawn from a sequential
 * random stream but computed from `(seed, rowKey, b)` by a hash (counter-based random numbers):
 *
 *   state = H1(seed, rowKey)           (murmur3's 32-bit finaliser, chained over seed and key)
 *   u_b   = H2(state + (b + 1)·γ)       (lowbias32 finaliser, γ = 0x6D2B79F5), a uniform 32-bit integer
 *   k_b   = min { k : u_b < 2³²·P(Poisson(1) ≤ k) }
 *
 * Consequences, all tested: the same row gets the same multiplicities whatever the row order or the
 * sharding, so `merge` of shards equals the whole and permuting rows changes nothing; the same seed
 * gives the same intervals; and two models scored on the same rows share their replicates, which is
 * what makes `pairedDifference` a paired bootstrap.
 *
 * Intervals are percentile intervals over the B replicate values (quantile rule: `quantileOfSorted`).
 */

import { quantileOfSorted, type Interval } from './intervals.js'

export interface BootstrapSettings {
  /** Number of replicates B; 0 disables bootstrap intervals. Default 1000. */
  readonly replicates: number
  /** Any integer in [0, 2³²). Default 42. */
  readonly seed: number
}

export const DEFAULT_BOOTSTRAP: BootstrapSettings = { replicates: 1000, seed: 42 }

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

/** murmur3 fmix32: a bijective 32-bit mixer. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
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

/** The per-row state H1(seed, rowKey). `rowKey` is a safe integer (see `rowKeyOf` for text ids). */
function rowState(seed: number, rowKey: number): number {
  const low = rowKey >>> 0
  const high = Math.floor(rowKey / TWO_32) >>> 0
  let h = fmix32(seed ^ 0x9e3779b9)
  h = fmix32(h ^ low)
  return fmix32((h + 0x27d4eb2f) ^ high)
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
 * Writes the Poisson(1) multiplicities of `rowKey` for replicates 0 … out.length − 1 into `out`.
 *
 * @example poissonCounts(42, 7, new Uint8Array(1000)) // the same 1000 counts on every call
 */
export function poissonCounts(seed: number, rowKey: number, out: Uint8Array): void {
  const state = rowState(seed, rowKey)
  for (let b = 0; b < out.length; b++) {
    const u = lowbias32((state + Math.imul(b + 1, 0x6d2b79f5)) | 0)
    let k = 0
    while (u >= POISSON_THRESHOLDS[k]) k++
    out[b] = k
  }
}

/**
 * A 53-bit row key for a text id (cyrb53 hash), for ids that are not integers, e.g. `'A-0042'`.
 * Collisions are possible (about n²/2⁵⁴) and only make two rows share their bootstrap weights.
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

/**
 * An order-independent fingerprint of the row keys an accumulator has seen: two sums modulo 2³² of
 * two hashes of each key, plus the row count. Equal fingerprints mean "the same rows" (up to a
 * 2⁻⁶⁴ accident); `pairedDifference` relies on it.
 */
export class RowDigest {
  rows = 0
  private first = 0
  private second = 0

  add(rowKey: number): void {
    const h = rowState(0x5eed, rowKey)
    this.rows++
    this.first = (this.first + h) >>> 0
    this.second = (this.second + lowbias32(h ^ 0xa5a5a5a5)) >>> 0
  }

  merge(other: RowDigest): void {
    this.rows += other.rows
    this.first = (this.first + other.first) >>> 0
    this.second = (this.second + other.second) >>> 0
  }

  equals(other: RowDigest): boolean {
    return this.rows === other.rows && this.first === other.first && this.second === other.second
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
