/**
 * Regression metrics from (y, prediction) rows, in one streaming pass, mergeable.
 *
 * mae, rmse, mape and r2 come from running sums (the mean and spread of y by West's weighted
 * update, so r2 stays exact when y is large and nearly constant); median_ae from the stored
 * absolute errors, sorted once at finalize.
 */

import {
  assertSameSettings,
  finalizeMetrics,
  type FinalizeOptions,
  type MetricSource
} from './accumulator.js'
import { metricNames, type Task } from './catalog.js'
import { growableFloat64 } from './growable-array.js'
import { defined, undefinedBecause, type Estimate, type MetricValue } from './metric-value.js'
import { bootstrapSettings, poissonCounts, RowDigest, type BootstrapSettings } from './poisson-bootstrap.js'

export interface RegressionOptions {
  readonly bootstrap?: Partial<BootstrapSettings>
}

/** mape's floor on |y|, as scikit-learn: float64 machine epsilon. */
const MAPE_EPS = 2.220446049250313e-16

// Layout of one set of sufficient statistics (the point estimate, and each bootstrap replicate).
const WEIGHT = 0 // Σ w
const MEAN = 1 // weighted mean of y
const SPREAD = 2 // Σ w·(y − mean)², i.e. SS_tot
const SQUARED = 3 // Σ w·e², i.e. SS_res
const ABSOLUTE = 4 // Σ w·|e|
const PERCENTAGE = 5 // Σ w·|e| / max(|y|, ε)
const WIDTH = 6

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
  readonly digest = new RowDigest()
  private readonly sums = new Float64Array(WIDTH)
  private readonly replicateSums: Float64Array
  private readonly counts: Uint8Array
  private readonly errors = growableFloat64()
  private readonly weights = growableFloat64()
  private readonly keys = growableFloat64()
  private minWeight = Infinity
  private maxWeight = -Infinity
  private medians: { point: number; replicates: Float64Array } | null = null

  constructor(options: RegressionOptions = {}) {
    this.bootstrap = bootstrapSettings(options.bootstrap)
    this.replicateSums = new Float64Array(this.bootstrap.replicates * WIDTH)
    this.counts = new Uint8Array(this.bootstrap.replicates)
  }

  /** Adds one row: true value, predicted value, row key, sample weight (default 1). */
  add(y: number, prediction: number, rowKey: number, weight = 1): void {
    const error = Math.abs(y - prediction)
    const percentage = error / Math.max(Math.abs(y), MAPE_EPS)
    addRow(this.sums, 0, weight, y, error, percentage)
    if (weight < this.minWeight) this.minWeight = weight
    if (weight > this.maxWeight) this.maxWeight = weight
    this.errors.push(error)
    this.weights.push(weight)
    this.keys.push(rowKey)
    this.digest.add(rowKey)
    this.medians = null
    const counts = this.counts
    if (counts.length === 0) return
    poissonCounts(this.bootstrap.seed, rowKey, counts)
    for (let b = 0; b < counts.length; b++) {
      if (counts[b] !== 0) addRow(this.replicateSums, b * WIDTH, weight * counts[b], y, error, percentage)
    }
  }

  /** Adds the rows of `other` (same bootstrap settings) to this accumulator. */
  merge(other: RegressionAccumulator): this {
    assertSameSettings(this.bootstrap, other.bootstrap, 'regression')
    mergeSums(this.sums, 0, other.sums, 0)
    for (let o = 0; o < this.replicateSums.length; o += WIDTH)
      mergeSums(this.replicateSums, o, other.replicateSums, o)
    this.errors.append(other.errors)
    this.weights.append(other.weights)
    this.keys.append(other.keys)
    this.digest.merge(other.digest)
    this.minWeight = Math.min(this.minWeight, other.minWeight)
    this.maxWeight = Math.max(this.maxWeight, other.maxWeight)
    this.medians = null
    return this
  }

  /** Every regression metric with its confidence interval (see `catalog.ts`). */
  finalize(options: FinalizeOptions = {}): Record<string, MetricValue> {
    return finalizeMetrics(this, options)
  }

  names(): string[] {
    return metricNames('regression')
  }

  estimate(name: string): Estimate {
    if (name === 'n') return defined(this.digest.rows)
    if (!(this.sums[WEIGHT] > 0)) return undefinedBecause('no rows (total weight 0)')
    if (name === 'r2') {
      if (this.digest.rows < 2) return undefinedBecause('R² is not defined with fewer than two rows')
      if (this.sums[SPREAD] === 0)
        return undefinedBecause('y_true is constant (SS_tot = 0); R² is not defined')
    }
    return defined(name === 'median_ae' ? this.medianValues().point : statistic(name, this.sums, 0))
  }

  replicates(name: string): Float64Array {
    if (name === 'median_ae') return this.medianValues().replicates
    const out = new Float64Array(this.bootstrap.replicates)
    for (let b = 0; b < out.length; b++) out[b] = statistic(name, this.replicateSums, b * WIDTH)
    return out
  }

  /**
   * The median absolute error and its replicates, from one sort. With equal weights the median is
   * the ordinary one (mean of the two middle values for an even count, as `np.median`; replicates
   * count each row k times, which is the median of the resample); otherwise scikit-learn's
   * weighted lower median.
   */
  private medianValues(): { point: number; replicates: Float64Array } {
    if (this.medians) return this.medians
    const errors = this.errors.values()
    const weights = this.weights.values()
    const keys = this.keys.values()
    const equal = this.minWeight === this.maxWeight
    const order = new Uint32Array(errors.length)
    for (let i = 0; i < order.length; i++) order[i] = i
    order.sort((a, b) => errors[a] - errors[b])
    const point = weightedMedians(errors, order, 1, equal, (i, out) => {
      out[0] = equal ? 1 : weights[i]
    })[0]
    const b = this.bootstrap.replicates
    const replicates = weightedMedians(errors, order, b, equal, (i, out) => {
      poissonCounts(this.bootstrap.seed, keys[i], this.counts)
      for (let r = 0; r < b; r++) out[r] = equal ? this.counts[r] : weights[i] * this.counts[r]
    })
    this.medians = { point, replicates }
    return this.medians
  }
}

