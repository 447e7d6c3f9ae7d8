import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import type { EvaluateSettings } from '../../src/config/evaluate-settings.js'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import { evaluateFiles, evaluateShard } from '../../src/evaluation/evaluate-input.js'
import { evaluationDocument } from '../../src/evaluation/evaluate.js'
import { loadContract } from '../../src/contract/load.js'
import { validateFile } from '../../src/steps/validate.js'
import { validateShardStep } from '../../src/steps/validate-shard.js'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { runShell } = await import('../__fixtures__/action.js')
const { mergeAction } = await import('../../src/actions/merge/action.js')

const FILE = 'examples/credit/predictions/candidate.csv'
const settings: EvaluateSettings = {
  minSupport: 30,
  confidence: 0.95,
  bootstrap: { replicates: 100, seed: 42 },
  model: {
    task: 'binary',
    label: 'label',
    score: 'score',
    score_prefix: 'score_',
    positive: 1,
    threshold: 0.5
  },
  segments: { columns: ['Job'], bins: {}, cross: [] }
}

describe('the merge action', () => {
  it('merges the states its globs name into evaluation-<name>.json, with rows and a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-merge-action-'))
    for (const index of [1, 2, 3]) {
      const { state } = await evaluateShard(FILE, [FILE], { index, count: 3 }, settings)
      writeFileSync(join(dir, `state-${index}.json`), JSON.stringify(state))
    }
    const outcome = await runShell('merge', mergeAction, {
      states: `${dir}/state-1.json\n${dir}/state-[23].json`,
      name: 'sharded',
      'allow-outside-workspace': 'true'
    })
    expect(outcome).toMatchObject({ code: 0, annotations: [] })
    expect(outcome.outputs).toEqual({
      result: join(outcome.results, 'evaluation-sharded.json'),
      rows: '1825'
    })
    expect(outcome.log).toContain('merged 3 shards (3 pieces, 1825 rows)')
    expect(outcome.summary).toContain(`### Evaluation: ${FILE}`)
    const merged = JSON.parse(readFileSync(outcome.outputs.result, 'utf8')) as EvaluationDocument
    const single = evaluationDocument(await evaluateFiles(FILE, [FILE], settings))
    expect(merged.segments.map((s) => [s.key, s.n])).toEqual(single.segments.map((s) => [s.key, s.n]))
  })

  it('merges validation states into validation-<name>.json and fails the step as validate-data would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-merge-action-validation-'))
    const request = {
      data: 'examples/credit/data/incoming.csv',
      contract: 'examples/credit/contracts/credit.yml',
      reference: 'examples/credit/data/train.csv'
    }
    for (const index of [1, 2]) {
      const { state } = await validateShardStep({ ...request, shard: { index, count: 2 } })
      writeFileSync(join(dir, `state-${index}.json`), JSON.stringify(state))
    }
    const outcome = await runShell('merge', mergeAction, {
      states: `${dir}/state-*.json`,
      name: 'incoming',
      'allow-outside-workspace': 'true'
    })
    const single = await validateFile({ ...request, contract: await loadContract(request.contract) })
    expect(outcome.outputs).toEqual({
      result: join(outcome.results, 'validation-incoming.json'),
      rows: '1200'
    })
    expect(JSON.parse(readFileSync(outcome.outputs.result, 'utf8'))).toEqual(single)
    expect(outcome.code).toBe(1)
    expect(outcome.failure).toBe(
      `ml-gate: data validation failed: ${single.summary.errors} failing check(s), 0 warning(s), ${single.summary.drifted} drifted column(s); see the job summary`
    )
    expect(outcome.summary).toContain(`### Data validation: ${request.data}`)
  })

  it('is one error, exit 2, for a pattern that matches nothing', async () => {
    const outcome = await runShell('merge', mergeAction, { states: 'nowhere/state-*.json' })
    expect(outcome.code).toBe(2)
    expect(outcome.annotations.map((a) => a.message)).toEqual([
      "ml-gate: input 'states': no file matches 'nowhere/state-*.json'"
    ])
  })
})
