import { DriftCollector } from '../drift/collector.js'
import { correctDrift, measureDrift, type DriftMeasurement, type DriftResult } from '../drift/detect.js'
import type { ColumnKind, DriftMethod } from '../drift/method.js'
import type { Correction, FailOn } from '../config/types.js'
import { UserInputError } from '../errors.js'
import { openTable } from '../io/open.js'
import type { ReadOptions, RowBatch, Table, TableFormat } from '../io/table.js'
import { didYouMean } from '../suggest.js'
import { ContractChecker, type CheckResult } from './check.js'
import { driftKindOf, type LoadedContract } from './load.js'
import { RecordSchemaChecker } from './record-schema.js'
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
  readonly summary: { readonly errors: number; readonly warnings: number; readonly drifted: number }
  readonly checks: CheckResult[]
  readonly drift: ColumnDrift[]
}

export interface ValidateRequest {
  readonly data: string
  readonly contract?: LoadedContract
  /** Drift is measured against this file when given. */
  readonly reference?: string
  /** Overrides every column's drift method; `auto` chooses per column. */
  readonly driftMethod?: DriftMethod | 'auto'
  /** Drift settings under the columns' own and over the contract's (from ml-gate.yml's `data[].drift`). */
  readonly drift?: DriftSettings
  /** Across the drift tests of the file's columns (`correctDrift`). Default `holm`. */
  readonly driftCorrection?: Correction
  readonly read?: ReadOptions
  /** Seed of the reservoir samples drift uses on large files. Default 42. */
  readonly seed?: number
  /** Recorded in the document as `fail_on`. Default `error`. */
  readonly failOn?: FailOn
}

/**
 * Validates a data file against a contract and, with a reference, measures drift, in one pass
 * over each file.
 *
 * Drift covers the contract's columns (all shared columns without a contract), except those with
 * `drift: false` and `unique: true` (identifiers drift by construction). A column's kind comes from
 * its contract type, else from the values on both sides.
 *
 * @throws UserInputError when the data lacks a required contract column (at the contract's line),
 *   and for any unreadable row of either file
 */
export async function validateData(request: ValidateRequest): Promise<ValidationDocument> {
  const contract = request.contract?.contract ?? null
  const seed = request.seed ?? 42
  const table = await openTable(request.data, request.read)
  if (request.contract) requireColumns(request.contract, table)

  const recordSchema = request.contract?.recordSchema
  const driftColumns =
    request.reference === undefined
      ? []
      : recordSchema
        ? recordSchema.columns.filter((c) => table.columns.includes(c))
        : driftColumnsOf(contract, table.columns)
  const collectors = new Map(driftColumns.map((c) => [c, new DriftCollector(driftKind(contract, c), seed)]))
  const checker = recordSchema
    ? new RecordSchemaChecker(recordSchema, table.columns)
    : contract
      ? new ContractChecker(contract, table.columns)
      : null
  const rows = await stream(table, (batch, firstRow) => {
    checker?.add(batch)
    for (const [column, collector] of collectors) {
      collector.add(batch.columns[table.columns.indexOf(column)], batch.size, firstRow)
    }
  })

  let drift: ColumnDrift[] = []
  if (request.reference !== undefined) {
    const reference = await openTable(request.reference, request.read)
    const shared = driftColumns.filter((c) => reference.columns.includes(c))
    const referenceCollectors = new Map(
      shared.map((c) => [c, new DriftCollector(driftKind(contract, c), seed)])
    )
    await stream(reference, (batch, firstRow) => {
      for (const [column, collector] of referenceCollectors) {
        collector.add(batch.columns[reference.columns.indexOf(column)], batch.size, firstRow)
      }
    })
    const measured = driftColumns.map((column) => {
      const ref = referenceCollectors.get(column)
      if (ref === undefined) return skipped(column, `the column is not in the reference ${request.reference}`)
      return measure(
        column,
        ref,
        collectors.get(column)!,
        settingsOf(contract, column, request.drift),
        request.driftMethod
      )
    })
    const decided = correctDrift(
      measured.flatMap((m) => ('head' in m ? [m] : [])),
      request.driftCorrection ?? 'holm'
    )
    let next = 0
    drift = measured.map((m) => ('head' in m ? { column: m.column, ...decided[next++] } : m))
  }

  const checks = checker?.results() ?? []
  const failing = (severity: string) => checks.filter((c) => !c.passed && c.severity === severity).length
  const summary = {
    errors: failing('error'),
    warnings: failing('warn'),
    drifted: drift.filter((d) => d.drifted).length
  }
  return {
    schema: 'ml-gate/validation@1',
    file: table.file,
    format: table.format,
    unit: table.unit,
    contract: request.contract?.file ?? null,
    reference: request.reference ?? null,
    passed: summary.errors === 0 && summary.drifted === 0,
    fail_on: request.failOn ?? 'error',
    rows,
    summary,
    checks,
    drift
  }
}

async function stream(table: Table, onBatch: (batch: RowBatch, firstRow: number) => void): Promise<number> {
  let rows = 0
  for await (const batch of table.batches()) {
    onBatch(batch, rows)
    rows += batch.size
  }
  return rows
}

function requireColumns(loaded: LoadedContract, table: Table): void {
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
