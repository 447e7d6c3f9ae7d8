/**
 * Binary classification metrics from (label, score) rows, in one streaming pass, mergeable.
 *
 * Threshold metrics (accuracy … positive_rate) come from the weighted confusion counts; brier,
 * log_loss and ece from running sums; roc_auc and average_precision from the stored scores, sorted
 * once at finalize. Definitions follow scikit-learn 1.2 (see `catalog.ts`).
 */

import {
  assertSameSettings,
  type AnalyticBasis,
  finalizeMetrics,
  type FinalizeOptions,
  type MetricSource,
  type Proportion
} from './accumulator.js'
import { privateArrays, type Allocate } from '../kernels/block-memory.js'
import { addInto, BucketedSums } from './bucketed-sums.js'
import { describeMetric, metricNames, type Support } from './catalog.js'
import type { Task } from './task.js'
import { fullSampleReplicates, HashSample, SAMPLE_ROWS, type HashSampleState } from './hash-sample.js'
import { effectiveSize } from './intervals.js'
import {
  decode,
  encode,
  header,
  numberField,
  objectField,
  readHeader,
  type BucketsState,
  type Encoded,
  type StateHeader
} from './metric-state.js'
import { conventional, defined, undefinedBecause, type Estimate, type MetricValue } from './metric-value.js'
import {
  bootstrapSettings,
  bucketOf,
  RowDigest,
  rowHash,
  sampleRank,
  type BootstrapSettings,
  type RowDigestState
} from './poisson-bootstrap.js'
import {
  delongVariance,
  rankingReplicates,
  rankingValue,
  scoreGroups,
  type RankingReplicates,
  type RankingValue
} from './ranking.js'
import { WeightedValues, type SortedValues, type WeightedValuesState } from './weighted-values.js'

export interface BinaryOptions {
  /** A row is predicted positive when `score >= threshold`. Default 0.5. */
  readonly threshold?: number
  /** Bootstrap replicates and seed. */
  readonly bootstrap?: Partial<BootstrapSettings>
}

/** The serialized state of a `BinaryAccumulator` (see `metric-state.ts`). */
export interface BinaryState extends StateHeader {
  readonly task: 'binary'
  readonly threshold: number
  readonly digest: RowDigestState
  /** Float64 × 16: the sufficient statistics (layout below). */
  readonly sums: Encoded
  /** Float64 × 4: Σw² per confusion cell. */
  readonly squares: Encoded
  /** Float64 × 4: rows of positive weight per confusion cell (the metrics' support). */
  readonly counts: Encoded
  /** Float64 × 2: the smallest and largest score (±Infinity when empty). */
  readonly scoreRange: Encoded
  readonly buckets: BucketsState
  readonly positives: WeightedValuesState
  readonly negatives: WeightedValuesState
  readonly sample: HashSampleState
}

/** log_loss clipping, as scikit-learn 1.2's `eps='auto'`: float64 machine epsilon. */
export const LOG_LOSS_EPS = 2.220446049250313e-16
const ECE_BINS = 10

// Layout of one set of sufficient statistics (the point estimate, and each bootstrap bucket).
const TP = 0
const FP = 1
const TN = 2
const FN = 3
const BRIER = 4
const LOG_LOSS = 5
const ECE = 6 // ECE_BINS sums of w·(y − score), one per bin
/** Sums per bootstrap bucket (state-budget.ts sizes segments by it). */
export const WIDTH = ECE + ECE_BINS

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

/** The ranking metrics on every row, with DeLong's variance of the ROC AUC (`rocAucVariance`). */
interface RankingPoint extends RankingValue {
  readonly rocAucVariance: number | null
}

/** What finalize derives from the state, computed once and dropped by `add` and `merge`. */
interface Derived {
  replicateSums?: Float64Array
  ranking?: RankingPoint
  rankingReplicates?: RankingReplicates
}

