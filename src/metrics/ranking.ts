/**
 * Metrics of how scores rank positives above negatives: ROC AUC (with DeLong's variance) and
 * average precision. They need every (score, label, weight) row, sorted once by score.
 */

import type { BootstrapSettings } from './poisson-bootstrap.js'
import { poissonCounts } from './poisson-bootstrap.js'

/** Rows stored by the binary accumulator, as parallel arrays. */
export interface RankedRows {
  readonly scores: Float64Array
  readonly labels: Uint8Array
  readonly weights: Float64Array
  readonly keys: Float64Array
}

/** Row indices by descending score (ties in any order: tied rows are always handled as one group). */
export function descendingOrder(scores: Float64Array): Uint32Array {
  const order = new Uint32Array(scores.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  return order.sort((a, b) => scores[b] - scores[a])
}

/** ROC AUC and average precision under one or more weightings of the rows; NaN = undefined. */
export interface RankingValues {
  readonly rocAuc: Float64Array
  readonly averagePrecision: Float64Array
}

/**
 * One pass over the rows in descending score order, accumulating K weightings at once: the sample
 * weights alone (`bootstrap` null, K = 1) or the sample weights times the Poisson multiplicities of
 * each bootstrap replicate (K = B). Within a group of tied scores:
 *
 *   ROC AUC: area += neg_g·(pos_before + pos_g/2), auc = area / (P·N)   (ties count one half)
 *   AP:      ap   += pos_g·TP/(TP + FP) after the group, ap = ap / P    (step-wise, as scikit-learn)
 *
 * Both are NaN when a weighting has no positive or no negative weight.
 */
export function rankingSweep(
  rows: RankedRows,
  order: Uint32Array,
  bootstrap: BootstrapSettings | null
): RankingValues {
  const k = bootstrap ? bootstrap.replicates : 1
  const cumPos = new Float64Array(k)
  const cumNeg = new Float64Array(k)
  const groupPos = new Float64Array(k)
  const groupNeg = new Float64Array(k)
  const area = new Float64Array(k)
  const precisionSum = new Float64Array(k)
  const counts = new Uint8Array(k).fill(1)
  const { scores, labels, weights, keys } = rows
  for (let r = 0; r < order.length; r++) {
    const i = order[r]
    if (bootstrap) poissonCounts(bootstrap.seed, keys[i], counts)
    const target = labels[i] === 1 ? groupPos : groupNeg
    const w = weights[i]
    for (let b = 0; b < k; b++) if (counts[b] !== 0) target[b] += w * counts[b]
    if (r + 1 < order.length && scores[order[r + 1]] === scores[i]) continue
    for (let b = 0; b < k; b++) {
      area[b] += groupNeg[b] * (cumPos[b] + groupPos[b] / 2)
      cumPos[b] += groupPos[b]
      cumNeg[b] += groupNeg[b]
      if (groupPos[b] > 0) precisionSum[b] += (groupPos[b] * cumPos[b]) / (cumPos[b] + cumNeg[b])
      groupPos[b] = 0
      groupNeg[b] = 0
    }
  }
  const rocAuc = new Float64Array(k)
  const averagePrecision = new Float64Array(k)
  for (let b = 0; b < k; b++) {
    const bothClasses = cumPos[b] > 0 && cumNeg[b] > 0
    rocAuc[b] = bothClasses ? area[b] / (cumPos[b] * cumNeg[b]) : NaN
    averagePrecision[b] = bothClasses ? precisionSum[b] / cumPos[b] : NaN
  }
  return { rocAuc, averagePrecision }
}

/**
 * DeLong's variance of the ROC AUC, by the midrank method of Sun & Xu (2014) in one sorted pass.
 *
 * Structural components: for a positive row, V10 = (weight of negatives scored lower + ½ tied) / N;
 * for a negative row, V01 = (weight of positives scored higher + ½ tied) / P. Then
 *
 *   var = S10 / m + S01 / n,  S10 = Σ w·(V10 − auc)² / P · m / (m − 1)  (likewise S01)
 *
 * where m and n are the Kish effective numbers of positives and negatives (the counts themselves
 * when unweighted, which is DeLong's formula exactly). `null` when m ≤ 1 or n ≤ 1.
 */
export function delongVariance(rows: RankedRows, order: Uint32Array, auc: number): number | null {
  const { scores, labels, weights } = rows
  let pos = 0
  let neg = 0
  let pos2 = 0
  let neg2 = 0
  for (let i = 0; i < labels.length; i++) {
    const w = weights[i]
    if (labels[i] === 1) {
      pos += w
      pos2 += w * w
    } else {
      neg += w
      neg2 += w * w
    }
  }
  const m = (pos * pos) / pos2
  const n = (neg * neg) / neg2
  if (!(m > 1 && n > 1)) return null
  let posBefore = 0
  let negBefore = 0
  let groupPos = 0
  let groupNeg = 0
  let s10 = 0
  let s01 = 0
  for (let r = 0; r < order.length; r++) {
    const i = order[r]
    if (labels[i] === 1) groupPos += weights[i]
    else groupNeg += weights[i]
    if (r + 1 < order.length && scores[order[r + 1]] === scores[i]) continue
    const v10 = (neg - negBefore - groupNeg / 2) / neg
    const v01 = (posBefore + groupPos / 2) / pos
    s10 += groupPos * (v10 - auc) ** 2
    s01 += groupNeg * (v01 - auc) ** 2
    posBefore += groupPos
    negBefore += groupNeg
    groupPos = 0
    groupNeg = 0
  }
  return s10 / pos / (m - 1) + s01 / neg / (n - 1)
}
