import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ValidationDocument } from '../contract/validate.js'
import { EVALUATION } from '../documents/evaluation.js'
import { readDocument, type DocumentKind, type ReadDocument } from '../documents/read-document.js'
import { candidateResultFile, RESULT_FILES } from '../documents/result-names.js'
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

/** The evaluation of one of several named candidates (`VerdictDocument.candidates`). */
export interface CandidateEvaluation {
  readonly name: string
  readonly evaluation: ResultFile<EvaluationDocument>
}

export interface Results {
  readonly dir: string
  readonly verdict: ResultFile<VerdictDocument> | null
  /**
   * The candidate the verdict's top-level fields describe: `evaluation-candidate.json`, or with
   * several named candidates the winner's (the first candidate's when none wins) from `candidates`.
   */
  readonly candidate: ResultFile<EvaluationDocument> | null
  /** With several named candidates, each one's evaluation in the verdict's order; else empty. */
  readonly candidates: readonly CandidateEvaluation[]
  readonly baseline: ResultFile<EvaluationDocument> | null
  /** In file-name order. */
  readonly validations: readonly ResultFile<ValidationDocument>[]
}

/**
 * Loads every result document in `dir`. Each file must be JSON whose `schema` is the one its name
 * promises, valid against that schema (src/documents/): the folder may be a fork's artifact.
 * Documents that are absent are `null` (a validate-only pipeline has no verdict).
 *
 * With several named candidates (`candidates` in the verdict) each one's evaluation is
 * `candidateResultFile(name)` and `evaluation-candidate.json` is not read.
 *
 * @throws UserInputError when `dir` is not a readable folder, holds no result document at all,
 *   or a file is not JSON, carries another `schema` or breaks its schema (at its line and column);
 *   when the verdict names a candidate whose evaluation is not in `dir`
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
  const verdict = await load(RESULT_FILES.verdict, VERDICT)
  const named = verdict === null ? [] : await loadCandidates(dir, names, verdict)
  const shown = verdict?.document.winner ?? verdict?.document.candidates?.[0]?.name
  const results: Results = {
    dir,
    verdict,
    candidate:
      verdict?.document.candidates === undefined
        ? await load(RESULT_FILES.candidate, EVALUATION)
        : (named.find((c) => c.name === shown)?.evaluation ?? null),
    candidates: named,
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

/** The evaluation of every candidate `verdict` names, each required. */
async function loadCandidates(
  dir: string,
  names: readonly string[],
  verdict: ResultFile<VerdictDocument>
): Promise<CandidateEvaluation[]> {
  const candidates = verdict.document.candidates ?? []
  const loaded: CandidateEvaluation[] = []
  for (const { name } of candidates) {
    // The folder may be a fork's artifact: the verdict schema's name pattern ([A-Za-z0-9._-]+)
    // keeps `name` from reaching outside it.
    const file = candidateResultFile(name)
    if (!names.includes(file)) {
      throw new UserInputError(
        `${join(dir, file)}: not found; ${verdict.path} names the candidate ${name}, whose evaluation ` +
          `the gate step writes there (expected an ml-gate/evaluation@1 document; upload the whole results folder)`
      )
    }
    loaded.push({ name, evaluation: await readDocument(join(dir, file), EVALUATION) })
  }
  const winner = verdict.document.winner ?? null
  if (winner !== null && !candidates.some((c) => c.name === winner)) {
    throw new UserInputError(
      `${verdict.path}: winner ${JSON.stringify(winner.slice(0, 80))} is not one of its candidates ` +
        `(${candidates.map((c) => c.name).join(', ')}); expected one of them or null`
    )
  }
  return loaded
}
