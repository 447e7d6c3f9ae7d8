/**
 * JSON objects as table rows, shared by the JSON Lines and JSON array readers.
 *
 * - The columns are the keys of the first object, in order. They are fixed from then on: a later
 *   object with another key is an error (silently dropping it would hide a typo such as `scroe`);
 *   a later object without a key has a missing value there.
 * - Values: `null` is missing; `true`/`false` are booleans; a number is an integer when it is
 *   whole and within ±(2^53 - 1) (JSON.parse does not tell whether the text was `1` or `1.0`,
 *   so `1.0` is an integer here, unlike in CSV), else a number; a string is a string, or missing
 *   when it equals a missing token (`"NA"`, `""`, as in CSV). A string holding digits stays a string:
 *   JSON already says what it is. Nested objects and arrays become a string of their JSON, so
 *   nothing is lost, up to `MAX_JSON_DEPTH` levels (json-depth.ts; deeper is an error). A number
 *   too large for a double (`1e400`, which JSON.parse turns into Infinity) is an error rather than
 *   an invented infinity.
 */
import type { BatchBuilder } from './batch.js'
import { jsonDepth, MAX_JSON_DEPTH } from './json-depth.js'
import { Kind, type Value } from './table.js'
import type { ValueParser } from './value-parser.js'

/** Why an object could not be written as a row. */
export type JsonRowProblem =
  | { readonly kind: 'unknown-key'; readonly key: string }
  | { readonly kind: 'out-of-range'; readonly key: string }
  | { readonly kind: 'too-deep'; readonly key: string }

export type JsonObject = Record<string, unknown>

export class JsonRowWriter {
  readonly columns: string[]
  private readonly index: Map<string, number>

  /** @param first the first object of the file: its keys are the columns */
  constructor(
    first: JsonObject,
    private readonly parser: ValueParser
  ) {
    this.columns = Object.keys(first)
    this.index = new Map(this.columns.map((name, c) => [name, c]))
  }

  /** Writes `record` at row `builder.size` (the caller commits it), or says why it cannot. */
  write(record: JsonObject, builder: BatchBuilder): JsonRowProblem | null {
    const row = builder.size
    const { values, kinds } = builder
    for (let c = 0; c < this.columns.length; c++) {
      values[c][row] = null
      kinds[c][row] = Kind.Missing
    }
    let position = 0
    for (const key in record) {
      // Objects usually list their keys in the header's order: check that before the map.
      const c = this.columns[position] === key ? position : this.index.get(key)
      if (c === undefined) return { kind: 'unknown-key', key }
      position = c + 1
      const value = record[key]
      // The record is one level: its cell may nest MAX_JSON_DEPTH - 1 more.
      if (
        typeof value === 'object' &&
        value !== null &&
        jsonDepth(value, MAX_JSON_DEPTH - 1) >= MAX_JSON_DEPTH
      )
        return { kind: 'too-deep', key }
      if (!this.writeValue(value, values[c], kinds[c], row)) return { kind: 'out-of-range', key }
    }
    return null
  }

  /**
   * The message for a problem `write` reported.
   *
   * @param firstRecord where the first object is, e.g. `line 1` or `row 1`
   */
  explain(problem: JsonRowProblem, firstRecord: string): string {
    if (problem.kind === 'out-of-range') {
      return `the number in "${problem.key}" is out of range: expected a finite number (at most about 1.8e308)`
    }
    if (problem.kind === 'too-deep') {
      return `the value of "${problem.key}" nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels: expected at most ${MAX_JSON_DEPTH}`
    }
    const names = this.columns.slice(0, 10).map((name) => `"${name}"`)
    const expected =
      this.columns.length > 10 ? `${names.join(', ')}, … (${this.columns.length} columns)` : names.join(', ')
    return `key "${problem.key}" is not a column: the columns are fixed by the first record (${firstRecord}); expected only ${expected}`
  }

  /** False for a number JSON.parse could only read as an infinity. */
  private writeValue(value: unknown, values: Value[], kinds: Uint8Array, row: number): boolean {
    switch (typeof value) {
      case 'number':
        if (!Number.isFinite(value)) return false
        values[row] = value
        kinds[row] = Number.isSafeInteger(value) ? Kind.Integer : Kind.Number
        return true
      case 'string':
        this.parser.parseString(value, values, kinds, row)
        return true
      case 'boolean':
        values[row] = value
        kinds[row] = Kind.Boolean
        return true
      default:
        if (value !== null) {
          values[row] = JSON.stringify(value)
          kinds[row] = Kind.String
        }
        return true
    }
  }
}

/** How a parsed JSON value reads in a message: "an array", "a number", ... */
export function describeJson(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

/** Whether a parsed JSON value is a plain object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The text of a JSON.parse error without V8's position suffix, and that position when given. */
export function jsonSyntaxError(error: unknown): { reason: string; position: number | null } {
  const message = error instanceof Error ? error.message : String(error)
  const match = / in JSON at position (\d+)/.exec(message)
  return {
    reason: match ? message.slice(0, match.index) : message,
    position: match ? Number(match[1]) : null
  }
}
