/**
 * The gate step end to end: check the config, evaluate (or read) the candidate and the baseline,
 * judge every gate, and return the verdict document. Shared by `ml-gate gate`, the `gate` action
 * and `ml-gate run`.
 */
import { open, readFile } from 'node:fs/promises'
import type { LoadedConfig } from '../config/load.js'
import { UserInputError } from '../errors.js'
import type { ReadOptions } from '../io/table.js'
import {
  evaluatePredictions,
  evaluateSettingsFromConfig,
  type EvaluateSettings,
  type Evaluation,
  type EvaluationDocument
} from '../metrics/evaluate.js'
import { checkGates, checkSegmentKeys } from './check-gates.js'
import { judgeGates } from './judge.js'
import { resultsFromDocument, resultsFromEvaluation, type ModelResults } from './model-results.js'
import type { VerdictDocument } from './verdict.js'
import { verdictDocument } from './verdict-document.js'

/** A predictions file, an `ml-gate/evaluation@1` JSON file, or either already in memory. */
export type ModelInput = string | Evaluation | EvaluationDocument

export interface RunGateOptions {
  readonly config: LoadedConfig
  /** Default: the config's `model.predictions`; with neither, `runGate` throws. */
  readonly candidate?: ModelInput
  /** Default: the config's `model.baseline`; `null` (or neither): no baseline. */
  readonly baseline?: ModelInput | null
  /** Today, for waiver expiry (injected so that results do not depend on the clock). */
  readonly now: Date
  /** How predictions files are read (format, delimiter, missing tokens). */
  readonly read?: ReadOptions
}

export interface GateRun {
  readonly verdict: VerdictDocument
  readonly candidate: Evaluation | EvaluationDocument
  readonly baseline: Evaluation | EvaluationDocument | null
}

/**
 * Runs the gates of `options.config`.
 *
 * Order: the gates and waivers are checked against the metric catalog and the segment columns
 * first (`checkGates`), so a typo fails in milliseconds, before any file is read. Then the
 * candidate and baseline are evaluated with the config's `model` and `segments` (or read, for
 * evaluation documents); the segment keys the gates and waivers name are checked against the
 * candidate's segments (`checkSegmentKeys`), and the gates judged (`judgeGates`).
 *
 * @throws UserInputError for a config mistake (at its line), an unreadable or invalid file, or a
 *   document of another task than the config's
 */
export async function runGate(options: RunGateOptions): Promise<GateRun> {
  const { config } = options.config
  checkGates(options.config)
  const settings = evaluateSettingsFromConfig(config)
  const candidate = await loadModel(candidateInput(options.config, options.candidate), settings, options.read)
  const candidateResults = asResults(candidate)
  checkSegmentKeys(options.config, candidateResults)
  const baselineInput = options.baseline === undefined ? config.model?.baseline : options.baseline
  const baseline = baselineInput == null ? null : await loadModel(baselineInput, settings, options.read)
  const baselineResults = baseline === null ? null : asResults(baseline)
  const results = judgeGates({
    config,
    candidate: candidateResults,
    baseline: baselineResults,
    now: options.now
  })
  const verdict = verdictDocument({
    config,
    results,
    candidate: candidateResults.file,
    baseline: baselineResults?.file ?? null,
    paired: candidateResults.pairedBy !== null && baselineResults?.pairedBy != null,
    now: options.now
  })
  return { verdict, candidate, baseline }
}

/**
 * The candidate: `given`, else the config's `model.predictions`.
 * @throws UserInputError at the config's `model` when there is neither
 */
export function candidateInput<T extends ModelInput>(loaded: LoadedConfig, given: T | undefined): T | string {
  const input = given ?? loaded.config.model?.predictions
  if (input !== undefined) return input
  throw new UserInputError(
    "model: no candidate to gate: the config's model has no `predictions`, and none was given; " +
      'add `predictions: FILE` to the model section, or pass --candidate FILE (ml-gate gate, ml-gate run) ' +
      "or the actions' candidate input",
    loaded.locate(['model'], 'key')
  )
}

function isDocument(model: Evaluation | EvaluationDocument): model is EvaluationDocument {
  return 'schema' in model
}

function asResults(model: Evaluation | EvaluationDocument): ModelResults {
  return isDocument(model) ? resultsFromDocument(model) : resultsFromEvaluation(model)
}

async function loadModel(
  input: ModelInput,
  settings: EvaluateSettings,
  read: ReadOptions | undefined
): Promise<Evaluation | EvaluationDocument> {
  if (typeof input !== 'string') return checkTask(input, settings)
  if (await looksLikeDocument(input)) return checkTask(await readEvaluationDocument(input), settings)
  return evaluatePredictions(input, settings, read)
}

/** A JSON object whose first 4 KiB name a `schema`: a result document, not rows of predictions. */
async function looksLikeDocument(file: string): Promise<boolean> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch {
    return false // the table reader reports the missing file in its own words
  }
  try {
    const buffer = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    const head = buffer.toString('utf8', 0, bytesRead)
    return /^\s*\{/.test(head) && head.includes('"schema"')
  } finally {
    await handle.close()
  }
}

/**
 * Reads an `ml-gate/evaluation@1` document, checking the fields the gates read.
 * @throws UserInputError naming the file and what was expected
 */
export async function readEvaluationDocument(file: string): Promise<EvaluationDocument> {
  const invalid = (message: string): never => {
    throw new UserInputError(message, { file })
  }
  let value: unknown
  try {
    value = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    invalid(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const document = value as Partial<EvaluationDocument> & { schema?: unknown }
  if (document.schema !== 'ml-gate/evaluation@1') {
    invalid(
      `is a ${JSON.stringify(document.schema)} document; expected an ml-gate/evaluation@1 document ` +
        '(from `ml-gate evaluate --json`) or a predictions file'
    )
  }
  const segmentsOk =
    Array.isArray(document.segments) &&
    document.segments.every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        typeof s.key === 'string' &&
        typeof s.n === 'number' &&
        typeof s.metrics === 'object' &&
        s.metrics !== null
    )
  if (!segmentsOk || typeof document.settings?.confidence !== 'number' || typeof document.task !== 'string') {
    invalid(
      'is not a complete ml-gate/evaluation@1 document: expected `task`, `settings.confidence` and ' +
        '`segments` as a list of {key, column, n, metrics}'
    )
  }
  return document as EvaluationDocument
}

function checkTask<T extends Evaluation | EvaluationDocument>(model: T, settings: EvaluateSettings): T {
  const task = isDocument(model) ? model.task : model.settings.model.task
  if (task !== settings.model.task) {
    throw new UserInputError(
      `evaluates a ${task} model, but the config's model.task is ${settings.model.task}`,
      { file: model.file }
    )
  }
  return model
}
