import { loadConfig } from '../config/load.js'
import type { TaskKind } from '../config/types.js'
import { ExitCode, UserInputError } from '../errors.js'
import {
  DEFAULT_MIN_SUPPORT,
  evaluatePredictions,
  evaluateSettingsFromConfig,
  evaluationDocument,
  type EvaluateSettings
} from '../metrics/evaluate.js'
import { validateBins } from '../metrics/segmentation.js'
import { renderEvaluationText } from '../report/evaluation-text.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { READ_OPTIONS_USAGE, readOptionFlags, readOptionsFromArgs } from './read-options.js'
import { parseInteger, parseNumber, parseOpen } from './parse-values.js'
import { writeJson } from './write-output.js'

const TASKS: readonly TaskKind[] = ['binary', 'multiclass', 'regression']

const usage = `Usage: ml-gate evaluate --predictions FILE --task binary|multiclass|regression --label COL
                        [--score COL | --score-prefix P | --prediction COL] [--positive LABEL]
                        [--threshold T] [--weight COL] [--id COL] [--segment COL]...
                        [--bins COL=e1,e2,...]... [--cross COL,COL]... [--min-support N]
                        [--confidence C] [--bootstrap B] [--seed S] [--config ml-gate.yml]
                        [--json OUT] [read options]

Computes every metric of the task, overall and per segment, with confidence intervals
(Wilson for proportions, DeLong for ROC AUC, a seeded bootstrap for the rest).

  --predictions FILE   predictions with a label column (default with --config: model.predictions)
  --task T             binary | multiclass | regression
  --label COL          the true label
  --score COL          binary: probability of the positive class
  --score-prefix P     multiclass: probability columns are named P<class> (default score_)
  --prediction COL     multiclass: predicted class; regression: predicted value
  --positive LABEL     binary: the positive label (default 1)
  --threshold T        binary: predicted positive when score >= T (default 0.5)
  --weight COL         sample weights, honoured by every metric
  --id COL             row id; keys the bootstrap so two models can be compared pairwise
  --segment COL        segment by the values of COL (repeatable)
  --bins COL=E,...     segment numeric COL into left-closed bins [E1,E2), ... (repeatable)
  --cross A,B          segment by every combination of A and B (repeatable)
  --min-support N      segments with fewer rows are flagged insufficient (default ${DEFAULT_MIN_SUPPORT})
  --confidence C       interval confidence level (default 0.95)
  --bootstrap B        bootstrap replicates (default 1000)
  --seed S             bootstrap seed (default 42)
  --config FILE        take the settings from ml-gate.yml; flags override them
  --json OUT           also write the ml-gate/evaluation@1 document to OUT ('-' for stdout)
${READ_OPTIONS_USAGE}`

const flags = {
  predictions: { type: 'string' },
  task: { type: 'string' },
  label: { type: 'string' },
  score: { type: 'string' },
  'score-prefix': { type: 'string' },
  prediction: { type: 'string' },
  positive: { type: 'string' },
  threshold: { type: 'string' },
  weight: { type: 'string' },
  id: { type: 'string' },
  segment: { type: 'string', multiple: true },
  bins: { type: 'string', multiple: true },
  cross: { type: 'string', multiple: true },
  'min-support': { type: 'string' },
  confidence: { type: 'string' },
  bootstrap: { type: 'string' },
  seed: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'string' },
  ...readOptionFlags
} as const

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'metrics per segment with confidence intervals, from a predictions file',
  usage,
  async run(args, console) {
    const { values } = parseCommandArgs('evaluate', args, flags, {
      min: 0,
      max: 0,
      names: 'no positional arguments'
    })
    const config = values.config === undefined ? undefined : (await loadConfig(values.config)).config
    const base = config?.model ? evaluateSettingsFromConfig(config) : undefined
    const predictions = values.predictions ?? config?.model?.predictions
    if (predictions === undefined)
      throw new UserInputError('ml-gate evaluate: --predictions FILE is required')
    const settings = settingsFromFlags(values, base)
    const evaluation = await evaluatePredictions(predictions, settings, readOptionsFromArgs(values))
    const document = evaluationDocument(evaluation)
    if (values.json !== '-') console.stdout(renderEvaluationText(document))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return ExitCode.Pass
  }
}

type Flags = { [K in keyof typeof flags]?: (typeof flags)[K] extends { multiple: true } ? string[] : string }

function settingsFromFlags(values: Flags, base: EvaluateSettings | undefined): EvaluateSettings {
  const task = values.task ?? base?.model.task
  if (task === undefined)
    throw new UserInputError('ml-gate evaluate: --task is required (binary, multiclass or regression)')
  if (!TASKS.includes(task as TaskKind)) {
    throw new UserInputError(`--task: expected one of ${TASKS.join(', ')}, got '${task}'`)
  }
  const label = values.label ?? base?.model.label
  if (label === undefined) throw new UserInputError('ml-gate evaluate: --label COL is required')
  const m = base?.model
  const bins: Record<string, readonly number[]> = { ...base?.segments.bins }
  for (const text of values.bins ?? []) {
    const [column, edges] = splitOnce(text, '=', '--bins', 'COL=e1,e2,...')
    const parsed = edges.split(',').map((e) => parseNumber('--bins', e))
    validateBins(column, parsed, `--bins ${column}`)
    bins[column] = parsed
  }
  return {
    model: {
      task: task as TaskKind,
      label,
      score: values.score ?? m?.score,
      score_prefix: values['score-prefix'] ?? m?.score_prefix ?? 'score_',
      prediction: values.prediction ?? m?.prediction,
      positive: values.positive ?? m?.positive ?? 1,
      threshold:
        values.threshold === undefined
          ? (m?.threshold ?? 0.5)
          : parseNumber('--threshold', values.threshold, 0, 1),
      weight: values.weight ?? m?.weight,
      id: values.id ?? m?.id
    },
    segments: {
      columns: values.segment ?? base?.segments.columns ?? [],
      bins,
      cross: values.cross?.map((c) => c.split(',').map((s) => s.trim())) ?? base?.segments.cross ?? []
    },
    minSupport:
      values['min-support'] === undefined
        ? (base?.minSupport ?? DEFAULT_MIN_SUPPORT)
        : parseInteger('--min-support', values['min-support'], 1),
    confidence:
      values.confidence === undefined
        ? (base?.confidence ?? 0.95)
        : parseOpen('--confidence', values.confidence),
    bootstrap: {
      replicates:
        values.bootstrap === undefined
          ? (base?.bootstrap.replicates ?? 1000)
          : parseInteger('--bootstrap', values.bootstrap, 100),
      seed: values.seed === undefined ? (base?.bootstrap.seed ?? 42) : parseInteger('--seed', values.seed, 0)
    }
  }
}

function splitOnce(text: string, separator: string, flag: string, form: string): [string, string] {
  const at = text.indexOf(separator)
  if (at <= 0) throw new UserInputError(`${flag}: expected ${form}, got '${text}'`)
  return [text.slice(0, at), text.slice(at + 1)]
}
