import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { expandGlob } from '../../src/io/glob.js'

describe('expandGlob', () => {
  const root = mkdtempSync(join(tmpdir(), 'ml-gate-glob-'))
  for (const file of [
    'a.csv',
    'b.csv',
    'c.jsonl',
    '.hidden.csv',
    'sub/d.csv',
    'sub/deep/e.csv',
    'sub/[x].csv'
  ]) {
    mkdirSync(join(root, file, '..'), { recursive: true })
    writeFileSync(join(root, file), '')
  }

  it.each<[string, string[]]>([
    ['*.csv', ['a.csv', 'b.csv']],
    ['?.csv', ['a.csv', 'b.csv']],
    ['[ab].csv', ['a.csv', 'b.csv']],
    ['[!a].csv', ['b.csv']],
    ['.*.csv', ['.hidden.csv']],
    ['*/*.csv', ['sub/[x].csv', 'sub/d.csv']],
    ['**/*.csv', ['a.csv', 'b.csv', 'sub/[x].csv', 'sub/d.csv', 'sub/deep/e.csv']],
    ['sub/**/e.csv', ['sub/deep/e.csv']],
    ['*.parquet', []]
  ])('%s', async (pattern, expected) => {
    expect(await expandGlob(join(root, pattern))).toEqual(expected.map((f) => join(root, f)))
  })

  it('returns a plain path as it is, existing or not', async () => {
    expect(await expandGlob('no/such/file.csv')).toEqual(['no/such/file.csv'])
  })
})
