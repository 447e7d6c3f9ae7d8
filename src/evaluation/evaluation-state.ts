/**
 * Evaluations in pieces: what one shard writes (`ml-gate/evaluation-state@1`,
 * schemas/evaluation-state.schema.json) and how pieces merge into the evaluation a single run makes.
 *
 * A piece is one file of a list, or one byte range of a file (`io/partition.ts`): its segments'
 * accumulators as `toState()` writes them. Pieces merge in input order (file index, then byte
 * offset), which is also how a single run over a list of files merges its files: so a merge of
 * shards split by file is bit for bit the single run. Split by bytes, the sums of per-row
 * floating-point terms (Brier, log loss, errors, calibration) are added in another grouping than
 * the single run's row-by-row order and may differ in the last bits (relative 1e-15); counts,
 * proportions, the score tables of the rank metrics (ROC AUC, average precision), the hash samples
 * and the bootstrap buckets' membership do not. Those score tables hold each distinct score once
 * with its count (`weighted-values.ts`): with sample weights other than 1, the weights summed per
 * score and piece make ROC AUC, average precision and median_ae equal to rounding too.
 */
import type { EvaluateSettings } from '../config/evaluate-settings.js'
import type { DocumentSettings } from '../documents/evaluation.js'
import type { PieceRange, ShardStated } from '../io/partition.js'
import { BinaryAccumulator, type BinaryState } from '../metrics/binary.js'
import { MulticlassAccumulator, type MulticlassState } from '../metrics/multiclass.js'
import { RowDigest, type RowDigestState } from '../metrics/poisson-bootstrap.js'
import { RegressionAccumulator, type RegressionState } from '../metrics/regression.js'
import { compareSegments, OVERALL, segmentFamilies } from '../metrics/segmentation.js'
import type { Task } from '../metrics/task.js'
import type { IdsState } from './row-ids.js'
import { documentSettings, type Accumulator, type Evaluation, type SegmentEvaluation } from './evaluate.js'

export const EVALUATION_STATE_SCHEMA = 'ml-gate/evaluation-state@1'

/** The `ml-gate/evaluation-state@1` document one shard writes. */
export interface EvaluationStateDocument {
  readonly schema: typeof EVALUATION_STATE_SCHEMA
  readonly task: Task
  /** The predictions as given to every shard (a file, a glob, or a list). */
  readonly input: string
  readonly shard: ShardStated
  readonly settings: DocumentSettings
  /**
   * Multiclass with probability columns: the class names, in column order; `[]` otherwise (classes
   * found in the rows are each segment state's own: `mergedClasses`).
   */
  readonly classes: readonly string[]
  readonly pieces: readonly PieceState[]
}

export interface PieceState {
  readonly file: string
  /** The file's position in the sorted list of the input (0 for one file). */
  readonly file_index: number
  /** The byte range read, `null` for the whole file. */
  readonly range: PieceRange | null
  readonly rows: number
  readonly labels: RowDigestState | null
  /** With an id column, of a byte range: the range's ids, which no other range may hold. */
  readonly ids: IdsState | null
  readonly segments: readonly SegmentState[]
}

export interface SegmentState {
  readonly key: string
  readonly family: number
  readonly labels: readonly string[]
  readonly rows: number
  readonly state: BinaryState | MulticlassState | RegressionState
}

/** One piece of a shard's state. */
export function pieceState(
  evaluation: Evaluation,
  fileIndex: number,
  range: PieceState['range']
): PieceState {
  return {
    file: evaluation.file,
    file_index: fileIndex,
    range,
    rows: evaluation.rows,
    labels: evaluation.labels,
    ids: evaluation.ids,
    segments: [...evaluation.segments.values()].map((s) => ({
      key: s.key,
      family: s.family,
      labels: s.labels,
      rows: s.rows,
      state: s.metrics.toState()
    }))
  }
}

/** The state document of one shard. */
export function evaluationState(
  settings: EvaluateSettings,
  input: string,
  shard: ShardStated,
  classes: readonly string[],
  pieces: readonly PieceState[]
): EvaluationStateDocument {
  return {
    schema: EVALUATION_STATE_SCHEMA,
    task: settings.model.task,
    input,
    shard,
    settings: documentSettings(settings),
    classes,
    pieces
  }
}

/** The settings an evaluation ran with, from the settings its document states. */
export function settingsFromDocument(task: Task, s: DocumentSettings): EvaluateSettings {
  return {
    model: {
      task,
      label: s.label,
      ...(s.score !== null && { score: s.score }),
      score_prefix: s.score_prefix ?? 'score_',
      ...(s.prediction !== null && { prediction: s.prediction }),
      positive: s.positive ?? 1,
      threshold: s.threshold ?? 0.5,
      ...(s.weight !== null && { weight: s.weight }),
      ...(s.id !== null && { id: s.id })
    },
    segments: s.segments,
    minSupport: s.min_support,
    confidence: s.confidence,
    bootstrap: { replicates: s.bootstrap, seed: s.seed }
  }
}

