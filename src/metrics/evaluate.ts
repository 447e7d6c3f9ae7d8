import type { Config, ModelConfig } from '../config/types.js'
import { UserInputError } from '../errors.js'
import { openTable } from '../io/open.js'
import { Kind, type ReadOptions, type RowBatch, type Table, type Value } from '../io/table.js'
import { didYouMean } from '../suggest.js'
import { BinaryAccumulator, BinaryRows } from './binary.js'
import type { Task } from './catalog.js'
import type { MetricValue } from './metric-value.js'
import { MulticlassAccumulator, MulticlassRows } from './multiclass.js'
import { rowHash, rowKeyOf } from './poisson-bootstrap.js'
import { RegressionAccumulator, RegressionRows } from './regression.js'
import { RowBlock } from './row-block.js'
import { ScoreLedger } from './score-ledger.js'
import {
  compareSegments,
  OVERALL,
  segmentColumns,
  segmentFamilies,
  type SegmentFamily,
  type SegmentSpec
} from './segmentation.js'

export type Accumulator = BinaryAccumulator | MulticlassAccumulator | RegressionAccumulator

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
  /** Segments by key, `all` first then in report order. */
  readonly segments: ReadonlyMap<string, SegmentEvaluation>
}

export interface SegmentResult {
  readonly key: string
  /** The segment family (`Home`, `Home&Job`), null for `all`. */
  readonly column: string | null
  readonly n: number
  /** Fewer rows than `min_support`: reported, but not gated. */
  readonly insufficient: boolean
  readonly metrics: Record<string, MetricValue>
}

/** The `ml-gate/evaluation@1` document (schemas/evaluation.schema.json). */
export interface EvaluationDocument {
  readonly schema: 'ml-gate/evaluation@1'
  readonly task: Task
  readonly file: string
  readonly rows: number
  readonly settings: {
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
  }
  readonly classes?: readonly string[]
  readonly segments: SegmentResult[]
}

/**
 * Evaluates a predictions file: every metric of the task, overall and for every segment, with
 * confidence intervals, in one streaming pass (two for a multiclass file without probability
 * columns, whose classes are found first).
 *
 * Each row's identity (`model.id` when set, else its position in the file) keys its bootstrap
 * resamples, so two models evaluated on the same ids can be compared pairwise.
 *
 * `blockRows` rows are staged at a time and then added segment by segment (see `row-block.ts`); the
 * results do not depend on it.
 *
 * @throws UserInputError for a missing column (with the closest name), and for a row whose label,
 *   score, prediction, weight or id cannot be used, at that row's line, saying what was expected
 */
