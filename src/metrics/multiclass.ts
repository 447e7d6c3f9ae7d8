/**
 * Multiclass classification metrics from (true class, predicted class, probabilities) rows, in one
 * streaming pass, mergeable. Every average runs over all declared classes, present or not, as
 * scikit-learn does when given `labels=classes` (a class absent from a segment counts as 0).
 */

import { privateArrays, type Allocate } from '../kernels/block-memory.js'
import { addInto, BucketedSums } from './bucketed-sums.js'
import {
  assertSameSettings,
  finalizeMetrics,
  type FinalizeOptions,
  type MetricSource,
  type Proportion
} from './accumulator.js'
import { describeMetric, metricNames, parseClassMetric } from './catalog.js'
import type { Task } from './task.js'
import { LOG_LOSS_EPS } from './binary.js'
import {
  decode,
  encode,
  header,
  numberField,
  readHeader,
  stateError,
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
  type BootstrapSettings,
  type RowDigestState
} from './poisson-bootstrap.js'

export interface MulticlassOptions {
  /** The class names, in the order of the class indices and of the probability vectors. */
  readonly classes: readonly string[]
  readonly bootstrap?: Partial<BootstrapSettings>
}

/** The serialized state of a `MulticlassAccumulator` (see `metric-state.ts`). */
export interface MulticlassState extends StateHeader {
  readonly task: 'multiclass'
  readonly classes: readonly string[]
  readonly digest: RowDigestState
  /** Float64 × (3K + 1): the sufficient statistics (layout in the class). */
  readonly sums: Encoded
  /** Float64 × (2K + 1): Σw² of predicted rows, of true rows per class, of all rows. */
  readonly squares: Encoded
  /** Float64 × 3K: rows of positive weight, as `sums`' first 3K (the metrics' support). */
  readonly counts: Encoded
  readonly rowsWithProbabilities: number
  readonly buckets: BucketsState
}

type Base = 'precision' | 'recall' | 'f1'

/** What a metric name asks for, parsed once. */
type Plan =
  | { readonly kind: 'n' | 'accuracy' | 'log_loss' }
  | { readonly kind: 'average'; readonly base: Base; readonly average: 'macro' | 'micro' | 'weighted' }
  | { readonly kind: 'class'; readonly base: Base; readonly index: number }

/**
 * Accumulates multiclass rows.
 *
 * Preconditions of `add`: `label` and `prediction` are class indices in [0, classes.length); the
 * probabilities, when given, hold one finite value per class (rows summing to 1 up to rounding: they
 * are renormalised as scikit-learn does); `weight` is finite and ≥ 0; `rowKey` is a safe integer
 * unique to the row. log_loss is reported only when every row came with probabilities.
 *
 * @example
 * const metrics = new MulticlassAccumulator({ classes: ['Adelie', 'Chinstrap', 'Gentoo'] })
 * metrics.add(0, null, [0.7, 0.2, 0.1], 1) // prediction null: the most probable class (0)
 * metrics.add(2, 2, null, 2)
 * metrics.finalize()['recall[Adelie]'] // { value: 1, ci: [0.2065, 1] }
 */
export class MulticlassAccumulator implements MetricSource {
  readonly task: Task = 'multiclass'
  readonly classes: readonly string[]
  readonly bootstrap: BootstrapSettings
  readonly digest: RowDigest
  /**
   * The sums of all rows and per bootstrap bucket, `width` each. Per class: TP at [0, K), predicted weight at [K, 2K), true weight (support) at [2K, 3K); then Σ w·loss.
   */
  private readonly core: BucketedSums
  /** Per class Σw² of predicted rows at [0, K) and of true rows at [K, 2K); then Σw² of all rows. */
  private readonly squares: Float64Array
  /** Rows of positive weight, unweighted, laid out as the first 3K `sums`: the metrics' support. */
  private readonly counts: Float64Array
  readonly width: number
  private readonly plans: Map<string, Plan>
  private rowsWithProbabilities = 0
  /** The replicate sums, computed once per finalize; dropped by `add` and `merge`. */
  private replicateSums: Float64Array | null = null

