/**
 * The run step: what ml-gate.yml describes, end to end (validate, evaluate, gate), every result
 * document written into one folder. Shared by `ml-gate run` and the root action, which then report.
 */
import { loadConfig, type LoadedConfig } from '../config/load.js'
import type { DatasetConfig } from '../config/types.js'
import type { ValidationDocument } from '../contract/validate.js'
import { UserInputError } from '../errors.js'
import { checkGates } from '../gates/check-gates.js'
import type { VerdictDocument } from '../gates/verdict.js'
import { expandGlob } from '../io/glob.js'
import type { ReadOptions } from '../io/table.js'
import type { Workspace } from '../io/workspace.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import {
  baselineInput,
  candidateInput,
  configuredCandidates,
  runGate,
  writeGateDocuments,
  type NamedInput
} from './gate.js'
import { validateStep } from './validate.js'

/** One step of the pipeline has started: what it is, and how far along the pipeline is. */
export interface ProgressEvent {
  readonly step: number
  readonly steps: number
  readonly message: string
}

export interface RunStepRequest {
  /** ml-gate.yml (default in the shells: `ml-gate.yml`). */
  readonly config: string
  /** Where the config's paths must stay (the actions'); default: anywhere. */
  readonly workspace?: Workspace
  /**
   * Says why the caller needs the config to have a `model` section (`ml-gate run: --json writes
   * the verdict`); a config without one is then bad input, before anything is read.
   */
  readonly modelRequiredBy?: string
  /** Folder for the result documents; default the config's `report.output`. */
  readonly output?: string
  /** The candidate's predictions (or evaluation document); default the config's `model.predictions`. */
  readonly candidate?: string
  /** Several named candidates, overriding the config's `model.candidates` (not with `candidate`). */
  readonly candidates?: readonly NamedInput<string>[]
  /** The baseline's, likewise; default the config's `model.baseline` file; `null`: none. */
  readonly baseline?: string | null
  /** Where ml-gate found `baseline` (see `RunGateOptions.baselineSource`). */
  readonly baselineSource?: string
  /** Why no baseline was found (see `RunGateOptions.baselineMissing`). */
  readonly baselineMissing?: string
  /** Today, for waiver expiry. */
  readonly now: Date
  readonly progress?: (event: ProgressEvent) => void
}

export interface Written<T> {
  readonly path: string
  readonly document: T
}

export interface RunStepResult {
  readonly output: string
  /** Each records its `fail_on`, so the report's verdict (`reportVerdict`) is the pipeline's. */
  readonly validations: readonly Written<ValidationDocument>[]
  /** The one unnamed candidate's; `null` with named ones (`candidates`) or without a model. */
  readonly candidate: Written<EvaluationDocument> | null
  /** Each named candidate's, in order; empty otherwise. */
  readonly candidates: readonly (Written<EvaluationDocument> & { readonly name: string })[]
  readonly baseline: Written<EvaluationDocument> | null
  readonly verdict: Written<VerdictDocument> | null
}

/**
 * Loads ml-gate.yml and runs what it describes (`runPipeline`).
 * @throws UserInputError for any bad input, naming the file and line
 */
export async function runStep(request: RunStepRequest): Promise<RunStepResult> {
  const { config: file, workspace, modelRequiredBy, ...options } = request
  const loaded = await loadConfig(file, { workspace })
  if (modelRequiredBy !== undefined && loaded.config.model === undefined) {
    throw new UserInputError(`${modelRequiredBy}, but ${file} has no \`model\` section to gate`)
  }
  return runPipeline(loaded, options)
}

export type PipelineOptions = Omit<RunStepRequest, 'config' | 'workspace' | 'modelRequiredBy'>

/**
 * Runs what `ml-gate.yml` describes: validate every dataset (contract and drift), evaluate the
 * candidate and the baseline, gate, writing every result document into one folder
 * (`validation-<name>.json`, `evaluation-candidate.json` or with named candidates
 * `evaluation-candidate-<name>.json` each, `evaluation-baseline.json`, `verdict.json`). Sends nothing anywhere.
 *
 * The gates are checked against the metric catalog before any data is read, so a config typo
 * fails in milliseconds.
 *
 * @throws UserInputError for any bad input, naming the file and line
 */
