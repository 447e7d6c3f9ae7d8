/**
 * Validation in pieces: what `ml-gate validate --shard K/N` writes (`ml-gate/validation-state@1`,
 * schemas/validation-state.schema.json) and what the merge checks before joining the pieces.
 *
 * Merged in input order (file index, then byte offset), every count, every example and its line,
 * `unique` across pieces, the drift reservoirs (bottom-k by row key) and the category counts (under
 * their cap of 10,000 categories) are a single run's, so the drift statistics and p-values are too,
 * bit for bit. Past the category cap, which categories are exact depends on the pieces, as it
 * depends on arrival order in a single run: not the single run's.
 */
import type { Correction, FailOn } from '../config/types.js'
import type { DriftMethod } from '../drift/method.js'
import type { PieceRange, ShardStated } from '../io/partition.js'
import type { ReadOptions, TableFormat } from '../io/table.js'
import type { DriftSettings } from './types.js'
import type { ColumnSampleState, ValidationPieceChecks } from './validate.js'

export const VALIDATION_STATE_SCHEMA = 'ml-gate/validation-state@1'

/** Everything that changes the document besides the rows: the shards of one merge share it. */
export interface ValidationSettingsState {
  readonly contract: string | null
  /** Hex sha256 of the contract file's bytes. */
  readonly contract_sha256: string | null
  readonly drift_method: DriftMethod | 'auto' | null
  readonly drift: DriftSettings | null
  readonly correction: Correction
  readonly seed: number
  readonly fail_on: FailOn
  /** The read options that change the rows (not the batch size). */
  readonly read: {
    readonly format: TableFormat | null
    readonly delimiter: string | null
    readonly missing: readonly string[] | null
  }
}

export interface ValidationStateDocument {
  readonly schema: typeof VALIDATION_STATE_SCHEMA
  /** The data file or glob as given to every shard. */
  readonly input: string
  /** The reference file or glob, or null without one. */
  readonly reference: string | null
  readonly shard: ShardStated
  readonly settings: ValidationSettingsState
  /** Of the data's first file (read by every shard for its header). */
  readonly format: TableFormat
  readonly unit: 'line' | 'row'
  readonly columns: readonly string[]
  readonly pieces: readonly ValidationPieceState[]
  readonly reference_pieces: readonly ReferencePieceState[]
}

/** A file, or a byte range of one, that a shard read. */
export interface PieceOf {
  readonly file: string
  /** Its position in the sorted list of the input's files. */
  readonly file_index: number
  /** The byte range read, or null for the whole file. */
  readonly range: PieceRange | null
  readonly rows: number
}

export interface ValidationPieceState extends PieceOf, ValidationPieceChecks {}

export interface ReferencePieceState extends PieceOf {
  readonly drift: readonly ColumnSampleState[]
}

/** The read options as the state records them. */
export function readSettings(read: ReadOptions): ValidationSettingsState['read'] {
  return { format: read.format ?? null, delimiter: read.delimiter ?? null, missing: read.missing ?? null }
}