/**
 * Accumulates binary classification rows.
 *
 * Preconditions of `add` (the readers validate them; `add` does not re-check per row): `label` is
 * 0 or 1, `score` is finite (a probability in [0, 1] for brier, log_loss and ece; other scores only
 * make those three `null`), `weight` is finite and ≥ 0, and `rowKey` is a safe integer identifying
 * the row (its line number or id; see `rowKeyOf` for text ids), unique within the data.
 *
 * Cost: `add` is O(1) (one bucket updated, whatever the number of replicates); memory is 8 bytes per
 * row (its score; 16 with sample weights other than 1) plus 128 KiB of bucket sums and at most
 * 0.23 MB of hash sample; `finalize` sorts the scores once (radix sort) and costs O(n + B·K + B·m).
 *
 * @example
 * const metrics = new BinaryAccumulator({ threshold: 0.5 })
 * metrics.add(1, 0.9, 1)
 * metrics.add(0, 0.2, 2)
 * metrics.finalize().recall // { value: 1, ci: [0.2065, 1], method: 'wilson' }
 */
export class BinaryAccumulator implements MetricSource {
  readonly task: Task = 'binary'
  readonly threshold: number
  readonly bootstrap: BootstrapSettings
  readonly digest: RowDigest
  /** WIDTH sums of all rows and per bootstrap bucket (layout above). */
  private readonly core: BucketedSums
  /** Σw² per confusion cell, for the effective sample size of the Wilson intervals. */
  private readonly squares = new Float64Array(4)
  /** Rows of positive weight per confusion cell, unweighted: the support of each metric. */
  private readonly counts = new Float64Array(4)
  private positives = new WeightedValues()
  private negatives = new WeightedValues()
  private sample = new HashSample()
  private minScore = Infinity
  private maxScore = -Infinity
  private cache: Derived | null = null

  constructor(options: BinaryOptions = {}) {
    this.threshold = options.threshold ?? 0.5
    this.bootstrap = bootstrapSettings(options.bootstrap)
    this.core = new BucketedSums(WIDTH, this.bootstrap)
    this.digest = this.core.digest
  }

  /** Adds one row: true label (0 or 1), score (P(label = 1)), row key, sample weight (default 1). */
  add(label: number, score: number, rowKey: number, weight = 1): void {
    this.addHashed(label, score, rowHash(this.bootstrap.seed, rowKey), weight)
  }

  /**
   * `add` for a row whose `rowHash(bootstrap.seed, rowKey)` the caller has computed: a row that
   * lands in several segments (every segment accumulator of a run shares the seed) is hashed once,
   * and its `binaryLogLoss(label, score)` (a third of `add`'s cost) is computed once when passed.
   */
  addHashed(
    label: number,
    score: number,
    hash: number,
    weight = 1,
    loss = binaryLogLoss(label, score)
  ): void {
    this.addExceptScore(label, score, hash, weight, loss)
    this.addScore(label, score, weight)
  }

  /**
   * Adds the `members` of `rows` (indices, ascending) as `addHashed` would one by one, all but the
   * copy of each score kept for ROC AUC and average precision: the caller then adds these rows'
   * scores with `addAscendingScores`, in ascending score order, which spares the sort at finalize
   * (evaluate.ts sorts the scores of all its segments at once).
   */
  addRowsExceptScores(rows: BinaryRows, members: Uint32Array): void {
    const { label, score, hash, weight, loss } = rows
    for (let k = 0; k < members.length; k++) {
      const m = members[k]
      this.addExceptScore(label[m], score[m], hash[m], weight[m], loss[m], rows.bin[m], rows.rank[m])
    }
  }

  /** Keeps a row's score for the ranking metrics (sorted at finalize, unless added in order). */
  private addScore(label: number, score: number, weight: number): void {
    ;(label === 1 ? this.positives : this.negatives).push(score, weight)
    this.cache = null
  }

