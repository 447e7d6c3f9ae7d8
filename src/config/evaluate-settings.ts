/**
 * What an evaluation is asked for: the model's columns, the segments, the intervals. The engine
 * (src/evaluation/) reads them, the CLI's flags and the evaluate action's inputs
 * (`evaluate-options.ts`) and `ml-gate.yml` (below) produce them, so they live with the config.
 */
import { UserInputError } from '../errors.js'
import type { SegmentSpec } from '../metrics/segmentation.js'
import type { Config, ModelConfig } from './types.js'

/** Which columns hold what, as in `ml-gate.yml`'s `model` section. */
export type ModelColumns = Pick<
  ModelConfig,
  'task' | 'label' | 'score' | 'score_prefix' | 'prediction' | 'positive' | 'threshold' | 'weight' | 'id'
>

export interface EvaluateSettings {
  readonly model: ModelColumns
  readonly segments: SegmentSpec
  /** Segments with fewer rows are reported as insufficient. */
  readonly minSupport: number
  /** Confidence level of every interval, in (0, 1). */
  readonly confidence: number
  readonly bootstrap: { readonly replicates: number; readonly seed: number }
}

/**
 * Evaluation settings from `ml-gate.yml` (whose schema applied the defaults).
 * @throws UserInputError when the config has no `model` section
 */
export function evaluateSettingsFromConfig(config: Config): EvaluateSettings {
  if (config.model === undefined) {
    throw new UserInputError(
      'the config has no `model` section: add one naming the task, predictions and label'
    )
  }
  const segments = config.segments
  return {
    model: config.model,
    segments: { columns: segments?.columns ?? [], bins: segments?.bins ?? {}, cross: segments?.cross ?? [] },
    minSupport: segments?.min_support ?? DEFAULT_MIN_SUPPORT,
    confidence: config.evaluation.confidence,
    bootstrap: { replicates: config.evaluation.bootstrap, seed: config.evaluation.seed }
  }
}

export const DEFAULT_MIN_SUPPORT = 30
