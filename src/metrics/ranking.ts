/**
 * Metrics of how scores rank positives above negatives: ROC AUC (with DeLong's variance) and
 * average precision. The point values need every score, grouped by distinct value; the bootstrap
 * replicates run on the hash sample (see `hash-sample.ts`).
 */

import type { SampleRows } from './hash-sample.js'
import { BUCKETS, bucketWeights, type BootstrapSettings } from './poisson-bootstrap.js'
import type { SortedValues } from './weighted-values.js'

/** Per distinct score, in descending score order: the weight of the positives and negatives at it. */
export interface ScoreGroups {
  readonly positive: Float64Array
  readonly negative: Float64Array
}

/** Groups the (ascending) scores of the positives and of the negatives by distinct score, descending. */
export function scoreGroups(positives: SortedValues, negatives: SortedValues): ScoreGroups {
  const pos = positives.values
  const neg = negatives.values
  const positive = new Float64Array(pos.length + neg.length)
  const negative = new Float64Array(pos.length + neg.length)
  let i = pos.length - 1
  let j = neg.length - 1
  let g = 0
  for (; i >= 0 || j >= 0; g++) {
    const score = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j])
    const firstPos = i
    const firstNeg = j
    while (i >= 0 && pos[i] === score) i--
    while (j >= 0 && neg[j] === score) j--
    positive[g] = weightOf(positives, i + 1, firstPos + 1)
    negative[g] = weightOf(negatives, j + 1, firstNeg + 1)
  }
  return { positive: positive.subarray(0, g), negative: negative.subarray(0, g) }
}

/** The total weight of the values at [from, to): their count (of rows) when all weights are 1. */
function weightOf({ weights, counts }: SortedValues, from: number, to: number): number {
  const each = weights ?? counts
  if (!each) return to - from
  let total = 0
  for (let k = from; k < to; k++) total += each[k]
  return total
}

/** ROC AUC and average precision of a weighting of the rows; NaN = undefined. */
export interface RankingValue {
  readonly rocAuc: number
  readonly averagePrecision: number
}

/**
 * ROC AUC and average precision, one group of tied scores at a time in descending score order:
 *
 *   ROC AUC: area += neg_g·(pos_before + pos_g/2), auc = area / (P·N)   (ties count one half)
 *   AP:      ap   += pos_g·TP/(TP + FP) after the group, ap = ap / P    (step-wise, as scikit-learn)
 *
 * Both are NaN when there is no positive or no negative weight.
 */
export function rankingValue(groups: ScoreGroups): RankingValue {
  const groupPositive = groups.positive
  const groupNegative = groups.negative
  let positives = 0
  let negatives = 0
  let area = 0
  let precisionSum = 0
  for (let g = 0; g < groupPositive.length; g++) {
    const positive = groupPositive[g]
    const negative = groupNegative[g]
    area += negative * (positives + positive / 2)
    positives += positive
    negatives += negative
    if (positive > 0) precisionSum += (positive * positives) / (positives + negatives)
  }
  const bothClasses = positives > 0 && negatives > 0
  return {
    rocAuc: bothClasses ? area / (positives * negatives) : NaN,
    averagePrecision: bothClasses ? precisionSum / positives : NaN
  }
}

/** Replicates of ROC AUC and average precision on the hash sample, and their values on the sample. */
export interface RankingReplicates {
  readonly rocAuc: Float64Array
  readonly averagePrecision: Float64Array
  readonly onSample: RankingValue
}

/**
 * The sample's rows under B weightings: row i weighs w_i·W[b, bucket_i] in replicate b. Each
 * replicate sums its weights into the sample's score groups (found once), then sweeps the groups.
 */
export function rankingReplicates(rows: SampleRows, settings: BootstrapSettings): RankingReplicates {
  const { values, labels, weights, buckets } = rows
  const n = values.length
  const groupOf = new Uint32Array(n) // 0 = the highest score
  let groupCount = 0
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1 && values[i] !== values[i + 1]) groupCount++
    groupOf[i] = groupCount
  }
  const positive = new Float64Array(groupCount + 1)
  const negative = new Float64Array(groupCount + 1)
  const scratch: ScoreGroups = { positive, negative }
  const weigh = (bucketWeight: Uint8Array, offset: number): RankingValue => {
    positive.fill(0)
    negative.fill(0)
    for (let i = 0; i < n; i++) {
      const k = bucketWeight[offset + buckets[i]]
      if (k === 0) continue
      if (labels[i] === 1) positive[groupOf[i]] += k * weights[i]
      else negative[groupOf[i]] += k * weights[i]
    }
    return rankingValue(scratch)
  }
  const b = settings.replicates
  const rocAuc = new Float64Array(b)
  const averagePrecision = new Float64Array(b)
  const bucketWeight = bucketWeights(settings)
  for (let r = 0; r < b; r++) {
    const value = weigh(bucketWeight, r * BUCKETS)
    rocAuc[r] = value.rocAuc
    averagePrecision[r] = value.averagePrecision
  }
  return { rocAuc, averagePrecision, onSample: weigh(new Uint8Array(BUCKETS).fill(1), 0) }
}

/**
 * DeLong's variance of the ROC AUC, by the midrank method of Sun & Xu (2014) in one sorted pass.
 *
 * Structural components: for a positive row, V10 = (weight of negatives scored lower + ½ tied) / N;
 * for a negative row, V01 = (weight of positives scored higher + ½ tied) / P. Then
 *
 *   var = S10 / m + S01 / n,  S10 = Σ w·(V10 − auc)² / P · m / (m − 1)  (likewise S01)
 *
 * where m and n are the Kish effective numbers of positives and negatives (`(Σw)²/Σw²`: the counts
 * themselves when unweighted, which is DeLong's formula exactly). `null` when m ≤ 1 or n ≤ 1.
 */
export function delongVariance(groups: ScoreGroups, auc: number, m: number, n: number): number | null {
  if (!(m > 1 && n > 1)) return null
  let pos = 0
  let neg = 0
  for (let g = 0; g < groups.positive.length; g++) {
    pos += groups.positive[g]
    neg += groups.negative[g]
  }
  let posBefore = 0
  let negBefore = 0
  let s10 = 0
  let s01 = 0
  for (let g = 0; g < groups.positive.length; g++) {
    const groupPos = groups.positive[g]
    const groupNeg = groups.negative[g]
    const v10 = (neg - negBefore - groupNeg / 2) / neg
    const v01 = (posBefore + groupPos / 2) / pos
    s10 += groupPos * (v10 - auc) ** 2
    s01 += groupNeg * (v01 - auc) ** 2
    posBefore += groupPos
    negBefore += groupNeg
  }
  return s10 / pos / (m - 1) + s01 / neg / (n - 1)
}