  /**
   * Keeps the scores of rows whose other statistics `addRowsExceptScores` added, each class's in
   * ascending order (`sortNumbers`'): no sort at finalize.
   */
  addAscendingScores(positives: SortedValues, negatives: SortedValues): void {
    this.positives.appendAscending(positives)
    this.negatives.appendAscending(negatives)
    this.cache = null
  }

  /** Everything `addHashed` does but keep the score for the ranking metrics. */
  private addExceptScore(
    label: number,
    score: number,
    hash: number,
    weight: number,
    loss: number,
    bin = eceBin(score),
    rank = sampleRank(hash)
  ): void {
    const cell = score >= this.threshold ? (label === 1 ? TP : FP) : label === 1 ? FN : TN
    const error = label - score
    const bucket = bucketOf(hash)
    addRow(this.core.sums, 0, weight, cell, error, loss, bin)
    addRow(this.core.buckets, bucket * WIDTH, weight, cell, error, loss, bin)
    this.squares[cell] += weight * weight
    if (weight > 0) this.counts[cell]++
    if (score < this.minScore) this.minScore = score
    if (score > this.maxScore) this.maxScore = score
    this.sample.add(rank, score, label, weight, bucket)
    this.digest.add(hash)
    this.cache = null
  }

  /** Adds the rows of `other` (same threshold and bootstrap settings) to this accumulator. */
  merge(other: BinaryAccumulator): this {
    assertSameSettings(this.bootstrap, other.bootstrap, 'binary')
    if (this.threshold !== other.threshold) {
      throw new RangeError(
        `cannot merge binary accumulators with thresholds ${this.threshold} and ${other.threshold}`
      )
    }
    this.core.merge(other.core)
    addInto(this.squares, other.squares)
    addInto(this.counts, other.counts)
    this.positives.append(other.positives)
    this.negatives.append(other.negatives)
    this.sample.merge(other.sample)
    this.minScore = Math.min(this.minScore, other.minScore)
    this.maxScore = Math.max(this.maxScore, other.maxScore)
    this.cache = null
    return this
  }

  /** Every binary metric with its confidence interval (see `catalog.ts` for names and methods). */
  finalize(options: FinalizeOptions = {}): Record<string, MetricValue> {
    return finalizeMetrics(this, options)
  }

  /** The state as a JSON-safe object; `BinaryAccumulator.fromState` restores it exactly. */
  toState(): BinaryState {
    const { digest, sums, buckets } = this.core.toState()
    return {
      ...header('binary', this.bootstrap),
      task: 'binary',
      threshold: this.threshold,
      digest,
      sums,
      squares: encode(this.squares),
      counts: encode(this.counts),
      scoreRange: encode(Float64Array.of(this.minScore, this.maxScore)),
      buckets,
      positives: this.positives.toState(),
      negatives: this.negatives.toState(),
      sample: this.sample.toState()
    }
  }

  /** Restores a `toState()` object (e.g. parsed from JSON); throws an `Error` saying what is wrong. */
  static fromState(state: unknown): BinaryAccumulator {
    const record = readHeader(state, 'binary')
    const restored = new BinaryAccumulator({
      threshold: numberField(record, 'threshold'),
      bootstrap: record.bootstrap
    })
    restored.core.restore(record)
    restored.squares.set(decode(record, 'squares', Float64Array, 4))
    restored.counts.set(decode(record, 'counts', Float64Array, 4))
    ;[restored.minScore, restored.maxScore] = decode(record, 'scoreRange', Float64Array, 2)
    const values = (field: string): WeightedValues =>
      WeightedValues.fromState(objectField(record, field), field)
    restored.positives = values('positives')
    restored.negatives = values('negatives')
    restored.sample = HashSample.fromState(objectField(record, 'sample'))
    return restored
  }

  names(): string[] {
    return metricNames('binary')
  }

  estimate(name: string): Estimate {
    const s = this.core.sums
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
    const used = convention(name, s)
    if (used === undefined) return defined(value)
    return used.zeroDenominator ? conventional(value, used.note) : defined(value, used.note)
  }

