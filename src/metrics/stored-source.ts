/**
 * A segment's metrics as an evaluation document stores them for the gates: everything
 * `finalizeMetrics` and `pairedDifference` read from an accumulator, so that a document gives the
 * same intervals at any confidence level (Holm-adjusted ones included) and the same paired tests as
 * the predictions file it was written from, bit for bit.
 *
 * Stored per metric: the point estimate; the B bootstrap replicates of every metric that has an
 * interval (a paired test reads them whatever the interval method), as base64 of their float64
 * bytes (`metric-state.ts`: exact, NaN kept for an undefined replicate); a Wilson metric's
 * proportion; ROC AUC's DeLong variance; an analytic interval's inputs. Per segment: the row digest
 * that tells whether two models saw the same rows.
 *
 * Size: about B·8·4/3 bytes per metric and segment (13.3 kB at B = 1000), whatever the rows; only
 * the median's order-statistic window (above 5,000 rows) grows, as 9·√n values.
 */

import type { AnalyticBasis, MetricSource, Proportion } from './accumulator.js'
import { describeMetric } from './catalog.js'
import type { Task } from './task.js'
import { MAX_Z, medianRanks, type RankWindow } from './intervals.js'
import { decode, encode, stateError, type Encoded } from './metric-state.js'
import type { Estimate } from './metric-value.js'
import { RowDigest, type BootstrapSettings, type RowDigestState } from './poisson-bootstrap.js'

/** One segment's `state` in an `ml-gate/evaluation@1` document (schemas/evaluation.schema.json). */
export interface SourceState {
  readonly digest: RowDigestState
  /** Binary and regression: whether `bootstrap-or-…` metrics resample every row (n ≤ 5,000). */
  readonly resamples_every_row?: boolean
  /** Every metric, in catalog order. */
  readonly metrics: Record<string, StoredMetric>
}

export interface StoredMetric {
  /** The point estimate; `null` when undefined (see `reason`). */
  readonly value: number | null
  readonly reason?: string
  /** `false`: `value` is a zero-division convention, not a defined value. */
  readonly defined?: false
  /** The rows of positive weight in the metric's own denominator (the catalog's `support`). */
  readonly support: number
  /** Float64 × B, when the metric has an interval and a value. */
  readonly replicates?: Encoded
  /** Wilson metrics. */
  readonly proportion?: {
    readonly successes: number
    readonly trials: number
    readonly squared_weights: number
  }
  /** roc_auc: DeLong's variance, `null` with too few positives or negatives. */
  readonly variance?: number | null
  /** `bootstrap-or-…` metrics that do not resample every row. */
  readonly basis?: StoredBasis
}

export type StoredBasis =
  | { readonly kind: 'logit'; readonly value: number; readonly positives: number }
  | {
      readonly kind: 'order-statistic'
      /** Float64: the sorted values that any level's ranks reach. */
      readonly values: Encoded
      /** Float64, one per value; `null`: every value weighs 1. */
      readonly weights: Encoded | null
      readonly before: number
      readonly n: number
      readonly per_rank: number
    }

/** The state of `source` to store in a document. */
export function sourceState(source: MetricSource): SourceState {
  const everyRow = source.resamplesEveryRow?.()
  const metrics: Record<string, StoredMetric> = {}
  for (const name of source.names()) {
    const estimate = source.estimate(name)
    const method = describeMetric(name)?.interval ?? 'none'
    const stored: { -readonly [K in keyof StoredMetric]: StoredMetric[K] } = {
      value: estimate.value,
      support: source.support(name)
    }
    if (estimate.reason !== undefined) stored.reason = estimate.reason
    if (estimate.defined === false) stored.defined = false
    if (estimate.value !== null && method !== 'none') {
      stored.replicates = encode(source.replicates(name))
      if (method === 'wilson') {
        const { successes, trials, squaredWeights } = source.proportion!(name)
        stored.proportion = { successes, trials, squared_weights: squaredWeights }
      }
      if (method === 'delong') stored.variance = source.rocAucVariance!()
      if (method.startsWith('bootstrap-or-') && everyRow === false)
        stored.basis = storedBasis(source.analyticBasis!(name))
    }
    metrics[name] = stored
  }
  return {
    digest: source.digest.toState(),
    ...(everyRow !== undefined && { resamples_every_row: everyRow }),
    metrics
  }
}

function storedBasis(basis: AnalyticBasis): StoredBasis {
  if (basis.kind === 'logit') return basis
  const window = narrowWindow(basis.window)
  return {
    kind: 'order-statistic',
    values: encode(window.values),
    weights: window.weights === null ? null : encode(window.weights),
    before: window.before,
    n: window.n,
    per_rank: window.perRank
  }
}

/**
 * The run of `window` that `orderStatisticInterval` reads at any z ≤ MAX_Z: from the value the
 * lowest rank reaches to the one the highest rank reaches, with the exact cumulative weight before
 * it (summed in the same order, so the reads are bit for bit the same).
 */
