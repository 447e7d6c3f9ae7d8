import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import verdictSchema from '../../schemas/verdict.schema.json' with { type: 'json' }
import type { Console } from '../../src/cli/command.js'
import { runCli } from '../../src/cli/run-cli.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { loadConfig } from '../../src/config/load.js'
import { evaluatePredictions, evaluationDocument } from '../../src/evaluation/evaluate.js'
import { evaluateSettingsFromConfig } from '../../src/config/evaluate-settings.js'

const CONFIG = 'test/fixtures/gates/credit.yml'
const PREDICTIONS = resolve('test/datasets/credit/predictions')

interface Captured {
  readonly console: Console
  readonly stdout: string[]
  readonly stderr: string[]
}

function capture(): Captured {
  const stdout: string[] = []
  const stderr: string[] = []
  return {
    stdout,
    stderr,
    console: { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t), isTTY: false, env: {} }
  }
}

let dir: string

/** A config in the temp folder over the credit predictions, with `gates` lines. */
async function writeConfig(name: string, ...gates: string[]): Promise<string> {
  const file = join(dir, name)
  await writeFile(
    file,
    [
      'version: 1',
      `model: { task: binary, predictions: ${PREDICTIONS}/candidate.csv, baseline: ${PREDICTIONS}/baseline.csv, label: label, score: score, id: id }`,
      'segments: { columns: [Job], min_support: 30 }',
      'gates:',
      ...gates
    ].join('\n') + '\n'
  )
  return file
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ml-gate-gate-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('ml-gate gate', () => {
  it('exits 1 on the credit story, prints the verdict, writes a document valid against its schema', async () => {
    const out = capture()
    const json = join(dir, 'verdict.json')
    expect(await runCli(['gate', '--config', CONFIG, '--json', json], out.console)).toBe(1)
    expect(out.stdout.join('')).toMatch(
      /^FAIL: recall for Job=partime fell 0\.798 → 0\.500 \(change −0\.298, allowed drop 0\.05\)\n/
    )
    const document = JSON.parse(await readFile(json, 'utf8')) as VerdictDocument
    expect(document.schema).toBe('ml-gate/verdict@1')
    expect(document.verdict).toBe('fail')
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(
      verdictSchema
    )
    validate(document)
    expect(validate.errors ?? []).toEqual([])
  })

  it('exits 0 when every gate passes, and prints only JSON with --json -', async () => {
    const config = await writeConfig('pass.yml', '  - { metric: roc_auc, min: 0.75 }')
    const out = capture()
    expect(await runCli(['gate', '--config', config, '--json', '-'], out.console)).toBe(0)
    const document = JSON.parse(out.stdout.join('')) as VerdictDocument
    expect(document.verdict).toBe('pass')
    expect(document.headline).toBe('pass: the 1 judged result passed')
  })

  it('cannot fetch a baseline artifact: says so and fails closed under on_missing_baseline: fail; --baseline overrides', async () => {
    const config = join(dir, 'artifact.yml')
    await writeFile(
      config,
      [
        'version: 1',
        `model: { task: binary, predictions: ${PREDICTIONS}/candidate.csv, baseline: { artifact: ml-gate-baseline }, label: label, score: score, id: id }`,
        'on_missing_baseline: fail',
        'gates:',
        '  - { metric: recall, max_drop: 0.5 }'
      ].join('\n') + '\n'
    )
    const out = capture()
    expect(await runCli(['gate', '--config', config, '--json', '-'], out.console)).toBe(1)
    const why =
      "model.baseline names the Actions artifact 'ml-gate-baseline', which only the gate and root actions " +
      'fetch from GitHub; give the baseline as a file (--baseline FILE) to compare with it here'
    const document = JSON.parse(out.stdout.join('')) as VerdictDocument
    expect(document.results.map((r) => [r.status, r.reason])).toEqual([
      ['missing', `recall for all: no baseline to compare with (${why}) (on_missing_baseline: fail)`]
    ])
    expect(document.notes).toEqual([
      `no baseline (${why}): the 1 results comparing with it are missing (on_missing_baseline: fail)`
    ])
    const given = capture()
    const args = ['gate', '--config', config, '--baseline', `${PREDICTIONS}/baseline.csv`, '--json', '-']
    expect(await runCli(args, given.console)).toBe(0)
    const compared = JSON.parse(given.stdout.join('')) as VerdictDocument
    expect([compared.results[0].status, compared.notes, compared.baseline_source]).toEqual([
      'pass',
      [],
      undefined
    ])
  })

  it('gates several --candidate NAME=FILE, overriding the config, and names the winner; a bad entry exits 2', async () => {
    const config = await writeConfig('named.yml', '  - { metric: roc_auc, min: 0.75 }')
    const out = capture()
    const named = [
      '--candidate',
      `gbm=${PREDICTIONS}/candidate.csv`,
      '--candidate',
      `lr=${PREDICTIONS}/baseline.csv`
    ]
    expect(await runCli(['gate', '--config', config, ...named, '--json', '-'], out.console)).toBe(0)
    const document = JSON.parse(out.stdout.join('')) as VerdictDocument
    // ROC AUC 0.8341 (the candidate's) against 0.8302 (the baseline's own predictions, as lr).
    expect(document.winner).toBe('gbm')
    expect(document.candidates!.map((c) => [c.name, c.rank, c.select_value])).toEqual([
      ['gbm', 1, 0.8341110205291633],
      ['lr', 2, 0.8301963981323649]
    ])
    const bad = capture()
    expect(
      await runCli(['gate', '--config', config, '--candidate', 'gbm=', '--candidate', 'x.csv'], bad.console)
    ).toBe(2)
    expect(bad.stderr.join('')).toBe(
      "ml-gate: --candidate 'gbm=': no file after 'gbm='; expected NAME=FILE, e.g. gbm-depth4=preds/gbm4.csv\n"
    )
  })

  it('takes the predictions by flags alone when the config names none, and says so when neither does', async () => {
    const config = join(dir, 'flags.yml')
    await writeFile(
      config,
      [
        'version: 1',
        'model: { task: binary, label: label, score: score }',
        'segments: { columns: [Job] }',
        'gates:',
        '  - { metric: recall, max_drop: 0.05, per_segment: true }'
      ].join('\n') + '\n'
    )
    const out = capture()
    const args = ['gate', '--config', config, '--candidate', `${PREDICTIONS}/candidate.csv`]
    expect(await runCli([...args, '--baseline', `${PREDICTIONS}/baseline.csv`], out.console)).toBe(1)
    expect(out.stdout.join('')).toMatch(
      /^FAIL: recall for Job=partime fell 0\.798 → 0\.500 \(change −0\.298, allowed drop 0\.05\)\n/
    )
    const none = capture()
    expect(await runCli(['gate', '--config', config], none.console)).toBe(2)
    expect(none.stderr.join('')).toBe(
      `ml-gate: ${config}:2:1: model: no candidate to gate: the config's model has no \`predictions\`, and none was given; ` +
        'add `predictions: FILE` to the model section, or pass --candidate FILE (ml-gate gate, ml-gate run) ' +
        "or the actions' candidate input\n"
    )
  })

  it('exits 0 on a warning (severity: warn)', async () => {
    const config = await writeConfig(
      'warn.yml',
      '  - { metric: positive_rate, across: Job, min_ratio: 0.8, severity: warn }'
    )
    const out = capture()
    expect(await runCli(['gate', '--config', config], out.console)).toBe(0)
    expect(out.stdout.join('')).toMatch(
      /^WARN: positive_rate across Job: ratio lowest\/highest 0\.228, below min_ratio 0\.8\n/
    )
  })

  it('reads evaluation documents for --candidate and --baseline: paired by id, failing Job=partime', async () => {
    const loaded = await loadConfig(CONFIG)
    const settings = evaluateSettingsFromConfig(loaded.config)
    for (const model of ['candidate', 'baseline']) {
      const evaluation = await evaluatePredictions(`${PREDICTIONS}/${model}.csv`, settings)
      await writeFile(join(dir, `${model}.json`), JSON.stringify(evaluationDocument(evaluation)))
    }
    const out = capture()
    const code = await runCli(
      [
        'gate',
        '--config',
        CONFIG,
        '--candidate',
        join(dir, 'candidate.json'),
        '--baseline',
        join(dir, 'baseline.json'),
        '--json',
        '-'
      ],
      out.console
    )
    expect(code).toBe(1)
    const document = JSON.parse(out.stdout.join('')) as VerdictDocument
    expect(document.paired).toBe(true)
    expect(document.candidate).toBe(`${PREDICTIONS}/candidate.csv`)
    expect(document.notes.filter((n) => n.includes('pair'))).toEqual([])
    expect(document.pairing).toEqual({
      paired: true,
      matched: 1825,
      candidate_rows: 1825,
      baseline_rows: 1825,
      unpaired_segments: [],
      reason: 'paired by id: both evaluations hold the same 1825 ids (their row digests agree)'
    })
    const partime = document.results.find((r) => r.segment === 'Job=partime' && r.rule === 'max_drop')!
    expect(partime.status).toBe('fail')
    expect(partime.reason).toContain('paired bootstrap interval of the drop')
  })

  it('exits 2 on bad input: no --config, a config error at its line, a document of another kind', async () => {
    const none = capture()
    expect(await runCli(['gate'], none.console)).toBe(2)
    expect(none.stderr.join('')).toBe('ml-gate: ml-gate gate: --config CONFIG is required\n')

    const config = await writeConfig('typo.yml', '  - { metric: recal, max_drop: 0.05 }')
    const typo = capture()
    expect(await runCli(['gate', '--config', config], typo.console)).toBe(2)
    expect(typo.stderr.join('')).toMatch(
      new RegExp(
        `^ml-gate: ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:15: gates\\[0\\]\\.metric: unknown metric 'recal' \\(did you mean 'recall'\\?\\)`
      )
    )

    // Known only once the candidate is evaluated, still at the config's line.
    const waiver = await writeConfig(
      'waiver.yml',
      '  - { metric: recall, max_drop: 0.05, per_segment: Job }',
      'waivers:',
      '  - { metric: recall, segment: Job=partim, reason: known }'
    )
    const unknown = capture()
    expect(await runCli(['gate', '--config', waiver], unknown.console)).toBe(2)
    expect(unknown.stderr.join('')).toBe(
      `ml-gate: ${waiver}:7:32: waivers[0].segment: no segment 'Job=partim' in the candidate's evaluation ` +
        `${PREDICTIONS}/candidate.csv (did you mean 'Job=partime'?); the segments of Job: ` +
        'Job=fixed, Job=freelance, Job=others, Job=partime\n'
    )

    const other = join(dir, 'other.json')
    await writeFile(other, JSON.stringify({ schema: 'ml-gate/verdict@1' }))
    const wrong = capture()
    expect(await runCli(['gate', '--config', CONFIG, '--candidate', other], wrong.console)).toBe(2)
    expect(wrong.stderr.join('')).toBe(
      `ml-gate: ${other}:1:11: expected an ml-gate/evaluation@1 document (its "schema" key; from \`ml-gate evaluate --json\` or the evaluate action), found "ml-gate/verdict@1"\n`
    )
  })
})