export async function evaluatePredictions(
  file: string,
  settings: EvaluateSettings,
  read: ReadOptions = {},
  blockRows = BLOCK_ROWS
): Promise<Evaluation> {
  const table = await openTable(file, read)
  const model = settings.model
  const columns = resolveColumns(table, settings)
  const classes =
    model.task !== 'multiclass'
      ? []
      : columns.probabilities.length > 0
        ? columns.probabilityClasses
        : await discoverClasses(file, read, columns)
  const families = segmentFamilies(settings.segments)
  const create = accumulatorFactory(model.task, settings, classes)
  const segments = new Map<string, SegmentEvaluation>()
  const overall: SegmentEvaluation = { key: OVERALL, family: -1, labels: [], metrics: create(), rows: 0 }
  segments.set(OVERALL, overall)

  // Segments by ordinal (creation order, `all` first), which is how the block refers to them.
  const ordered: SegmentEvaluation[] = [overall]
  const ordinals = new Map<string, number>([[OVERALL, 0]])
  const familySizes = new Array<number>(families.length).fill(0)
  const { rows, finish } = await addRows()
  finish(ordered)

  /**
   * Reads the rows and adds them to their segments, a block at a time. The staging (the block and
   * the decoder's rows: 26 MB for the binary task at the default block size) is local to this
   * function, so that it can be collected during `finish`, which sorts every score of the file.
   */
  async function addRows(): Promise<{ rows: number; finish: RowDecoder['finish'] }> {
    const block = new RowBlock(families.length + 1, blockRows, families.length * MAX_SEGMENTS_PER_FAMILY)
    const decoder = rowDecoder(table.file, model, columns, classes, settings.bootstrap.seed, block)
    const familyColumns = families.map((f) => f.parts.map((p) => table.columns.indexOf(p.column)))
    // A one-column family's segment is a function of the row's value: looked up by the value itself,
    // skipping the label, key and Map of `segmentOf` for every row (a binned column's cache is capped:
    // its values may all differ).
    const byValue = families.map((f) => (f.parts.length === 1 ? new Map<Value, number>() : null))
    const addBlock = (): void => {
      decoder.keep(block)
      block.drain(ordered.length, (ordinal, members) => {
        const segment = ordered[ordinal]
        decoder.addTo(segment.metrics, members)
        segment.rows += members.length
      })
    }
    let rows = 0
    // The batch's values of each one-column family's column.
    const familyValues: Value[][] = new Array(families.length)
    for await (const batch of table.batches()) {
      for (let f = 0; f < families.length; f++) familyValues[f] = batch.columns[familyColumns[f][0]].values
      for (let i = 0; i < batch.size; i++) {
        const rowKey = columns.id < 0 ? rows + i : idKey(batch, columns.id, i, table.file, model.id!)
        const r = block.size
        block.assign(r, 0, 0)
        for (let f = 0; f < families.length; f++) {
          const cache = byValue[f]
          let ordinal: number | undefined
          if (cache === null) {
            ordinal = segmentOf(families, f, familyColumns[f], batch, i)
          } else {
            const value = familyValues[f][i]
            ordinal = cache.get(value)
            if (ordinal === undefined) {
              ordinal = segmentOf(families, f, familyColumns[f], batch, i)
              if (cache.size < VALUE_CACHE_LIMIT) cache.set(value, ordinal)
            }
          }
          block.assign(r, f + 1, ordinal)
        }
        decoder.decode(batch, i, rowKey, r)
        block.size++
        if (block.full) addBlock()
      }
      rows += batch.size
    }
    addBlock()
    return { rows, finish: decoder.finish }
  }

  /** The ordinal of row i's segment in family f, created at its first row. */
  function segmentOf(all: readonly SegmentFamily[], f: number, cols: number[], batch: RowBatch, i: number) {
    const parts = all[f].parts
    const labels: string[] = new Array(parts.length)
    for (let p = 0; p < parts.length; p++) {
      const value = batch.columns[cols[p]].values[i]
      const label = parts[p].label(value)
      if (label === undefined) {
        throw new UserInputError(
          `column '${parts[p].column}' is binned, so it must hold numbers; found ${JSON.stringify(value)}`,
          { file: table.file, line: batch.lines[i] }
        )
      }
      labels[p] = label
    }
    const key = labels.length === 1 ? labels[0] : labels.join('&')
    let ordinal = ordinals.get(key)
    if (ordinal === undefined) {
      if (++familySizes[f] > MAX_SEGMENTS_PER_FAMILY) {
        throw new UserInputError(
          `segments of '${all[f].name}': more than ${MAX_SEGMENTS_PER_FAMILY} distinct segments (this row brings ` +
            `${JSON.stringify(key)}); each segment keeps its own metrics (about 130 KB), so a column of ids or ` +
            'free text cannot be a segment. Segment by a column with fewer values, or bin a numeric one (`bins`)',
          { file: table.file, line: batch.lines[i] }
        )
      }
      const segment = { key, family: f, labels, metrics: create(), rows: 0 }
      ordinal = ordered.length
      ordered.push(segment)
      ordinals.set(key, ordinal)
      segments.set(key, segment)
    }
    return ordinal
  }

  const order = compareSegments(families)
  const sorted = new Map([...segments.values()].sort(order).map((s) => [s.key, s]))
  return { file: table.file, settings, families, classes, rows, segments: sorted }
}

/** Distinct values remembered per one-column segment family (see `byValue`). */
const VALUE_CACHE_LIMIT = 10_000

/**
 * Rows staged before they are added segment by segment (see `row-block.ts`): about 40 MB for the
 * binary task with 5 segment families (82 bytes a row). Larger blocks give each segment more rows
 * per visit of its buckets: at 10M rows and 86 segments, 14.6 s of user CPU with 262,144 rows per
 * block, 13.7 s with 524,288.
 */
const BLOCK_ROWS = 524_288

/** A document as it is, an evaluation as its document. */
export function asEvaluationDocument(model: Evaluation | EvaluationDocument): EvaluationDocument {
  return 'schema' in model ? model : evaluationDocument(model)
}

/** The evaluation as its JSON document. */
export function evaluationDocument(evaluation: Evaluation): EvaluationDocument {
  const { settings, families } = evaluation
  const m = settings.model
  const binary = m.task === 'binary'
  return {
    schema: 'ml-gate/evaluation@1',
    task: m.task,
    file: evaluation.file,
    rows: evaluation.rows,
    settings: {
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
      min_support: settings.minSupport
    },
    ...(m.task === 'multiclass' && { classes: evaluation.classes }),
    segments: [...evaluation.segments.values()].map((s) => ({
      key: s.key,
      column: s.family < 0 ? null : families[s.family].name,
      n: s.rows,
      insufficient: s.rows < settings.minSupport,
      metrics: s.metrics.finalize({ confidence: settings.confidence })
    }))
  }
}

