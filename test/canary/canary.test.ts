/**
 * `ml-gate canary` on logs built from the credit dataset (`logs.ts`): an A/A canary (the same model
 * on both halves) rolls back no more often than the nominal rate allows, a degraded one rolls back,
 * an undecided one says how much traffic a decision needs, and mistakes are bad input at their line.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import canarySchema from '../../schemas/canary.schema.json' with { type: 'json' }
import verdictSchema from '../../schemas/verdict.schema.json' with { type: 'json' }
import type { CanaryDocument } from '../../src/canary/canary-document.js'
import { runCanary } from '../../src/canary/run-canary.js'
import { loadConfig } from '../../src/config/load.js'
import { cli } from '../support/cli.js'
import { writeLogs } from './logs.js'

const NOW = new Date('2026-12-02T00:00:00Z')
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ml-gate-canary-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function canary(config: string, logs: { control: string; canary: string }): Promise<CanaryDocument> {
  return runCanary({ config: await loadConfig(config), ...logs, now: NOW })
}

/** P(X > k) for X ~ Binomial(trials, p), summed exactly. */
function binomialTail(trials: number, p: number, k: number): number {
  let tail = 0
  let choose = 1 // C(trials, i), built up
  for (let i = 0; i <= trials; i++) {
    if (i > k) tail += choose * p ** i * (1 - p) ** (trials - i)
    choose = (choose * (trials - i)) / (i + 1)
  }
  return tail
}

function expectValid(document: CanaryDocument): void {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
  ajv.addSchema(verdictSchema)
  const validate = ajv.compile(canarySchema)
  validate(JSON.parse(JSON.stringify(document)))
  expect(validate.errors ?? []).toEqual([])
}

describe('ml-gate canary', () => {
  it('an A/A canary on every bound rolls back at most at the nominal rate over 30 seeds', async () => {
    // on-the-bound.yml: roc_auc max_drop 0 (significant) and latency max_shift 0 at 95%. With the
    // same model on both halves every quantity sits exactly on its bound, so each of the two tests
    // fails falsely with probability at most α/2 = 0.025: a rollback at most 0.05 a seed. Over 30
    // seeds, P(Binomial(30, 0.05) > 6) = 0.00057: more than 6 rollbacks would be a defect, not luck.
    const seeds = 30
    const allowed = 6
    expect(binomialTail(seeds, 0.05, allowed)).toBeLessThan(0.001)
    expect(binomialTail(seeds, 0.05, allowed - 1)).toBeGreaterThan(0.001)
    const decisions: string[] = []
    for (let seed = 1; seed <= seeds; seed++) {
      const logs = writeLogs(dir, { seed, canaryModel: 'baseline', latencyShift: 0, rows: 400 })
      decisions.push((await canary('test/fixtures/canary/on-the-bound.yml', logs)).decision)
    }
    const rollbacks = decisions.filter((d) => d === 'rollback').length
    expect(rollbacks).toBeLessThanOrEqual(allowed)
    expect(decisions.filter((d) => d !== 'rollback' && d !== 'continue' && d !== 'promote')).toEqual([])
  })

  it('an A/A canary with the bounds of credit.yml is promoted', async () => {
    const logs = writeLogs(dir, { seed: 1, canaryModel: 'baseline', latencyShift: 0 })
    const document = await canary('test/fixtures/canary/credit.yml', logs)
    expect(document.decision).toBe('promote')
    expect(document.headline).toBe('every gate and outcome passed (6 results)')
    expect(document.reasons).toEqual([])
    expect(document.paired).toBe(false)
    expect(document.gates!.pairing.paired).toBe(false)
    expect([document.control.rows, document.canary.rows]).toEqual([912, 912])
    expect(document.outcomes[0]).toMatchObject({ name: 'latency', status: 'pass', test: 'normal' })
    expectValid(document)
  })

  it('a canary of the degraded candidate model, 15 ms slower, is rolled back', async () => {
    const logs = writeLogs(dir, { seed: 1, canaryModel: 'candidate', latencyShift: 15 })
    const document = await canary('test/fixtures/canary/credit.yml', logs)
    expect(document.decision).toBe('rollback')
    expect(document.headline).toBe('latency got worse by 15.1 (interval [14, 16.2]), allowed 5')
    const latency = document.outcomes[0]
    expect(latency.status).toBe('fail')
    expect(latency.degradation_ci![0]).toBeGreaterThan(5)
    expect(document.reasons[0]).toBe(latency.reason)
    expectValid(document)
  })

  it('a canary whose model lost its signal is rolled back by the gates, the latency unchanged', async () => {
    const logs = writeLogs(dir, { seed: 1, canaryModel: 'uninformed', latencyShift: 0 })
    const document = await canary('test/fixtures/canary/credit.yml', logs)
    expect(document.decision).toBe('rollback')
    expect(document.outcomes[0].status).toBe('pass')
    const auc = document.gates!.results.find((r) => r.metric === 'roc_auc')!
    expect(auc.status).toBe('fail')
    expect(auc.ci![0]).toBeGreaterThan(0.08)
    const failed = document.gates!.results.filter((r) => r.status === 'fail')
    expect(failed.length).toBeGreaterThan(1)
    expect(document.headline).toBe(`${document.gates!.headline} (and ${failed.length - 1} more)`)
    expect(document.reasons).toContain(auc.reason)
    expectValid(document)
  })

  it('an undecided canary continues, with the traffic a decision needs', async () => {
    // 60 rows a side: the interval of a 3 ms shift straddles max_shift 5.
    const logs = writeLogs(dir, { seed: 7, canaryModel: 'baseline', latencyShift: 3, rows: 60 })
    const document = await canary('test/fixtures/canary/latency.yml', logs)
    expect(document.decision).toBe('continue')
    expect(document.gates).toBeNull()
    const latency = document.outcomes[0]
    expect(latency.status).toBe('inconclusive')
    const factor = (latency.mde! / 5) ** 2
    expect(factor).toBeGreaterThan(1)
    expect(document.traffic).toEqual({
      factor,
      canary_rows: Math.ceil(60 * factor),
      control_rows: Math.ceil(60 * factor),
      reason: expect.stringContaining('latency_ms: n′ = n·(MDE/d)² = 60·(')
    })
    expect(document.headline).toBe(
      `1 result undecided; about ${Math.ceil(60 * factor)} canary rows needed (${factor.toPrecision(3)}× now)`
    )
    expectValid(document)
  })

  it('exits 0 on promote, 1 on rollback and 3 on continue, printing the decision first', async () => {
    const run = async (spec: Parameters<typeof writeLogs>[1], config: string) => {
      const logs = writeLogs(dir, spec)
      return cli('canary', '--control', logs.control, '--canary', logs.canary, '--config', config)
    }
    const promote = await run(
      { seed: 1, canaryModel: 'baseline', latencyShift: 0 },
      'test/fixtures/canary/latency.yml'
    )
    const rollback = await run(
      { seed: 1, canaryModel: 'baseline', latencyShift: 15 },
      'test/fixtures/canary/latency.yml'
    )
    const undecided = await run(
      { seed: 7, canaryModel: 'baseline', latencyShift: 3, rows: 60 },
      'test/fixtures/canary/latency.yml'
    )
    expect([promote.code, rollback.code, undecided.code]).toEqual([0, 1, 3])
    expect(promote.stdout.split('\n')[0]).toBe('PROMOTE: every gate and outcome passed (1 result)')
    expect(rollback.stdout.split('\n')[0]).toBe(
      'ROLLBACK: latency_ms got worse by 15.1 (interval [14, 16.2]), allowed 5'
    )
    expect(undecided.stdout).toContain('\nTraffic needed:\n  latency_ms: n′ = n·(MDE/d)² = 60·(')
    expect(undecided.stdout.trimEnd().split('\n').at(-1)).toBe('Decision: continue')
  })
})

