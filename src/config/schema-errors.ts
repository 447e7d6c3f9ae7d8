/**
 * ajv errors -> the one error a user should fix first, said plainly, at its line and column.
 *
 * ajv (with `allErrors`) reports every failed keyword, including the failed branches of every
 * `anyOf`: a list that is long, repetitive and mostly noise. One error is chosen:
 *
 * 1. the failed branches of an `anyOf`/`oneOf` whose schema has an `errorMessage` are replaced by
 *    that message; otherwise the `anyOf` itself is dropped and its branches compete;
 * 2. the deepest error wins (the most precise location);
 * 3. at the same depth: unknown key, then rule messages, then missing keys, then value checks
 *    (enum, range...), then types. Value checks beat types because, in an `anyOf`, the branch with
 *    the right type is the one the user meant.
 *
 * Messages read `PATH: what was expected, got what was found`, e.g.
 * `gates[2].metric: expected a string, got a number` or
 * `segments: unknown key 'min_suport' (did you mean 'min_support'?); allowed keys: columns, bins, cross, min_support`.
 */
import type { ErrorObject } from 'ajv/dist/2020.js'
import { type SourceLocation, UserInputError } from '../errors.js'
import { toPath } from '../io/json-text.js'
import { closest, didYouMean } from '../suggest.js'
import { formatPath, type JsonPath, type YamlSource } from './yaml-source.js'

const COMBINATORS = new Set(['anyOf', 'oneOf'])

/** Keywords that check a value (rather than the shape of a mapping): their messages end in ", got X". */
const VALUE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength'
])

/**
 * Turn ajv's errors for `data` into one `UserInputError`.
 *
 * @param errors `validate.errors` of a validator compiled with `allErrors` and `verbose`
 * @param data the validated value (the instance paths of `errors` point into it)
 * @param locate maps a path to its place in the file
 */
export function explainSchemaErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  locate: YamlSource['locate']
): UserInputError {
  const candidates = withoutCombinatorNoise(errors)
  if (candidates.length === 0) throw new Error('explainSchemaErrors: no errors to explain')
  const best = candidates.reduce((a, b) => (compare(b, a) < 0 ? b : a))
  const path = toPath(best.instancePath, data)
  const message = describe(best, candidates)
  const prefix = path.length === 0 ? '' : `${formatPath(path)}: `
  return new UserInputError(prefix + message, locateError(best, path, locate))
}

/** Replace or remove `anyOf`/`oneOf` errors and their branches (rule 1 above). */
function withoutCombinatorNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => COMBINATORS.has(e.keyword))
  const explained = combinators.filter((e) => hasErrorMessage(e))
  return errors.filter((error) => {
    if (COMBINATORS.has(error.keyword)) return hasErrorMessage(error)
    return !explained.some((c) => isBranchOf(error, c))
  })
}

function isBranchOf(error: ErrorObject, combinator: ErrorObject): boolean {
  const at = combinator.instancePath
  return (
    error.schemaPath.startsWith(`${combinator.schemaPath}/`) &&
    (error.instancePath === at || error.instancePath.startsWith(`${at}/`))
  )
}

function hasErrorMessage(error: ErrorObject): boolean {
  return typeof errorMessage(error) === 'string'
}

function errorMessage(error: ErrorObject): string | undefined {
  const parent: unknown = error.parentSchema
  if (typeof parent !== 'object' || parent === null) return undefined
  const message = (parent as { errorMessage?: unknown }).errorMessage
  return typeof message === 'string' ? message : undefined
}

/** Negative when `a` is the better error to report (rules 2 and 3). */
function compare(a: ErrorObject, b: ErrorObject): number {
  return depth(b) - depth(a) || priority(a) - priority(b)
}

function depth(error: ErrorObject): number {
  return error.instancePath === '' ? 0 : error.instancePath.split('/').length - 1
}

function priority(error: ErrorObject): number {
  if (error.keyword === 'additionalProperties') return 0
  if (hasErrorMessage(error) && !VALUE_KEYWORDS.has(error.keyword)) return 1
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') return 2
  if (error.keyword === 'type') return 4
  return 3
}

