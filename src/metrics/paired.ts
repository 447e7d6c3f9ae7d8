/**
 * Candidate versus baseline on the same rows: the difference of a metric with a paired bootstrap
 * interval and p-value, for significance-aware gates.
 *
 * Pairing comes for free from the bucketed Poisson bootstrap: a row's bucket depends only on (seed,
 * rowKey) and a bucket's weight in replicate b only on (seed, bucket, b), so when both accumulators
 * saw the same row keys with the same seed, replicate b of the candidate and replicate b of the
 * baseline weigh every row alike, and `candidate_b − baseline_b` is a draw from the bootstrap
 * distribution of the difference. Rank metrics above 5,000 rows use the m-out-of-n replicates of the
 * hash sample (`hash-sample.ts`), which holds the same rows for both models: still paired.
 */

import { confidenceLevel, type FinalizeOptions, type MetricSource } from './accumulator.js'
import { describeMetric } from './catalog.js'
import { percentileInterval } from './poisson-bootstrap.js'
import type { Interval } from './intervals.js'

export interface PairedDifference {
  /** candidate − baseline; `null` when either is undefined or the rows differ. */
  readonly difference: number | null
  /** Percentile interval of the replicate differences. */
  readonly ci: Interval | null
  /**
   * Two-sided bootstrap p-value for "no difference":
   * `min(1, 2·min(1 + #{d_b ≤ 0}, 1 + #{d_b ≥ 0}) / (m + 1))` over the m replicates where both are defined.
   */
  readonly pValue: number | null
  readonly reason?: string
}

/**
 * The paired difference `candidate − baseline` of one metric.
 *
 * Requires accumulators of the same task and bootstrap settings that saw the same row keys (checked
 * by their digests); otherwise every field is `null` with a reason. Counts have no difference test.
 *
 * @example
 * // credit, Job=partime, default 1000 replicates, seed 42:
 * pairedDifference(candidate, baseline, 'recall')
 * // { difference: -0.2981, ci: [-0.3945, -0.2020], pValue: 0.002 }  (2/1001: no replicate reached 0)
 */
export function pairedDifference(
  candidate: MetricSource,
  baseline: MetricSource,
  metric: string,
  options: FinalizeOptions = {}
): PairedDifference {
  const confidence = confidenceLevel(options)
  const unavailable = (reason: string): PairedDifference => ({
    difference: null,
    ci: null,
    pValue: null,
    reason
  })
  if (candidate.task !== baseline.task)
    return unavailable(`cannot compare a ${candidate.task} model with a ${baseline.task} one`)
  if (!candidate.names().includes(metric)) return unavailable(`${metric} is not a ${candidate.task} metric`)
  if (describeMetric(metric)?.interval === 'none')
    return unavailable(`${metric} is a count; it has no paired test`)
  if (
    candidate.bootstrap.seed !== baseline.bootstrap.seed ||
    candidate.bootstrap.replicates !== baseline.bootstrap.replicates
  ) {
    return unavailable('candidate and baseline were accumulated with different bootstrap settings')
  }
  if (!candidate.digest.equals(baseline.digest)) {
    return unavailable(
      `candidate and baseline were not scored on the same rows (${candidate.digest.rows} and ${baseline.digest.rows} rows, different row keys)`
    )
  }
  const a = candidate.estimate(metric)
  const b = baseline.estimate(metric)
  if (a.value === null || b.value === null) {
    return unavailable(
      `${metric} is undefined for the ${a.value === null ? 'candidate' : 'baseline'}: ${(a.value === null ? a : b).reason}`
    )
  }
  const left = candidate.replicates(metric)
  const right = baseline.replicates(metric)
  const differences = new Float64Array(left.length)
  let below = 0
  let above = 0
  let m = 0
  for (let i = 0; i < left.length; i++) {
    differences[i] = left[i] - right[i]
    if (Number.isNaN(differences[i])) continue
    m++
    if (differences[i] <= 0) below++
    if (differences[i] >= 0) above++
  }
  const { ci, reason } = percentileInterval(differences, confidence)
  const pValue = ci ? Math.min(1, (2 * Math.min(below + 1, above + 1)) / (m + 1)) : null
  const difference = a.value - b.value
  return reason === undefined ? { difference, ci, pValue } : { difference, ci, pValue, reason }
}
