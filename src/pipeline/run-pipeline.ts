import { basename, extname, join } from 'node:path'
import type { LoadedConfig } from '../config/load.js'
import type { DatasetConfig } from '../config/types.js'
import { loadContract } from '../contract/load.js'
import { validateData, type ValidationDocument } from '../contract/validate.js'
import { UserInputError } from '../errors.js'
import { checkGates } from '../gates/check-gates.js'
import { candidateInput, runGate } from '../gates/run-gate.js'
import type { VerdictDocument } from '../gates/verdict.js'
import { expandGlob } from '../io/glob.js'
import type { ReadOptions } from '../io/table.js'
import { asEvaluationDocument } from '../evaluation/evaluate.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import { RESULT_FILES } from '../report/result-files.js'

/** One step of the pipeline has started: what it is, and how far along the pipeline is. */
export interface ProgressEvent {
  readonly step: number
  readonly steps: number
  readonly message: string
}

export interface PipelineOptions {
  /** Folder for the result documents; default the config's `report.output`. */
  readonly output?: string
  /** The candidate's predictions (or evaluation document); default the config's `model.predictions`. */
  readonly candidate?: string
  /** The baseline's, likewise; default the config's `model.baseline`. */
  readonly baseline?: string
  /** Today, for waiver expiry. */
  readonly now: Date
  readonly progress?: (event: ProgressEvent) => void
  /** Writes one document; the CLI and the action pass their own (with folders created). */
  readonly write: (path: string, document: unknown) => Promise<void>
}

export interface Written<T> {
  readonly path: string
  readonly document: T
}

export interface PipelineResult {
  readonly output: string
  /** Each records its `fail_on`, so the report's verdict (`reportVerdict`) is the pipeline's. */
  readonly validations: readonly Written<ValidationDocument>[]
  readonly candidate: Written<EvaluationDocument> | null
  readonly baseline: Written<EvaluationDocument> | null
  readonly verdict: Written<VerdictDocument> | null
}

/**
 * Runs what `ml-gate.yml` describes: validate every dataset (contract and drift), evaluate the
 * candidate and the baseline, gate, writing every result document into one folder
 * (`validation-<name>.json`, `evaluation-candidate.json`, `evaluation-baseline.json`,
 * `verdict.json`). Sends nothing anywhere.
 *
 * The gates are checked against the metric catalog before any data is read, so a config typo
 * fails in milliseconds.
 *
 * @throws UserInputError for any bad input, naming the file and line
 */
export async function runPipeline(loaded: LoadedConfig, options: PipelineOptions): Promise<PipelineResult> {
  const { config } = loaded
  if (config.model) checkGates(loaded)
  const output = options.output ?? config.report.output
  const datasets = await Promise.all(config.data.map((data, i) => expandDataset(data, i, loaded)))
  const files = datasets.flat()
  if (!config.model && (options.candidate ?? options.baseline) !== undefined) {
    throw new UserInputError(
      'a candidate or baseline was given, but the config has no `model` section to evaluate it with: add one naming the task and label',
      loaded.locate([], 'key')
    )
  }
  // Before any data is read: a config without predictions needs them by flag.
  const candidateFile = config.model ? candidateInput(loaded, options.candidate) : undefined
  const baselineFile = options.baseline ?? config.model?.baseline
  const steps = files.length + (config.model ? 2 : 0) + (baselineFile ? 1 : 0)
  let step = 0
  const progress = (message: string) => options.progress?.({ step: ++step, steps, message })

  const validations: Written<ValidationDocument>[] = []
  const taken = new Set<string>()
  for (const { file, data } of files) {
    progress(`validating ${file}`)
    const contract = data.contract === undefined ? undefined : await loadContract(data.contract)
    const document = await validateData({
      data: file,
      contract,
      reference: data.reference,
      drift: data.drift,
      read: readOptions(data),
      failOn: data.fail_on
    })
    const path = validationPath(output, file, taken)
    await options.write(path, document)
    validations.push({ path, document })
  }

  let candidate: Written<EvaluationDocument> | null = null
  let baseline: Written<EvaluationDocument> | null = null
  let verdict: Written<VerdictDocument> | null = null
  if (config.model) {
    progress(`evaluating ${candidateFile}${baselineFile ? ` and ${baselineFile}` : ''}`)
    const gate = await runGate({
      config: loaded,
      candidate: candidateFile,
      baseline: baselineFile,
      now: options.now
    })
    if (baselineFile) progress('gating the candidate against the thresholds and the baseline')
    const write = async <T>(name: string, document: T): Promise<Written<T>> => {
      const path = join(output, name)
      await options.write(path, document)
      return { path, document }
    }
    candidate = await write(RESULT_FILES.candidate, asEvaluationDocument(gate.candidate))
    if (gate.baseline) baseline = await write(RESULT_FILES.baseline, asEvaluationDocument(gate.baseline))
    progress('writing the verdict')
    verdict = await write(RESULT_FILES.verdict, gate.verdict)
  }
  return {
    output,
    validations,
    candidate,
    baseline,
    verdict
  }
}

async function expandDataset(
  data: DatasetConfig,
  index: number,
  loaded: LoadedConfig
): Promise<{ file: string; data: DatasetConfig }[]> {
  const files = await expandGlob(data.path)
  if (files.length === 0) {
    throw new UserInputError(
      `data[${index}].path: no file matches '${data.path}'`,
      loaded.locate(['data', index, 'path'])
    )
  }
  return files.map((file) => ({ file, data }))
}

function readOptions(data: DatasetConfig): ReadOptions {
  return { format: data.format, delimiter: data.delimiter, missing: data.missing }
}

/**
 * Where the validation document of a data file goes: `<output>/validation-<stem>.json`, with
 * `-2`, `-3`… for files of the same name in other folders. `taken` collects the names used.
 */
export function validationPath(output: string, file: string, taken: Set<string>): string {
  const stem = `validation-${basename(file, extname(file))}`
  let name = `${stem}.json`
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}.json`
  taken.add(name)
  return join(output, name)
}
