/**
 * The validate step: data files against a contract, and drift against a reference. Shared by
 * `ml-gate validate`, the validate-data action and `ml-gate run`. The checks themselves are pure
 * (src/contract/validate.ts); this step opens the files and streams them through.
 */
import { basename, extname, join } from 'node:path'
import type { Correction, FailOn } from '../config/types.js'
import { loadContract, type LoadedContract } from '../contract/load.js'
import type { DriftSettings } from '../contract/types.js'
import { DataValidation, failsUnder, type ValidationDocument } from '../contract/validate.js'
import type { DriftMethod } from '../drift/method.js'
import { ExitCode } from '../errors.js'
import { openTable } from '../io/open.js'
import type { ReadOptions, RowBatch, Table } from '../io/table.js'
import { writeDocument } from './write-document.js'

export interface ValidateFileRequest {
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
 * Validates one data file against a contract and, with a reference, measures drift, in one pass
 * over each file (see `DataValidation`).
 *
 * @throws UserInputError when the data lacks a required contract column (at the contract's line),
 *   and for any unreadable row of either file
 */
export async function validateFile(request: ValidateFileRequest): Promise<ValidationDocument> {
  const table = await openTable(request.data, request.read)
  const validation = new DataValidation(
    request.contract,
    table,
    request.reference !== undefined,
    request.seed
  )
  await stream(table, (batch, firstRow) => validation.add(batch, firstRow))
  let reference = null
  if (request.reference !== undefined) {
    const referenceTable = await openTable(request.reference, request.read)
    const sample = validation.reference(referenceTable.columns)
    await stream(referenceTable, (batch, firstRow) => sample.add(batch, firstRow))
    reference = { file: request.reference, sample }
  }
  return validation.document(
    reference,
    { method: request.driftMethod, settings: request.drift, correction: request.driftCorrection },
    request.failOn
  )
}

async function stream(table: Table, onBatch: (batch: RowBatch, firstRow: number) => void): Promise<void> {
  let rows = 0
  for await (const batch of table.batches()) {
    onBatch(batch, rows)
    rows += batch.size
  }
}

/** Where validation documents go: a folder, and the file names already used in it. */
export interface ValidationFolder {
  readonly dir: string
  /** Names taken by earlier files (of this step or an earlier one of the same run). */
  readonly taken: Set<string>
}

export interface ValidateStepRequest extends Omit<ValidateFileRequest, 'data' | 'contract'> {
  /** Each validated on its own, in this order. */
  readonly files: readonly string[]
  /** The data contract's path; read once, when the first file starts. */
  readonly contract?: string
  /** Writes each document to `validationPath(folder.dir, file, folder.taken)`; none: not written. */
  readonly results?: ValidationFolder
  /** Told as each file starts (progress). */
  readonly onStart?: (file: string) => void
  /** Told as each file's document is ready (and written, with `results`). */
  readonly onDone?: (file: string, document: ValidationDocument) => void
}

export interface ValidateStepResult {
  readonly documents: readonly ValidationDocument[]
  /** Where each document was written, in the same order; empty without `results`. */
  readonly paths: readonly string[]
  /** The worst exit code of the documents under `failOn` (`validationExitCode`). */
  readonly code: ExitCode
}

/**
 * Validates every file of `request.files` (see `validateFile`) and writes each document.
 * @throws UserInputError for a bad contract (at its line) or any unreadable file
 */
export async function validateStep(request: ValidateStepRequest): Promise<ValidateStepResult> {
  const { files, contract: contractFile, results, onStart, onDone, ...settings } = request
  let contract: LoadedContract | undefined
  const documents: ValidationDocument[] = []
  const paths: string[] = []
  for (const file of files) {
    onStart?.(file)
    if (contractFile !== undefined) contract ??= await loadContract(contractFile)
    const document = await validateFile({ ...settings, data: file, contract })
    if (results !== undefined) {
      const path = validationPath(results.dir, file, results.taken)
      await writeDocument(path, document)
      paths.push(path)
    }
    documents.push(document)
    onDone?.(file, document)
  }
  const code = documents.reduce<ExitCode>(
    (worst, d) => Math.max(worst, validationExitCode(d, request.failOn ?? 'error')) as ExitCode,
    ExitCode.Pass
  )
  return { documents, paths, code }
}

/** Exit code for a validation result under a fail-on policy. */
export function validationExitCode(document: ValidationDocument, failOn: FailOn): ExitCode {
  return failsUnder(document, failOn) ? ExitCode.GateFailed : ExitCode.Pass
}

/**
 * Where the validation document of a data file goes: `<output>/validation-<stem>.json`, with
 * `-2`, `-3`… for files of the same name in other folders. `taken` collects the names used.
 */
export function validationPath(output: string, file: string, taken: Set<string>): string {
  const stem = `validation-${basename(file, extname(file))}`
  let name = `${stem}.json`
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}.json`
  taken.add(name)
  return join(output, name)
}
