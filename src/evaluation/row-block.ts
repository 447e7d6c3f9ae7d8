import { privateArrays, type Allocate } from '../kernels/block-memory.js'

/**
 * Which segments the rows of a block belong to, so that rows can be added segment by segment.
 *
 * Why: every row lands in several segment accumulators (`all` and one per family), and each adds it
 * to one of its 1024 bootstrap buckets (128 KiB of sums per segment). Adding row by row visits the
 * buckets of every segment in turn, so nearly every add misses the cache once there are more than
 * a few segments. Adding a block's rows one segment at a time keeps that segment's buckets in cache,
 * and still adds each segment's rows in file order: the same sums, bit for bit.
 */
export class RowBlock {
  /** Rows staged in the block. */
  size = 0
  /** Row r's segments: `ordinals[r·perRow + slot]`, one slot per family (and one for `all`). */
  private readonly ordinals: Uint16Array | Uint32Array
  /** One slot's row indices grouped by segment (filled by `drain`). */
  private readonly members: Uint32Array
  private counts = new Uint32Array(0)

  /**
   * @param largestOrdinal an upper bound of the ordinals: 16 bits a slot when it fits
   * @param allocate where the ordinals live (shared memory when a worker thread stages the rows)
   */
  constructor(
    readonly perRow: number,
    readonly capacity: number,
    largestOrdinal = 0xffffffff,
    allocate: Allocate = privateArrays
  ) {
    this.ordinals =
      largestOrdinal <= 0xffff
        ? allocate(Uint16Array, perRow * capacity)
        : allocate(Uint32Array, perRow * capacity)
    this.members = new Uint32Array(capacity)
  }

  get full(): boolean {
    return this.size === this.capacity
  }

  /** Row `row` belongs to the segment numbered `ordinal` through family slot `slot`. */
  assign(row: number, slot: number, ordinal: number): void {
    this.ordinals[row * this.perRow + slot] = ordinal
  }

  /** The staged rows' segment ordinals, row after row (a view, valid until the next drain). */
  slots(): Uint16Array | Uint32Array {
    return this.ordinals.subarray(0, this.size * this.perRow)
  }

  /**
   * Calls `visit(ordinal, rows)` for each segment with rows in the block, slot by slot and by
   * ordinal within a slot, with the segment's row indices ascending (a counting sort per slot);
   * then empties the block.
   */
  drain(segmentCount: number, visit: (ordinal: number, rows: Uint32Array) => void): void {
    if (this.counts.length < segmentCount + 1) this.counts = new Uint32Array(2 * segmentCount + 1)
    const next = this.counts
    const { ordinals, members, perRow, size } = this
    for (let slot = 0; slot < perRow; slot++) {
      next.fill(0, 0, segmentCount + 1)
      for (let k = slot; k < size * perRow; k += perRow) next[ordinals[k] + 1]++
      for (let s = 0; s < segmentCount; s++) next[s + 1] += next[s]
      // next[s] is now where segment s's rows start; it advances as they are placed.
      for (let row = 0, k = slot; row < size; row++, k += perRow) members[next[ordinals[k]]++] = row
      // next[s] is now where segment s's rows end, which is where segment s + 1's start.
      for (let s = 0, start = 0; s < segmentCount; s++) {
        const end = next[s]
        if (end > start) visit(s, members.subarray(start, end))
        start = end
      }
    }
    this.size = 0
  }
}
