/**
 * The merge step: the state documents of the N shards of one input (`--shard K/N`) to the document
 * a single run writes, dispatched on the states' `schema`. Shared by `ml-gate merge` and the merge
 * action.
 */
import schema from '../../schemas/evaluation-state.schema.json' with { type: 'json' }
import profileSchema from '../../schemas/profile-state.schema.json' with { type: 'json' }
import validationSchema from '../../schemas/validation-state.schema.json' with { type: 'json' }
import { loadContract, type LoadedContract } from '../contract/load.js'
import { DataValidation, type ValidationDocument } from '../contract/validate.js'
import type { ValidationStateDocument } from '../contract/validation-state.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import { documentKind, parseDocument, readDocumentBytes } from '../documents/read-document.js'
import { UserInputError } from '../errors.js'
import { evaluationDocument, type Accumulator, type Evaluation } from '../evaluation/evaluate.js'
import {
  mergedClasses,
  mergeEvaluations,
  restorePiece,
  settingsFromDocument,
  type EvaluationStateDocument
} from '../evaluation/evaluation-state.js'
import { checkIdsAcrossPieces } from '../evaluation/piece-ids.js'
import { allWeightsZero } from '../evaluation/row-stager.js'
import { describeDifferences, settingDifferences } from '../gates/same-settings.js'
import { parseJson } from '../io/json-text.js'
import type { ShardStated } from '../io/partition.js'
import { describeMetric } from '../metrics/catalog.js'
import type { ProfileDocument } from '../profile/profile.js'
import { restoreProfilePiece, type ProfileStateDocument } from '../profile/profile-state.js'
import { contractDigest } from './validate-shard.js'

const EVALUATION_STATE = documentKind<EvaluationStateDocument>(
  schema,
  'from `ml-gate evaluate --shard K/N --json`'
)
const PROFILE_STATE = documentKind<ProfileStateDocument>(
  profileSchema,
  'from `ml-gate profile --shard K/N --json`'
)
const VALIDATION_STATE = documentKind<ValidationStateDocument>(
  validationSchema,
  'from `ml-gate validate --shard K/N --json`'
)

export type MergeStepResult =
  | { readonly kind: 'evaluation'; readonly document: EvaluationDocument; readonly stated: string }
  | { readonly kind: 'profile'; readonly document: ProfileDocument; readonly stated: string }
  | { readonly kind: 'validation'; readonly document: ValidationDocument; readonly stated: string }

/** What every state says about the shard it is. */
interface ShardOf {
  readonly input: string
  readonly shard: ShardStated
}

interface Read<T> {
  readonly path: string
  readonly state: T
}

/**
 * Merges the state documents at `paths`: every shard 1…N of one input, of one kind (evaluation,
 * profile or validation states), made with the same settings, each given once (in any order).
 * @throws UserInputError naming the file for an unreadable or invalid state, a state of another
 *   kind, settings, input or shard count than the first, a shard missing or given twice, no rows, or
 *   (with weights) no row of positive weight; for an id in two byte ranges (`piece-ids.ts`)
 */
export async function mergeStep(paths: readonly string[]): Promise<MergeStepResult> {
  if (paths.length === 0) throw new UserInputError('ml-gate merge: expected the state files of every shard')
  const texts: Read<string>[] = []
  for (const path of paths) texts.push({ path, state: await readText(path) })
  const [first] = texts
  const value = parseJson(first.state, first.path, 'a state document')
  const named = typeof value === 'object' && value !== null && 'schema' in value ? value.schema : undefined
  if (named === VALIDATION_STATE.name) {
    const states = texts.map(({ path, state }) => ({
      path,
      state: parseDocument(state, path, VALIDATION_STATE)
    }))
    return mergeValidationStates(states)
  }
  if (named === PROFILE_STATE.name) {
    const states = texts.map(({ path, state }) => ({
      path,
      state: parseDocument(state, path, PROFILE_STATE)
    }))
    return mergeProfileStates(states)
  }
  const states = texts.map(({ path, state }) => ({
    path,
    state: parseDocument(state, path, EVALUATION_STATE)
  }))
  return mergeEvaluationStates(states)
}

async function readText(path: string): Promise<string> {
  return (await readDocumentBytes(path, "a shard's state document")).toString('utf8')
}

