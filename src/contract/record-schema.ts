import { readFile } from 'node:fs/promises'
import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv'
import type { RegExpEngine } from 'ajv/dist/types/index.js'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parseJson } from '../io/json-text.js'
import { UserInputError } from '../errors.js'
import { jsonDepth, MAX_JSON_DEPTH, pathToKey } from '../io/json-depth.js'
import type { RowBatch, Value } from '../io/table.js'
import { appendExamples, MAX_EXAMPLES, type CheckResult, type FailureExample } from './check.js'
import { compilePattern } from './pattern.js'
import type { CheckName } from './types.js'

/** A JSON Schema that every row, as an object of its present values, must satisfy. */
export interface RecordSchema {
  readonly file: string
  readonly validate: ValidateFunction
  /** The columns the schema names under `properties` (drift is measured on these). */
  readonly columns: readonly string[]
}

/**
 * Reads and compiles a per-record JSON Schema contract once. Draft 2020-12 unless `$schema`
 * names draft-07 (the two drafts ajv supports side by side).
 *
 * @throws UserInputError when the file is not JSON or not a valid schema
 */
export async function loadRecordSchema(file: string): Promise<RecordSchema> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new UserInputError(`cannot read the JSON Schema contract: ${reason}`, { file })
  }
  const parsed = parseJson(text, file, 'a JSON Schema contract')
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const found = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`
    throw new UserInputError(`expected a JSON Schema contract (a JSON object), found ${found}`, {
      file,
      line: 1,
      column: 1
    })
  }
  const schema = parsed as SchemaObject
  checkSchemaShape(file, schema)
  const draft7 = typeof schema.$schema === 'string' && schema.$schema.includes('draft-07')
  // `pattern` and `patternProperties` run on RE2 too: a schema is as untrusted as a YAML contract.
  const options = { allErrors: true, strict: false, code: { regExp: re2Engine } }
  const ajv = draft7 ? new Ajv(options) : new Ajv2020(options)
  try {
    return {
      file,
      validate: ajv.compile(schema),
      columns: Object.keys((schema.properties as object | undefined) ?? {})
    }
  } catch (error) {
    throw new UserInputError(`not a valid JSON Schema: ${(error as Error).message}`, { file })
  }
}

/**
 * What ajv cannot compile or check: a schema nested deeper than `MAX_JSON_DEPTH` (it compiles by
 * recursion), and a key `__proto__` (it skips it: the property would pass unchecked).
 *
 * @throws UserInputError naming the file
 */
function checkSchemaShape(file: string, schema: unknown): void {
  if (jsonDepth(schema) > MAX_JSON_DEPTH) {
    throw new UserInputError(
      `the JSON Schema nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays: expected at most ${MAX_JSON_DEPTH}`,
      { file }
    )
  }
  const path = pathToKey(schema, '__proto__')
  if (path !== null) {
    throw new UserInputError(
      `${path.join('.')}: a JSON Schema contract cannot check a property named __proto__ (its validator skips it); rename the column or use a YAML contract`,
      { file }
    )
  }
}

/**
 * ajv's regular expression engine, as its `code.regExp` option takes it. ajv keys compiled
 * patterns by their `toString()`, so each one must say its source.
 */
const re2Engine: RegExpEngine = Object.assign(
  (source: string) => {
    const pattern = compilePattern(source)
    return { test: (value: string) => pattern.test(value), toString: () => `/${source}/` }
  },
  { code: 'compilePattern' }
)

/** JSON Schema keywords and the contract checks they correspond to, for uniform reports. */
const CHECK_OF_KEYWORD: Readonly<Record<string, CheckName>> = {
  type: 'type',
  minimum: 'min',
  exclusiveMinimum: 'min',
  maximum: 'max',
  exclusiveMaximum: 'max',
  enum: 'in',
  const: 'in',
  pattern: 'pattern',
  minLength: 'min_length',
  maxLength: 'max_length',
  required: 'nullable'
}

interface Tally {
  readonly column: string | null
  readonly check: CheckName
  readonly expected: string
  failures: number
  readonly examples: FailureExample[]
}

/** A piece's checks under a JSON Schema contract: each failing keyword's tally, in first-failed order. */
export interface RecordSchemaCheckState {
  readonly kind: 'record_schema'
  readonly rows: number
  readonly tallies: readonly {
    readonly column: string | null
    readonly check: CheckName
    readonly expected: string
    readonly failures: number
    readonly examples: readonly FailureExample[]
  }[]
}

/**
 * Checks every row against a record schema. A row is the object of its present values (missing
 * values are left out, so `required` catches them). Each failing keyword of each column is
 * counted as one contract check, with the first examples at their lines.
 */
export class RecordSchemaChecker {
  private readonly tallies = new Map<string, Tally>()
  private rows = 0

  constructor(
    private readonly schema: RecordSchema,
    private readonly header: readonly string[]
  ) {}

  add(batch: RowBatch): void {
    const { header } = this
    this.rows += batch.size
    for (let i = 0; i < batch.size; i++) {
      // Null prototype: a column named `__proto__` is a property like any other, not the prototype.
      const record: Record<string, Value> = Object.create(null)
      for (let c = 0; c < header.length; c++) {
        const value = batch.columns[c].values[i]
        if (value !== null) record[header[c]] = value
      }
      if (this.schema.validate(record)) continue
      for (const error of this.schema.validate.errors ?? []) this.count(error, record, batch.lines[i])
    }
  }

  state(): RecordSchemaCheckState {
    return { kind: 'record_schema', rows: this.rows, tallies: [...this.tallies.values()] }
  }

  /**
   * Adds a later piece of the input (of `file`, when the input has several files): a keyword first
   * failing in it comes after those of earlier pieces, as in a single run.
   */
  merge(state: RecordSchemaCheckState, file: string | undefined): void {
    this.rows += state.rows
    for (const t of state.tallies) {
      const key = tallyKey(t.column, t.check)
      let tally = this.tallies.get(key)
      if (tally === undefined) {
        tally = { column: t.column, check: t.check, expected: t.expected, failures: 0, examples: [] }
        this.tallies.set(key, tally)
      }
      tally.failures += t.failures
      appendExamples(tally.examples, t.examples, file)
    }
  }

  results(): CheckResult[] {
    return [...this.tallies.values()].map((t) => ({
      column: t.column,
      check: t.check,
      severity: 'error' as const,
      passed: false,
      failures: t.failures,
      checked: this.rows,
      allowed: 0,
      expected: t.expected,
      examples: t.examples
    }))
  }

  private count(error: ErrorObject, record: Record<string, Value>, line: number): void {
    const column =
      error.keyword === 'required'
        ? String((error.params as { missingProperty: string }).missingProperty)
        : (error.instancePath.split('/')[1] ?? null)
    const check = CHECK_OF_KEYWORD[error.keyword] ?? 'schema'
    const key = tallyKey(column, check)
    let tally = this.tallies.get(key)
    if (tally === undefined) {
      const expected =
        check === 'schema' ? `${error.keyword}: ${error.message}` : (error.message ?? error.keyword)
      tally = { column: column || null, check, expected, failures: 0, examples: [] }
      this.tallies.set(key, tally)
    }
    tally.failures++
    if (tally.examples.length < MAX_EXAMPLES)
      tally.examples.push({ line, value: column ? (record[column] ?? null) : null })
  }
}

/** One tally per column and check; no column (the whole record) and '' are one, as reported. */
function tallyKey(column: string | null, check: CheckName): string {
  return `${column || ''}\u0000${check}`
}