describe('ml-gate canary: bad input', () => {
  const logs = {
    control: 'test/fixtures/canary/bad-latency.csv',
    canary: 'test/fixtures/canary/bad-latency.csv'
  }
  const error = async (config: string, files = logs): Promise<string> => {
    const run = await cli('canary', '--control', files.control, '--canary', files.canary, '--config', config)
    expect([run.code, run.stdout]).toEqual([2, ''])
    return run.stderr
  }

  it('a direction that is not lower or higher, at its line and column', async () => {
    expect(await error('test/fixtures/canary/bad-direction.yml')).toMatch(
      /^ml-gate: test\/fixtures\/canary\/bad-direction\.yml:5:15: canary\.outcomes\[0\]\.better: .*lower.*higher/
    )
  })

  it('an outcome column named twice, at the second', async () => {
    expect(await error('test/fixtures/canary/duplicate-outcome.yml')).toBe(
      "ml-gate: test/fixtures/canary/duplicate-outcome.yml:7:15: canary.outcomes[1].column: the column 'latency_ms' " +
        'is already an outcome (canary.outcomes[0]); name each outcome column once\n'
    )
  })

  it('nothing to judge', async () => {
    expect(await error('test/fixtures/canary/nothing.yml')).toBe(
      'ml-gate: test/fixtures/canary/nothing.yml:2:1: canary: nothing to judge a canary by: the config has no gates ' +
        'and no canary.outcomes; add gates (judged on the logs per segment) or ' +
        '`canary: { outcomes: [{ column, better, max_shift }] }`\n'
    )
  })

  it('a cell that is not a number, at its line; a missing one is counted', async () => {
    expect(await error('test/fixtures/canary/latency.yml')).toBe(
      "ml-gate: test/fixtures/canary/bad-latency.csv:4: the outcome column 'latency_ms' (canary.outcomes[0]) holds " +
        '"fast": expected a finite number, or an empty cell for a missing value\n'
    )
  })

  it('an outcome column the log does not have, at its header', async () => {
    expect(await error('test/fixtures/canary/revenue.yml')).toBe(
      "ml-gate: test/fixtures/canary/bad-latency.csv:1: canary.outcomes[0].column 'revenue' is not a column of " +
        'test/fixtures/canary/bad-latency.csv; its columns are id, latency_ms\n'
    )
  })

  it('a missing flag', async () => {
    const run = await cli('canary', '--control', 'a.csv', '--config', 'ml-gate.yml')
    expect([run.code, run.stderr]).toEqual([2, 'ml-gate: ml-gate canary: --canary FILE is required\n'])
  })
})
