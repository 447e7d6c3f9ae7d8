/**
 * The JSON Lines reader: one JSON object per line, streamed.
 *
 * Lines end at LF (a CR before it is JSON whitespace). Blank lines are skipped but counted, so
 * `lines[i]` is the physical line of the object. Rows follow `json-rows.ts`. Each line is decoded
 * to a string for JSON.parse, one line at a time: memory is one chunk plus one batch.
 */
import { UserInputError } from '../errors.js'
import { BatchBuilder } from './batch.js'
import type { ByteSource, SourceOptions } from './byte-source.js'
import { tooDeepAt } from './json-depth.js'
import { describeJson, isJsonObject, jsonSyntaxError, JsonRowWriter, type JsonObject } from './json-rows.js'
import type { TableReader } from './reader.js'
import type { ByteRange, RowBatch } from './table.js'
import { TextWindow } from './text-window.js'
import type { ValueParser } from './value-parser.js'

const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const TAB = 0x09

export interface JsonLinesOptions {
  readonly parser: ValueParser
  readonly batchSize: number
  readonly source: SourceOptions
  /** A shard's byte range: the first object gives the columns; rows start at `range.start`. */
  readonly range?: ByteRange | null
}

/** Reads one JSON Lines file once: `readHeader()`, then `rows()`. */
export class JsonLinesReader implements TableReader {
  readonly gzip: boolean
  private readonly window: TextWindow
  private writer: JsonRowWriter | null = null
  private firstLine = 0
  /** Offset in `window.data` of the next line, and its number. */
  private pos = 0
  private line = 1

  constructor(
    private readonly file: string,
    source: ByteSource,
    private readonly options: JsonLinesOptions
  ) {
    this.window = new TextWindow(file, source, options.source)
    this.gzip = source.gzip
  }

  /**
   * Reads up to the first object, whose keys are the columns. The object stays unread: it is
   * the first row.
   *
   * @throws UserInputError when there is no object, or the first non-blank line is not one
   */
  async readHeader(): Promise<string[]> {
    const window = this.window
    await window.start()
    for (;;) {
      const data = window.data
      const found = this.nextLine(data, window.final)
      if (found !== null) {
        const record = this.parseLine(data, found.start, found.end)
        this.writer = new JsonRowWriter(record, this.options.parser)
        this.firstLine = this.line
        const range = this.options.range
        if (range && range.start > 0) {
          // A later shard: the first object (the prefix) named the columns; its rows follow it.
          this.pos = found.next
          this.line = range.line
        }
        return this.writer.columns
      }
      if (window.final) {
        throw new UserInputError('empty file: expected one JSON object per line', { file: this.file })
      }
      await window.advance(this.pos, this.line)
      this.pos = 0
    }
  }

  /**
   * Streams the objects as batches of `batchSize` rows.
   *
   * @throws UserInputError for invalid JSON, a line that is not an object, a key that is not a
   *   column, invalid UTF-8, or a truncated gzip file
   */
  async *rows(): AsyncGenerator<RowBatch> {
    const writer = this.writer as JsonRowWriter
    const builder = new BatchBuilder(writer.columns.length, this.options.batchSize)
    const window = this.window
    for (;;) {
      const data = window.data
      let found
      while ((found = this.nextLine(data, window.final)) !== null) {
        const problem = writer.write(this.parseLine(data, found.start, found.end), builder)
        if (problem !== null) {
          const at =
            problem.kind === 'too-deep' ? tooDeepAt(data.toString('utf8', found.start, found.end)) : -1
          throw new UserInputError(writer.explain(problem, `line ${this.firstLine}`), {
            file: this.file,
            line: this.line,
            column: at < 0 ? undefined : at + 1
          })
        }
        const full = builder.commit(this.line)
        this.line++
        this.pos = found.next
        if (full) yield builder.take()
      }
      if (window.final) break
      await window.advance(this.pos, this.line)
      this.pos = 0
    }
    if (builder.size > 0) yield builder.take()
  }

  async close(): Promise<void> {
    await this.window.close()
  }

  /**
   * Finds the next non-blank line from `pos`, skipping (and counting) blank ones; `line` is then
   * its number. Null when no complete line is left in `data`.
   */
  private nextLine(data: Buffer, final: boolean): { start: number; end: number; next: number } | null {
    while (this.pos < data.length) {
      const start = this.pos
      let next = data.indexOf(LF, start)
      if (next < 0) {
        if (!final) return null
        next = data.length
      } else {
        next++
      }
      let end = next
      while (end > start && isSpace(data[end - 1])) end--
      if (end > start) return { start, end, next }
      this.pos = next
      this.line++
    }
    return null
  }

  /** Parses one line as a JSON object. */
  private parseLine(data: Buffer, start: number, end: number): JsonObject {
    let value: unknown
    try {
      value = JSON.parse(data.toString('utf8', start, end))
    } catch (error) {
      const { reason, position } = jsonSyntaxError(error)
      throw new UserInputError(`invalid JSON (${reason}): expected one JSON object per line`, {
        file: this.file,
        line: this.line,
        column: position === null ? undefined : position + 1
      })
    }
    if (!isJsonObject(value)) {
      throw new UserInputError(`found ${describeJson(value)}: expected one JSON object per line`, {
        file: this.file,
        line: this.line
      })
    }
    return value
  }
}

function isSpace(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === CR || byte === LF
}
