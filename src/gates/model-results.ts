/**
 * One model's evaluated metrics as the gates read them, whether they come from a predictions file
 * just evaluated (accumulators at hand: exact intervals at any level, paired tests) or from an
 * `ml-gate/evaluation@1` document (values and intervals at the level it was written with).
 */
import type { MetricSource } from '../metrics/accumulator.js'
import { describeMetric, type Task } from '../metrics/catalog.js'
import type { Evaluation, EvaluationDocument } from '../metrics/evaluate.js'
import { criticalValue } from '../metrics/intervals.js'
import type { MetricValue } from '../metrics/metric-value.js'

export interface SegmentSummary {
  readonly key: string
  /** The segment family (`Job`, `Home&Job`), `null` for `all`. */
  readonly family: string | null
  readonly n: number
}

export interface ModelResults {
  readonly file: string
  readonly task: Task
  /** The configured confidence level of the stored intervals. */
  readonly confidence: number
  /**
   * The id column the rows were keyed by, when the accumulators are at hand: two models with one
   * can be compared pairwise (same rows, same bootstrap resamples). `null` otherwise.
   */
  readonly pairedBy: string | null
  /** Every segment, `all` first, in report order. */
  readonly segments: readonly SegmentSummary[]
  segment(key: string): SegmentSummary | undefined
  /**
   * The metric `name` of segment `key` with its interval at `confidence`; `undefined` when the
   * evaluation does not report that metric. From a document, an interval at another level than
   * the document's is rescaled: each side's distance to the value is multiplied by
   * `z(confidence) / z(document's level)` and clipped to the metric's range (a normal
   * approximation; exact for DeLong intervals, close for Wilson and bootstrap ones).
   */
  metric(key: string, name: string, confidence: number): MetricValue | undefined
  /** The accumulator of segment `key`, for paired tests; `undefined` for a document. */
  source(key: string): MetricSource | undefined
}

export function resultsFromEvaluation(evaluation: Evaluation): ModelResults {
  const families = evaluation.families
  const summaries = [...evaluation.segments.values()].map((s) => ({
    key: s.key,
    family: s.family < 0 ? null : families[s.family].name,
    n: s.rows
  }))
  const byKey = new Map(summaries.map((s) => [s.key, s]))
  // finalize computes every metric of a segment; gates ask for a few at a handful of levels.
  const cache = new Map<string, Record<string, MetricValue>>()
  return {
    file: evaluation.file,
    task: evaluation.settings.model.task,
    confidence: evaluation.settings.confidence,
    pairedBy: evaluation.settings.model.id ?? null,
    segments: summaries,
    segment: (key) => byKey.get(key),
    metric(key, name, confidence) {
      const segment = evaluation.segments.get(key)
      if (segment === undefined) return undefined
      const cacheKey = `${confidence}\u0000${key}`
      let metrics = cache.get(cacheKey)
      if (metrics === undefined) {
        metrics = segment.metrics.finalize({ confidence })
        cache.set(cacheKey, metrics)
      }
      return metrics[name]
    },
    source: (key) => evaluation.segments.get(key)?.metrics
  }
}

export function resultsFromDocument(document: EvaluationDocument): ModelResults {
  const summaries = document.segments.map((s) => ({ key: s.key, family: s.column, n: s.n }))
  const summaryByKey = new Map(summaries.map((s) => [s.key, s]))
  const byKey = new Map(document.segments.map((s) => [s.key, s]))
  const stored = document.settings.confidence
  return {
    file: document.file,
    task: document.task,
    confidence: stored,
    pairedBy: null,
    segments: summaries,
    segment: (key) => summaryByKey.get(key),
    metric(key, name, confidence) {
      const value = byKey.get(key)?.metrics[name]
      if (value === undefined || value.ci === null || value.value === null || confidence === stored)
        return value
      return { ...value, ci: rescaleInterval(value.value, value.ci, stored, confidence, name) }
    },
    source: () => undefined
  }
}

function rescaleInterval(
  value: number,
  ci: readonly [number, number],
  from: number,
  to: number,
  name: string
): [number, number] {
  const factor = criticalValue(to) / criticalValue(from)
  const [lo, hi] = describeMetric(name)?.range ?? [-Infinity, Infinity]
  return [Math.max(lo, value - (value - ci[0]) * factor), Math.min(hi, value + (ci[1] - value) * factor)]
}
