/**
 * Two-proportion z-test for boolean (binary) columns.
 */
import { normalTwoSidedP } from './special-functions.js'

export interface ProportionsResult {
  /** `z = (p_cur - p_ref) / √(p̂ (1 - p̂) (1/n_ref + 1/n_cur))`; positive when `current` has more trues. */
  readonly statistic: number
  /** Two-sided p-value `P(|Z| >= |z|)`, in [0, 1]. */
  readonly pValue: number
  readonly referenceRate: number
  readonly currentRate: number
}

/**
 * Pooled two-proportion z-test of `H0: the rate of true is the same in reference and current`.
 *
 * `p_ref = trues_ref / n_ref`, `p_cur = trues_cur / n_cur`, pooled `p̂ = (trues_ref + trues_cur) /
 * (n_ref + n_cur)`, `z = (p_cur - p_ref) / √(p̂ (1 - p̂) (1/n_ref + 1/n_cur))`, two-sided p-value
 * `erfc(|z| / √2)`. `z²` equals scipy.stats.chi2_contingency(table, correction=False).statistic and
 * the p-values agree (to 1e-12 in the tests); statsmodels' proportions_ztest gives the same numbers.
 *
 * Both samples all true or all false (`p̂ = 0` or `1`): the proportions are identical, so
 * `z = 0, p = 1` (the formula would be 0/0).
 *
 * @example twoProportionZTest(40, 100, 60, 100) // { statistic: 2.8284271247461903, pValue: 0.004677734981047177, … }
 */
export function twoProportionZTest(
  referenceTrues: number,
  referenceTotal: number,
  currentTrues: number,
  currentTotal: number
): ProportionsResult {
  checkCounts(referenceTrues, referenceTotal, 'reference')
  checkCounts(currentTrues, currentTotal, 'current')
  const referenceRate = referenceTrues / referenceTotal
  const currentRate = currentTrues / currentTotal
  const pooled = (referenceTrues + currentTrues) / (referenceTotal + currentTotal)
  if (pooled === 0 || pooled === 1) return { statistic: 0, pValue: 1, referenceRate, currentRate }
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal))
  const statistic = (currentRate - referenceRate) / se
  return { statistic, pValue: normalTwoSidedP(statistic), referenceRate, currentRate }
}

function checkCounts(trues: number, total: number, name: string): void {
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(trues) || trues < 0 || trues > total) {
    throw new RangeError(
      `twoProportionZTest: ${name} needs integers 0 <= trues <= total, total >= 1; got ${trues} of ${total}`
    )
  }
}