/** Every shard 1…N of one input, once each; `same` adds the kind's own checks. */
function checkShards<T extends ShardOf>(states: readonly Read<T>[], same: (state: Read<T>) => void): void {
  const [first] = states
  const seen = new Map<number, string>()
  for (const read of states) {
    const { path, state } = read
    same(read)
    const differ = (what: string, mine: unknown, theirs: unknown): void => {
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
        throw new UserInputError(
          `${what} ${JSON.stringify(mine)}, but ${first.path} has ${JSON.stringify(theirs)}: expected the shards of one input`,
          { file: path }
        )
      }
    }
    differ('the input is', state.input, first.state.input)
    differ('the shards are split by', state.shard.by, first.state.shard.by)
    differ('the shard count is', state.shard.count, first.state.shard.count)
    const twice = seen.get(state.shard.index)
    if (twice !== undefined) {
      throw new UserInputError(
        `shard ${state.shard.index} is given twice (also ${twice}): expected each once`,
        {
          file: path
        }
      )
    }
    if (state.shard.index > state.shard.count) {
      throw new UserInputError(`shard ${state.shard.index} of ${state.shard.count}: expected K <= N`, {
        file: path
      })
    }
    seen.set(state.shard.index, path)
  }
  const count = first.state.shard.count
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k))
  if (missing.length > 0) {
    throw new UserInputError(
      `ml-gate merge: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing: ` +
        'expected the state of every shard (a shard that read nothing still writes one)'
    )
  }
}

/** Pieces in input order: file index, then byte offset. */
function inOrder<
  P extends { readonly file_index: number; readonly range: { readonly start: number } | null }
>(
  states: readonly Read<{ readonly pieces: readonly P[] }>[]
): { readonly path: string; readonly piece: P }[] {
  return states
    .flatMap(({ path, state }) => state.pieces.map((piece) => ({ path, piece })))
    .sort(
      (a, b) =>
        a.piece.file_index - b.piece.file_index || (a.piece.range?.start ?? 0) - (b.piece.range?.start ?? 0)
    )
}

function restored<T>(path: string, restore: () => T): T {
  try {
    return restore()
  } catch (error) {
    throw new UserInputError(`${(error as Error).message}; expected a state written by ml-gate`, {
      file: path
    })
  }
}

function shardsStated(count: number, pieces: number, rows: number): string {
  return `merged ${count} shard${count === 1 ? '' : 's'} (${pieces} piece${pieces === 1 ? '' : 's'}, ${rows} rows)`
}

function mergeEvaluationStates(states: readonly Read<EvaluationStateDocument>[]): MergeStepResult {
  const [first] = states
  checkShards(states, ({ path, state }) => {
    const differences = settingDifferences(state, first.state)
    if (differences.length > 0) {
      throw new UserInputError(
        `evaluated with other settings than ${first.path}: ${describeDifferences(differences, 'this state', 'the first')}; ` +
          'expected every shard evaluated alike',
        { file: path }
      )
    }
  })
  const settings = settingsFromDocument(first.state.task, first.state.settings)
  const classes = mergedClasses(states.map((s) => s.state))
  const pieces = inOrder(states)
  if (settings.model.id !== undefined) checkIdsAcrossPieces(pieces, settings.model.id)
  const evaluations: Evaluation[] = pieces.map(({ path, piece }) =>
    restored(path, () => restorePiece(piece, settings, classes))
  )
  const byBytes = first.state.shard.by === 'bytes'
  const rows = evaluations.reduce((n, e) => n + e.rows, 0)
  if (rows === 0) {
    throw new UserInputError('no rows to evaluate in any shard: expected at least one row of predictions', {
      file: first.state.input
    })
  }
  const merged = mergeEvaluations(byBytes ? evaluations[0].file : first.state.input, evaluations)
  // A byte range may hold only rows of weight 0 (the stager checks whole files only): the whole
  // input is judged here, as a single run over the file judges it. A file of a list is whole.
  const weight = settings.model.weight
  if (weight !== undefined && positiveRows(merged.segments.get('all')!.metrics) === 0) {
    throw allWeightsZero(weight, merged.file)
  }
  return {
    kind: 'evaluation',
    document: evaluationDocument(merged),
    stated: shardsStated(first.state.shard.count, evaluations.length, rows)
  }
}

/** The rows of positive weight: the support of a metric whose evidence is every row. */
function positiveRows(metrics: Accumulator): number {
  const name = metrics.names().find((n) => describeMetric(n)?.support === 'rows')
  if (name === undefined) throw new Error(`no ${metrics.task} metric has every row as its support`)
  return metrics.support(name)
}

