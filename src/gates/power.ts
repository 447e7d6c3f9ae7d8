/**
 * What a result's data could have detected: the minimum detectable effect (MDE) at the result's
 * own level and 80% power, and the power to detect a change as large as the rule allows.
 *
 * The standard error is read off the result's interval, the one its decision used: `se =
 * (upper − lower) / (2·z′)`, `z′ = z_{1−α′/2}`, for `ci` at level `confidence` = 1 − α′ (the
 * configured level in point mode, the corrected level in significant mode). For the analytic
 * intervals (Wilson, DeLong, the unpaired normal combination) that is the normal standard error
 * they were built from; for the (paired) bootstrap's percentile intervals it is the normal-
 * equivalent standard error of the replicates' spread at that level (Efron & Tibshirani 1993,
 * "An Introduction to the Bootstrap", §13.3: the percentile interval and `value ± z·se` agree when
 * the replicates are normal).
 *
 * Sides: the decision is a two-sided interval at 1 − α′ (fail when it lies wholly beyond the
 * bound, pass when wholly within): each outcome is a one-sided test at α′/2, so z′ = z_{1−α′/2}.
 *
 * - `mde = (z′ + z_{0.8})·se` (Bloom 1995, "Minimum detectable effects", Evaluation Review
 *   19(5)): a true quantity at least this far from the bound is decided (fail
 *   beyond it, pass within it) with 80% probability. For a change rule, equivalently, the
 *   smallest change from no change (0) that the data tell apart from 0 with 80% power.
 * - `power_at_bound = Φ(|bound|/se − z′)`: for a change rule, the power to detect a change as
 *   large as the bound (equally: the chance that a model that did not change at all passes). The
 *   far tail (`Φ(−|bound|/se − z′)`, below 1e-3 whenever the power is above 5%) is left out, as
 *   usual for power. It has no meaning for `min` / `max`, whose bound is a level, not a change.
 */
import { normalTwoSidedP } from '../drift/special-functions.js'
import { criticalValue, normalQuantile } from '../metrics/intervals.js'
import { CHANGE_RULES } from './rules.js'
import type { RuleKind } from './verdict.js'

/** The power the MDE is quoted at. */
export const POWER = 0.8

/**
 * A change result whose MDE exceeds `DETECTABLE_FACTOR × bound` is not `detectable`: "too small
 * to judge this bound". At 2 the power at the bound is Φ((z_{0.8} − z′)/2): 29% at α′ = 5%, 14%
 * at α′ = 0.3% (Holm over 18 segments) — the data tell a change of the bound's size from no
 * change less than a third of the time, so a warning there says nothing about the model.
 */
export const DETECTABLE_FACTOR = 2

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  const tail = normalTwoSidedP(x) / 2
  return x >= 0 ? 1 - tail : tail
}

/** The standard error behind `ci` at level `confidence` (see the module comment). */
export function standardError(ci: readonly [number, number], confidence: number): number {
  return (ci[1] - ci[0]) / (2 * criticalValue(confidence))
}

export interface Power {
  readonly mde: number | null
  readonly power_at_bound: number | null
  readonly detectable: boolean | null
}

export const NO_POWER: Power = { mde: null, power_at_bound: null, detectable: null }

/**
 * `mde`, `power_at_bound` and `detectable` of a result of `rule` with bound `threshold` whose
 * quantity has interval `ci` at `confidence`; all `null` without an interval. `power_at_bound`
 * and `detectable` are `null` for `min` / `max` (their bound is not a change).
 *
 * @example
 * // se 0.05 (an interval of half-width z_{0.995}·0.05 at 99%), bound 0.05:
 * powerOf('max_drop', 0.05, [0.1 - 0.128791, 0.1 + 0.128791], 0.99)
 * // { mde: (2.5758 + 0.8416)·0.05 = 0.17087, power_at_bound: Φ(1 − 2.5758) = 0.0577, detectable: false }
 */
export function powerOf(
  rule: RuleKind,
  threshold: number,
  ci: readonly [number, number] | null,
  confidence: number | null
): Power {
  if (ci === null || confidence === null) return NO_POWER
  const se = standardError(ci, confidence)
  const z = criticalValue(confidence)
  const mde = (z + normalQuantile(POWER)) * se
  if (!CHANGE_RULES.includes(rule)) return { mde, power_at_bound: null, detectable: null }
  const bound = Math.abs(threshold)
  const power = se > 0 ? normalCdf(bound / se - z) : bound > 0 ? 1 : 0
  return { mde, power_at_bound: power, detectable: mde <= DETECTABLE_FACTOR * bound }
}