  support(name: string): number {
    return countSupport(describeMetric(name)!.support, this.counts)
  }

  replicates(name: string): Float64Array {
    if (name === 'roc_auc' || name === 'average_precision') {
      const field = name === 'roc_auc' ? 'rocAuc' : 'averagePrecision'
      const replicates = this.rankingReplicates()
      return fullSampleReplicates(
        replicates[field],
        replicates.onSample[field],
        this.ranking()[field],
        this.sample.sampled,
        this.digest.rows
      )
    }
    const sums = this.replicateSums()
    const out = new Float64Array(this.bootstrap.replicates)
    for (let b = 0; b < out.length; b++) out[b] = statistic(name, sums, b * WIDTH)
    return out
  }

  proportion(name: string): Proportion {
    const [numerator, denominator] = PROPORTIONS[name]
    let successes = 0
    let trials = 0
    let squaredWeights = 0
    for (const cell of numerator) successes += this.core.sums[cell]
    for (const cell of denominator) {
      trials += this.core.sums[cell]
      squaredWeights += this.squares[cell]
    }
    return { successes, trials, squaredWeights }
  }

  rocAucVariance(): number | null {
    return this.ranking().rocAucVariance
  }

  resamplesEveryRow(): boolean {
    return this.digest.rows <= SAMPLE_ROWS
  }

  /** average_precision above SAMPLE_ROWS rows: the logit interval over the effective positives. */
  analyticBasis(): AnalyticBasis {
    const s = this.core.sums
    const q = this.squares
    const positives = effectiveSize(s[TP] + s[FN], q[TP] + q[FN])
    return { kind: 'logit', value: this.ranking().averagePrecision, positives }
  }

  /** Why a metric is `null` for these rows, or undefined if it is defined. */
  private undefinedReason(name: string): string | undefined {
    const s = this.core.sums
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
    const point = this.ranking()
    return defined(name === 'roc_auc' ? point.rocAuc : point.averagePrecision)
  }

  private derived(): Derived {
    return (this.cache ??= {})
  }

  /** The bootstrap's bucket sums: `combineBuckets(sums, width, bootstrap)` gives `replicateSums`. */
  bootstrapBuckets(): { readonly sums: Float64Array; readonly width: number } {
    return { sums: this.core.buckets, width: WIDTH }
  }

  /**
   * Takes the replicate sums of `bootstrapBuckets()` computed elsewhere (on another thread), which
   * finalize would otherwise compute; kept until the next add or merge, like its own.
   */
  adoptReplicateSums(replicates: Float64Array): void {
    if (replicates.length !== this.bootstrap.replicates * WIDTH) {
      throw new RangeError(
        `replicate sums: expected ${this.bootstrap.replicates * WIDTH} values, got ${replicates.length}`
      )
    }
    this.derived().replicateSums = replicates
  }

  private replicateSums(): Float64Array {
    return (this.derived().replicateSums ??= this.core.replicateSums())
  }

  private ranking(): RankingPoint {
    return (this.derived().ranking ??= this.rank())
  }

  /**
   * Everything the score groups are needed for, at once, so that they are not kept: 16 bytes per
   * score, twice what the scores themselves take, for every segment until the evaluation is dropped.
   * Sorts the scores once per finalize.
   */
  private rank(): RankingPoint {
    const groups = scoreGroups(this.positives.sorted(), this.negatives.sorted())
    const value = rankingValue(groups)
    if (Number.isNaN(value.rocAuc)) return { ...value, rocAucVariance: null }
    const s = this.core.sums
    const q = this.squares
    const positives = effectiveSize(s[TP] + s[FN], q[TP] + q[FN])
    const negatives = effectiveSize(s[TN] + s[FP], q[TN] + q[FP])
    return { ...value, rocAucVariance: delongVariance(groups, value.rocAuc, positives, negatives) }
  }

  private rankingReplicates(): RankingReplicates {
    return (this.derived().rankingReplicates ??= rankingReplicates(this.sample.rows(), this.bootstrap))
  }
}

