import { describe, expect, it } from '@jest/globals'
import { openTable } from '../../src/io/open.js'
import { Kind } from '../../src/io/table.js'
import { readAll, readError, temp, TINY_CHUNKS } from './read-all.js'

const { Missing: M, Integer: I, Number: N, Boolean: B, String: S } = Kind

describe('CSV: RFC 4180', () => {
  it('reads quoted fields, doubled quotes, delimiters and newlines inside quotes', async () => {
    const file = temp('rfc.csv', 'a,b,c\n1,"x,y",2.5\n-3,"he said ""hi""",true\n,NA,"multi\nline"\n4,"",x\n')
    const result = await readAll(file)
    expect(result.columns).toEqual(['a', 'b', 'c'])
    expect(result.rows).toEqual([
      [1, 'x,y', 2.5],
      [-3, 'he said "hi"', true],
      [null, null, 'multi\nline'],
      [4, null, 'x']
    ])
    expect(result.kinds).toEqual([
      [I, S, N],
      [I, S, B],
      [M, M, S],
      [I, M, S]
    ])
    // The third record spans lines 4-5, so the next one starts on line 6.
    expect(result.lines).toEqual([2, 3, 4, 6])
  })

  it('reads CRLF, LF and a missing final line break the same way', async () => {
    const expected = await readAll(temp('lf.csv', 'a,b\n1,"p\nq"\n2,z\n'))
    for (const [name, text] of [
      ['crlf.csv', 'a,b\r\n1,"p\nq"\r\n2,z\r\n'],
      ['no-final.csv', 'a,b\n1,"p\nq"\n2,z'],
      ['crlf-no-final.csv', 'a,b\r\n1,"p\nq"\r\n2,z'],
      ['trailing-cr.csv', 'a,b\r\n1,"p\nq"\r\n2,z\r']
    ]) {
      expect(await readAll(temp(name, text))).toEqual(expected)
    }
    expect(expected.rows).toEqual([
      [1, 'p\nq'],
      [2, 'z']
    ])
    expect(expected.lines).toEqual([2, 4])
  })

  it('keeps CRLF inside quotes as data', async () => {
    const result = await readAll(temp('crlf-quoted.csv', 'a,b\r\n"x\r\ny",1\r\n2,3\r\n'))
    expect(result.rows).toEqual([
      ['x\r\ny', 1],
      [2, 3]
    ])
    expect(result.lines).toEqual([2, 4])
  })

  it('strips a UTF-8 byte order mark', async () => {
    const result = await readAll(temp('bom.csv', '\uFEFFid,name\n1,é\n'))
    expect(result.columns).toEqual(['id', 'name'])
    expect(result.rows).toEqual([[1, 'é']])
  })

  it('reads a quote inside an unquoted field as a literal character, as pandas does', async () => {
    const result = await readAll(temp('literal-quote.csv', 'a,b\nab"c,5\n'))
    expect(result.rows).toEqual([['ab"c', 5]])
  })

  it('types quoted fields like unquoted ones', async () => {
    const result = await readAll(temp('quoted-types.csv', 'a,b,c,d\n"12","1.5","true","NA"\n'))
    expect(result.rows).toEqual([[12, 1.5, true, null]])
    expect(result.kinds).toEqual([[I, N, B, M]])
  })

  it('uses the missing tokens given', async () => {
    const result = await readAll(temp('missing.csv', 'a,b\n-,NA\n,x\n'), { missing: ['-'] })
    expect(result.rows).toEqual([
      [null, 'NA'],
      ['', 'x']
    ])
  })
})

