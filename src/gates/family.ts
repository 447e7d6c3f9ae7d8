/**
 * The m segments one significance-aware rule judges at once form a family: each segment's p-value
 * (of "the quantity lies on the bound") is adjusted by the gate's `correction`, and its interval is
 * computed at a level chosen so that "the interval excludes the bound" and "the adjusted p-value
 * is at most α" (α = 1 − confidence) tell the same story.
 */
import { adjustPValues, ascending, type Correction } from '../drift/multiple-testing.js'
import { holmAdjust } from './holm.js'

export interface FamilyAdjustment {
  /** Adjusted p-values, in input order (`adjustPValues`). */
  readonly adjusted: number[]
  /** The confidence level of each segment's interval, in input order. */
  readonly confidence: number[]
}

/**
 * Adjusted p-values and interval levels of a family at family-wise (Holm) or false-discovery
 * (BH) level α = 1 − `confidence`:
 * - `holm`: `holmAdjust` (each rank at its step-down level α / (m − i + 1)).
 * - `bh`: one level for the whole family, 1 − max(k, 1)·α/m, with k the number of p-values BH
 *   declares significant (the largest i with p_(i) ≤ i·α/m). The k selected segments get the
 *   false-coverage-rate adjusted intervals of Benjamini & Yekutieli (2005, "False discovery
 *   rate–adjusted multiple confidence intervals for selected parameters", JASA 100:71–81), which
 *   exclude the bound since p_(i) ≤ p_(k) ≤ kα/m; every other segment has p_(i) > iα/m ≥
 *   (k + 1)·α/m, so its interval at the same level includes the bound, as its adjusted p-value
 *   (> α) says. With k = 0 the level is α/m (p_(1) > α/m), the narrowest that keeps every
 *   interval consistent.
 * - `none`: every segment at `confidence`, adjusted p = p.
 *
 * @example
 * correctFamily([0.01, 0.04, 0.03], 'bh', 0.95)
 * // adjusted: [0.03, 0.04, 0.04]; k = 3 (0.04 ≤ 3·0.05/3): confidence 0.95 for all three
 */
export function correctFamily(
  pValues: readonly number[],
  correction: Correction,
  confidence: number
): FamilyAdjustment {
  if (correction === 'holm') return holmAdjust(pValues, confidence)
  const m = pValues.length
  if (correction === 'none') return { adjusted: [...pValues], confidence: pValues.map(() => confidence) }
  const alpha = 1 - confidence
  const order = ascending(pValues)
  let selected = 0
  order.forEach((index, rank) => {
    if (pValues[index] <= ((rank + 1) * alpha) / m) selected = rank + 1
  })
  const level = 1 - (Math.max(selected, 1) * alpha) / m
  return { adjusted: adjustPValues(pValues, 'bh'), confidence: pValues.map(() => level) }
}
