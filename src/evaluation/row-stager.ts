/**
 * Reading a predictions file into blocks of staged rows: each row checked, decoded into typed
 * arrays (`BinaryRows`, `MulticlassRows`, `RegressionRows`) and assigned its segments (`RowBlock`).
 * This is the half of `evaluatePredictions` that reads; the other half adds the blocks up. The two
 * halves share nothing but the blocks and the segments announced along the way, so this one can
 * run on a worker thread (`staging-thread.ts`) while the main thread adds the previous block.
 */
import { UserInputError } from '../errors.js'
import { openTable } from '../io/open.js'
import type { ReadOptions, RowBatch, Table, Value } from '../io/table.js'
import { didYouMean } from '../suggest.js'
import { privateArrays, type Allocate } from '../kernels/block-memory.js'
import { BinaryRows } from '../metrics/binary.js'
import type { EvaluateSettings, ModelColumns } from '../config/evaluate-settings.js'
import {
  isWeightInRange,
  MAX_REGRESSION_MAGNITUDE,
  REGRESSION_RANGE_TEXT,
  WEIGHT_RANGE_TEXT
} from '../metrics/input-range.js'
import { MulticlassRows } from '../metrics/multiclass.js'
import { rowHash, rowKeyOf, type RowDigestState } from '../metrics/poisson-bootstrap.js'
import { RegressionRows } from '../metrics/regression.js'
import { RowBlock } from './row-block.js'
import { DISTINCT_IDS, IdSet, LabelDigest, type IdsState } from './row-ids.js'
import { segmentColumns, segmentFamilies, segmentKey, type SegmentFamily } from '../metrics/segmentation.js'

/** Everything the reading half needs, as plain data (it crosses to a worker thread). */
export interface StagingPlan {
  /** The predictions file, as the user gave it. */
  readonly file: string
  readonly read: ReadOptions
  readonly settings: EvaluateSettings
  /** Multiclass: the class names, in probability-column order (found before staging starts). */
  readonly classes: readonly string[]
  /** Rows per block. */
  readonly blockRows: number
}

export type StagedRows = BinaryRows | MulticlassRows | RegressionRows

/** A block's rows and their segments. */
export interface StagedBlock {
  readonly block: RowBlock
  readonly rows: StagedRows
}

/** A segment met for the first time; ordinals count up in that order from 1 (0 is `all`). */
export interface NewSegment {
  readonly key: string
  /** Index into the plan's segment families. */
  readonly family: number
  readonly labels: readonly string[]
}

/** Where staged blocks go. */
export interface StagingSink {
  /** Called before the first block that holds the segment's rows is handed over. */
  segment(segment: NewSegment): void
  /** `staged` is full (or holds the last rows); resolves with the block to fill next. */
  full(staged: StagedBlock): Promise<StagedBlock>
}

/**
 * Segments one family (a column, a binned column or a cross) may have. Each segment's accumulator
 * holds about 130 KB of bootstrap buckets, so 1,000 segments cost about 130 MB; a column with
 * 10,000 values would need 1.3 GB and is almost always an id or free text by mistake.
 */
export const MAX_SEGMENTS_PER_FAMILY = 1000

/**
 * An empty block for the plan; `allocate` says where its arrays live. Built the same way on both
 * sides of a thread, so both see the same arrays (see `block-memory.ts`).
 */
export function stagedBlock(
  plan: StagingPlan,
  columns: ResolvedColumns,
  allocate: Allocate = privateArrays
): StagedBlock {
  const families = segmentFamilies(plan.settings.segments).length
  const capacity = plan.blockRows
  const block = new RowBlock(families + 1, capacity, families * MAX_SEGMENTS_PER_FAMILY, allocate)
  const task = plan.settings.model.task
  const rows =
    task === 'binary'
      ? new BinaryRows(capacity, allocate)
      : task === 'multiclass'
        ? new MulticlassRows(capacity, plan.classes.length, columns.probabilities.length > 0, allocate)
        : new RegressionRows(capacity, allocate)
  return { block, rows }
}

/** What reading a file found besides its staged rows. */
export interface StagedFile {
  /** Rows staged (with `only`: the rows whose id is in it). */
  readonly rows: number
  /** With an id column: the fingerprint of every row's (id, label) pair (`LabelDigest`). */
  readonly labels: RowDigestState | null
  /**
   * With an id column and a byte range (`FilePart.bytes`): the range's ids, for the merge to find
   * an id that two ranges hold (each range checks only its own); `null` otherwise.
   */
  readonly ids: IdsState | null
}

