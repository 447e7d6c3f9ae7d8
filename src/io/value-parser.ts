/**
 * Typing a cell once, from the bytes or the string a reader found.
 *
 * Rules, checked in this order (the same for every format; CSV and JSON differ only in what
 * reaches each rule):
 *
 * 1. **Missing.** A token equal to one of the missing tokens (`ReadOptions.missing`, default
 *    `'' NA N/A null NaN`) is `null` with `Kind.Missing`. The comparison is exact: case and spaces
 *    count, so `na` and `' NA'` are strings. In CSV quoting does not matter: `""` and `"NA"` are
 *    missing like an empty field and `NA` (as in pandas). In JSON, a string equal to a token is
 *    missing too, so a file exported with `"NA"` strings reads like its CSV twin.
 * 2. **Integer.** An optional sign and digits (`42`, `-7`, `+3`, `007`) is a `Kind.Integer`.
 *    Beyond `Number.MAX_SAFE_INTEGER` (2^53 - 1) the digits no longer fit a JS number exactly: such
 *    a token is the nearest double with `Kind.Number`, so nobody mistakes it for an exact integer.
 * 3. **Number.** Digits with a decimal point and/or an exponent (`1.5`, `-2e-3`, `.5`, `1.`,
 *    `1E5`) are a `Kind.Number`, even when the value is whole (`1.0`, `1e5`), so a column of
 *    `1.0, 2.0` stays a float column. The value is the one `Number(text)` gives (correctly rounded).
 *    Nothing else is a number: `inf`, `Infinity`, `nan`, `0x1F`, `1_000`, `1,5` stay strings, and a
 *    literal that overflows a double (`1e400`) stays a string rather than becoming an infinity.
 *    `-0` reads as `0`.
 * 4. **Boolean.** `true` and `false` in any case (`True`, `FALSE`) are a `Kind.Boolean`.
 * 5. **String.** Anything else is a `Kind.String` holding the text exactly as written (unquoted and
 *    unescaped in CSV).
 *
 * Spaces and tabs around a token are ignored for rules 2-4 only, as pandas does: `' 12'` is the
 * integer 12, `' true '` is `true`, but `' abc'` is the string `' abc'`, spaces kept.
 *
 * @example
 * const parser = new ValueParser(DEFAULT_MISSING_TOKENS)
 * parser.parseBytes(Buffer.from('-2e-3'), 0, 5, values, kinds, 0) // values[0] = -0.002, kinds[0] = Kind.Number
 */
import type { StringCache } from './string-cache.js'
import { Kind, type Value } from './table.js'
import { decodeUtf8 } from './utf8.js'

const SPACE = 0x20
const TAB = 0x09
const PLUS = 0x2b
const MINUS = 0x2d
const DOT = 0x2e
const ZERO = 0x30
const NINE = 0x39
const LOWER_E = 0x65
const LOWER_CASE_BIT = 0x20

/** Powers of ten that a double holds exactly; the fast path of `parseNumber` relies on that. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k)
/** Digits that fit a double exactly whatever they are (10^15 < 2^53). */
const EXACT_DIGITS = 15

const TRUE_BYTES = Buffer.from('true')
const FALSE_BYTES = Buffer.from('false')

export class ValueParser {
  private readonly missing: ReadonlySet<string>
  /** Missing tokens as UTF-8 bytes, grouped by byte length. */
  private readonly missingByLength: Buffer[][] = []
  /** `missingFirstByte[b]` is 1 when some non-empty missing token starts with byte `b`. */
  private readonly missingFirstByte = new Uint8Array(256)
  private readonly emptyIsMissing: boolean

  /** Where `parseNumber` leaves its result: value and kind, or `Kind.String` when not a number. */
  private numberValue = 0
  private numberKind: Kind = Kind.String

  /** @param missing tokens read as missing values, compared exactly */
  constructor(missing: readonly string[]) {
    this.missing = new Set(missing)
    this.emptyIsMissing = this.missing.has('')
    for (const token of this.missing) {
      if (token === '') continue
      const bytes = Buffer.from(token, 'utf8')
      ;(this.missingByLength[bytes.length] ??= []).push(bytes)
      this.missingFirstByte[bytes[0]] = 1
    }
  }

  /** Whether `text` is one of the missing tokens. */
  isMissing(text: string): boolean {
    return this.missing.has(text)
  }