describe('CSV: delimiter', () => {
  it.each([
    ['semicolon', 'a;b;c\n1;2,5;x\n', ['a', 'b', 'c'], [1, '2,5', 'x']],
    ['tab', 'a\tb\n1\t2\n', ['a', 'b'], [1, 2]],
    ['pipe', 'a|b\n1|2\n', ['a', 'b'], [1, 2]],
    ['comma beats a semicolon inside quotes', 'a,"b;c;d"\n1,2\n', ['a', 'b;c;d'], [1, 2]],
    ['tie goes to the comma', 'a,b;c\n1,2;3\n', ['a', 'b;c'], [1, '2;3']],
    ['no delimiter: one column', 'only\n1\n', ['only'], [1]]
  ])('detects the %s', async (_name, text, columns, row) => {
    const result = await readAll(temp('delimiter.csv', text))
    expect(result.columns).toEqual(columns)
    expect(result.rows).toEqual([row])
  })

  it('uses the delimiter given', async () => {
    const result = await readAll(temp('given.csv', 'a;b,c\n1;2,3\n'), { delimiter: ';' })
    expect(result.columns).toEqual(['a', 'b,c'])
    expect(result.rows).toEqual([[1, '2,3']])
  })

  it('reads .tsv as tab-separated even with one column', async () => {
    const result = await readAll(temp('one.tsv', 'a,b\n1,2\n'))
    expect(result.columns).toEqual(['a,b'])
    expect(result.rows).toEqual([['1,2']])
  })

  it('rejects a delimiter that is not one of the four', async () => {
    expect(await readError(temp('bad-delimiter.csv', 'a:b\n'), { delimiter: ':' })).toBe(
      'F: delimiter ":": expected one of "," ";" "|" or a tab ("\\t")'
    )
  })
})

describe('CSV: header', () => {
  it('rejects duplicate column names at the second occurrence', async () => {
    expect(await readError(temp('dup.csv', 'id,name,"score",name\n1,2,3,4\n'))).toBe(
      'F:1:17: duplicate column name "name" (fields 2 and 4): column names must be unique'
    )
  })

  it.each([
    ['0 bytes', ''],
    ['only a BOM', '\uFEFF'],
    ['only whitespace', ' \n\r\n\t\n']
  ])('rejects an empty file (%s)', async (_name, text) => {
    expect(await readError(temp('empty.csv', text))).toBe('F: empty file: expected a header line')
  })

  it('rejects an empty first line before the header', async () => {
    expect(await readError(temp('blank-first.csv', '\na,b\n1,2\n'))).toBe(
      'F:1: empty first line: expected the column names (the header) on line 1'
    )
  })

  it('reads a header without rows as an empty table', async () => {
    for (const text of ['a,b', 'a,b\n', 'a,b\r\n\r\n\n']) {
      const result = await readAll(temp('header-only.csv', text))
      expect(result.columns).toEqual(['a', 'b'])
      expect(result.rows).toEqual([])
      expect(result.batchSizes).toEqual([])
    }
  })

  it('keeps names exactly, allows one empty name (a pandas index) and quoted newlines', async () => {
    const result = await readAll(temp('names.csv', ',"two\nlines", spaced \n0,1,2\n'))
    expect(result.columns).toEqual(['', 'two\nlines', ' spaced '])
    expect(result.lines).toEqual([3])
  })
})

describe('CSV: empty lines', () => {
  it('ignores empty lines at the end', async () => {
    const result = await readAll(temp('trailing.csv', 'a,b\n1,2\n\n\r\n\n'))
    expect(result.rows).toEqual([[1, 2]])
  })

  it('rejects an empty line in the middle when the header has several columns', async () => {
    expect(await readError(temp('middle.csv', 'a,b\n1,2\n\n\n3,4\n'))).toBe(
      'F:3: expected 2 fields (as in the header), found an empty line'
    )
  })

  it('reads an empty line in the middle of a one-column file as a missing value', async () => {
    const result = await readAll(temp('one-column.csv', 'a\n1\n\n\n2\n\n'), { batchSize: 2 })
    expect(result.rows).toEqual([[1], [null], [null], [2]])
    expect(result.lines).toEqual([2, 3, 4, 5])
    expect(result.batchSizes).toEqual([2, 2])
  })
})

