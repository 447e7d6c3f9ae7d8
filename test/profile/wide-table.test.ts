import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { MAX_BATCH_CELLS } from '../../src/io/batch.js'
import { openTable } from '../../src/io/open.js'
import { cli } from '../support/cli.js'

// 100,000 columns: a batch of 8,192 rows per column held 72 KB each (7 GB), out of heap (exit 134).
const COLUMNS = 100_000
const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-wide-'))
const header = Array.from({ length: COLUMNS }, (_, c) => `c${c}`).join(',')
const row = (r: number) => Array.from({ length: COLUMNS }, (_, c) => (c + r) % 7).join(',')
const file = join(tmp, 'wide.csv')
// 12 rows: a batch of 10 (2^20 cells / 100,000 columns) and one of 2.
writeFileSync(file, [header, ...Array.from({ length: 12 }, (_, r) => row(r))].join('\n') + '\n')

describe('a table of 100,000 columns', () => {
  it('is read in batches of at most 2^20 cells', async () => {
    const table = await openTable(file)
    const sizes: number[] = []
    for await (const batch of table.batches()) sizes.push(batch.size)
    expect([Math.floor(MAX_BATCH_CELLS / COLUMNS), sizes]).toEqual([10, [10, 2]])
  })

  it('is profiled', async () => {
    const before = process.memoryUsage().rss
    const run = await cli('profile', file, '--json', join(tmp, 'profile.json'))
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 2 ** 20)
  }, 60_000)
})
