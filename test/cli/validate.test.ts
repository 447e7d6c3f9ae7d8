import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { ValidationDocument } from '../../src/contract/validate.js'
import { cli } from '../support/cli.js'

const CONTRACT = 'examples/credit/contracts/credit.yml'
const DATA = 'examples/credit/data'
const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-validate-'))

describe('ml-gate validate on the credit example', () => {
  it('reports exactly the breaches of the incoming batch, at their true lines, and drift in Age and Income', async () => {
    const out = join(tmp, 'validation.json')
    const run = await cli(
      'validate',
      '--data',
      `${DATA}/incoming.csv`,
      '--contract',
      CONTRACT,
      '--reference',
      `${DATA}/train.csv`,
      '--json',
      out
    )
    expect(run.code).toBe(1)
    const doc = JSON.parse(readFileSync(out, 'utf8')) as ValidationDocument
    expect(doc.schema).toBe('ml-gate/validation@1')
    expect(doc.rows).toBe(1200)
    expect(doc.passed).toBe(false)
    // test/datasets/README.md: negative Amount for ids 100018, 100231, 100912; Home=unknown for
    // 100045 and 100046; Age=140 for 100601. Id 100000+k is on line k+1.
    const failing = doc.checks
      .filter((c) => !c.passed)
      .map((c) => [c.column, c.check, c.failures, c.examples])
    expect(failing).toEqual([
      [
        'Home',
        'in',
        2,
        [
          { line: 46, value: 'unknown' },
          { line: 47, value: 'unknown' }
        ]
      ],
      ['Age', 'max', 1, [{ line: 602, value: 140 }]],
      [
        'Amount',
        'min',
        3,
        [
          { line: 19, value: -500 },
          { line: 232, value: -20 },
          { line: 913, value: -1 }
        ]
      ]
    ])
    const drifted = doc.drift.filter((d) => d.drifted).map((d) => d.column)
    expect(drifted).toEqual(expect.arrayContaining(['Age', 'Income']))
    // Records differs between the training split and the holdout itself (16.0% vs 19.3% with
    // records, chi-square p = 0.005 on train vs holdout): a real difference, reported as such.
    expect(drifted.sort()).toEqual(['Age', 'Income', 'Records'])
    expect(doc.drift.find((d) => d.column === 'id')).toBeUndefined()
    expect(run.stdout).toContain('FAILED: 3 failing checks')
    expect(run.stdout).toContain('line 602: 140')
  })

  it('passes the training data (exit 0) and writes the document to stdout with --json -', async () => {
    const run = await cli('validate', '--data', `${DATA}/train.csv`, '--contract', CONTRACT, '--json', '-')
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout) as ValidationDocument
    expect([doc.passed, doc.rows, doc.summary]).toEqual([true, 2629, { errors: 0, warnings: 0, drifted: 0 }])
  })

  it('--fail-on never exits 0 on failures; --fail-on warn fails on warnings', async () => {
    const never = await cli(
      'validate',
      '--data',
      `${DATA}/incoming.csv`,
      '--contract',
      CONTRACT,
      '--fail-on',
      'never'
    )
    expect(never.code).toBe(0)
    const contract = join(tmp, 'warn.yml')
    writeFileSync(
      contract,
      'extra_columns: ignore\ncolumns:\n  Age: { type: integer, max: 100, severity: warn }\n'
    )
    const warn = await cli(
      'validate',
      '--data',
      `${DATA}/incoming.csv`,
      '--contract',
      contract,
      '--fail-on',
      'warn'
    )
    expect(warn.code).toBe(1)
    const error = await cli('validate', '--data', `${DATA}/incoming.csv`, '--contract', contract)
    expect(error.code).toBe(0)
  })
})

describe('bad contracts and arguments exit 2 with the line', () => {
  const write = (name: string, text: string): string => {
    const file = join(tmp, name)
    writeFileSync(file, text)
    return file
  }

  it.each<[string, string, string]>([
    [
      'unknown-key.yml',
      'columns:\n  Age: { type: integer, maximum: 100 }\n',
      "unknown-key.yml:2:25: columns.Age: unknown key 'maximum'"
    ],
    [
      'bad-regex.yml',
      'columns:\n  Home:\n    pattern: "([a-z"\n',
      'bad-regex.yml:3:14: columns.Home.pattern: invalid regular expression: missing closing ]: `[a-z`'
    ],
    ['wrong-type.yml', 'columns:\n  Age: { min: eighteen }\n', 'wrong-type.yml:2:15: columns.Age.min'],
    [
      'missing-column.yml',
      'columns:\n  Agee: { type: integer }\n',
      "missing-column.yml:2:3: column 'Agee' is not in examples/credit/data/incoming.csv (did you mean 'Age'?)"
    ],
    [
      'drift-method.yml',
      'columns:\n  Age: { type: integer, drift: { method: chi2 } }\n',
      "drift-method.yml:2:42: columns.Age.drift.method: 'chi2' does not apply to an integer column; use one of ks, wasserstein, jensen_shannon, psi or auto"
    ]
  ])('%s', async (name, text, message) => {
    const run = await cli('validate', '--data', `${DATA}/incoming.csv`, '--contract', write(name, text))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`ml-gate: ${join(tmp, message)}`)
    expect(run.stderr).not.toContain('    at ')
  })

  it('names a malformed data file with its line', async () => {
    const data = write('ragged.csv', 'Age\n30\n40,1\n')
    const run = await cli('validate', '--data', data, '--contract', write('ok.yml', 'columns:\n  Age: {}\n'))
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`ml-gate: ${data}:3:4: expected 1 field (as in the header), found 2\n`)
  })

  it('needs something to check', async () => {
    const run = await cli('validate', '--data', `${DATA}/incoming.csv`)
    expect([run.code, run.stderr]).toEqual([
      2,
      'ml-gate: ml-gate validate: give --contract, --reference or both; there is nothing to check\n'
    ])
  })
})