  constructor(options: MulticlassOptions) {
    const k = options.classes.length
    if (k < 2 || new Set(options.classes).size !== k) {
      throw new RangeError(
        `multiclass needs at least 2 distinct class names, got [${options.classes.join(', ')}]`
      )
    }
    this.classes = [...options.classes]
    this.bootstrap = bootstrapSettings(options.bootstrap)
    this.width = 3 * k + 1
    this.core = new BucketedSums(this.width, this.bootstrap)
    this.digest = this.core.digest
    this.squares = new Float64Array(2 * k + 1)
    this.counts = new Float64Array(3 * k)
    this.plans = new Map(metricNames('multiclass', this.classes).map((name) => [name, this.plan(name)]))
  }

  /**
   * Adds one row: the true class index, the predicted class index (or `null`: the most probable
   * class, first one on ties, as `np.argmax`), the class probabilities (or `null`), the row key and
   * the sample weight (default 1).
   */
  add(
    label: number,
    prediction: number | null,
    probabilities: ArrayLike<number> | null,
    rowKey: number,
    weight = 1
  ): void {
    const k = this.classes.length
    const predicted = prediction ?? argmax(probabilities!)
    let loss = 0
    if (probabilities) {
      loss = rowLogLoss(label, probabilities)
      this.rowsWithProbabilities++
    }
    addRow(this.core.sums, 0, k, weight, label, predicted, loss)
    const w2 = weight * weight
    this.squares[predicted] += w2
    this.squares[k + label] += w2
    this.squares[2 * k] += w2
    if (weight > 0) {
      if (label === predicted) this.counts[label]++
      this.counts[k + predicted]++
      this.counts[2 * k + label]++
    }
    const hash = rowHash(this.bootstrap.seed, rowKey)
    addRow(this.core.buckets, bucketOf(hash) * this.width, k, weight, label, predicted, loss)
    this.digest.add(hash)
    this.replicateSums = null
  }

  /** Adds the `members` of `rows` (indices, ascending), as `add` would one by one. */
  addRows(rows: MulticlassRows, members: Uint32Array): void {
    const k = this.classes.length
    const { label, prediction, probabilities, rowKey, weight } = rows
    const row = probabilities ? new Float64Array(k) : null
    for (let j = 0; j < members.length; j++) {
      const m = members[j]
      if (row) for (let c = 0; c < k; c++) row[c] = probabilities![m * k + c]
      this.add(label[m], prediction[m] < 0 ? null : prediction[m], row, rowKey[m], weight[m])
    }
  }

  /** Adds the rows of `other` (same classes and bootstrap settings) to this accumulator. */
  merge(other: MulticlassAccumulator): this {
    assertSameSettings(this.bootstrap, other.bootstrap, 'multiclass')
    if (this.classes.join('\u0000') !== other.classes.join('\u0000')) {
      throw new RangeError('cannot merge multiclass accumulators with different classes')
    }
    this.core.merge(other.core)
    addInto(this.squares, other.squares)
    addInto(this.counts, other.counts)
    this.rowsWithProbabilities += other.rowsWithProbabilities
    this.replicateSums = null
    return this
  }

