/**
 * Splitting CSV bytes into records and fields (RFC 4180), without decoding them.
 *
 * - A field that starts with `"` is quoted: it ends at the next `"` not doubled; `""` inside
 *   stands for one `"`; delimiters and line breaks inside are data.
 * - After a closing quote only a delimiter, a line break or the end of the file may follow;
 *   anything else (`"ab"c`) is an error.
 * - A `"` inside an unquoted field (`ab"c`) is a literal character, as pandas reads it.
 * - Records end at LF or CRLF; the last one may end at the end of the file. A CR not followed by
 *   LF outside quotes (old Mac line endings) is an error rather than a silent misreading.
 */
import { UserInputError } from '../errors.js'
import { locate } from './text-location.js'

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/** Field flags. */
export const QUOTED = 1
/** The quoted field holds `""` pairs that stand for `"`. */
export const ESCAPED = 2

export class CsvTokenizer {
  private readonly delimiterName: string
  /** Fields of the last record read: `data[starts[f], ends[f])`, quotes excluded. */
  starts = new Int32Array(16)
  ends = new Int32Array(16)
  flags = new Uint8Array(16)
  fieldCount = 0
  /** Line breaks inside quoted fields of the last record. */
  lineBreaks = 0
  /** Offset just after the last record's line break. */
  next = 0

  /**
   * @param file for messages
   * @param delimiter the delimiter byte
   */
  constructor(
    private readonly file: string,
    private readonly delimiter: number
  ) {
    this.delimiterName = delimiter === 0x09 ? 'tab' : `"${String.fromCharCode(delimiter)}"`
  }

  /**
   * Reads the record that starts at `data[start]` (`start < end`), on physical line `line`.
   *
   * @returns true when the record is complete (fields in `starts` / `ends` / `flags`, the next
   *   record at `next`); false when it continues past `end` and `final` is false
   * @throws UserInputError for an unclosed quote at the end of the file, text after a closing
   *   quote, or a CR not followed by LF
   */
  read(data: Uint8Array, start: number, end: number, final: boolean, line: number): boolean {
    const delimiter = this.delimiter
    let field = 0
    let lineBreaks = 0
    let i = start
    for (;;) {
      let c: number
      if (i < end && data[i] === QUOTE) {
        const open = i
        let flags = QUOTED
        let j = i + 1
        for (;;) {
          if (j >= end) {
            if (final)
              throw this.error(
                'unclosed quote: expected a closing " before the end of the file',
                data,
                start,
                open,
                line
              )
            return false
          }
          const b = data[j]
          if (b === QUOTE) {
            if (j + 1 >= end && !final) return false
            if (j + 1 < end && data[j + 1] === QUOTE) {
              flags |= ESCAPED
              j += 2
              continue
            }
            break
          }
          if (b === LF) lineBreaks++
          j++
        }
        this.push(field++, open + 1, j, flags)
        i = j + 1
        c = i < end ? data[i] : -1
        if (c !== delimiter && c !== LF && c !== CR && c !== -1) {
          throw this.error(
            `unexpected text after a closing quote: expected the delimiter (${this.delimiterName}) or the end of the line`,
            data,
            start,
            i,
            line
          )
        }
      } else {
        let j = i
        while (j < end) {
          const b = data[j]
          if (b === delimiter || b === LF || b === CR) break
          j++
        }
        if (j >= end && !final) return false
        this.push(field++, i, j, 0)
        i = j
        c = i < end ? data[i] : -1
      }
      if (c === delimiter) {
        i++
        continue
      }
      if (c === CR) {
        if (i + 1 >= end) {
          if (!final) return false
          i++ // a CR ending the file ends the last record
        } else if (data[i + 1] === LF) {
          i += 2
        } else {
          throw this.error(
            'line break "\\r" without "\\n": expected LF or CRLF line endings',
            data,
            start,
            i,
            line
          )
        }
      } else if (c === LF) {
        i++
      }
      this.fieldCount = field
      this.lineBreaks = lineBreaks
      this.next = i
      return true
    }
  }

  /** Whether the last record was an empty line (no byte before its line break). */
  isBlankLine(start: number): boolean {
    return this.fieldCount === 1 && this.flags[0] === 0 && this.ends[0] === start && this.next > start
  }

  private push(field: number, start: number, end: number, flags: number): void {
    if (field === this.starts.length) {
      this.starts = grow(this.starts)
      this.ends = grow(this.ends)
      const grownFlags = new Uint8Array(this.flags.length * 2)
      grownFlags.set(this.flags)
      this.flags = grownFlags
    }
    this.starts[field] = start
    this.ends[field] = end
    this.flags[field] = flags
  }

  private error(
    message: string,
    data: Uint8Array,
    recordStart: number,
    offset: number,
    line: number
  ): UserInputError {
    const position = locate(data, recordStart, offset, line)
    return new UserInputError(message, { file: this.file, ...position })
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2)
  grown.set(array)
  return grown
}
