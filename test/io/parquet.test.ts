import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from '@jest/globals'
import { openTable } from '../../src/io/open.js'
import { Kind } from '../../src/io/table.js'
import { readAll, readError, temp } from './read-all.js'

const { Missing: M, Integer: I, Number: N, Boolean: B, String: S } = Kind

// Fixtures written by test/fixtures/io/make-parquet.py (pyarrow 25.0.1); the expected values are
// the arrays in that script.
const FIXTURES = 'test/fixtures/io'

const TYPES_COLUMNS = ['i32', 'i64', 'f64', 'flag', 'name', 'day', 'ts_utc', 'ts_local', 'price', 'tags']
const TYPES_ROWS = [
  [
    1,
    9007199254740991,
    1.5,
    true,
    'a',
    '2024-01-02',
    '2024-01-02T03:04:05.123456Z',
    '2024-01-02T03:04:05.000',
    12.5,
    '[1,2]'
  ],
  // 2^53 + 1 does not fit a double: the nearest one, as a float. 'NA' is a missing token.
  [null, 9007199254740992, null, false, null, null, null, null, -0.01, '[]'],
  [-3, -9007199254740991, null, null, null, '1969-12-31', '1970-01-01T00:00:00.000Z', null, null, null],
  [4, null, 2, true, 'héllo', '2000-02-29', '1969-12-31T23:59:59.999Z', null, 3, '[3]'],
  // +inf stays a string; '' is a missing token.
  [
    5,
    0,
    'Infinity',
    false,
    null,
    '1970-01-01',
    '2024-01-02T03:04:05.000Z',
    '2024-06-01T12:00:00.500',
    0,
    '[4,5,6]'
  ]
]
const TYPES_KINDS = [
  [I, I, N, B, S, S, S, S, N, S],
  [M, N, M, B, M, M, M, M, N, S],
  [I, I, M, M, M, S, S, M, M, M],
  [I, M, N, B, S, S, S, M, N, S],
  [I, I, S, B, M, S, S, S, N, S]
]

describe('Parquet', () => {
  it('maps every Parquet type, across row groups of 2 rows', async () => {
    const result = await readAll(`${FIXTURES}/types.parquet`, { batchSize: 3 })
    expect(result.columns).toEqual(TYPES_COLUMNS)
    expect(result.rows).toEqual(TYPES_ROWS)
    expect(result.kinds).toEqual(TYPES_KINDS)
    expect(result.lines).toEqual([1, 2, 3, 4, 5])
    expect(result.batchSizes).toEqual([3, 2])
  })

  it('reports its format, unit and gzip flag', async () => {
    const table = await openTable(`${FIXTURES}/types.parquet`)
    expect([table.format, table.unit, table.gzip]).toEqual(['parquet', 'row', false])
  })

  it.each(['none', 'gzip', 'zstd', 'brotli'])('reads the %s codec', async (codec) => {
    const result = await readAll(`${FIXTURES}/small-${codec}.parquet`)
    expect(result.rows).toEqual([
      [1, 'x'],
      [2, 'y'],
      [3, null]
    ])
  })

  it('streams row groups into batches that cross their boundaries', async () => {
    const result = await readAll(`${FIXTURES}/many-groups.parquet`, { batchSize: 1024 })
    expect(result.columns).toEqual(['n', 'sq', 'even'])
    expect(result.batchSizes).toEqual([...Array<number>(9).fill(1024), 10000 - 9 * 1024])
    const expected = Array.from({ length: 10000 }, (_, i) => [i, (i * i) % 1000, i % 2 === 0])
    expect(result.rows).toEqual(expected)
    expect(result.lines).toEqual(Array.from({ length: 10000 }, (_, i) => i + 1))
  })

  it('reads a gzipped Parquet file through a temporary file', async () => {
    const file = temp('types.parquet.gz', gzipSync(readFileSync(`${FIXTURES}/types.parquet`)))
    const table = await openTable(file)
    expect(table.gzip).toBe(true)
    const result = await readAll(file, { batchSize: 3 })
    expect(result.rows).toEqual(TYPES_ROWS)
  })

  it('rejects a truncated gzipped Parquet file', async () => {
    const gz = gzipSync(readFileSync(`${FIXTURES}/types.parquet`))
    const file = temp('cut.parquet.gz', gz.subarray(0, gz.length - 100))
    expect(await readError(file)).toBe('F: unexpected end of gzip data; the file is truncated')
  })

  it('rejects a truncated file as not Parquet', async () => {
    const file = temp('cut.parquet', readFileSync(`${FIXTURES}/types.parquet`).subarray(0, 3000))
    expect(await readError(file)).toBe(
      'F: not a Parquet file: parquet file invalid (footer != PAR1); expected a Parquet file (it starts and ends with "PAR1")'
    )
  })

  it('rejects a CSV file named .parquet', async () => {
    expect(await readError(temp('text.parquet', 'a,b\n1,2\n'))).toBe(
      'F: not a Parquet file: parquet file invalid (footer != PAR1); expected a Parquet file (it starts and ends with "PAR1")'
    )
  })

  it('rejects corrupt data pages, naming the row group', async () => {
    const bytes = Buffer.from(readFileSync(`${FIXTURES}/many-groups.parquet`))
    bytes.fill(0xff, 200, 5200)
    expect(await readError(temp('corrupt.parquet', bytes))).toBe(
      'F: invalid Parquet data in row group 1 (rows 1-3000): invalid zstd data; the file is truncated or corrupt'
    )
  })
})
