/**
 * The Mann–Whitney (Wilcoxon rank-sum) test of two independent samples and the Hodges–Lehmann
 * estimate of their location shift with its distribution-free confidence interval, as Kayenta
 * judges a canary's metrics and R's `wilcox.test(x, y, conf.int = TRUE)` computes them.
 *
 * `x` (the canary, n values) and `y` (the control, m values); the shift Δ is the one for which
 * `x − Δ` has the distribution of `y`.
 *
 * - U = R_x − n(n+1)/2, R_x the sum of the midranks of `x` in the pooled sample: the number of
 *   pairs with x_i > y_j, ties counting one half (R's `W`).
 * - p-value (two-sided, H0: Δ = 0):
 *   - exact for n < 50, m < 50 and no tie (as R): the null distribution of U counted by the
 *     recursion N(u; a, b) = N(u − b; a − 1, b) + N(u; a, b − 1) (Mann & Whitney 1947), p =
 *     min(1, 2·P(U ≤ u)) below the centre nm/2, min(1, 2·P(U ≥ u)) above it;
 *   - otherwise the normal approximation with tie and continuity correction: z = (U − nm/2 ∓ ½)/σ,
 *     σ² = nm/12·[(N + 1) − Σ(t³ − t)/(N(N − 1))], N = n + m, t the size of each group of tied
 *     values (Hollander, Wolfe & Chicken 2014, "Nonparametric Statistical Methods", 3rd ed., §4.1).
 * - Hodges–Lehmann estimate: the median of the nm differences x_i − y_j (Hodges & Lehmann 1963).
 * - Interval at level 1 − α: [D(k), D(nm + 1 − k)], D(1) ≤ … ≤ D(nm) the sorted differences
 *   (Lehmann 1975, "Nonparametrics", §2.6; Bauer 1972, JASA 67): exact, k = the smallest u with
 *   P(U ≤ u) ≥ α/2 (R's `qwilcox(α/2, n, m)`, at least 1); otherwise k = ⌊nm/2 − z_{1−α/2}·σ₀ + ½⌋
 *   (at least 1), σ₀² = nm(N + 1)/12 (the normal approximation of the same quantile with continuity
 *   correction; H&W&C eq. 4.41). Its coverage is at least 1 − α for continuous data.
 *
 * The k-th difference is found without forming the nm differences: a bisection over the doubles
 * between the smallest and the largest difference, counting the differences at most a value with
 * two pointers over the sorted samples, O((n + m)·64) per order statistic.
 */
import { normalTwoSidedP } from '../drift/special-functions.js'
import { criticalValue, type Interval } from '../metrics/intervals.js'

/** The exact null distribution is used below these sizes, without ties (R's rule). */
export const EXACT_BELOW = 50

export interface ShiftTest {
  /** The canary's values. */
  readonly n: number
  /** The control's values. */
  readonly m: number
  /** The Mann–Whitney statistic U (R's `W`). */
  readonly u: number
  /** Two-sided p-value of no shift. */
  readonly pValue: number
  readonly method: 'exact' | 'normal'
  /** The Hodges–Lehmann estimate of the shift, canary − control. */
  readonly estimate: number
  /** The interval of the shift at `confidence`. */
  readonly ci: Interval
  readonly confidence: number
  /** Each sample's median, for the report. */
  readonly canaryMedian: number
  readonly controlMedian: number
}

/**
 * The test, the estimate and the interval of `canary` against `control` (see the module comment).
 * Both samples must hold at least one value, every one finite.
 *
 * @example
 * // R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69), two-sided:
 * shiftTest([0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46], [1.15, 0.88, 0.90, 0.74, 1.21], 0.95)
 * // { u: 35, pValue: 0.2544, method: 'exact', estimate: 0.305, ci: [-0.15, 0.76] }
 */
export function shiftTest(
  canary: ArrayLike<number>,
  control: ArrayLike<number>,
  confidence: number
): ShiftTest {
  const x = Float64Array.from(canary).sort()
  const y = Float64Array.from(control).sort()
  const n = x.length
  const m = y.length
  if (n === 0 || m === 0) throw new RangeError('shiftTest needs at least one value in each sample')
  const { u, ties } = rankStatistic(x, y)
  const pairs = n * m
  const alpha = 1 - confidence
  let pValue: number
  let k: number
  let method: ShiftTest['method']
  if (n < EXACT_BELOW && m < EXACT_BELOW && ties === 0) {
    method = 'exact'
    const cdf = exactCdf(n, m)
    const lower = cdf[Math.floor(u)]
    const upper = 1 - (u >= 1 ? cdf[u - 1] : 0)
    pValue = Math.min(1, 2 * (u > pairs / 2 ? upper : lower))
    k = Math.max(
      1,
      cdf.findIndex((p) => p >= alpha / 2)
    )
  } else {
    method = 'normal'
    const N = n + m
    const sigma = Math.sqrt((pairs / 12) * (N + 1 - ties / (N * (N - 1))))
    const centred = u - pairs / 2
    const z = sigma > 0 ? (centred - Math.sign(centred) * 0.5) / sigma : 0
    pValue = Math.min(1, normalTwoSidedP(z))
    const sigma0 = Math.sqrt((pairs * (N + 1)) / 12)
    k = Math.max(1, Math.floor(pairs / 2 - criticalValue(confidence) * sigma0 + 0.5))
  }
  const half = Math.floor((pairs + 1) / 2)
  const estimate =
    pairs % 2 === 1
      ? kthDifference(x, y, half)
      : (kthDifference(x, y, half) + kthDifference(x, y, half + 1)) / 2
  const ci: Interval = [kthDifference(x, y, k), kthDifference(x, y, pairs + 1 - k)]
  return {
    n,
    m,
    u,
    pValue,
    method,
    estimate,
    ci,
    confidence,
    canaryMedian: median(x),
    controlMedian: median(y)
  }
}

