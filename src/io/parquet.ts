/**
 * The Parquet reader, on hyparquet (pure JS) with hyparquet-compressors (snappy, gzip, zstd,
 * brotli, lz4).
 *
 * Streamed row group by row group: memory is one decoded row group plus one batch. Rows are
 * located by their 1-based position in the file (unit `row`).
 *
 * Types (the Parquet schema decides, values are not re-guessed from text):
 * - INT32 / INT64 (any integer annotation) -> `Kind.Integer`; an INT64 beyond ±(2^53 - 1) does
 *   not fit a JS number exactly and becomes the nearest double with `Kind.Number`.
 * - FLOAT / DOUBLE / DECIMAL / FLOAT16 -> `Kind.Number` (even when whole). NaN is missing (as the
 *   `NaN` token is in text files); ±Infinity is kept as the string `Infinity` / `-Infinity`, so no
 *   infinity leaks into statistics.
 * - BOOLEAN -> `Kind.Boolean`; strings (and BYTE_ARRAY without annotation, read as UTF-8) ->
 *   `Kind.String`, or missing when equal to a missing token, as in the other formats; other
 *   binary -> hex string.
 * - DATE -> `YYYY-MM-DD`; TIMESTAMP -> ISO 8601 (`2024-01-02T03:04:05.123456Z`, sub-millisecond
 *   digits kept; no `Z` when the timestamp is not adjusted to UTC); both `Kind.String`.
 * - null -> missing. Nested columns (lists, structs, maps) -> a string holding their JSON.
 *
 * A gzipped Parquet file (`.parquet.gz`) is decompressed to a temporary file first (Parquet needs
 * random access to its footer), with constant memory; the temporary file is removed as soon as
 * it is open (on systems that allow it) or when the rows have been read.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type ColumnData,
  type FileMetaData,
  type ParquetParsers,
  type SchemaElement
} from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { UserInputError } from '../errors.js'
import { BatchBuilder } from './batch.js'
import { fileError, gzipError, isGzipFile } from './byte-source.js'
import { MAX_JSON_DEPTH } from './json-depth.js'
import type { TableReader } from './reader.js'
import { Kind, type RowBatch, type Value } from './table.js'
import type { ValueParser } from './value-parser.js'

export interface ParquetOptions {
  readonly parser: ValueParser
  readonly batchSize: number
}

/** How the values of one top-level column are typed. */
interface ColumnTyping {
  readonly name: string
  /** INT32/INT64 without a decimal scale: whole numbers are `Kind.Integer`. */
  readonly integer: boolean
  /** A timestamp not adjusted to UTC: drop the `Z` of the ISO string. */
  readonly localTime: boolean
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

export class ParquetReader implements TableReader {
  gzip = false
  private handle: FileHandle | null = null
  /** A temporary directory still to remove (when the open file could not be unlinked early). */
  private temporary: string | null = null
  private metadata: FileMetaData | null = null
  private typings: ColumnTyping[] = []

  constructor(
    private readonly file: string,
    private readonly options: ParquetOptions
  ) {}

  /**
   * Opens the file (decompressing it first when gzipped) and reads its footer.
   *
   * @throws UserInputError when the file is missing, a truncated gzip, or not Parquet
   */
  async readHeader(): Promise<string[]> {
    this.gzip = await isGzipFile(this.file)
    const path = this.gzip ? await this.decompress() : this.file
    try {
      this.handle = await open(path, 'r')
    } catch (error) {
      throw fileError(this.file, error)
    }
    if (this.temporary !== null) {
      // The open handle keeps the data readable; removing the name now means nothing is left
      // behind even if the rows are never read. Windows refuses: then `close()` removes it.
      try {
        await rm(this.temporary, { recursive: true })
        this.temporary = null
      } catch {
        // removed in close()
      }
    }
    const file = await fileBuffer(this.handle)
    try {
      this.metadata = await parquetMetadataAsync(file)
    } catch (error) {
      throw new UserInputError(
        `not a Parquet file: ${reason(error)}; expected a Parquet file (it starts and ends with "PAR1")`,
        { file: this.file }
      )
    }
    checkSchema(this.file, this.metadata.schema)
    this.typings = parquetSchema(this.metadata).children.map((child) => typing(child.element))
    return this.typings.map((column) => column.name)
  }

