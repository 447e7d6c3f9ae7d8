/**
 * Profiles in pieces: what `ml-gate profile --shard K/N` writes (`ml-gate/profile-state@1`,
 * schemas/profile-state.schema.json) and how the pieces merge into the profile of the whole input.
 *
 * Merged in input order (file index, then byte offset), the count tables hold the same values in the
 * same first-seen order as a single run's, so counts, missing, types, distinct counts, min, max and
 * the most frequent values are the single run's exactly (while a column stays under the exact bound;
 * past it the HyperLogLog registers merge exactly and the Misra–Gries counts keep their bound, not
 * the single run's values). Mean and standard deviation are merged by Chan et al.'s pairwise update
 * where a single run applies Welford's row by row: equal to rounding (relative 1e-15), not bit for
 * bit.
 */
import { encode } from '../kernels/base64.js'
import { pieceRange, type PieceRange, type ShardStated } from '../io/partition.js'
import type { ByteRange, TableFormat } from '../io/table.js'
import { ColumnProfile } from './column-profile.js'
import type { CountedValue } from './count-table.js'
import { TableProfile } from './profile.js'

export const PROFILE_STATE_SCHEMA = 'ml-gate/profile-state@1'

export interface ProfileStateDocument {
  readonly schema: typeof PROFILE_STATE_SCHEMA
  /** The file or glob as given to every shard. */
  readonly input: string
  readonly format: TableFormat
  readonly shard: ShardStated
  /** Most frequent values reported per column (`--top`). */
  readonly top: number
  readonly pieces: readonly ProfilePieceState[]
}

export interface ProfilePieceState {
  readonly file: string
  readonly file_index: number
  readonly range: PieceRange | null
  readonly rows: number
  readonly columns: readonly ColumnState[]
}

/** One column as JSON: numbers that JSON cannot hold (min and max of no numbers) as float64 base64. */
export interface ColumnState {
  readonly name: string
  readonly kinds: readonly number[]
  /** Float64 × 5, base64: count, mean, M2, min, max of the column's numbers. */
  readonly moments: string
  readonly limit: number
  readonly values: readonly CountedValue[]
  readonly counts: readonly number[]
  /** The HyperLogLog registers (base64), once past the exact bound; else `null`. */
  readonly sketch: string | null
}

/** A piece of a shard's state: the profile of one file, or of one byte range. */
export function profilePieceState(
  profile: TableProfile,
  file: string,
  fileIndex: number,
  range: ByteRange | null
): ProfilePieceState {
  return {
    file,
    file_index: fileIndex,
    range: range === null ? null : pieceRange(range),
    rows: profile.rows,
    columns: profile.columns.map((column) => {
      const state = column.toState()
      return {
        name: state.name,
        kinds: state.kinds,
        moments: encode(Float64Array.from(state.moments)),
        limit: state.values.limit,
        values: state.values.values,
        counts: state.values.counts,
        sketch: state.values.sketch === null ? null : encode(state.values.sketch)
      }
    })
  }
}

/**
 * The profile a piece's state describes.
 * @throws Error ("invalid profile state: …") for a field that cannot be restored
 */
export function restoreProfilePiece(piece: ProfilePieceState, top: number): TableProfile {
  const profile = new TableProfile(
    piece.columns.map((c) => c.name),
    { topValues: top }
  )
  profile.rows = piece.rows
  piece.columns.forEach((c, i) => {
    const bytes = Buffer.from(c.moments, 'base64')
    if (bytes.length !== 40)
      throw new Error(`invalid profile state: columns[${i}].moments must hold 5 float64`)
    const moments = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 40))
    if (c.counts.length !== c.values.length) {
      throw new Error(`invalid profile state: columns[${i}] needs one count per value`)
    }
    profile.columns[i] = ColumnProfile.fromState({
      name: c.name,
      kinds: c.kinds,
      moments: [moments[0], moments[1], moments[2], moments[3], moments[4]],
      values: {
        limit: c.limit,
        values: c.values,
        counts: c.counts,
        sketch: c.sketch === null ? null : Uint8Array.from(Buffer.from(c.sketch, 'base64'))
      }
    })
  })
  return profile
}
