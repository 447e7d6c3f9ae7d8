import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { cli } from '../support/cli.js'

const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-infer-'))

describe('ml-gate infer', () => {
  it('drafts a contract with a reviewable comment on every rule', async () => {
    const run = await cli('infer', 'examples/credit/data/train.csv')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    const contract = parse(run.stdout) as { columns: Record<string, Record<string, unknown>> }
    expect(contract.columns.id).toEqual({ type: 'integer', nullable: false, unique: true })
    expect(contract.columns.Age).toEqual({ type: 'integer', nullable: false, min: 18, max: 68 })
    // 5 of 2629 missing (0.19%): allowed up to twice that, rounded up to a whole percent.
    expect(contract.columns.Home).toEqual({
      type: 'string',
      max_missing: 0.01,
      in: ['owner', 'rent', 'parents', 'other', 'priv', 'ignore']
    })
    // "no" and "yes" stay strings: YAML 1.1 readers would take them for booleans unquoted.
    expect(lines).toContain('  Records: { type: string, nullable: false, in: ["no", "yes"] }')
    expect(contract.columns.Income).toEqual({ type: 'integer', max_missing: 0.18, min: 6, max: 959 })
    expect(lines[lines.indexOf('  Income: { type: integer, max_missing: 0.18, min: 6, max: 959 }') - 1]).toBe(
      '  # every present value is a whole number; 8.7% missing, allowed up to 18%; observed range [6, 959]: widen it if valid values can fall outside'
    )
    const ruleLines = lines.filter((l) => /^ {2}\w/.test(l))
    expect(ruleLines).toHaveLength(15)
    for (const rule of ruleLines) expect(lines[lines.indexOf(rule) - 1]).toMatch(/^ {2}# /)
  })

  it('writes a contract that its own data passes and the drifted batch fails', async () => {
    const out = join(tmp, 'credit.yml')
    expect((await cli('infer', 'examples/credit/data/train.csv', '--out', out)).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(/^# Data contract drafted by `ml-gate infer`/)
    const own = await cli('validate', '--data', 'examples/credit/data/train.csv', '--contract', out)
    expect([own.code, own.stdout.split('\n')[1]]).toEqual([
      0,
      'PASSED: 0 failing checks, 0 warnings, 55 passed'
    ])
    const incoming = await cli('validate', '--data', 'examples/credit/data/incoming.csv', '--contract', out)
    expect(incoming.code).toBe(1)
  })

  it('a missing file is bad input', async () => {
    const run = await cli('infer', 'no/such.csv')
    expect([run.code, run.stderr]).toEqual([
      2,
      'ml-gate: no/such.csv: file not found: expected an existing file\n'
    ])
  })
})
