import { Kind, type RowBatch, type Value } from '../../src/io/table.js'

/** The kind a reader would give a plain value. */
export function kindOf(value: Value): number {
  if (value === null) return Kind.Missing
  if (typeof value === 'boolean') return Kind.Boolean
  if (typeof value === 'string') return Kind.String
  return Number.isInteger(value) ? Kind.Integer : Kind.Number
}

/**
 * A batch built from plain rows, as a CSV reader would produce it: row `i` comes from line
 * `firstLine + i` (a header on line 1 makes the first data row line 2).
 */
export function batchOfRows(rows: readonly Value[][], firstLine = 2): RowBatch {
  const width = rows.length === 0 ? 0 : rows[0].length
  return {
    size: rows.length,
    lines: Float64Array.from(rows, (_, i) => firstLine + i),
    columns: Array.from({ length: width }, (_, c) => ({
      values: rows.map((row) => row[c]),
      kinds: Uint8Array.from(rows, (row) => kindOf(row[c]))
    }))
  }
}

/** A one-column batch. */
export function batchOfColumn(values: readonly Value[], firstLine = 2): RowBatch {
  return batchOfRows(
    values.map((v) => [v]),
    firstLine
  )
}