function mergeProfileStates(states: readonly Read<ProfileStateDocument>[]): MergeStepResult {
  const [first] = states
  checkShards(states, ({ path, state }) => {
    if (state.top !== first.state.top) {
      throw new UserInputError(
        `--top ${state.top}, but ${first.path} has ${first.state.top}: expected the same`,
        {
          file: path
        }
      )
    }
  })
  const pieces = inOrder(states)
  if (pieces.length === 0) throw new UserInputError('no shard read a file', { file: first.state.input })
  const profiles = pieces.map(({ path, piece }) =>
    restored(path, () => restoreProfilePiece(piece, first.state.top))
  )
  const [whole, ...rest] = profiles
  rest.forEach((profile, i) => whole.merge(profile, pieces[i + 1].piece.file))
  const format = states.find((s) => s.state.pieces.length > 0)!.state.format
  const file = first.state.shard.by === 'bytes' ? pieces[0].piece.file : first.state.input
  return {
    kind: 'profile',
    document: whole.document(file, format),
    stated: shardsStated(first.state.shard.count, profiles.length, whole.rows)
  }
}

/** The settings, reference and header of a validation state, by name, to tell what differs. */
function validationSettings(state: ValidationStateDocument): Record<string, unknown> {
  return { reference: state.reference, ...state.settings, columns: state.columns }
}

async function mergeValidationStates(
  states: readonly Read<ValidationStateDocument>[]
): Promise<MergeStepResult> {
  const [first] = states
  const expected = validationSettings(first.state)
  checkShards(states, ({ path, state }) => {
    const mine = validationSettings(state)
    const differences = Object.keys(expected)
      .filter((key) => JSON.stringify(mine[key]) !== JSON.stringify(expected[key]))
      .map(
        (key) => `${key}: this state ${JSON.stringify(mine[key])}, the first ${JSON.stringify(expected[key])}`
      )
    if (differences.length > 0) {
      throw new UserInputError(
        `validated with other settings than ${first.path}: ${differences.join(', ')}; expected every shard validated alike`,
        { file: path }
      )
    }
  })
  const { settings, reference } = first.state
  const contract =
    settings.contract === null ? undefined : await sameContract(settings.contract, settings.contract_sha256)
  const pieces = inOrder(states)
  if (pieces.length === 0) throw new UserInputError('no shard read a file', { file: first.state.input })
  const byFiles = first.state.shard.by === 'files'
  const { format, unit, columns } = first.state
  const header = { file: pieces[0].piece.file, format, unit, columns }
  const validation = new DataValidation(contract, header, reference !== null, settings.seed, true)
  for (const { path, piece } of pieces) {
    restored(path, () => validation.merge(piece, byFiles ? piece.file : undefined))
  }
  let sample = null
  if (reference !== null) {
    const referencePieces = inOrder(
      states.map(({ path, state }) => ({ path, state: { pieces: state.reference_pieces } }))
    )
    if (referencePieces.length === 0)
      throw new UserInputError('no shard read the reference', { file: reference })
    const merged = validation.reference(referencePieces[0].piece.drift.map((d) => d.column))
    for (const { path, piece } of referencePieces) restored(path, () => merged.merge(piece.drift))
    sample = { file: reference, sample: merged }
  }
  const files = pieces.map(({ piece }) => ({ file: piece.file, rows: piece.rows }))
  const document = validation.document(
    sample,
    {
      method: settings.drift_method ?? undefined,
      settings: settings.drift ?? undefined,
      correction: settings.correction
    },
    settings.fail_on,
    byFiles ? { file: first.state.input, files } : undefined
  )
  return {
    kind: 'validation',
    document,
    stated: shardsStated(first.state.shard.count, pieces.length, document.rows)
  }
}

/**
 * The contract the shards were validated with, read again.
 * @throws UserInputError when its bytes are not those the shards hashed
 */
async function sameContract(file: string, digest: string | null): Promise<LoadedContract> {
  const now = await contractDigest(file)
  if (now !== digest) {
    throw new UserInputError(
      `the contract's sha256 is ${now}, but the shards were validated with ${digest}: ` +
        'expected the contract the shards were validated with',
      { file }
    )
  }
  return loadContract(file)
}
