/**
 * Test-only access to test/datasets (credit, penguins, sacramento: MIT, from the R package modeldata,
 * with scikit-learn's numbers in each oracle.json): a minimal CSV reader (these files hold no quotes,
 * so a split on commas is exact), the oracle files, and the README's segmentation rules, so metric
 * tests need no production reader.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The datasets live in the repository, so a clone tests on its own. */
export const DATASETS = resolve(process.cwd(), 'test/datasets')

export interface Csv {
  readonly header: readonly string[]
  readonly rows: readonly string[][]
}

export function readCsv(path: string): Csv {
  const lines = readFileSync(path, 'utf8').split('\n')
  if (lines.at(-1) === '') lines.pop()
  if (lines.some((line) => line.includes('"')))
    throw new Error(`${path} has quotes: this loader cannot read it`)
  const [header, ...rows] = lines.map((line) => line.split(','))
  return { header, rows }
}

/** The values of one column. */
export function column(csv: Csv, name: string): string[] {
  const index = csv.header.indexOf(name)
  if (index < 0) throw new Error(`no column ${name}`)
  return csv.rows.map((row) => row[index])
}

/** The values of one column, as numbers. */
export function numbers(csv: Csv, name: string): number[] {
  return column(csv, name).map(Number)
}

/** One segment of an oracle file: its key, `n`, and metric values (`null` where scikit-learn gave None). */
export type OracleSegment = { readonly key: string } & Readonly<Record<string, number | string | null>>

export interface Oracle {
  readonly segments: readonly string[]
  readonly bins?: Readonly<Record<string, readonly number[]>>
  readonly classes?: readonly string[]
  readonly metrics: Readonly<Record<string, readonly OracleSegment[]>>
}

export function readOracle(dataset: string): Oracle {
  return JSON.parse(readFileSync(`${DATASETS}/${dataset}/oracle.json`, 'utf8')) as Oracle
}

/**
 * Row indices of every segment, keyed as in the oracle: `all`, `column=value` (missing value:
 * `column=`), and `column=[lo,hi)` for left-closed bins (values outside every bin belong to none).
 */
export function segmentRows(csv: Csv, oracle: Oracle): Map<string, number[]> {
  const segments = new Map<string, number[]>([['all', csv.rows.map((_, i) => i)]])
  const put = (key: string, row: number): void => {
    const rows = segments.get(key) ?? []
    rows.push(row)
    segments.set(key, rows)
  }
  for (const name of oracle.segments) {
    const values = column(csv, name)
    const edges = oracle.bins?.[name]
    values.forEach((value, row) => {
      if (!edges) return put(`${name}=${value}`, row)
      if (value === '') return put(`${name}=`, row)
      const x = Number(value)
      for (let b = 0; b + 1 < edges.length; b++) {
        if (x >= edges[b] && x < edges[b + 1]) put(`${name}=[${edges[b]},${edges[b + 1]})`, row)
      }
    })
  }
  return segments
}

/** `|actual − expected| ≤ 1e-9·max(1, |expected|)`: 1e-9 absolute, relative for values above 1 (prices). */
export function closeTo(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected))
}
