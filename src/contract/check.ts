import { isCalendarDate } from '../config/schema-validator.js'
import { Kind, type ColumnChunk, type RowBatch, type Value } from '../io/table.js'
import { NumberSet } from './number-set.js'
import { compilePattern } from './pattern.js'
import type { CheckName, ColumnContract, Contract, ContractType, Severity } from './types.js'

/** The first failures of a check, with the line (or row) they come from. */
export interface FailureExample {
  /** The file the row is in, when the input has several files. */
  readonly file?: string
  readonly line: number
  readonly value: Value
}

/** The outcome of one check of the contract. */
export interface CheckResult {
  /** The column checked, or null for checks of the whole table (`rows`). */
  readonly column: string | null
  readonly check: CheckName
  readonly severity: Severity
  readonly passed: boolean
  /** Values (or rows) that broke the check. */
  readonly failures: number
  /** Values the check looked at: present values for value checks, rows for missing-value checks. */
  readonly checked: number
  /** Failures tolerated by `mostly` / `max_failures` / `max_missing`. */
  readonly allowed: number
  /** What was expected, in words: `integer`, `>= 0`, `one of: owner, rent`. */
  readonly expected: string
  /** The first failures, at most `MAX_EXAMPLES`, in file order. */
  readonly examples: FailureExample[]
}

export const MAX_EXAMPLES = 20

/**
 * A per-value rule compiled from a column contract, applied a batch at a time: `check` tests the
 * values of the rows i with `skip[i] === 0` and fails `tally` at each value that breaks the rule,
 * in row order. The type rule also sets `skip[i]` at its failures: a value of the wrong type fails
 * `type` only, its range or set would say nothing more.
 *
 * Each kind of rule has its own loop, so that each loop's calls and comparisons see one kind of
 * test (a shared loop calling `rule.test(value)` for every rule of every column cannot be inlined).
 */
interface ValueRule {
  readonly name: CheckName
  readonly expected: string
  readonly check: CheckValues
}

type CheckValues = (
  chunk: ColumnChunk,
  size: number,
  lines: Float64Array,
  skip: Uint8Array,
  tally: Tally
) => void

/** A check's failures as a piece's state keeps them (`checked` follows from the rows). */
export interface TallyState {
  readonly failures: number
  /** The first `MAX_EXAMPLES`, in file order. */
  readonly examples: readonly FailureExample[]
}

/** Counts failures of one check and keeps the first examples. */
class Tally {
  failures = 0
  checked = 0
  readonly examples: FailureExample[] = []

  fail(line: number, value: Value): void {
    this.failures++
    if (this.examples.length < MAX_EXAMPLES) this.examples.push({ line, value })
  }

  state(): TallyState {
    return { failures: this.failures, examples: this.examples }
  }

  /** Adds the failures of a later piece (of `file`, when the input has several files). */
  merge(other: TallyState, file: string | undefined): void {
    this.failures += other.failures
    appendExamples(this.examples, other.examples, file)
  }
}

/** Appends `more` (of `file`, when given) to `examples`, up to `MAX_EXAMPLES` in all. */
export function appendExamples(
  examples: FailureExample[],
  more: readonly FailureExample[],
  file: string | undefined
): void {
  for (const { line, value } of more) {
    if (examples.length >= MAX_EXAMPLES) return
    examples.push(file === undefined ? { line, value } : { file, line, value })
  }
}

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

function isDateTime(text: string): boolean {
  return (
    DATETIME.test(text) &&
    isCalendarDate(text.slice(0, 10)) &&
    !Number.isNaN(Date.parse(text.replace(' ', 'T')))
  )
}

