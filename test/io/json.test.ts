import { describe, expect, it } from '@jest/globals'
import { Kind } from '../../src/io/table.js'
import { readAll, readError, temp, TINY_CHUNKS } from './read-all.js'

const { Missing: M, Integer: I, Number: N, Boolean: B, String: S } = Kind

const LINES =
  '{"id": 1, "score": 0.5, "ok": true, "name": "a", "extra": {"k": [1, 2]}}\n' +
  '\n' +
  '{"id": 2, "score": 1.0, "ok": false, "name": "NA", "extra": [1, "x"]}\r\n' +
  '   \n' +
  '{"name": "Zoë 😀", "id": 3}\n' +
  '{"id": 12345678901234567890, "score": null, "ok": null, "name": "", "extra": "s"}'

describe('JSON Lines', () => {
  it('reads one object per line, typing each value', async () => {
    const result = await readAll(temp('rows.jsonl', LINES))
    expect(result.columns).toEqual(['id', 'score', 'ok', 'name', 'extra'])
    expect(result.rows).toEqual([
      [1, 0.5, true, 'a', '{"k":[1,2]}'],
      [2, 1, false, null, '[1,"x"]'],
      [3, null, null, 'Zoë 😀', null],
      [12345678901234567000, null, null, null, 's']
    ])
    expect(result.kinds).toEqual([
      [I, N, B, S, S],
      [I, I, B, M, S],
      [I, M, M, S, M],
      [N, M, M, M, S]
    ])
    // Blank lines are skipped but counted.
    expect(result.lines).toEqual([1, 3, 5, 6])
  })

  it.each(TINY_CHUNKS)('gives the same table with %i-byte chunks', async (chunkSize) => {
    const file = temp(`rows-${chunkSize}.jsonl`, LINES)
    expect(await readAll(file, { batchSize: 3 }, { chunkSize })).toEqual(
      await readAll(file, { batchSize: 3 })
    )
  })

  it('skips blank lines before the first object, counting them', async () => {
    const result = await readAll(temp('leading.jsonl', '\n\n{"a": 1}\n{"a": 2}\n\n'))
    expect(result.rows).toEqual([[1], [2]])
    expect(result.lines).toEqual([3, 4])
  })

  it('rejects a key that is not a column', async () => {
    expect(await readError(temp('new-key.jsonl', '\n{"a": 1, "b": 2}\n{"a": 1}\n{"a": 1, "c": 3}\n'))).toBe(
      'F:4: key "c" is not a column: the columns are fixed by the first record (line 2); expected only "a", "b"'
    )
  })

  it('rejects invalid JSON with the line and the column JSON.parse reports', async () => {
    expect(await readError(temp('invalid.jsonl', '{"a": 1}\n{"a": 1,}\n'))).toBe(
      'F:2:9: invalid JSON (Expected double-quoted property name): expected one JSON object per line'
    )
  })

  it.each([
    ['[1, 2]', 'an array'],
    ['3', 'a number'],
    ['"x"', 'a string'],
    ['null', 'null']
  ])('rejects a line holding %s', async (line, what) => {
    expect(await readError(temp('not-object.jsonl', `{"a": 1}\n${line}\n`))).toBe(
      `F:2: found ${what}: expected one JSON object per line`
    )
  })

  it('rejects a first line that is not an object', async () => {
    expect(await readError(temp('first-array.jsonl', '[{"a": 1}]\n'))).toBe(
      'F:1: found an array: expected one JSON object per line'
    )
  })

  it('rejects an empty file', async () => {
    expect(await readError(temp('empty.jsonl', '\n \n'))).toBe(
      'F: empty file: expected one JSON object per line'
    )
  })

  it('rejects a number too large for a double', async () => {
    expect(await readError(temp('huge.jsonl', '{"a": 1}\n{"a": 1e400}\n'))).toBe(
      'F:2: the number in "a" is out of range: expected a finite number (at most about 1.8e308)'
    )
  })

  it('rejects invalid UTF-8 with line and column', async () => {
    const file = temp(
      'latin1.jsonl',
      Buffer.concat([Buffer.from('{"a": "x"}\n{"a": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')])
    )
    for (const chunkSize of [1, 3, 1 << 20]) {
      expect(await readError(file, {}, { chunkSize })).toBe(
        'F:2:11: invalid UTF-8 byte sequence; expected UTF-8 text (re-save the file as UTF-8)'
      )
    }
  })
})

describe('JSON array', () => {
  it('reads an array of objects, rows numbered from 1', async () => {
    const text =
      '\uFEFF[\n  {"id": 1, "v": "NA", "w": 2.5},\n  {"v": "x", "id": 2},\n  {"id": 3, "v": null, "w": true}\n]'
    const result = await readAll(temp('rows.json', text), { batchSize: 2 })
    expect(result.columns).toEqual(['id', 'v', 'w'])
    expect(result.rows).toEqual([
      [1, null, 2.5],
      [2, 'x', null],
      [3, null, true]
    ])
    expect(result.kinds).toEqual([
      [I, M, N],
      [I, S, M],
      [I, M, B]
    ])
    expect(result.lines).toEqual([1, 2, 3])
    expect(result.batchSizes).toEqual([2, 1])
  })

  it('rejects a key that is not a column, naming the row', async () => {
    expect(await readError(temp('new-key.json', '[{"a": 1}, {"a": 2, "b": 3}]'))).toBe(
      'F: row 2: key "b" is not a column: the columns are fixed by the first record (row 1); expected only "a"'
    )
  })

  it('rejects invalid JSON with line and column', async () => {
    expect(await readError(temp('invalid.json', '[\n  {"a": 1},\n  {"a" 2}\n]'))).toBe(
      `F:3:8: invalid JSON (Expected ':' after property name): expected a JSON array of objects, like [{"a": 1}, {"a": 2}]`
    )
  })

  it.each([
    [
      '{"a": 1}',
      'F: found an object: expected a JSON array of objects, like [{"a": 1}, {"a": 2}] (for one object per line, name the file .jsonl)'
    ],
    ['3', 'F: found a number: expected a JSON array of objects, like [{"a": 1}, {"a": 2}]'],
    [
      '[]',
      'F: empty array: expected a JSON array of objects, like [{"a": 1}, {"a": 2}] (the first object defines the columns)'
    ],
    ['[{"a": 1}, [2]]', 'F: row 2 is an array: expected a JSON array of objects, like [{"a": 1}, {"a": 2}]'],
    ['[5]', 'F: row 1 is a number: expected a JSON array of objects, like [{"a": 1}, {"a": 2}]']
  ])('rejects %s', async (text, message) => {
    expect(await readError(temp('wrong.json', text))).toBe(message)
  })
})

describe('JSON array: empty file', () => {
  it('rejects a file with nothing but whitespace', async () => {
    expect(await readError(temp('empty.json', ' \n'))).toBe(
      'F: empty file: expected a JSON array of objects, like [{"a": 1}, {"a": 2}]'
    )
  })
})
