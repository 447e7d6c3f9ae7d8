/**
 * Whether the candidate and the baseline describe the same evaluation, and on which rows their
 * changes are computed: the verdict's `pairing`.
 *
 * Rules (both predictions files, with `model.id`):
 * - The same ids with the same labels (the overall row digests and label digests agree, see
 *   `row-ids.ts`): paired on every row, at no extra cost.
 * - Otherwise one more pass over both files' id and label columns: an id whose label differs is
 *   bad input (the files are not the same evaluation set); no id in common is bad input too. The
 *   changes are then computed on the shared ids only: both files are evaluated again restricted
 *   to them, and the counts of rows in one file only are stated. `min` / `max` gates still judge
 *   the whole candidate file: a threshold is a property of the candidate alone.
 * - Per segment, the rows must agree too: a segment on a model output (`score`, `prediction`, a
 *   probability column) or a segment column whose value differs for the same id puts different
 *   rows in the two models' segment; such segments are listed and their changes are unpaired
 *   (`pairedDifference` checks each segment's row digest).
 *
 * Evaluation documents cannot be read again on the shared ids; they pair when both carry their
 * segments' state (row digests and replicates, see `stored-source.ts`) and hold the same rows, as
 * their overall digests tell; otherwise the comparison is unpaired. Without an id column rows
 * cannot be matched at all: unpaired, and the reason says which.
 */
import { UserInputError } from '../errors.js'
import { openTable } from '../io/open.js'
import type { ReadOptions, Value } from '../io/table.js'
import { evaluatePredictions, type Evaluation } from '../evaluation/evaluate.js'
import type { EvaluateSettings } from '../config/evaluate-settings.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import { IdSet, LabelDigest } from '../evaluation/row-ids.js'
import { segmentColumns, OVERALL } from '../metrics/segmentation.js'
import { resultsFromDocument, resultsFromEvaluation, type ModelResults } from './model-results.js'
import type { Pairing } from './verdict.js'

export type Model = Evaluation | EvaluationDocument

const UNPAIRED_INTERVALS = 'unpaired intervals (normal approximation from each model’s own interval)'

/** A loaded model and the file it was read from (a document's own path, not its `file`). */
export interface Loaded {
  readonly model: Model
  readonly file: string
}

/** The pairing, and the results each kind of rule reads. */
export interface Paired {
  readonly pairing: Pairing
  /** The whole candidate: what `min` / `max` gates judge. */
  readonly candidate: ModelResults
  /** The candidate on the rows compared with the baseline: what change gates judge. */
  readonly compared: ModelResults
  readonly baseline: ModelResults | null
}

export function isDocument(model: Model): model is EvaluationDocument {
  return 'schema' in model
}

export function asResults({ model, file }: Loaded): ModelResults {
  return isDocument(model) ? resultsFromDocument(model, file) : resultsFromEvaluation(model)
}

/**
 * Pairs `candidate` with `baseline` as the module comment says.
 * @throws UserInputError for a shared id whose label differs (naming the id and both file:line),
 *   and for two files with ids but none in common
 */
