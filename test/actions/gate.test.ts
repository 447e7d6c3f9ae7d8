import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { runShell } = await import('../__fixtures__/action.js')
const { gateAction } = await import('../../src/actions/gate/action.js')

const run = (inputs: Record<string, string>) => runShell('gate', gateAction, inputs)

describe('the gate action', () => {
  it('fails the job on the credit candidate, with the verdict as outputs and the comparison in the summary', async () => {
    // One unnamed candidate by input, overriding the example's two named ones.
    const outcome = await run({
      config: 'examples/credit/ml-gate.yml',
      candidate: 'examples/credit/predictions/candidate.csv'
    })
    expect(outcome.code).toBe(1)
    expect(outcome.outputs).toEqual({
      verdict: 'fail',
      result: join(outcome.results, 'verdict.json'),
      failed: '1',
      // recall's support is the positives: Job=others (27), Marital=widow (14) and Age=[60,100)
      // (11) join the three small segments as insufficient.
      warned: '15',
      passed: '1',
      insufficient: '6',
      // The baseline is the config's file: ml-gate did not find it.
      'baseline-source': '',
      winner: ''
    })
    expect(readdirSync(outcome.results).sort()).toEqual([
      'evaluation-baseline.json',
      'evaluation-candidate.json',
      'verdict.json'
    ])
    expect(outcome.summary.split('\n')[0]).toContain('ml-gate: fail')
    expect(outcome.failure).toBe(
      'ml-gate: recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)'
    )
    expect(outcome.log).toEqual([
      'ml-gate: fail: recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)'
    ])
  })

  it('gates the two named candidates of the example: the blend wins with a warning, named by the winner output', async () => {
    const outcome = await run({ config: 'examples/credit/ml-gate.yml' })
    expect(outcome.code).toBe(0)
    expect(outcome.outputs).toEqual({
      verdict: 'warn',
      result: join(outcome.results, 'verdict.json'),
      failed: '0',
      warned: '13',
      passed: '4',
      insufficient: '6',
      'baseline-source': '',
      winner: 'candidate-blend'
    })
    expect(readdirSync(outcome.results).sort()).toEqual([
      'evaluation-baseline.json',
      'evaluation-candidate-candidate-blend.json',
      'evaluation-candidate-candidate.json',
      'verdict.json'
    ])
    expect(outcome.log).toEqual([
      'ml-gate: warn: candidate-blend wins on roc_auc for all (0.844, the only one ranked; 1 fails); ' +
        'positive_rate across Job: ratio lowest/highest 0.177, below min_ratio 0.5'
    ])
  })

  it('takes several NAME=FILE lines in the candidate input, and refuses an unnamed line among them', async () => {
    const outcome = await run({
      config: 'examples/credit/ml-gate.yml',
      candidate:
        'gbm=examples/credit/predictions/candidate.csv\nlr=examples/credit/predictions/baseline.csv\n'
    })
    expect([outcome.code, outcome.outputs.winner]).toEqual([0, 'lr'])
    const bad = await run({
      config: 'examples/credit/ml-gate.yml',
      candidate: 'gbm=examples/credit/predictions/candidate.csv\nexamples/credit/predictions/baseline.csv'
    })
    expect(bad.code).toBe(2)
    expect(bad.annotations.map((a) => a.message)).toEqual([
      "ml-gate: input 'candidate', line 2 ('examples/credit/predictions/baseline.csv'): several candidates must each be named, " +
        'NAME=FILE (e.g. gbm-depth4=examples/credit/predictions/baseline.csv); one FILE alone is the unnamed candidate'
    ])
  })

  it('does not fail a candidate compared with itself (the parity gate only warns)', async () => {
    const outcome = await run({
      config: 'examples/credit/ml-gate.yml',
      baseline: 'examples/credit/predictions/candidate.csv'
    })
    expect([outcome.code, outcome.outputs.verdict, outcome.outputs.failed]).toEqual([0, 'warn', '0'])
  })

  it('an unknown metric in the config is bad input at its line', async () => {
    const outcome = await run({ config: 'test/fixtures/actions/typo-gate.yml' })
    expect(outcome.code).toBe(2)
    expect(outcome.annotations[0]).toMatchObject({ file: 'test/fixtures/actions/typo-gate.yml', line: 6 })
  })
})
