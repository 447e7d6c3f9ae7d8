/**
 * Regression metrics from (y, prediction) rows, in one streaming pass, mergeable.
 *
 * mae, rmse, mape and r2 come from running sums (the mean and spread of y by West's weighted
 * update, so r2 stays exact when y is large and nearly constant), kept also per bootstrap bucket;
 * median_ae from the stored absolute errors, sorted once at finalize.
 */

import { privateArrays, type Allocate } from '../kernels/block-memory.js'
import {
  assertSameSettings,
  finalizeMetrics,
  type AnalyticBasis,
  type FinalizeOptions,
  type MetricSource
} from './accumulator.js'
import { metricNames } from './catalog.js'
import type { Task } from './task.js'
import { fullSampleReplicates, HashSample, SAMPLE_ROWS, type HashSampleState } from './hash-sample.js'
import { effectiveSize, firstReaching, type RankWindow } from './intervals.js'
import {
  decode,
  encode,
  header,
  objectField,
  readHeader,
  type BucketsState,
  type Encoded,
  type StateHeader
} from './metric-state.js'
import { defined, undefinedBecause, type Estimate, type MetricValue } from './metric-value.js'
import {
  bootstrapSettings,
  BUCKETS,
  bucketOf,
  bucketWeights,
  RowDigest,
  rowHash,
  sampleRank,
  type BootstrapSettings,
  type RowDigestState
} from './poisson-bootstrap.js'
import { WeightedValues, type WeightedValuesState } from './weighted-values.js'
import { BucketedSums } from './bucketed-sums.js'

export interface RegressionOptions {
  readonly bootstrap?: Partial<BootstrapSettings>
}

/** The serialized state of a `RegressionAccumulator` (see `metric-state.ts`). */
export interface RegressionState extends StateHeader {
  readonly task: 'regression'
  readonly digest: RowDigestState
  /** Float64 × 6: the sufficient statistics (layout below). */
  readonly sums: Encoded
  /**
   * Float64 × 4: Σw², the smallest and the largest weight (±Infinity when empty), the rows of
   * positive weight (every metric's support).
   */
  readonly weightStats: Encoded
  readonly buckets: BucketsState
  readonly errors: WeightedValuesState
  readonly sample: HashSampleState
}

/** mape's floor on |y|, as scikit-learn: float64 machine epsilon. */
const MAPE_EPS = 2.220446049250313e-16

// Layout of one set of sufficient statistics (the point estimate, and each bootstrap bucket).
const WEIGHT = 0 // Σ w
const MEAN = 1 // weighted mean of y
const SPREAD = 2 // Σ w·(y − mean)², i.e. SS_tot
const SQUARED = 3 // Σ w·e², i.e. SS_res
const ABSOLUTE = 4 // Σ w·|e|
const PERCENTAGE = 5 // Σ w·|e| / max(|y|, ε)
/** Sums per bootstrap bucket (state-budget.ts sizes segments by it). */
export const WIDTH = 6

/** What finalize derives from the state, computed once and dropped by `add` and `merge`. */
interface Derived {
  replicateSums?: Float64Array
  median?: number
  medianReplicates?: { readonly values: Float64Array; readonly onSample: number }
}

/**
 * Accumulates regression rows.
 *
 * Preconditions of `add`: `y` and `prediction` are finite, `weight` is finite and ≥ 0, `rowKey` is a
 * safe integer unique to the row.
 *
 * @example
 * const metrics = new RegressionAccumulator()
 * metrics.add(3, 2.5, 1)
 * metrics.add(5, 5, 2)
 * metrics.finalize().mae.value // 0.25
 */
export class RegressionAccumulator implements MetricSource {
  readonly task: Task = 'regression'
  readonly bootstrap: BootstrapSettings
  readonly digest: RowDigest
  /** WIDTH statistics of all rows and per bootstrap bucket, joined by West's update (`mergeSums`). */
  private readonly core: BucketedSums
  private errors = new WeightedValues()
  private sample = new HashSample()
  private squaredWeights = 0
  private minWeight = Infinity
  private maxWeight = -Infinity
  /** Rows of positive weight, unweighted: the support of every regression metric. */
  private weightedRows = 0
  private cache: Derived | null = null

