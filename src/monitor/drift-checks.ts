/**
 * Score and feature drift of each window against the reference, with the drift methods of
 * src/drift; the p-value tests of all windows × columns form one family (`correctDrift`).
 */
import type { Correction, DriftConfig } from '../config/types.js'
import { correctDrift, measureDrift, type DriftMeasurement } from '../drift/detect.js'
import type { ColumnSample } from '../drift/sample.js'
import type { Value } from '../io/table.js'
import type { DriftCheck } from './document.js'

/** A column's values, and the rows of each side. */
export interface DriftColumn {
  readonly name: string
  readonly values: readonly Value[]
  readonly referenceValues: readonly Value[]
}

/**
 * `checks[w][c]`: column c in window w. A window with fewer than 30 values on either side is
 * insufficient (the drift methods' own minimum).
 */
export function driftChecks(
  columns: readonly DriftColumn[],
  windows: readonly (readonly number[])[],
  referenceRows: readonly number[],
  drift: DriftConfig | undefined
): DriftCheck[][] {
  const method = drift?.method === undefined || drift.method === 'auto' ? undefined : drift.method
  const options = { method, threshold: drift?.threshold }
  const correction: Correction = drift?.correction ?? 'holm'
  const kinds = columns.map((column) => kindOf(column, windows, referenceRows))
  const references = columns.map((column, c) => sampleOf(column.referenceValues, referenceRows, kinds[c]))
  const measurements: DriftMeasurement[] = []
  for (const rows of windows) {
    columns.forEach((column, c) => {
      measurements.push(measureDrift(references[c], sampleOf(column.values, rows, kinds[c]), options))
    })
  }
  const results = correctDrift(measurements, correction)
  return windows.map((_, w) =>
    columns.map((column, c) => {
      const r = results[w * columns.length + c]
      return {
        column: column.name,
        method: r.method,
        statistic: r.statistic,
        p_value: r.p_value,
        adjusted_p_value: r.adjusted_p_value,
        threshold: r.threshold,
        status: r.drifted === null ? 'insufficient' : r.drifted ? 'alert' : 'ok',
        reason: r.reason
      }
    })
  )
}

type Kind = ColumnSample['kind']

/** Numeric when every value on both sides is a number, boolean when every one is a boolean. */
function kindOf(
  column: DriftColumn,
  windows: readonly (readonly number[])[],
  reference: readonly number[]
): Kind {
  const seen = new Set<string>()
  for (const i of reference) seen.add(typeof column.referenceValues[i])
  for (const rows of windows) for (const i of rows) seen.add(typeof column.values[i])
  seen.delete('object') // null: missing, left out
  if (seen.size === 1 && seen.has('number')) return 'numeric'
  if (seen.size === 1 && seen.has('boolean')) return 'boolean'
  return 'categorical'
}

function sampleOf(values: readonly Value[], rows: readonly number[], kind: Kind): ColumnSample {
  const present = rows.map((i) => values[i]).filter((v): v is number | string | boolean => v !== null)
  if (kind === 'numeric') return { kind, values: Float64Array.from(present as number[]) }
  if (kind === 'boolean')
    return { kind, trues: present.filter((v) => v === true).length, total: present.length }
  const counts = new Map<string, number>()
  for (const v of present) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1)
  return { kind, counts: { counts } }
}
