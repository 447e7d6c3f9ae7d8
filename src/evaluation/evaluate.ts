import type { EvaluateSettings } from '../config/evaluate-settings.js'
import type { DocumentSettings, EvaluationDocument } from '../documents/evaluation.js'
import { openTable } from '../io/open.js'
import { Kind, type ReadOptions } from '../io/table.js'
import { BinaryAccumulator, WIDTH as BINARY_WIDTH, type BinaryRows } from '../metrics/binary.js'
import type { Task } from '../metrics/task.js'
import { MulticlassAccumulator, type MulticlassRows } from '../metrics/multiclass.js'
import {
  RegressionAccumulator,
  WIDTH as REGRESSION_WIDTH,
  type RegressionRows
} from '../metrics/regression.js'
import {
  resolveColumns,
  type ResolvedColumns,
  type StagedBlock,
  type StagedRows,
  type StagingPlan
} from './row-stager.js'
import type { RowDigestState } from '../metrics/poisson-bootstrap.js'
import type { IdSet, IdsState } from './row-ids.js'
import { ScoreLedger } from './score-ledger.js'
import { compareSegments, OVERALL, segmentFamilies, type SegmentFamily } from '../metrics/segmentation.js'
import { stageBlocks, type SpareThread } from './staging-thread.js'
import { sourceState } from '../metrics/stored-source.js'
import { checkSegmentBudget, segmentStateBytes } from './state-budget.js'

export type Accumulator = BinaryAccumulator | MulticlassAccumulator | RegressionAccumulator

/** One segment: its rows' accumulator and where it sits in reports. */
export interface SegmentEvaluation {
  readonly key: string
  /** Index into `families`, -1 for `all`. */
  readonly family: number
  readonly labels: readonly string[]
  readonly metrics: Accumulator
  rows: number
}

/** The result of one `ml-gate/evaluation@1` run, with the accumulators kept for paired gates. */
export interface Evaluation {
  readonly file: string
  readonly settings: EvaluateSettings
  readonly families: readonly SegmentFamily[]
  /** Multiclass: the class names, in probability-column order. */
  readonly classes: readonly string[]
  readonly rows: number
  /**
   * With an id column: the fingerprint of the (id, label) pairs of the rows evaluated
   * (`row-ids.ts`), which with the overall accumulator's row digest tells whether two files hold
   * the same ids with the same labels.
   */
  readonly labels: RowDigestState | null
  /** With an id column, of a byte range of a file: its ids (`StagedFile.ids`); else `null`. */
  readonly ids: IdsState | null
  /** Segments by key, `all` first then in report order. */
  readonly segments: ReadonlyMap<string, SegmentEvaluation>
}

/**
 * Evaluates a predictions file: every metric of the task, overall and for every segment, with
 * confidence intervals, in one streaming pass (two for a multiclass file without probability
 * columns, whose classes are found first).
 *
 * Each row's identity (`model.id` when set, else its position in the file) keys its bootstrap
 * resamples, so two models evaluated on the same ids can be compared pairwise.
 *
 * Rows are read and staged a block at a time, then added segment by segment (see `row-block.ts`),
 * on a worker thread for a big file (see `staging-thread.ts`); the results depend on neither.
 *
 * @throws UserInputError for a missing column (with the closest name), and for a row whose label,
 *   score, prediction, weight or id cannot be used, at that row's line, saying what was expected
 */
