/**
 * Prediction logs (and a reference file) read into columns in memory: the time, the score, the
 * prediction, the delayed label, and the feature and segment columns as they are. Monitoring reads
 * every row several times (per window, segment and check), so the rows are kept, not streamed.
 */
import type { SourceLocation } from '../errors.js'
import { UserInputError } from '../errors.js'
import { expandGlob } from '../io/glob.js'
import { openTable } from '../io/open.js'
import type { Value } from '../io/table.js'
import { parseTime, TIME_FORMATS } from './time.js'

/** The columns to read, each with the config key that names it (for a missing column's message). */
export interface LogColumns {
  /** Absent for a reference file, whose rows need no time. */
  readonly time?: NamedColumn
  readonly score: NamedColumn
  readonly prediction?: NamedColumn
  /** Read when the file has it (labels arrive late); `required`: a file without it is an error. */
  readonly label: NamedColumn & { readonly required: boolean }
  /** Features and segment columns, kept as values. */
  readonly others: readonly NamedColumn[]
  /** The label (and prediction) value that means positive: `model.positive`. */
  readonly positive: string | number | boolean
  /** Predicted positive when `score >= threshold`, without a prediction column. */
  readonly threshold: number
}

export interface NamedColumn {
  readonly name: string
  /** Where the config names it. */
  readonly where: SourceLocation
}

/** Rows of one or more files, one array per quantity, row i across all of them. */
export interface LogRows {
  readonly files: readonly string[]
  /** Milliseconds since the epoch; `NaN` for a file read without a time column. */
  readonly time: readonly number[]
  readonly score: readonly number[]
  /** 1 predicted positive, 0 negative. */
  readonly predicted: readonly number[]
  /** 1 positive, 0 negative, `null` while the label has not arrived (an empty cell). */
  readonly label: readonly (0 | 1 | null)[]
  /** The feature and segment columns, by name. */
  readonly values: ReadonlyMap<string, readonly Value[]>
}

/**
 * Reads every file `pattern` names (a path or a glob, files in sorted order).
 *
 * @throws UserInputError when no file matches, a file lacks a column (at the config line that
 *   names it), or a cell is not what its column needs (at its file and line): a time not in
 *   `TIME_FORMATS`, a score that is not a finite number, a missing prediction
 */
export async function readLogs(pattern: string, columns: LogColumns, what: string): Promise<LogRows> {
  const files = await expandGlob(pattern)
  if (files.length === 0) throw new UserInputError(`${what}: no file matches '${pattern}'`)
  const rows = {
    time: [] as number[],
    score: [] as number[],
    predicted: [] as number[],
    label: [] as (0 | 1 | null)[],
    values: new Map<string, Value[]>(columns.others.map((c) => [c.name, []]))
  }
  const positive = String(columns.positive)
  for (const file of files) {
    const table = await openTable(file)
    const index = (column: NamedColumn | undefined): number => {
      if (column === undefined) return -1
      const i = table.columns.indexOf(column.name)
      if (i < 0) {
        void table.close()
        throw new UserInputError(
          `${what} ${file} has no column '${column.name}'; its columns are ${table.columns.join(', ')}`,
          column.where
        )
      }
      return i
    }
    const [time, score, prediction, label] = [
      columns.time,
      columns.score,
      columns.prediction,
      columns.label
    ].map(index)
    const others = columns.others.map((c) => [index(c), rows.values.get(c.name)!] as const)
    for await (const batch of table.batches()) {
      const fail = (i: number, column: string, message: string): never => {
        throw new UserInputError(`column '${column}': ${message}`, {
          file,
          line: batch.lines[i],
          column: table.columns.indexOf(column) + 1
        })
      }
      for (let i = 0; i < batch.size; i++) {
        if (time >= 0) {
          const value = batch.columns[time].values[i]
          const ms = parseTime(value)
          if (ms === null) fail(i, columns.time!.name, `expected ${TIME_FORMATS}; found ${show(value)}`)
          rows.time.push(ms!)
        } else rows.time.push(NaN)
        const s = batch.columns[score].values[i]
        if (typeof s !== 'number' || !Number.isFinite(s))
          fail(i, columns.score.name, `the score must be a finite number; found ${show(s)}`)
        rows.score.push(s as number)
        if (prediction >= 0) {
          const p = batch.columns[prediction].values[i]
          if (p === null) fail(i, columns.prediction!.name, 'the prediction is missing; every row needs one')
          rows.predicted.push(String(p) === positive ? 1 : 0)
        } else rows.predicted.push((s as number) >= columns.threshold ? 1 : 0)
        const l = label >= 0 ? batch.columns[label].values[i] : null
        rows.label.push(l === null ? null : String(l) === positive ? 1 : 0)
        for (const [column, values] of others) values.push(batch.columns[column].values[i])
      }
    }
  }
  return { files, ...rows }
}

function show(value: Value): string {
  return value === null ? 'an empty cell' : typeof value === 'string' ? `'${value}'` : String(value)
}
