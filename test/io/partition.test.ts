/**
 * Byte-range and file shards: every shard's rows and lines, joined, are the whole file's; a
 * failure is reported by the shard that holds it at the line a whole read names.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from '@jest/globals'
import { UserInputError } from '../../src/errors.js'
import { openTable } from '../../src/io/open.js'
import { byteShard, MAX_FILES, parseShard, shardFiles, wholeFilePart } from '../../src/io/partition.js'
import type { ReadOptions, Value } from '../../src/io/table.js'

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-partition-'))

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

/** Every row of the table: its line, then its values. */
async function rows(file: string, read: ReadOptions = {}): Promise<[number, ...Value[]][]> {
  const table = await openTable(file, { ...read, batchSize: 3 })
  const out: [number, ...Value[]][] = []
  for await (const batch of table.batches())
    for (let i = 0; i < batch.size; i++) out.push([batch.lines[i], ...batch.columns.map((c) => c.values[i])])
  return out
}

async function shardedRows(file: string, count: number): Promise<[number, ...Value[]][]> {
  const out: [number, ...Value[]][] = []
  for (let index = 1; index <= count; index++) {
    const { part } = await byteShard(file, { index, count })
    out.push(...(await rows(file, { part })))
  }
  return out
}

/** The error a read throws, as the CLI prints it. */
async function failure(read: () => Promise<unknown>): Promise<string> {
  try {
    await read()
  } catch (error) {
    if (error instanceof UserInputError) return error.format()
    throw error
  }
  return 'no error'
}

/** The errors the shards' reads throw (a shard that reads its rows cleanly adds none). */
async function shardFailures(file: string, count: number): Promise<string[]> {
  const found: string[] = []
  for (let index = 1; index <= count; index++) {
    const { part } = await byteShard(file, { index, count })
    const message = await failure(() => rows(file, { part }))
    if (message !== 'no error') found.push(message)
  }
  return found
}

const CSV =
  'id,text,n\n' +
  '1,plain,10\n' +
  '2,"two\nlines, and a comma",20\n' +
  '3,"a ""quoted"" word",30\n' +
  '4,ab"c,40\n' +
  '5,"three\n\nlines",50\n' +
  '6,last,60\n'

describe('parseShard', () => {
  it('reads K/N', () => {
    expect(parseShard('2/8', '--shard')).toEqual({ index: 2, count: 8 })
  })
  it.each(['0/3', '4/3', '3', 'a/b', '1/0', '1/10001', ''])('refuses %j with one message', (text) => {
    expect(() => parseShard(text, '--shard')).toThrow(
      `--shard ${JSON.stringify(text)}: expected K/N with 1 <= K <= N <= 10000, e.g. 2/8 for the second of 8 shards`
    )
  })
})

describe('shardFiles', () => {
  it('gives shard K the files at positions K, K + N, … of the sorted list', () => {
    const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    expect(shardFiles(files, { index: 2, count: 3 })).toEqual([
      { file: 'b', index: 1 },
      { file: 'e', index: 4 }
    ])
    expect(shardFiles(['a'], { index: 2, count: 2 })).toEqual([])
  })
})

describe('wholeFilePart', () => {
  it('keys the rows of the last file of the longest list below 2⁵³, and refuses a longer list', () => {
    const { rowBase } = wholeFilePart(MAX_FILES - 1, MAX_FILES)
    expect(Number.isSafeInteger(rowBase + 2 ** 32 - 1)).toBe(true)
    expect(() => wholeFilePart(0, MAX_FILES + 1)).toThrow(
      new UserInputError(`${MAX_FILES + 1} files: expected at most ${MAX_FILES} in one list`)
    )
  })
})

describe('byteShard', () => {
  it.each([1, 2, 3, 4, 5, 9, 40])(
    'CSV in %i shards: the whole file’s rows and lines, quoted newlines kept',
    async (count) => {
      const file = write('quoted.csv', CSV)
      expect(await shardedRows(file, count)).toEqual(await rows(file))
    }
  )

  it('aligns to records: no range starts inside quotes', async () => {
    const file = write('quoted.csv', CSV)
    const starts: number[] = []
    for (let index = 1; index <= 40; index++)
      starts.push((await byteShard(file, { index, count: 40 })).part.bytes.start)
    // Every record starts with its id and a comma; no line inside quotes does.
    const recordStarts = [...CSV.matchAll(/\n(?=\d,)/g)].map((m) => m.index + 1)
    expect(recordStarts).toEqual([10, 21, 51, 76, 86, 106])
    expect(new Set(starts)).toEqual(new Set([...recordStarts, CSV.length]))
  })

  it.each([1, 2, 3, 6])('JSON Lines in %i shards, blank lines counted', async (count) => {
    const file = write(
      'rows.jsonl',
      '\n{"a":1,"b":"x"}\n\n{"a":2,"b":"y"}\n{"a":3,"b":"z"}\n\n\n{"a":4,"b":"w"}\n'
    )
    expect(await shardedRows(file, count)).toEqual(await rows(file))
  })

  it.each([2, 3, 7])(
    'a bad record is reported by its shard at the whole read’s line and column (%i shards)',
    async (count) => {
      const file = write('bad.csv', CSV.replace('6,last,60', '6,last,60,extra'))
      const whole = await failure(() => rows(file))
      expect(whole).toBe(`${file}:10:11: expected 3 fields (as in the header), found 4`)
      expect(await shardFailures(file, count)).toEqual([whole])
    }
  )

  it('a blank line in the middle fails in the shard after it, at its line', async () => {
    const file = write('blank.csv', 'a,b\n1,2\n3,4\n\n5,6\n7,8\n')
    const whole = await failure(() => rows(file))
    expect(whole).toBe(`${file}:4: expected 2 fields (as in the header), found an empty line`)
    for (const count of [2, 3, 4, 5]) {
      expect(await shardFailures(file, count)).toEqual([whole])
    }
  })

  it('refuses gzip data, Parquet and JSON arrays, saying to split by file', async () => {
    const gz = write('rows.csv.gz', gzipSync(CSV))
    expect(await failure(() => byteShard(gz, { index: 1, count: 2 }))).toBe(
      `${gz}: gzip data cannot be split into byte ranges (a shard would have to decompress everything before ` +
        'its part): expected an uncompressed file, or several files (a glob or a list), which shards split by file'
    )
    const json = write('rows.json', '[{"a":1}]')
    expect(await failure(() => byteShard(json, { index: 1, count: 2 }))).toBe(
      `${json}: a JSON array file cannot be split into byte ranges: expected a CSV or JSON Lines file, ` +
        'or several files (a glob or a list), which shards split by file'
    )
  })
})
