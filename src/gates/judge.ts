/**
 * Gates + candidate + baseline -> one `GateResult` per gate, rule and segment.
 *
 * Semantics (the verdict schema and `docs` quote them):
 * - Segments: `per_segment: false` judges `all` only; `true` judges `all` and every segment of the
 *   candidate's evaluation; a column name judges `all` and that column's segments; a list judges
 *   `all` and the listed keys (`runGate` refuses a key the candidate does not have, at its config
 *   line, before judging; judged alone, such a key is `missing`).
 * - `insufficient` (not judged), checked in this order, in the candidate and for a change in the
 *   baseline: the segment has fewer rows than `segments.min_support`; the metric is undefined for
 *   it (e.g. ROC AUC on one class; the metric's own reason is quoted), or its value is a
 *   zero-division convention (recall without positives: `defined: false`), or its value or
 *   interval is not a finite number; the metric's own support (its denominator's rows, e.g. the
 *   positives for recall) is below `min_support`, or unknown (a document without `support`).
 *   Then a relative drop with a baseline of 0, and a change or interval that is not finite.
 *   Undefined is a property of the rows, not of the config, hence not `missing`. A gate never
 *   compares a number that is not finite.
 * - `missing`: the evaluation does not report the segment or the metric (a document written with
 *   other segments, an unknown class), or there is no baseline under `on_missing_baseline: fail`.
 *   It fails closed (a `severity: warn` gate warns); the gate's `on_missing: skip` reports it as
 *   `skipped` instead.
 * - `skipped`: a change rule without a baseline (the default `on_missing_baseline: skip`).
 * - `mode: point`: the rule is checked on the point value; a value exactly on the bound holds.
 * - `mode: significant`: the interval of the quantity decides: wholly past the bound -> fail,
 *   wholly within -> pass, straddling -> warn ("inconclusive"). The m segments judged by one rule
 *   form a family corrected by the gate's `correction` (`holm`, `bh`, `none`; see `family.ts`):
 *   each segment's p-value (of "the quantity is on the bound", `boundPValue`) is adjusted, and its
 *   interval is computed at the level that makes its decision agree with its adjusted p-value.
 *   Every such reason names the family ("Holm over 18 segments of recall max_drop"), and an
 *   inconclusive one states what the data could detect (`mde`, see `power.ts`). A quantity
 *   without an interval (counts) is compared as a point value, and says so.
 * - Every judged result with an interval carries `mde` (and for a change rule `power_at_bound`
 *   and `detectable`), in point mode at the configured level.
 * - A failure of a `severity: warn` gate is `warn`; a failure matched by an unexpired waiver is
 *   `waived` (waivers win over severity).
 */
import type { Config, GateConfig } from '../config/types.js'
import { describeMetric, supportUnit } from '../metrics/catalog.js'
import type { MetricValue } from '../metrics/metric-value.js'
import { DEFAULT_MIN_SUPPORT } from '../config/evaluate-settings.js'
import { OVERALL } from '../metrics/segmentation.js'
import { CORRECTION_NAMES, type Correction } from '../drift/multiple-testing.js'
import { correctFamily } from './family.js'
import type { ModelResults } from './model-results.js'
import { NO_POWER, powerOf } from './power.js'
import { boundPValue, measure, type Interval, type Quantity } from './quantity.js'
import {
  ACROSS_RULES,
  CHANGE_RULES,
  comparison,
  decideInterval,
  decidePoint,
  excess,
  isLowerBound,
  rulesOf,
  type Decision,
  type Rule
} from './rules.js'
import type { GateResult, GateStatus } from './verdict.js'
import { matchWaiver, utcDate } from './waivers.js'
import { showAgainst, showInterval, showLevel, showNumber } from './wording.js'

/** One candidate as the gates read it, with the baseline as paired with it. */
export interface JudgedModel {
  readonly candidate: ModelResults
  /**
   * The candidate on the rows it shares with the baseline, which change rules judge (see
   * `pairing.ts`); default `candidate`.
   */
  readonly comparedCandidate?: ModelResults
  /**
   * `null`: no baseline (a project's first run). Per candidate, since pairing restricts the
   * baseline to the ids it shares with this candidate.
   */
  readonly baseline: ModelResults | null
}

