/**
 * The quantity a `min`, `max`, `max_drop` or `max_relative_drop` rule judges for one segment, with
 * the formula that produced it and its interval at any confidence level.
 *
 * Intervals, by rule:
 * - `min` / `max`: the candidate's own interval of the metric (Wilson, DeLong or bootstrap, as the
 *   catalog says), recomputed at the requested level when the predictions were evaluated here.
 * - changes, paired: when both models were evaluated with an id column (from predictions on the
 *   ids they share, see `pairing.ts`, or read from evaluation documents with their segments'
 *   state), the paired bootstrap interval of `candidate − baseline` (`pairedDifference`: same rows,
 *   same resamples), at the requested level; a segment whose rows differ between the two falls
 *   back to unpaired, and its method says why.
 * - changes, unpaired (no id column, or a document without state): the normal approximation
 *   `change ± z·√(se_c² + se_b²)`, each `se = (upper − lower) / (2·z)` read off that model's own
 *   interval. Conservative for positively correlated models, which is the usual case.
 * - relative drops: the drop's interval divided by abs(baseline) (the baseline taken as fixed).
 */
import { normalTwoSidedP } from '../drift/special-functions.js'
import { describeMetric } from '../metrics/catalog.js'
import { criticalValue } from '../metrics/intervals.js'
import { pairedDifference } from '../metrics/paired.js'
import type { ModelResults } from './model-results.js'
import type { Rule } from './rules.js'
import { showNumber, showSigned } from './wording.js'

export type Interval = readonly [number, number]

export interface Quantity {
  readonly candidate: number
  readonly baseline: number | null
  readonly change: number | null
  /** `change / abs(baseline)`; `null` without a baseline or when it is 0. */
  readonly relativeChange: number | null
  /** The value the rule bounds. */
  readonly value: number
  /** What `value` is, for reasons: `recall`, `drop`, `relative drop`. */
  readonly name: string
  /** The formula with its numbers, e.g. `change = candidate − baseline = 0.500 − 0.798 = −0.298; drop = −change = 0.298`. */
  readonly formula: string
  /** How intervals are made, e.g. `paired bootstrap`, `Wilson`. */
  readonly method: string
  /** The interval of `value` at `confidence`; `null` when none can be given. */
  interval(confidence: number): Interval | null
}

export type Measurement = { readonly quantity: Quantity } | { readonly undefinedBecause: string }

/** What `measure` needs to know about the segment and the rule. */
export interface MeasureInput {
  readonly candidate: ModelResults
  readonly baseline: ModelResults | null
  readonly key: string
  readonly metric: string
  readonly direction: 'higher' | 'lower' | 'none'
  readonly rule: Rule
  /** The configured confidence level. */
  readonly confidence: number
}

/**
 * The quantity of one rule on one segment. The caller has checked that the candidate (and, for a
 * change, the baseline) reports the metric for the segment with enough rows and a defined value.
 */