describe('CSV: malformed records', () => {
  it('names the line where an unclosed quoted field starts', async () => {
    expect(await readError(temp('unclosed.csv', 'a,b\n1,2\n3,"abc\ndef\n'))).toBe(
      'F:3:3: unclosed quote: expected a closing " before the end of the file'
    )
  })

  it('rejects text after a closing quote, with line and column', async () => {
    expect(await readError(temp('garbage.csv', 'a,b\n1,2\n"ab"c,3\n'))).toBe(
      'F:3:5: unexpected text after a closing quote: expected the delimiter (",") or the end of the line'
    )
  })

  it('counts columns in characters, after quoted newlines', async () => {
    expect(await readError(temp('garbage-2.csv', 'a,b\n"é\nhé"x,1\n'))).toBe(
      'F:3:4: unexpected text after a closing quote: expected the delimiter (",") or the end of the line'
    )
  })

  it('rejects too few fields', async () => {
    const header = Array.from({ length: 15 }, (_, k) => `c${k}`).join(',')
    const row = Array.from({ length: 14 }, (_, k) => k).join(',')
    expect(await readError(temp('few.csv', `${header}\n${row},14\n${row}\n`))).toBe(
      'F:3:32: expected 15 fields (as in the header), found 14'
    )
  })

  it('rejects too many fields, pointing at the first extra one (line 4 of a record that starts on line 3)', async () => {
    expect(await readError(temp('many.csv', 'a,b\n1,2\n"x\ny",2,3\n'))).toBe(
      'F:4:6: expected 2 fields (as in the header), found 3'
    )
  })

  it('rejects a CR without LF (old Mac line endings)', async () => {
    expect(await readError(temp('cr.csv', 'a,b\r1,2\r'))).toBe(
      'F:1:4: line break "\\r" without "\\n": expected LF or CRLF line endings'
    )
  })

  it('gives up on a record longer than the limit', async () => {
    const text = 'a,b\n1,2\n3,"' + 'x'.repeat(300_000)
    expect(await readError(temp('long.csv', text), {}, { maxRecordBytes: 100_000, chunkSize: 65_536 })).toBe(
      'F:3: the record starting on this line is longer than 100000 bytes: expected shorter records ' +
        '(in CSV, usually a quote that is never closed)'
    )
  })
})

describe('CSV: invalid UTF-8', () => {
  it('names the line and column of the first invalid byte', async () => {
    const file = temp(
      'latin1.csv',
      Buffer.concat([
        Buffer.from('a,b\n1,x\n2,"ok\n'),
        Buffer.from([0x63, 0x61, 0x66, 0xe9]),
        Buffer.from('"\n')
      ])
    )
    for (const chunkSize of [1, 2, 3, 7, 1 << 20]) {
      expect(await readError(file, {}, { chunkSize })).toBe(
        'F:4:4: invalid UTF-8 byte sequence; expected UTF-8 text (re-save the file as UTF-8)'
      )
    }
  })

  it('rejects a truncated multi-byte character at the end of the file', async () => {
    const file = temp('cut.csv', Buffer.concat([Buffer.from('a\nx'), Buffer.from([0xe2, 0x82])]))
    expect(await readError(file, {}, { chunkSize: 1 })).toBe(
      'F:2:2: invalid UTF-8 byte sequence; expected UTF-8 text (re-save the file as UTF-8)'
    )
  })

  it('rejects invalid UTF-8 in the header', async () => {
    const file = temp('bad-header.csv', Buffer.from([0x61, 0x2c, 0xff, 0x0a, 0x31, 0x2c, 0x32]))
    expect(await readError(file)).toBe(
      'F:1:3: invalid UTF-8 byte sequence; expected UTF-8 text (re-save the file as UTF-8)'
    )
  })
})

