import type { ColumnChunk, RowBatch, Value } from './table.js'

/**
 * Cells per batch at most (about 9 bytes each): a batch of 8,192 rows costs 72 KB per column,
 * which took 100,000 columns out of the heap. Wide tables get shorter batches instead; tables up
 * to 128 columns keep the full batch size.
 */
export const MAX_BATCH_CELLS = 2 ** 20

/**
 * Collects rows column by column into fixed-size `RowBatch`es.
 *
 * Readers write row `size` straight into `values[c]`, `kinds[c]` and `lines`, then call
 * `commit()`. A row that is written but not committed is simply overwritten by the next one, which
 * lets the CSV reader start a record again when it turns out to continue in the next chunk.
 */
export class BatchBuilder {
  values: Value[][] = []
  kinds: Uint8Array[] = []
  lines = new Float64Array(0)
  /** Rows committed to the current batch. */
  size = 0
  /** Rows per batch: the requested batch size, fewer for wide tables (see `MAX_BATCH_CELLS`). */
  private readonly capacity: number

  constructor(
    private readonly columnCount: number,
    batchSize: number
  ) {
    this.capacity = Math.max(1, Math.min(batchSize, Math.floor(MAX_BATCH_CELLS / Math.max(1, columnCount))))
    this.allocate()
  }

  /** Counts the row written at index `size`; true when the batch is now full. */
  commit(line: number): boolean {
    this.lines[this.size] = line
    return ++this.size === this.capacity
  }

  /** The committed rows as a batch (arrays trimmed to its size); the builder starts a new one. */
  take(): RowBatch {
    const size = this.size
    const columns: ColumnChunk[] = []
    for (let c = 0; c < this.columnCount; c++) {
      const values = this.values[c]
      if (size < this.capacity) values.length = size
      columns.push({ values, kinds: size < this.capacity ? this.kinds[c].subarray(0, size) : this.kinds[c] })
    }
    const batch: RowBatch = {
      size,
      lines: size < this.capacity ? this.lines.subarray(0, size) : this.lines,
      columns
    }
    this.allocate()
    return batch
  }

  private allocate(): void {
    this.values = []
    this.kinds = []
    for (let c = 0; c < this.columnCount; c++) {
      this.values.push(new Array<Value>(this.capacity))
      this.kinds.push(new Uint8Array(this.capacity))
    }
    this.lines = new Float64Array(this.capacity)
    this.size = 0
  }
}
