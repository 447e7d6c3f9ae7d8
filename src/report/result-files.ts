import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ValidationDocument } from '../contract/validate.js'
import { UserInputError } from '../errors.js'
import type { VerdictDocument } from '../gates/verdict.js'
import type { EvaluationDocument } from '../metrics/evaluate.js'

/**
 * The result documents the steps hand to each other in the results folder: the names each step
 * writes, and the loader the report uses. Validation documents are `validation.json` or
 * `validation-<name>.json` (one per data file).
 */
export const RESULT_FILES = {
  folder: 'ml-gate-results',
  verdict: 'verdict.json',
  candidate: 'evaluation-candidate.json',
  baseline: 'evaluation-baseline.json'
} as const

/** `validation.json`, `validation-incoming.json`… */
const VALIDATION_FILE = /^validation(-[^/\\]+)?\.json$/

/** The `schema` key each document must carry. */
const SCHEMAS = {
  verdict: 'ml-gate/verdict@1',
  evaluation: 'ml-gate/evaluation@1',
  validation: 'ml-gate/validation@1'
} as const

/** One loaded document, with where it came from and its digest for the audit trail. */
export interface ResultFile<T> {
  /** The path as found: `<dir>/<name>`. */
  readonly path: string
  /** Hex sha256 of the file's bytes. */
  readonly sha256: string
  readonly document: T
}

export interface Results {
  readonly dir: string
  readonly verdict: ResultFile<VerdictDocument> | null
  readonly candidate: ResultFile<EvaluationDocument> | null
  readonly baseline: ResultFile<EvaluationDocument> | null
  /** In file-name order. */
  readonly validations: readonly ResultFile<ValidationDocument>[]
}

/**
 * Loads every result document in `dir`. Each file must be JSON whose `schema` is the one its name
 * promises; documents that are absent are `null` (a validate-only pipeline has no verdict).
 *
 * @throws UserInputError when `dir` is not a readable folder, holds no result document at all,
 *   or a file is not JSON (at its line and column) or carries another `schema`
 */
export async function readResults(dir: string): Promise<Results> {
  let names: string[]
  try {
    names = (await readdir(dir)).sort()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserInputError(
      `cannot read the results folder ${dir} (${code ?? String(error)}); expected the folder the ` +
        `validate, evaluate and gate steps wrote (default ${RESULT_FILES.folder})`
    )
  }
  const load = async <T>(name: string, schema: string): Promise<ResultFile<T> | null> =>
    names.includes(name) ? loadDocument<T>(join(dir, name), schema) : null
  const results: Results = {
    dir,
    verdict: await load<VerdictDocument>(RESULT_FILES.verdict, SCHEMAS.verdict),
    candidate: await load<EvaluationDocument>(RESULT_FILES.candidate, SCHEMAS.evaluation),
    baseline: await load<EvaluationDocument>(RESULT_FILES.baseline, SCHEMAS.evaluation),
    validations: await Promise.all(
      names
        .filter((name) => VALIDATION_FILE.test(name))
        .map((name) => loadDocument<ValidationDocument>(join(dir, name), SCHEMAS.validation))
    )
  }
  if (results.verdict === null && results.candidate === null && results.validations.length === 0) {
    throw new UserInputError(
      `no result documents in ${dir}: expected ${RESULT_FILES.verdict}, ${RESULT_FILES.candidate} ` +
        `or validation*.json, as written by the gate, evaluate and validate-data steps` +
        (names.length > 0 ? `; found ${names.slice(0, 10).join(', ')}` : '; the folder is empty')
    )
  }
  return results
}

async function loadDocument<T>(path: string, schema: string): Promise<ResultFile<T>> {
  const bytes = await readFile(path)
  const text = bytes.toString('utf8')
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new UserInputError(
      `not valid JSON (${(error as Error).message}); expected a ${schema} document`,
      jsonErrorLocation(path, text, error as Error)
    )
  }
  const found = (document as { schema?: unknown } | null)?.schema
  if (found !== schema) {
    throw new UserInputError(
      `expected a ${schema} document (its "schema" key), found ${found === undefined ? 'no "schema" key' : JSON.stringify(found)}`,
      { file: path, line: 1 }
    )
  }
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), document: document as T }
}

/** Line and column of a JSON.parse error, from the character position V8 reports. */
function jsonErrorLocation(file: string, text: string, error: Error) {
  const position = /at position (\d+)/.exec(error.message)
  if (position === null) return { file }
  const before = text.slice(0, Number(position[1]))
  const lines = before.split('\n')
  return { file, line: lines.length, column: lines[lines.length - 1].length + 1 }
}
