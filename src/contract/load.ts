import { extname } from 'node:path'
import schema from '../../schemas/contract.schema.json' with { type: 'json' }
import { compileSchema, type SchemaValidator } from '../config/schema-validator.js'
import { formatPath, readYamlFile, type JsonPath, type YamlSource } from '../config/yaml-source.js'
import { methodsFor, type DriftMethod } from '../drift/method.js'
import { UserInputError, type SourceLocation } from '../errors.js'
import { patternError } from './pattern.js'
import { loadRecordSchema, type RecordSchema } from './record-schema.js'
import type { ColumnContract, Contract, ContractType } from './types.js'

export interface LoadedContract {
  readonly contract: Contract
  readonly file: string
  /** Where the contract says what is at `path`, for messages about a column or rule. */
  locate(path: JsonPath, part?: 'key' | 'value'): SourceLocation
  /** Set for a JSON Schema contract: every row must satisfy it (`contract` then names no columns). */
  readonly recordSchema?: RecordSchema
}

let validateContract: SchemaValidator<Contract> | undefined

/**
 * Reads a data contract. A `.json` file is a per-record JSON Schema (see `record-schema.ts`);
 * anything else is a YAML contract, checked against schemas/contract.schema.json, then what the
 * schema cannot say — every `pattern` compiles in RE2 (pattern.ts), bounds fit the column type (numbers, or ISO dates
 * for date columns), `min <= max`, and a drift method fits the column type.
 *
 * @throws UserInputError at the contract's line for every problem, e.g.
 *   `contracts/credit.yml:7:25: columns.Age.pattern: invalid regular expression: ...`
 */
export async function loadContract(file: string): Promise<LoadedContract> {
  if (extname(file).toLowerCase() === '.json') {
    const recordSchema = await loadRecordSchema(file)
    return {
      contract: { columns: {}, extra_columns: 'ignore' },
      file,
      locate: () => ({ file }),
      recordSchema
    }
  }
  const source = await readYamlFile(file)
  if (source.value === null) {
    throw new UserInputError(
      'empty contract: expected `columns:` with at least one column',
      source.locate([])
    )
  }
  validateContract ??= compileSchema<Contract>(schema)
  const contract = validateContract(source)
  for (const [name, column] of Object.entries(contract.columns)) checkColumn(name, column, source)
  if (contract.drift?.method !== undefined)
    checkDriftMethod(contract.drift.method, undefined, ['drift', 'method'], source)
  return { contract, file, locate: source.locate }
}

/** The drift kind a contract type implies, or undefined when the data must decide. */
export function driftKindOf(
  type: ContractType | undefined
): 'numeric' | 'categorical' | 'boolean' | undefined {
  if (type === 'integer' || type === 'number') return 'numeric'
  if (type === 'boolean') return 'boolean'
  if (type === 'string' || type === 'date' || type === 'datetime') return 'categorical'
  return undefined
}

function checkColumn(name: string, column: ColumnContract, source: YamlSource): void {
  const at = (...rest: string[]) => ['columns', name, ...rest]
  const fail = (path: JsonPath, message: string): never => {
    throw new UserInputError(`${formatPath(path)}: ${message}`, source.locate(path))
  }
  if (column.pattern !== undefined) {
    const problem = patternError(column.pattern)
    if (problem !== null) {
      fail(
        at('pattern'),
        `invalid regular expression: ${problem}; expected RE2 syntax (no backreferences, no lookaround: matching stays linear in the value)`
      )
    }
  }
  const dated = column.type === 'date' || column.type === 'datetime'
  const bounds: number[] = []
  for (const key of ['min', 'max'] as const) {
    const bound = column[key]
    if (bound === undefined) continue
    if (dated) {
      const time = typeof bound === 'string' ? Date.parse(bound) : NaN
      if (Number.isNaN(time))
        fail(at(key), `expected an ISO date for a ${column.type} column, got ${JSON.stringify(bound)}`)
      bounds.push(time)
    } else {
      if (typeof bound !== 'number') fail(at(key), `expected a number, got ${JSON.stringify(bound)}`)
      bounds.push(bound as number)
    }
  }
  if (bounds.length === 2 && bounds[0] > bounds[1])
    fail(at('max'), `max (${column.max}) is below min (${column.min})`)
  if (column.drift !== undefined && column.drift !== false && column.drift.method !== undefined) {
    checkDriftMethod(column.drift.method, column.type, at('drift', 'method'), source)
  }
}

function checkDriftMethod(
  method: string,
  type: ContractType | undefined,
  path: JsonPath,
  source: YamlSource
): void {
  const kind = driftKindOf(type)
  if (method === 'auto' || kind === undefined) return
  const allowed = methodsFor(kind)
  if (!allowed.includes(method as DriftMethod)) {
    throw new UserInputError(
      `${formatPath(path)}: '${method}' does not apply to ${/^[aeiou]/.test(type ?? '') ? 'an' : 'a'} ${type} column; use one of ${allowed.join(', ')} or auto`,
      source.locate(path)
    )
  }
}
