import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { cli } from '../support/cli.js'

const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-budget-'))

/** 1,000 binary predictions with `columns` segment columns s0, s1, ... of 1,000 values each. */
function predictions(columns: number): string {
  const file = join(tmp, `seg-${columns}.csv`)
  const names = Array.from({ length: columns }, (_, c) => `s${c}`)
  const lines = [['label', 'score', ...names].join(',')]
  for (let i = 0; i < 1000; i++) {
    lines.push([i % 3 === 0 ? 1 : 0, ((i * 37) % 100) / 100, ...names.map((n) => `${n}v${i}`)].join(','))
  }
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

const segmentArgs = (columns: number) =>
  Array.from({ length: columns }, (_, c) => ['--segment', `s${c}`]).flat()

// A binary segment keeps 8 · 16 · (1024 buckets + 1000 replicates) = 259,072 bytes: 1 GiB holds
// 4,144 segments, `all` included. Each column is capped at 1,000 segments, but before this cap
// their total was not: 10 columns of 1,000 values took 3 GB.
describe('the memory of segments is capped', () => {
  const args = ['--task', 'binary', '--label', 'label', '--score', 'score', '--json', '-']

  it('4,000 segments besides all are evaluated', async () => {
    const run = await cli('evaluate', '--predictions', predictions(4), ...args, ...segmentArgs(4))
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect((JSON.parse(run.stdout) as { segments: unknown[] }).segments).toHaveLength(4001)
  }, 120_000)

  it.each<[number, string]>([
    [1000, 'more than 4144 segments (253 KB of metric state each, 1024 MB in all)'],
    [100, 'more than 7463 segments (141 KB of metric state each, 1024 MB in all)']
  ])(
    'one more is an error that says what it would take (%i replicates)',
    async (replicates, head) => {
      const file = predictions(8)
      const run = await cli(
        'evaluate',
        '--predictions',
        file,
        ...args,
        ...segmentArgs(8),
        '--bootstrap',
        String(replicates)
      )
      expect([run.code, run.stderr]).toEqual([
        2,
        `ml-gate: ${file}: ${head}: expected at most ${head.split(' ')[2]}; segment on fewer columns or crosses, or bin numeric columns into fewer bins\n`
      ])
    },
    120_000
  )
})