  constructor(options: RegressionOptions = {}) {
    this.bootstrap = bootstrapSettings(options.bootstrap)
    this.core = new BucketedSums(WIDTH, this.bootstrap, mergeSums)
    this.digest = this.core.digest
  }

  /** Adds one row: true value, predicted value, row key, sample weight (default 1). */
  add(y: number, prediction: number, rowKey: number, weight = 1): void {
    const error = Math.abs(y - prediction)
    const percentage = error / Math.max(Math.abs(y), MAPE_EPS)
    const hash = rowHash(this.bootstrap.seed, rowKey)
    const bucket = bucketOf(hash)
    addRow(this.core.sums, 0, weight, y, error, percentage)
    addRow(this.core.buckets, bucket * WIDTH, weight, y, error, percentage)
    this.squaredWeights += weight * weight
    if (weight < this.minWeight) this.minWeight = weight
    if (weight > this.maxWeight) this.maxWeight = weight
    if (weight > 0) this.weightedRows++
    this.errors.push(error, weight)
    this.sample.add(sampleRank(hash), error, 0, weight, bucket)
    this.digest.add(hash)
    this.cache = null
  }

  /** Adds the `members` of `rows` (indices, ascending), as `add` would one by one. */
  addRows(rows: RegressionRows, members: Uint32Array): void {
    const { y, prediction, rowKey, weight } = rows
    for (let k = 0; k < members.length; k++) {
      const m = members[k]
      this.add(y[m], prediction[m], rowKey[m], weight[m])
    }
  }

  /** Adds the rows of `other` (same bootstrap settings) to this accumulator. */
  merge(other: RegressionAccumulator): this {
    assertSameSettings(this.bootstrap, other.bootstrap, 'regression')
    this.core.merge(other.core)
    this.squaredWeights += other.squaredWeights
    this.errors.append(other.errors)
    this.sample.merge(other.sample)
    this.minWeight = Math.min(this.minWeight, other.minWeight)
    this.maxWeight = Math.max(this.maxWeight, other.maxWeight)
    this.weightedRows += other.weightedRows
    this.cache = null
    return this
  }

  /** Every regression metric with its confidence interval (see `catalog.ts`). */
  finalize(options: FinalizeOptions = {}): Record<string, MetricValue> {
    return finalizeMetrics(this, options)
  }

  /** The state as a JSON-safe object; `RegressionAccumulator.fromState` restores it exactly. */
  toState(): RegressionState {
    const { digest, sums, buckets } = this.core.toState()
    return {
      ...header('regression', this.bootstrap),
      task: 'regression',
      digest,
      sums,
      weightStats: encode(
        Float64Array.of(this.squaredWeights, this.minWeight, this.maxWeight, this.weightedRows)
      ),
      buckets,
      errors: this.errors.toState(),
      sample: this.sample.toState()
    }
  }

  /** Restores a `toState()` object (e.g. parsed from JSON); throws an `Error` saying what is wrong. */
  static fromState(state: unknown): RegressionAccumulator {
    const record = readHeader(state, 'regression')
    const restored = new RegressionAccumulator({ bootstrap: record.bootstrap })
    restored.core.restore(record)
    ;[restored.squaredWeights, restored.minWeight, restored.maxWeight, restored.weightedRows] = decode(
      record,
      'weightStats',
      Float64Array,
      4
    )
    restored.errors = WeightedValues.fromState(objectField(record, 'errors'), 'errors')
    restored.sample = HashSample.fromState(objectField(record, 'sample'))
    return restored
  }

  names(): string[] {
    return metricNames('regression')
  }

