/**
 * Performance on the windows whose labels have arrived, with the gates' point rules: `min`,
 * `max`, and `max_drop` against the reference's value (`rules.ts`); support counted as gates
 * count it (rows, then the metric's own denominator, against `min_support`).
 */
import type { MonitorGateConfig } from '../config/types.js'
import { comparison, decidePoint, rulesOf, type Rule } from '../gates/rules.js'
import { showAgainst, showNumber } from '../gates/wording.js'
import { BinaryAccumulator } from '../metrics/binary.js'
import { describeMetric, supportUnit } from '../metrics/catalog.js'
import type { MetricValue } from '../metrics/metric-value.js'
import { OVERALL } from '../metrics/segmentation.js'
import type { PerformanceCheck } from './document.js'
import type { SegmentRows } from './segments.js'

export interface PerformanceInput {
  readonly gates: readonly MonitorGateConfig[]
  readonly label: readonly (0 | 1 | null)[]
  readonly score: readonly number[]
  readonly referenceLabel: readonly (0 | 1 | null)[]
  readonly referenceScore: readonly number[]
  readonly reference: SegmentRows
  readonly windows: readonly SegmentRows[]
  readonly threshold: number
  readonly minSupport: number
  readonly confidence: number
  readonly bootstrap: { readonly replicates: number; readonly seed: number }
}

type Metrics = { readonly labelled: number; readonly values: Record<string, MetricValue> }

/** `checks[w]`: window w's results, by gate, rule, then segment. */
export function performanceChecks(input: PerformanceInput): PerformanceCheck[][] {
  const metrics = (
    label: readonly (0 | 1 | null)[],
    score: readonly number[],
    rows: readonly number[]
  ): Metrics => {
    const accumulator = new BinaryAccumulator({ threshold: input.threshold, bootstrap: input.bootstrap })
    let labelled = 0
    for (const i of rows) {
      const y = label[i]
      if (y === null) continue
      accumulator.add(y, score[i], i + 1)
      labelled++
    }
    return { labelled, values: labelled === 0 ? {} : accumulator.finalize({ confidence: input.confidence }) }
  }
  const referenceCache = new Map<string, Metrics>()
  const referenceOf = (segment: string): Metrics => {
    let m = referenceCache.get(segment)
    if (m === undefined)
      referenceCache.set(
        segment,
        (m = metrics(input.referenceLabel, input.referenceScore, input.reference.get(segment) ?? []))
      )
    return m
  }
  return input.windows.map((segments) => {
    const cache = new Map<string, Metrics>()
    return input.gates.flatMap((gate) =>
      rulesOf(gate).flatMap((rule) =>
        [...segments.keys()]
          .filter((segment) => gate.per_segment || segment === OVERALL)
          .map((segment) => {
            let m = cache.get(segment)
            if (m === undefined)
              cache.set(segment, (m = metrics(input.label, input.score, segments.get(segment)!)))
            return judge(
              gate,
              rule,
              segment,
              m,
              rule.kind === 'max_drop' ? referenceOf(segment) : null,
              input.minSupport
            )
          })
      )
    )
  })
}

/** Why `m` cannot be judged, or `null`. */
function insufficiency(m: Metrics, metric: string, minSupport: number, side: string): string | null {
  if (m.labelled < minSupport) return `${m.labelled} labelled rows in the ${side} < min_support ${minSupport}`
  const v = m.values[metric]
  if (v === undefined || v.value === null || v.defined === false || !Number.isFinite(v.value))
    return `${metric} is undefined in the ${side}${v?.reason === undefined ? '' : `: ${v.reason}`}`
  if ((v.support ?? 0) < minSupport)
    return `${metric} support in the ${side} is ${v.support ?? 0} ${supportUnit(metric)} < min_support ${minSupport}`
  return null
}

function judge(
  gate: MonitorGateConfig,
  rule: Rule & { kind: PerformanceCheck['rule'] },
  segment: string,
  m: Metrics,
  reference: Metrics | null,
  minSupport: number
): PerformanceCheck {
  const v = m.values[gate.metric]
  const head = {
    segment,
    metric: gate.metric,
    rule: rule.kind,
    threshold: rule.threshold,
    value: v?.value ?? null,
    ci: v?.ci ?? null,
    support: v?.support ?? 0,
    reference: null
  }
  const why =
    insufficiency(m, gate.metric, minSupport, 'window') ??
    (reference === null ? null : insufficiency(reference, gate.metric, minSupport, 'reference'))
  if (why !== null) return { ...head, status: 'insufficient', reason: `insufficient data: ${why}` }
  const value = v.value!
  if (reference === null) {
    const decision = decidePoint(rule, value)
    return {
      ...head,
      status: decision === 'beyond' ? 'alert' : 'ok',
      reason: `${gate.metric} ${showAgainst(value, rule.threshold)} ${comparison(rule, decision)}`
    }
  }
  const base = reference.values[gate.metric].value!
  const drop = describeMetric(gate.metric)?.direction === 'lower' ? value - base : base - value
  const decision = decidePoint(rule, drop)
  return {
    ...head,
    reference: base,
    status: decision === 'beyond' ? 'alert' : 'ok',
    reason: `${gate.metric} ${showNumber(base)} → ${showNumber(value)}: drop ${showAgainst(drop, rule.threshold)} ${comparison(rule, decision)}`
  }
}
