/** Helpers shared by the io tests: write a file to a temporary directory, read a table whole. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import { UserInputError } from '../../src/errors.js'
import type { SourceOptions } from '../../src/io/byte-source.js'
import { openTable } from '../../src/io/open.js'
import type { ReadOptions, Value } from '../../src/io/table.js'

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-io-test-'))

/** Writes `content` to a fresh temporary file named `name`; returns its path. */
export function temp(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

export interface ReadResult {
  readonly columns: readonly string[]
  /** Rows as arrays of values. */
  readonly rows: Value[][]
  /** Kinds, row by row. */
  readonly kinds: number[][]
  readonly lines: number[]
  /** Size of each batch, in order. */
  readonly batchSizes: number[]
}

/** Opens `file` and reads every batch into plain rows. */
export async function readAll(
  file: string,
  options: ReadOptions = {},
  source: SourceOptions = {}
): Promise<ReadResult> {
  const table = await openTable(file, options, source)
  const rows: Value[][] = []
  const kinds: number[][] = []
  const lines: number[] = []
  const batchSizes: number[] = []
  for await (const batch of table.batches()) {
    batchSizes.push(batch.size)
    expect(batch.lines.length).toBe(batch.size)
    for (let i = 0; i < batch.size; i++) {
      rows.push(batch.columns.map((column) => column.values[i]))
      kinds.push(batch.columns.map((column) => column.kinds[i]))
      lines.push(batch.lines[i])
    }
  }
  return { columns: table.columns, rows, kinds, lines, batchSizes }
}

/** The `UserInputError` that reading `file` whole throws, formatted (`FILE:LINE:COL: message`), with `file` shown as `F`. */
export async function readError(
  file: string,
  options: ReadOptions = {},
  source: SourceOptions = {}
): Promise<string> {
  try {
    await readAll(file, options, source)
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error
    return error.format().split(file).join('F')
  }
  throw new Error(`expected reading ${file} to fail`)
}

/** Chunk sizes that cut records, fields, quotes, CRLF pairs and multi-byte characters everywhere. */
export const TINY_CHUNKS = [1, 2, 3, 7] as const