/**
 * Reads every row of `table`, stages it into `first` (then into the blocks `sink.full` returns) and
 * announces each new segment to `sink` before handing over a block with its rows. With `only`
 * (ids), the rows whose id is not in it are checked but not staged.
 *
 * @throws UserInputError for a row whose label, score, prediction, weight, id or binned value
 *   cannot be used (weights and regression values out of `input-range.ts`' bounds too), at that
 *   row's line; for an id seen before (naming both lines); for a family with more than 1,000
 *   segments; for a file without rows or without a positive weight
 */
export async function stageRows(
  table: Table,
  plan: StagingPlan,
  columns: ResolvedColumns,
  first: StagedBlock,
  sink: StagingSink,
  only: IdSet | null = null
): Promise<StagedFile> {
  const { settings } = plan
  const model = settings.model
  const families = segmentFamilies(settings.segments)
  const familyColumns = families.map((f) => f.parts.map((p) => table.columns.indexOf(p.column)))
  const totals = { weight: 0 }
  const decode = rowDecoder(table.file, model, columns, plan.classes, settings.bootstrap.seed, totals)
  const ordinals = new Map<string, number>()
  let segmentCount = 1 // `all`
  // A one-column family's segment is a function of the row's value: looked up by the value itself,
  // skipping the label, key and Map of `segmentOf` for every row (a binned column's cache is capped:
  // its values may all differ).
  const byValue = families.map((f) => (f.parts.length === 1 ? new Map<Value, number>() : null))
  const familySizes = new Array<number>(families.length).fill(0)
  let staged = first
  // The first blocks are smaller (1/8, 1/4, 1/2 of a block), so that the rows can start being added
  // while the rest are still read: a worker thread's first block arrives in 1/8 of the time.
  let limit = Math.max(1, first.block.capacity >> 3)
  let rows = 0
  let skipped = 0
  const ids = columns.id < 0 ? null : new IdSet()
  const labels = columns.id < 0 ? null : new LabelDigest(model.task === 'regression')
  const seed = settings.bootstrap.seed
  // A shard's rows keep the keys they have in a single run (`partition.ts`).
  const rowBase = plan.read.part?.rowBase ?? 0
  // A byte range may hold no rows, or only rows of weight 0: the merge of the shards judges that.
  const whole = (plan.read.part?.bytes ?? null) === null
  // The batch's values of each one-column family's column.
  const familyValues: Value[][] = new Array(families.length)
  for await (const batch of table.batches()) {
    for (let f = 0; f < families.length; f++) familyValues[f] = batch.columns[familyColumns[f][0]].values
    const idValues = ids === null ? null : batch.columns[columns.id].values
    const labelValues = batch.columns[columns.label].values
    for (let i = 0; i < batch.size; i++) {
      let rowKey = rowBase + rows + i
      if (idValues !== null) {
        const id = idValues[i]
        if (id === null) {
          throw new UserInputError(`the id column '${model.id}' is empty; every row needs an id`, {
            file: table.file,
            line: batch.lines[i]
          })
        }
        rowKey = idKey(id)
        if (!ids!.add(id)) await repeatedId(plan, columns.id, id, batch.lines[i])
        if (only !== null && !only.has(id)) {
          skipped++
          continue
        }
        labels!.add(rowHash(seed, rowKey), labelValues[i])
      }
      const block = staged.block
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
      decode(batch, i, rowKey, r, staged.rows)
      block.size++
      if (block.size === limit) {
        staged = await sink.full(staged)
        limit = Math.min(2 * limit, staged.block.capacity)
      }
    }
    rows += batch.size
  }
  // Nothing to evaluate is bad input, not a run whose every gate has no evidence.
  if (rows === 0 && whole)
    throw new UserInputError('no rows to evaluate: expected at least one row of predictions', {
      file: table.file
    })
  if (columns.weight >= 0 && totals.weight === 0 && whole) throw allWeightsZero(model.weight!, table.file)
  await sink.full(staged)
  return {
    rows: rows - skipped,
    labels: labels?.toState() ?? null,
    ids: whole ? null : (ids?.toState() ?? null)
  }

  /** The ordinal of row i's segment in family f, announced at its first row. */
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
    const key = segmentKey(labels)
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
      ordinal = segmentCount++
      ordinals.set(key, ordinal)
      sink.segment({ key, family: f, labels })
    }
    return ordinal
  }
}

/** Distinct values remembered per one-column segment family (see `byValue`). */
const VALUE_CACHE_LIMIT = 10_000

