import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../support/github/runner-env.js'

const github = { url: 'http://127.0.0.1:9', state: { owner: 'octo-org', repo: 'credit-model' } }

function run(inputs: Record<string, string>) {
  const results = mkdtempSync(join(tmpdir(), 'ml-gate-gate-'))
  return runAction('dist/gate/index.js', {
    github,
    workspace: process.cwd(),
    actionYml: 'actions/gate/action.yml',
    inputs: { 'results-dir': results, ...inputs }
  }).then((outcome) => ({ ...outcome, results }))
}

describe('the gate action', () => {
  it('fails the job on the credit candidate, with the verdict as outputs and the comparison in the summary', async () => {
    const outcome = await run({ config: 'examples/credit/ml-gate.yml' })
    expect(outcome.code).toBe(1)
    expect(outcome.outputs).toEqual({
      verdict: 'fail',
      result: join(outcome.results, 'verdict.json'),
      failed: '1',
      // recall's support is the positives: Job=others (27), Marital=widow (14) and Age=[60,100)
      // (11) join the three small segments as insufficient.
      warned: '15',
      passed: '1',
      insufficient: '6'
    })
    expect(readdirSync(outcome.results).sort()).toEqual([
      'evaluation-baseline.json',
      'evaluation-candidate.json',
      'verdict.json'
    ])
    expect(outcome.summary.split('\n')[0]).toContain('ml-gate: fail')
    expect(outcome.annotations.at(-1)?.message).toBe(
      'ml-gate: recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)'
    )
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
