/** The `ml-gate/monitor@1` document (schemas/monitor.schema.json describes every field). */
import type { Correction } from '../config/types.js'
import type { DriftMethod } from '../drift/method.js'

/** `alert`: judged and off; `ok`: judged and fine; `insufficient`: not judged (too few rows, labels not arrived). */
export type CheckStatus = 'alert' | 'ok' | 'insufficient'

export interface MonitorDocument {
  readonly schema: 'ml-gate/monitor@1'
  readonly tool: { readonly name: 'ml-gate'; readonly version: string }
  readonly config: string
  readonly logs: readonly string[]
  readonly rows: number
  readonly time_column: string
  /** `{ duration: '1d' }` or `{ rows: 1000 }`. */
  readonly window: { readonly duration: string } | { readonly rows: number }
  readonly reference: {
    /** The file, or `null` for a period of the logs. */
    readonly file: string | null
    /** ISO 8601 `[from, to)`, `null` for a file or the first rows. */
    readonly from: string | null
    readonly to: string | null
    readonly rows: number
    readonly labelled: number
  }
  readonly confidence: number
  readonly min_support: number
  readonly correction: Correction
  /** `alert` when the newest window alerts, `insufficient` when it could not be judged at all. */
  readonly status: CheckStatus
  readonly headline: string
  /** Indices of the windows that alert, oldest first. */
  readonly alerting: readonly number[]
  readonly windows: readonly WindowResult[]
}

export interface WindowResult {
  readonly index: number
  readonly start: string
  readonly end: string
  readonly rows: number
  /** Rows whose label has arrived. */
  readonly labelled: number
  readonly status: CheckStatus
  /** One line per alert of this window. */
  readonly alerts: readonly string[]
  readonly drift: readonly DriftCheck[]
  readonly rates: readonly RateCheck[]
  readonly performance: readonly PerformanceCheck[]
}

export interface DriftCheck {
  readonly column: string
  readonly method: DriftMethod
  readonly statistic: number | null
  readonly p_value: number | null
  readonly adjusted_p_value: number | null
  readonly threshold: number
  readonly status: CheckStatus
  readonly reason: string
}

export type RateQuantity = 'positive_rate' | 'mean_score'

export interface RateCheck {
  readonly segment: string
  readonly quantity: RateQuantity
  readonly rows: number
  readonly reference_rows: number
  /** The window's mean; `null` when insufficient. */
  readonly value: number | null
  readonly reference: number | null
  /** value − reference. */
  readonly difference: number | null
  /** Interval of the difference at `level`. */
  readonly ci: readonly [number, number] | null
  /** The interval's confidence level after the correction. */
  readonly level: number | null
  readonly p_value: number | null
  readonly adjusted_p_value: number | null
  readonly status: CheckStatus
  readonly reason: string
}

export interface PerformanceCheck {
  readonly segment: string
  readonly metric: string
  readonly rule: 'min' | 'max' | 'max_drop'
  readonly threshold: number
  readonly value: number | null
  readonly ci: readonly [number, number] | null
  /** The metric's support in the window (its own denominator's rows). */
  readonly support: number
  /** The reference's value (for `max_drop`), else `null`. */
  readonly reference: number | null
  readonly status: CheckStatus
  readonly reason: string
}