export interface JudgeInput extends JudgedModel {
  readonly config: Config
  /** Without a baseline: why none was found (quoted in the change rules' reasons). */
  readonly baselineMissing?: string
  /** Today, for waiver expiry. */
  readonly now: Date
}

/** Several candidates against one baseline, each paired with it on its own rows. */
export interface JudgeManyInput extends Omit<JudgeInput, keyof JudgedModel> {
  readonly candidates: readonly JudgedModel[]
}

/** The shared fields of every result of one gate's rule. */
type Header = Pick<GateResult, 'gate' | 'gate_index' | 'metric' | 'rule' | 'threshold' | 'mode' | 'severity'>

/** A result before waivers and severity: `fail` may still become `waived` or `warn`. */
type Draft = Omit<GateResult, 'status' | 'waiver'> & { readonly status: GateStatus | 'inconclusive' }

interface Context extends JudgeInput {
  readonly minSupport: number
  readonly confidence: number
}

/** Every result of every gate, in config order (gates, then rules, then segments). */
export function judgeGates(input: JudgeInput): GateResult[] {
  const { candidate, comparedCandidate, baseline, ...rest } = input
  return judgeCandidates({ ...rest, candidates: [{ candidate, comparedCandidate, baseline }] })[0]
}

/**
 * `judgeGates` of each candidate, in input order, with one difference: a significant-mode rule's
 * family spans every candidate's judged segments (m = Σ over the candidates), so that adding
 * candidates inflates neither false failures nor false passes. With one candidate it is
 * `judgeGates` exactly.
 */
export function judgeCandidates(input: JudgeManyInput): GateResult[][] {
  const { candidates, ...shared } = input
  const contexts: Context[] = candidates.map((model) => ({
    ...shared,
    ...model,
    minSupport: input.config.segments?.min_support ?? DEFAULT_MIN_SUPPORT,
    confidence: input.config.evaluation.confidence
  }))
  const today = utcDate(input.now)
  const results: GateResult[][] = candidates.map(() => [])
  input.config.gates.forEach((gate, index) => {
    for (const rule of rulesOf(gate)) {
      const header: Header = {
        gate: gate.name ?? `${gate.metric} ${rule.kind} ${rule.threshold}`,
        gate_index: index,
        metric: gate.metric,
        rule: rule.kind,
        threshold: rule.threshold,
        mode: gate.mode,
        severity: gate.severity
      }
      const drafts = ACROSS_RULES.includes(rule.kind)
        ? contexts.map((context) => [judgeAcross(context, gate, rule, header)])
        : judgeSegments(contexts, gate, rule, header)
      drafts.forEach((list, i) => {
        for (const draft of list) results[i].push(settle(draft, gate, input.config, today))
      })
    }
  })
  return results
}

/** Applies `on_missing`, waivers and severity: the final status. */
function settle(draft: Draft, gate: GateConfig, config: Config, today: string): GateResult {
  if (draft.status === 'inconclusive') return { ...draft, status: 'warn' }
  if (draft.status === 'missing' && gate.on_missing === 'skip') {
    return { ...draft, status: 'skipped', reason: `${draft.reason}; on_missing: skip` }
  }
  if (draft.status !== 'fail') return { ...draft, status: draft.status }
  const { active, expired } = matchWaiver(config.waivers, draft.metric, draft.segment, today)
  if (active) {
    const until = active.expires === undefined ? 'no expiry' : `until ${active.expires}`
    return {
      ...draft,
      status: 'waived',
      reason: `${draft.reason}; waived (${until}): ${active.reason}`,
      waiver: { reason: active.reason, expires: active.expires ?? null }
    }
  }
  const expiredNote = expired ? `; the waiver "${expired.reason}" expired on ${expired.expires}` : ''
  if (gate.severity === 'warn') {
    return { ...draft, status: 'warn', reason: `${draft.reason}${expiredNote}; severity: warn` }
  }
  return { ...draft, status: 'fail', reason: `${draft.reason}${expiredNote}` }
}

