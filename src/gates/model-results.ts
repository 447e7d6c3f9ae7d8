/**
 * One model's evaluated metrics as the gates read them, whether they come from a predictions file
 * just evaluated (accumulators at hand) or from an `ml-gate/evaluation@1` document (the segments'
 * stored state, `stored-source.ts`): either way exact intervals at any level and paired tests. Only
 * a document without state (written by hand) is read as values and intervals at its own level.
 */
import { UserInputError } from '../errors.js'
import { finalizeMetrics, type MetricSource } from '../metrics/accumulator.js'
import { describeMetric } from '../metrics/catalog.js'
import type { Task } from '../metrics/task.js'
import type { Evaluation } from '../evaluation/evaluate.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import { criticalValue } from '../metrics/intervals.js'
import type { MetricValue } from '../metrics/metric-value.js'
import { storedSource } from '../metrics/stored-source.js'

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
   * The id column the rows were keyed by, when every segment's metric source is at hand (evaluated
   * here, or a document with state): two models with one can be compared pairwise (same rows, same
   * bootstrap resamples; `pairedDifference` checks the row digests). `null` otherwise.
   */
  readonly pairedBy: string | null
  /** Every segment, `all` first, in report order. */
  readonly segments: readonly SegmentSummary[]
  segment(key: string): SegmentSummary | undefined
  /**
   * The metric `name` of segment `key` with its interval at `confidence`; `undefined` when the
   * evaluation does not report that metric. From a document without state, an interval at another
   * level than the document's is rescaled: each side's distance to the value is multiplied by
   * `z(confidence) / z(document's level)` and clipped to the metric's range (a normal
   * approximation; exact for DeLong intervals, close for Wilson and bootstrap ones).
   */
  metric(key: string, name: string, confidence: number): MetricValue | undefined
  /** The metric source of segment `key`, for paired tests; `undefined` for a document without state. */
  source(key: string): MetricSource | undefined
}

export function resultsFromEvaluation(evaluation: Evaluation): ModelResults {
  const families = evaluation.families
  const segments = [...evaluation.segments.values()]
  return fromSources({
    file: evaluation.file,
    task: evaluation.settings.model.task,
    confidence: evaluation.settings.confidence,
    id: evaluation.settings.model.id ?? null,
    segments: segments.map((s) => ({
      key: s.key,
      family: s.family < 0 ? null : families[s.family].name,
      n: s.rows
    })),
    sources: new Map(segments.map((s) => [s.key, s.metrics]))
  })
}

/**
 * @param path where the document was read from, for errors (default: its `file`)
 * @throws UserInputError naming the document and the segment whose state cannot be used
 */
export function resultsFromDocument(document: EvaluationDocument, path = document.file): ModelResults {
  const summaries = document.segments.map((s) => ({ key: s.key, family: s.column, n: s.n }))
  if (document.segments.every((s) => s.state !== undefined)) {
    const bootstrap = { replicates: document.settings.bootstrap, seed: document.settings.seed }
    const sources = new Map<string, MetricSource>()
    for (const s of document.segments) {
      try {
        sources.set(s.key, storedSource(s.state, document.task, bootstrap))
      } catch (error) {
        throw new UserInputError(`segment ${JSON.stringify(s.key)}: ${(error as Error).message}`, {
          file: path
        })
      }
    }
    return fromSources({
      file: document.file,
      task: document.task,
      confidence: document.settings.confidence,
      id: document.settings.id,
      segments: summaries,
      sources
    })
  }
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

interface Sources {
  readonly file: string
  readonly task: Task
  readonly confidence: number
  readonly id: string | null
  readonly segments: readonly SegmentSummary[]
  readonly sources: ReadonlyMap<string, MetricSource>
}

/** Results whose metrics are finalized from each segment's source, at the level asked. */
function fromSources(input: Sources): ModelResults {
  const byKey = new Map(input.segments.map((s) => [s.key, s]))
  // finalize computes every metric of a segment; gates ask for a few at a handful of levels.
  const cache = new Map<string, Record<string, MetricValue>>()
  return {
    file: input.file,
    task: input.task,
    confidence: input.confidence,
    pairedBy: input.id,
    segments: input.segments,
    segment: (key) => byKey.get(key),
    metric(key, name, confidence) {
      const source = input.sources.get(key)
      if (source === undefined) return undefined
      const cacheKey = `${confidence}\u0000${key}`
      let metrics = cache.get(cacheKey)
      if (metrics === undefined) {
        metrics = finalizeMetrics(source, { confidence })
        cache.set(cacheKey, metrics)
      }
      return metrics[name]
    },
    source: (key) => input.sources.get(key)
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
