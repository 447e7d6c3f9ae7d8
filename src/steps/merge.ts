/**
 * The merge step: the state documents of the N shards of one input (`--shard K/N`) to the document
 * a single run writes. Shared by `ml-gate merge` and the merge action.
 */
import schema from '../../schemas/evaluation-state.schema.json' with { type: 'json' }
import { readFile } from 'node:fs/promises'
import type { EvaluationDocument } from '../documents/evaluation.js'
import { documentKind, parseDocument } from '../documents/read-document.js'
import { UserInputError } from '../errors.js'
import { evaluationDocument, type Evaluation } from '../evaluation/evaluate.js'
import {
  mergeEvaluations,
  restorePiece,
  settingsFromDocument,
  type EvaluationStateDocument
} from '../evaluation/evaluation-state.js'
import { describeDifferences, settingDifferences } from '../gates/same-settings.js'

const EVALUATION_STATE = documentKind<EvaluationStateDocument>(
  schema,
  'from `ml-gate evaluate --shard K/N --json` or the evaluate action with `shard`'
)

export interface MergeStepResult {
  readonly document: EvaluationDocument
  /** The shards merged and the rows, for the log. */
  readonly stated: string
}

/**
 * Merges the state documents at `paths`: every shard 1…N of one input, evaluated with the same
 * settings, each given once (in any order).
 * @throws UserInputError naming the file for an unreadable or invalid state, a state of other
 *   settings, input or shard count than the first, a shard missing or given twice, or no rows at all
 */
export async function mergeStep(paths: readonly string[]): Promise<MergeStepResult> {
  if (paths.length === 0) throw new UserInputError('ml-gate merge: expected the state files of every shard')
  const states: { path: string; state: EvaluationStateDocument }[] = []
  for (const path of paths) {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
      throw new UserInputError(
        `cannot read the file (${code}); expected an ${EVALUATION_STATE.name} document`,
        {
          file: path
        }
      )
    }
    states.push({ path, state: parseDocument(text, path, EVALUATION_STATE) })
  }
  const [first] = states
  const seen = new Map<number, string>()
  for (const { path, state } of states) {
    const differences = settingDifferences(state, first.state)
    if (differences.length > 0) {
      throw new UserInputError(
        `evaluated with other settings than ${first.path}: ${describeDifferences(differences, 'this state', 'the first')}; ` +
          'expected every shard evaluated alike',
        { file: path }
      )
    }
    const same = (what: string, mine: unknown, theirs: unknown): void => {
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
        throw new UserInputError(
          `${what} ${JSON.stringify(mine)}, but ${first.path} has ${JSON.stringify(theirs)}: expected the shards of one input`,
          { file: path }
        )
      }
    }
    same('the input is', state.input, first.state.input)
    same('the shards are split by', state.shard.by, first.state.shard.by)
    same('the shard count is', state.shard.count, first.state.shard.count)
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
  const settings = settingsFromDocument(first.state.task, first.state.settings)
  const classes = states.map((s) => s.state.classes).find((c) => c.length > 0) ?? []
  const pieces = states
    .flatMap(({ path, state }) => state.pieces.map((piece) => ({ path, piece })))
    .sort(
      (a, b) =>
        a.piece.file_index - b.piece.file_index || (a.piece.range?.start ?? 0) - (b.piece.range?.start ?? 0)
    )
  const restored: Evaluation[] = pieces.map(({ path, piece }) => {
    try {
      return restorePiece(piece, settings, classes)
    } catch (error) {
      throw new UserInputError(`${(error as Error).message}; expected a state written by ml-gate`, {
        file: path
      })
    }
  })
  const byBytes = first.state.shard.by === 'bytes'
  const rows = restored.reduce((n, e) => n + e.rows, 0)
  if (rows === 0) {
    throw new UserInputError('no rows to evaluate in any shard: expected at least one row of predictions', {
      file: byBytes ? (pieces[0]?.piece.file ?? first.state.input) : first.state.input
    })
  }
  const merged = mergeEvaluations(byBytes ? restored[0].file : first.state.input, restored)
  return {
    document: evaluationDocument(merged),
    stated: `merged ${count} shard${count === 1 ? '' : 's'} (${restored.length} piece${restored.length === 1 ? '' : 's'}, ${rows} rows)`
  }
}