  /**
   * Streams the rows, one row group at a time.
   *
   * @throws UserInputError when a row group cannot be decoded (truncated or corrupt file)
   */
  async *rows(): AsyncGenerator<RowBatch> {
    const metadata = this.metadata as FileMetaData
    const file = await fileBuffer(this.handle as FileHandle)
    const builder = new BatchBuilder(this.typings.length, this.options.batchSize)
    let groupStart = 0
    for (let g = 0; g < metadata.row_groups.length; g++) {
      const groupRows = Number(metadata.row_groups[g].num_rows)
      const columns = await this.readRowGroup(file, metadata, g, groupStart, groupRows)
      for (let r = 0; r < groupRows; r++) {
        for (let c = 0; c < columns.length; c++) {
          this.writeValue(columns[c][r], this.typings[c], builder.values[c], builder.kinds[c], builder.size)
        }
        if (builder.commit(groupStart + r + 1)) yield builder.take()
      }
      groupStart += groupRows
    }
    if (builder.size > 0) yield builder.take()
  }

  async close(): Promise<void> {
    await this.handle?.close()
    this.handle = null
    if (this.temporary !== null) {
      await rm(this.temporary, { recursive: true, force: true })
      this.temporary = null
    }
  }

  /** The decoded values of each column of row group `g`, in header order. */
  private async readRowGroup(
    file: AsyncBuffer,
    metadata: FileMetaData,
    g: number,
    groupStart: number,
    groupRows: number
  ): Promise<ArrayLike<unknown>[]> {
    const index = new Map(this.typings.map((column, c) => [column.name, c]))
    const columns: unknown[][] = this.typings.map(() => new Array<unknown>(groupRows))
    const place = (chunk: ColumnData): void => {
      const target = columns[index.get(chunk.columnName) as number]
      const { columnData } = chunk
      for (let i = 0; i < columnData.length; i++) {
        const r = chunk.rowStart + i - groupStart
        if (r >= 0 && r < groupRows) target[r] = columnData[i]
      }
    }
    try {
      await parquetRead({
        file,
        metadata,
        rowStart: groupStart,
        rowEnd: groupStart + groupRows,
        compressors,
        parsers: PARSERS,
        onChunk: place
      })
    } catch (error) {
      throw new UserInputError(
        `invalid Parquet data in row group ${g + 1} (rows ${groupStart + 1}-${groupStart + groupRows}): ` +
          `${reason(error)}; the file is truncated or corrupt`,
        { file: this.file }
      )
    }
    return columns
  }

  private writeValue(
    value: unknown,
    typing: ColumnTyping,
    values: Value[],
    kinds: Uint8Array,
    row: number
  ): void {
    switch (typeof value) {
      case 'number':
        if (Number.isNaN(value)) {
          values[row] = null
          kinds[row] = Kind.Missing
        } else if (!Number.isFinite(value)) {
          values[row] = String(value)
          kinds[row] = Kind.String
        } else {
          values[row] = value
          kinds[row] = typing.integer && Number.isSafeInteger(value) ? Kind.Integer : Kind.Number
        }
        return
      case 'bigint':
        values[row] = Number(value)
        kinds[row] = typing.integer && value <= MAX_SAFE && value >= -MAX_SAFE ? Kind.Integer : Kind.Number
        return
      case 'boolean':
        values[row] = value
        kinds[row] = Kind.Boolean
        return
      case 'string':
        this.options.parser.parseString(
          typing.localTime ? value.replace(/Z$/, '') : value,
          values,
          kinds,
          row
        )
        return
      default:
        if (value === null || value === undefined) {
          values[row] = null
          kinds[row] = Kind.Missing
        } else if (value instanceof Uint8Array) {
          values[row] = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')
          kinds[row] = Kind.String
        } else {
          values[row] = JSON.stringify(value, jsonSafe)
          kinds[row] = Kind.String
        }
    }
  }