/** The type rule: each type's test in its own loop (see `ValueRule`). */
function typeRule(type: ContractType): ValueRule {
  const check: CheckValues = ({ values, kinds }, size, lines, skip, tally) => {
    const fail = (i: number) => {
      tally.fail(lines[i], values[i])
      skip[i] = 1
    }
    switch (type) {
      case 'integer':
        // A whole number written as `12.0` counts: pandas writes integer columns that have missing
        // values that way.
        for (let i = 0; i < size; i++) {
          const kind = kinds[i]
          if (
            skip[i] === 0 &&
            kind !== Kind.Integer &&
            !(kind === Kind.Number && Number.isInteger(values[i]))
          )
            fail(i)
        }
        return
      case 'number':
        for (let i = 0; i < size; i++) {
          const kind = kinds[i]
          if (skip[i] === 0 && kind !== Kind.Integer && kind !== Kind.Number) fail(i)
        }
        return
      case 'boolean':
        for (let i = 0; i < size; i++) if (skip[i] === 0 && kinds[i] !== Kind.Boolean) fail(i)
        return
      case 'string':
        return
      case 'date':
        for (let i = 0; i < size; i++) {
          if (skip[i] === 0 && !(kinds[i] === Kind.String && isCalendarDate(values[i] as string))) fail(i)
        }
        return
      case 'datetime':
        for (let i = 0; i < size; i++) {
          if (skip[i] !== 0) continue
          const value = values[i] as string
          if (!(kinds[i] === Kind.String && (isDateTime(value) || isCalendarDate(value)))) fail(i)
        }
    }
  }
  return { name: 'type', expected: type, check }
}

/** A rule tested value by value with `test` (the rarer rules: dates, patterns). */
function testedRule(name: CheckName, expected: string, test: (value: Value) => boolean): ValueRule {
  const check: CheckValues = ({ values }, size, lines, skip, tally) => {
    for (let i = 0; i < size; i++) if (skip[i] === 0 && !test(values[i])) tally.fail(lines[i], values[i])
  }
  return { name, expected, check }
}

/** `min` or `max` of a numeric column: a value passes when it is a number in [low, high]. */
function numberRangeRule(name: 'min' | 'max', expected: string, low: number, high: number): ValueRule {
  const check: CheckValues = ({ values }, size, lines, skip, tally) => {
    for (let i = 0; i < size; i++) {
      if (skip[i] !== 0) continue
      const value = values[i]
      if (!(typeof value === 'number' && value >= low && value <= high)) tally.fail(lines[i], value)
    }
  }
  return { name, expected, check }
}

/** `in`: the value's text is one of `allowed`; a short list is scanned, a long one hashed. */
function inRule(expected: string, allowed: readonly string[]): ValueRule {
  const set = new Set(allowed)
  const scan = allowed.length <= 8
  const check: CheckValues = ({ values }, size, lines, skip, tally) => {
    for (let i = 0; i < size; i++) {
      if (skip[i] !== 0) continue
      const value = values[i]
      const text = typeof value === 'string' ? value : String(value)
      let found = false
      if (scan) {
        for (let j = 0; j < allowed.length && !found; j++) found = allowed[j] === text
      } else found = set.has(text)
      if (!found) tally.fail(lines[i], value)
    }
  }
  return { name: 'in', expected, check }
}

/**
 * The number of code points of `text`, as `[...text].length` counts them (a surrogate pair is
 * one, a lone surrogate one), without building the array.
 */
export function codePoints(text: string): number {
  let pairs = 0
  for (let i = 0; i + 1 < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++
        i++
      }
    }
  }
  return text.length - pairs
}

/** `min_length` / `max_length`: the text's code points in [low, high]. */
function lengthRule(
  name: 'min_length' | 'max_length',
  expected: string,
  low: number,
  high: number
): ValueRule {
  const check: CheckValues = ({ values }, size, lines, skip, tally) => {
    for (let i = 0; i < size; i++) {
      if (skip[i] !== 0) continue
      const value = values[i]
      const text = typeof value === 'string' ? value : String(value)
      // A text has between length / 2 and length code points: count them only when that decides.
      const passes = text.length <= high && text.length >= 2 * low ? true : codePointsWithin(text, low, high)
      if (!passes) tally.fail(lines[i], value)
    }
  }
  return { name, expected, check }
}

function codePointsWithin(text: string, low: number, high: number): boolean {
  const n = codePoints(text)
  return n >= low && n <= high
}

/** A comparable number for min/max: the value itself, or the time of a date. */
function comparable(type: ContractType | undefined, value: Value): number | undefined {
  if (type === 'date' || type === 'datetime') {
    if (typeof value !== 'string') return undefined
    const time = Date.parse(value.replace(' ', 'T'))
    return Number.isNaN(time) ? undefined : time
  }
  return typeof value === 'number' ? value : undefined
}

function listed(values: readonly (string | number | boolean)[]): string {
  const shown = values.slice(0, 10).map((v) => String(v))
  return values.length > 10 ? `${shown.join(', ')}, … (${values.length} values)` : shown.join(', ')
}

