/**
 * Holm's step-down correction for the m segments one significance-aware rule judges at once, as
 * adjusted p-values and as the confidence level each segment's interval is computed at, so that
 * the interval decision and the adjusted p-value tell the same story.
 */
import { adjustPValues, ascending } from '../drift/multiple-testing.js'

export interface HolmAdjustment {
  /**
   * Holm-adjusted p-values, in input order:
   * `p̃_(i) = min(1, max_{j ≤ i} (m − j + 1)·p_(j))` over the p-values sorted ascending
   * (Holm 1979; as `statsmodels.stats.multitest.multipletests(p, method='holm')`).
   */
  readonly adjusted: number[]
  /**
   * The confidence level of each segment's interval, in input order. The segment with the i-th
   * smallest p-value is held to `α_i = α / (m − i + 1)` (α = 1 − confidence): the most significant
   * to Bonferroni's α/m, the least to α. Holm stops at the first rank k whose p-value exceeds its
   * α_k; every later rank keeps α_k (it may not loosen past the point where the step-down
   * stopped). So `p̃ ≤ α` exactly when the segment's p-value is below its level.
   */
  readonly confidence: number[]
}

/**
 * Holm adjustment of `pValues` (each in [0, 1]) at family-wise confidence `confidence`.
 * Ties keep input order. An empty list gives empty arrays.
 *
 * @example
 * holmAdjust([0.01, 0.04, 0.03], 0.95)
 * // adjusted: [0.03, 0.06, 0.06]   (sorted 0.01, 0.03, 0.04 -> 3·0.01, 2·0.03, max(0.06, 1·0.04))
 * // confidence: [1 − 0.05/3, 0.975, 0.975]   (rank 2 fails 0.03 > 0.025: rank 3 keeps 0.025)
 */
export function holmAdjust(pValues: readonly number[], confidence: number): HolmAdjustment {
  const m = pValues.length
  const alpha = 1 - confidence
  const levels = new Array<number>(m)
  let stopped: number | null = null
  ascending(pValues).forEach((index, rank) => {
    const level = stopped ?? alpha / (m - rank)
    if (stopped === null && pValues[index] > level) stopped = level
    levels[index] = 1 - level
  })
  return { adjusted: adjustPValues(pValues, 'holm'), confidence: levels }
}
