/**
 * The JSON array reader: a file holding `[{...}, {...}]`.
 *
 * Not streamed: the whole text is decoded and parsed with JSON.parse, so memory grows with the
 * file (about 3-5 times its size while parsing). That is fine for the small files people write
 * by hand or export from a notebook; for big data use JSON Lines (one object per line), which is
 * streamed. Rows follow `json-rows.ts` and are located by their 1-based position in the array
 * (unit `row`), since one line may hold many objects.
 */
import { isUtf8 } from 'node:buffer'
import { UserInputError } from '../errors.js'
import { BatchBuilder } from './batch.js'
import { fileError, gzipError, type ByteSource } from './byte-source.js'
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth.js'
import { describeJson, isJsonObject, jsonSyntaxError, JsonRowWriter } from './json-rows.js'
import type { TableReader } from './reader.js'
import type { RowBatch } from './table.js'
import { countLines, locate } from './text-location.js'
import { INVALID_UTF8 } from './text-window.js'
import { firstInvalidUtf8 } from './utf8.js'
import type { ValueParser } from './value-parser.js'

const EXPECTED = 'expected a JSON array of objects, like [{"a": 1}, {"a": 2}]'

export interface JsonArrayOptions {
  readonly parser: ValueParser
  readonly batchSize: number
}

export class JsonArrayReader implements TableReader {
  readonly gzip: boolean
  private records: unknown[] = []
  private writer: JsonRowWriter | null = null

  constructor(
    private readonly file: string,
    private readonly source: ByteSource,
    private readonly options: JsonArrayOptions
  ) {
    this.gzip = source.gzip
  }

  /**
   * Reads and parses the whole file; the first object's keys are the columns.
   *
   * @throws UserInputError for invalid UTF-8 or JSON (with line and column), a top level that
   *   is not an array, or an empty array
   */
  async readHeader(): Promise<string[]> {
    const text = await this.readText()
    if (text.trim() === '') throw new UserInputError(`empty file: ${EXPECTED}`, { file: this.file })
    // The array is one level, each object another: a cell may nest MAX_JSON_DEPTH - 1 more.
    const deep = tooDeepAt(text, MAX_JSON_DEPTH + 1)
    if (deep >= 0) {
      throw new UserInputError(
        `arrays and objects nest deeper than ${MAX_JSON_DEPTH + 1} levels: expected the array, its objects, and values nested at most ${MAX_JSON_DEPTH - 1} levels within them`,
        { file: this.file, ...textPosition(text, deep) }
      )
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      const { reason, position } = jsonSyntaxError(error)
      throw new UserInputError(`invalid JSON (${reason}): ${EXPECTED}`, {
        file: this.file,
        ...(position === null ? {} : textPosition(text, position))
      })
    }
    if (!Array.isArray(value)) {
      const hint = isJsonObject(value) ? ' (for one object per line, name the file .jsonl)' : ''
      throw new UserInputError(`found ${describeJson(value)}: ${EXPECTED}${hint}`, { file: this.file })
    }
    if (value.length === 0) {
      throw new UserInputError(`empty array: ${EXPECTED} (the first object defines the columns)`, {
        file: this.file
      })
    }
    this.records = value
    this.writer = new JsonRowWriter(this.objectAt(0), this.options.parser)
    return this.writer.columns
  }

  /**
   * @throws UserInputError for an element that is not an object or has a key that is not a column
   */
  async *rows(): AsyncGenerator<RowBatch> {
    const writer = this.writer as JsonRowWriter
    const builder = new BatchBuilder(writer.columns.length, this.options.batchSize)
    for (let r = 0; r < this.records.length; r++) {
      const problem = writer.write(this.objectAt(r), builder)
      if (problem !== null) {
        throw new UserInputError(`row ${r + 1}: ${writer.explain(problem, 'row 1')}`, { file: this.file })
      }
      if (builder.commit(r + 1)) yield builder.take()
    }
    // The parsed array is the one big allocation of this reader: let it go.
    this.records = []
    if (builder.size > 0) yield builder.take()
  }

  async close(): Promise<void> {
    this.records = []
  }

  private objectAt(r: number): Record<string, unknown> {
    const record = this.records[r]
    if (!isJsonObject(record)) {
      throw new UserInputError(`row ${r + 1} is ${describeJson(record)}: ${EXPECTED}`, { file: this.file })
    }
    return record
  }

  /** The file as text: decompressed, checked as UTF-8, without a byte order mark. */
  private async readText(): Promise<string> {
    const chunks: Buffer[] = []
    try {
      for await (const chunk of this.source.chunks) chunks.push(chunk)
    } catch (error) {
      const lines = chunks.reduce((sum, chunk) => sum + countLines(chunk, 0, chunk.length), 0)
      throw gzipError(this.file, fileError(this.file, error), lines)
    }
    const bytes = Buffer.concat(chunks)
    if (!isUtf8(bytes)) {
      const offset = firstInvalidUtf8(bytes, 0, bytes.length)
      throw new UserInputError(INVALID_UTF8, { file: this.file, ...locate(bytes, 0, offset, 1) })
    }
    const text = bytes.toString('utf8')
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  }
}

/** Line and column (1-based) of a string index, as JSON.parse reports positions. */
function textPosition(text: string, index: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: index - lineStart + 1 }
}