export async function pairModels(
  loadedCandidate: Loaded,
  loadedBaseline: Loaded | null,
  settings: EvaluateSettings,
  read: ReadOptions | undefined
): Promise<Paired> {
  const candidate = loadedCandidate.model
  const baseline = loadedBaseline?.model ?? null
  const whole = asResults(loadedCandidate)
  const baselineResults = loadedBaseline === null ? null : asResults(loadedBaseline)
  const unpaired = (reason: string): Paired =>
    unpairedModels(
      { results: whole, rows: candidate.rows },
      baseline === null ? null : { results: baselineResults!, rows: baseline.rows },
      reason
    )
  if (baseline === null) return unpaired('no baseline: nothing is compared')
  if (settings.model.id === undefined) {
    return unpaired(`no id to pair on: ${UNPAIRED_INTERVALS}; set model.id for paired ones`)
  }
  if (isDocument(candidate) || isDocument(baseline)) {
    return pairDocuments(whole, baselineResults!, candidate.rows, baseline.rows, settings, unpaired)
  }
  // Told by the digests at no cost, else by one more pass over both files' ids and labels.
  const shared = sameRows(candidate, baseline)
    ? null
    : await sharedIds(candidate.file, baseline.file, settings, read)
  if (shared?.size === 0) {
    throw new UserInputError(
      `no id of the id column '${settings.model.id}' is also in the baseline ${baseline.file}: the two files are ` +
        'not the same evaluation set, so the models cannot be compared. Predict both models on the same rows',
      { file: candidate.file }
    )
  }
  // Same ids and labels (after the pass, the digests differed by label representation only, e.g. 1 and 1.0).
  if (shared === null || (shared.size === candidate.rows && shared.size === baseline.rows)) {
    return withSegments(
      { candidate: whole, compared: whole, baseline: baselineResults },
      candidate.rows,
      candidate.rows,
      baseline.rows,
      `paired by id: the ${candidate.rows} ids are the same in both files, with the same labels`,
      settings
    )
  }
  const m = shared.size
  // A file whose every id is shared is its own restriction.
  const restrict = async (model: Evaluation): Promise<ModelResults> =>
    resultsFromEvaluation(
      model.rows === m
        ? model
        : await evaluatePredictions(model.file, settings, read, { only: shared, thread: null })
    )
  return withSegments(
    { candidate: whole, compared: await restrict(candidate), baseline: await restrict(baseline) },
    m,
    candidate.rows,
    baseline.rows,
    `paired by id on the ${m} ids both files share: ${candidate.rows - m} of the candidate's ${candidate.rows} ` +
      `rows and ${baseline.rows - m} of the baseline's ${baseline.rows} are in one file only and left out of ` +
      `every comparison with the baseline; min and max gates judge all ${candidate.rows} candidate rows`,
    settings
  )
}

/** One side of an unpaired comparison: its results and its rows. */
interface Side {
  readonly results: ModelResults
  readonly rows: number
}

/**
 * The comparison of two models whose rows are not matched: every change is unpaired (the normal
 * combination of each model's own interval, see `quantity.ts`) and `reason` says why. What
 * `pairModels` falls back to, and what a canary is by design (its users are not the control's).
 */
export function unpairedModels(candidate: Side, baseline: Side | null, reason: string): Paired {
  return {
    pairing: {
      paired: false,
      matched: null,
      candidate_rows: candidate.rows,
      baseline_rows: baseline?.rows ?? null,
      unpaired_segments: [],
      reason
    },
    candidate: candidate.results,
    compared: candidate.results,
    baseline: baseline?.results ?? null
  }
}

/**
 * A document on either side: paired when both sides have row digests (a document with its
 * segments' state, or an evaluation) and the overall digests agree; a document cannot be
 * evaluated again on the shared ids, so different rows are compared unpaired.
 */
function pairDocuments(
  candidate: ModelResults,
  baseline: ModelResults,
  candidateRows: number,
  baselineRows: number,
  settings: EvaluateSettings,
  unpaired: (reason: string) => Paired
): Paired {
  const c = candidate.source(OVERALL)?.digest
  const b = baseline.source(OVERALL)?.digest
  if (c === undefined || b === undefined) {
    const without = [c === undefined ? 'the candidate' : null, b === undefined ? 'the baseline' : null]
      .filter((who) => who !== null)
      .join(' and ')
    return unpaired(
      `${without} ${without.includes(' and ') ? 'are evaluation documents without their' : 'is an evaluation document without its'} ` +
        `segments' state, so rows cannot be matched: ${UNPAIRED_INTERVALS}; write documents with ` +
        'this version of ml-gate for paired ones'
    )
  }
  if (!c.equals(b)) {
    return unpaired(
      `the candidate (${candidateRows} rows) and the baseline (${baselineRows} rows) were not evaluated on the ` +
        `same ids, and an evaluation document cannot be restricted to the shared ones: ${UNPAIRED_INTERVALS}; ` +
        'gate the two predictions files for a comparison on the shared ids'
    )
  }
  return withSegments(
    { candidate, compared: candidate, baseline },
    candidateRows,
    candidateRows,
    baselineRows,
    `paired by id: both evaluations hold the same ${candidateRows} ids (their row digests agree)`,
    settings
  )
}

/** The same ids with the same labels: equal overall row digests and label digests. */
function sameRows(candidate: Evaluation, baseline: Evaluation): boolean {
  const c = candidate.segments.get(OVERALL)!.metrics.digest
  const b = baseline.segments.get(OVERALL)!.metrics.digest
  const [x, y] = [candidate.labels, baseline.labels]
  return (
    c.equals(b) &&
    x !== null &&
    y !== null &&
    x.rows === y.rows &&
    x.first === y.first &&
    x.second === y.second
  )
}