/**
 * The classes of the merged evaluation: with probability columns, theirs (any state's `classes`);
 * found in the rows, the sorted union of the pieces' (each shard finds the classes of its own rows,
 * `evaluate-input.ts`), the list a single run finds; `[]` for another task.
 */
export function mergedClasses(states: readonly EvaluationStateDocument[]): string[] {
  const given = states.map((s) => s.classes).find((c) => c.length > 0)
  if (given !== undefined) return [...given]
  const found = new Set<string>()
  // A forged state's classes are refused by `restorePiece` (`MulticlassAccumulator.fromState`).
  const named = (state: SegmentState['state']): unknown[] =>
    'classes' in state && Array.isArray(state.classes) ? state.classes : []
  for (const state of states) {
    for (const piece of state.pieces)
      for (const segment of piece.segments)
        for (const c of named(segment.state)) if (typeof c === 'string') found.add(c)
  }
  return [...found].sort()
}

/**
 * The evaluation a piece's state describes, a multiclass piece widened to `classes`.
 * @throws Error ("invalid metric state: …") for a state the accumulators cannot restore, or a
 *   multiclass state with a class not in `classes`
 */
export function restorePiece(
  piece: PieceState,
  settings: EvaluateSettings,
  classes: readonly string[]
): Evaluation {
  const restore = restorer(settings.model.task)
  const segments = new Map<string, SegmentEvaluation>(
    piece.segments.map((s) => [
      s.key,
      {
        key: s.key,
        family: s.family,
        labels: s.labels,
        rows: s.rows,
        metrics: widened(restore(s.state), classes)
      }
    ])
  )
  return {
    file: piece.file,
    settings,
    families: segmentFamilies(settings.segments),
    classes,
    rows: piece.rows,
    labels: piece.labels,
    ids: piece.ids,
    segments
  }
}

/** A multiclass accumulator over `classes` (a shard's classes are those of its rows). */
function widened(metrics: Accumulator, classes: readonly string[]): Accumulator {
  if (!(metrics instanceof MulticlassAccumulator)) return metrics
  return metrics.classes.join('\u0000') === classes.join('\u0000') ? metrics : metrics.withClasses(classes)
}

function restorer(task: Task): (state: unknown) => Accumulator {
  if (task === 'binary') return (state) => BinaryAccumulator.fromState(state)
  if (task === 'multiclass') return (state) => MulticlassAccumulator.fromState(state)
  return (state) => RegressionAccumulator.fromState(state)
}

/**
 * The evaluation of every piece's rows together, as `file`: the pieces' accumulators merged in the
 * order given (their input order, see the module comment). The pieces' accumulators are consumed.
 */
export function mergeEvaluations(file: string, pieces: readonly Evaluation[]): Evaluation {
  const [first] = pieces
  const { settings, families, classes } = first
  const segments = new Map<string, SegmentEvaluation>()
  let rows = 0
  let labels: RowDigest | null = null
  for (const piece of pieces) {
    rows += piece.rows
    if (piece.labels !== null) {
      const digest = RowDigest.fromState({ ...piece.labels })
      if (labels === null) labels = digest
      else labels.merge(digest)
    }
    for (const segment of piece.segments.values()) {
      const into = segments.get(segment.key)
      if (into === undefined) segments.set(segment.key, { ...segment })
      else {
        mergeInto(into.metrics, segment.metrics)
        into.rows += segment.rows
      }
    }
  }
  const order = compareSegments(families)
  const sorted = new Map([...segments.values()].sort(order).map((s) => [s.key, s]))
  if (!sorted.has(OVERALL)) throw new Error('a piece of an evaluation has no overall segment')
  // The merged pieces' ids were checked to be distinct (`piece-ids.ts`) and are not needed again.
  return {
    file,
    settings,
    families,
    classes,
    rows,
    labels: labels?.toState() ?? null,
    ids: null,
    segments: sorted
  }
}

function mergeInto(into: Accumulator, other: Accumulator): void {
  if (into instanceof BinaryAccumulator && other instanceof BinaryAccumulator) into.merge(other)
  else if (into instanceof MulticlassAccumulator && other instanceof MulticlassAccumulator) into.merge(other)
  else if (into instanceof RegressionAccumulator && other instanceof RegressionAccumulator) into.merge(other)
  else throw new Error('cannot merge accumulators of different tasks')
}