  /**
   * This accumulator's rows over `classes`, which holds its own classes (in any order) and maybe
   * more: each class's sums move to its index there and the others' are 0, exactly what an
   * accumulator over `classes` holds after the same rows. A shard finds the classes of its own rows
   * only; the merge widens every piece to the input's classes before merging them.
   * @throws RangeError for `classes` without one of this accumulator's
   */
  withClasses(classes: readonly string[]): MulticlassAccumulator {
    const wide = new MulticlassAccumulator({ classes, bootstrap: this.bootstrap })
    const to = this.classes.map((c) => wide.classes.indexOf(c))
    if (to.includes(-1)) {
      throw new RangeError(
        `cannot widen multiclass classes [${this.classes.join(', ')}] to [${classes.join(', ')}]`
      )
    }
    const k = this.classes.length
    const wideK = wide.classes.length
    // Each array is records of `blocks` per-class blocks and then `tail` totals.
    const move = (from: Float64Array, into: Float64Array, blocks: number, tail: number): void => {
      const width = blocks * k + tail
      const wideWidth = blocks * wideK + tail
      for (let r = 0; r * width < from.length; r++) {
        const at = r * width
        const wideAt = r * wideWidth
        for (let b = 0; b < blocks; b++)
          for (let c = 0; c < k; c++) into[wideAt + b * wideK + to[c]] = from[at + b * k + c]
        for (let t = 0; t < tail; t++) into[wideAt + blocks * wideK + t] = from[at + blocks * k + t]
      }
    }
    move(this.core.sums, wide.core.sums, 3, 1)
    move(this.core.buckets, wide.core.buckets, 3, 1)
    move(this.squares, wide.squares, 2, 1)
    move(this.counts, wide.counts, 3, 0)
    wide.digest.merge(this.digest)
    wide.rowsWithProbabilities = this.rowsWithProbabilities
    return wide
  }

  /** Every multiclass metric with its confidence interval (see `catalog.ts`). */
  finalize(options: FinalizeOptions = {}): Record<string, MetricValue> {
    return finalizeMetrics(this, options)
  }

  /** The state as a JSON-safe object; `MulticlassAccumulator.fromState` restores it exactly. */
  toState(): MulticlassState {
    const { digest, sums, buckets } = this.core.toState()
    return {
      ...header('multiclass', this.bootstrap),
      task: 'multiclass',
      classes: [...this.classes],
      digest,
      sums,
      squares: encode(this.squares),
      counts: encode(this.counts),
      rowsWithProbabilities: this.rowsWithProbabilities,
      buckets
    }
  }

  /** Restores a `toState()` object (e.g. parsed from JSON); throws an `Error` saying what is wrong. */
  static fromState(state: unknown): MulticlassAccumulator {
    const record = readHeader(state, 'multiclass')
    const classes = record.classes
    if (!Array.isArray(classes) || !classes.every((name) => typeof name === 'string')) {
      throw stateError('classes must be an array of class names')
    }
    let restored: MulticlassAccumulator
    try {
      restored = new MulticlassAccumulator({ classes, bootstrap: record.bootstrap })
    } catch (error) {
      throw stateError((error as Error).message)
    }
    restored.core.restore(record)
    restored.squares.set(decode(record, 'squares', Float64Array, restored.squares.length))
    restored.counts.set(decode(record, 'counts', Float64Array, restored.counts.length))
    restored.rowsWithProbabilities = numberField(record, 'rowsWithProbabilities')
    return restored
  }

  names(): string[] {
    return [...this.plans.keys()]
  }

  estimate(name: string): Estimate {
    const plan = this.plans.get(name)!
    if (plan.kind === 'n') return defined(this.digest.rows)
    const k = this.classes.length
    const total = support(this.core.sums, 0, k)
    if (total === 0) return undefinedBecause('no rows (total weight 0)')
    if (plan.kind === 'log_loss' && this.rowsWithProbabilities < this.digest.rows) {
      return undefinedBecause(
        `log loss needs class probabilities; only ${this.rowsWithProbabilities} of ${this.digest.rows} rows had them`
      )
    }
    const value = statistic(plan, this.core.sums, 0, k)
    const note = this.zeroDivisionNote(plan)
    if (note === undefined) return defined(value)
    return this.hasZeroDenominator(plan) ? conventional(value, note) : defined(value, note)
  }

  support(name: string): number {
    const plan = this.plans.get(name)!
    const k = this.classes.length
    const c = this.counts
    if (plan.kind !== 'class') return support(c, 0, k)
    const i = plan.index
    switch (describeMetric(name)!.support) {
      case 'class_predicted':
        return c[k + i]
      case 'class_or_predicted':
        return c[k + i] + c[2 * k + i] - c[i]
      default:
        return c[2 * k + i]
    }
  }

