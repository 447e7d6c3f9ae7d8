// Test-only loader for the credit dataset's columns: the files have no quotes and use '' for
// missing values, so a split on ',' is enough here (the real readers live in src/io).
import { readFileSync } from 'node:fs'
import { DATASETS } from '../support/datasets.js'

const DATA = `${DATASETS}/credit/data`

function readColumn(file: 'train' | 'incoming', column: string): string[] {
  const lines = readFileSync(`${DATA}/${file}.csv`, 'utf8').trim().split('\n')
  const index = lines[0].split(',').indexOf(column)
  if (index < 0) throw new Error(`no column ${column} in ${file}.csv`)
  return lines
    .slice(1)
    .map((line) => line.split(',')[index])
    .filter((cell) => cell !== '')
}

/** Non-missing numeric values of a column, in file order. */
export function numericColumn(file: 'train' | 'incoming', column: string): Float64Array {
  return Float64Array.from(readColumn(file, column), Number)
}

/** Counts per category of a column, missing values left out. */
export function categoryColumn(file: 'train' | 'incoming', column: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of readColumn(file, column)) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