function describe(error: ErrorObject, all: readonly ErrorObject[]): string {
  const custom = errorMessage(error)
  const got = VALUE_KEYWORDS.has(error.keyword) ? `, got ${describeGot(error, all)}` : ''
  if (custom !== undefined) return custom.startsWith('expected ') ? custom + got : custom
  const params = error.params as Record<string, unknown>
  const schema: Record<string, unknown> = isRecord(error.parentSchema) ? error.parentSchema : {}
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const allowed = Object.keys(isRecord(schema.properties) ? schema.properties : {})
      return `unknown key '${key}'${didYouMean(key, allowed)}; allowed keys: ${allowed.join(', ')}`
    }
    case 'required':
      return `missing required key '${String(params.missingProperty)}'`
    case 'dependentRequired':
      return `'${String(params.property)}' requires '${String(params.missingProperty)}'`
    case 'type':
      return `expected ${listTypes(sameValueTypes(error, all))}${got}`
    case 'enum': {
      const allowed = error.schema as unknown[]
      const match = typeof error.data === 'string' ? closest(error.data, allowed.map(String)) : undefined
      const hint = match === undefined ? '' : ` (did you mean ${show(match)}?)`
      return `expected one of ${allowed.map(showAllowed).join(', ')}${got}${hint}`
    }
    case 'const':
      return `expected ${showAllowed(params.allowedValue)}${got}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `expected ${rangeText(schema)}${got}`
    case 'minLength':
      return params.limit === 1
        ? `expected a non-empty string${got}`
        : `expected at least ${String(params.limit)} characters${got}`
    case 'minItems':
    case 'maxItems': {
      const count = Array.isArray(error.data) ? error.data.length : 0
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most'
      return `expected ${bound} ${plural(Number(params.limit), 'item')}, got ${count}`
    }
    case 'uniqueItems':
      return `duplicate item ${show((error.data as unknown[])[Number(params.i)])}: each item may appear only once`
    case 'format':
      return `expected the ${String(params.format)} format${got}`
    case 'false schema':
      return 'this key is not allowed here'
    default:
      return `${error.message ?? 'invalid value'}${got}`
  }
}

/**
 * The types accepted at the error's place: for a value that failed every branch of an `anyOf`
 * of types (`true`, a column name or a list), all of them.
 */
function sameValueTypes(error: ErrorObject, all: readonly ErrorObject[]): string[] {
  const types = new Set<string>()
  for (const other of all) {
    if (other.keyword === 'type' && other.instancePath === error.instancePath) {
      for (const type of String((other.params as { type: string }).type).split(',')) types.add(type)
    }
  }
  return [...types]
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true or false)',
  array: 'a list',
  object: 'a mapping (key: value)',
  null: 'an empty value'
}

function listTypes(types: readonly string[]): string {
  const names = types.map((type) => TYPE_NAMES[type] ?? type)
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
}

/** What was found: its kind for type errors, its value otherwise. */
function describeGot(error: ErrorObject, all: readonly ErrorObject[]): string {
  const data: unknown = error.data
  if (error.keyword !== 'type') return show(data)
  // "expected an integer, got a number" would be confusing: show the number. Likewise for
  // `.inf` and `.nan`, which YAML reads as numbers that JSON Schema does not accept as numbers.
  if (
    typeof data === 'number' &&
    (!Number.isFinite(data) || sameValueTypes(error, all).includes('integer'))
  ) {
    return show(data)
  }
  return kindOf(data)
}

function kindOf(data: unknown): string {
  if (data === null || data === undefined) return 'an empty value'
  if (Array.isArray(data)) return 'a list'
  if (typeof data === 'object') return 'a mapping'
  if (typeof data === 'boolean') return 'a boolean'
  return `a ${typeof data}`
}

function show(data: unknown): string {
  if (typeof data === 'string') return `'${truncate(escapeControls(data))}'`
  if (typeof data === 'number')
    return Number.isNaN(data) ? '.nan' : Number.isFinite(data) ? String(data) : `${data < 0 ? '-' : ''}.inf`
  if (typeof data === 'boolean') return String(data)
  return kindOf(data)
}

/** Allowed values as a user would write them: `binary`, `','`, `'\t'`. */
function showAllowed(value: unknown): string {
  return typeof value === 'string' && /^[\w.-]+$/.test(value) ? value : show(value)
}

function escapeControls(text: string): string {
  return text.replace(/[\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}

function truncate(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`
}

/** `an integer >= 100 and <= 100000`: what a number schema with bounds allows. */
export function rangeText(schema: Record<string, unknown>): string {
  return `${schema.type === 'integer' ? 'an integer' : 'a number'} ${describeRange(schema)}`
}

function describeRange(schema: Record<string, unknown>): string {
  const parts: string[] = []
  if (typeof schema.minimum === 'number') parts.push(`>= ${schema.minimum}`)
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`> ${schema.exclusiveMinimum}`)
  if (typeof schema.maximum === 'number') parts.push(`<= ${schema.maximum}`)
  if (typeof schema.exclusiveMaximum === 'number') parts.push(`< ${schema.exclusiveMaximum}`)
  return parts.join(' and ')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Point at the key for problems with keys (unknown, missing, conflicting) and at the value for
 * problems with values.
 */
function locateError(error: ErrorObject, path: JsonPath, locate: YamlSource['locate']): SourceLocation {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties':
      return locate([...path, String(params.additionalProperty)], 'key')
    case 'dependentRequired':
      return locate([...path, String(params.property)], 'key')
    case 'uniqueItems':
      return locate([...path, Number(params.i)])
    default:
      return locate(path, VALUE_KEYWORDS.has(error.keyword) ? 'value' : 'key')
  }
}
