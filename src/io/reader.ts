import type { RowBatch, Table, TableFormat } from './table.js'

/** What every format reader does: read the header when the table opens, then stream the rows once. */
export interface TableReader {
  /** Whether the bytes were gzip-compressed. */
  readonly gzip: boolean
  /** Reads enough of the file to know its columns. */
  readHeader(): Promise<string[]>
  /** Streams the rows (after `readHeader`). */
  rows(): AsyncGenerator<RowBatch>
  /** Releases the file; safe to call more than once. */
  close(): Promise<void>
}

/**
 * Reads the header and returns a `Table` whose `batches()` continues the same pass over the file
 * (so pipes work, and the header is not read twice). The file stays open until the rows are
 * iterated to the end (or the iteration stops early), or the header fails.
 */
export async function tableFrom(file: string, format: TableFormat, reader: TableReader): Promise<Table> {
  let columns: string[]
  try {
    columns = await reader.readHeader()
  } catch (error) {
    await reader.close()
    throw error
  }
  let iterated = false
  return {
    file,
    format,
    gzip: reader.gzip,
    unit: format === 'csv' || format === 'jsonl' ? 'line' : 'row',
    columns,
    batches(): AsyncIterable<RowBatch> {
      if (iterated) throw new Error(`${file}: a table can be iterated once; open it again to read it again`)
      iterated = true
      return rowsThenClose(reader)
    },
    close: () => reader.close()
  }
}

async function* rowsThenClose(reader: TableReader): AsyncGenerator<RowBatch> {
  try {
    yield* reader.rows()
  } finally {
    await reader.close()
  }
}
