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
  /**
   * `false` when `value` is a convention, not a value: the formula divides by zero and `value` is
   * scikit-learn's (zero_division=0, MCC's 0), kept for reports. A gate does not judge it. Absent
   * when the value is defined.
   */
  readonly defined?: false
  /**
   * The metric's evidence: the rows of positive weight in its own denominator (the catalog's
   * `support`), unweighted. Always set by `finalize`; absent in documents of earlier versions.
   */
  readonly support?: number
}

/** A point estimate before its interval is attached. */
export interface Estimate {
  readonly value: number | null
  readonly reason?: string
  /** `false`: `value` is a zero-division convention (see `MetricValue.defined`). */
  readonly defined?: false
}

export function defined(value: number, reason?: string): Estimate {
  return reason === undefined ? { value } : { value, reason }
}

/** A value the formula leaves undefined (a zero denominator), by scikit-learn's convention. */
export function conventional(value: number, reason: string): Estimate {
  return { value, reason, defined: false }
}

export function undefinedBecause(reason: string): Estimate {
  return { value: null, reason }
}

/**
 * Joins an estimate, its interval and its support; `ciReason` explains a missing interval or how
 * it was made.
 */
export function withInterval(
  estimate: Estimate,
  support: number,
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
    ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
    ...(estimate.defined === false ? { defined: false } : {}),
    support
  }
}