  replicates(name: string): Float64Array {
    const plan = this.plans.get(name)!
    const sums = (this.replicateSums ??= this.core.replicateSums())
    const out = new Float64Array(this.bootstrap.replicates)
    for (let b = 0; b < out.length; b++) out[b] = statistic(plan, sums, b * this.width, this.classes.length)
    return out
  }

  proportion(name: string): Proportion {
    const plan = this.plans.get(name)!
    const k = this.classes.length
    const s = this.core.sums
    if (plan.kind === 'class') {
      const c = plan.index
      const predictedBase = plan.base === 'precision'
      return {
        successes: s[c],
        trials: predictedBase ? s[k + c] : s[2 * k + c],
        squaredWeights: predictedBase ? this.squares[c] : this.squares[k + c]
      }
    }
    // accuracy and the micro averages: correct rows out of all rows
    let correct = 0
    for (let c = 0; c < k; c++) correct += s[c]
    return { successes: correct, trials: support(s, 0, k), squaredWeights: this.squares[2 * k] }
  }

  private plan(name: string): Plan {
    if (name === 'n' || name === 'accuracy' || name === 'log_loss') return { kind: name }
    const perClass = parseClassMetric(name)
    if (perClass)
      return { kind: 'class', base: perClass.base as Base, index: this.classes.indexOf(perClass.className) }
    const [average, base] = name.split('_') as ['macro' | 'micro' | 'weighted', Base]
    return { kind: 'average', base, average }
  }

  /**
   * Whether the value rests on a per-class value whose own denominator is 0 (precision: never
   * predicted; recall: absent; f1: both), which a gate does not judge: the class itself, any class
   * of a macro average, a class of non-zero weight in a weighted one.
   */
  private hasZeroDenominator(plan: Plan): boolean {
    if (plan.kind !== 'class' && !(plan.kind === 'average' && plan.average !== 'micro')) return false
    const k = this.classes.length
    const s = this.core.sums
    const zero = (c: number): boolean => {
      const predicted = s[k + c]
      const actual = s[2 * k + c]
      if (plan.base === 'precision') return predicted === 0
      if (plan.base === 'recall') return actual === 0
      return predicted === 0 && actual === 0
    }
    if (plan.kind === 'class') return zero(plan.index)
    return this.classes.some((_, c) => zero(c) && (plan.average === 'macro' || s[2 * k + c] > 0))
  }

  /** Names the classes whose per-class value came from zero_division=0, for the metrics built on them. */
  private zeroDivisionNote(plan: Plan): string | undefined {
    if (plan.kind !== 'class' && !(plan.kind === 'average' && plan.average !== 'micro')) return undefined
    const k = this.classes.length
    const s = this.core.sums
    const indices = plan.kind === 'class' ? [plan.index] : this.classes.map((_, c) => c)
    const zero = indices.filter((c) => {
      const predicted = s[k + c]
      const actual = s[2 * k + c]
      if (plan.base === 'precision') return predicted === 0
      if (plan.base === 'recall') return actual === 0
      return s[c] === 0 && (predicted === 0 || actual === 0)
    })
    if (zero.length === 0) return undefined
    const what = {
      precision: 'never predicted',
      recall: 'absent from y_true',
      f1: 'never predicted or absent'
    }
    return `0 by zero_division=0 for ${zero.map((c) => this.classes[c]).join(', ')} (${what[plan.base]})`
  }
}

/**
 * Multiclass rows decoded once for every segment accumulator they are added to: `add`'s arguments,
 * a prediction of -1 standing for `null` and row r's probabilities at `[r·K, (r + 1)·K)`.
 */
export class MulticlassRows {
  readonly label: Int32Array
  readonly prediction: Int32Array
  readonly probabilities: Float64Array | null
  readonly rowKey: Float64Array
  readonly weight: Float64Array

