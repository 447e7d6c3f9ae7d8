/**
 * The positive rate and the mean score of each window and segment against the reference's: the
 * difference with an Agresti–Caffo (rate) or Welch (score) interval, all windows × segments × the two quantities one family
 * corrected by `correction` (`correctFamily`, as gates correct segments), so that an alert is a
 * significant deviation and the chance of any false alert stays at 1 − confidence (Holm).
 */
import type { Correction } from '../config/types.js'
import { CORRECTION_NAMES } from '../drift/multiple-testing.js'
import { correctFamily } from '../gates/family.js'
import { showInterval, showLevel, showNumber, showSigned } from '../gates/wording.js'
import { criticalValue } from '../metrics/intervals.js'
import type { RateCheck, RateQuantity } from './document.js'
import {
  meanDifference,
  momentsOf,
  rateDifference,
  type Difference,
  type Moments
} from './mean-difference.js'
import type { SegmentRows } from './segments.js'

export interface RateInput {
  readonly predicted: readonly number[]
  readonly score: readonly number[]
  readonly referencePredicted: readonly number[]
  readonly referenceScore: readonly number[]
  readonly reference: SegmentRows
  /** Per window. */
  readonly windows: readonly SegmentRows[]
  readonly minSupport: number
  readonly confidence: number
  readonly correction: Correction
}

const QUANTITIES: readonly RateQuantity[] = ['positive_rate', 'mean_score']

interface Pending {
  readonly window: number
  readonly segment: string
  readonly quantity: RateQuantity
  readonly current: Moments
  readonly base: Moments
  readonly test: Difference | null
}

/** `checks[w]`: the rate checks of window w, by segment then quantity. */
export function rateChecks(input: RateInput): RateCheck[][] {
  const values: Record<RateQuantity, readonly number[]> = {
    positive_rate: input.predicted,
    mean_score: input.score
  }
  const referenceValues: Record<RateQuantity, readonly number[]> = {
    positive_rate: input.referencePredicted,
    mean_score: input.referenceScore
  }
  // The reference's moments do not depend on the window: computed once per (segment, quantity).
  const referenceCache = new Map<string, Moments>()
  const referenceOf = (segment: string, quantity: RateQuantity): Moments => {
    const key = `${quantity}\u0000${segment}`
    let m = referenceCache.get(key)
    if (m === undefined)
      referenceCache.set(key, (m = momentsOf(referenceValues[quantity], input.reference.get(segment) ?? [])))
    return m
  }
  const pending: Pending[] = []
  input.windows.forEach((segments, window) => {
    for (const [segment, rows] of segments) {
      for (const quantity of QUANTITIES) {
        const current = momentsOf(values[quantity], rows)
        const base = referenceOf(segment, quantity)
        const judged = current.n >= input.minSupport && base.n >= input.minSupport
        pending.push({
          window,
          segment,
          quantity,
          current,
          base,
          test: judged
            ? (quantity === 'positive_rate' ? rateDifference : meanDifference)(current, base)
            : null
        })
      }
    }
  })
  const tested = pending.filter((p): p is Pending & { readonly test: Difference } => p.test !== null)
  const family = correctFamily(
    tested.map((p) => p.test.p),
    input.correction,
    input.confidence
  )
  // Exactly the tested checks have an entry, so it alone tells judged from insufficient.
  const adjusted = new Map<Pending, { test: Difference; p: number; level: number }>(
    tested.map((p, k) => [p, { test: p.test, p: family.adjusted[k], level: family.confidence[k] }])
  )
  const alpha = 1 - input.confidence
  const over = `${CORRECTION_NAMES[input.correction]} over ${tested.length} tests`
  const checks: RateCheck[][] = input.windows.map(() => [])
  for (const p of pending) {
    const a = adjusted.get(p)
    checks[p.window].push(
      a === undefined ? insufficient(p, input.minSupport) : judged(p, a.test, a, alpha, over)
    )
  }
  return checks
}

function judged(
  p: Pending,
  test: Difference,
  a: { p: number; level: number },
  alpha: number,
  over: string
): RateCheck {
  const z = criticalValue(a.level)
  const ci: [number, number] = [test.difference - z * test.se, test.difference + z * test.se]
  const difference = p.current.mean - p.base.mean
  const alert = a.p <= alpha
  const what = p.quantity === 'positive_rate' ? 'positive rate' : 'mean score'
  return {
    segment: p.segment,
    quantity: p.quantity,
    rows: p.current.n,
    reference_rows: p.base.n,
    value: p.current.mean,
    reference: p.base.mean,
    difference,
    ci,
    level: a.level,
    p_value: test.p,
    adjusted_p_value: a.p,
    status: alert ? 'alert' : 'ok',
    reason:
      `${what} ${showNumber(p.base.mean)} → ${showNumber(p.current.mean)} (${showSigned(difference)}, ` +
      `${showLevel(a.level)} interval ${showInterval(ci)}; p = ${showNumber(test.p)}, adjusted p = ${showNumber(a.p)} ` +
      `(${over}) ${alert ? '≤' : '>'} ${showNumber(alpha)}): ${alert ? 'significant deviation' : 'no significant deviation'}`
  }
}

function insufficient(p: Pending, minSupport: number): RateCheck {
  const n = p.base.n
  const why =
    p.current.n < minSupport
      ? `${p.current.n} rows in the window < min_support ${minSupport}`
      : `${n} rows in the reference < min_support ${minSupport}`
  return {
    segment: p.segment,
    quantity: p.quantity,
    rows: p.current.n,
    reference_rows: n,
    value: p.current.n === 0 ? null : p.current.mean,
    reference: n === 0 ? null : p.base.mean,
    difference: null,
    ci: null,
    level: null,
    p_value: null,
    adjusted_p_value: null,
    status: 'insufficient',
    reason: `insufficient data: ${why}`
  }
}