export async function runPipeline(loaded: LoadedConfig, options: PipelineOptions): Promise<RunStepResult> {
  const { config } = loaded
  if (config.model) checkGates(loaded)
  const output = options.output ?? config.report.output
  const datasets = await Promise.all(config.data.map((data, i) => expandDataset(data, i, loaded)))
  if (
    !config.model &&
    (options.candidate ?? options.candidates ?? options.baseline ?? undefined) !== undefined
  ) {
    throw new UserInputError(
      'a candidate or baseline was given, but the config has no `model` section to evaluate it with: add one naming the task and label',
      loaded.locate([], 'key')
    )
  }
  // Before any data is read: a config without predictions needs them by flag.
  const named =
    options.candidates ?? (options.candidate === undefined ? configuredCandidates(config) : undefined)
  const candidateFile =
    config.model && named === undefined ? candidateInput(loaded, options.candidate) : undefined
  const candidateFiles = named?.map((c) => c.input).join(', ') ?? candidateFile
  const baselineFile = baselineInput(config, options.baseline) ?? undefined
  const files = datasets.reduce((n, d) => n + d.files.length, 0)
  const steps = files + (config.model ? 2 : 0) + (baselineFile ? 1 : 0)
  let step = 0
  const progress = (message: string) => options.progress?.({ step: ++step, steps, message })

  const validations: Written<ValidationDocument>[] = []
  const taken = new Set<string>()
  for (const { files, data } of datasets) {
    const validated = await validateStep({
      files,
      contract: data.contract,
      reference: data.reference,
      drift: data.drift,
      driftCorrection: data.drift?.correction,
      read: readOptions(data),
      failOn: data.fail_on,
      results: { dir: output, taken },
      onStart: (file) => progress(`validating ${file}`)
    })
    validated.documents.forEach((document, i) => validations.push({ path: validated.paths[i], document }))
  }

  let candidate: Written<EvaluationDocument> | null = null
  let candidates: (Written<EvaluationDocument> & { readonly name: string })[] = []
  let baseline: Written<EvaluationDocument> | null = null
  let verdict: Written<VerdictDocument> | null = null
  if (config.model) {
    progress(`evaluating ${candidateFiles}${baselineFile ? ` and ${baselineFile}` : ''}`)
    const gate = await runGate({
      config: loaded,
      ...(named === undefined ? { candidate: candidateFile } : { candidates: named }),
      baseline: baselineFile ?? null,
      baselineSource: options.baselineSource,
      baselineMissing: options.baselineMissing,
      now: options.now
    })
    const gated = named === undefined ? 'the candidate' : `${named.length} candidates`
    if (baselineFile) progress(`gating ${gated} against the thresholds and the baseline`)
    const written = await writeGateDocuments(output, gate, () => progress('writing the verdict'))
    const { documents } = written
    if (written.candidate !== null && documents.candidate !== null)
      candidate = { path: written.candidate, document: documents.candidate }
    candidates = written.candidates.map(({ name, input: path }, i) => ({
      name,
      path,
      document: documents.candidates[i]
    }))
    if (written.baseline !== null && documents.baseline !== null)
      baseline = { path: written.baseline, document: documents.baseline }
    verdict = { path: written.verdict, document: gate.verdict }
  }
  return { output, validations, candidate, candidates, baseline, verdict }
}

async function expandDataset(
  data: DatasetConfig,
  index: number,
  loaded: LoadedConfig
): Promise<{ files: string[]; data: DatasetConfig }> {
  const files = await expandGlob(data.path)
  if (files.length === 0) {
    throw new UserInputError(
      `data[${index}].path: no file matches '${data.path}'`,
      loaded.locate(['data', index, 'path'])
    )
  }
  return { files, data }
}

function readOptions(data: DatasetConfig): ReadOptions {
  return { format: data.format, delimiter: data.delimiter, missing: data.missing }
}
