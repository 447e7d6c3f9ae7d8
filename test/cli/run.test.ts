import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/run-cli.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { cli } from '../support/cli.js'

const CONFIG = 'examples/credit/ml-gate.yml'

describe('ml-gate run on the credit example', () => {
  it('writes every result document and the report, and fails on Job=partime recall', async () => {
    const output = mkdtempSync(join(tmpdir(), 'ml-gate-run-'))
    const run = await cli('run', '--config', CONFIG, '--output', output)
    expect(run.code).toBe(1)
    expect(readdirSync(output).sort()).toEqual([
      'evaluation-baseline.json',
      'evaluation-candidate.json',
      'report.md',
      'validation-incoming.json',
      'verdict.json'
    ])
    const verdict = JSON.parse(readFileSync(join(output, 'verdict.json'), 'utf8')) as VerdictDocument
    expect(verdict.verdict).toBe('fail')
    expect(verdict.paired).toBe(true)
    expect(verdict.results.filter((r) => r.status === 'fail').map((r) => [r.metric, r.segment])).toEqual([
      ['recall', 'Job=partime']
    ])
    expect(verdict.results.find((r) => r.metric === 'roc_auc')).toMatchObject({
      segment: 'all',
      status: 'pass'
    })
    expect(run.stdout).toContain(
      'FAIL: recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)'
    )
    expect(run.stdout).toContain('FAILED: 3 failing checks, 0 warnings, 41 passed, 3 drifted columns')
    expect(run.stdout).toContain('1 dataset(s) failed validation.')
    // Not a terminal: one plain line per step, for CI logs.
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'ml-gate [1/4] validating examples/credit/data/incoming.csv',
      'ml-gate [2/4] evaluating examples/credit/predictions/candidate.csv and examples/credit/predictions/baseline.csv',
      'ml-gate [3/4] gating the candidate against the thresholds and the baseline',
      'ml-gate [4/4] writing the verdict'
    ])
    expect(readFileSync(join(output, 'report.md'), 'utf8')).toContain('Job\\=partime')
  })

  it('draws a progress bar on a terminal, and clears it', async () => {
    const output = mkdtempSync(join(tmpdir(), 'ml-gate-run-'))
    let stderr = ''
    await runCli(['run', '--config', CONFIG, '--output', output], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      isTTY: true,
      env: {}
    })
    expect(stderr).toContain(
      '\r\x1b[2K[........................] 1/4 validating examples/credit/data/incoming.csv'
    )
    expect(stderr).toContain('\r\x1b[2K[##################......] 4/4 writing the verdict')
    expect(stderr.endsWith('\r\x1b[2K')).toBe(true)
  })

  it('a config mistake is bad input before any data is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-run-'))
    const config = join(dir, 'ml-gate.yml')
    writeFileSync(
      config,
      'version: 1\nmodel: { task: binary, predictions: p.csv, label: y, score: s }\ngates:\n  - metric: recal\n    min: 0.5\n'
    )
    const run = await cli('run', '--config', config)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `ml-gate: ${config}:4:13: gates[0].metric: unknown metric 'recal' (did you mean 'recall'?); binary metrics: ` +
        'n, positives, tp, fp, tn, fn, accuracy, precision, recall, f1, specificity, balanced_accuracy, mcc, ' +
        'positive_rate, brier, roc_auc, average_precision, log_loss, ece\n'
    )
  })
})
