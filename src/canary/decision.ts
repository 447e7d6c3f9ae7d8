/**
 * The decision on a canary, from the gates' results and the outcomes:
 *
 * - `rollback` when a gate result fails (after waivers and severity: a waived failure or a
 *   `severity: warn` gate never rolls back; in significant mode a failure is significant) or an
 *   outcome fails (its degradation interval lies wholly above `max_shift`);
 * - else `continue` when anything is undecided: an inconclusive significant-mode result of a
 *   `severity: fail` gate, a `missing` result of one (the canary's log lacks the segment or the
 *   metric: not yet observed, never passed), no evidence (`no_evidence`), an inconclusive or
 *   insufficient outcome;
 * - else `promote`.
 *
 * An `insufficient` segment of a per-segment gate alone does not hold the canary back, as it does
 * not fail a gate run: it is reported, and no evidence on `all` does hold it back.
 */
import { ExitCode } from '../errors.js'
import { CHANGE_RULES } from '../gates/rules.js'
import { isInconclusive, rankProblems } from '../gates/verdict-document.js'
import type { GateResult, VerdictDocument } from '../gates/verdict.js'
import { showNumber } from '../gates/wording.js'
import type { CanaryDecision, OutcomeResult, Traffic } from './canary-document.js'
import { trafficNeeded } from './traffic.js'

export interface Decided {
  readonly decision: CanaryDecision
  readonly headline: string
  readonly reasons: readonly string[]
  readonly traffic: Traffic | null
}

/**
 * Decides as the module comment says. `controlRows(segment)` gives the control log's rows of a
 * segment, for the traffic of an undecided gate result.
 */
export function decideCanary(
  gates: VerdictDocument | null,
  outcomes: readonly OutcomeResult[],
  controlRows: (segment: string) => number | null
): Decided {
  const results = gates?.results ?? []
  const failedGates = rankProblems(results).filter((r) => r.status === 'fail')
  const failedOutcomes = outcomes.filter((o) => o.status === 'fail')
  const undecidedGates = results.filter(
    (r) => r.severity === 'fail' && (isInconclusive(r) || r.status === 'missing')
  )
  const undecidedOutcomes = outcomes.filter((o) => o.status === 'inconclusive' || o.status === 'insufficient')
  const noEvidence = gates?.no_evidence ?? null
  const undecided = [
    ...(noEvidence === null ? [] : [`no evidence: ${noEvidence}`]),
    ...undecidedGates.map((r) => r.reason),
    ...undecidedOutcomes.map((o) => o.reason)
  ]
  if (failedGates.length > 0 || failedOutcomes.length > 0) {
    const reasons = [
      ...failedGates.map((r) => r.reason),
      ...failedOutcomes.map((o) => o.reason),
      ...undecided
    ]
    const first = failedGates.length > 0 ? gates!.headline : outcomeHeadline(failedOutcomes[0])
    const more = failedGates.length + failedOutcomes.length - 1
    return {
      decision: 'rollback',
      headline: `${first}${more > 0 ? ` (and ${more} more)` : ''}`,
      reasons,
      traffic: null
    }
  }
  if (undecided.length > 0) {
    const needs = [
      ...undecidedGates.map((r) => gateTraffic(r, controlRows)),
      ...undecidedOutcomes.map((o) => o.traffic)
    ].filter((t): t is Traffic => t !== null)
    const traffic = needs.reduce<Traffic | null>((a, b) => (a === null || b.factor > a.factor ? b : a), null)
    const count = `${undecided.length} result${undecided.length === 1 ? '' : 's'} undecided`
    const need =
      traffic === null
        ? undecided[0]
        : `about ${traffic.canary_rows} canary rows needed (${showNumber(traffic.factor)}× now)`
    return { decision: 'continue', headline: `${count}; ${need}`, reasons: undecided, traffic }
  }
  const judged = results.filter((r) => r.status === 'pass').length + outcomes.length
  return {
    decision: 'promote',
    headline: `every gate and outcome passed (${judged} result${judged === 1 ? '' : 's'})`,
    reasons: [],
    traffic: null
  }
}

/** `latency_ms got worse by +12.0, interval [8.10, 15.9], allowed 5`. */
function outcomeHeadline(o: OutcomeResult): string {
  const ci = o.degradation_ci!
  return (
    `${o.name} got worse by ${showNumber(o.degradation)} (interval [${showNumber(ci[0])}, ` +
    `${showNumber(ci[1])}]), allowed ${o.max_shift}`
  )
}

/**
 * The traffic of an inconclusive gate result: its bound is the distance for a change rule, the
 * value's distance to the bound for `min` / `max`; `null` for a missing result.
 */
function gateTraffic(r: GateResult, controlRows: (segment: string) => number | null): Traffic | null {
  if (r.n === null || r.candidate === null) return null
  const distance = CHANGE_RULES.includes(r.rule) ? r.threshold : Math.abs(r.candidate - r.threshold)
  return trafficNeeded(`${r.gate} for ${r.segment}`, r.mde, distance, r.n, controlRows(r.segment))
}

/** `promote` exits 0, `rollback` 1 (as a failed gate), `continue` 3 (2 is bad input). */
export function canaryExitCode(decision: CanaryDecision): ExitCode {
  return decision === 'promote'
    ? ExitCode.Pass
    : decision === 'rollback'
      ? ExitCode.GateFailed
      : ExitCode.Inconclusive
}