/** The blank result of `header` on `segment`, to which each outcome adds its fields. */
function blank(header: Header, segment: string): Draft {
  return {
    ...header,
    segment,
    status: 'missing',
    n: null,
    support: null,
    baseline_support: null,
    candidate: null,
    baseline: null,
    change: null,
    relative_change: null,
    ci: null,
    confidence: null,
    p_value: null,
    adjusted_p_value: null,
    excess: null,
    correction: null,
    family: null,
    ...NO_POWER,
    reason: ''
  }
}

/** The segment keys a gate judges, `all` first. */
function segmentKeys(gate: GateConfig, candidate: ModelResults): string[] {
  const perSegment = gate.per_segment
  if (perSegment === false) return [OVERALL]
  if (perSegment === true) return candidate.segments.map((s) => s.key)
  if (typeof perSegment === 'string') {
    const keys = candidate.segments.filter((s) => s.family === perSegment).map((s) => s.key)
    // A column with no segment in the evaluation is itself missing.
    return [OVERALL, ...(keys.length > 0 ? keys : [perSegment])]
  }
  return [OVERALL, ...perSegment.filter((key) => key !== OVERALL)]
}

type Prepared = { readonly draft: Draft; readonly quantity?: Quantity }

/** One rule on the segments of every candidate (`contexts`), judged in one family; drafts per candidate. */
function judgeSegments(
  contexts: readonly Context[],
  gate: GateConfig,
  rule: Rule,
  header: Header
): Draft[][] {
  const prepared = contexts.map((context) => {
    // The segments are the whole candidate's; a change reads them on the rows shared with the baseline.
    const compared =
      CHANGE_RULES.includes(rule.kind) && context.comparedCandidate !== undefined
        ? { ...context, candidate: context.comparedCandidate }
        : context
    return segmentKeys(gate, context.candidate).map((key) =>
      prepare(compared, gate, rule, blank(header, key))
    )
  })
  const judged = prepared.flat().filter((p) => p.quantity !== undefined)
  const confidence = contexts[0]?.confidence ?? 0.95
  const levels =
    gate.mode === 'significant'
      ? familyLevels(judged, rule, gate.correction, confidence, contexts.length)
      : new Map<Prepared, Member>()
  return prepared.map((list, i) =>
    list.map((p) =>
      p.quantity === undefined
        ? p.draft
        : decide(p.draft, p.quantity, rule, contexts[i], levels.get(p) ?? null)
    )
  )
}

/**
 * The checks before a segment can be measured, in order: segment and metric present, enough
 * rows, a defined value; for a change, the same of the baseline.
 */
function prepare(context: Context, gate: GateConfig, rule: Rule, draft: Draft): Prepared {
  const { candidate, baseline, minSupport } = context
  const key = draft.segment
  const metric = gate.metric
  const about = `${metric} for ${key}`
  const stop = (status: GateStatus, reason: string, fields: Partial<Draft> = {}): Prepared => ({
    draft: { ...draft, ...fields, status, reason: `${about}: ${reason}` }
  })
  const segment = candidate.segment(key)
  if (segment === undefined) return stop('missing', `the candidate's evaluation has no segment ${key}`)
  const c = candidate.metric(key, metric, context.confidence)
  if (c === undefined) return stop('missing', `the candidate's evaluation does not report ${metric}`)
  let seen: Partial<Draft> = { n: segment.n, candidate: c.value, support: c.support ?? null }
  if (segment.n < minSupport) {
    return stop('insufficient', `${segment.n} rows, fewer than min_support ${minSupport}: not judged`, seen)
  }
  const cProblem = unjudgeable(metric, c, segment.n, minSupport, 'the candidate')
  if (cProblem !== undefined) return stop('insufficient', cProblem, seen)
  if (CHANGE_RULES.includes(rule.kind)) {
    if (baseline === null) {
      const why = context.baselineMissing === undefined ? '' : ` (${context.baselineMissing})`
      return context.config.on_missing_baseline === 'fail'
        ? stop('missing', `no baseline to compare with${why} (on_missing_baseline: fail)`, seen)
        : stop('skipped', `no baseline to compare with${why}: ${rule.kind} skipped`, seen)
    }
    const baseSegment = baseline.segment(key)
    if (baseSegment === undefined)
      return stop('missing', `the baseline's evaluation has no segment ${key}`, seen)
    const b = baseline.metric(key, metric, baseline.confidence)
    if (b === undefined) return stop('missing', `the baseline's evaluation does not report ${metric}`, seen)
    seen = { ...seen, baseline_support: b.support ?? null }
    if (baseSegment.n < minSupport) {
      return stop(
        'insufficient',
        `${baseSegment.n} rows in the baseline, fewer than min_support ${minSupport}: not judged`,
        seen
      )
    }
    const bProblem = unjudgeable(metric, b, baseSegment.n, minSupport, 'the baseline')
    if (bProblem !== undefined) return stop('insufficient', bProblem, seen)
  }
  const measured = measure({
    candidate,
    baseline,
    key,
    metric,
    direction: describeMetric(metric)!.direction,
    rule,
    confidence: context.confidence
  })
  if ('undefinedBecause' in measured) return stop('insufficient', measured.undefinedBecause, seen)
  const infinite = nonFinite(measured.quantity, rule, context.confidence)
  if (infinite !== undefined) return stop('insufficient', infinite, seen)
  return { draft: { ...draft, ...seen }, quantity: measured.quantity }
}

