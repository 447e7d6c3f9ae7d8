import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
// @ts-expect-error: the benchmark's generator is plain JavaScript, typed only by its use here
import { generatePredictions } from '../../bench/generate.mjs'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import { bundle } from '../support/dist.js'

// The built CLI reads a predictions file of 16 MiB or more on a second thread, then sums bootstrap
// replicates on a third while it sorts the scores (src/evaluation/staging-thread.ts);
// test/evaluation/evaluate.test.ts shows that the threads give the same documents. Here: that the
// bundle really starts them. Each thread writes its own CPU profile.
describe('ml-gate evaluate on a big file', () => {
  it('reads it on a worker thread, and sums the replicates on another', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ml-gate-big-'))
    const predictions = join(out, 'predictions.csv')
    await (generatePredictions as (file: string, rows: number) => Promise<void>)(predictions, 450_000)
    expect(statSync(predictions).size).toBeGreaterThan(16 * 2 ** 20)
    const profiles = join(out, 'profiles')
    const json = join(out, 'evaluation.json')
    const args = ['--label', 'label', '--score', 'score', '--id', 'id', '--segment', 'region', '--json', json]
    await promisify(execFile)(process.execPath, [
      '--cpu-prof',
      '--cpu-prof-dir',
      profiles,
      bundle('dist/cli/index.js'),
      'evaluate',
      '--predictions',
      predictions,
      '--task',
      'binary',
      ...args
    ])
    expect(readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(3)
    const document = JSON.parse(readFileSync(json, 'utf8')) as EvaluationDocument
    expect(document.rows).toBe(450_000)
    expect(document.segments.map((s) => s.key)).toEqual([
      'all',
      'region=north',
      'region=south',
      'region=west'
    ])
    expect(document.segments[0].n).toBe(450_000)
    expect(document.segments.slice(1).reduce((n, s) => n + s.n, 0)).toBe(450_000)
  }, 60_000)
})
