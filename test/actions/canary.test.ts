import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import { writeLogs } from '../canary/logs.js'

jest.unstable_mockModule('@actions/core', () => core)
const { runShell } = await import('../__fixtures__/action.js')
const { canaryAction } = await import('../../src/actions/canary/action.js')

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-canary-action-'))
const run = (spec: Parameters<typeof writeLogs>[1]) => {
  const logs = writeLogs(dir, spec)
  return runShell('canary', canaryAction, {
    config: 'test/fixtures/canary/latency.yml',
    ...logs,
    'allow-outside-workspace': 'true'
  })
}

describe('the canary action', () => {
  it('promotes an A/A canary: decision promote, the document written, the summary', async () => {
    const outcome = await run({ seed: 1, canaryModel: 'baseline', latencyShift: 0 })
    expect(outcome.code).toBe(0)
    expect(outcome.outputs).toEqual({
      decision: 'promote',
      result: join(outcome.results, 'canary.json'),
      'traffic-needed': ''
    })
    const document = JSON.parse(readFileSync(outcome.outputs.result, 'utf8')) as {
      schema: string
      decision: string
    }
    expect([document.schema, document.decision]).toEqual(['ml-gate/canary@1', 'promote'])
    expect(outcome.summary.split('\n')[0]).toBe('## ✅ ml-gate canary: promote')
    expect(outcome.log).toEqual(['ml-gate canary: promote: every gate and outcome passed (1 result)'])
    expect(outcome.annotations).toEqual([])
  })

  it('fails the step on rollback, saying why', async () => {
    const outcome = await run({ seed: 1, canaryModel: 'baseline', latencyShift: 15 })
    expect([outcome.code, outcome.outputs.decision]).toEqual([1, 'rollback'])
    expect(outcome.failure).toBe(
      'ml-gate canary: rollback: latency_ms got worse by 15.1 (interval [14, 16.2]), allowed 5'
    )
    expect(outcome.summary).toContain('\n### Why\n\n- latency\\_ms \\(lower is better; canary median')
  })

  it('succeeds on continue with a warning and the traffic a decision needs', async () => {
    const outcome = await run({ seed: 7, canaryModel: 'baseline', latencyShift: 3, rows: 60 })
    expect([outcome.code, outcome.outputs.decision]).toEqual([0, 'continue'])
    const document = JSON.parse(readFileSync(outcome.outputs.result, 'utf8')) as {
      traffic: { canary_rows: number }
    }
    expect(outcome.outputs['traffic-needed']).toBe(String(document.traffic.canary_rows))
    expect(outcome.annotations.map((a) => [a.level, a.message])).toEqual([['warning', outcome.log[0]]])
  })

  it('a missing log input is bad input', async () => {
    const outcome = await runShell('canary', canaryAction, { config: 'test/fixtures/canary/latency.yml' })
    expect(outcome.code).toBe(2)
    expect(outcome.annotations.map((a) => a.message)).toEqual([
      "ml-gate: input 'control' is required and was not supplied"
    ])
  })
})