export async function evaluatePredictions(
  file: string,
  settings: EvaluateSettings,
  read: ReadOptions = {},
  { blockRows = BLOCK_ROWS, thread, only = null, classes: given = null }: StagingOptions = {}
): Promise<Evaluation> {
  const table = await openTable(file, read)
  const model = settings.model
  const columns = resolveColumns(table, settings)
  const classes =
    model.task !== 'multiclass'
      ? []
      : columns.probabilities.length > 0
        ? columns.probabilityClasses
        : (given ?? (await discoverClasses(file, read, columns)))
  const families = segmentFamilies(settings.segments)
  const create = accumulatorFactory(model.task, settings, classes)
  const segments = new Map<string, SegmentEvaluation>()
  const overall: SegmentEvaluation = { key: OVERALL, family: -1, labels: [], metrics: create(), rows: 0 }
  const bytesPerSegment = segmentStateBytes(bucketWidth(overall.metrics), settings.bootstrap.replicates)
  segments.set(OVERALL, overall)

  const plan: StagingPlan = { file, read, settings, classes, blockRows }
  // Segments by ordinal (creation order, `all` first), which is how the blocks refer to them.
  const ordered: SegmentEvaluation[] = [overall]
  const adder = blockAdder(model.task, families.length + 1)
  const staging = await stageBlocks(
    table,
    plan,
    columns,
    thread,
    {
      segment({ key, family, labels }) {
        checkSegmentBudget(table.file, ordered.length + 1, bytesPerSegment)
        const segment = { key, family, labels, metrics: create(), rows: 0 }
        ordered.push(segment)
        segments.set(key, segment)
      },
      add(staged) {
        adder.keep(staged)
        staged.block.drain(ordered.length, (ordinal, members) => {
          const segment = ordered[ordinal]
          adder.addTo(segment.metrics, staged.rows, members)
          segment.rows += members.length
        })
      }
    },
    only
  )
  const { rows, labels, ids, thread: spare } = staging
  try {
    await overlapReplicates(spare, model.task === 'binary' ? ordered : [], () => adder.finish(ordered))
  } finally {
    await spare?.close()
  }

  const order = compareSegments(families)
  const sorted = new Map([...segments.values()].sort(order).map((s) => [s.key, s]))
  return { file: table.file, settings, families, classes, rows, labels, ids, segments: sorted }
}

/**
 * Runs `work` (the sort of every score, a third of the time after reading at 1M rows) while the
 * spare thread (`stageBlocks`' second one, where the rows were read on a thread) sums the bootstrap
 * replicates of the binary `segments`, which finalize would otherwise sum on this thread.
 */
async function overlapReplicates(
  thread: SpareThread | null,
  segments: readonly SegmentEvaluation[],
  work: () => void
): Promise<void> {
  if (thread === null || segments.length === 0) return work()
  const accumulators = segments.map((s) => s.metrics as BinaryAccumulator)
  const buckets = accumulators.map((a) => a.bootstrapBuckets())
  const replicates = thread.combineBuckets(
    buckets.map((b) => b.sums),
    buckets[0].width,
    accumulators[0].bootstrap
  )
  work()
  ;(await replicates).forEach((sums, i) => accumulators[i].adoptReplicateSums(sums))
}

/** How the rows are read; the results do not depend on it. */
export interface StagingOptions {
  /** Rows staged at a time. Default `BLOCK_ROWS`. */
  readonly blockRows?: number
  /**
   * The script of the worker thread to read on (`null`: the main thread). Default: the running
   * bundle's entry script for files of 16 MiB or more (`threads.ts`).
   */
  readonly thread?: URL | null
  /** Evaluate only the rows whose id (`model.id`) is in this set; the others are checked, not counted. */
  readonly only?: IdSet | null
  /**
   * Multiclass without probability columns: the classes to evaluate over, when this file is one
   * piece of an input or a shard's range (`evaluate-input.ts`); default: found in the file.
   */
  readonly classes?: readonly string[] | null
}

/**
 * Rows staged before they are added segment by segment (see `row-block.ts`): about 20 MB for the
 * binary task with 5 segment families (82 bytes a row). Larger blocks give each segment more rows
 * per visit of its buckets (10M rows on one thread: 14.6 s of user CPU with 262,144 rows per block,
 * 13.7 s with 524,288); but with a reading thread the main thread sorts only once the last block is
 * added, and a smaller block is added sooner: 1M rows about 0.1 s faster, 10M rows no slower (there
 * the reading thread is the slower one).
 */
const BLOCK_ROWS = 262_144

/** A document as it is, an evaluation as its document. */
export function asEvaluationDocument(model: Evaluation | EvaluationDocument): EvaluationDocument {
  return 'schema' in model ? model : evaluationDocument(model)
}

/** The evaluation as its JSON document. */
export function evaluationDocument(evaluation: Evaluation): EvaluationDocument {
  const { settings, families } = evaluation
  return {
    schema: 'ml-gate/evaluation@1',
    task: settings.model.task,
    file: evaluation.file,
    rows: evaluation.rows,
    settings: documentSettings(settings),
    ...(settings.model.task === 'multiclass' && { classes: evaluation.classes }),
    segments: [...evaluation.segments.values()].map((s) => ({
      key: s.key,
      column: s.family < 0 ? null : families[s.family].name,
      n: s.rows,
      insufficient: s.rows < settings.minSupport,
      metrics: s.metrics.finalize({ confidence: settings.confidence }),
      state: sourceState(s.metrics)
    }))
  }
}

