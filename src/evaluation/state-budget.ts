/**
 * A cap on the memory that segments take, known before it is spent. Each segment keeps the
 * bootstrap's bucket sums (BUCKETS × width float64s, poisson-bootstrap.ts) and, when finalized,
 * its replicate sums (B × width): 259 KB for a binary segment at 1,000 replicates. Segments are
 * created as rows reveal their values, so without a cap 10 segment columns of 1,000 values each
 * would take 3 GB; past the cap evaluation stops with an error that says what it would take.
 */
import { UserInputError } from '../errors.js'
import { BUCKETS } from '../metrics/poisson-bootstrap.js'

/** The memory all segments together may take. */
export const MAX_SEGMENT_STATE_BYTES = 2 ** 30

/** The peak bytes of one segment's state, for `width` sums per bucket and `replicates` replicates. */
export function segmentStateBytes(width: number, replicates: number): number {
  return 8 * width * (BUCKETS + replicates)
}

/**
 * @param segments the segments there would be with the one about to be created (`all` included)
 * @throws UserInputError naming the file when they exceed `MAX_SEGMENT_STATE_BYTES`
 */
export function checkSegmentBudget(file: string, segments: number, bytesPerSegment: number): void {
  if (segments * bytesPerSegment <= MAX_SEGMENT_STATE_BYTES) return
  const limit = Math.floor(MAX_SEGMENT_STATE_BYTES / bytesPerSegment)
  throw new UserInputError(
    `more than ${limit} segments (${Math.round(bytesPerSegment / 1024)} KB of metric state each, ${MAX_SEGMENT_STATE_BYTES / 2 ** 20} MB in all): ` +
      `expected at most ${limit}; segment on fewer columns or crosses, or bin numeric columns into fewer bins`,
    { file }
  )
}