function valueRules(rules: ColumnContract): ValueRule[] {
  const out: ValueRule[] = []
  const type = rules.type
  if (type !== undefined) out.push(typeRule(type))
  for (const [name, bound] of [
    ['min', rules.min],
    ['max', rules.max]
  ] as const) {
    if (bound === undefined) continue
    const limit = comparable(type, bound)!
    const expected = `${name === 'min' ? '>=' : '<='} ${bound}`
    if (type === 'date' || type === 'datetime') {
      const ok = name === 'min' ? (x: number) => x >= limit : (x: number) => x <= limit
      out.push(
        testedRule(name, expected, (value) => {
          const x = comparable(type, value)
          return x !== undefined && ok(x)
        })
      )
    } else if (name === 'min') out.push(numberRangeRule(name, expected, limit, Infinity))
    else out.push(numberRangeRule(name, expected, -Infinity, limit))
  }
  if (rules.in !== undefined) {
    out.push(
      inRule(
        `one of: ${listed(rules.in)}`,
        rules.in.map((v) => String(v))
      )
    )
  }
  if (rules.pattern !== undefined) {
    const regex = compilePattern(rules.pattern)
    out.push(testedRule('pattern', `matches /${rules.pattern}/`, (value) => regex.test(String(value))))
  }
  if (rules.min_length !== undefined) {
    const n = rules.min_length
    out.push(lengthRule('min_length', `at least ${n} characters`, n, Infinity))
  }
  if (rules.max_length !== undefined) {
    const n = rules.max_length
    out.push(lengthRule('max_length', `at most ${n} characters`, 0, n))
  }
  return out
}

/**
 * The values a `unique` column has shown, by kind: the string "1" and the number 1 are distinct,
 * and so are the integer 1 and the decimal 1.0 (as `${kind}:${String(value)}` keys would be: a
 * number's shortest text tells every float64 apart except −0 from 0, which SameValueZero equates
 * too). Numbers go in a `NumberSet` per kind (8-16 bytes each instead of a key string and a `Set`
 * entry); anything else keeps its text key.
 */
class DistinctValues {
  private readonly integers = new NumberSet()
  private readonly decimals = new NumberSet()
  private readonly others = new Set<string>()

  /** Adds a present value; true if it was new. */
  add(value: Value, kind: number): boolean {
    if (typeof value === 'number') {
      if (kind === Kind.Integer) return this.integers.add(value)
      if (kind === Kind.Number) return this.decimals.add(value)
    }
    const key = `${kind}:${String(value)}`
    if (this.others.has(key)) return false
    this.others.add(key)
    return true
  }
}

/**
 * The values a `unique` column has shown with the line each was first on, for pieces that merge
 * (`ColumnChecker.merge`): keyed by kind and text as `DistinctValues`'s text keys are, so the same
 * values are told apart. A `Map` entry per value: several times `DistinctValues`'s memory.
 */
class FirstLines {
  readonly lines = new Map<string, number>()

  add(value: Value, kind: number, line: number): boolean {
    const key = `${kind}:${String(value)}`
    if (this.lines.has(key)) return false
    this.lines.set(key, line)
    return true
  }
}

/** The value a `FirstLines` key stands for. */
function valueOfKey(key: string): Value {
  const colon = key.indexOf(':')
  const kind = Number(key.slice(0, colon))
  const text = key.slice(colon + 1)
  if (kind === Kind.Integer || kind === Kind.Number) return Number(text)
  if (kind === Kind.Boolean) return text === 'true'
  return text
}

/** One column's checks as a piece's state keeps them. */
export interface ColumnCheckState {
  readonly column: string
  readonly rows: number
  readonly missing: TallyState
  /** One per value rule of the column's contract, in the contract's order. */
  readonly rules: readonly TallyState[]
  /** `unique` only: the piece's own duplicates, and each distinct value with its first line. */
  readonly unique: {
    readonly duplicates: TallyState
    /** `kind:text` of each distinct value, in the order first seen. */
    readonly keys: readonly string[]
    readonly lines: readonly number[]
  } | null
}

/** Checks that one column's values pass its contract, batch by batch. */
class ColumnChecker {
  private readonly rules: ValueRule[]
  private readonly tallies: Tally[]
  private readonly missing = new Tally()
  private rows = 0
  private readonly seen: DistinctValues | FirstLines | null
  private readonly duplicates = new Tally()
  /** Rows of the batch that the value rules pass over: missing, or of the wrong type. */
  private skip = new Uint8Array(0)