/**
 * Why `value` of `metric` (of `who`, on `n` rows) cannot be judged: undefined, a zero-division
 * convention, not finite (value or interval), or too little support of its own; `undefined` when
 * it can be.
 */
function unjudgeable(
  metric: string,
  value: MetricValue,
  n: number,
  minSupport: number,
  who: string
): string | undefined {
  if (value.value === null) return `undefined for ${who}: ${value.reason}`
  if (value.defined === false) {
    return `undefined for ${who}: ${value.reason ?? 'its denominator is 0'}; a convention, not a value: not judged`
  }
  if (!Number.isFinite(value.value))
    return `${who}'s value is ${value.value}, not a finite number: not judged`
  if (value.ci !== null && !value.ci.every(Number.isFinite)) {
    return `${who}'s interval [${value.ci.join(', ')}] is not finite: not judged`
  }
  if (value.support === undefined) {
    return `${who}'s evaluation does not state the support of ${metric} (a document without \`support\`): not judged`
  }
  if (value.support < minSupport) {
    const where = who === 'the baseline' ? ' in the baseline' : ''
    return `${value.support} ${supportUnit(metric)} (of ${n} rows)${where}, fewer than min_support ${minSupport}: not judged`
  }
  return undefined
}

/**
 * Why a measured quantity cannot be compared: the change (of two huge finite values, say), the
 * quantity or its interval is not a finite number.
 */
function nonFinite(q: Quantity, rule: Rule, confidence: number): string | undefined {
  // The candidate's and the baseline's values were checked before they were measured.
  const numbers: [string, number | null][] = CHANGE_RULES.includes(rule.kind) ? [['change', q.change]] : []
  numbers.push([q.name, q.value])
  for (const [what, value] of numbers) {
    if (value !== null && !Number.isFinite(value))
      return `the ${what} is ${value}, not a finite number: not judged`
  }
  const ci = q.interval(confidence)
  if (ci !== null && !ci.every(Number.isFinite)) {
    return `the interval of the ${q.name} [${ci.join(', ')}] is not finite: not judged`
  }
  return undefined
}

/** A segment's place in its rule's family. */
interface Member {
  readonly pValue: number
  readonly adjusted: number
  readonly confidence: number
  readonly family: number
  /** How many candidates the family spans (1: the segments of one candidate). */
  readonly candidates: number
  readonly correction: Correction
}

/** The family of the segments whose quantity has an interval; the others are compared as points. */
function familyLevels(
  judged: readonly Prepared[],
  rule: Rule,
  correction: Correction,
  confidence: number,
  candidates: number
): Map<Prepared, Member> {
  const tested: { prepared: Prepared; p: number }[] = []
  for (const prepared of judged) {
    const q = prepared.quantity!
    const ci = q.interval(confidence)
    if (ci !== null) tested.push({ prepared, p: boundPValue(rule, q.value, ci, confidence) })
  }
  const corrected = correctFamily(
    tested.map((t) => t.p),
    correction,
    confidence
  )
  return new Map(
    tested.map((t, i) => [
      t.prepared,
      {
        pValue: t.p,
        adjusted: corrected.adjusted[i],
        confidence: corrected.confidence[i],
        family: tested.length,
        candidates,
        correction
      }
    ])
  )
}

