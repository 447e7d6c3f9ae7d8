/**
 * Binary classification metrics from (label, score) rows, in one streaming pass, mergeable.
 *
 * Threshold metrics (accuracy … positive_rate) come from the weighted confusion counts; brier,
 * log_loss and ece from running sums; roc_auc and average_precision from the stored scores, sorted
 * once at finalize. Definitions follow scikit-learn 1.2 (see `catalog.ts`).
 */

import {
  assertSameSettings,
  finalizeMetrics,
  type FinalizeOptions,
  type MetricSource,
  type Proportion
} from './accumulator.js'
import { metricNames, type Task } from './catalog.js'
import { growableFloat64, growableUint8 } from './growable-array.js'
import { defined, undefinedBecause, type Estimate, type MetricValue } from './metric-value.js'
import { bootstrapSettings, poissonCounts, RowDigest, type BootstrapSettings } from './poisson-bootstrap.js'
import {
  delongVariance,
  descendingOrder,
  rankingSweep,
  type RankedRows,
  type RankingValues
} from './ranking.js'

export interface BinaryOptions {
  /** A row is predicted positive when `score >= threshold`. Default 0.5. */
  readonly threshold?: number
  /** Bootstrap replicates and seed; fixed at construction because `add` updates the replicates. */
  readonly bootstrap?: Partial<BootstrapSettings>
}

/** log_loss clipping, as scikit-learn 1.2's `eps='auto'`: float64 machine epsilon. */
export const LOG_LOSS_EPS = 2.220446049250313e-16
const ECE_BINS = 10

// Layout of one set of sufficient statistics (the point estimate, and each bootstrap replicate).
const TP = 0
const FP = 1
const TN = 2
const FN = 3
const BRIER = 4
const LOG_LOSS = 5
const ECE = 6 // ECE_BINS sums of w·(y − score), one per bin
const WIDTH = ECE + ECE_BINS

/** Proportions as [numerator cells, denominator cells] of the confusion matrix. */
const PROPORTIONS: Record<string, readonly [readonly number[], readonly number[]]> = {
  accuracy: [
    [TP, TN],
    [TP, FP, TN, FN]
  ],
  precision: [[TP], [TP, FP]],
  recall: [[TP], [TP, FN]],
  specificity: [[TN], [TN, FP]],
  positive_rate: [
    [TP, FP],
    [TP, FP, TN, FN]
  ]
}

/**
 * Accumulates binary classification rows.
 *
 * Preconditions of `add` (the readers validate them; `add` does not re-check per row): `label` is
 * 0 or 1, `score` is finite (a probability in [0, 1] for brier, log_loss and ece; other scores only
 * make those three `null`), `weight` is finite and ≥ 0, and `rowKey` is a safe integer identifying
 * the row (its line number or id; see `rowKeyOf` for text ids), unique within the data.
 *
 * @example
 * const metrics = new BinaryAccumulator({ threshold: 0.5 })
 * metrics.add(1, 0.9, 1)
 * metrics.add(0, 0.2, 2)
 * metrics.finalize().recall // { value: 1, ci: [0.2065, 1] }
 */
export class BinaryAccumulator implements MetricSource {
  readonly task: Task = 'binary'
  readonly threshold: number
  readonly bootstrap: BootstrapSettings
  readonly digest = new RowDigest()
  private readonly sums = new Float64Array(WIDTH)
  /** Σw² per confusion cell, for the effective sample size of the Wilson intervals. */
  private readonly squares = new Float64Array(4)
  private readonly replicateSums: Float64Array
  private readonly counts: Uint8Array
  private readonly scores = growableFloat64()
  private readonly labels = growableUint8()
  private readonly weights = growableFloat64()
  private readonly keys = growableFloat64()
  private minScore = Infinity
  private maxScore = -Infinity
  private ranking: { order: Uint32Array; point: RankingValues; replicates: RankingValues | null } | null =
    null

  constructor(options: BinaryOptions = {}) {
    this.threshold = options.threshold ?? 0.5
    this.bootstrap = bootstrapSettings(options.bootstrap)
    this.replicateSums = new Float64Array(this.bootstrap.replicates * WIDTH)
    this.counts = new Uint8Array(this.bootstrap.replicates)
  }

  /** Adds one row: true label (0 or 1), score (P(label = 1)), row key, sample weight (default 1). */
  add(label: number, score: number, rowKey: number, weight = 1): void {
    const cell = score >= this.threshold ? (label === 1 ? TP : FP) : label === 1 ? FN : TN
    const error = label - score
    const loss = binaryLogLoss(label, score)
    const bin = ECE + Math.max(0, Math.min(Math.floor(score * ECE_BINS), ECE_BINS - 1))
    addRow(this.sums, 0, weight, cell, error, loss, bin)
    this.squares[cell] += weight * weight
    if (score < this.minScore) this.minScore = score
    if (score > this.maxScore) this.maxScore = score
    this.scores.push(score)
    this.labels.push(label)
    this.weights.push(weight)
    this.keys.push(rowKey)
    this.digest.add(rowKey)
    this.ranking = null
    const counts = this.counts
    if (counts.length === 0) return
    poissonCounts(this.bootstrap.seed, rowKey, counts)
    for (let b = 0; b < counts.length; b++) {
      if (counts[b] !== 0) addRow(this.replicateSums, b * WIDTH, weight * counts[b], cell, error, loss, bin)
    }
  }

