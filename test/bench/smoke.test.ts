import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/run-cli.js'

// The benchmark's own smoke test: its generator and one evaluate of its data, small (20k rows), so a
// broken generator or a command line the benchmark relies on fails here, not in a 10-minute run.
// No timing is asserted. `npm run bench:smoke` runs the real thing (100k rows, dist/) without timing.

const ROWS = 20_000

function generate(out: string): void {
  execFileSync(process.execPath, ['bench/generate.mjs', '--rows', String(ROWS), '--out', out])
}

describe('bench', () => {
  it('generates deterministic data and evaluates it with every segment of the benchmark', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ml-gate-bench-smoke-'))
    try {
      generate(out)
      const predictions = join(out, `predictions-${ROWS}.csv`)
      const table = join(out, `table-${ROWS}.csv`)
      const first = readFileSync(predictions, 'utf8')
      const lines = first.trimEnd().split('\n')
      expect(lines).toHaveLength(ROWS + 1)
      expect(lines[0]).toBe('id,region,channel,product,store,age,label,score')
      expect(readFileSync(table, 'utf8').trimEnd().split('\n')).toHaveLength(ROWS + 1)

      // Same seed, same bytes: regenerating (forced) writes the identical file.
      execFileSync(process.execPath, ['bench/generate.mjs', '--rows', String(ROWS), '--out', out, '--force'])
      expect(readFileSync(predictions, 'utf8')).toBe(first)

      const json = join(out, 'evaluation.json')
      const output: string[] = []
      const console = {
        stdout: (t: string) => output.push(t),
        stderr: (t: string) => output.push(t),
        isTTY: false,
        env: {}
      }
      const args = [
        'evaluate',
        '--predictions',
        predictions,
        '--task',
        'binary',
        '--label',
        'label',
        '--score',
        'score'
      ]
      const segments = ['region', 'channel', 'product', 'store'].flatMap((s) => ['--segment', s])
      const code = await runCli(
        [...args, '--id', 'id', ...segments, '--bins', 'age=18,30,45,60,90', '--json', json],
        console
      )
      expect(output.join('')).toContain(`${ROWS} rows`)
      expect(code).toBe(0)
      const document = JSON.parse(readFileSync(json, 'utf8')) as {
        rows: number
        segments: { key: string; n: number; metrics: Record<string, { value: number | null }> }[]
      }
      expect(document.rows).toBe(ROWS)
      // all + 3 regions + 8 channels + 20 products + 50 stores + 4 age bins.
      expect(document.segments).toHaveLength(86)
      const all = document.segments.find((s) => s.key === 'all')!
      expect(all.n).toBe(ROWS)
      // The scores are informative, as the generator promises (ROC AUC about 0.72).
      expect(all.metrics.roc_auc.value).toBeGreaterThan(0.65)
      expect(all.metrics.roc_auc.value).toBeLessThan(0.8)
      const stores = document.segments.filter((s) => s.key.startsWith('store='))
      expect(stores.reduce((n, s) => n + s.n, 0)).toBe(ROWS)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 60_000)
})
