/**
 * The validate step: data files against a contract, and drift against a reference. Shared by
 * `ml-gate validate`, the validate-data action and `ml-gate run`. The checks themselves are pure
 * (src/contract/validate.ts); this step opens the files and streams them through.
 */
import { basename, extname, join } from 'node:path'
import type { Correction, FailOn } from '../config/types.js'
import { loadContract, type LoadedContract } from '../contract/load.js'
import type { DriftSettings } from '../contract/types.js'
import {
  DataValidation,
  failsUnder,
  type ColumnSampleState,
  type DriftRequest,
  type InputFile,
  type ReferenceSample,
  type ValidationDocument,
  type ValidationPieceChecks
} from '../contract/validate.js'
import type { DriftMethod } from '../drift/method.js'
import { ExitCode, UserInputError } from '../errors.js'
import { inputFiles } from '../io/glob.js'
import { openTable } from '../io/open.js'
import { wholeFilePart } from '../io/partition.js'
import type { FilePart, ReadOptions, RowBatch, Table } from '../io/table.js'
import { writeDocument } from './write-document.js'

export interface ValidateFileRequest {
  /** A file, or with `globs` a glob of files validated as one table. */
  readonly data: string
  /**
   * Whether `data` and `reference` may be globs (`ml-gate validate`). Default: each names one file,
   * as the validate-data action's matched files do, whatever characters its name has.
   */
  readonly globs?: boolean
  readonly contract?: LoadedContract
  /** Drift is measured against this file (or glob of files) when given. */
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
 * Validates the data (a file, or a glob of files validated as one table in sorted order) against a
 * contract and, with a reference (a file or a glob), measures drift, in one pass over each file (see
 * `DataValidation`). Several files are validated one at a time, each with its rows keyed by its
 * position in the list (`wholeFilePart`), and merged in order: `unique` holds across them, and the
 * shards of the list (`validateShardStep`) merge into the same document.
 *
 * @throws UserInputError when the data lacks a required contract column (at the contract's line),
 *   for a file without the first file's columns, and for any unreadable row of either input
 */
export async function validateFile(request: ValidateFileRequest): Promise<ValidationDocument> {
  const files = await filesOf(request.data, request.globs)
  const measuresDrift = request.reference !== undefined
  let validation: DataValidation
  let input: { readonly file: string; readonly files: readonly InputFile[] } | undefined
  if (files.length === 1) {
    const table = await openTable(files[0], request.read)
    validation = new DataValidation(request.contract, table, measuresDrift, request.seed)
    await stream(table, 0, (batch, firstRow) => validation.add(batch, firstRow))
  } else {
    const first = await headerOf(files[0], request.read)
    validation = new DataValidation(request.contract, first, measuresDrift, request.seed, true)
    const rows: InputFile[] = []
    for (const [index, file] of files.entries()) {
      const piece = await validatePiece(file, wholeFilePart(index, files.length), first, request)
      validation.merge(piece, file)
      rows.push({ file, rows: piece.rows })
    }
    input = { file: request.data, files: rows }
  }
  let reference = null
  if (request.reference !== undefined) {
    const referenceFiles = await filesOf(request.reference, request.globs)
    const first = await headerOf(referenceFiles[0], request.read)
    const sample = validation.reference(first.columns)
    for (const [index, file] of referenceFiles.entries()) {
      const part = wholeFilePart(index, referenceFiles.length)
      if (index === 0) await referencePiece(file, part, first, request.read, sample)
      else {
        const piece = validation.reference(first.columns)
        sample.merge((await referencePiece(file, part, first, request.read, piece)).drift)
      }
    }
    reference = { file: request.reference, sample }
  }
  return validation.document(reference, driftRequest(request), request.failOn, input)
}

/** The files `input` names: with `globs` the files of a glob (sorted), else the file itself. */
async function filesOf(input: string, globs: boolean | undefined): Promise<readonly string[]> {
  return globs === true ? inputFiles(input) : [input]
}

/** The settings of a request that drift is measured with. */
function driftRequest(request: Omit<ValidateFileRequest, 'data'>): DriftRequest {
  return { method: request.driftMethod, settings: request.drift, correction: request.driftCorrection }
}

/** What the header of a table says: the first file's, which every other file must repeat. */
export type TableHeader = Pick<Table, 'file' | 'format' | 'unit' | 'columns'>

/** The header of `file` (only its first record is read). */
export async function headerOf(file: string, read: ReadOptions | undefined): Promise<TableHeader> {
  const table = await openTable(file, read)
  await table.close()
  return { file: table.file, format: table.format, unit: table.unit, columns: table.columns }
}

/** @throws UserInputError naming the file, unless its columns are the first file's */
function sameColumns(table: Table, first: TableHeader): void {
  const same =
    table.columns.length === first.columns.length && table.columns.every((c, i) => c === first.columns[i])
  if (same) return
  throw new UserInputError(
    `its columns are ${table.columns.join(', ')}: expected the columns of ${first.file}, ` +
      `the first file of the input: ${first.columns.join(', ')}`,
    { file: table.file }
  )
}

/**
 * One piece of the data (a whole file of a list, or a byte range of one file): its checks and drift
 * samples, each row keyed `part.rowBase` + its row in the piece.
 */
export async function validatePiece(
  file: string,
  part: FilePart,
  first: TableHeader,
  request: Omit<ValidateFileRequest, 'data'>
): Promise<ValidationPieceChecks> {
  const table = await openTable(file, { ...request.read, part })
  sameColumns(table, first)
  const piece = new DataValidation(
    request.contract,
    table,
    request.reference !== undefined,
    request.seed,
    true
  )
  await stream(table, part.rowBase, (batch, firstRow) => piece.add(batch, firstRow))
  return piece.state()
}

/** One piece of the reference, into `sample` (made by `DataValidation.reference`); its state. */
export async function referencePiece(
  file: string,
  part: FilePart,
  first: TableHeader,
  read: ReadOptions | undefined,
  sample: ReferenceSample
): Promise<{ readonly rows: number; readonly drift: readonly ColumnSampleState[] }> {
  const table = await openTable(file, { ...read, part })
  sameColumns(table, first)
  const rows = await stream(table, part.rowBase, (batch, firstRow) => sample.add(batch, firstRow))
  return { rows, drift: sample.state() }
}

/** Streams the table's batches, the first row keyed `rowBase`; the rows read. */
async function stream(
  table: Table,
  rowBase: number,
  onBatch: (batch: RowBatch, firstRow: number) => void
): Promise<number> {
  let rows = 0
  for await (const batch of table.batches()) {
    onBatch(batch, rowBase + rows)
    rows += batch.size
  }
  return rows
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