  /** Adds the rows of `other` (same threshold and bootstrap settings) to this accumulator. */
  merge(other: BinaryAccumulator): this {
    assertSameSettings(this.bootstrap, other.bootstrap, 'binary')
    if (this.threshold !== other.threshold) {
      throw new RangeError(
        `cannot merge binary accumulators with thresholds ${this.threshold} and ${other.threshold}`
      )
    }
    addInto(this.sums, other.sums)
    addInto(this.squares, other.squares)
    addInto(this.replicateSums, other.replicateSums)
    this.scores.append(other.scores)
    this.labels.append(other.labels)
    this.weights.append(other.weights)
    this.keys.append(other.keys)
    this.digest.merge(other.digest)
    this.minScore = Math.min(this.minScore, other.minScore)
    this.maxScore = Math.max(this.maxScore, other.maxScore)
    this.ranking = null
    return this
  }

  /** Every binary metric with its confidence interval (see `catalog.ts` for names and methods). */
  finalize(options: FinalizeOptions = {}): Record<string, MetricValue> {
    return finalizeMetrics(this, options)
  }

  names(): string[] {
    return metricNames('binary')
  }

  estimate(name: string): Estimate {
    const s = this.sums
    switch (name) {
      case 'n':
        return defined(this.digest.rows)
      case 'positives':
        return defined(s[TP] + s[FN])
      case 'tp':
      case 'fp':
      case 'tn':
      case 'fn':
        return defined(s[{ tp: TP, fp: FP, tn: TN, fn: FN }[name]])
      case 'roc_auc':
      case 'average_precision':
        return this.rankingEstimate(name)
    }
    const value = statistic(name, s, 0)
    const problem = this.undefinedReason(name)
    if (problem) return undefinedBecause(problem)
    return defined(value, conventionNote(name, s))
  }

  replicates(name: string): Float64Array {
    const b = this.bootstrap.replicates
    if (name === 'roc_auc' || name === 'average_precision') {
      const values = this.rankingValues().replicates
      return values ? (name === 'roc_auc' ? values.rocAuc : values.averagePrecision) : new Float64Array(0)
    }
    const out = new Float64Array(b)
    for (let i = 0; i < b; i++) out[i] = statistic(name, this.replicateSums, i * WIDTH)
    return out
  }

  proportion(name: string): Proportion {
    const [numerator, denominator] = PROPORTIONS[name]
    let successes = 0
    let trials = 0
    let squaredWeights = 0
    for (const cell of numerator) successes += this.sums[cell]
    for (const cell of denominator) {
      trials += this.sums[cell]
      squaredWeights += this.squares[cell]
    }
    return { successes, trials, squaredWeights }
  }

  rocAucVariance(): number | null {
    const auc = this.rankingValues().point.rocAuc[0]
    return Number.isNaN(auc) ? null : delongVariance(this.rankedRows(), this.rankingValues().order, auc)
  }

  /** Why a metric is `null` for these rows, or undefined if it is defined. */
  private undefinedReason(name: string): string | undefined {
    const s = this.sums
    const positives = s[TP] + s[FN]
    const negatives = s[TN] + s[FP]
    if (positives + negatives === 0) return 'no rows (total weight 0)'
    const probabilistic = name === 'brier' || name === 'log_loss' || name === 'ece'
    if (probabilistic && (this.minScore < 0 || this.maxScore > 1)) {
      return `scores range over [${this.minScore}, ${this.maxScore}], not [0, 1]: they are not probabilities`
    }
    const oneClass = positives === 0 || negatives === 0
    switch (name) {
      case 'specificity':
        return negatives === 0
          ? 'no negatives in y_true (TN + FP = 0); specificity is not defined'
          : undefined
      case 'balanced_accuracy':
        return oneClass ? 'only one class present in y_true; balanced accuracy is not defined' : undefined
      case 'log_loss':
        return oneClass
          ? 'only one class present in y_true; log loss is not defined (scikit-learn refuses it)'
          : undefined
      case 'roc_auc':
        return oneClass ? 'only one class present in y_true; ROC AUC is not defined' : undefined
      case 'average_precision':
        return oneClass ? 'only one class present in y_true; average precision is not defined' : undefined
    }
    return undefined
  }

