import { describe, expect, it } from '@jest/globals'
import { UserInputError } from '../../src/errors.js'
import { openTable } from '../../src/io/open.js'
import { readAll, readError, temp } from './read-all.js'

describe('openTable', () => {
  it.each([
    ['t.csv', 'a,b\n1,2\n', 'csv', 'line'],
    ['t.TXT', 'a;b\n1;2\n', 'csv', 'line'],
    ['t.psv', 'a|b\n1|2\n', 'csv', 'line'],
    ['t.tsv', 'a\tb\n1\t2\n', 'csv', 'line'],
    ['t.jsonl', '{"a": 1, "b": 2}\n', 'jsonl', 'line'],
    ['t.ndjson', '{"a": 1, "b": 2}\n', 'jsonl', 'line'],
    ['t.json', '[{"a": 1, "b": 2}]', 'json', 'row']
  ])('detects the format of %s', async (name, text, format, unit) => {
    const file = temp(name, text)
    const table = await openTable(file)
    expect([table.file, table.format, table.unit, table.gzip, table.columns]).toEqual([
      file,
      format,
      unit,
      false,
      ['a', 'b']
    ])
    expect((await readAll(file)).rows).toEqual([[1, 2]])
  })

  it('lets options.format override the extension', async () => {
    const table = await openTable(temp('data.log', '{"a": 1}\n'), { format: 'jsonl' })
    expect(table.format).toBe('jsonl')
  })

  it('rejects an unknown extension, listing the supported ones', async () => {
    expect(await readError(temp('data.xlsx', ''))).toBe(
      'F: unknown file extension ".xlsx": expected one of .csv .tsv .txt .psv .jsonl .ndjson .json .parquet .pq ' +
        '(optionally followed by .gz), or give the format explicitly'
    )
    expect(await readError(temp('README', ''))).toBe(
      'F: no file extension: expected one of .csv .tsv .txt .psv .jsonl .ndjson .json .parquet .pq ' +
        '(optionally followed by .gz), or give the format explicitly'
    )
  })

  it('rejects a missing file and a directory', async () => {
    expect(await readError('no/such/file.csv')).toBe('F: file not found: expected an existing file')
    expect(await readError('test/io/')).toBe(
      'F: no file extension: expected one of .csv .tsv .txt .psv .jsonl .ndjson .json .parquet .pq (optionally followed by .gz), or give the format explicitly'
    )
    expect(await readError('test', { format: 'csv' })).toBe('F: is a directory: expected a file')
  })

  it.each([0, -1, 1.5])('rejects batch size %p', async (batchSize) => {
    expect(await readError(temp('b.csv', 'a\n1\n'), { batchSize })).toBe(
      `F: batch size ${batchSize}: expected a positive integer`
    )
  })

  it('can be iterated once', async () => {
    const table = await openTable(temp('once.csv', 'a\n1\n'))
    for await (const batch of table.batches()) expect(batch.size).toBe(1)
    expect(() => table.batches()).toThrow('a table can be iterated once')
  })

  it('stops reading when the consumer stops early', async () => {
    const parts = ['a\n']
    for (let i = 0; i < 50000; i++) parts.push(`${i}\n`)
    const table = await openTable(temp('early.csv', parts.join('')), { batchSize: 10 })
    let seen = 0
    for await (const batch of table.batches()) {
      seen += batch.size
      if (seen >= 20) break
    }
    expect(seen).toBe(20)
  })

  it('throws UserInputError for bad rows only while streaming', async () => {
    const table = await openTable(temp('late.csv', 'a,b\n1,2\n3\n'))
    expect(table.columns).toEqual(['a', 'b'])
    const iterate = async (): Promise<void> => {
      for await (const _batch of table.batches()) {
        // consume
      }
    }
    await expect(iterate()).rejects.toBeInstanceOf(UserInputError)
  })
})