/**
 * Medians of `values` (visited in ascending `order`) under `k` weightings at once; `weightOf(i, out)`
 * writes the k weights of row i. With cumulative weight c and total T, lower = first value with
 * c ≥ T/2 and upper = first value with c > T/2.
 * - `interpolate` (integer weights: 1, or bootstrap multiplicities): (lower + upper) / 2, exactly
 *   the median of the sample with each row repeated, i.e. `np.median`.
 * - otherwise: lower, scikit-learn's `_weighted_percentile(…, 50)`.
 * NaN for a weighting with total 0.
 */
function weightedMedians(
  values: Float64Array,
  order: Uint32Array,
  k: number,
  interpolate: boolean,
  weightOf: (row: number, out: Float64Array) => void
): Float64Array {
  const row = new Float64Array(k)
  const total = new Float64Array(k)
  for (let r = 0; r < order.length; r++) {
    weightOf(order[r], row)
    for (let b = 0; b < k; b++) total[b] += row[b]
  }
  const cumulative = new Float64Array(k)
  const lower = new Float64Array(k).fill(NaN)
  const medians = new Float64Array(k).fill(NaN)
  for (let r = 0; r < order.length; r++) {
    const value = values[order[r]]
    weightOf(order[r], row)
    for (let b = 0; b < k; b++) {
      if (row[b] === 0 || !Number.isNaN(medians[b])) continue
      cumulative[b] += row[b]
      const half = total[b] / 2
      if (Number.isNaN(lower[b]) && cumulative[b] >= half) {
        lower[b] = value
        if (!interpolate) medians[b] = value
      }
      if (cumulative[b] > half && Number.isNaN(medians[b])) medians[b] = (lower[b] + value) / 2
    }
  }
  return medians
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
  const weight = sums[o + WEIGHT] + w
  const delta = y - sums[o + MEAN]
  const mean = sums[o + MEAN] + (w / weight) * delta
  sums[o + SPREAD] += w * delta * (y - mean)
  sums[o + MEAN] = mean
  sums[o + WEIGHT] = weight
  sums[o + SQUARED] += w * error * error
  sums[o + ABSOLUTE] += w * error
  sums[o + PERCENTAGE] += w * percentage
}

/** Folds the statistics at `source[so …]` into `target[to …]` (Chan et al. for mean and spread). */
function mergeSums(target: Float64Array, to: number, source: Float64Array, so: number): void {
  const wa = target[to + WEIGHT]
  const wb = source[so + WEIGHT]
  const weight = wa + wb
  if (wb > 0) {
    const delta = source[so + MEAN] - target[to + MEAN]
    target[to + MEAN] += (delta * wb) / weight
    target[to + SPREAD] += source[so + SPREAD] + (delta * delta * wa * wb) / weight
    target[to + WEIGHT] = weight
  }
  for (const field of [SQUARED, ABSOLUTE, PERCENTAGE]) target[to + field] += source[so + field]
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
    case 'r2':
      return sums[o + SPREAD] > 0 ? 1 - sums[o + SQUARED] / sums[o + SPREAD] : NaN
  }
  throw new RangeError(`not a regression metric: ${name}`)
}
