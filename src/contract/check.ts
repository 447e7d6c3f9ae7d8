import { isCalendarDate } from '../config/schema-validator.js'
import { Kind, type RowBatch, type Value } from '../io/table.js'
import { NumberSet } from './number-set.js'
import type { CheckName, ColumnContract, Contract, ContractType, Severity } from './types.js'

/** The first failures of a check, with the line (or row) they come from. */
export interface FailureExample {
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

/** A per-value rule compiled from a column contract. */
interface ValueRule {
  readonly name: CheckName
  readonly expected: string
  test(value: Value, kind: number): boolean
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
}

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

function isDateTime(text: string): boolean {
  return (
    DATETIME.test(text) &&
    isCalendarDate(text.slice(0, 10)) &&
    !Number.isNaN(Date.parse(text.replace(' ', 'T')))
  )
}

const TYPE_TESTS: Record<ContractType, (value: Value, kind: number) => boolean> = {
  // A whole number written as `12.0` counts: pandas writes integer columns that have missing
  // values that way.
  integer: (value, kind) => kind === Kind.Integer || (kind === Kind.Number && Number.isInteger(value)),
  number: (_, kind) => kind === Kind.Integer || kind === Kind.Number,
  boolean: (_, kind) => kind === Kind.Boolean,
  string: () => true,
  date: (value, kind) => kind === Kind.String && isCalendarDate(value as string),
  datetime: (value, kind) =>
    kind === Kind.String && (isDateTime(value as string) || isCalendarDate(value as string))
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
  if (type !== undefined) out.push({ name: 'type', expected: type, test: TYPE_TESTS[type] })
  for (const [name, bound, ok] of [
    ['min', rules.min, (x: number, b: number) => x >= b],
    ['max', rules.max, (x: number, b: number) => x <= b]
  ] as const) {
    if (bound === undefined) continue
    const limit = comparable(type, bound)!
    out.push({
      name,
      expected: `${name === 'min' ? '>=' : '<='} ${bound}`,
      test: (value) => {
        const x = comparable(type, value)
        return x !== undefined && ok(x, limit)
      }
    })
  }
  if (rules.in !== undefined) {
    const allowed = new Set(rules.in.map((v) => String(v)))
    out.push({
      name: 'in',
      expected: `one of: ${listed(rules.in)}`,
      test: (value) => allowed.has(String(value))
    })
  }
  if (rules.pattern !== undefined) {
    const regex = new RegExp(rules.pattern, 'u')
    out.push({
      name: 'pattern',
      expected: `matches /${rules.pattern}/`,
      test: (value) => regex.test(String(value))
    })
  }
  if (rules.min_length !== undefined) {
    const n = rules.min_length
    out.push({
      name: 'min_length',
      expected: `at least ${n} characters`,
      test: (v) => [...String(v)].length >= n
    })
  }
  if (rules.max_length !== undefined) {
    const n = rules.max_length
    out.push({
      name: 'max_length',
      expected: `at most ${n} characters`,
      test: (v) => [...String(v)].length <= n
    })
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

/** Checks that one column's values pass its contract, batch by batch. */
class ColumnChecker {
  private readonly rules: ValueRule[]
  private readonly tallies: Tally[]
  private readonly missing = new Tally()
  private rows = 0
  private readonly seen: DistinctValues | null
  private readonly duplicates = new Tally()

  constructor(
    readonly name: string,
    readonly index: number,
    readonly contract: ColumnContract
  ) {
    this.rules = valueRules(contract)
    this.tallies = this.rules.map(() => new Tally())
    this.seen = contract.unique ? new DistinctValues() : null
  }

  add(batch: RowBatch): void {
    const { values, kinds } = batch.columns[this.index]
    const { rules, tallies, seen } = this
    this.rows += batch.size
    for (let i = 0; i < batch.size; i++) {
      const kind = kinds[i]
      const value = values[i]
      if (kind === Kind.Missing) {
        this.missing.fail(batch.lines[i], null)
        continue
      }
      // A value of the wrong type fails `type` only: its range or set would say nothing more.
      for (let r = 0; r < rules.length; r++) {
        tallies[r].checked++
        if (!rules[r].test(value, kind)) {
          tallies[r].fail(batch.lines[i], value)
          if (rules[r].name === 'type') break
        }
      }
      if (seen !== null) {
        this.duplicates.checked++
        if (!seen.add(value, kind)) this.duplicates.fail(batch.lines[i], value)
      }
    }
  }

  results(): CheckResult[] {
    const c = this.contract
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

/** Failures tolerated: `max_failures`, or the share `1 - mostly` of the values checked (rounded down). */
function allowance(settings: { mostly?: number; max_failures?: number }, checked: number): number {
  if (settings.max_failures !== undefined) return settings.max_failures
  if (settings.mostly !== undefined) return Math.floor((1 - settings.mostly) * checked + 1e-9)
  return 0
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

  constructor(
    private readonly contract: Contract,
    private readonly header: readonly string[]
  ) {
    this.columns = Object.entries(contract.columns)
      .filter(([name]) => header.includes(name))
      .map(([name, rules]) => new ColumnChecker(name, header.indexOf(name), rules))
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
    for (const column of this.columns) out.push(...column.results())
    return out
  }

  get rowCount(): number {
    return this.rows
  }
}
