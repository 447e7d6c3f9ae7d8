import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { Results } from './result-files.js'

/** One file the result depends on, for the audit trail. */
export interface AuditFile {
  /** What the file is to ml-gate: `config`, `verdict`, `candidate predictions`… */
  readonly role: string
  readonly path: string
  /** Hex sha256 of its bytes; `null` when the file is not readable here (another job made it). */
  readonly sha256: string | null
}

/** What a reader needs to reproduce a report: the commit, ml-gate's version, the inputs, the seed. */
export interface AuditTrail {
  readonly commit: string | null
  readonly version: string
  /** The bootstrap seed of the evaluation; `null` without one. */
  readonly seed: number | null
  readonly files: readonly AuditFile[]
  /**
   * The page of the run that computed the results, when another run did (a fork-safe comment
   * workflow reports what a `workflow_run`'s trigger computed): its inputs are there, not here.
   */
  readonly computedIn?: string
  /** Where ml-gate found the baseline (the verdict's `baseline_source`), when it found it itself. */
  readonly baselineSource?: string
}

/**
 * Hex sha256 of a file, read as a stream (prediction files can be gigabytes); `null` when the file
 * cannot be read.
 */
export async function sha256File(path: string): Promise<string | null> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  } catch {
    return null
  }
  return hash.digest('hex')
}

/** Where the results of an audit trail come from. */
export interface AuditContext {
  /** The config, or `null` when there is none to name. */
  readonly config: string | null
  readonly commit: string | null
  readonly version: string
  /** The run that computed the results, when it is another run (see `AuditTrail.computedIn`). */
  readonly computedIn?: string | null
}

/**
 * The audit trail of a set of results: the config, every result document and every file those
 * documents name (predictions, data, contracts, references), each with its sha256, or named as not
 * readable here (computed in another job). Paths named inside documents are read relative to the
 * working directory, as the steps wrote them; the same path is listed once.
 */
export async function collectAuditTrail(results: Results, context: AuditContext): Promise<AuditTrail> {
  const known = new Map<string, AuditFile>()
  const add = async (role: string, path: string | null, sha256?: string): Promise<void> => {
    if (path === null || known.has(path)) return
    known.set(path, { role, path, sha256: sha256 ?? (await sha256File(path)) })
  }
  await add('config', context.config)
  if (results.verdict !== null) await add('verdict', results.verdict.path, results.verdict.sha256)
  // Several named candidates: each one's evaluation and predictions under its name.
  for (const { name, evaluation } of results.candidates)
    await add(`evaluation of candidate ${name}`, evaluation.path, evaluation.sha256)
  for (const [role, file] of [
    ['candidate evaluation', results.candidate],
    ['baseline evaluation', results.baseline]
  ] as const) {
    if (file !== null) await add(role, file.path, file.sha256)
  }
  for (const file of results.validations) await add('validation', file.path, file.sha256)
  for (const { name, evaluation } of results.candidates)
    await add(`predictions of candidate ${name}`, evaluation.document.file)
  await add('candidate predictions', results.candidate?.document.file ?? null)
  await add('baseline predictions', results.baseline?.document.file ?? null)
  for (const { document } of results.validations) {
    await add('data', document.file)
    await add('contract', document.contract)
    await add('reference', document.reference)
  }
  return {
    commit: context.commit,
    version: context.version,
    seed: results.candidate?.document.settings.seed ?? null,
    files: [...known.values()],
    ...(context.computedIn == null ? {} : { computedIn: context.computedIn }),
    ...(results.verdict?.document.baseline_source === undefined
      ? {}
      : { baselineSource: results.verdict.document.baseline_source })
  }
}
