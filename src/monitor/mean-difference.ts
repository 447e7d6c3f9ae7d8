/**
 * The difference of two means with a normal (Welch) interval: what the positive-rate and
 * mean-score checks compare a window with the reference by.
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
  /** `d = mean_window − mean_reference`. */
  readonly difference: number
  /** `se = √(s²_w / n_w + s²_r / n_r)`. */
  readonly se: number
  /** Two-sided p-value of `d = 0`, `2·(1 − Φ(|d| / se))`; with `se = 0`: 1 when `d = 0`, else 0. */
  readonly p: number
}

/**
 * Welch's z for a difference of means (large samples; for a rate, s² = n/(n − 1)·p(1 − p)). The
 * interval at level c is `d ± z_{(1+c)/2}·se`; it excludes 0 exactly when `p < 1 − c`.
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
