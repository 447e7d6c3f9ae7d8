import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ValidationDocument } from '../contract/validate.js'
import { EVALUATION } from '../documents/evaluation.js'
import { readDocument, type DocumentKind, type ReadDocument } from '../documents/read-document.js'
import { RESULT_FILES } from '../documents/result-names.js'
import { VALIDATION } from '../documents/validation.js'
import { VERDICT } from '../gates/verdict-file.js'
import { UserInputError } from '../errors.js'
import type { VerdictDocument } from '../gates/verdict.js'
import type { EvaluationDocument } from '../documents/evaluation.js'

/**
 * The result documents the steps hand to each other in the results folder, as the report loads
 * them (the names each step writes: `documents/result-names.ts`). Validation documents are `validation.json` or
 * `validation-<name>.json` (one per data file).
 */

/** `validation.json`, `validation-incoming.json`… */
const VALIDATION_FILE = /^validation(-[^/\\]+)?\.json$/

/** One loaded document (path as found: `<dir>/<name>`), with its digest for the audit trail. */
export type ResultFile<T> = ReadDocument<T>

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
 * promises, valid against that schema (src/documents/): the folder may be a fork's artifact.
 * Documents that are absent are `null` (a validate-only pipeline has no verdict).
 *
 * @throws UserInputError when `dir` is not a readable folder, holds no result document at all,
 *   or a file is not JSON, carries another `schema` or breaks its schema (at its line and column)
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
  const load = async <T>(name: string, kind: DocumentKind<T>): Promise<ResultFile<T> | null> =>
    names.includes(name) ? readDocument(join(dir, name), kind) : null
  const results: Results = {
    dir,
    verdict: await load(RESULT_FILES.verdict, VERDICT),
    candidate: await load(RESULT_FILES.candidate, EVALUATION),
    baseline: await load(RESULT_FILES.baseline, EVALUATION),
    validations: await Promise.all(
      names
        .filter((name) => VALIDATION_FILE.test(name))
        .map((name) => readDocument(join(dir, name), VALIDATION))
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