describe('CSV: chunk boundaries', () => {
  const text =
    '\uFEFFid;name;score;note\r\n' +
    '1;"Zoë ""Z"" Ångström";1.5;"two\r\nlines"\r\n' +
    '2;日本語テキスト;-2e-3;\r\n' +
    '3;"";1e5;true\r\n' +
    '4;emoji 😀 here;.5;"a;b"\r\n' +
    '5;NA;12345678901234567890;FALSE'

  it.each(TINY_CHUNKS)('gives the same table with %i-byte chunks', async (chunkSize) => {
    const file = temp(`boundaries-${chunkSize}.csv`, text)
    const whole = await readAll(file, { batchSize: 2 })
    expect(await readAll(file, { batchSize: 2 }, { chunkSize })).toEqual(whole)
  })

  it.each(TINY_CHUNKS)(
    'reads repeated values (shared per column) the same with %i-byte chunks',
    async (chunkSize) => {
      // Values that repeat (so they are cached), differ in one byte, are non-ASCII or too long
      // to cache, and a numeric column: rows cut at every byte by the chunks.
      const regions = ['north', 'south', 'nörth', 'sud', 'x'.repeat(40), 'north ', 'NA', '7', 'TRUE']
      const rows = Array.from({ length: 60 }, (_, k) => [regions[(k * 7) % regions.length], `${k}`])
      const file = temp(`repeated-${chunkSize}.csv`, `region,n\n${rows.map((r) => r.join(',')).join('\n')}\n`)
      const result = await readAll(file, { batchSize: 7 }, { chunkSize })
      expect(result.rows).toEqual(
        rows.map(([region, n]) => [
          region === 'NA' ? null : region === '7' ? 7 : region === 'TRUE' ? true : region,
          Number(n)
        ])
      )
    }
  )

  it('reads the reference table', async () => {
    const result = await readAll(temp('boundaries.csv', text), { batchSize: 2 })
    expect(result.columns).toEqual(['id', 'name', 'score', 'note'])
    expect(result.rows).toEqual([
      [1, 'Zoë "Z" Ångström', 1.5, 'two\r\nlines'],
      [2, '日本語テキスト', -0.002, null],
      [3, null, 100000, true],
      [4, 'emoji 😀 here', 0.5, 'a;b'],
      [5, null, 12345678901234567000, false]
    ])
    expect(result.kinds[4]).toEqual([I, M, N, B])
    expect(result.lines).toEqual([2, 4, 5, 6, 7])
    expect(result.batchSizes).toEqual([2, 2, 1])
  })
})

describe('CSV: real and large files', () => {
  it('reads credit/train.csv', async () => {
    const result = await readAll('test/datasets/credit/data/train.csv')
    expect(result.columns).toEqual([
      'id', 'Status', 'Seniority', 'Home', 'Time', 'Age', 'Marital', 'Records',
      'Job', 'Expenses', 'Income', 'Assets', 'Debt', 'Amount', 'Price'
    ]) // prettier-ignore
    expect(result.rows.length).toBe(2629)
    expect(result.batchSizes).toEqual([2629])
    // Values read off the file with sed: line 2 is the first row, line 2630 the last.
    expect(result.lines[0]).toBe(2)
    expect(result.rows[0]).toEqual([
      1,
      'good',
      9,
      'rent',
      60,
      30,
      'married',
      'no',
      'freelance',
      73,
      129,
      0,
      0,
      800,
      846
    ])
    expect(result.lines[98]).toBe(100)
    expect(result.rows[98]).toEqual([
      156,
      'good',
      3,
      'owner',
      24,
      30,
      'married',
      'no',
      'freelance',
      75,
      133,
      12000,
      900,
      1500,
      5200
    ])
    expect(result.lines[2628]).toBe(2630)
    expect(result.rows[2628][0]).toBe(4454)
    // Line 21: `30,bad,0,,48,37,single,no,,35,,,,1500,1850` (Home, Job, Income, Assets, Debt missing).
    expect(result.rows[19]).toEqual([
      30,
      'bad',
      0,
      null,
      48,
      37,
      'single',
      'no',
      null,
      35,
      null,
      null,
      null,
      1500,
      1850
    ])
    expect(result.kinds[19]).toEqual([I, S, I, M, I, I, S, S, M, I, M, M, M, I, I])
  })

  it('streams 200,000 generated rows in batches of constant size', async () => {
    const rows = 200_000
    const parts = ['i,x,s\n']
    for (let i = 0; i < rows; i++) parts.push(`${i},${i / 4},s${i % 7}\n`)
    const file = temp('large.csv', parts.join(''))
    const table = await openTable(file, { batchSize: 4096 })
    const sizes: number[] = []
    let expectedRow = 0
    for await (const batch of table.batches()) {
      sizes.push(batch.size)
      for (let r = 0; r < batch.size; r++, expectedRow++) {
        if (batch.columns[0].values[r] !== expectedRow || batch.lines[r] !== expectedRow + 2) {
          throw new Error(
            `row ${expectedRow} read as ${batch.columns[0].values[r]} on line ${batch.lines[r]}`
          )
        }
      }
    }
    expect(expectedRow).toBe(rows)
    expect(sizes.slice(0, -1).every((size) => size === 4096)).toBe(true)
    expect(sizes.at(-1)).toBe(rows % 4096)
  })
})
