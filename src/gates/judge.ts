/**
 * Gates + candidate + baseline -> one `GateResult` per gate, rule and segment.
 *
 * Semantics (the verdict schema and `docs` quote them):
 * - Segments: `per_segment: false` judges `all` only; `true` judges `all` and every segment of the
 *   candidate's evaluation; a column name judges `all` and that column's segments; a list judges
 *   `all` and the listed keys (`runGate` refuses a key the candidate does not have, at its config
 *   line, before judging; judged alone, such a key is `missing`).
 * - `insufficient` (not judged): the segment has fewer rows than `segments.min_support` (in the
 *   candidate, or for a change in the baseline), or the metric is undefined for it (e.g. ROC AUC
 *   on one class; the metric's own reason is quoted), or a relative drop has a baseline of 0.
 *   Undefined is a property of the rows, not of the config, hence not `missing`.
 * - `missing`: the evaluation does not report the segment or the metric (a document written with
 *   other segments, an unknown class), or there is no baseline under `on_missing_baseline: fail`.
 *   It fails closed (a `severity: warn` gate warns); the gate's `on_missing: skip` reports it as
 *   `skipped` instead.
 * - `skipped`: a change rule without a baseline (the default `on_missing_baseline: skip`).
 * - `mode: point`: the rule is checked on the point value; a value exactly on the bound holds.
 * - `mode: significant`: the interval of the quantity decides: wholly past the bound -> fail,
 *   wholly within -> pass, straddling -> warn ("inconclusive"). The m segments judged by one rule
 *   form a family corrected by Holm (see `holm.ts`): each segment's p-value (of "the quantity is
 *   on the bound", `boundPValue`) ranks it, and its interval is computed at the Holm level of its
 *   rank. A quantity without an interval (counts) is compared as a point value, and says so.
 * - A failure of a `severity: warn` gate is `warn`; a failure matched by an unexpired waiver is
 *   `waived` (waivers win over severity).
 */
import type { Config, GateConfig } from '../config/types.js'
import { describeMetric } from '../metrics/catalog.js'
import { DEFAULT_MIN_SUPPORT } from '../metrics/evaluate.js'
import { OVERALL } from '../metrics/segmentation.js'
import { holmAdjust } from './holm.js'
import type { ModelResults } from './model-results.js'
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

