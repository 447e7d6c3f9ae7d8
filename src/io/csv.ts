/**
 * The CSV reader: header, delimiter, records streamed into typed batches.
 *
 * What it accepts (RFC 4180 plus what real files do), and the decisions where files disagree:
 *
 * - Quoting as in `csv-tokenizer.ts`. UTF-8 only; a UTF-8 byte order mark at the start is
 *   skipped. LF or CRLF line endings, a final line break or none.
 * - The header is the first record. Its names are kept exactly (no trimming); an empty name is
 *   allowed once (pandas writes one for the index), two equal names are an error. A file with
 *   nothing but whitespace (or a BOM) is an error; a whitespace-only first line followed by more
 *   text is an error too (the header must be on line 1, so that line numbers mean what they say).
 *   A header with no rows is a valid empty table.
 * - The delimiter is `,` `;` tab or `|`: given, implied by the extension (.tsv tab, .psv `|`) or
 *   detected as the candidate occurring most often outside quotes in the header line; ties and
 *   a header without any candidate (one column) go to the comma.
 * - Empty lines at the end of the file are ignored. An empty line in the middle is a record with
 *   one empty field: with a one-column header it is a missing value; otherwise it is an error
 *   (`expected 3 fields (as in the header), found an empty line`): a blank line inside data
 *   usually means two files were glued together, and pandas' silent skipping would hide it.
 * - Every record must have as many fields as the header.
 * - Each field is typed once (`value-parser.ts`); quoting does not change the type (`"12"` is 12,
 *   `""` is missing), as in pandas.
 *
 * Memory: one chunk plus the current batch, and per column a small cache of repeated short text
 * (`string-cache.ts`). Fields are typed from the bytes; only string cells are decoded, and a
 * repeated one only once.
 */
import { UserInputError } from '../errors.js'
import { BatchBuilder } from './batch.js'
import type { ByteSource, SourceOptions } from './byte-source.js'
import { CsvTokenizer, ESCAPED, QUOTED } from './csv-tokenizer.js'
import type { TableReader } from './reader.js'
import { StringCache } from './string-cache.js'
import type { ByteRange, RowBatch } from './table.js'
import { Kind } from './table.js'
import { countLines, locate } from './text-location.js'
import { TextWindow } from './text-window.js'
import type { ValueParser } from './value-parser.js'

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const TAB = 0x09

/** Delimiters in tie-break order: the comma wins ties. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const
const DELIMITER_CODES = CSV_DELIMITERS.map((d) => d.charCodeAt(0))

export interface CsvOptions {
  /** The delimiter, or null to detect it from the header line. */
  readonly delimiter: string | null
  readonly parser: ValueParser
  readonly batchSize: number
  readonly source: SourceOptions
  /** A shard's byte range: its records are numbered from `range.line`. */
  readonly range?: ByteRange | null
}

/**
 * Reads one CSV file once: `readHeader()`, then `rows()`.
 */
export class CsvReader implements TableReader {
  readonly gzip: boolean
  /** The delimiter in use, known once the header is read. */
  delimiter = ''
  private readonly window: TextWindow
  private tokenizer: CsvTokenizer | null = null
  private columnCount = 0
  /** Offset in `window.data` of the next record, and its physical line. */
  private pos = 0
  private line = 1
  /** Empty lines seen and not yet known to be in the middle of the file. */
  private blankCount = 0
  private blankLine = 0
  /** One per column: repeated string cells share one string. */
  private strings: StringCache[] = []

  constructor(
    private readonly file: string,
    source: ByteSource,
    private readonly options: CsvOptions
  ) {
    this.window = new TextWindow(file, source, options.source)
    this.gzip = source.gzip
  }

