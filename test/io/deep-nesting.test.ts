import { describe, expect, it } from '@jest/globals'
import { loadContract } from '../../src/contract/load.js'
import { UserInputError } from '../../src/errors.js'
import { MAX_JSON_DEPTH } from '../../src/io/json-depth.js'
import { readAll, readError, temp } from './read-all.js'

// Before the bound, each of these ended in "RangeError: Maximum call stack size exceeded"
// (JSON.stringify of the cell, ajv compiling the schema, hyparquet building its schema tree).
const DEEP = 100_000
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

describe('JSON nested deeper than the bound', () => {
  it.each<[string, number, string]>([
    // The cell's `[` number 256 is the 257th level of the line (the object is the first).
    [
      'JSON Lines',
      DEEP,
      `F:2:${12 + MAX_JSON_DEPTH - 1}: the value of "b" nests arrays and objects deeper than 256 levels: expected at most 256`
    ],
    [
      'JSON Lines',
      MAX_JSON_DEPTH,
      `F:2:${12 + MAX_JSON_DEPTH - 1}: the value of "b" nests arrays and objects deeper than 256 levels: expected at most 256`
    ]
  ])('%s: a cell nested %i deep is an error at its line and column', async (_, depth, message) => {
    const file = temp('deep.jsonl', `{"a":1,"b":[]}\n{"a":2,"b":${nested(depth)}}\n`)
    expect(await readError(file)).toBe(message)
  })

  it('JSON Lines: a cell nested 255 deep (the bound with its object) is read as its JSON', async () => {
    const cell = nested(MAX_JSON_DEPTH - 1)
    const file = temp('deep-ok.jsonl', `{"a":1,"b":${cell}}\n`)
    expect((await readAll(file)).rows).toEqual([[1, cell]])
  })

  it.each([DEEP, MAX_JSON_DEPTH])(
    'a JSON array with a cell nested %i deep is an error at its line and column',
    async (depth) => {
      const file = temp('deep.json', `[\n {"a": 1},\n {"a": ${nested(depth)}}\n]\n`)
      expect(await readError(file)).toBe(
        `F:3:${8 + MAX_JSON_DEPTH - 1}: arrays and objects nest deeper than 257 levels: expected the array, its objects, and values nested at most 255 levels within them`
      )
    }
  )

  it('a JSON array with a cell nested 255 deep is read as its JSON', async () => {
    const cell = nested(MAX_JSON_DEPTH - 1)
    const file = temp('deep-ok.json', `[{"a": ${cell}}]`)
    expect((await readAll(file)).rows).toEqual([[cell]])
  })

  it('brackets inside strings do not count', async () => {
    const text = '['.repeat(DEEP)
    const file = temp('brackets.jsonl', `${JSON.stringify({ a: text })}\n`)
    expect((await readAll(file)).rows).toEqual([[text]])
  })

  it('a JSON Schema contract nested 100,000 deep is an error naming the file', async () => {
    const schema = `{"properties":{"a":${'{"not":'.repeat(DEEP)}{}${'}'.repeat(DEEP)}}}`
    const file = temp('deep-schema.json', schema)
    const error = await loadContract(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserInputError)
    expect((error as UserInputError).format()).toBe(
      `${file}: the JSON Schema nests deeper than 256 levels of objects and arrays: expected at most 256`
    )
  })
})

// A Parquet footer written by hand (thrift compact protocol): a root, `depth - 1` nested groups
// and one INT32 leaf, no row groups. The smallest file whose schema is nested `depth` deep.
function deepParquet(depth: number): Buffer {
  const varint = (n: number): number[] => {
    const out: number[] = []
    while (n >= 0x80) {
      out.push((n & 0x7f) | 0x80)
      n >>>= 7
    }
    out.push(n)
    return out
  }
  const name = (text: string) => [...varint(text.length), ...Buffer.from(text)]
  const root = [0x48, ...name('schema'), 0x15, 0x02, 0x00]
  const group = [0x35, 0x02, 0x18, ...name('g'), 0x15, 0x02, 0x00]
  const leaf = [0x15, 0x02, 0x25, 0x02, 0x18, ...name('x'), 0x00]
  const elements = depth + 1
  const parts: number[][] = [[0x15, 0x02, 0x19, 0xfc, ...varint(elements)], root]
  for (let i = 0; i < depth - 1; i++) parts.push(group)
  parts.push(leaf, [0x16, 0x00, 0x19, 0x0c, 0x00])
  const footer = Buffer.from(parts.flat())
  const length = Buffer.alloc(4)
  length.writeUInt32LE(footer.length)
  return Buffer.concat([Buffer.from('PAR1'), footer, length, Buffer.from('PAR1')])
}

describe('a Parquet schema nested deeper than the bound', () => {
  it.each([DEEP, MAX_JSON_DEPTH + 1])('nested %i deep is an error naming the file', async (depth) => {
    expect(await readError(temp('deep.parquet', deepParquet(depth)))).toBe(
      'F: the Parquet schema nests deeper than 256 levels: expected at most 256 levels of groups'
    )
  })

  it('nested 256 deep is read (it has no rows)', async () => {
    const result = await readAll(temp('deep-ok.parquet', deepParquet(MAX_JSON_DEPTH)))
    expect([result.columns, result.rows]).toEqual([['g'], []])
  })
})
