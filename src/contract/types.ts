/**
 * A data contract: what every row and every column of a dataset must satisfy.
 * Written by hand or drafted by `ml-gate infer`; the YAML form is described by
 * schemas/contract.schema.json.
 */

export type ContractType = 'integer' | 'number' | 'string' | 'boolean' | 'date' | 'datetime'
export type Severity = 'error' | 'warn'
export type ExtraColumns = 'error' | 'warn' | 'ignore'

/** How many failing values a check tolerates. Without either, none. */
export interface Tolerance {
  /** Fraction of the values checked that must pass, in [0, 1] (as Great Expectations' `mostly`). */
  readonly mostly?: number
  /** Number of failing values allowed. */
  readonly max_failures?: number
}

/** A value check with its own severity and tolerance (they default to the column's). */
export interface CheckSettings extends Tolerance {
  readonly severity?: Severity
}

/** The names of checks as they appear in results (`check`). */
export type CheckName =
  | 'type'
  | 'min'
  | 'max'
  | 'in'
  | 'pattern'
  | 'min_length'
  | 'max_length'
  | 'nullable'
  | 'max_missing'
  | 'unique'
  | 'rows'
  | 'extra_columns'
  /** A JSON Schema contract's keyword with no contract equivalent (e.g. `multipleOf`). */
  | 'schema'

export interface ColumnContract extends CheckSettings {
  readonly type?: ContractType
  /** Inclusive bounds. Numbers for numeric columns; ISO dates/date-times for date columns. */
  readonly min?: number | string
  readonly max?: number | string
  /** The allowed values. */
  readonly in?: readonly (string | number | boolean)[]
  /** A regular expression (JavaScript syntax, unanchored unless written with ^ and $). */
  readonly pattern?: string
  readonly min_length?: number
  readonly max_length?: number
  /** `false` forbids missing values. Default true. */
  readonly nullable?: boolean
  /** The missing share allowed: a fraction when below 1, a count from 1 up. */
  readonly max_missing?: number
  /** Forbids duplicate values (missing values are not compared). */
  readonly unique?: boolean
  /** `false` lets the column be absent from the data. Default true. */
  readonly required?: boolean
  /** Per-check overrides of severity and tolerance, e.g. `{ min: { severity: warn, mostly: 0.99 } }`. */
  readonly checks?: Readonly<Partial<Record<CheckName, CheckSettings>>>
  /** Drift settings for this column, or `false` to skip drift for it. */
  readonly drift?: DriftSettings | false
}

export interface DriftSettings {
  readonly method?: string
  readonly threshold?: number
}

export interface Contract {
  readonly columns: Readonly<Record<string, ColumnContract>>
  readonly rows?: { readonly min?: number; readonly max?: number }
  /** What to do with columns the contract does not name. Default `error`. */
  readonly extra_columns?: ExtraColumns
  /** Drift settings for every column that does not set its own. */
  readonly drift?: DriftSettings
}
