/**
 * Closed-form confidence intervals: Wilson for proportions, normal for DeLong's AUC variance, and
 * the percentile rule shared by every bootstrap interval.
 */

export type Interval = readonly [number, number]

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1: within 1e-14·z of the exact value for
 * p ≤ 0.995, 1e-10 at p = 1 − 1e-6 (the limit set by computing Φ near 1 in float64).
 *
 * Acklam's rational approximation (relative error 1.15e-9) refined by two Newton steps on Φ,
 * which is summed from its Taylor series `Φ(x) = ½ + φ(x)·Σ x^(2k+1) / (2k+1)!!`.
 *
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile expects 0 < p < 1, got ${p}`)
  if (p < 0.5) return -normalQuantile(1 - p)
  let z = acklam(p)
  for (let step = 0; step < 2; step++) z -= (normalCdf(z) - p) / normalDensity(z)
  return z
}

/** Standard normal density φ(x). */
function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)
}

/** Standard normal CDF by its Taylor series: exact to rounding for the |x| < 8 the quantile needs. */
function normalCdf(x: number): number {
  const x2 = x * x
  let term = x
  let sum = x
  for (let k = 1; k < 500 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= x2 / (2 * k + 1)
    sum += term
  }
  return 0.5 + normalDensity(x) * sum
}

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239
]
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783
]
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]

/** Acklam's approximation of Φ⁻¹(p) for p ≥ 0.5. */
function acklam(p: number): number {
  if (p <= 0.97575) {
    const q = p - 0.5
    const r = q * q
    return (
      ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
    )
  }
  const q = Math.sqrt(-2 * Math.log(1 - p))
  return (
    -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
    ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
  )
}

/** The two-sided critical value z for a confidence level c: Φ⁻¹((1 + c) / 2). */
export function criticalValue(confidence: number): number {
  return normalQuantile((1 + confidence) / 2)
}

/**
 * Wilson score interval for a proportion `p` observed over `n` trials (n may be fractional: Kish's
 * effective sample size when rows are weighted).
 *
 *     centre = (p + z²/2n) / (1 + z²/n)
 *     half   = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²)
 *
 * Range: within [0, 1]; `null` when n = 0 (no trials, no interval).
 *
 * @example wilsonInterval(0.8, 10, 1.959963984540054) // [0.4901624, 0.9433178]
 */
export function wilsonInterval(p: number, n: number, z: number): Interval | null {
  if (!(n > 0)) return null
  const z2n = (z * z) / n
  const centre = (p + z2n / 2) / (1 + z2n)
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))
  // At p = 0 or 1 the bound is exactly 0 or 1; computed, it could miss by an ulp.
  return [p === 0 ? 0 : Math.max(0, centre - half), p === 1 ? 1 : Math.min(1, centre + half)]
}

/** Kish's effective sample size `(Σw)² / Σw²`: n itself when all weights are equal. */
export function effectiveSize(sumWeights: number, sumSquaredWeights: number): number {
  return sumSquaredWeights > 0 ? (sumWeights * sumWeights) / sumSquaredWeights : 0
}

/** `estimate ± z·√variance`, clipped to [lo, hi]. */
export function normalInterval(
  estimate: number,
  variance: number,
  z: number,
  lo: number,
  hi: number
): Interval {
  const half = z * Math.sqrt(variance)
  return [Math.max(lo, estimate - half), Math.min(hi, estimate + half)]
}

/**
 * The q-quantile of `sorted` (ascending, no NaN) by linear interpolation between order statistics:
 * position h = (m − 1)·q, value x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). This is numpy's default
 * (`method='linear'`, Hyndman & Fan type 7), so an interval can be reproduced with `np.quantile`.
 */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}

/**
 * The logit interval for an average precision `ap` over `positives` positives (Boyd, Eng & Page 2013,
 * "Area under the precision-recall curve: point estimates and confidence intervals"):
 *
 *     expit(logit(ap) ± z·τ),  τ = 1 / √(positives·ap·(1 − ap))
 *
 * Range: inside (0, 1). `null` when ap is 0 or 1 (the logit is infinite) or there are no positives.
 *
 * @example logitInterval(0.8, 100, 1.959963984540054) // [0.7102, 0.8672]
 */
export function logitInterval(ap: number, positives: number, z: number): Interval | null {
  if (!(ap > 0 && ap < 1 && positives > 0)) return null
  const eta = Math.log(ap / (1 - ap))
  const tau = 1 / Math.sqrt(positives * ap * (1 - ap))
  const expit = (x: number): number => 1 / (1 + Math.exp(-x))
  return [expit(eta - z * tau), expit(eta + z * tau)]
}

/**
 * The ranks (1-based, in [1, n]) of the order statistics bounding a distribution-free interval for a
 * median of n values (Campbell & Gardner 1988, "Calculating confidence intervals for some
 * non-parametric analyses", BMJ): round(n/2 − z·√n/2) and round(1 + n/2 + z·√n/2), the normal
 * approximation to the Binomial(n, ½) counts below the median.
 *
 * @example medianRanks(100, 1.959963984540054) // [40, 61]
 */
export function medianRanks(n: number, z: number): Interval {
  const half = (z * Math.sqrt(n)) / 2
  return [Math.max(1, Math.round(n / 2 - half)), Math.min(n, Math.round(1 + n / 2 + half))]
}

/**
 * The first of ascending `values` at which the cumulative weight, starting at `before` (the weight of
 * the values before them), reaches `target` (exceeds it when `strict`); the last value if rounding
 * keeps the sum just short of it. `weights` `null`: every value weighs 1.
 */
export function firstReaching(
  values: Float64Array,
  weights: Float64Array | null,
  target: number,
  strict: boolean,
  before = 0
): number {
  let cumulative = before
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i] : 1
    if (w === 0) continue
    cumulative += w
    if (strict ? cumulative > target : cumulative >= target) return values[i]
  }
  return values[values.length - 1]
}

/**
 * A run of ascending values, enough to read the order statistics of `medianRanks(n, z)` for the z
 * wanted: every sorted value, or (in a document) the run around the median that any z ≤ `MAX_Z`
 * reaches.
 */
export interface RankWindow {
  readonly values: Float64Array
  /** `null`: every value weighs 1. */
  readonly weights: Float64Array | null
  /** The cumulative weight of the sorted values before `values`. */
  readonly before: number
  /** The number of ranks (rows, or their Kish effective number) and the weight of one rank. */
  readonly n: number
  readonly perRank: number
}

/**
 * Above the largest z `criticalValue` gives at any confidence level below 1 in float64 (8.85, at
 * 1 − 3·2⁻⁵³, where float64 rounding of Φ near 1 shows), so a window cut for it serves every level.
 */
export const MAX_Z = 9

/** The distribution-free interval of a median: the order statistics of `medianRanks(n, z)`. */
export function orderStatisticInterval(window: RankWindow, z: number): Interval {
  const { values, weights, before, n, perRank } = window
  const [lower, upper] = medianRanks(n, z)
  return [
    firstReaching(values, weights, lower * perRank, false, before),
    firstReaching(values, weights, upper * perRank, false, before)
  ]
}