export interface ResolvedColumns {
  readonly label: number
  readonly score: number
  readonly prediction: number
  readonly weight: number
  readonly id: number
  /** Multiclass probability columns and their classes, in header order. */
  readonly probabilities: number[]
  readonly probabilityClasses: string[]
}

/**
 * Where the settings' columns are in the table.
 * @throws UserInputError for a missing column, with the closest name
 */
export function resolveColumns(table: Table, settings: EvaluateSettings): ResolvedColumns {
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

function idKey(value: Exclude<Value, null>): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : rowKeyOf(String(value))
}

/**
 * Throws for `id`, seen again at line `again`, naming the line it was first seen at: found by
 * reading the file again from the start, so that the rows' pass keeps no line per id.
 */
async function repeatedId(plan: StagingPlan, column: number, id: Value, again: number): Promise<never> {
  const table = await openTable(plan.file, plan.read)
  let first: number | undefined
  try {
    search: for await (const batch of table.batches()) {
      const values = batch.columns[column].values
      for (let i = 0; i < batch.size; i++) {
        if (values[i] === id) {
          first = batch.lines[i]
          break search
        }
      }
    }
  } finally {
    await table.close()
  }
  throw new UserInputError(
    `the id column '${plan.settings.model.id}' repeats the id ${JSON.stringify(id)}, first seen at line ${first}; ` +
      DISTINCT_IDS,
    { file: table.file, line: again }
  )
}

/** Checks row i of the batch and stages it as row r of `rows`. */
type RowDecoder = (batch: RowBatch, i: number, rowKey: number, r: number, rows: StagedRows) => void

/**
 * Checks each row's label, score or prediction and weight. Every problem is a `UserInputError` at
 * the row's line that says what was expected.
 */
function rowDecoder(
  file: string,
  model: ModelColumns,
  columns: ResolvedColumns,
  classes: readonly string[],
  seed: number,
  totals: { weight: number }
): RowDecoder {
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
  const regressionValue = (batch: RowBatch, i: number, column: number, name: string): number => {
    const v = number(batch, i, column, name, REGRESSION_RANGE_TEXT)
    if (!(Math.abs(v) <= MAX_REGRESSION_MAGNITUDE)) {
      fail(
        batch,
        i,
        `${name} '${model[name as keyof ModelColumns]}' must be ${REGRESSION_RANGE_TEXT}; found ${v}`
      )
    }
    return v
  }
  const weightOf = (batch: RowBatch, i: number): number => {
    if (columns.weight < 0) return 1
    const w = number(batch, i, columns.weight, 'weight', WEIGHT_RANGE_TEXT)
    if (!isWeightInRange(w))
      fail(batch, i, `weight '${model.weight}' must be ${WEIGHT_RANGE_TEXT}; found ${w}`)
    totals.weight += w
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
    return (batch, i, rowKey, r, rows) => {
      let label = labels.get(batch.columns[columns.label].values[i])
      if (label === undefined) {
        label = binaryLabel(batch, i)
        labels.set(batch.columns[columns.label].values[i], label)
      }
      const score = number(batch, i, columns.score, 'score', 'a probability in [0, 1]')
      if (score < 0 || score > 1)
        fail(batch, i, `score '${model.score}' must be a probability in [0, 1]; found ${score}`)
      ;(rows as BinaryRows).set(r, label, score, rowHash(seed, rowKey), weightOf(batch, i))
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
    const classOf = (batch: RowBatch, i: number, text: string, role: string): number => {
      const k = index.get(text)
      if (k === undefined) {
        fail(batch, i, `${role} ${JSON.stringify(text)} is not one of the classes ${classes.join(', ')}`)
      }
      return k as number
    }
    return (batch, i, rowKey, r, rows) => {
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
      const staged = rows as MulticlassRows
      staged.set(r, label, prediction, hasProbabilities ? probabilities : null, rowKey, weightOf(batch, i))
    }
  }

  return (batch, i, rowKey, r, rows) => {
    const y = regressionValue(batch, i, columns.label, 'label')
    const prediction = regressionValue(batch, i, columns.prediction, 'prediction')
    ;(rows as RegressionRows).set(r, y, prediction, rowKey, weightOf(batch, i))
  }
}

function describe(value: Value): string {
  return value === null ? 'a missing value' : JSON.stringify(value)
}

/** Every row of the input has weight 0: thrown by a whole file's run and by the merge of its byte shards. */
export function allWeightsZero(weight: string, file: string): UserInputError {
  return new UserInputError(
    `every row's weight '${weight}' is 0: there is nothing to evaluate; expected at least one positive weight`,
    { file }
  )
}
