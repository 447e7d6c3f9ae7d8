/**
 * One continuous outcome of a canary (`canary.outcomes[]`): the Hodges–Lehmann shift of the
 * canary against the control with its interval (`mann-whitney.ts`), judged against `max_shift`
 * like a significant-mode `max_drop`: the degradation (the shift toward the worse side) lies wholly
 * above the bound → `fail`, wholly at or below it → `pass`, across it → `inconclusive`. Each
 * outcome is one test at the configured confidence (outcomes are not corrected for each other).
 */
import type { CanaryOutcomeConfig } from '../config/types.js'
import { powerOf } from '../gates/power.js'
import { decideInterval, type Decision, type Rule } from '../gates/rules.js'
import { showInterval, showLevel, showNumber, showSigned } from '../gates/wording.js'
import type { Interval } from '../metrics/intervals.js'
import type { OutcomeResult, OutcomeStatus } from './canary-document.js'
import { shiftTest } from './mann-whitney.js'
import type { OutcomeValues } from './outcome-values.js'
import { trafficNeeded } from './traffic.js'

const STATUS: Record<Decision, OutcomeStatus> = {
  within: 'pass',
  beyond: 'fail',
  inconclusive: 'inconclusive'
}

/**
 * Judges `outcome` on the canary's and the control's values at `confidence`; fewer than
 * `minSupport` values on either side is `insufficient`.
 */
export function judgeOutcome(
  outcome: CanaryOutcomeConfig,
  canary: OutcomeValues,
  control: OutcomeValues,
  confidence: number,
  minSupport: number
): OutcomeResult {
  const name = outcome.name ?? outcome.column
  const base = {
    name,
    column: outcome.column,
    better: outcome.better,
    max_shift: outcome.max_shift,
    canary_n: canary.values.length,
    control_n: control.values.length,
    canary_missing: canary.missing,
    control_missing: control.missing,
    confidence
  }
  const fewest = Math.min(canary.values.length, control.values.length)
  if (fewest < minSupport) {
    const side = canary.values.length <= control.values.length ? 'canary' : 'control'
    return {
      ...base,
      status: 'insufficient',
      canary_median: null,
      control_median: null,
      shift: null,
      shift_ci: null,
      degradation: null,
      degradation_ci: null,
      u: null,
      p_value: null,
      test: null,
      mde: null,
      power_at_bound: null,
      traffic: null,
      reason: `${name}: ${fewest} ${side} values, fewer than min_support ${minSupport}: not judged`
    }
  }
  const test = shiftTest(canary.values, control.values, confidence)
  const worse = outcome.better === 'lower' ? 1 : -1
  const degradation = worse * test.estimate
  const degradationCi: Interval = worse > 0 ? test.ci : [-test.ci[1], -test.ci[0]]
  const rule: Rule = { kind: 'max_drop', threshold: outcome.max_shift }
  const decision = decideInterval(rule, degradationCi)
  const power = powerOf('max_drop', outcome.max_shift, degradationCi, confidence)
  const status = STATUS[decision]
  const traffic =
    status === 'inconclusive'
      ? trafficNeeded(name, power.mde, outcome.max_shift, canary.values.length, control.values.length)
      : null
  const where =
    decision === 'inconclusive'
      ? 'straddles'
      : decision === 'beyond'
        ? 'lies wholly above'
        : 'lies wholly at or below'
  const reason =
    `${name} (${outcome.better} is better; canary median ${showNumber(test.canaryMedian)}, control ` +
    `${showNumber(test.controlMedian)}, n = ${test.n} and ${test.m}): Hodges–Lehmann shift canary − control ` +
    `${showSigned(test.estimate)}, ${showLevel(confidence)} interval ${showInterval(test.ci)}; degradation = ` +
    `${worse > 0 ? '+shift' : '−shift'} = ${showSigned(degradation)}, interval ${showInterval(degradationCi)} ` +
    `${where} max_shift ${outcome.max_shift} → ${status}; Mann–Whitney U = ${showNumber(test.u, 6)}, ` +
    `p = ${showNumber(test.pValue)} (H0: no shift; ${test.method === 'exact' ? 'exact' : 'normal approximation with tie correction'})` +
    (status === 'inconclusive' && power.mde !== null
      ? `; the logs can only detect degradations larger than ${showNumber(power.mde)} (80% power)`
      : '')
  return {
    ...base,
    status,
    canary_median: test.canaryMedian,
    control_median: test.controlMedian,
    shift: test.estimate,
    shift_ci: test.ci,
    degradation,
    degradation_ci: degradationCi,
    u: test.u,
    p_value: test.pValue,
    test: test.method,
    mde: power.mde,
    power_at_bound: power.power_at_bound,
    traffic,
    reason
  }
}