/** Adds the segments whose rows differ between the two models to a paired result. */
function withSegments(
  models: Omit<Paired, 'pairing'>,
  matched: number,
  candidateRows: number,
  baselineRows: number,
  reason: string,
  settings: EvaluateSettings
): Paired {
  const baseline = models.baseline!
  const differing = models.compared.segments
    .filter((s) => {
      const c = models.compared.source(s.key)
      const b = baseline.source(s.key)
      return c !== undefined && b !== undefined && !c.digest.equals(b.digest)
    })
    .map((s) => s.key)
  const outputs = modelOutputSegments(settings)
  const onOutputs =
    outputs.length === 0
      ? ''
      : `; segments of ${outputs.map((c) => `'${c}'`).join(', ')} are defined by each model's own output, so ` +
        'the same segment holds different rows for each model'
  const segments =
    differing.length === 0
      ? onOutputs
      : `; ${differing.length} segment${differing.length === 1 ? '' : 's'} (${differing.slice(0, 5).join(', ')}` +
        `${differing.length > 5 ? ', …' : ''}) hold different rows in the two files` +
        (outputs.length === 0 ? ' (a segment column differs for the same id)' : onOutputs) +
        ': their changes are unpaired'
  return {
    ...models,
    pairing: {
      paired: true,
      matched,
      candidate_rows: candidateRows,
      baseline_rows: baselineRows,
      unpaired_segments: differing,
      reason: reason + segments
    }
  }
}

/** Segment columns that are a model's output: its score, prediction or probability columns. */
function modelOutputSegments(settings: EvaluateSettings): string[] {
  const m = settings.model
  return segmentColumns(settings.segments).filter(
    (column) =>
      column === m.score ||
      column === m.prediction ||
      (m.task === 'multiclass' && column.startsWith(m.score_prefix) && column.length > m.score_prefix.length)
  )
}

/**
 * The ids in both files, checking that each shared id has the same label in both: one pass over
 * the baseline's id and label columns (a map of id to label and line: about 100 bytes an id) and
 * one over the candidate's.
 * @throws UserInputError for a shared id whose label differs, at the candidate's line, naming the
 *   baseline's
 */
async function sharedIds(
  candidateFile: string,
  baselineFile: string,
  settings: EvaluateSettings,
  read: ReadOptions | undefined
): Promise<IdSet> {
  const labels = new LabelDigest(settings.model.task === 'regression')
  const baseline = new Map<Exclude<Value, null>, { readonly label: Value; readonly line: number }>()
  const baselineName = await eachIdAndLabel(baselineFile, settings, read, (id, label, line) =>
    baseline.set(key(id), { label, line })
  )
  const shared = new IdSet()
  await eachIdAndLabel(candidateFile, settings, read, (id, label, line, file) => {
    const other = baseline.get(key(id))
    if (other === undefined) return
    if (labels.labelHash(label) !== labels.labelHash(other.label)) {
      throw new UserInputError(
        `the id ${JSON.stringify(id)} has the label ${JSON.stringify(label)} here and ${JSON.stringify(other.label)} ` +
          `in the baseline (${baselineName}:${other.line}): the two files are not the same evaluation set. ` +
          'Predict both models on the same labelled rows',
        { file, line }
      )
    }
    shared.add(id)
  })
  return shared
}

/**
 * Calls `visit` with every row's id, label and line (the evaluation has checked both already).
 * @returns the file's name as the reader shows it
 */
async function eachIdAndLabel(
  path: string,
  settings: EvaluateSettings,
  read: ReadOptions | undefined,
  visit: (id: Exclude<Value, null>, label: Value, line: number, file: string) => void
): Promise<string> {
  const table = await openTable(path, read)
  try {
    const id = table.columns.indexOf(settings.model.id!)
    const label = table.columns.indexOf(settings.model.label)
    for await (const batch of table.batches()) {
      const ids = batch.columns[id].values
      const labels = batch.columns[label].values
      for (let i = 0; i < batch.size; i++) visit(ids[i]!, labels[i], batch.lines[i], table.file)
    }
  } finally {
    await table.close()
  }
  return table.file
}

/** A map key with the `IdSet`'s equality: −0 is 0. */
function key(id: Exclude<Value, null>): Exclude<Value, null> {
  return id === 0 ? 0 : id
}
