/**
 * The numbers a predictions file may hold, so that every metric of a valid file is finite.
 *
 * Why bounds rather than rescaling: the accumulators stream, so the scale of the weights is not
 * known until the last row. Their sums multiply up to four totals of weights (MCC's denominator,
 * the (Σw)² of ROC AUC and of Kish's effective size) and regression keeps Σw·e². With weights in
 * [1e-50, 1e50] and regression values within ±1e100, each of those stays inside float64's normal
 * range (about 2.2e-308 to 1.8e308) for any number of rows up to 2^53: (2^53·1e50)^4 ≈ 7e263,
 * 2^53·1e50·(2e100)² ≈ 4e266, (1e-50)^4 = 1e-200. Inside these bounds weights are scale-free:
 * multiplying them all by a constant changes no metric beyond rounding (test/metrics/input-range).
 */

/** The largest sample weight. */
export const MAX_WEIGHT = 1e50

/** The smallest positive sample weight (0 is allowed: the row counts for nothing). */
export const MIN_POSITIVE_WEIGHT = 1e-50

/** The largest magnitude of a regression label or prediction. */
export const MAX_REGRESSION_MAGNITUDE = 1e100

/** `weight` (finite, checked before) is 0 or within [MIN_POSITIVE_WEIGHT, MAX_WEIGHT]. */
export function isWeightInRange(weight: number): boolean {
  return weight === 0 || (weight >= MIN_POSITIVE_WEIGHT && weight <= MAX_WEIGHT)
}

/** What a weight must be, in the words of error messages. */
export const WEIGHT_RANGE_TEXT = '0 or a number in [1e-50, 1e50]'

/** What a regression value must be, in the words of error messages. */
export const REGRESSION_RANGE_TEXT = 'a number in [-1e100, 1e100]'
