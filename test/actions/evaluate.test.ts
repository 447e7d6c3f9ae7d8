import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import * as core from '../__fixtures__/core.js'
import { readOracle } from '../support/datasets.js'

jest.unstable_mockModule('@actions/core', () => core)
const { runShell } = await import('../__fixtures__/action.js')
const { evaluateAction } = await import('../../src/actions/evaluate/action.js')

const run = (inputs: Record<string, string>) => runShell('evaluate', evaluateAction, inputs)

describe('the evaluate action', () => {
  it('writes the evaluation document, the overall metrics as an output and a summary table', async () => {
    const outcome = await run({
      predictions: 'examples/credit/predictions/candidate.csv',
      task: 'binary',
      label: 'label',
      score: 'score',
      id: 'id',
      segment: 'Home\nJob',
      bins: 'Age=18,30,45,60,100',
      bootstrap: '200'
    })
    expect(outcome.code).toBe(0)
    expect(outcome.outputs.result).toBe(join(outcome.results, 'evaluation-candidate.json'))
    expect(outcome.outputs.rows).toBe('1825')
    expect(outcome.outputs.insufficient).toBe('2')
    const overall = readOracle('credit').metrics.candidate.find((s) => s.key === 'all')!
    const metrics = JSON.parse(outcome.outputs.metrics) as Record<string, number>
    expect(metrics.roc_auc).toBeCloseTo(overall.roc_auc as number, 12)
    expect(metrics.recall).toBeCloseTo(overall.recall as number, 12)
    const document = JSON.parse(readFileSync(outcome.outputs.result, 'utf8')) as EvaluationDocument
    expect(document.segments.map((s) => s.key)).toContain('Job=partime')
    expect(document.settings.bootstrap).toBe(200)
    expect(outcome.summary).toContain('### Evaluation: examples/credit/predictions/candidate.csv')
    expect(outcome.summary).toMatch(/\| Job\\=partime +\| +178 \|/)
  })

  it('takes its settings from ml-gate.yml, inputs overriding', async () => {
    const outcome = await run({ config: 'test/fixtures/actions/ml-gate.yml', name: 'baseline', seed: '7' })
    expect(outcome.code).toBe(0)
    expect(outcome.outputs.result).toBe(join(outcome.results, 'evaluation-baseline.json'))
    const document = JSON.parse(readFileSync(outcome.outputs.result, 'utf8')) as EvaluationDocument
    expect([document.file, document.settings.seed, document.settings.min_support]).toEqual([
      'examples/credit/predictions/baseline.csv',
      7,
      50
    ])
  })

  it('a label that is not binary is bad input at its line', async () => {
    const outcome = await run({
      predictions: 'examples/credit/predictions/candidate.csv',
      task: 'binary',
      label: 'Home',
      score: 'score',
      positive: 'rent'
    })
    expect(outcome.code).toBe(2)
    expect(outcome.annotations[0]).toMatchObject({
      file: 'examples/credit/predictions/candidate.csv',
      line: 13,
      message:
        'ml-gate: examples/credit/predictions/candidate.csv:13: label \'Home\' has a third value "priv"; a binary task expects two: the positive label "rent" and one other (seen: "owner"). Set the positive label, or use the multiclass task'
    })
  })

  it('without a predictions input or a config naming them, says which input is missing', async () => {
    const outcome = await run({ task: 'binary', label: 'label' })
    expect([outcome.code, outcome.annotations.map((a) => a.message)]).toEqual([
      2,
      ["ml-gate: input 'predictions' is required (or a config with model.predictions)"]
    ])
  })

  it('a name that is not a file name is bad input before anything is read', async () => {
    const outcome = await run({ predictions: 'examples/credit/predictions/candidate.csv', name: '../x' })
    expect([outcome.code, outcome.annotations.map((a) => a.message)]).toEqual([
      2,
      ["ml-gate: input 'name': expected letters, digits, '.', '-' or '_', got '../x'"]
    ])
  })
})