const OUTCOME: Record<Decision, 'pass' | 'fail' | 'inconclusive'> = {
  within: 'pass',
  beyond: 'fail',
  inconclusive: 'inconclusive'
}

function decide(draft: Draft, q: Quantity, rule: Rule, context: Context, member: Member | null): Draft {
  const values = {
    candidate: q.candidate,
    baseline: q.baseline,
    change: q.change,
    relative_change: q.relativeChange,
    excess: excess(rule, q.value)
  }
  const about = `${draft.metric} for ${draft.segment} (n = ${draft.n}): ${q.formula}`
  const pointText = (decision: 'within' | 'beyond'): string =>
    `${showAgainst(q.value, rule.threshold)} ${comparison(rule, decision)} → ${OUTCOME[decision]}`
  if (draft.mode === 'point' || member === null) {
    const decision = decidePoint(rule, q.value)
    const ci = q.interval(context.confidence)
    const confidence = ci === null ? null : context.confidence
    const note =
      draft.mode === 'significant' ? `; no interval of the ${q.name}: compared as a point value` : ''
    return {
      ...draft,
      ...values,
      ...powerOf(rule.kind, rule.threshold, ci, confidence),
      status: OUTCOME[decision],
      ci,
      confidence,
      reason: `${about}; ${pointText(decision)}${note}`
    }
  }
  const ci = q.interval(member.confidence) as Interval
  if (!ci.every(Number.isFinite)) {
    const at = showLevel(member.confidence)
    return {
      ...draft,
      status: 'insufficient',
      reason: `${about}; the ${at} interval [${ci.join(', ')}] is not finite: not judged`
    }
  }
  const decision = decideInterval(rule, ci)
  const power = powerOf(rule.kind, rule.threshold, ci, member.confidence)
  const detects = decision === 'inconclusive' ? `; ${detectable(q.name, rule, power.mde!)}` : ''
  const reason =
    `${about}; ${showLevel(member.confidence)} ${q.method} interval of the ${q.name} ${showInterval(ci)} ` +
    `${where(rule, decision)} → ${OUTCOME[decision]}; p = ${showNumber(member.pValue)} ` +
    `(H0: ${q.name} = ${rule.threshold}), ${familyText(member, draft.metric, rule)}${detects}`
  return {
    ...draft,
    ...values,
    ...power,
    status: OUTCOME[decision],
    ci,
    confidence: member.confidence,
    p_value: member.pValue,
    adjusted_p_value: member.adjusted,
    correction: member.correction,
    family: member.family,
    reason
  }
}

/**
 * The adjusted p-value and the family it was adjusted in:
 * `Holm-adjusted p = 0.000216 (Holm over 18 segments of recall max_drop)`, or with several
 * candidates `(Holm over 54 segments of recall max_drop across 3 candidates)`.
 */
function familyText(member: Member, metric: string, rule: Rule): string {
  const across = member.candidates > 1 ? ` across ${member.candidates} candidates` : ''
  const segments = `${member.family} segment${member.family === 1 ? '' : 's'} of ${metric} ${rule.kind}${across}`
  if (member.correction === 'none') return `uncorrected (correction: none; ${segments})`
  const name = CORRECTION_NAMES[member.correction]
  const short = member.correction === 'bh' ? 'BH' : name
  return `${short}-adjusted p = ${showNumber(member.adjusted)} (${name} over ${segments})`
}

/**
 * What an inconclusive segment could have told, from its `mde`:
 * `this segment can only detect drops larger than 0.211 (80% power); the bound is 0.05`.
 */
function detectable(name: string, rule: Rule, mde: number): string {
  if (CHANGE_RULES.includes(rule.kind)) {
    return `this segment can only detect ${name}s larger than ${showNumber(mde)} (80% power); the bound is ${rule.threshold}`
  }
  return `this segment can only tell its ${name} from ${rule.kind} ${rule.threshold} when they differ by more than ${showNumber(mde)} (80% power)`
}

