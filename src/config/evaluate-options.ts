import { UserInputError } from '../errors.js'
import { DEFAULT_MIN_SUPPORT, type EvaluateSettings } from './evaluate-settings.js'
import { validateBins } from '../metrics/segmentation.js'
import { EVALUATION_BOUNDS, parseBounded } from './bounds.js'
import { parseInteger, parseNumber } from './parse-values.js'
import type { TaskKind } from './types.js'

const TASKS: readonly TaskKind[] = ['binary', 'multiclass', 'regression']

/**
 * Evaluation settings written as text, as the CLI's flags and the evaluate action's inputs are
 * (they share these names). Lists hold one item per flag or input line.
 */
export interface EvaluateOptions {
  readonly task?: string
  readonly label?: string
  readonly score?: string
  readonly 'score-prefix'?: string
  readonly prediction?: string
  readonly positive?: string
  readonly threshold?: string
  readonly weight?: string
  readonly id?: string
  readonly segment?: readonly string[]
  /** `COL=e1,e2,...` */
  readonly bins?: readonly string[]
  /** `A,B` */
  readonly cross?: readonly string[]
  readonly 'min-support'?: string
  readonly confidence?: string
  readonly bootstrap?: string
  readonly seed?: string
}

/**
 * The options by name, with their kind: CLI flags (`--name`, lists repeatable) and action inputs
 * (lists one item per line). The shape is `util.parseArgs`'s.
 */
export const EVALUATE_OPTIONS = {
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
  seed: { type: 'string' }
} as const satisfies Record<keyof EvaluateOptions, { type: 'string'; multiple?: true }>

/**
 * Settings from text options laid over `base` (from ml-gate.yml, when there is one).
 *
 * @param name how an option is named in messages: `--bins` for the CLI, `input 'bins'` for an action
 * @throws UserInputError naming the option and what it expected
 */
export function evaluateSettingsFromOptions(
  values: EvaluateOptions,
  base: EvaluateSettings | undefined,
  name: (option: keyof EvaluateOptions) => string
): EvaluateSettings {
  const task = values.task ?? base?.model.task
  if (task === undefined)
    throw new UserInputError(`${name('task')} is required (binary, multiclass or regression)`)
  if (!TASKS.includes(task as TaskKind)) {
    throw new UserInputError(`${name('task')}: expected one of ${TASKS.join(', ')}, got '${task}'`)
  }
  const label = values.label ?? base?.model.label
  if (label === undefined)
    throw new UserInputError(`${name('label')} is required: the column holding the true label`)
  const m = base?.model
  // Null prototype: `--bins __proto__=…` is a column like any other, not the object's prototype.
  const bins: Record<string, readonly number[]> = Object.assign(Object.create(null), base?.segments.bins)
  for (const text of values.bins ?? []) {
    const at = text.indexOf('=')
    if (at <= 0) throw new UserInputError(`${name('bins')}: expected COL=e1,e2,..., got '${text}'`)
    const column = text.slice(0, at)
    const edges = text
      .slice(at + 1)
      .split(',')
      .map((e) => parseNumber(name('bins'), e))
    validateBins(column, edges, `${name('bins')} ${column}`)
    bins[column] = edges
  }
  const option = <T>(
    key: keyof EvaluateOptions,
    parse: (flag: string, text: string) => T,
    fallback: T
  ): T => {
    const text = values[key]
    return typeof text === 'string' ? parse(name(key), text) : fallback
  }
  return {
    model: {
      task: task as TaskKind,
      label,
      score: values.score ?? m?.score,
      score_prefix: values['score-prefix'] ?? m?.score_prefix ?? 'score_',
      prediction: values.prediction ?? m?.prediction,
      positive: values.positive ?? m?.positive ?? 1,
      threshold: option('threshold', (f, t) => parseNumber(f, t, 0, 1), m?.threshold ?? 0.5),
      weight: values.weight ?? m?.weight,
      id: values.id ?? m?.id
    },
    segments: {
      columns: values.segment ?? base?.segments.columns ?? [],
      bins,
      cross: values.cross?.map((c) => c.split(',').map((s) => s.trim())) ?? base?.segments.cross ?? []
    },
    minSupport: option(
      'min-support',
      (f, t) => parseInteger(f, t, 1),
      base?.minSupport ?? DEFAULT_MIN_SUPPORT
    ),
    confidence: option(
      'confidence',
      (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.confidence),
      base?.confidence ?? 0.95
    ),
    bootstrap: {
      replicates: option(
        'bootstrap',
        (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.bootstrap),
        base?.bootstrap.replicates ?? 1000
      ),
      seed: option('seed', (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.seed), base?.bootstrap.seed ?? 42)
    }
  }
}