/** The settings as a document states them (the columns a task does not read are `null`). */
export function documentSettings(settings: EvaluateSettings): DocumentSettings {
  const m = settings.model
  const binary = m.task === 'binary'
  const { columns, bins, cross } = settings.segments
  return {
    label: m.label,
    score: binary ? (m.score ?? null) : null,
    score_prefix: m.task === 'multiclass' ? m.score_prefix : null,
    prediction: binary ? null : (m.prediction ?? null),
    positive: binary ? m.positive : null,
    threshold: binary ? m.threshold : null,
    weight: m.weight ?? null,
    id: m.id ?? null,
    confidence: settings.confidence,
    bootstrap: settings.bootstrap.replicates,
    seed: settings.bootstrap.seed,
    min_support: settings.minSupport,
    segments: { columns, bins, cross }
  }
}

/**
 * Multiclass without probability columns: every label and prediction of `files`, sorted; `null`
 * for another task, or with probability columns (which name the classes).
 */
export async function inputClasses(
  files: readonly string[],
  settings: EvaluateSettings,
  read: ReadOptions
): Promise<string[] | null> {
  if (settings.model.task !== 'multiclass') return null
  const found = new Set<string>()
  for (const file of files) {
    const table = await openTable(file, read)
    const columns = resolveColumns(table, settings)
    await table.close()
    if (columns.probabilities.length > 0) return null
    for (const c of await discoverClasses(file, read, columns)) found.add(c)
  }
  return [...found].sort()
}

/** Classes of a multiclass file without probability columns: every label and prediction, sorted. */
async function discoverClasses(file: string, read: ReadOptions, columns: ResolvedColumns): Promise<string[]> {
  const classes = new Set<string>()
  const table = await openTable(file, read)
  for await (const batch of table.batches()) {
    for (const c of [columns.label, columns.prediction]) {
      const { values, kinds } = batch.columns[c]
      for (let i = 0; i < batch.size; i++) if (kinds[i] !== Kind.Missing) classes.add(String(values[i]))
    }
  }
  return [...classes].sort()
}

/** The sums per bootstrap bucket of an accumulator. */
function bucketWidth(accumulator: Accumulator): number {
  if (accumulator instanceof BinaryAccumulator) return BINARY_WIDTH
  if (accumulator instanceof MulticlassAccumulator) return accumulator.width
  return REGRESSION_WIDTH
}

function accumulatorFactory(
  task: Task,
  settings: EvaluateSettings,
  classes: readonly string[]
): () => Accumulator {
  const bootstrap = settings.bootstrap
  if (task === 'binary')
    return () => new BinaryAccumulator({ threshold: settings.model.threshold, bootstrap })
  if (task === 'multiclass') return () => new MulticlassAccumulator({ classes, bootstrap })
  return () => new RegressionAccumulator({ bootstrap })
}

/** The adding half of the per-task work on staged rows (the reading half: `row-stager.ts`). */
interface BlockAdder {
  /** Sees each block before it is drained. */
  keep(staged: StagedBlock): void
  /** Adds staged rows (ascending) to one segment's accumulator. */
  addTo(metrics: Accumulator, rows: StagedRows, members: Uint32Array): void
  /** Completes the segments' accumulators after the last block. */
  finish(segments: readonly SegmentEvaluation[]): void
}

const NOTHING = (): void => undefined

function blockAdder(task: Task, perRow: number): BlockAdder {
  if (task === 'binary') {
    // Scores are sorted once for all segments (see `score-ledger.ts`), not once per segment.
    const ledger = new ScoreLedger(perRow)
    return {
      keep: ({ rows, block }) => ledger.keep(rows as BinaryRows, block),
      addTo: (metrics, rows, members) =>
        (metrics as BinaryAccumulator).addRowsExceptScores(rows as BinaryRows, members),
      finish: (segments) => ledger.distribute(segments.map((s) => s.metrics as BinaryAccumulator))
    }
  }
  return {
    keep: NOTHING,
    addTo:
      task === 'multiclass'
        ? (metrics, rows, members) =>
            (metrics as MulticlassAccumulator).addRows(rows as MulticlassRows, members)
        : (metrics, rows, members) =>
            (metrics as RegressionAccumulator).addRows(rows as RegressionRows, members),
    finish: NOTHING
  }
}