  /**
   * Reads the header line.
   *
   * @throws UserInputError for an empty file, an empty first line, a malformed or non-UTF-8
   *   header, or duplicate column names
   */
  async readHeader(): Promise<string[]> {
    const window = this.window
    await window.start()
    let lineEnd = findLineEnd(window.data)
    while (lineEnd < 0 && !window.final) {
      await window.advance(0, 1)
      lineEnd = findLineEnd(window.data)
    }
    if (lineEnd < 0) lineEnd = window.data.length
    if (isBlank(window.data, 0, lineEnd)) await this.rejectBlankHeader()

    const delimiter = this.options.delimiter ?? detectDelimiter(window.data, lineEnd)
    const tokenizer = new CsvTokenizer(this.file, delimiter.charCodeAt(0))
    // The tokenizer has the last word on where the header ends (the scan above guessed quotes).
    while (!tokenizer.read(window.data, 0, window.data.length, window.final, 1)) await window.advance(0, 1)
    const data = window.data
    const columns: string[] = []
    const seen = new Map<string, number>()
    for (let f = 0; f < tokenizer.fieldCount; f++) {
      const name = decodeField(data, tokenizer, f)
      const first = seen.get(name)
      if (first !== undefined) {
        const start = tokenizer.starts[f] - (tokenizer.flags[f] & QUOTED)
        throw new UserInputError(
          `duplicate column name "${name}" (fields ${first + 1} and ${f + 1}): column names must be unique`,
          { file: this.file, ...locate(data, 0, start, 1) }
        )
      }
      seen.set(name, f)
      columns.push(name)
    }
    this.tokenizer = tokenizer
    this.columnCount = columns.length
    this.pos = tokenizer.next
    this.line = this.options.range?.line ?? 2 + tokenizer.lineBreaks
    this.delimiter = delimiter
    return columns
  }

