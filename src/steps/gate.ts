/**
 * The gate step end to end: check the config, evaluate (or read) the candidate and the baseline,
 * judge every gate, and return the verdict document. Shared by `ml-gate gate`, the `gate` action
 * and `ml-gate run`.
 */
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { loadConfig, type LoadedConfig } from '../config/load.js'
import type { Config } from '../config/types.js'
import { configuredBaselineArtifact, configuredBaselineFile, unfetchedArtifact } from '../config/baseline.js'
import { evaluateSettingsFromConfig, type EvaluateSettings } from '../config/evaluate-settings.js'
import { readEvaluationFile, type EvaluationDocument } from '../documents/evaluation.js'
import { UserInputError, type ExitCode } from '../errors.js'
import type { ReadOptions } from '../io/table.js'
import {
  asEvaluationDocument,
  documentSettings,
  evaluatePredictions,
  type Evaluation
} from '../evaluation/evaluate.js'
import { checkGates, checkSegmentKeys } from '../gates/check-gates.js'
import { judgeCandidates } from '../gates/judge.js'
import { candidatesVerdict } from '../gates/candidates.js'
import { selectionSettings } from '../gates/select.js'
import { isDocument, pairModels, type Loaded, type Paired } from '../gates/pairing.js'
import { describeDifferences, settingDifferences, type StatedSettings } from '../gates/same-settings.js'
import { verdictExitCode, type VerdictDocument } from '../gates/verdict.js'
import { verdictDocument } from '../gates/verdict-document.js'
import type { Workspace } from '../io/workspace.js'
import { candidateResultFile, RESULT_FILES } from '../documents/result-names.js'
import { writeDocument } from './write-document.js'

/** A predictions file, an `ml-gate/evaluation@1` JSON file, or either already in memory. */
export type ModelInput = string | Evaluation | EvaluationDocument

/** A named candidate (`model.candidates`, `--candidate NAME=FILE`). */
export interface NamedInput<T = ModelInput> {
  /** `[A-Za-z0-9._-]+`, unique among the candidates. */
  readonly name: string
  readonly input: T
}

export interface RunGateOptions {
  readonly config: LoadedConfig
  /**
   * Default: the config's `model.predictions` (or, without `candidates`, its `model.candidates`);
   * with none, `runGate` throws. Given, it gates this one unnamed candidate.
   */
  readonly candidate?: ModelInput
  /** Several named candidates, overriding the config's (and `candidate`: give one or the other). */
  readonly candidates?: readonly NamedInput[]
  /** Default: the config's `model.baseline` file; `null` (or neither): no baseline. */
  readonly baseline?: ModelInput | null
  /** Today, for waiver expiry (injected so that results do not depend on the clock). */
  readonly now: Date
  /** How predictions files are read (format, delimiter, missing tokens). */
  readonly read?: ReadOptions
  /**
   * Where the baseline came from, in words, when ml-gate found it itself (the verdict's
   * `baseline_source`), e.g. `artifact ml-gate-baseline of run 123 at abc1234, the merge base`.
   */
  readonly baselineSource?: string
  /**
   * Why no baseline was found (an expired artifact, a token without `actions: read`…): the change
   * gates then behave as without one, and their reasons and the verdict's notes say this why.
   * Default, for a config naming an artifact and no baseline given: that only the actions fetch it.
   */
  readonly baselineMissing?: string
}

export interface GateRun {
  readonly verdict: VerdictDocument
  /** The candidate the top-level fields describe (with several: the winner, else the first). */
  readonly candidate: Evaluation | EvaluationDocument
  readonly baseline: Evaluation | EvaluationDocument | null
  /** Named candidates (`verdict.candidates`), in order; `null` for one unnamed candidate. */
  readonly candidates: readonly NamedInput<Evaluation | EvaluationDocument>[] | null
}

export interface GateStepRequest extends Omit<RunGateOptions, 'config'> {
  /** ml-gate.yml, whose model, segments, gates and waivers are applied. */
  readonly config: string
  /** Where the config's paths must stay (the actions'); default: anywhere. */
  readonly workspace?: Workspace
  /**
   * Writes the candidate's and the baseline's evaluation documents and the verdict into this
   * folder (`RESULT_FILES`); none: nothing is written.
   */
  readonly results?: string
}

/** What a gate run wrote, where: the documents' paths in the results folder. */
export interface GateWritten {
  /** `evaluation-candidate.json`; `null` with named candidates, which `candidates` lists. */
  readonly candidate: string | null
  /** Named candidates: each one's `candidateResultFile(name)`, in order; else empty. */
  readonly candidates: readonly NamedInput<string>[]
  readonly baseline: string | null
  readonly verdict: string
  /** The evaluation documents written, as the paths above (built once: building finalizes every metric). */
  readonly documents: {
    readonly candidate: EvaluationDocument | null
    readonly candidates: readonly EvaluationDocument[]
    readonly baseline: EvaluationDocument | null
  }
}

