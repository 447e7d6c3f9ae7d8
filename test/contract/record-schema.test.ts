import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { UserInputError } from '../../src/errors.js'
import { loadContract } from '../../src/contract/load.js'
import { validateFile } from '../../src/steps/validate.js'

describe('a per-record JSON Schema as the contract', () => {
  it('reports each failing keyword of each column as a check, with lines', async () => {
    const contract = await loadContract('test/fixtures/contracts/credit.schema.json')
    const document = await validateFile({ data: 'examples/credit/data/incoming.csv', contract })
    const failing = document.checks.map((c) => [c.column, c.check, c.failures, c.examples.slice(0, 3)])
    expect(failing).toEqual(
      [
        [
          'Home',
          'in',
          2,
          [
            { line: 46, value: 'unknown' },
            { line: 47, value: 'unknown' }
          ]
        ],
        [
          'Amount',
          'min',
          3,
          [
            { line: 19, value: -500 },
            { line: 232, value: -20 },
            { line: 913, value: -1 }
          ]
        ],
        ['Age', 'max', 1, [{ line: 602, value: 140 }]],
        // multipleOf has no contract equivalent; 14 amounts are not multiples of 5 (awk), the first at line 17.
        [
          'Amount',
          'schema',
          14,
          [
            { line: 17, value: 512 },
            { line: 111, value: 1889 },
            { line: 160, value: 1143 }
          ]
        ]
      ].sort(byLine)
    )
    expect(document.checks.every((c) => c.severity === 'error' && !c.passed)).toBe(true)
  })

  it('drift covers the columns the schema names', async () => {
    const contract = await loadContract('test/fixtures/contracts/credit.schema.json')
    const document = await validateFile({
      data: 'examples/credit/data/incoming.csv',
      contract,
      reference: 'examples/credit/data/train.csv'
    })
    expect(document.drift.map((d) => [d.column, d.drifted])).toEqual([
      ['id', true],
      ['Age', true],
      ['Home', false],
      ['Amount', false]
    ])
  })

  it('a file that is not a schema is bad input naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-schema-'))
    const file = join(dir, 'bad.json')
    writeFileSync(file, '{ "type": "objekt" }')
    await expect(loadContract(file)).rejects.toThrow(
      /^not a valid JSON Schema: schema is invalid: data\/type must be equal to one of the allowed values/
    )
    writeFileSync(file, '{ "type": ')
    expect(await loadContract(file).catch((e: UserInputError) => e.format())).toBe(
      `${file}:1:11: ` +
        'not valid JSON: expected a value (an object, array, string, number, true, false or null), found the end of the file; expected a JSON Schema contract'
    )
    // V8's own message would quote the file: "root:x:0:0"... is not valid JSON.
    writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\n')
    expect(await loadContract(file).catch((e: UserInputError) => e.format())).toBe(
      `${file}:1:1: ` +
        "not valid JSON: expected a value (an object, array, string, number, true, false or null), found 'r'; expected a JSON Schema contract"
    )
    writeFileSync(file, 'null')
    expect(await loadContract(file).catch((e: UserInputError) => e.format())).toBe(
      `${file}:1:1: expected a JSON Schema contract (a JSON object), found null`
    )
  })
})

function byLine(a: unknown[], b: unknown[]): number {
  const line = (row: unknown[]) => (row[3] as { line: number }[])[0].line
  return line(a) - line(b)
}