  /**
   * Streams the records after the header as batches of `batchSize` rows.
   *
   * @throws UserInputError for malformed records (with line and column), a wrong number of
   *   fields, invalid UTF-8, or a truncated gzip file
   */
  async *rows(): AsyncGenerator<RowBatch> {
    const builder = new BatchBuilder(this.columnCount, this.options.batchSize)
    this.strings = Array.from({ length: this.columnCount }, () => new StringCache())
    const window = this.window
    for (;;) {
      while (this.fill(builder, window.data, window.final)) yield builder.take()
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
   * Parses whole records of `data` from `pos` into the builder.
   *
   * @returns true when it stopped because the batch is full (call again with the same data)
   */
  private fill(builder: BatchBuilder, data: Buffer, final: boolean): boolean {
    const tokenizer = this.tokenizer as CsvTokenizer
    const parser = this.options.parser
    const columnCount = this.columnCount
    const strings = this.strings
    const end = data.length
    let pos = this.pos
    let line = this.line
    let full = false
    while (pos < end && !full) {
      if (!tokenizer.read(data, pos, end, final, line)) break
      if (tokenizer.isBlankLine(pos)) {
        if (this.blankCount++ === 0) this.blankLine = line
        line++
        pos = tokenizer.next
        continue
      }
      if (this.blankCount > 0) {
        // The empty lines were in the middle of the file after all.
        if (columnCount !== 1) throw this.blankLineError()
        if (this.flushBlankLines(builder)) {
          full = true
          break
        }
      }
      if (tokenizer.fieldCount !== columnCount) throw this.fieldCountError(data, pos, line)
      const { starts, ends, flags } = tokenizer
      const row = builder.size
      for (let f = 0; f < columnCount; f++) {
        if ((flags[f] & ESCAPED) === 0) {
          parser.parseBytes(data, starts[f], ends[f], builder.values[f], builder.kinds[f], row, strings[f])
        } else {
          parser.parseString(decodeField(data, tokenizer, f), builder.values[f], builder.kinds[f], row)
        }
      }
      full = builder.commit(line)
      line += 1 + tokenizer.lineBreaks
      pos = tokenizer.next
    }
    this.pos = pos
    this.line = line
    return full
  }

  /** Emits the pending empty lines of a one-column file as missing values; true when the batch filled up. */
  private flushBlankLines(builder: BatchBuilder): boolean {
    while (this.blankCount > 0) {
      builder.values[0][builder.size] = null
      builder.kinds[0][builder.size] = Kind.Missing
      this.blankCount--
      if (builder.commit(this.blankLine++)) return true
    }
    return false
  }

  private blankLineError(): UserInputError {
    return new UserInputError(`expected ${this.columnCount} fields (as in the header), found an empty line`, {
      file: this.file,
      line: this.blankLine
    })
  }

  private fieldCountError(data: Buffer, recordStart: number, line: number): UserInputError {
    const { starts, ends, flags, fieldCount } = this.tokenizer as CsvTokenizer
    // Point at the first extra field, or just after the last field present.
    const offset =
      fieldCount > this.columnCount
        ? starts[this.columnCount] - (flags[this.columnCount] & QUOTED)
        : ends[fieldCount - 1] + (flags[fieldCount - 1] & QUOTED)
    return new UserInputError(
      `expected ${this.columnCount} field${this.columnCount === 1 ? '' : 's'} (as in the header), found ${fieldCount}`,
      {
        file: this.file,
        ...locate(data, recordStart, offset, line)
      }
    )
  }

  /** The first line holds only whitespace: either the whole file does (empty) or the header is missing. */
  private async rejectBlankHeader(): Promise<never> {
    const window = this.window
    let line = 1
    for (;;) {
      const data = window.data
      if (!isBlank(data, 0, data.length)) {
        throw new UserInputError('empty first line: expected the column names (the header) on line 1', {
          file: this.file,
          line: 1
        })
      }
      if (window.final) throw new UserInputError('empty file: expected a header line', { file: this.file })
      line += countLines(data, 0, data.length)
      await window.advance(data.length, line)
    }
  }
}

/** The text of field `f` of the tokenizer's last record, quotes removed and `""` unescaped. */
function decodeField(data: Buffer, tokenizer: CsvTokenizer, f: number): string {
  const text = data.toString('utf8', tokenizer.starts[f], tokenizer.ends[f])
  return (tokenizer.flags[f] & ESCAPED) === 0 ? text : text.replaceAll('""', '"')
}

/** The delimiter the reader detects, when none is given, for a file that starts with `head`: from its first line. */
export function csvDelimiter(head: Buffer): string {
  const end = findLineEnd(head)
  return detectDelimiter(head, end < 0 ? head.length : end)
}

/**
 * Offset of the first LF outside quotes, or -1. The delimiter is not known yet, so a quote opens
 * a quoted field when it starts the line or follows any candidate delimiter.
 */
function findLineEnd(data: Buffer): number {
  let quoted = false
  let fieldStart = true
  for (let i = 0; i < data.length; i++) {
    const c = data[i]
    if (quoted) {
      if (c === QUOTE) {
        if (data[i + 1] === QUOTE) i++
        else quoted = false
      }
    } else if (c === LF) {
      return i
    } else {
      if (c === QUOTE && fieldStart) quoted = true
      fieldStart = DELIMITER_CODES.includes(c)
    }
  }
  return -1
}

/** The delimiter occurring most often outside quotes in `data[0, end)`; ties go to the earlier in `CSV_DELIMITERS`. */
function detectDelimiter(data: Buffer, end: number): string {
  const counts = DELIMITER_CODES.map(() => 0)
  let quoted = false
  let fieldStart = true
  for (let i = 0; i < end; i++) {
    const c = data[i]
    if (quoted) {
      if (c === QUOTE) {
        if (data[i + 1] === QUOTE) i++
        else quoted = false
      }
      continue
    }
    if (c === QUOTE && fieldStart) quoted = true
    const k = DELIMITER_CODES.indexOf(c)
    if (k >= 0) counts[k]++
    fieldStart = k >= 0
  }
  let best = 0
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k
  return CSV_DELIMITERS[best]
}

function isBlank(data: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = data[i]
    if (c !== SPACE && c !== TAB && c !== CR && c !== LF) return false
  }
  return true
}
