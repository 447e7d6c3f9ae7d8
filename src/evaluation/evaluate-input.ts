/**
 * Evaluating an input of one or several files, whole or one shard of it (`io/partition.ts`).
 *
 * Several files are evaluated one at a time, each with its rows keyed by its position in the sorted
 * list, and merged in that order (`evaluation-state.ts`): the same evaluation whether one run reads
 * them all or N shards each read every Nth and `ml-gate merge` joins their states.
 */
import type { EvaluateSettings } from '../config/evaluate-settings.js'
import { byteShard, pieceRange, shardFiles, wholeFilePart, type Shard } from '../io/partition.js'
import type { ReadOptions } from '../io/table.js'
import { evaluatePredictions, inputClasses, type Evaluation, type StagingOptions } from './evaluate.js'
import {
  evaluationState,
  mergeEvaluations,
  pieceState,
  type EvaluationStateDocument,
  type PieceState
} from './evaluation-state.js'

/**
 * The evaluation of every file of `files` (sorted, at least one: `inputFiles`) as one input named
 * `input`; one file is evaluated exactly as `evaluatePredictions` does.
 */
export async function evaluateFiles(
  input: string,
  files: readonly string[],
  settings: EvaluateSettings,
  read: ReadOptions = {},
  options: StagingOptions = {}
): Promise<Evaluation> {
  if (files.length === 1) return evaluatePredictions(files[0], settings, read, options)
  const classes = await inputClasses(files, settings, read)
  const pieces: Evaluation[] = []
  for (const [index, file] of files.entries()) {
    pieces.push(
      await evaluatePredictions(
        file,
        settings,
        { ...read, part: wholeFilePart(index, files.length) },
        { ...options, classes }
      )
    )
  }
  return mergeEvaluations(input, pieces)
}

/** What a shard read, for its log line. */
export interface ShardReport {
  readonly state: EvaluationStateDocument
  /** e.g. `shard 2/3: 2 of 7 files (b.csv, e.csv)` or `shard 2/3: x.csv bytes 1200-2400 of 3600, from line 41: …`. */
  readonly stated: string
}

/**
 * Evaluates shard K of N of the input: every Nth file of several, or a byte range of one CSV or
 * JSON Lines file, and returns its state document. `files`: at least one, as `evaluateFiles`.
 * @throws UserInputError as `evaluatePredictions`, and for a byte range of gzip, Parquet or JSON
 */
export async function evaluateShard(
  input: string,
  files: readonly string[],
  shard: Shard,
  settings: EvaluateSettings,
  read: ReadOptions = {},
  options: StagingOptions = {}
): Promise<ShardReport> {
  const name = `shard ${shard.index}/${shard.count}`
  if (files.length === 1) {
    const [file] = files
    const started = performance.now()
    const scan = await byteShard(file, shard, read)
    const ms = performance.now() - started
    const bytes = scan.part.bytes
    const classes = await shardClasses([file], files, settings, read, { ...read, part: scan.part })
    const evaluation = await evaluatePredictions(
      file,
      settings,
      { ...read, part: scan.part },
      { ...options, classes }
    )
    const state = evaluationState(
      settings,
      input,
      { ...shard, by: 'bytes' },
      classes ? [] : evaluation.classes,
      [pieceState(evaluation, 0, pieceRange(bytes))]
    )
    const stated =
      `${name}: ${file} bytes ${bytes.start}-${bytes.end} of ${scan.size}, from line ${bytes.line}: ` +
      `${evaluation.rows} rows (the range found by scanning ${scan.scanned} bytes in ${ms.toFixed(0)} ms)`
    return { state, stated }
  }
  const mine = shardFiles(files, shard)
  const classes = await shardClasses(
    mine.map((f) => f.file),
    files,
    settings,
    read,
    read
  )
  const pieces: PieceState[] = []
  let found: readonly string[] = []
  for (const { file, index } of mine) {
    const evaluation = await evaluatePredictions(
      file,
      settings,
      { ...read, part: wholeFilePart(index, files.length) },
      { ...options, classes }
    )
    if (classes === null) found = evaluation.classes
    pieces.push(pieceState(evaluation, index, null))
  }
  const state = evaluationState(settings, input, { ...shard, by: 'files' }, found, pieces)
  const names = mine.map((f) => f.file).join(', ')
  const stated = `${name}: ${mine.length} of ${files.length} files, every ${shard.count}th of the sorted list${names === '' ? '' : ` (${names})`}`
  return { state, stated }
}

/**
 * Multiclass without probability columns: the classes of the shard's own rows (`mine`, read with
 * `part`), sorted; or, when those are fewer than 2 (an accumulator needs 2), the whole input's.
 * The state then states no classes (`[]`) and the merge widens every piece to the sorted union of
 * the pieces' classes (`evaluation-state.ts`): the list a single run finds, as it sorts them too.
 * `null` for another task, with probability columns (which name the classes), or no file.
 */
async function shardClasses(
  mine: readonly string[],
  all: readonly string[],
  settings: EvaluateSettings,
  read: ReadOptions,
  part: ReadOptions
): Promise<string[] | null> {
  if (mine.length === 0) return null
  const own = await inputClasses(mine, settings, part)
  return own === null || own.length >= 2 ? own : inputClasses(all, settings, read)
}