  estimate(name: string): Estimate {
    if (name === 'n') return defined(this.digest.rows)
    if (!(this.core.sums[WEIGHT] > 0)) return undefinedBecause('no rows (total weight 0)')
    if (name === 'r2') {
      if (this.digest.rows < 2) return undefinedBecause('R² is not defined with fewer than two rows')
      if (this.core.sums[SPREAD] === 0)
        return undefinedBecause('y_true is constant (SS_tot = 0); R² is not defined')
    }
    const value = name === 'median_ae' ? this.median() : statistic(name, this.core.sums, 0)
    if (name === 'r2' && Number.isNaN(value)) {
      return undefinedBecause(
        'SS_res / SS_tot exceeds 1.8e308 (y_true nearly constant); R² is not representable'
      )
    }
    return defined(value)
  }

  support(_name: string): number {
    return this.weightedRows
  }

  replicates(name: string): Float64Array {
    if (name === 'median_ae') {
      const { values, onSample } = this.medianReplicates()
      return fullSampleReplicates(values, onSample, this.median(), this.sample.sampled, this.digest.rows)
    }
    const sums = (this.derived().replicateSums ??= this.core.replicateSums())
    const out = new Float64Array(this.bootstrap.replicates)
    for (let b = 0; b < out.length; b++) out[b] = statistic(name, sums, b * WIDTH)
    return out
  }

  resamplesEveryRow(): boolean {
    return this.digest.rows <= SAMPLE_ROWS
  }

  /**
   * median_ae above SAMPLE_ROWS rows: the order statistics of ranks `medianRanks(n)`, n the number of
   * rows (the Kish effective number with unequal weights, ranks then read on the cumulative weight),
   * read from every sorted error (`orderStatisticInterval`).
   */
  analyticBasis(): AnalyticBasis {
    const { values, weights } = this.errors.rows()
    const equal = this.equalWeights()
    const total = equal ? values.length : this.core.sums[WEIGHT]
    const n = equal ? values.length : effectiveSize(total, this.squaredWeights)
    const window: RankWindow = { values, weights: equal ? null : weights, before: 0, n, perRank: total / n }
    return { kind: 'order-statistic', window }
  }

  private derived(): Derived {
    return (this.cache ??= {})
  }

  /** With equal weights every row counts once (the median is `np.median`'s), else its weight. */
  private equalWeights(): boolean {
    return this.minWeight === this.maxWeight
  }

  private median(): number {
    const derived = this.derived()
    if (derived.median === undefined) {
      const { values, weights } = this.errors.rows()
      const equal = this.equalWeights()
      derived.median = weightedMedian(values, equal ? null : weights, equal)
    }
    return derived.median
  }

  /**
   * The median of the hash sample in each replicate (row i weighs W[b, bucket_i]·w_i, or W[b, bucket_i]
   * with equal weights) and on the sample itself.
   */
  private medianReplicates(): { values: Float64Array; onSample: number } {
    const derived = this.derived()
    if (!derived.medianReplicates) {
      const rows = this.sample.rows()
      const equal = this.equalWeights()
      const bucketWeight = bucketWeights(this.bootstrap)
      const weights = new Float64Array(rows.values.length)
      const values = new Float64Array(this.bootstrap.replicates)
      for (let b = 0; b < values.length; b++) {
        for (let i = 0; i < weights.length; i++) {
          const k = bucketWeight[b * BUCKETS + rows.buckets[i]]
          weights[i] = equal ? k : k * rows.weights[i]
        }
        values[b] = weightedMedian(rows.values, weights, equal)
      }
      const onSample = weightedMedian(rows.values, equal ? null : rows.weights, equal)
      derived.medianReplicates = { values, onSample }
    }
    return derived.medianReplicates
  }
}

/** Regression rows decoded once for every segment accumulator they are added to: `add`'s arguments. */
export class RegressionRows {
  readonly y: Float64Array
  readonly prediction: Float64Array
  readonly rowKey: Float64Array
  readonly weight: Float64Array

  constructor(capacity: number, allocate: Allocate = privateArrays) {
    this.y = allocate(Float64Array, capacity)
    this.prediction = allocate(Float64Array, capacity)
    this.rowKey = allocate(Float64Array, capacity)
    this.weight = allocate(Float64Array, capacity)
  }