export interface GateStepResult extends GateRun {
  /** `null` without `results`. */
  readonly written: GateWritten | null
  /** 1 when the verdict is `fail`, else 0. */
  readonly code: ExitCode
}

/**
 * Loads the config, runs its gates (`runGate`) and writes the result documents.
 * @throws UserInputError as `runGate` does, and for a config that cannot be read (at its line)
 */
export async function gateStep(
  request: GateStepRequest & { readonly results: string }
): Promise<GateStepResult & { readonly written: GateWritten }>
export async function gateStep(request: GateStepRequest): Promise<GateStepResult>
export async function gateStep(request: GateStepRequest): Promise<GateStepResult> {
  const { config, workspace, results, ...options } = request
  const gate = await runGate({ ...options, config: await loadConfig(config, { workspace }) })
  const written = results === undefined ? null : await writeGateDocuments(results, gate)
  return { ...gate, written, code: verdictExitCode(gate.verdict.verdict) }
}

/**
 * Writes a gate run's documents into `dir`, as every step that gates names them (`RESULT_FILES`;
 * named candidates as `candidateResultFile(name)` instead of `evaluation-candidate.json`);
 * `beforeVerdict` is told when the evaluations are written (progress).
 */
export async function writeGateDocuments(
  dir: string,
  gate: GateRun,
  beforeVerdict?: () => void
): Promise<GateWritten> {
  const write = async (name: string, document: unknown): Promise<string> => {
    const path = join(dir, name)
    await writeDocument(path, document)
    return path
  }
  const documents = {
    candidate: gate.candidates === null ? asEvaluationDocument(gate.candidate) : null,
    candidates: (gate.candidates ?? []).map(({ input }) => asEvaluationDocument(input)),
    baseline: gate.baseline ? asEvaluationDocument(gate.baseline) : null
  }
  const candidates: NamedInput<string>[] = []
  for (const [i, { name }] of (gate.candidates ?? []).entries()) {
    candidates.push({ name, input: await write(candidateResultFile(name), documents.candidates[i]) })
  }
  const candidate =
    documents.candidate === null ? null : await write(RESULT_FILES.candidate, documents.candidate)
  const baseline = documents.baseline === null ? null : await write(RESULT_FILES.baseline, documents.baseline)
  beforeVerdict?.()
  const verdict = await write(RESULT_FILES.verdict, gate.verdict)
  return { candidate, candidates, baseline, verdict, documents }
}

/**
 * Runs the gates of `options.config`.
 *
 * Several named candidates (`options.candidates`, or the config's `model.candidates` when no
 * `options.candidate` is given) are each evaluated and paired with the one baseline, judged in
 * families that span them all (`judgeCandidates`), and ranked (`candidatesVerdict`, `select.ts`).
 *
 * Order: the gates and waivers are checked against the metric catalog and the segment columns
 * first (`checkGates`), so a typo fails in milliseconds, before any file is read. Then the
 * candidate and baseline are evaluated with the config's `model` and `segments` (or read, for
 * evaluation documents), their settings checked, paired (`pairModels`: on which rows changes are
 * computed); the segment keys the gates and waivers name are checked against the candidate's
 * segments (`checkSegmentKeys`), and the gates judged (`judgeGates`).
 *
 * @throws UserInputError for a config mistake (at its line), an unreadable or invalid file, a
 *   document evaluated with other settings than the config's or the other document's
 *   (`same-settings.ts`), listing each setting that differs, or two files that are not the same
 *   evaluation set (`pairing.ts`)
 */
export async function runGate(options: RunGateOptions): Promise<GateRun> {
  const { config } = options.config
  checkGates(options.config)
  const named = namedCandidates(options.config, options)
  const select = named === null ? null : selectionSettings(options.config)
  const settings = evaluateSettingsFromConfig(config)
  const inputs: NamedInput[] = named ?? [
    { name: 'candidate', input: candidateInput(options.config, options.candidate) }
  ]
  const loaded: { name: string; model: Loaded }[] = []
  for (const { name, input } of inputs) {
    const model = await loadModel(input, settings, options.read)
    loaded.push({ name, model: { model, file: fileOf(input, model) } })
  }
  const given = baselineInput(config, options.baseline)
  const baseline = given == null ? null : await loadModel(given, settings, options.read)
  const artifact = configuredBaselineArtifact(config.model)
  const baselineMissing =
    baseline !== null
      ? undefined
      : (options.baselineMissing ?? (artifact === undefined ? undefined : unfetchedArtifact(artifact)))
  const loadedBaseline = baseline === null ? null : { model: baseline, file: fileOf(given!, baseline) }
  // Settings first: a document of other settings is told as such, before its state is read.
  for (const { model } of loaded) checkSettings(settings, model, loadedBaseline)
  const paired: Paired[] = []
  for (const { model } of loaded) {
    const pair = await pairModels(model, loadedBaseline, settings, options.read)
    checkSegmentKeys(options.config, pair.candidate)
    paired.push(pair)
  }
  const results = judgeCandidates({
    config,
    candidates: paired.map((p) => ({
      candidate: p.candidate,
      comparedCandidate: p.compared,
      baseline: p.baseline
    })),
    baselineMissing,
    now: options.now
  })
  const verdicts = paired.map((p, i) =>
    verdictDocument({
      config,
      results: results[i],
      candidate: p.candidate.file,
      baseline: p.baseline?.file ?? null,
      pairing: p.pairing,
      baselineMissing,
      baselineSource: baseline === null ? undefined : options.baselineSource,
      now: options.now
    })
  )
  const models = loaded.map(({ name, model }) => ({ name, input: model.model }))
  if (select === null) return { verdict: verdicts[0], candidate: models[0].input, baseline, candidates: null }
  const verdict = candidatesVerdict(
    verdicts.map((v, i) => ({ name: models[i].name, verdict: v, results: paired[i].candidate })),
    select,
    config.evaluation.confidence
  )
  const top = models.find((m) => m.name === verdict.winner) ?? models[0]
  return { verdict, candidate: top.input, baseline, candidates: models }
}

