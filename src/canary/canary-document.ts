/**
 * The `ml-gate/canary@1` document (schemas/canary.schema.json): the decision on a canary release,
 * the gates' verdict on the two logs, every continuous outcome's shift, and the traffic a decision
 * still needs.
 */
import type { VerdictDocument } from '../gates/verdict.js'
import type { Interval } from '../metrics/intervals.js'

/**
 * - `rollback`: a gate failed (in significant mode: significantly), or an outcome's degradation
 *   interval lies wholly above its `max_shift`;
 * - `promote`: every gate and outcome passed (warn-severity gates and waived failures aside);
 * - `continue`: nothing failed, but something is undecided (an inconclusive interval, too little
 *   data, no evidence): keep the canary running, `traffic` says how much longer.
 */
export type CanaryDecision = 'promote' | 'rollback' | 'continue'

/** `inconclusive`: the interval straddles the bound; `insufficient`: fewer values than `min_support`. */
export type OutcomeStatus = 'pass' | 'fail' | 'inconclusive' | 'insufficient'

/**
 * The traffic at which an undecided result would have 80% power at its bound: the MDE shrinks as
 * 1/√n, so it reaches the distance d to decide at n′ = n·(MDE/d)². For a change (a gate's
 * `max_drop`, an outcome's `max_shift`) d is the bound (a canary no worse than the control is then
 * told within it with 80% power); for a `min` / `max` gate d is the value's distance to the bound.
 */
export interface Traffic {
  /** (MDE/d)², at least 1: how many times the current rows. */
  readonly factor: number
  readonly canary_rows: number
  /** `null` when the control's rows of the segment are unknown. */
  readonly control_rows: number | null
  /** What is undecided, and the formula with its numbers. */
  readonly reason: string
}

export interface OutcomeResult {
  /** `name`, or the column. */
  readonly name: string
  readonly column: string
  readonly better: 'lower' | 'higher'
  readonly max_shift: number
  readonly status: OutcomeStatus
  /** Values in the canary's and the control's log (missing cells left out). */
  readonly canary_n: number
  readonly control_n: number
  readonly canary_missing: number
  readonly control_missing: number
  readonly canary_median: number | null
  readonly control_median: number | null
  /** Hodges–Lehmann estimate of the shift canary − control. */
  readonly shift: number | null
  readonly shift_ci: Interval | null
  /** The shift toward the worse side: +shift when lower is better, −shift when higher is. */
  readonly degradation: number | null
  readonly degradation_ci: Interval | null
  readonly confidence: number
  /** Mann–Whitney U of the canary (R's W). */
  readonly u: number | null
  /** Two-sided p-value of no shift. */
  readonly p_value: number | null
  readonly test: 'exact' | 'normal' | null
  /** (z_{1−α/2} + z_{0.8})·se, se = width of `degradation_ci` / (2·z_{1−α/2}) (src/gates/power.ts). */
  readonly mde: number | null
  /** Φ(max_shift/se − z_{1−α/2}). */
  readonly power_at_bound: number | null
  /** For an inconclusive outcome. */
  readonly traffic: Traffic | null
  readonly reason: string
}

export interface LogFile {
  readonly file: string
  readonly rows: number
}

export interface CanaryDocument {
  readonly schema: 'ml-gate/canary@1'
  readonly decision: CanaryDecision
  readonly headline: string
  /** One sentence per result that rolls back or is undecided, rollbacks first. */
  readonly reasons: readonly string[]
  readonly control: LogFile
  readonly canary: LogFile
  /** Always `false`: the canary's users are not the control's, and no id is ever matched. */
  readonly paired: false
  readonly confidence: number
  /** The gates' verdict, the canary as candidate and the control as baseline; `null` without gates. */
  readonly gates: VerdictDocument | null
  readonly outcomes: readonly OutcomeResult[]
  /** For `continue`: the largest need among the undecided results; `null` when none can be computed. */
  readonly traffic: Traffic | null
}