  constructor(
    capacity: number,
    private readonly classes: number,
    withProbabilities: boolean,
    allocate: Allocate = privateArrays
  ) {
    this.label = allocate(Int32Array, capacity)
    this.prediction = allocate(Int32Array, capacity)
    this.probabilities = withProbabilities ? allocate(Float64Array, capacity * classes) : null
    this.rowKey = allocate(Float64Array, capacity)
    this.weight = allocate(Float64Array, capacity)
  }

  set(
    r: number,
    label: number,
    prediction: number | null,
    probabilities: ArrayLike<number> | null,
    rowKey: number,
    weight: number
  ): void {
    this.label[r] = label
    this.prediction[r] = prediction ?? -1
    if (this.probabilities && probabilities) {
      for (let c = 0; c < this.classes; c++) this.probabilities[r * this.classes + c] = probabilities[c]
    }
    this.rowKey[r] = rowKey
    this.weight[r] = weight
  }
}

/** scikit-learn 1.2's per-row multiclass log loss: clip to [ε, 1 − ε], divide by the row sum. */
function rowLogLoss(label: number, probabilities: ArrayLike<number>): number {
  let sum = 0
  for (let c = 0; c < probabilities.length; c++) sum += clip(probabilities[c])
  return -Math.log(clip(probabilities[label]) / sum)
}

function clip(p: number): number {
  return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS)
}

function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let c = 1; c < values.length; c++) if (values[c] > values[best]) best = c
  return best
}

function addRow(
  sums: Float64Array,
  o: number,
  k: number,
  w: number,
  label: number,
  predicted: number,
  loss: number
): void {
  if (label === predicted) sums[o + label] += w
  sums[o + k + predicted] += w
  sums[o + 2 * k + label] += w
  sums[o + 3 * k] += w * loss
}

function support(sums: Float64Array, o: number, k: number): number {
  let total = 0
  for (let c = 0; c < k; c++) total += sums[o + 2 * k + c]
  return total
}

/** precision = tp / predicted, recall = tp / actual, or their F1, with zero_division=0. */
function score(base: Base, tp: number, predicted: number, actual: number): number {
  const precision = predicted > 0 ? tp / predicted : 0
  const recall = actual > 0 ? tp / actual : 0
  if (base === 'precision') return precision
  if (base === 'recall') return recall
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
}

function perClass(base: Base, sums: Float64Array, o: number, k: number, c: number): number {
  return score(base, sums[o + c], sums[o + k + c], sums[o + 2 * k + c])
}

/** A metric from one set of sums at `sums[o …]`; NaN when there is no weight at all. */
function statistic(plan: Plan, sums: Float64Array, o: number, k: number): number {
  const total = support(sums, o, k)
  if (total === 0) return NaN
  switch (plan.kind) {
    case 'n':
      return NaN
    case 'log_loss':
      return sums[o + 3 * k] / total
    case 'class':
      return perClass(plan.base, sums, o, k, plan.index)
    case 'accuracy':
      return microAverage('recall', sums, o, k)
    case 'average':
      break
  }
  if (plan.average === 'micro') return microAverage(plan.base, sums, o, k)
  let sum = 0
  for (let c = 0; c < k; c++) {
    const weight = plan.average === 'macro' ? 1 : sums[o + 2 * k + c]
    sum += weight * perClass(plan.base, sums, o, k, c)
  }
  return sum / (plan.average === 'macro' ? k : total)
}

/** Pooled over classes: Σ TP / Σ predicted (precision), Σ TP / Σ support (recall), their F1. */
function microAverage(base: Base, sums: Float64Array, o: number, k: number): number {
  let tp = 0
  let predicted = 0
  let actual = 0
  for (let c = 0; c < k; c++) {
    tp += sums[o + c]
    predicted += sums[o + k + c]
    actual += sums[o + 2 * k + c]
  }
  return score(base, tp, predicted, actual)
}
