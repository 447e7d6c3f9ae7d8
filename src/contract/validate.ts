import { DriftCollector, type DriftCollectorState } from '../drift/collector.js'
import { correctDrift, measureDrift, type DriftMeasurement, type DriftResult } from '../drift/detect.js'
import type { ColumnKind, DriftMethod } from '../drift/method.js'
import type { Correction, FailOn } from '../config/types.js'
import { UserInputError } from '../errors.js'
import type { RowBatch, Table, TableFormat } from '../io/table.js'
import { didYouMean } from '../suggest.js'
import { ContractChecker, type CheckResult, type ContractCheckState } from './check.js'
import { driftKindOf, type LoadedContract } from './load.js'
import { RecordSchemaChecker, type RecordSchemaCheckState } from './record-schema.js'
import type { Contract, DriftSettings } from './types.js'

/** Drift of one column, as reported. `method` is null when no method could apply. */
export interface ColumnDrift extends Omit<DriftResult, 'method' | 'threshold'> {
  readonly column: string
  readonly method: DriftMethod | null
  readonly threshold: number | null
}

/** The `ml-gate/validation@1` document (schemas/validation.schema.json). */
export interface ValidationDocument {
  readonly schema: 'ml-gate/validation@1'
  readonly file: string
  readonly format: TableFormat
  /** What `line` in examples means: a line of the file (CSV, JSON Lines) or a row number. */
  readonly unit: 'line' | 'row'
  readonly contract: string | null
  readonly reference: string | null
  /** No error-severity check failed and no column drifted. */
  readonly passed: boolean
  /**
   * The policy the step that validated judged it under, so that the report fails exactly when that
   * step did (`failsUnder`). Absent in documents of earlier versions: `error`.
   */
  readonly fail_on?: FailOn
  readonly rows: number
  /** The files of an input of several, in the order validated, with their rows. */
  readonly files?: readonly InputFile[]
  readonly summary: { readonly errors: number; readonly warnings: number; readonly drifted: number }
  readonly checks: CheckResult[]
  readonly drift: ColumnDrift[]
}

/** One file of an input of several. */
export interface InputFile {
  readonly file: string
  readonly rows: number
}

/** What a piece of the input (a file, or a byte range of one) adds to a validation. */
export interface ValidationPieceChecks {
  readonly rows: number
  readonly checks: ContractCheckState | RecordSchemaCheckState | null
  readonly drift: readonly ColumnSampleState[]
}

/** One drift column's collector. */
export interface ColumnSampleState {
  readonly column: string
  readonly collector: DriftCollectorState
}

/** How drift is measured: over the contract's settings, and which method for every column. */
export interface DriftRequest {
  /** Overrides every column's drift method; `auto` chooses per column. */
  readonly method?: DriftMethod | 'auto'
  /** Drift settings under the columns' own and over the contract's (from ml-gate.yml's `data[].drift`). */
  readonly settings?: DriftSettings
  /** Across the drift tests of the file's columns (`correctDrift`). Default `holm`. */
  readonly correction?: Correction
}

/**
 * One data file's checks and drift samples, fed batch by batch: the pure half of validation (the
 * validate step opens the files and streams them through it).
 *
 * Drift covers the contract's columns (all shared columns without a contract), except those with
 * `drift: false` and `unique: true` (identifiers drift by construction). A column's kind comes from
 * its contract type, else from the values on both sides.
 */
export class DataValidation {
  private readonly contract: Contract | null
  private readonly checker: ContractChecker | RecordSchemaChecker | null
  private readonly collectors: Map<string, DriftCollector>
  private rows = 0

  /**
   * @param measuresDrift whether a reference will be given (`reference`), so drift samples are kept
   * @throws UserInputError when the data lacks a required contract column (at the contract's line)
   */
  constructor(
    private readonly loaded: LoadedContract | undefined,
    private readonly table: Pick<Table, 'file' | 'format' | 'unit' | 'columns'>,
    measuresDrift: boolean,
    private readonly seed = 42,
    mergeable = false
  ) {
    this.contract = loaded?.contract ?? null
    if (loaded) requireColumns(loaded, table)
    const recordSchema = loaded?.recordSchema
    const driftColumns = !measuresDrift
      ? []
      : recordSchema
        ? recordSchema.columns.filter((c) => table.columns.includes(c))
        : driftColumnsOf(this.contract, table.columns)
    this.collectors = new Map(driftColumns.map((c) => [c, this.collector(c)]))
    this.checker = recordSchema
      ? new RecordSchemaChecker(recordSchema, table.columns)
      : this.contract
        ? new ContractChecker(this.contract, table.columns, mergeable)
        : null
  }

