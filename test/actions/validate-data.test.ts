import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import type { ValidationDocument } from '../../src/contract/validate.js'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { runShell } = await import('../__fixtures__/action.js')
const { validateDataAction } = await import('../../src/actions/validate-data/action.js')

const run = (inputs: Record<string, string>) => runShell('validate-data', validateDataAction, inputs)

describe('the validate-data action', () => {
  it('fails on the credit breaches, annotates each at its line and writes the document and summary', async () => {
    const outcome = await run({
      data: 'examples/credit/data/incoming.csv',
      contract: 'examples/credit/contracts/credit.yml',
      reference: 'examples/credit/data/train.csv'
    })
    expect(outcome.code).toBe(1)
    // One annotation per failing check, at its first line, most failures first.
    expect(outcome.annotations.map((a) => [a.level, a.file, a.line, a.title, a.message])).toEqual([
      [
        'error',
        'examples/credit/data/incoming.csv',
        19,
        'ml-gate: Amount: min',
        '3 values break min (expected >= 1), first -500; lines 19, 232, 913'
      ],
      [
        'error',
        'examples/credit/data/incoming.csv',
        46,
        'ml-gate: Home: in',
        '2 values break in (expected one of: owner, rent, parents, priv, other, ignore), first "unknown"; lines 46, 47'
      ],
      [
        'error',
        'examples/credit/data/incoming.csv',
        602,
        'ml-gate: Age: max',
        '1 value breaks max (expected <= 100), first 140; lines 602'
      ]
    ])
    expect(outcome.failure).toBe(
      'ml-gate: data validation failed: 3 failing check(s), 0 warning(s), 3 drifted column(s); see the job summary'
    )
    expect(outcome.log).toEqual(['examples/credit/data/incoming.csv: failed (1200 rows)'])
    expect(outcome.outputs).toEqual({
      passed: 'false',
      result: join(outcome.results, 'validation-incoming.json'),
      results: join(outcome.results, 'validation-incoming.json'),
      errors: '3',
      warnings: '0',
      drifted: '3'
    })
    const document = JSON.parse(readFileSync(outcome.outputs.result, 'utf8')) as ValidationDocument
    expect(document.file).toBe('examples/credit/data/incoming.csv')
    expect(outcome.summary).toContain('### Data validation: examples/credit/data/incoming.csv')
    expect(outcome.summary).toContain('| Age    | max')
  })

  it('passes clean data and respects fail-on: never', async () => {
    const clean = await run({
      data: 'examples/credit/data/train.csv',
      contract: 'examples/credit/contracts/credit.yml'
    })
    expect([clean.code, clean.outputs.passed, clean.annotations]).toEqual([0, 'true', []])
    const never = await run({
      data: 'examples/credit/data/incoming.csv',
      contract: 'examples/credit/contracts/credit.yml',
      'fail-on': 'never'
    })
    expect([never.code, never.outputs.passed]).toEqual([0, 'false'])
  })

  it('validates every file a glob matches', async () => {
    const outcome = await run({
      data: 'examples/credit/data/*.csv',
      contract: 'examples/credit/contracts/credit.yml',
      annotations: 'false'
    })
    expect(outcome.outputs.results.split('\n').map((p) => p.slice(outcome.results.length + 1))).toEqual([
      'validation-holdout.json',
      'validation-incoming.json',
      'validation-train.json'
    ])
    expect(outcome.annotations.filter((a) => a.file !== undefined)).toEqual([])
  })

  it('bad input exits 2 with one annotation at the file and line, never a stack trace', async () => {
    const outcome = await run({
      data: 'examples/credit/data/incoming.csv',
      contract: 'test/fixtures/contracts/typo.yml'
    })
    expect(outcome.code).toBe(2)
    expect(outcome.annotations).toEqual([
      {
        level: 'error',
        file: 'test/fixtures/contracts/typo.yml',
        line: 3,
        col: 7,
        title: 'ml-gate: bad input',
        message:
          "ml-gate: test/fixtures/contracts/typo.yml:3:7: columns.Age: unknown key 'mx' (did you mean 'max'?); allowed keys: type, min, max, in, pattern, min_length, max_length, nullable, max_missing, unique, required, severity, mostly, max_failures, checks, drift"
      }
    ])
  })

  it('a pattern that matches nothing is an error, not a pass', async () => {
    const outcome = await run({
      data: 'examples/credit/data/*.parquet',
      contract: 'examples/credit/contracts/credit.yml'
    })
    expect(outcome.code).toBe(2)
    expect(outcome.annotations[0].message).toBe(
      "ml-gate: input 'data': no file matches 'examples/credit/data/*.parquet'"
    )
  })
})
