/**
 * `ml-gate/evaluation@1` documents (schemas/evaluation.schema.json): their type, written by the
 * engine (src/evaluation/evaluate.ts) and read by the gate (as a candidate or baseline) and by the
 * report.
 */
import schema from '../../schemas/evaluation.schema.json' with { type: 'json' }
import type { Task } from '../metrics/task.js'
import type { MetricValue } from '../metrics/metric-value.js'
import type { SegmentSpec } from '../metrics/segmentation.js'
import type { SourceState } from '../metrics/stored-source.js'
import { documentKind, readDocument, type ReadDocument } from './read-document.js'

export interface SegmentResult {
  readonly key: string
  /** The segment family (`Home`, `Home&Job`), null for `all`. */
  readonly column: string | null
  readonly n: number
  /** Fewer rows than `min_support`: reported, but not gated. */
  readonly insufficient: boolean
  readonly metrics: Record<string, MetricValue>
  /**
   * What the gates recompute `metrics` from, at any level, and pair on (`stored-source.ts`). Every
   * document ml-gate writes has it; without it (a hand-written document) the gates read `metrics`.
   */
  readonly state?: SourceState
}

/** How a document's metrics were computed: a document is compared only with one computed alike. */
export interface DocumentSettings {
  readonly label: string
  readonly score: string | null
  readonly score_prefix: string | null
  readonly prediction: string | null
  readonly positive: string | number | boolean | null
  readonly threshold: number | null
  readonly weight: string | null
  readonly id: string | null
  readonly confidence: number
  readonly bootstrap: number
  readonly seed: number
  readonly min_support: number
  readonly segments: SegmentSpec
}

/** The `ml-gate/evaluation@1` document (schemas/evaluation.schema.json). */
export interface EvaluationDocument {
  readonly schema: 'ml-gate/evaluation@1'
  readonly task: Task
  readonly file: string
  readonly rows: number
  readonly settings: DocumentSettings
  readonly classes?: readonly string[]
  readonly segments: SegmentResult[]
}

export const EVALUATION = documentKind<EvaluationDocument>(
  schema,
  'from `ml-gate evaluate --json` or the evaluate action'
)

/** Reads and validates an evaluation document. @throws UserInputError at the first problem */
export function readEvaluationFile(file: string): Promise<ReadDocument<EvaluationDocument>> {
  return readDocument(file, EVALUATION)
}