/**
 * The named candidates to gate: `options.candidates`, else (without `options.candidate`) the
 * config's `model.candidates`; `null` for one unnamed candidate.
 * @throws UserInputError for both `candidate` and `candidates`, or duplicate names
 */
function namedCandidates(loaded: LoadedConfig, options: RunGateOptions): NamedInput[] | null {
  if (options.candidates !== undefined) {
    if (options.candidate !== undefined) {
      throw new UserInputError('give one unnamed candidate or several named ones, not both')
    }
    const names = options.candidates.map((c) => c.name)
    const twice = names.find((name, i) => names.indexOf(name) !== i)
    if (twice !== undefined) {
      throw new UserInputError(`the candidate name '${twice}' is given twice; names must be unique`)
    }
    if (options.candidates.length === 0) throw new UserInputError('an empty list of named candidates')
    return [...options.candidates]
  }
  if (options.candidate !== undefined) return null
  return configuredCandidates(loaded.config) ?? null
}

/** The config's `model.candidates` as named inputs; `undefined` without them. */
export function configuredCandidates(config: Config): NamedInput<string>[] | undefined {
  return config.model?.candidates?.map((c) => ({ name: c.name, input: c.predictions }))
}

/**
 * The baseline: `given` (`null`: none), else the config's `model.baseline` file (not an artifact,
 * which only the actions fetch).
 */
export function baselineInput<T extends ModelInput>(
  config: Config,
  given: T | null | undefined
): T | string | null | undefined {
  return given === undefined ? configuredBaselineFile(config.model) : given
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

async function loadModel(
  input: ModelInput,
  settings: EvaluateSettings,
  read: ReadOptions | undefined
): Promise<Evaluation | EvaluationDocument> {
  if (typeof input !== 'string') return input
  if (await looksLikeDocument(input)) return readEvaluationDocument(input)
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
 * Reads an `ml-gate/evaluation@1` document, valid against its schema (src/documents/evaluation.ts).
 * @throws UserInputError naming the file, the place and what was expected
 */
export async function readEvaluationDocument(file: string): Promise<EvaluationDocument> {
  return (await readEvaluationFile(file)).document
}

function stated(model: Evaluation | EvaluationDocument): StatedSettings {
  return isDocument(model)
    ? model
    : { task: model.settings.model.task, settings: documentSettings(model.settings) }
}

function fileOf(input: ModelInput, model: Evaluation | EvaluationDocument): string {
  return typeof input === 'string' ? input : model.file
}

/**
 * Two documents must have been evaluated alike, and each model like the config says.
 * @throws UserInputError at the first model that differs, listing each differing setting
 */
function checkSettings(settings: EvaluateSettings, candidate: Loaded, baseline: Loaded | null): void {
  if (baseline !== null && isDocument(candidate.model) && isDocument(baseline.model)) {
    const differences = settingDifferences(candidate.model, baseline.model)
    if (differences.length > 0) {
      throw new UserInputError(
        `was evaluated with other settings than the baseline ${baseline.file}: ` +
          `${describeDifferences(differences, "this document's", "the baseline's")} ` +
          '(evaluate both with the same config)',
        { file: candidate.file }
      )
    }
  }
  const config: StatedSettings = { task: settings.model.task, settings: documentSettings(settings) }
  for (const { model, file } of baseline === null ? [candidate] : [candidate, baseline]) {
    const differences = settingDifferences(stated(model), config)
    if (differences.length > 0) {
      const mine = isDocument(model) ? "the document's" : "the evaluation's"
      throw new UserInputError(
        `was evaluated with other settings than the config: ` +
          `${describeDifferences(differences, mine, "the config's")} (evaluate it again with this config)`,
        { file }
      )
    }
  }
}
