/**
 * What the three accumulators (binary, multiclass, regression) share: the finalize loop that
 * attaches to each point estimate the interval its catalog entry names.
 */

import { describeMetric, type IntervalUsed } from './catalog.js'
import type { Task } from './task.js'
import {
  criticalValue,
  effectiveSize,
  logitInterval,
  normalInterval,
  orderStatisticInterval,
  wilsonInterval,
  type Interval,
  type RankWindow
} from './intervals.js'
import { withInterval, type Estimate, type MetricValue } from './metric-value.js'
import { percentileInterval, type BootstrapSettings, type RowDigest } from './poisson-bootstrap.js'

export interface FinalizeOptions {
  /** Confidence level of every interval, in (0, 1). Default 0.95. */
  readonly confidence?: number
}

export const DEFAULT_CONFIDENCE = 0.95

/** A weighted proportion: `successes / trials`, plus Σw² of the trials for Kish's effective size. */
export interface Proportion {
  readonly successes: number
  readonly trials: number
  readonly squaredWeights: number
}

/** The view of an accumulator that `finalizeMetrics` and `pairedDifference` need. */
export interface MetricSource {
  readonly task: Task
  readonly bootstrap: BootstrapSettings
  /** Fingerprint of the row keys seen, to check that two models were scored on the same rows. */
  readonly digest: RowDigest
  /** The metric names this accumulator reports, in catalog order. */
  names(): string[]
  /** The point estimate of one of `names()`. */
  estimate(name: string): Estimate
  /** The rows of positive weight in the metric's own denominator (the catalog's `support`). */
  support(name: string): number
  /** The metric in each bootstrap replicate (length B; NaN where undefined in that replicate). */
  replicates(name: string): Float64Array
  /** For metrics whose interval is `wilson`. */
  proportion?(name: string): Proportion
  /** For `roc_auc`: DeLong's variance, `null` with too few positives or negatives. */
  rocAucVariance?(): number | null
  /**
   * For `bootstrap-or-…` metrics: whether their replicates resample every row (n ≤ SAMPLE_ROWS) or
   * the hash sample only, in which case the interval is `analyticInterval`'s.
   */
  resamplesEveryRow?(): boolean
  /** For `bootstrap-or-…` metrics above SAMPLE_ROWS rows: what their analytic interval is read from. */
  analyticBasis?(name: string): AnalyticBasis
}

/**
 * The inputs of an analytic interval, at any z: a logit interval's value and effective positives,
 * an order-statistic interval's sorted values. Apart from the interval so that an evaluation
 * document can store them and give the same intervals at any level.
 */
export type AnalyticBasis =
  | { readonly kind: 'logit'; readonly value: number; readonly positives: number }
  | { readonly kind: 'order-statistic'; readonly window: RankWindow }

/** The analytic interval of `basis` at critical value `z`; `null` when there is none. */
export function analyticInterval(basis: AnalyticBasis, z: number): Interval | null {
  return basis.kind === 'logit'
    ? logitInterval(basis.value, basis.positives, z)
    : orderStatisticInterval(basis.window, z)
}

/** Checks the confidence level (a programming error if wrong: the config validates it first). */
export function confidenceLevel(options: FinalizeOptions): number {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`)
  }
  return confidence
}

/** Every metric of `source` with its interval, keyed by name in catalog order. */
export function finalizeMetrics(
  source: MetricSource,
  options: FinalizeOptions = {}
): Record<string, MetricValue> {
  const confidence = confidenceLevel(options)
  const z = criticalValue(confidence)
  const result: Record<string, MetricValue> = {}
  for (const name of source.names()) {
    const estimate = source.estimate(name)
    const support = source.support(name)
    if (estimate.value === null) {
      result[name] = withInterval(estimate, support, null)
      continue
    }
    const { ci, reason, method } = interval(source, name, estimate.value, confidence, z)
    result[name] = withInterval(estimate, support, ci, reason, method)
  }
  return result
}

interface IntervalChoice {
  readonly ci: Interval | null
  readonly reason?: string
  readonly method?: IntervalUsed
}

function interval(
  source: MetricSource,
  name: string,
  value: number,
  confidence: number,
  z: number
): IntervalChoice {
  const method = describeMetric(name)?.interval ?? 'none'
  switch (method) {
    case 'none':
      return { ci: null }
    case 'bootstrap':
      return { ...percentileInterval(source.replicates(name), confidence), method }
    case 'bootstrap-or-logit':
    case 'bootstrap-or-order-statistic': {
      if (source.resamplesEveryRow!())
        return { ...percentileInterval(source.replicates(name), confidence), method: 'bootstrap' }
      const analytic = method === 'bootstrap-or-logit' ? 'logit' : 'order-statistic'
      const ci = analyticInterval(source.analyticBasis!(name), z)
      return ci
        ? { ci, method: analytic }
        : { ci: null, reason: `no ${analytic} interval: ${name} is at the bound of its range` }
    }
    case 'wilson': {
      const { successes, trials, squaredWeights } = source.proportion!(name)
      const ci =
        trials > 0 ? wilsonInterval(successes / trials, effectiveSize(trials, squaredWeights), z) : null
      return ci ? { ci, method } : { ci: null, reason: 'no interval: the proportion has no trials' }
    }
    case 'delong': {
      const variance = source.rocAucVariance!()
      return variance === null
        ? { ci: null, reason: 'no DeLong interval: needs at least 2 positives and 2 negatives' }
        : { ci: normalInterval(value, variance, z, 0, 1), method }
    }
  }
}

/** Throws when two accumulators cannot be merged (a programming error: same config, same task). */
export function assertSameSettings(a: BootstrapSettings, b: BootstrapSettings, what: string): void {
  if (a.replicates !== b.replicates || a.seed !== b.seed) {
    throw new RangeError(`cannot merge ${what} accumulators with different bootstrap settings`)
  }
}