interface ResolvedColumns {
  readonly label: number
  readonly score: number
  readonly prediction: number
  readonly weight: number
  readonly id: number
  /** Multiclass probability columns and their classes, in header order. */
  readonly probabilities: number[]
  readonly probabilityClasses: string[]
}

function resolveColumns(table: Table, settings: EvaluateSettings): ResolvedColumns {
  const { model } = settings
  const find = (column: string | undefined, role: string, required: boolean): number => {
    if (column === undefined) {
      if (required) throw new UserInputError(`the ${model.task} task needs ${role}`)
      return -1
    }
    const index = table.columns.indexOf(column)
    if (index < 0) {
      throw new UserInputError(
        `${role} '${column}' is not a column of ${table.file}${didYouMean(column, table.columns)}; ` +
          `its columns are ${table.columns.join(', ')}`,
        { file: table.file, line: 1 }
      )
    }
    return index
  }
  for (const column of segmentColumns(settings.segments)) find(column, 'the segment column', true)
  const prefix = model.score_prefix
  const probabilities: number[] = []
  const probabilityClasses: string[] = []
  if (model.task === 'multiclass') {
    table.columns.forEach((name, index) => {
      if (name.startsWith(prefix) && name.length > prefix.length) {
        probabilities.push(index)
        probabilityClasses.push(name.slice(prefix.length))
      }
    })
    if (probabilities.length === 0 && model.prediction === undefined) {
      throw new UserInputError(
        `no probability columns named '${prefix}<class>' and no prediction column in ${table.file}; ` +
          `set the score prefix or the prediction column`,
        { file: table.file, line: 1 }
      )
    }
  }
  return {
    label: find(model.label, 'the label column', true),
    score:
      model.task === 'binary'
        ? find(model.score, 'a score column (the probability of the positive class)', true)
        : -1,
    prediction:
      model.task === 'regression'
        ? find(model.prediction, 'a prediction column', true)
        : model.task === 'multiclass'
          ? find(model.prediction, 'the prediction column', false)
          : -1,
    weight: find(model.weight, 'the weight column', false),
    id: find(model.id, 'the id column', false),
    probabilities,
    probabilityClasses
  }
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

function idKey(batch: RowBatch, column: number, i: number, file: string, name: string): number {
  const value = batch.columns[column].values[i]
  if (value === null) {
    throw new UserInputError(`the id column '${name}' is empty; every row needs an id`, {
      file,
      line: batch.lines[i]
    })
  }
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : rowKeyOf(String(value))
}

interface RowDecoder {
  /** Checks row i of the batch and stages it as row r of the block. */
  decode(batch: RowBatch, i: number, rowKey: number, r: number): void
  /** Sees each block before it is drained. */
  keep(block: RowBlock): void
  /** Adds staged rows (ascending) to one segment's accumulator. */
  addTo(metrics: Accumulator, members: Uint32Array): void
  /** Completes the segments' accumulators after the last block. */
  finish(segments: readonly SegmentEvaluation[]): void
}

const NOTHING = (): void => undefined

/**
 * The binary decoder's `finish`, made out here so that it holds the ledger only: a closure made in
 * `rowDecoder` would share the scope of the staged rows and keep them alive through the sort.
 */
function distributeScores(ledger: ScoreLedger): RowDecoder['finish'] {
  return (segments) => ledger.distribute(segments.map((s) => s.metrics as BinaryAccumulator))
}

/**
 * Checks each row's label, score or prediction and weight, and stages it for its segments. Every
 * problem is a `UserInputError` at the row's line that says what was expected.
 */
function rowDecoder(
  file: string,
  model: ModelColumns,
  columns: ResolvedColumns,
  classes: readonly string[],
  seed: number,
  block: RowBlock
): RowDecoder {
  const capacity = block.capacity
  const fail = (batch: RowBatch, i: number, message: string): never => {
    throw new UserInputError(message, { file, line: batch.lines[i] })
  }
  const number = (batch: RowBatch, i: number, column: number, name: string, what: string): number => {
    const value = batch.columns[column].values[i]
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(
        batch,
        i,
        `${name} '${model[name as keyof ModelColumns]}' must be ${what}; found ${describe(value)}`
      )
    }
    return value as number
  }
  const weightOf = (batch: RowBatch, i: number): number => {
    if (columns.weight < 0) return 1
    const w = number(batch, i, columns.weight, 'weight', 'a number >= 0')
    if (w < 0) fail(batch, i, `weight '${model.weight}' must be a number >= 0; found ${w}`)
    return w
  }
  const labelText = (batch: RowBatch, i: number): string => {
    const value = batch.columns[columns.label].values[i]
    if (value === null) fail(batch, i, `label '${model.label}' is missing; every row needs a label`)
    return String(value)
  }

  if (model.task === 'binary') {
    const positive = String(model.positive)
    let negative: string | undefined
    // The 0/1 label of each raw value seen (at most two: a third fails), so that the text of a
    // label is built and checked once per distinct value, not once per row.
    const labels = new Map<Value, number>()
    const staged = new BinaryRows(capacity)
    const decode = (batch: RowBatch, i: number, rowKey: number, r: number): void => {
      let label = labels.get(batch.columns[columns.label].values[i])
      if (label === undefined) {
        label = binaryLabel(batch, i)
        labels.set(batch.columns[columns.label].values[i], label)
      }
      const score = number(batch, i, columns.score, 'score', 'a probability in [0, 1]')
      if (score < 0 || score > 1)
        fail(batch, i, `score '${model.score}' must be a probability in [0, 1]; found ${score}`)
      staged.set(r, label, score, rowHash(seed, rowKey), weightOf(batch, i))
    }
    // Scores are sorted once for all segments (see `score-ledger.ts`), not once per segment.
    const ledger = new ScoreLedger(block.perRow, capacity)
    return {
      decode,
      keep: (full) => ledger.keep(staged, full),
      addTo: (metrics, members) => (metrics as BinaryAccumulator).addRows(staged, members, 'later'),
      finish: distributeScores(ledger)
    }

    function binaryLabel(batch: RowBatch, i: number): number {
      const text = labelText(batch, i)
      if (text !== positive) {
        negative ??= text
        if (text !== negative) {
          fail(
            batch,
            i,
            `label '${model.label}' has a third value ${JSON.stringify(text)}; a binary task expects two: ` +
              `the positive label ${JSON.stringify(positive)} and one other (seen: ${JSON.stringify(negative)}). ` +
              `Set the positive label, or use the multiclass task`
          )
        }
      }
      return text === positive ? 1 : 0
    }
  }

  if (model.task === 'multiclass') {
    const index = new Map(classes.map((c, k) => [c, k]))
    const probabilities = new Float64Array(columns.probabilities.length)
    const hasProbabilities = columns.probabilities.length > 0
    const staged = new MulticlassRows(capacity, classes.length, hasProbabilities)
    const classOf = (batch: RowBatch, i: number, text: string, role: string): number => {
      const k = index.get(text)
      if (k === undefined) {
        fail(batch, i, `${role} ${JSON.stringify(text)} is not one of the classes ${classes.join(', ')}`)
      }
      return k as number
    }
    const decode = (batch: RowBatch, i: number, rowKey: number, r: number): void => {
      const label = classOf(batch, i, labelText(batch, i), `label '${model.label}'`)
      let prediction: number | null = null
      if (columns.prediction >= 0) {
        const value = batch.columns[columns.prediction].values[i]
        if (value === null) fail(batch, i, `prediction '${model.prediction}' is missing`)
        prediction = classOf(batch, i, String(value), `prediction '${model.prediction}'`)
      }
      for (let k = 0; k < columns.probabilities.length; k++) {
        const p = batch.columns[columns.probabilities[k]].values[i]
        if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
          fail(
            batch,
            i,
            `'${model.score_prefix}${classes[k]}' must be a probability in [0, 1]; found ${describe(p)}`
          )
        }
        probabilities[k] = p as number
      }
      staged.set(r, label, prediction, hasProbabilities ? probabilities : null, rowKey, weightOf(batch, i))
    }
    return {
      decode,
      keep: NOTHING,
      addTo: (metrics, members) => (metrics as MulticlassAccumulator).addRows(staged, members),
      finish: NOTHING
    }
  }

  const staged = new RegressionRows(capacity)
  const decode = (batch: RowBatch, i: number, rowKey: number, r: number): void => {
    const y = number(batch, i, columns.label, 'label', 'a number')
    const prediction = number(batch, i, columns.prediction, 'prediction', 'a number')
    staged.set(r, y, prediction, rowKey, weightOf(batch, i))
  }
  return {
    decode,
    keep: NOTHING,
    addTo: (metrics, members) => (metrics as RegressionAccumulator).addRows(staged, members),
    finish: NOTHING
  }
}

function describe(value: Value): string {
  return value === null ? 'a missing value' : JSON.stringify(value)
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

/**
 * Segments one family (a column, a binned column or a cross) may have. Each segment's accumulator
 * holds about 130 KB of bootstrap buckets, so 1,000 segments cost about 130 MB; a column with
 * 10,000 values would need 1.3 GB and is almost always an id or free text by mistake.
 */
export const MAX_SEGMENTS_PER_FAMILY = 1000