export function measure(input: MeasureInput): Measurement {
  const { candidate, key, metric, rule } = input
  const c = candidate.metric(key, metric, input.confidence)!
  const cValue = c.value!
  const b = input.baseline?.metric(key, metric, input.baseline.confidence)
  const bValue = b?.value ?? null
  const change = bValue === null ? null : cValue - bValue
  const relativeChange = change === null || bValue === 0 ? null : change / Math.abs(bValue!)
  const common = { candidate: cValue, baseline: bValue, change, relativeChange }

  if (rule.kind === 'min' || rule.kind === 'max') {
    return {
      quantity: {
        ...common,
        value: cValue,
        name: metric,
        formula: `${metric} = ${showNumber(cValue)}`,
        // The catalog's interval method: wilson, delong, bootstrap...
        method: c.ci === null ? 'no' : (describeMetric(metric)?.interval ?? 'no'),
        interval: (level) => candidate.metric(key, metric, level)?.ci ?? null
      }
    }
  }

  const changeInterval = changeIntervals(input)
  const sign = input.direction === 'higher' ? -1 : 1
  const drop = sign * change!
  const toDrop = (ci: Interval): Interval => (sign < 0 ? [-ci[1], -ci[0]] : ci)
  const changeFormula =
    `change = candidate − baseline = ${showNumber(cValue)} − ${showNumber(bValue)} = ${showSigned(change!)}; ` +
    (sign < 0
      ? `drop = −change = ${showNumber(drop)} (higher is better)`
      : `drop = change = ${showNumber(drop)} (lower is better)`)
  if (rule.kind === 'max_drop') {
    return {
      quantity: {
        ...common,
        value: drop,
        name: 'drop',
        formula: changeFormula,
        method: changeInterval.method,
        interval: (level) => {
          const ci = changeInterval.at(level)
          return ci === null ? null : toDrop(ci)
        }
      }
    }
  }
  if (bValue === 0)
    return { undefinedBecause: `the baseline's ${metric} is 0, so a relative drop is undefined` }
  const scale = Math.abs(bValue!)
  return {
    quantity: {
      ...common,
      value: drop / scale,
      name: 'relative drop',
      formula: `${changeFormula}; relative drop = drop / |baseline| = ${showNumber(drop)} / ${showNumber(scale)} = ${showNumber(drop / scale)}`,
      method: changeInterval.method,
      interval: (level) => {
        const ci = changeInterval.at(level)
        if (ci === null) return null
        const d = toDrop(ci)
        return [d[0] / scale, d[1] / scale]
      }
    }
  }
}

interface ChangeIntervals {
  readonly method: string
  at(confidence: number): Interval | null
}

/** Paired when both models carry metric sources keyed by an id column, unpaired otherwise. */
function changeIntervals(input: MeasureInput): ChangeIntervals {
  const { candidate, key, metric } = input
  const baseline = input.baseline!
  const cSource = candidate.source(key)
  const bSource = baseline.source(key)
  let fallback = 'unpaired normal'
  if (candidate.pairedBy !== null && baseline.pairedBy !== null && cSource && bSource) {
    const probe = pairedDifference(cSource, bSource, metric, { confidence: input.confidence })
    if (probe.ci !== null) {
      return {
        method: 'paired bootstrap',
        at: (confidence) => pairedDifference(cSource, bSource, metric, { confidence }).ci
      }
    }
    fallback = `unpaired normal (no paired interval: ${probe.reason ?? 'undefined in every replicate'})`
  }
  const c = candidate.metric(key, metric, candidate.confidence)!
  const b = baseline.metric(key, metric, baseline.confidence)!
  if (c.ci === null || b.ci === null) return { method: 'no', at: () => null }
  const se = Math.hypot(
    (c.ci[1] - c.ci[0]) / (2 * criticalValue(candidate.confidence)),
    (b.ci[1] - b.ci[0]) / (2 * criticalValue(baseline.confidence))
  )
  const change = c.value! - b.value!
  return {
    method: fallback,
    at: (confidence) => {
      const half = criticalValue(confidence) * se
      return [change - half, change + half]
    }
  }
}

/**
 * Two-sided p-value of "the quantity lies exactly on the bound", by the normal approximation read
 * off its interval `ci` at level `confidence`: `se = d / z` with `d` the distance from the value to
 * the interval's end on the bound's side, `p = P(|Z| ≥ |value − bound| / se)`. A zero-width
 * interval gives 1 on the bound and 0 off it.
 *
 * @example boundPValue({ kind: 'min', threshold: 0.75 }, 0.8, [0.7, 0.9], 0.95) // ≈ 0.327
 */
export function boundPValue(rule: Rule, value: number, ci: Interval, confidence: number): number {
  const bound = rule.threshold
  const towardBound = bound < value ? value - ci[0] : ci[1] - value
  const se = towardBound / criticalValue(confidence)
  if (!(se > 0)) return value === bound ? 1 : 0
  return Math.min(1, normalTwoSidedP((value - bound) / se))
}