  constructor(
    readonly name: string,
    readonly index: number,
    readonly contract: ColumnContract,
    mergeable: boolean
  ) {
    this.rules = valueRules(contract)
    this.tallies = this.rules.map(() => new Tally())
    this.seen = !contract.unique ? null : mergeable ? new FirstLines() : new DistinctValues()
  }

  add(batch: RowBatch): void {
    const chunk = batch.columns[this.index]
    const { values, kinds } = chunk
    const { size, lines } = batch
    const { rules, tallies, seen } = this
    this.rows += size
    if (this.skip.length < size) this.skip = new Uint8Array(size)
    const skip = this.skip
    for (let i = 0; i < size; i++) {
      if (kinds[i] === Kind.Missing) {
        this.missing.fail(lines[i], null)
        skip[i] = 1
      } else skip[i] = 0
    }
    for (let r = 0; r < rules.length; r++) rules[r].check(chunk, size, lines, skip, tallies[r])
    if (seen === null) return
    const duplicates = this.duplicates
    for (let i = 0; i < size; i++) {
      const kind = kinds[i]
      if (kind !== Kind.Missing && !seen.add(values[i], kind, lines[i])) duplicates.fail(lines[i], values[i])
    }
  }

  state(): ColumnCheckState {
    const seen = this.seen
    if (seen instanceof DistinctValues)
      throw new Error(`ColumnChecker.state: '${this.name}' was not made mergeable`)
    return {
      column: this.name,
      rows: this.rows,
      missing: this.missing.state(),
      rules: this.tallies.map((t) => t.state()),
      unique:
        seen === null
          ? null
          : {
              duplicates: this.duplicates.state(),
              keys: [...seen.lines.keys()],
              lines: [...seen.lines.values()]
            }
    }
  }

  /**
   * Adds a later piece of the input (of `file`, when the input has several files). A value of a
   * `unique` column that the piece saw first but an earlier piece had is one more duplicate, at the
   * line the piece first had it: the duplicates and their examples are a single run's.
   * @throws Error for a state of another contract
   */
  merge(state: ColumnCheckState, file: string | undefined): void {
    const seen = this.seen
    if (
      state.column !== this.name ||
      state.rules.length !== this.tallies.length ||
      (state.unique === null) !== (seen === null) ||
      seen instanceof DistinctValues ||
      (state.unique !== null && state.unique.keys.length !== state.unique.lines.length)
    )
      throw new Error(`invalid validation state: the checks of '${state.column}' are not the contract's`)
    this.rows += state.rows
    this.missing.merge(state.missing, file)
    state.rules.forEach((tally, r) => this.tallies[r].merge(tally, file))
    if (seen === null || state.unique === null) return
    const { duplicates, keys, lines } = state.unique
    const again: FailureExample[] = []
    let count = 0
    for (let i = 0; i < keys.length; i++) {
      if (!seen.lines.has(keys[i])) seen.lines.set(keys[i], lines[i])
      else if (count++ < MAX_EXAMPLES) again.push({ line: lines[i], value: valueOfKey(keys[i]) })
    }
    this.duplicates.merge(
      { failures: duplicates.failures + count, examples: byLine(duplicates.examples, again) },
      file
    )
  }

  results(): CheckResult[] {
    const c = this.contract
    // Every present value meets the first rule; the type rule (always first) holds back its failures.
    const present = this.rows - this.missing.failures
    this.tallies.forEach((tally, r) => {
      tally.checked = r > 0 && this.rules[0].name === 'type' ? present - this.tallies[0].failures : present
    })
    this.duplicates.checked = present
    const out = this.rules.map((rule, r) => this.result(rule.name, rule.expected, this.tallies[r]))
    this.missing.checked = this.rows
    if (c.nullable === false) out.push(this.result('nullable', 'no missing values', this.missing, 0))
    if (c.max_missing !== undefined) {
      const allowed = c.max_missing < 1 ? Math.floor(c.max_missing * this.rows) : c.max_missing
      const expected =
        c.max_missing < 1 ? `at most ${c.max_missing * 100}% missing` : `at most ${allowed} missing`
      out.push(this.result('max_missing', expected, this.missing, allowed))
    }
    if (this.seen !== null) out.push(this.result('unique', 'unique values', this.duplicates))
    return out
  }

