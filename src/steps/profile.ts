/**
 * The profile step: one file, a glob of files (profiled one at a time, merged in sorted order), or
 * one shard of either (`io/partition.ts`) to its `ml-gate/profile-state@1`.
 */
import { inputFiles } from '../io/glob.js'
import { openTable } from '../io/open.js'
import { byteShard, shardFiles, type Shard } from '../io/partition.js'
import type { ByteRange, ReadOptions, TableFormat } from '../io/table.js'
import { TableProfile, type ProfileDocument } from '../profile/profile.js'
import {
  PROFILE_STATE_SCHEMA,
  profilePieceState,
  type ProfilePieceState,
  type ProfileStateDocument
} from '../profile/profile-state.js'

async function profileOf(
  file: string,
  read: ReadOptions,
  top: number
): Promise<{ readonly profile: TableProfile; readonly format: TableFormat }> {
  const table = await openTable(file, read)
  return { profile: await TableProfile.of(table, { topValues: top }), format: table.format }
}

/** The profile of every file of `input` (a file or a glob), as one table. */
export async function profileStep(input: string, read: ReadOptions, top: number): Promise<ProfileDocument> {
  const files = await inputFiles(input)
  const [first, ...rest] = files
  const whole = await profileOf(first, read, top)
  for (const file of rest) {
    const next = await profileOf(file, read, top)
    whole.profile.merge(next.profile, file)
  }
  return whole.profile.document(files.length === 1 ? first : input, whole.format)
}

/** Shard K of N of `input`: its state and what it read. */
export async function profileShardStep(
  input: string,
  shard: Shard,
  read: ReadOptions,
  top: number
): Promise<{ readonly state: ProfileStateDocument; readonly stated: string }> {
  const files = await inputFiles(input)
  const name = `shard ${shard.index}/${shard.count}`
  const pieces: ProfilePieceState[] = []
  let format: TableFormat = 'csv'
  let stated: string
  if (files.length === 1) {
    const [file] = files
    const { part, size } = await byteShard(file, shard, read)
    const range: ByteRange = part.bytes
    const { profile, format: found } = await profileOf(file, { ...read, part }, top)
    format = found
    pieces.push(profilePieceState(profile, file, 0, range))
    stated = `${name}: ${file} bytes ${range.start}-${range.end} of ${size}, from line ${range.line}: ${profile.rows} rows`
  } else {
    const mine = shardFiles(files, shard)
    for (const { file, index } of mine) {
      const { profile, format: found } = await profileOf(file, read, top)
      format = found
      pieces.push(profilePieceState(profile, file, index, null))
    }
    stated = `${name}: ${mine.length} of ${files.length} files${mine.length === 0 ? '' : ` (${mine.map((f) => f.file).join(', ')})`}`
  }
  const by = files.length === 1 ? 'bytes' : 'files'
  return {
    state: { schema: PROFILE_STATE_SCHEMA, input, format, shard: { ...shard, by }, top, pieces },
    stated
  }
}