  set(r: number, y: number, prediction: number, rowKey: number, weight: number): void {
    this.y[r] = y
    this.prediction[r] = prediction
    this.rowKey[r] = rowKey
    this.weight[r] = weight
  }
}

/**
 * The median of ascending `values` with `weights` (`null`: all 1). With cumulative weight c and total
 * T, lower = first value with c ≥ T/2 and upper = first value with c > T/2.
 * - `interpolate` (integer weights: 1, or bootstrap multiplicities): (lower + upper) / 2, exactly
 *   the median of the sample with each row repeated, i.e. `np.median`.
 * - otherwise: lower, scikit-learn's `_weighted_percentile(…, 50)`.
 * NaN when the total weight is 0.
 */
function weightedMedian(values: Float64Array, weights: Float64Array | null, interpolate: boolean): number {
  let total = values.length
  if (weights) {
    total = 0
    for (let i = 0; i < weights.length; i++) total += weights[i]
  }
  if (!(total > 0)) return NaN
  const lower = firstReaching(values, weights, total / 2, false)
  return interpolate ? (lower + firstReaching(values, weights, total / 2, true)) / 2 : lower
}

/** Adds a row with weight w; the mean and SS_tot by West's weighted update. */
function addRow(
  sums: Float64Array,
  o: number,
  w: number,
  y: number,
  error: number,
  percentage: number
): void {
  if (w === 0) return
  const previous = sums[o + WEIGHT]
  const weight = previous + w
  const delta = y - sums[o + MEAN]
  const mean = sums[o + MEAN] + (w / weight) * delta
  // w·δ·(y − mean) written as w·δ²·(previous / weight): with weights 1e50 apart, w / weight rounds
  // to 1, the new mean to y, and y − mean would lose the whole spread to cancellation.
  sums[o + SPREAD] += w * delta * delta * (previous / weight)
  sums[o + MEAN] = mean
  sums[o + WEIGHT] = weight
  sums[o + SQUARED] += w * error * error
  sums[o + ABSOLUTE] += w * error
  sums[o + PERCENTAGE] += w * percentage
}

/**
 * Folds k times the statistics at `source[so …]` into `target[to …]` (Chan et al. for mean and
 * spread; k copies of a group have its mean, k times its weight and k times its spread).
 */
function mergeSums(target: Float64Array, to: number, source: Float64Array, so: number, k: number): void {
  const wa = target[to + WEIGHT]
  const wb = k * source[so + WEIGHT]
  const weight = wa + wb
  if (wb > 0) {
    const delta = source[so + MEAN] - target[to + MEAN]
    target[to + MEAN] += (delta * wb) / weight
    // wa / weight first: wa·wb could overflow (each up to 2^53·1e50, input-range.ts).
    target[to + SPREAD] += k * source[so + SPREAD] + delta * delta * (wa / weight) * wb
    target[to + WEIGHT] = weight
  }
  target[to + SQUARED] += k * source[so + SQUARED]
  target[to + ABSOLUTE] += k * source[so + ABSOLUTE]
  target[to + PERCENTAGE] += k * source[so + PERCENTAGE]
}

/** A sum-based metric from one set of statistics; NaN when undefined. */
function statistic(name: string, sums: Float64Array, o: number): number {
  const weight = sums[o + WEIGHT]
  if (!(weight > 0)) return NaN
  switch (name) {
    case 'mae':
      return sums[o + ABSOLUTE] / weight
    case 'rmse':
      return Math.sqrt(sums[o + SQUARED] / weight)
    case 'mape':
      return sums[o + PERCENTAGE] / weight
    case 'r2': {
      // SS_tot can be tiny next to SS_res (y nearly constant, predictions far off): an R² below
      // -1.8e308 is undefined here rather than -Infinity.
      const r2 = sums[o + SPREAD] > 0 ? 1 - sums[o + SQUARED] / sums[o + SPREAD] : NaN
      return Number.isFinite(r2) ? r2 : NaN
    }
  }
  throw new RangeError(`not a regression metric: ${name}`)
}
