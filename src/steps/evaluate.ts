/**
 * The evaluate step: a predictions file to an `ml-gate/evaluation@1` document, with the settings
 * of ml-gate.yml (when given) under those written as options. Shared by `ml-gate evaluate` and the
 * evaluate action.
 */
import { join } from 'node:path'
import { evaluateSettingsFromOptions, type EvaluateOptions } from '../config/evaluate-options.js'
import { UserInputError } from '../errors.js'
import type { ReadOptions } from '../io/table.js'
import type { Workspace } from '../io/workspace.js'
import { evaluateSettingsFromConfig } from '../config/evaluate-settings.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import { evaluationDocument } from '../evaluation/evaluate.js'
import { evaluateFiles, evaluateShard, type ShardReport } from '../evaluation/evaluate-input.js'
import type { EvaluateSettings } from '../config/evaluate-settings.js'
import { inputFiles } from '../io/glob.js'
import type { Shard } from '../io/partition.js'
import { writeDocument } from './write-document.js'

export interface EvaluateStepRequest {
  /** ml-gate.yml, whose model and segments are the settings under `options`. */
  readonly config?: string
  /** Where the config's paths must stay (the actions'); default: anywhere. */
  readonly workspace?: Workspace
  /** Default: the config's `model.predictions`. */
  readonly predictions?: string
  readonly options: EvaluateOptions
  /** How errors name an option: `--seed` for the CLI, `input 'seed'` for the action. */
  readonly optionName: (option: keyof EvaluateOptions) => string
  /** The error when neither `predictions` nor the config names the predictions file. */
  readonly noPredictions: string
  readonly read?: ReadOptions
  /** Writes the document to `<dir>/evaluation-<name>.json`; none: not written. */
  readonly results?: { readonly dir: string; readonly name: string }
}

export interface EvaluateStepResult {
  readonly document: EvaluationDocument
  /** Where it was written; `null` without `results`. */
  readonly path: string | null
}

/**
 * Evaluates the predictions file with the settings of the request.
 * @throws UserInputError for a config mistake (at its line), a bad option, or an unreadable file
 */
export async function evaluateStep(
  request: EvaluateStepRequest & Required<Pick<EvaluateStepRequest, 'results'>>
): Promise<EvaluateStepResult & { readonly path: string }>
export async function evaluateStep(request: EvaluateStepRequest): Promise<EvaluateStepResult>
export async function evaluateStep(request: EvaluateStepRequest): Promise<EvaluateStepResult> {
  const { predictions, settings } = await resolveRequest(request)
  const files = await inputFiles(predictions)
  const document = evaluationDocument(await evaluateFiles(predictions, files, settings, request.read))
  if (request.results === undefined) return { document, path: null }
  const path = join(request.results.dir, `evaluation-${request.results.name}.json`)
  await writeDocument(path, document)
  return { document, path }
}

/**
 * Evaluates shard K of N of the predictions (a glob: every Nth file; one file: a byte range) to its
 * `ml-gate/evaluation-state@1` document, which `ml-gate merge` joins with the other shards'.
 * @throws UserInputError as `evaluateStep`, and for a byte range of gzip, Parquet or JSON data
 */
export async function evaluateShardStep(request: EvaluateStepRequest, shard: Shard): Promise<ShardReport> {
  const { predictions, settings } = await resolveRequest(request)
  return evaluateShard(predictions, await inputFiles(predictions), shard, settings, request.read)
}

async function resolveRequest(
  request: EvaluateStepRequest
): Promise<{ readonly predictions: string; readonly settings: EvaluateSettings }> {
  // The config loader (the YAML parser and ajv) is loaded only when there is a config to read.
  const config =
    request.config === undefined
      ? undefined
      : (
          await (
            await import('../config/load.js')
          ).loadConfig(request.config, { workspace: request.workspace })
        ).config
  const base = config?.model ? evaluateSettingsFromConfig(config) : undefined
  const predictions = request.predictions ?? config?.model?.predictions
  if (predictions === undefined) throw new UserInputError(request.noPredictions)
  return { predictions, settings: evaluateSettingsFromOptions(request.options, base, request.optionName) }
}