  /** What was added, as a piece's state (made `mergeable`). */
  state(): ValidationPieceChecks {
    return { rows: this.rows, checks: this.checker?.state() ?? null, drift: collectorStates(this.collectors) }
  }

  /**
   * Adds a later piece of the input, in input order (of `file`, named in failure examples when the
   * input has several files): the validation of both pieces read as one.
   * @throws Error for a piece of another contract or header
   */
  merge(piece: ValidationPieceChecks, file: string | undefined): void {
    const { checker } = this
    const checks = piece.checks
    if (checker instanceof ContractChecker && checks?.kind === 'contract') checker.merge(checks, file)
    else if (checker instanceof RecordSchemaChecker && checks?.kind === 'record_schema')
      checker.merge(checks, file)
    else if (checker !== null || checks !== null)
      throw new Error("invalid validation state: its checks are not the contract's")
    mergeCollectors(this.collectors, piece.drift)
    this.rows += piece.rows
  }

  /** Adds the data's next batch, whose first row is the `firstRow`th. */
  add(batch: RowBatch, firstRow: number): void {
    this.checker?.add(batch)
    for (const [column, collector] of this.collectors) {
      collector.add(batch.columns[this.table.columns.indexOf(column)], batch.size, firstRow)
    }
    this.rows += batch.size
  }

  /** Samples of the reference's columns that drift is measured on, fed with `add` as the data's. */
  reference(columns: readonly string[]): ReferenceSample {
    const collectors = new Map(
      [...this.collectors.keys()].filter((c) => columns.includes(c)).map((c) => [c, this.collector(c)])
    )
    return {
      add(batch, firstRow) {
        for (const [column, collector] of collectors) {
          collector.add(batch.columns[columns.indexOf(column)], batch.size, firstRow)
        }
      },
      state: () => collectorStates(collectors),
      merge: (drift) => mergeCollectors(collectors, drift),
      collectors
    }
  }

  /**
   * The `ml-gate/validation@1` document of what was added; with `reference` (its file and its
   * sample), drift of every drift column.
   * @throws UserInputError for a drift method that does not fit the kind the data showed
   */
  document(
    reference: { readonly file: string; readonly sample: ReferenceSample } | null,
    drift: DriftRequest = {},
    failOn: FailOn = 'error',
    input?: { readonly file: string; readonly files: readonly InputFile[] }
  ): ValidationDocument {
    const measurements =
      reference === null
        ? []
        : [...this.collectors].map(([column, current]) => {
            const ref = reference.sample.collectors.get(column)
            if (ref === undefined)
              return skipped(column, `the column is not in the reference ${reference.file}`)
            return measure(
              column,
              ref,
              current,
              settingsOf(this.contract, column, drift.settings),
              drift.method
            )
          })
    const decided = correctDrift(
      measurements.flatMap((m) => ('head' in m ? [m] : [])),
      drift.correction ?? 'holm'
    )
    let next = 0
    const measured = measurements.map((m) => ('head' in m ? { column: m.column, ...decided[next++] } : m))
    const checks = this.checker?.results() ?? []
    const failing = (severity: string) => checks.filter((c) => !c.passed && c.severity === severity).length
    const summary = {
      errors: failing('error'),
      warnings: failing('warn'),
      drifted: measured.filter((d) => d.drifted).length
    }
    return {
      schema: 'ml-gate/validation@1',
      file: input?.file ?? this.table.file,
      format: this.table.format,
      unit: this.table.unit,
      contract: this.loaded?.file ?? null,
      reference: reference?.file ?? null,
      passed: summary.errors === 0 && summary.drifted === 0,
      fail_on: failOn,
      rows: this.rows,
      ...(input === undefined ? {} : { files: input.files }),
      summary,
      checks,
      drift: measured
    }
  }

  private collector(column: string): DriftCollector {
    return new DriftCollector(driftKind(this.contract, column), this.seed)
  }
}