/** `lies wholly above max_drop 0.05`, `straddles min 0.75`. */
function where(rule: Rule, decision: Decision): string {
  const bound = `${rule.kind} ${rule.threshold}`
  if (decision === 'inconclusive') return `straddles ${bound}`
  const below = isLowerBound(rule.kind) === (decision === 'beyond')
  return `lies wholly ${below ? 'below' : 'above'}${decision === 'within' ? ' or on' : ''} ${bound}`
}

/**
 * `min_ratio` / `max_gap`: the metric across the segments of one column that have at least
 * `min_support` rows and support of the metric, and a defined, finite value (not a zero-division
 * convention); needs two of them. `ratio = lowest / highest`, `gap = highest − lowest`; one that
 * is not finite is not judged. Point values only (the config rejects `mode: significant` here).
 */
function judgeAcross(context: Context, gate: GateConfig, rule: Rule, header: Header): Draft {
  const column = gate.across!
  const draft = blank(header, column)
  const metric = gate.metric
  const about = `${metric} across ${column}`
  const segments = context.candidate.segments.filter((s) => s.family === column)
  if (segments.length === 0) {
    return { ...draft, reason: `${about}: the candidate's evaluation has no segments of ${column}` }
  }
  const judged: { key: string; value: number }[] = []
  const left: string[] = []
  for (const s of segments) {
    const value = context.candidate.metric(s.key, metric, context.confidence)
    const problem = memberProblem(metric, s.n, value, context.minSupport)
    if (problem === undefined) judged.push({ key: s.key, value: value!.value! })
    else left.push(`${s.key} (${problem})`)
  }
  const leftOut = left.length === 0 ? '' : `; left out: ${left.join(', ')}`
  if (judged.length < 2) {
    return {
      ...draft,
      status: 'insufficient',
      reason: `${about}: needs 2 segments with support of at least ${context.minSupport} and a defined, finite value, found ${judged.length}${leftOut}`
    }
  }
  const lowest = judged.reduce((a, b) => (b.value < a.value ? b : a))
  const highest = judged.reduce((a, b) => (b.value > a.value ? b : a))
  const range = `lowest ${lowest.key} ${showNumber(lowest.value)}, highest ${highest.key} ${showNumber(highest.value)} (${judged.length} segments${leftOut})`
  let value: number
  let formula: string
  if (rule.kind === 'min_ratio') {
    if (highest.value === 0) {
      return {
        ...draft,
        status: 'insufficient',
        reason: `${about}: every segment is 0, so the ratio is undefined`
      }
    }
    value = lowest.value / highest.value
    formula = `ratio = lowest / highest = ${showNumber(lowest.value)} / ${showNumber(highest.value)} = ${showNumber(value)}`
  } else {
    value = highest.value - lowest.value
    formula = `gap = highest − lowest = ${showNumber(highest.value)} − ${showNumber(lowest.value)} = ${showNumber(value)}`
  }
  if (!Number.isFinite(value)) {
    return {
      ...draft,
      status: 'insufficient',
      reason: `${about}: ${range}; ${formula}, not a finite number: not judged`
    }
  }
  const decision = decidePoint(rule, value)
  return {
    ...draft,
    status: OUTCOME[decision],
    candidate: value,
    excess: excess(rule, value),
    reason: `${about}: ${range}; ${formula}; ${showAgainst(value, rule.threshold)} ${comparison(rule, decision)} → ${OUTCOME[decision]}`
  }
}

/** Why a segment's value is left out of an `across` rule, in a few words; `undefined` if it counts. */
function memberProblem(
  metric: string,
  n: number,
  value: MetricValue | undefined,
  minSupport: number
): string | undefined {
  if (n < minSupport) return `${n} rows`
  if (value === undefined || value.value === null || value.defined === false) return 'undefined'
  if (!Number.isFinite(value.value)) return `${value.value}`
  if (value.support === undefined) return 'support unknown'
  if (value.support < minSupport) return `${value.support} ${supportUnit(metric)}`
  return undefined
}
