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
  private readonly ordinals: Uint32Array
  /** Row indices grouped by segment (filled by `forEachSegment`). */
  private readonly members: Uint32Array
  private counts = new Uint32Array(0)

  constructor(
    readonly perRow: number,
    readonly capacity: number
  ) {
    this.ordinals = new Uint32Array(perRow * capacity)
    this.members = new Uint32Array(perRow * capacity)
  }

  get full(): boolean {
    return this.size === this.capacity
  }

  /** Row `row` belongs to the segment numbered `ordinal` through family slot `slot`. */
  assign(row: number, slot: number, ordinal: number): void {
    this.ordinals[row * this.perRow + slot] = ordinal
  }

  /** The staged rows' segment ordinals, row after row (a view, valid until the next drain). */
  slots(): Uint32Array {
    return this.ordinals.subarray(0, this.size * this.perRow)
  }

  /**
   * Calls `visit(ordinal, rows)` once per segment with rows in the block, ascending by ordinal, with
   * the segment's row indices ascending (a counting sort); then empties the block.
   */
  drain(segmentCount: number, visit: (ordinal: number, rows: Uint32Array) => void): void {
    if (this.counts.length < segmentCount + 1) this.counts = new Uint32Array(2 * segmentCount + 1)
    const next = this.counts
    next.fill(0, 0, segmentCount + 1)
    const used = this.size * this.perRow
    const ordinals = this.ordinals
    for (let k = 0; k < used; k++) next[ordinals[k] + 1]++
    for (let s = 0; s < segmentCount; s++) next[s + 1] += next[s]
    // next[s] is now where segment s's rows start; it advances as they are placed.
    for (let row = 0, k = 0; row < this.size; row++) {
      for (let slot = 0; slot < this.perRow; slot++, k++) this.members[next[ordinals[k]]++] = row
    }
    // next[s] is now where segment s's rows end, which is where segment s + 1's start.
    for (let s = 0, start = 0; s < segmentCount; s++) {
      const end = next[s]
      if (end > start) visit(s, this.members.subarray(start, end))
      start = end
    }
    this.size = 0
  }
}
