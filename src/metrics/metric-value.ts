import type { IntervalUsed } from './catalog.js'

/**
 * One reported metric: its value, its confidence interval and, when either is missing or follows a
 * convention, the reason in words. Never NaN: an undefined value is `null` plus a reason.
 */
export interface MetricValue {
  /** The point estimate; `null` when the metric is undefined for these rows. */
  readonly value: number | null
  /** Lower and upper bound at the requested confidence; `null` when no interval can be given. */
  readonly ci: readonly [number, number] | null
  /** How `ci` was computed, present when `ci` is (see `INTERVAL_METHODS` for the words). */
  readonly method?: IntervalUsed
  /**
   * Why `value` or `ci` is `null`, or which convention produced the value (e.g. zero_division=0),
   * e.g. `only one class present in y_true; ROC AUC is not defined`.
   */
  readonly reason?: string
}

/** A point estimate before its interval is attached. */
export interface Estimate {
  readonly value: number | null
  readonly reason?: string
}

export function defined(value: number, reason?: string): Estimate {
  return reason === undefined ? { value } : { value, reason }
}

export function undefinedBecause(reason: string): Estimate {
  return { value: null, reason }
}

/** Joins an estimate and its interval; `ciReason` explains a missing interval or how it was made. */
export function withInterval(
  estimate: Estimate,
  ci: readonly [number, number] | null,
  ciReason?: string,
  method?: IntervalUsed
): MetricValue {
  const value = estimate.value
  const shown = value === null ? null : ci
  const reasons = [estimate.reason, value === null ? undefined : ciReason].filter(
    (text): text is string => text !== undefined
  )
  return {
    value,
    ci: shown,
    ...(shown !== null && method !== undefined ? { method } : {}),
    ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {})
  }
}