/**
 * Binary rows decoded once for every segment accumulator they are added to (see `row-block.ts`):
 * the arguments of `addHashed`, one typed array each.
 */
export class BinaryRows {
  readonly label: Uint8Array
  readonly score: Float64Array
  readonly hash: Uint32Array
  readonly weight: Float64Array
  readonly loss: Float64Array
  /** What every segment would compute again: the ECE bin's field and the hash sample rank. */
  readonly bin: Uint8Array
  readonly rank: Uint32Array

  constructor(capacity: number, allocate: Allocate = privateArrays) {
    this.label = allocate(Uint8Array, capacity)
    this.score = allocate(Float64Array, capacity)
    this.hash = allocate(Uint32Array, capacity)
    this.weight = allocate(Float64Array, capacity)
    this.loss = allocate(Float64Array, capacity)
    this.bin = allocate(Uint8Array, capacity)
    this.rank = allocate(Uint32Array, capacity)
  }

  /** Row `r`: as `addHashed(label, score, hash, weight)`, its log loss computed here. */
  set(r: number, label: number, score: number, hash: number, weight: number): void {
    this.label[r] = label
    this.score[r] = score
    this.hash[r] = hash
    this.weight[r] = weight
    this.loss[r] = binaryLogLoss(label, score)
    this.bin[r] = eceBin(score)
    this.rank[r] = sampleRank(hash)
  }
}

/** scikit-learn 1.2's per-row log loss: probabilities [1 − p, p] clipped to [ε, 1 − ε], renormalised. */
export function binaryLogLoss(label: number, score: number): number {
  const positive = Math.min(Math.max(score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS)
  const negative = Math.min(Math.max(1 - score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS)
  return -Math.log((label === 1 ? positive : negative) / (positive + negative))
}

/** The field of the ECE bin of a score: 10 equal-width bins over [0, 1], the ends included. */
function eceBin(score: number): number {
  return ECE + Math.max(0, Math.min(Math.floor(score * ECE_BINS), ECE_BINS - 1))
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

/** The support of a binary metric from the rows of positive weight per confusion cell. */
function countSupport(support: Support, c: Float64Array): number {
  const positives = c[TP] + c[FN]
  const negatives = c[TN] + c[FP]
  switch (support) {
    case 'positives':
      return positives
    case 'negatives':
      return negatives
    case 'predicted_positives':
      return c[TP] + c[FP]
    case 'positive_or_predicted':
      return c[TP] + c[FP] + c[FN]
    case 'smaller_class':
      return Math.min(positives, negatives)
    default:
      return positives + negatives
  }
}

/**
 * The zero-division conventions that give a value where the formula divides by zero, and whether
 * the metric's own denominator is 0 (then the value is a convention, not evidence: a gate does not
 * judge it). F1 = 2·TP / (2·TP + FP + FN) is 0, not undefined, when only TP is 0.
 */
function convention(
  name: string,
  s: Float64Array
): { readonly note: string; readonly zeroDenominator: boolean } | undefined {
  const predicted = s[TP] + s[FP]
  const positives = s[TP] + s[FN]
  const note = (text: string, zeroDenominator = true) => ({ note: text, zeroDenominator })
  switch (name) {
    case 'precision':
      return predicted === 0 ? note('no predicted positives (TP + FP = 0): 0 by zero_division=0') : undefined
    case 'recall':
      return positives === 0 ? note('no positives in y_true (TP + FN = 0): 0 by zero_division=0') : undefined
    case 'f1':
      return s[TP] === 0
        ? note('precision + recall = 0: 0 by zero_division=0', predicted + s[FN] === 0)
        : undefined
    case 'mcc':
      return predicted === 0 || positives === 0 || s[TN] + s[FN] === 0 || s[TN] + s[FP] === 0
        ? note(
            'only one class in y_true or in the predictions: the MCC denominator is 0, so 0 as scikit-learn'
          )
        : undefined
  }
  return undefined
}