  private rankingEstimate(name: 'roc_auc' | 'average_precision'): Estimate {
    const problem = this.undefinedReason(name)
    if (problem) return undefinedBecause(problem)
    const point = this.rankingValues().point
    return defined(name === 'roc_auc' ? point.rocAuc[0] : point.averagePrecision[0])
  }

  private rankedRows(): RankedRows {
    return {
      scores: this.scores.values(),
      labels: this.labels.values(),
      weights: this.weights.values(),
      keys: this.keys.values()
    }
  }

  /** Sorts once and sweeps once per finalize; cleared by `add` and `merge`. */
  private rankingValues(): { order: Uint32Array; point: RankingValues; replicates: RankingValues | null } {
    if (!this.ranking) {
      const rows = this.rankedRows()
      const order = descendingOrder(rows.scores)
      const point = rankingSweep(rows, order, null)
      const replicates = this.bootstrap.replicates > 0 ? rankingSweep(rows, order, this.bootstrap) : null
      this.ranking = { order, point, replicates }
    }
    return this.ranking
  }
}

/** scikit-learn 1.2's per-row log loss: probabilities [1 − p, p] clipped to [ε, 1 − ε], renormalised. */
export function binaryLogLoss(label: number, score: number): number {
  const positive = Math.min(Math.max(score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS)
  const negative = Math.min(Math.max(1 - score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS)
  return -Math.log((label === 1 ? positive : negative) / (positive + negative))
}

function addRow(
  sums: Float64Array,
  o: number,
  w: number,
  cell: number,
  error: number,
  loss: number,
  bin: number
): void {
  sums[o + cell] += w
  sums[o + BRIER] += w * error * error
  sums[o + LOG_LOSS] += w * loss
  sums[o + bin] += w * error
}

function addInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i]
}

/**
 * A threshold or calibration metric from one set of sufficient statistics at `sums[o …]`; NaN when
 * undefined (the point estimate replaces NaN by a reason, a bootstrap replicate leaves it out).
 */
function statistic(name: string, sums: Float64Array, o: number): number {
  const tp = sums[o + TP]
  const fp = sums[o + FP]
  const tn = sums[o + TN]
  const fn = sums[o + FN]
  const total = tp + fp + tn + fn
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0
  const specificity = tn + fp > 0 ? tn / (tn + fp) : NaN
  const oneClass = tp + fn === 0 || tn + fp === 0
  switch (name) {
    case 'accuracy':
      return (tp + tn) / total
    case 'precision':
      return precision
    case 'recall':
      return recall
    case 'f1':
      return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
    case 'specificity':
      return specificity
    case 'balanced_accuracy':
      return oneClass ? NaN : (recall + specificity) / 2
    case 'mcc':
      return matthews(tp, fp, tn, fn)
    case 'positive_rate':
      return (tp + fp) / total
    case 'brier':
      return sums[o + BRIER] / total
    case 'log_loss':
      return oneClass ? NaN : sums[o + LOG_LOSS] / total
    case 'ece': {
      let gap = 0
      for (let bin = 0; bin < ECE_BINS; bin++) gap += Math.abs(sums[o + ECE + bin])
      return gap / total
    }
  }
  throw new RangeError(`not a binary metric: ${name}`)
}

/** scikit-learn's `matthews_corrcoef` arithmetic (covariances of the confusion matrix), 0 if degenerate. */
function matthews(tp: number, fp: number, tn: number, fn: number): number {
  const n = tp + fp + tn + fn
  const trueNeg = tn + fp
  const truePos = fn + tp
  const predNeg = tn + fn
  const predPos = fp + tp
  const covTruePred = (tp + tn) * n - (trueNeg * predNeg + truePos * predPos)
  const covPredPred = n * n - (predNeg * predNeg + predPos * predPos)
  const covTrueTrue = n * n - (trueNeg * trueNeg + truePos * truePos)
  return covPredPred * covTrueTrue === 0 ? 0 : covTruePred / Math.sqrt(covTrueTrue * covPredPred)
}

/** The zero-division conventions that give a value where the formula divides by zero. */
function conventionNote(name: string, s: Float64Array): string | undefined {
  const predicted = s[TP] + s[FP]
  const positives = s[TP] + s[FN]
  switch (name) {
    case 'precision':
      return predicted === 0 ? 'no predicted positives (TP + FP = 0): 0 by zero_division=0' : undefined
    case 'recall':
      return positives === 0 ? 'no positives in y_true (TP + FN = 0): 0 by zero_division=0' : undefined
    case 'f1':
      return s[TP] === 0 ? 'precision + recall = 0: 0 by zero_division=0' : undefined
    case 'mcc':
      return predicted === 0 || positives === 0 || s[TN] + s[FN] === 0 || s[TN] + s[FP] === 0
        ? 'only one class in y_true or in the predictions: the MCC denominator is 0, so 0 as scikit-learn'
        : undefined
  }
  return undefined
}