  /**
   * Types the UTF-8 token `data[start, end)` and stores it at `values[row]`, `kinds[row]`.
   * The bytes must be valid UTF-8 (readers check that before parsing).
   */
  parseBytes(
    data: Buffer,
    start: number,
    end: number,
    values: Value[],
    kinds: Uint8Array,
    row: number,
    strings?: StringCache
  ): void {
    if (start === end) {
      if (this.emptyIsMissing) {
        values[row] = null
        kinds[row] = Kind.Missing
      } else {
        values[row] = ''
        kinds[row] = Kind.String
      }
      return
    }
    if (this.missingFirstByte[data[start]] === 1 && this.isMissingBytes(data, start, end)) {
      values[row] = null
      kinds[row] = Kind.Missing
      return
    }
    let from = start
    let to = end
    while (from < to && (data[from] === SPACE || data[from] === TAB)) from++
    while (to > from && (data[to - 1] === SPACE || data[to - 1] === TAB)) to--
    if (from < to) {
      const first = data[from]
      if ((first >= ZERO && first <= NINE) || first === MINUS || first === DOT || first === PLUS) {
        this.parseNumber(data, from, to)
        if (this.numberKind !== Kind.String) {
          values[row] = this.numberValue
          kinds[row] = this.numberKind
          return
        }
      } else if (to - from === 4 && matchesIgnoringCase(data, from, TRUE_BYTES)) {
        values[row] = true
        kinds[row] = Kind.Boolean
        return
      } else if (to - from === 5 && matchesIgnoringCase(data, from, FALSE_BYTES)) {
        values[row] = false
        kinds[row] = Kind.Boolean
        return
      }
    }
    values[row] = strings === undefined ? decodeUtf8(data, start, end) : strings.decode(data, start, end)
    kinds[row] = Kind.String
  }

  /**
   * Stores a value that is text by nature (a JSON or Parquet string, a CSV field whose escaped
   * quotes rule out every other kind): missing when it is a missing token, else a string.
   */
  parseString(text: string, values: Value[], kinds: Uint8Array, row: number): void {
    if (this.missing.has(text)) {
      values[row] = null
      kinds[row] = Kind.Missing
    } else {
      values[row] = text
      kinds[row] = Kind.String
    }
  }

  private isMissingBytes(data: Buffer, start: number, end: number): boolean {
    const candidates = this.missingByLength[end - start]
    if (candidates === undefined) return false
    for (const token of candidates) {
      let k = 0
      while (k < token.length && data[start + k] === token[k]) k++
      if (k === token.length) return true
    }
    return false
  }

  /**
   * Reads `[sign] digits [. digits] [e|E [sign] digits]` (at least one mantissa digit) from
   * `data[start, end)`, leaving the result in `numberValue` / `numberKind`.
   *
   * Up to 15 significant digits and a decimal exponent within ±22, `mantissa / 10^k` (or
   * `* 10^k`) is a single correctly rounded operation on exact operands (Clinger's fast path), so
   * it equals `Number(text)` without building the string. Other tokens go through `Number(text)`.
   */
  private parseNumber(data: Buffer, start: number, end: number): void {
    this.numberKind = Kind.String
    let i = start
    let negative = false
    if (data[i] === MINUS || data[i] === PLUS) {
      negative = data[i] === MINUS
      i++
    }
    let mantissa = 0
    let digits = 0
    let c = 0
    while (i < end && (c = data[i]) >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO)
      digits++
      i++
    }
    let fractionDigits = 0
    let integer = true
    if (i < end && data[i] === DOT) {
      integer = false
      i++
      while (i < end && (c = data[i]) >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO)
        fractionDigits++
        i++
      }
      digits += fractionDigits
    }
    if (digits === 0) return
    let exponent = 0
    if (i < end && (data[i] | LOWER_CASE_BIT) === LOWER_E) {
      integer = false
      i++
      let exponentNegative = false
      if (i < end && (data[i] === MINUS || data[i] === PLUS)) {
        exponentNegative = data[i] === MINUS
        i++
      }
      const exponentStart = i
      // Capped so that a long exponent cannot overflow; beyond the cap the slow path decides.
      while (i < end && (c = data[i]) >= ZERO && c <= NINE) {
        if (exponent < 100000) exponent = exponent * 10 + (c - ZERO)
        i++
      }
      if (i === exponentStart) return
      if (exponentNegative) exponent = -exponent
    }
    if (i !== end) return

    let value: number
    const scale = exponent - fractionDigits
    if (digits <= EXACT_DIGITS && scale >= -22 && scale <= 22) {
      if (integer) {
        // At most 15 digits: below 2^53, so the mantissa is the value and a safe integer.
        this.numberValue = negative ? 0 - mantissa : mantissa
        this.numberKind = Kind.Integer
        return
      }
      value = scale >= 0 ? mantissa * EXACT_POWERS_OF_TEN[scale] : mantissa / EXACT_POWERS_OF_TEN[-scale]
      if (negative) value = 0 - value
    } else {
      value = Number(data.toString('latin1', start, end))
      if (!Number.isFinite(value)) return
      value = value === 0 ? 0 : value
    }
    this.numberValue = value
    this.numberKind = integer && Number.isSafeInteger(value) ? Kind.Integer : Kind.Number
  }
}

/** Whether `data[start, start + word.length)` equals the lower-case ASCII `word`, ignoring case. */
function matchesIgnoringCase(data: Buffer, start: number, word: Buffer): boolean {
  for (let k = 0; k < word.length; k++) {
    if ((data[start + k] | LOWER_CASE_BIT) !== word[k]) return false
  }
  return true
}