export interface JudgeInput {
  readonly config: Config
  readonly candidate: ModelResults
  /** `null`: no baseline (a project's first run). */
  readonly baseline: ModelResults | null
  /** Today, for waiver expiry. */
  readonly now: Date
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
  const context: Context = {
    ...input,
    minSupport: input.config.segments?.min_support ?? DEFAULT_MIN_SUPPORT,
    confidence: input.config.evaluation.confidence
  }
  const today = utcDate(input.now)
  return input.config.gates.flatMap((gate, index) =>
    rulesOf(gate).flatMap((rule) => {
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
        ? [judgeAcross(context, gate, rule, header)]
        : judgeSegments(context, gate, rule, header)
      return drafts.map((draft) => settle(draft, gate, input.config, today))
    })
  )
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
    candidate: null,
    baseline: null,
    change: null,
    relative_change: null,
    ci: null,
    confidence: null,
    p_value: null,
    adjusted_p_value: null,
    excess: null,
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

function judgeSegments(context: Context, gate: GateConfig, rule: Rule, header: Header): Draft[] {
  const prepared = segmentKeys(gate, context.candidate).map((key) =>
    prepare(context, gate, rule, blank(header, key))
  )
  const judged = prepared.filter((p) => p.quantity !== undefined)
  const levels =
    gate.mode === 'significant' ? holmLevels(judged, rule, context.confidence) : new Map<Prepared, Holm>()
  return prepared.map((p) =>
    p.quantity === undefined ? p.draft : decide(p.draft, p.quantity, rule, context, levels.get(p) ?? null)
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
  const seen = { n: segment.n, candidate: c.value }
  if (segment.n < minSupport) {
    return stop('insufficient', `${segment.n} rows, fewer than min_support ${minSupport}: not judged`, seen)
  }
  if (c.value === null) return stop('insufficient', `undefined for the candidate: ${c.reason}`, seen)
  if (CHANGE_RULES.includes(rule.kind)) {
    if (baseline === null) {
      return context.config.on_missing_baseline === 'fail'
        ? stop('missing', `no baseline to compare with (on_missing_baseline: fail)`, seen)
        : stop('skipped', `no baseline to compare with: ${rule.kind} skipped`, seen)
    }
    const baseSegment = baseline.segment(key)
    if (baseSegment === undefined)
      return stop('missing', `the baseline's evaluation has no segment ${key}`, seen)
    const b = baseline.metric(key, metric, baseline.confidence)
    if (b === undefined) return stop('missing', `the baseline's evaluation does not report ${metric}`, seen)
    if (baseSegment.n < minSupport) {
      return stop(
        'insufficient',
        `${baseSegment.n} rows in the baseline, fewer than min_support ${minSupport}: not judged`,
        seen
      )
    }
    if (b.value === null) return stop('insufficient', `undefined for the baseline: ${b.reason}`, seen)
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
  return { draft: { ...draft, n: segment.n }, quantity: measured.quantity }
}

interface Holm {
  readonly pValue: number
  readonly adjusted: number
  readonly confidence: number
  readonly family: number
}

/** Holm over the segments whose quantity has an interval; the others are compared as points. */
function holmLevels(judged: readonly Prepared[], rule: Rule, confidence: number): Map<Prepared, Holm> {
  const tested: { prepared: Prepared; p: number }[] = []
  for (const prepared of judged) {
    const q = prepared.quantity!
    const ci = q.interval(confidence)
    if (ci !== null) tested.push({ prepared, p: boundPValue(rule, q.value, ci, confidence) })
  }
  const holm = holmAdjust(
    tested.map((t) => t.p),
    confidence
  )
  return new Map(
    tested.map((t, i) => [
      t.prepared,
      { pValue: t.p, adjusted: holm.adjusted[i], confidence: holm.confidence[i], family: tested.length }
    ])
  )
}

const OUTCOME: Record<Decision, 'pass' | 'fail' | 'inconclusive'> = {
  within: 'pass',
  beyond: 'fail',
  inconclusive: 'inconclusive'
}

function decide(draft: Draft, q: Quantity, rule: Rule, context: Context, holm: Holm | null): Draft {
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
  if (draft.mode === 'point' || holm === null) {
    const decision = decidePoint(rule, q.value)
    const ci = q.interval(context.confidence)
    const note =
      draft.mode === 'significant' ? `; no interval of the ${q.name}: compared as a point value` : ''
    return {
      ...draft,
      ...values,
      status: OUTCOME[decision],
      ci,
      confidence: ci === null ? null : context.confidence,
      reason: `${about}; ${pointText(decision)}${note}`
    }
  }
  const ci = q.interval(holm.confidence) as Interval
  const decision = decideInterval(rule, ci)
  const level =
    holm.confidence === context.confidence
      ? showLevel(holm.confidence)
      : `${showLevel(holm.confidence)} (Holm-adjusted over ${holm.family} segments)`
  const reason =
    `${about}; ${level} ${q.method} interval of the ${q.name} ${showInterval(ci)} ` +
    `${where(rule, decision)} → ${OUTCOME[decision]}; p = ${showNumber(holm.pValue)} ` +
    `(H0: ${q.name} = ${rule.threshold}), Holm-adjusted p = ${showNumber(holm.adjusted)}`
  return {
    ...draft,
    ...values,
    status: OUTCOME[decision],
    ci,
    confidence: holm.confidence,
    p_value: holm.pValue,
    adjusted_p_value: holm.adjusted,
    reason
  }
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
 * `min_support` rows and a defined value; needs two of them. `ratio = lowest / highest`,
 * `gap = highest − lowest`. Point values only (the config rejects `mode: significant` here).
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
    const value = context.candidate.metric(s.key, metric, context.confidence)?.value ?? null
    if (s.n >= context.minSupport && value !== null) judged.push({ key: s.key, value })
    else left.push(`${s.key} (${s.n < context.minSupport ? `${s.n} rows` : 'undefined'})`)
  }
  const leftOut = left.length === 0 ? '' : `; left out: ${left.join(', ')}`
  if (judged.length < 2) {
    return {
      ...draft,
      status: 'insufficient',
      reason: `${about}: needs 2 segments with at least ${context.minSupport} rows and a defined value, found ${judged.length}${leftOut}`
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
  const decision = decidePoint(rule, value)
  return {
    ...draft,
    status: OUTCOME[decision],
    candidate: value,
    excess: excess(rule, value),
    reason: `${about}: ${range}; ${formula}; ${showAgainst(value, rule.threshold)} ${comparison(rule, decision)} → ${OUTCOME[decision]}`
  }
}
