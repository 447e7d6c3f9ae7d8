import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { UserInputError } from '../../src/errors.js'
import { openTable } from '../../src/io/open.js'

// Property: whatever the bytes, reading a table ends in rows of the header's width, or in one
// UserInputError naming the file (and a line inside it when it names one) — never another
// exception, never a hang (each read races a 5 s timer).

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-fuzz-io-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let cases = 0
afterAll(() => console.log(`fuzz readers: ${cases} generated cases`))

type Outcome = { rows: number } | { error: UserInputError }

async function read(name: string, content: string | Uint8Array): Promise<Outcome> {
  cases++
  const file = join(dir, name)
  writeFileSync(file, content)
  const work = (async (): Promise<Outcome> => {
    try {
      const table = await openTable(file, { batchSize: 7 })
      let rows = 0
      for await (const batch of table.batches()) {
        for (const column of batch.columns) {
          expect(column.values.length).toBeGreaterThanOrEqual(batch.size)
          for (let i = 0; i < batch.size; i++) expect(Number.isNaN(column.values[i])).toBe(false)
        }
        expect(batch.columns).toHaveLength(table.columns.length)
        rows += batch.size
      }
      return { rows }
    } catch (error) {
      if (error instanceof UserInputError) return { error }
      throw error
    }
  })()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`reading ${name} took over 5 s`)), 5_000)
  })
  try {
    const outcome = await Promise.race([work, timeout])
    if ('error' in outcome) {
      expect(outcome.error.location?.file).toBe(file)
      const lines = (typeof content === 'string' ? content : Buffer.from(content).toString('latin1')).split(
        '\n'
      ).length
      const line = outcome.error.location?.line
      if (line !== undefined) expect(line >= 1 && line <= Math.max(lines, 1) + 1).toBe(true)
    }
    return outcome
  } finally {
    clearTimeout(timer)
  }
}

const VALID_CSV =
  'id,name,score,flag\n1,ann,0.5,true\n2,"b, ""c""",NaN,false\n3,,Infinity,\n4,dé,-1e308,true\n'
const VALID_JSONL =
  '{"id":1,"name":"ann","score":0.5}\n{"id":2,"name":null,"score":"NaN"}\n{"id":3,"name":"x","score":1e308}\n'

/** A valid file with some characters deleted, inserted or replaced, and possibly truncated. */
const mutated = (valid: string) =>
  fc
    .tuple(
      fc.array(
        fc.record({
          at: fc.nat(),
          op: fc.constantFrom('delete', 'insert', 'replace'),
          char: fc.constantFrom(
            ',',
            '"',
            '\n',
            '\r',
            '\t',
            ';',
            '|',
            '{',
            '}',
            '[',
            ']',
            ':',
            '\\',
            '\u0000',
            '\uFFFD',
            'é',
            ' '
          )
        }),
        { maxLength: 6 }
      ),
      fc.option(fc.nat(), { nil: undefined })
    )
    .map(([edits, cut]) => {
      let text = valid
      for (const { at, op, char } of edits) {
        const i = at % (text.length + 1)
        text =
          op === 'delete'
            ? text.slice(0, i) + text.slice(i + 1)
            : text.slice(0, i) + char + text.slice(i + (op === 'replace' ? 1 : 0))
      }
      return cut === undefined ? text : text.slice(0, cut % (text.length + 1))
    })

const RUNS = { numRuns: 150, seed: 20260701 }

describe('readers under random input (fast-check)', () => {
  it.each(['csv', 'jsonl', 'json', 'parquet', 'csv.gz'])('random bytes as .%s', async (ext) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await read(`random.${ext}`, bytes)
      }),
      { ...RUNS, numRuns: 60 }
    )
  })

  it('mutated and truncated CSV', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(VALID_CSV), async (text) => void (await read('mutated.csv', text))),
      RUNS
    )
  })

  it('mutated and truncated JSON Lines', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(VALID_JSONL), async (text) => void (await read('mutated.jsonl', text))),
      RUNS
    )
  })

  it('ragged CSV rows: an error at the first ragged line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 20 }),
        async (widths) => {
          const text =
            'a,b,c\n' + widths.map((w) => Array.from({ length: w }, (_, i) => i).join(',')).join('\n') + '\n'
          const outcome = await read('ragged.csv', text)
          const first = widths.findIndex((w) => w !== 3)
          if (first < 0) expect(outcome).toEqual({ rows: widths.length })
          else expect('error' in outcome && outcome.error.location?.line).toBe(first + 2)
        }
      ),
      RUNS
    )
  })
})

describe('readers on the classic bad files', () => {
  it.each<[string, string, string | Uint8Array]>([
    ['empty', 'empty.csv', ''],
    ['header only', 'header.csv', 'a,b\n'],
    ['a single row', 'single.csv', 'a,b\n1,2\n'],
    ['duplicate column names', 'dup.csv', 'a,b,a\n1,2,3\n'],
    ['NaN and Infinity tokens', 'nan.csv', 'x,y\nNaN,Infinity\n-Infinity,nan\ninf,1e999\n'],
    ['NaN and Infinity in JSON Lines', 'nan.jsonl', '{"x":NaN}\n'],
    ['latin1 bytes', 'latin1.csv', Buffer.from('name,city\nJosé,Málaga\n', 'latin1')],
    [
      'UTF-16 with a BOM',
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')])
    ],
    ['an unterminated quote', 'quote.csv', 'a,b\n1,"2\n3,4\n'],
    ['a 20 MB field', 'huge.csv', `a,b\n1,${'x'.repeat(20_000_000)}\n`],
    ['a truncated JSON array', 'cut.json', '[{"a":1},{"a":'],
    ['a JSON array of non-objects', 'nums.json', '[1,2,3]'],
    [
      'a gzip file cut in half',
      'cut.csv.gz',
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0x4b, 0x4c])
    ]
  ])('%s: rows or one UserInputError naming the file', async (_, name, content) => {
    const outcome = await read(name, content)
    expect('rows' in outcome || outcome.error instanceof UserInputError).toBe(true)
  })
})