  private result(check: CheckName, expected: string, tally: Tally, fixedAllowance?: number): CheckResult {
    const settings = { ...this.contract, ...this.contract.checks?.[check] }
    const allowed = fixedAllowance ?? allowance(settings, tally.checked)
    return {
      column: this.name,
      check,
      severity: settings.severity ?? 'error',
      passed: tally.failures <= allowed,
      failures: tally.failures,
      checked: tally.checked,
      allowed,
      expected,
      examples: tally.examples
    }
  }
}

/** Two lists in line order as one, its first `MAX_EXAMPLES`. */
function byLine(a: readonly FailureExample[], b: readonly FailureExample[]): FailureExample[] {
  const out: FailureExample[] = []
  let i = 0
  let j = 0
  while (out.length < MAX_EXAMPLES && (i < a.length || j < b.length)) {
    out.push(j >= b.length || (i < a.length && a[i].line < b[j].line) ? a[i++] : b[j++])
  }
  return out
}

/** Failures tolerated: `max_failures`, or the share `1 - mostly` of the values checked (rounded down). */
function allowance(settings: { mostly?: number; max_failures?: number }, checked: number): number {
  if (settings.max_failures !== undefined) return settings.max_failures
  if (settings.mostly !== undefined) return Math.floor((1 - settings.mostly) * checked + 1e-9)
  return 0
}

/** A piece's checks under a YAML contract. */
export interface ContractCheckState {
  readonly kind: 'contract'
  readonly rows: number
  /** The contract's columns present in the header, in contract order. */
  readonly columns: readonly ColumnCheckState[]
}

/**
 * Streams a table through a contract. Memory is constant in the number of rows except for
 * `unique` columns, which keep one set entry per distinct value.
 *
 * @param header the table's columns; every contract column must be among them, or absent with
 *   `required: false` (the loader checks this before any row is read)
 */
export class ContractChecker {
  private readonly columns: ColumnChecker[]
  private rows = 0

  /** @param mergeable whether `state` will be asked for (it keeps `unique` values' first lines) */
  constructor(
    private readonly contract: Contract,
    private readonly header: readonly string[],
    mergeable = false
  ) {
    this.columns = Object.entries(contract.columns)
      .filter(([name]) => header.includes(name))
      .map(([name, rules]) => new ColumnChecker(name, header.indexOf(name), rules, mergeable))
  }

  state(): ContractCheckState {
    return { kind: 'contract', rows: this.rows, columns: this.columns.map((c) => c.state()) }
  }

  /**
   * Adds a later piece of the input (see `ColumnChecker.merge`).
   * @throws Error for a state of another contract or header
   */
  merge(state: ContractCheckState, file: string | undefined): void {
    if (state.columns.length !== this.columns.length)
      throw new Error("invalid validation state: its checks are not the contract's")
    this.rows += state.rows
    this.columns.forEach((column, i) => column.merge(state.columns[i], file))
  }

  add(batch: RowBatch): void {
    this.rows += batch.size
    for (const column of this.columns) column.add(batch)
  }

  /** Every check's result: table checks first, then columns in contract order. */
  results(): CheckResult[] {
    const out: CheckResult[] = []
    const { rows, extra_columns: extra = 'error' } = this.contract
    if (rows?.min !== undefined || rows?.max !== undefined) {
      const tooFew = rows.min !== undefined && this.rows < rows.min
      const tooMany = rows.max !== undefined && this.rows > rows.max
      const expected = [
        rows.min !== undefined ? `>= ${rows.min}` : '',
        rows.max !== undefined ? `<= ${rows.max}` : ''
      ]
        .filter(Boolean)
        .join(' and ')
      out.push({
        column: null,
        check: 'rows',
        severity: 'error',
        passed: !tooFew && !tooMany,
        failures: tooFew || tooMany ? 1 : 0,
        checked: this.rows,
        allowed: 0,
        expected: `${expected} rows`,
        examples: []
      })
    }
    if (extra !== 'ignore') {
      for (const name of this.header) {
        if (this.contract.columns[name] !== undefined) continue
        out.push({
          column: name,
          check: 'extra_columns',
          severity: extra,
          passed: false,
          failures: 1,
          checked: 1,
          allowed: 0,
          expected: 'only the columns the contract names',
          examples: []
        })
      }
    }
    for (const column of this.columns) for (const result of column.results()) out.push(result)
    return out
  }

  get rowCount(): number {
    return this.rows
  }
}
