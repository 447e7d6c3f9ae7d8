/**
 * The difference of a window's mean from the reference's with a normal interval: Welch's for the
 * mean score, Agresti–Caffo's for the positive rate. For both the interval at level c is
 * `d ± z_{(1+c)/2}·se` and the p-value `2·(1 − Φ(|d| / se))`, so the interval excludes 0 exactly
 * when `p < 1 − c`.
 */
import { normalTwoSidedP } from '../drift/special-functions.js'

export interface Moments {
  readonly n: number
  readonly mean: number
  /** Sample variance (n − 1 denominator); 0 for n < 2. */
  readonly variance: number
}

export function momentsOf(values: readonly number[], rows: readonly number[]): Moments {
  const n = rows.length
  let sum = 0
  for (const i of rows) sum += values[i]
  const mean = n === 0 ? NaN : sum / n
  let squares = 0
  for (const i of rows) squares += (values[i] - mean) ** 2
  return { n, mean, variance: n < 2 ? 0 : squares / (n - 1) }
}

export interface Difference {
  /** The interval's centre: `mean_window − mean_reference` (Agresti–Caffo: of the adjusted rates). */
  readonly difference: number
  readonly se: number
  /** Two-sided p-value of `d = 0`, `2·(1 − Φ(|d| / se))`; with `se = 0`: 1 when `d = 0`, else 0. */
  readonly p: number
}

/**
 * Welch's z for a difference of means (large samples): `d = mean_w − mean_r`,
 * `se = √(s²_w / n_w + s²_r / n_r)`.
 *
 * @example meanDifference({ n: 100, mean: 0.3, variance: 0.21 }, { n: 400, mean: 0.2, variance: 0.16 })
 * // { difference: 0.1, se: 0.05, p: 0.0455 }
 */
export function meanDifference(window: Moments, reference: Moments): Difference {
  const difference = window.mean - reference.mean
  const se = Math.sqrt(window.variance / window.n + reference.variance / reference.n)
  const p = se === 0 ? (difference === 0 ? 1 : 0) : normalTwoSidedP(difference / se)
  return { difference, se, p }
}

/**
 * The difference of two rates by Agresti and Caffo (2000, "Simple and effective confidence
 * intervals for proportions and differences of proportions result from adding two successes and
 * two failures", The American Statistician 54:280–288): one success and one failure are added to
 * each side, `p̃ = (x + 1) / (n + 2)`, and `d̃ = p̃_w − p̃_r` is judged with
 * `se = √(p̃_w(1 − p̃_w)/(n_w + 2) + p̃_r(1 − p̃_r)/(n_r + 2))`. Unlike the plain Wald interval it
 * keeps its level when a window's rate is 0 or 1 (a Wald interval then has no width on that side
 * and alerts far too often on small segments). `window.mean` and `reference.mean` are the rates.
 *
 * @example rateDifference({ n: 30, mean: 0, variance: 0 }, { n: 300, mean: 0.1, variance: 0.09 })
 * // d̃ = 1/32 − 31/302 = −0.0714, se = 0.0354, p = 0.0435
 */
export function rateDifference(window: Moments, reference: Moments): Difference {
  const adjusted = (m: Moments) => (m.mean * m.n + 1) / (m.n + 2)
  const [pw, pr] = [adjusted(window), adjusted(reference)]
  const difference = pw - pr
  const se = Math.sqrt((pw * (1 - pw)) / (window.n + 2) + (pr * (1 - pr)) / (reference.n + 2))
  return { difference, se, p: normalTwoSidedP(difference / se) }
}