function median(sorted: Float64Array): number {
  const h = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2
}

/** U from the midranks of the sorted samples, and Σ(t³ − t) over the groups of tied values. */
function rankStatistic(x: Float64Array, y: Float64Array): { u: number; ties: number } {
  let i = 0
  let j = 0
  let rank = 0
  let rankSum = 0
  let ties = 0
  while (i < x.length || j < y.length) {
    const value = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j]
    const fromX = i
    const fromY = j
    while (i < x.length && x[i] === value) i++
    while (j < y.length && y[j] === value) j++
    const inX = i - fromX
    const inY = j - fromY
    const t = inX + inY
    rankSum += inX * (rank + (t + 1) / 2)
    rank += t
    ties += t * t * t - t
  }
  return { u: rankSum - (x.length * (x.length + 1)) / 2, ties }
}

/** P(U ≤ u) for u = 0 … nm under H0 without ties, by the counting recursion. */
function exactCdf(n: number, m: number): Float64Array {
  // counts[b] = N(·; a, b) for the current a, as a polynomial in u of degree a·b.
  let counts: Float64Array[] = Array.from({ length: m + 1 }, () => Float64Array.of(1))
  for (let a = 1; a <= n; a++) {
    const next: Float64Array[] = [Float64Array.of(1)]
    for (let b = 1; b <= m; b++) {
      const row = new Float64Array(a * b + 1)
      const left = counts[b] // N(·; a − 1, b): the largest value is an x, above all b y's
      for (let v = 0; v < left.length; v++) row[v + b] += left[v]
      const below = next[b - 1] // N(·; a, b − 1): the largest value is a y
      for (let v = 0; v < below.length; v++) row[v] += below[v]
      next.push(row)
    }
    counts = next
  }
  const frequencies = counts[m]
  const total = frequencies.reduce((s, f) => s + f, 0)
  const cdf = new Float64Array(frequencies.length)
  let running = 0
  for (let v = 0; v < frequencies.length; v++) {
    running += frequencies[v]
    cdf[v] = running / total
  }
  return cdf
}

/** The number of differences x_i − y_j at most `d` (x, y sorted). */
function countAtMost(x: Float64Array, y: Float64Array, d: number): number {
  let count = 0
  let i = 0
  // As y_j grows every x_i − y_j shrinks, so the x's that qualify only grow in number.
  for (let j = 0; j < y.length; j++) {
    while (i < x.length && x[i] - y[j] <= d) i++
    count += i
  }
  return count
}

/** D(k), the k-th smallest difference x_i − y_j (1-based), exactly as computed in doubles. */
function kthDifference(x: Float64Array, y: Float64Array, k: number): number {
  let lo = x[0] - y[y.length - 1]
  if (countAtMost(x, y, lo) >= k) return lo === 0 ? 0 : lo
  let hi = x[x.length - 1] - y[0]
  // count(lo) < k ≤ count(hi); bisect over the doubles' order until they are neighbours.
  let low = orderKey(lo)
  let high = orderKey(hi)
  while (high - low > 1n) {
    const mid = (low + high) / 2n
    const d = fromOrderKey(mid)
    if (countAtMost(x, y, d) >= k) {
      high = mid
      hi = d
    } else {
      low = mid
      lo = d
    }
  }
  return hi === 0 ? 0 : hi
}

const BITS = new DataView(new ArrayBuffer(8))
const SIGN = 1n << 63n

/** An integer whose order is the doubles' order (−0 just below +0). */
function orderKey(value: number): bigint {
  BITS.setFloat64(0, value)
  const bits = BITS.getBigUint64(0)
  return bits & SIGN ? SIGN - 1n - (bits ^ SIGN) : bits | SIGN
}

function fromOrderKey(key: bigint): number {
  BITS.setBigUint64(0, key & SIGN ? key ^ SIGN : (SIGN - 1n - key) | SIGN)
  return BITS.getFloat64(0)
}
