/**
 * The shape every tabular reader produces: a header and a stream of row batches.
 *
 * Rows come in columnar batches so a consumer loops over plain arrays instead of allocating one
 * object per row. Each value is typed once, by the reader, and keeps its kind so that later code
 * can tell `1` (integer) from `1.0` (number) without looking at text again.
 */

/** A typed cell. `null` is a missing value. Integers and numbers are both JS numbers. */
export type Value = number | string | boolean | null

/** The kind of each cell, stored in a `Uint8Array` alongside the values. */
export const Kind = {
  Missing: 0,
  Integer: 1,
  Number: 2,
  Boolean: 3,
  String: 4
} as const
export type Kind = (typeof Kind)[keyof typeof Kind]

/** One column of a batch: `values[i]` and `kinds[i]` describe row `i`. */
export interface ColumnChunk {
  readonly values: Value[]
  readonly kinds: Uint8Array
}

export interface RowBatch {
  /** Number of rows in the batch. */
  readonly size: number
  /**
   * Where each row comes from. CSV and JSON Lines: the physical line on which the record starts
   * (the header is line 1, so the first data row of a CSV is line 2). JSON arrays and Parquet:
   * the 1-based row number.
   */
  readonly lines: Float64Array
  /** One chunk per header column, in header order. */
  readonly columns: ColumnChunk[]
}

export type TableFormat = 'csv' | 'jsonl' | 'json' | 'parquet'

/** What a row's location means, so messages can say "line 12" or "row 12". */
export type LocationUnit = 'line' | 'row'

/** An open table: its header is known, its rows are streamed once. */
export interface Table {
  /** The path as the user gave it; used in every message. */
  readonly file: string
  readonly format: TableFormat
  readonly gzip: boolean
  readonly unit: LocationUnit
  /** Column names in file order. */
  readonly columns: readonly string[]
  /** Streams the rows. A table can be iterated once. */
  batches(): AsyncIterable<RowBatch>
  /** Releases the file without reading the rows (iterating to the end releases it too). */
  close(): Promise<void>
}

export interface ReadOptions {
  /** Overrides detection from the file extension. */
  readonly format?: TableFormat
  /** CSV only: one of `,` `;` `\t` `|`; detected from the header line when absent. */
  readonly delimiter?: string
  /** Tokens read as missing. Default: `DEFAULT_MISSING_TOKENS`. Compared exactly (case-sensitive). */
  readonly missing?: readonly string[]
  /** Rows per batch. Default 8192. */
  readonly batchSize?: number
  /** Read only this part of the file (a shard, `partition.ts`); default the whole file. */
  readonly part?: FilePart
}

/**
 * The part of a file one shard reads (`partition.ts`), and where its rows sit in the whole input,
 * so that a row's identity (its bootstrap key) and its line are those of a single run.
 */
export interface FilePart {
  /** Added to each row's 0-based position to make its key: file index · 2³² + rows before the range. */
  readonly rowBase: number
  /** A byte range of the file; `null`: the whole file. */
  readonly bytes: ByteRange | null
}

/**
 * Bytes `[start, end)` of a CSV or JSON Lines file, aligned to record boundaries, read after the
 * file's first `prefix` bytes (its header: the CSV header record, or the first JSON object's line,
 * which gives the columns and is skipped as a row when `start > 0`).
 */
export interface ByteRange {
  readonly prefix: number
  readonly start: number
  readonly end: number
  /** The physical line `start` is on. */
  readonly line: number
}

export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'null', 'NaN']
export const DEFAULT_BATCH_SIZE = 8192
