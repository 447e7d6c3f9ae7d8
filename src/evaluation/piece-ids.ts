/**
 * Distinct ids across the byte ranges of one file: a single run refuses an id that a file repeats
 * (`row-stager.ts`), but each byte shard sees only its own rows, so the merge checks what no shard
 * could: that no two ranges hold the same id. The files of a list are not checked against each
 * other, as a single run over the list does not check them (each file is staged alone).
 */
import { UserInputError } from '../errors.js'
import type { PieceState } from './evaluation-state.js'
import { DISTINCT_IDS, IdSet } from './row-ids.js'

/** A piece of a state document, and the state file it is in. */
export interface PieceOf {
  readonly path: string
  readonly piece: PieceState
}

/**
 * Checks that no id is in two pieces of `pieces` (input order) that carry ids.
 * @throws UserInputError at the later piece's state file, naming the id, both ranges and both state
 *   files, for the first piece holding an id of an earlier one; for ids that cannot be restored
 */
export function checkIdsAcrossPieces(pieces: readonly PieceOf[], column: string): void {
  const seen = new IdSet()
  const withIds = pieces.filter((p) => p.piece.ids !== null)
  for (const [at, later] of withIds.entries()) {
    const ids = restoredIds(later)
    const shared = seen.shared(ids)
    if (shared === null) {
      seen.addAll(ids)
      continue
    }
    // Found again in one earlier piece: once, on the way to the error.
    const earlier = withIds.slice(0, at).find((p) => restoredIds(p).shared(ids) !== null)!
    const more = shared.count === 1 ? '' : ` (and ${shared.count - 1} more ids of this range)`
    throw new UserInputError(
      `the id column '${column}' repeats the id ${JSON.stringify(shared.id)}${more} across shards: ` +
        `${describe(later)} and ${describe(earlier)} both hold it; ${DISTINCT_IDS}. ` +
        `The states keep no lines: a single run over ${later.piece.file} names both`,
      { file: later.path }
    )
  }
}

function restoredIds({ path, piece }: PieceOf): IdSet {
  try {
    return IdSet.fromState(piece.ids!)
  } catch (error) {
    throw new UserInputError(`${(error as Error).message}; expected a state written by ml-gate`, {
      file: path
    })
  }
}

function describe({ path, piece }: PieceOf): string {
  const range = piece.range
  const where = range === null ? '' : ` bytes ${range.start}-${range.end} (from line ${range.line})`
  return `${piece.file}${where} (${path})`
}