export function narrowWindow(window: RankWindow): RankWindow {
  const { values, weights, perRank } = window
  const [lower, upper] = medianRanks(window.n, MAX_Z)
  const low = lower * perRank
  const high = upper * perRank
  let cumulative = window.before
  let start = -1
  let before = cumulative
  let end = values.length - 1
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i] : 1
    if (i === values.length - 1 && start < 0) [start, before] = [i, cumulative]
    if (w === 0) continue
    const previous = cumulative
    cumulative += w
    if (start < 0 && cumulative >= low) [start, before] = [i, previous]
    if (cumulative >= high) {
      end = i
      break
    }
  }
  return {
    values: values.slice(start, end + 1),
    weights: weights === null ? null : weights.slice(start, end + 1),
    before,
    n: window.n,
    perRank
  }
}

/**
 * The metric source a document's segment state describes, checked: each metric carries what its
 * interval method needs, replicates have B values.
 * @throws Error ("invalid metric state: …") naming the field and what was expected
 */
export function storedSource(state: unknown, task: Task, bootstrap: BootstrapSettings): MetricSource {
  const record = objectAt(state, 'state')
  const digest = RowDigest.fromState(objectAt(record.digest, 'state.digest'))
  const everyRow = record.resamples_every_row
  if (everyRow !== undefined && typeof everyRow !== 'boolean')
    throw stateError(`state.resamples_every_row must be true or false, got ${typeof everyRow}`)
  const metrics = new Map<string, Readonly<Record<string, unknown>>>(
    Object.entries(objectAt(record.metrics, 'state.metrics')).map(([name, m]) => [
      name,
      objectAt(m, `state.metrics.${name}`)
    ])
  )
  const estimates = new Map<string, Estimate>()
  const supports = new Map<string, number>()
  const replicates = new Map<string, Float64Array>()
  const proportions = new Map<string, Proportion>()
  const bases = new Map<string, AnalyticBasis>()
  let variance: number | null = null
  for (const [name, m] of metrics) {
    const where = `state.metrics.${name}`
    const value = nullableNumber(m.value, `${where}.value`)
    if (m.reason !== undefined && typeof m.reason !== 'string')
      throw stateError(`${where}.reason must be a string`)
    if (m.defined !== undefined && m.defined !== false)
      throw stateError(`${where}.defined must be false or absent`)
    supports.set(name, finite(m.support, `${where}.support`))
    estimates.set(name, {
      value,
      ...(m.reason !== undefined && { reason: m.reason as string }),
      ...(m.defined === false && { defined: false as const })
    })
    const method = describeMetric(name)?.interval ?? 'none'
    if (value === null || method === 'none') continue
    replicates.set(name, decode(m, 'replicates', Float64Array, bootstrap.replicates))
    if (method === 'wilson') {
      const p = objectAt(m.proportion, `${where}.proportion`)
      proportions.set(name, {
        successes: finite(p.successes, `${where}.proportion.successes`),
        trials: finite(p.trials, `${where}.proportion.trials`),
        squaredWeights: finite(p.squared_weights, `${where}.proportion.squared_weights`)
      })
    }
    if (method === 'delong') variance = nullableNumber(m.variance, `${where}.variance`)
    if (method.startsWith('bootstrap-or-')) {
      if (everyRow === undefined) throw stateError(`state.resamples_every_row is needed for ${name}`)
      if (!everyRow) bases.set(name, readBasis(m.basis, `${where}.basis`))
    }
  }
  const names = [...metrics.keys()]
  return {
    task,
    bootstrap,
    digest,
    names: () => names,
    estimate: (name) => estimates.get(name)!,
    support: (name) => supports.get(name)!,
    replicates: (name) => replicates.get(name)!,
    proportion: (name) => proportions.get(name)!,
    rocAucVariance: () => variance,
    resamplesEveryRow: () => everyRow === true,
    analyticBasis: (name) => bases.get(name)!
  }
}

function readBasis(value: unknown, where: string): AnalyticBasis {
  const basis = objectAt(value, where)
  if (basis.kind === 'logit') {
    return {
      kind: 'logit',
      value: finite(basis.value, `${where}.value`),
      positives: finite(basis.positives, `${where}.positives`)
    }
  }
  if (basis.kind !== 'order-statistic') throw stateError(`${where}.kind must be "logit" or "order-statistic"`)
  const values = decode(basis, 'values', Float64Array)
  if (values.length === 0) throw stateError(`${where}.values must hold at least one value`)
  const window: RankWindow = {
    values,
    weights: basis.weights === null ? null : decode(basis, 'weights', Float64Array, values.length),
    before: finite(basis.before, `${where}.before`),
    n: finite(basis.n, `${where}.n`),
    perRank: finite(basis.per_rank, `${where}.per_rank`)
  }
  return { kind: 'order-statistic', window }
}

function objectAt(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw stateError(`${where} must be an object`)
  return value as Record<string, unknown>
}

function finite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw stateError(`${where} must be a finite number`)
  return value
}

function nullableNumber(value: unknown, where: string): number | null {
  return value === null ? null : finite(value, where)
}