  /** Decompresses the gzipped file into a temporary directory; returns the temporary file's path. */
  private async decompress(): Promise<string> {
    this.temporary = await mkdtemp(join(tmpdir(), 'ml-gate-'))
    const path = join(this.temporary, 'data.parquet')
    try {
      await pipeline(createReadStream(this.file), createGunzip(), createWriteStream(path))
    } catch (error) {
      await this.close()
      throw gzipError(this.file, fileError(this.file, error), null)
    }
    return path
  }
}

/**
 * hyparquet builds the schema tree by recursion (and copies each path): refuse, before it does, a
 * schema nested deeper than `MAX_JSON_DEPTH` (nested values become JSON text, which has that bound
 * too) or whose `num_children` claim more elements than the list holds.
 *
 * @throws UserInputError naming the file
 */
function checkSchema(file: string, schema: readonly SchemaElement[]): void {
  // Children still to come at each open level of the depth-first list.
  const open: number[] = []
  let deepest = 0
  for (let i = 0; i < schema.length && (i === 0 || open.length > 0); i++) {
    if (i > 0) open[open.length - 1]--
    const children = schema[i].num_children ?? 0
    if (children > 0) open.push(children)
    deepest = Math.max(deepest, open.length)
    while (open.length > 0 && open[open.length - 1] === 0) open.pop()
  }
  if (deepest > MAX_JSON_DEPTH) {
    throw new UserInputError(
      `the Parquet schema nests deeper than ${MAX_JSON_DEPTH} levels: expected at most ${MAX_JSON_DEPTH} levels of groups`,
      { file }
    )
  }
  if (open.length > 0) {
    throw new UserInputError(
      `not a Parquet file: its schema lists fewer elements than its groups claim; expected a complete schema`,
      { file }
    )
  }
}

function typing(element: SchemaElement): ColumnTyping {
  const logical = element.logical_type
  const decimal = element.converted_type === 'DECIMAL' || logical?.type === 'DECIMAL'
  const integer = (element.type === 'INT32' || element.type === 'INT64') && !decimal
  const localTime = logical?.type === 'TIMESTAMP' && !logical.isAdjustedToUTC
  return { name: element.name, integer: integer && !isTemporal(element), localTime }
}

function isTemporal(element: SchemaElement): boolean {
  const type = element.logical_type?.type
  return (
    type === 'DATE' ||
    type === 'TIME' ||
    type === 'TIMESTAMP' ||
    /^(DATE|TIME)/.test(element.converted_type ?? '')
  )
}

/** Parquet timestamps and dates as ISO strings, keeping sub-millisecond digits. */
const PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint) => isoTimestamp(millis, 1n),
  timestampFromMicroseconds: (micros: bigint) => isoTimestamp(micros, 1000n),
  timestampFromNanoseconds: (nanos: bigint) => isoTimestamp(nanos, 1000000n),
  dateFromDays: (days: number) => new Date(days * 86400000).toISOString().slice(0, 10)
}

/** `ticks` units of 1/`perMilli` ms since the epoch, as an ISO string (`...T03:04:05.123456Z`). */
function isoTimestamp(ticks: bigint, perMilli: bigint): string | null {
  if (typeof ticks !== 'bigint') return null
  let millis = ticks / perMilli
  let rest = ticks % perMilli
  if (rest < 0n) {
    millis -= 1n
    rest += perMilli
  }
  const iso = new Date(Number(millis)).toISOString()
  if (rest === 0n) return iso
  const digits = perMilli.toString().length - 1
  return `${iso.slice(0, -1)}${rest.toString().padStart(digits, '0')}Z`
}

/** JSON.stringify cannot write bigints (nested INT64 values): numbers when exact, else strings. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value !== 'bigint') return value
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString()
}

/** An AsyncBuffer reading slices of an open file. */
async function fileBuffer(handle: FileHandle): Promise<AsyncBuffer> {
  const { size } = await handle.stat()
  return {
    byteLength: size,
    async slice(start: number, end: number = size): Promise<ArrayBuffer> {
      const bytes = new Uint8Array(Math.max(0, end - start))
      let done = 0
      while (done < bytes.length) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, start + done)
        if (bytesRead === 0) break
        done += bytesRead
      }
      return bytes.buffer
    }
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
