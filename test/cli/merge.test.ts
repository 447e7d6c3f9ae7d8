/**
 * `ml-gate evaluate --shard K/N` and `ml-gate merge`, in process: what each shard says it read, the
 * merged document, and the one-line errors (exit 2) for bad shards and bad sets of states.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import { cli } from '../support/cli.js'

const CANDIDATE = 'test/datasets/credit/predictions/candidate.csv'
const binary = [
  '--task',
  'binary',
  '--label',
  'label',
  '--score',
  'score',
  '--bootstrap',
  '100',
  '--segment',
  'Job'
]
const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-merge-'))

async function shard(k: number, n: number, ...extra: string[]): Promise<string> {
  const out = join(tmp, `state-${n}-${k}${extra.length > 0 ? '-x' : ''}.json`)
  const run = await cli(
    'evaluate',
    '--predictions',
    CANDIDATE,
    ...binary,
    ...extra,
    '--shard',
    `${k}/${n}`,
    '--json',
    out
  )
  expect(run).toMatchObject({ code: 0, stderr: '' })
  return out
}

describe('ml-gate evaluate --shard and ml-gate merge', () => {
  it('each shard states its byte range; the merge writes the single run’s rows and segments', async () => {
    const run = await cli(
      'evaluate',
      '--predictions',
      CANDIDATE,
      ...binary,
      '--shard',
      '1/2',
      '--json',
      join(tmp, 'a.json')
    )
    expect(run.stdout).toMatch(
      new RegExp(
        `^shard 1/2: ${CANDIDATE} bytes 47-38120 of 76189, from line 2: 918 rows ` +
          '\\(the range found by scanning 76189 bytes in \\d+ ms\\)\\n$'
      )
    )
    const states = [await shard(2, 3), await shard(1, 3), await shard(3, 3)]
    // A state is for the merge, not for reading: one line of compact JSON.
    expect(readFileSync(states[0], 'utf8')).toMatch(/^\{"schema":"ml-gate\/evaluation-state@1",[^\n]*\}\n$/)
    const merged = await cli('merge', ...states, '--json', '-')
    expect(merged).toMatchObject({ code: 0, stderr: '' })
    const single = await cli('evaluate', '--predictions', CANDIDATE, ...binary, '--json', '-')
    const [a, b] = [merged, single].map((r) => JSON.parse(r.stdout) as EvaluationDocument)
    expect(a.rows).toBe(1825)
    expect(a.segments.map((s) => [s.key, s.n, s.metrics.accuracy.value])).toEqual(
      b.segments.map((s) => [s.key, s.n, s.metrics.accuracy.value])
    )
  })

  it.each(['0/3', '4/3', 'two'])('--shard %s is one error, exit 2', async (text) => {
    const run = await cli('evaluate', '--predictions', CANDIDATE, ...binary, '--shard', text, '--json', '-')
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `ml-gate: --shard "${text}": expected K/N with 1 <= K <= N <= 10000, e.g. 2/8 for the second of 8 shards\n`
    })
  })

  it('refuses a missing shard, a shard twice, and states of other settings', async () => {
    const [one, two] = [await shard(1, 2), await shard(2, 2)]
    expect(await cli('merge', one)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'ml-gate: ml-gate merge: shard 2 of 2 missing: expected the state of every shard (a shard that read nothing still writes one)\n'
    })
    expect((await cli('merge', one, one)).stderr).toBe(
      `ml-gate: ${one}: shard 1 is given twice (also ${one}): expected each once\n`
    )
    const seeded = await shard(2, 2, '--seed', '7')
    expect(await cli('merge', one, seeded)).toEqual({
      code: 2,
      stdout: '',
      stderr: `ml-gate: ${seeded}: evaluated with other settings than ${one}: evaluation.seed: this state 7, the first 42; expected every shard evaluated alike\n`
    })
    expect((await cli('merge', two, one)).code).toBe(0)
  })

  it('refuses a state that is not one, at its line', async () => {
    const bad = join(tmp, 'bad.json')
    const state = JSON.parse(readFileSync(await shard(1, 2), 'utf8')) as { shard: { index: unknown } }
    state.shard.index = 'one'
    writeFileSync(bad, JSON.stringify(state, null, 2))
    const run = await cli('merge', bad)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      new RegExp(
        `^ml-gate: ${bad.replaceAll('.', '\\.')}:\\d+:\\d+: shard\\.index: expected an integer, got a string\\n$`
      )
    )
  })
})

describe('ml-gate validate --shard and ml-gate merge', () => {
  const data = 'examples/credit/data/incoming.csv'
  const reference = 'examples/credit/data/train.csv'
  const contract = 'examples/credit/contracts/credit.yml'
  const inputs = ['--data', data, '--contract', contract, '--reference', reference]

  it('each shard states what it read; the merge writes and prints the single run’s and exits as it', async () => {
    const states = [join(tmp, 'validation-2.json'), join(tmp, 'validation-1.json')]
    const runs = [
      await cli('validate', ...inputs, '--shard', '2/2', '--json', states[0]),
      await cli('validate', ...inputs, '--shard', '1/2', '--json', states[1])
    ]
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, '']
    ])
    expect(runs[1].stdout).toMatch(
      new RegExp(
        `^shard 1/2: data ${data} bytes \\d+-\\d+, from line 2 \\(\\d+ rows\\); ` +
          `reference ${reference} bytes \\d+-\\d+, from line 2 \\(\\d+ rows\\)\\n$`
      )
    )
    const out = join(tmp, 'validation-merged.json')
    const merged = await cli('merge', ...states, '--json', out)
    const single = await cli('validate', ...inputs, '--json', '-')
    const text = await cli('validate', ...inputs)
    expect([merged.code, single.code, text.code]).toEqual([1, 1, 1])
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(single.stdout))
    expect(merged.stdout).toBe(`merged 2 shards (2 pieces, 1200 rows)\n${text.stdout}`)
  })

  it('--shard without --json is one error, exit 2', async () => {
    expect(await cli('validate', ...inputs, '--shard', '1/2')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ml-gate: ml-gate validate: --shard needs --json OUT, where the shard state is written\n'
    })
  })
})