/** A reference file's drift samples (see `DataValidation.reference`). */
export interface ReferenceSample {
  add(batch: RowBatch, firstRow: number): void
  /** The samples as a piece's state. */
  state(): readonly ColumnSampleState[]
  /** Adds a later piece of the reference, in input order. */
  merge(drift: readonly ColumnSampleState[]): void
  readonly collectors: ReadonlyMap<string, DriftCollector>
}

function collectorStates(collectors: ReadonlyMap<string, DriftCollector>): ColumnSampleState[] {
  return [...collectors].map(([column, collector]) => ({ column, collector: collector.state() }))
}

/** @throws Error for a piece of other drift columns */
function mergeCollectors(
  collectors: ReadonlyMap<string, DriftCollector>,
  drift: readonly ColumnSampleState[]
): void {
  if (drift.length !== collectors.size)
    throw new Error("invalid validation state: its drift columns are not the contract's")
  for (const { column, collector } of drift) {
    const mine = collectors.get(column)
    if (mine === undefined) throw new Error(`invalid validation state: '${column}' is not a drift column`)
    mine.merge(collector)
  }
}

function requireColumns(loaded: LoadedContract, table: Pick<Table, 'file' | 'columns'>): void {
  for (const [name, rules] of Object.entries(loaded.contract.columns)) {
    if (rules.required === false || table.columns.includes(name)) continue
    throw new UserInputError(
      `column '${name}' is not in ${table.file}${didYouMean(name, table.columns)}; its columns are ` +
        `${table.columns.join(', ')}. Fix the name, or add \`required: false\` if the column may be absent`,
      loaded.locate(['columns', name], 'key')
    )
  }
}

function driftColumnsOf(contract: Contract | null, header: readonly string[]): string[] {
  if (contract === null) return [...header]
  return Object.entries(contract.columns)
    .filter(([name, rules]) => header.includes(name) && rules.drift !== false && rules.unique !== true)
    .map(([name]) => name)
}

function driftKind(contract: Contract | null, column: string): ColumnKind | undefined {
  return driftKindOf(contract?.columns[column]?.type)
}

function settingsOf(
  contract: Contract | null,
  column: string,
  request: DriftSettings | undefined
): DriftSettings {
  const own = contract?.columns[column]?.drift
  return { ...contract?.drift, ...request, ...(own === false ? {} : own) }
}

/**
 * Whether a validation fails under a policy (default: the one recorded in it): `error` when it did
 * not pass (an error check failed or a column drifted), `warn` also when a warning check failed,
 * `never` never.
 */
export function failsUnder(
  document: ValidationDocument,
  failOn: FailOn = document.fail_on ?? 'error'
): boolean {
  if (failOn === 'never') return false
  return !document.passed || (failOn === 'warn' && document.summary.warnings > 0)
}

function measure(
  column: string,
  reference: DriftCollector,
  current: DriftCollector,
  settings: DriftSettings,
  override: DriftMethod | 'auto' | undefined
): ColumnDrift | (DriftMeasurement & { readonly column: string }) {
  const refKind = reference.observedKind()
  const curKind = current.observedKind()
  if (refKind === undefined || curKind === undefined) {
    return skipped(
      column,
      `the ${refKind === undefined ? 'reference' : 'current'} column mixes numbers and text`
    )
  }
  if (refKind !== curKind) {
    return skipped(column, `the reference column is ${refKind} but the current one is ${curKind}`)
  }
  const method = override ?? settings.method
  try {
    const measurement = measureDrift(reference.sample(refKind), current.sample(curKind), {
      method: method === 'auto' || method === undefined ? undefined : (method as DriftMethod),
      threshold: settings.threshold
    })
    return { column, ...measurement }
  } catch (error) {
    // The contract loader checks methods against declared types; this is a method that does not
    // fit the kind the data showed (no type declared), which the user can fix the same way.
    if (error instanceof RangeError)
      throw new UserInputError(`drift of '${column}': ${error.message.replace(/^\w+: /, '')}`)
    throw error
  }
}

function skipped(column: string, reason: string): ColumnDrift {
  return {
    column,
    method: null,
    statistic: null,
    p_value: null,
    adjusted_p_value: null,
    correction: null,
    threshold: null,
    drifted: null,
    reason
  }
}
