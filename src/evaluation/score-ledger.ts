import { sortNumbers } from '../kernels/radix-sort.js'
import type { BinaryAccumulator, BinaryRows } from '../metrics/binary.js'
import type { RowBlock } from './row-block.js'
import { TupleTable } from '../kernels/tuple-table.js'

/**
 * Every row's score, label and weight with the segments it belongs to, kept across blocks so that
 * the scores of all segments are sorted once: ROC AUC and average precision need each segment's
 * scores in order, and a row is in all of its segments (6 sorts of n scores with 5 segment
 * families). One stable sort of the rows, then one pass handing each score to its segments in
 * ascending order, gives every segment exactly the order its own sort would have: equal scores stay
 * in file order both ways.
 *
 * A row's segments are kept as the id of their combination (`TupleTable`): far fewer combinations
 * than rows, so the pass in score order reads them from a small table instead of jumping around
 * every row's own. Unweighted, the sort carries (combination, label) itself and the pass reads
 * nothing per row; with weights it carries the row and reads its weight and combination.
 *
 * Memory: 13 bytes per row (21 with weights other than 1).
 */
export class ScoreLedger {
  private readonly chunks: LedgerChunk[] = []
  private readonly combinations: TupleTable
  private rows = 0
  private weighted = false

  /** @param perRow segment slots per row of the blocks (families + 1 for `all`) */
  constructor(private readonly perRow: number) {
    this.combinations = new TupleTable(perRow)
  }

  /** Keeps the staged rows of `block` (before it is drained). */
  keep(rows: BinaryRows, block: RowBlock): void {
    const size = block.size
    if (size === 0) return
    if (this.rows + size > MAX_ROWS) throw new RangeError(`ScoreLedger: more than ${MAX_ROWS} rows`)
    const slots = block.slots()
    const combination = new Uint32Array(size)
    for (let i = 0; i < size; i++) combination[i] = this.combinations.idOf(slots, i * this.perRow)
    const weight = rows.weight.subarray(0, size)
    let unweighted = true
    for (let i = 0; i < size && unweighted; i++) unweighted = weight[i] === 1
    this.weighted ||= !unweighted
    this.chunks.push({
      size,
      score: rows.score.slice(0, size),
      label: rows.label.slice(0, size),
      weight: unweighted ? null : weight.slice(),
      combination
    })
    this.rows += size
  }

  /**
   * Hands every kept score to the accumulators of its segments (`accumulators[ordinal]`), in
   * ascending score order (`addAscendingScores`); then forgets them.
   */
  distribute(accumulators: readonly BinaryAccumulator[]): void {
    const n = this.rows
    const perRow = this.perRow
    const segmentsOf = this.combinations.tuples
    const scores = new Float64Array(n)
    // (what, label) in one exact double, 2·what + label < 2⁵³, sorted along with the scores; `what`
    // is the row's combination, or the row itself when weights must be read.
    const payload = new Float64Array(n)
    const counts = new Float64Array(2 * accumulators.length)
    // With weights, each row's combination and weight by row (blocks differ in size).
    const combinationOf = this.weighted ? new Uint32Array(n) : null
    const weightOf = this.weighted ? new Float64Array(n) : null
    let row = 0
    for (const chunk of this.chunks) {
      scores.set(chunk.score, row)
      combinationOf?.set(chunk.combination, row)
      if (weightOf) {
        if (chunk.weight) weightOf.set(chunk.weight, row)
        else weightOf.fill(1, row, row + chunk.size)
      }
      for (let i = 0; i < chunk.size; i++, row++) {
        const label = chunk.label[i]
        const combination = chunk.combination[i]
        payload[row] = 2 * (this.weighted ? row : combination) + label
        for (let slot = 0; slot < perRow; slot++)
          counts[2 * segmentsOf[combination * perRow + slot] + label]++
      }
      chunk.score = EMPTY
    }
    // The payload (with weights, and the two arrays above) holds all that the pass needs: the chunks
    // can go during the sort.
    this.chunks.length = 0
    this.rows = 0
    sortNumbers(scores, payload)
    // Every segment's scores of each class, ascending, side by side in one array: segment a's with
    // label l from start[2a + l] on. Each accumulator keeps views of its two runs (no copies, no
    // per-score calls); weights alongside, for the runs with a weight other than 1.
    const runs = counts.length
    const start = new Float64Array(runs + 1)
    for (let d = 0; d < runs; d++) start[d + 1] = start[d] + counts[d]
    const sorted = new Float64Array(start[runs])
    const sortedWeights = weightOf === null ? null : new Float64Array(start[runs])
    const next = Uint32Array.from(start.subarray(0, runs))
    const unit = new Uint8Array(runs).fill(1)
    for (let p = 0; p < n; p++) {
      // Integer arithmetic: a double's `%` is a call to fmod in V8.
      const packed = payload[p]
      const label = packed & 1
      const what = (packed - label) / 2
      const combination = combinationOf === null ? what : combinationOf[what]
      const score = scores[p]
      if (sortedWeights === null) {
        for (let slot = 0, k = combination * perRow; slot < perRow; slot++, k++) {
          sorted[next[2 * segmentsOf[k] + label]++] = score
        }
      } else {
        const weight = weightOf![what]
        for (let slot = 0, k = combination * perRow; slot < perRow; slot++, k++) {
          const run = 2 * segmentsOf[k] + label
          const at = next[run]++
          sorted[at] = score
          sortedWeights[at] = weight
          if (weight !== 1) unit[run] = 0
        }
      }
    }
    const run = (d: number) => ({
      values: sorted.subarray(start[d], start[d + 1]),
      weights: sortedWeights === null || unit[d] === 1 ? null : sortedWeights.subarray(start[d], start[d + 1])
    })
    for (let a = 0; a < accumulators.length; a++)
      accumulators[a].addAscendingScores(run(2 * a + 1), run(2 * a))
  }
}

interface LedgerChunk {
  readonly size: number
  score: Float64Array
  readonly label: Uint8Array
  readonly weight: Float64Array | null
  readonly combination: Uint32Array
}

const EMPTY = new Float64Array(0)

/** So that every payload (2·row + label) is below 2³¹, for integer arithmetic: 13 GB of rows here. */
const MAX_ROWS = 2 ** 30 - 1
