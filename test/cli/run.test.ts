import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/run-cli.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { cli } from '../support/cli.js'

const CONFIG = 'examples/credit/ml-gate.yml'

/** The credit example's data and predictions, gated by a ROC AUC floor alone, which passes. */
function passingGateConfig(failOn: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-run-'))
  const example = join(process.cwd(), 'examples/credit')
  const config = join(dir, 'ml-gate.yml')
  writeFileSync(
    config,
    [
      'version: 1',
      'data:',
      `  - { path: ${example}/data/incoming.csv, contract: ${example}/contracts/credit.yml, fail_on: ${failOn} }`,
      `model: { task: binary, predictions: ${example}/predictions/candidate.csv, label: label, score: score }`,
      'segments: { columns: [Job] }',
      'gates:',
      '  - { metric: roc_auc, min: 0.75 }',
      ''
    ].join('\n')
  )
  return config
}

describe('ml-gate run: the verdict is the job verdict when data fails its contract', () => {
  it('a passing gate over failing data fails, and every place says so', async () => {
    const config = passingGateConfig('error')
    const output = join(config, '..', 'results')
    const run = await cli('run', '--config', config, '--output', output)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('PASS: pass: the 1 judged result passed')
    const headline =
      `data validation failed for ${join(process.cwd(), 'examples/credit/data/incoming.csv')} (3 failing checks); ` +
      'the gates: pass: the 1 judged result passed'
    expect(run.stdout.split('\n').at(-2)).toBe(`ml-gate: fail — ${headline}`)
    const report = readFileSync(join(output, 'report.md'), 'utf8')
    const first = report.split('\n')[0]
    expect(first.startsWith('## ❌ ml-gate: fail — data validation failed for ')).toBe(true)
    expect(
      first.endsWith('incoming.csv \\(3 failing checks\\); the gates\\: pass\\: the 1 judged result passed')
    ).toBe(true)
    // The report command, on the same documents, agrees.
    const again = await cli('report', '--results', output, '--markdown', join(output, 'again.md'))
    expect(again.code).toBe(1)
    expect(readFileSync(join(output, 'again.md'), 'utf8').split('\n')[0]).toBe(report.split('\n')[0])
  })

  it('fail_on: never lets the same data pass, and the report agrees', async () => {
    const config = passingGateConfig('never')
    const output = join(config, '..', 'results')
    const run = await cli('run', '--config', config, '--output', output)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').at(-2)).toBe('ml-gate: pass — pass: the 1 judged result passed')
    const validation = JSON.parse(readFileSync(join(output, 'validation-incoming.json'), 'utf8')) as {
      fail_on: string
    }
    expect(validation.fail_on).toBe('never')
    expect((await cli('report', '--results', output, '--markdown', join(output, 'r.md'))).code).toBe(0)
  })
})

describe('ml-gate run --candidate --baseline --json', () => {
  const example = join(process.cwd(), 'examples/credit')
  function configWithoutPredictions(): string {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-run-'))
    const config = join(dir, 'ml-gate.yml')
    writeFileSync(
      config,
      [
        'version: 1',
        'model: { task: binary, label: label, score: score, id: id }',
        'segments: { columns: [Job] }',
        'gates:',
        '  - { metric: recall, max_drop: 0.05, per_segment: true }',
        ''
      ].join('\n')
    )
    return config
  }

  it('gates the predictions given by flags, writing the verdict alone on stdout with --json -', async () => {
    const config = configWithoutPredictions()
    const output = join(config, '..', 'results')
    const run = await cli(
      'run',
      '--config',
      config,
      '--output',
      output,
      '--candidate',
      `${example}/predictions/candidate.csv`,
      '--baseline',
      `${example}/predictions/baseline.csv`,
      '--json',
      '-'
    )
    expect(run.code).toBe(1)
    const verdict = JSON.parse(run.stdout) as VerdictDocument
    expect([verdict.verdict, verdict.candidate, verdict.baseline, verdict.paired]).toEqual([
      'fail',
      `${example}/predictions/candidate.csv`,
      `${example}/predictions/baseline.csv`,
      true
    ])
    expect(verdict.headline).toBe(
      'recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)'
    )
    expect(readFileSync(join(output, 'verdict.json'), 'utf8')).toBe(run.stdout)
    expect(run.stderr.split('\n')[0]).toBe(
      `ml-gate [1/3] evaluating ${example}/predictions/candidate.csv and ${example}/predictions/baseline.csv`
    )
  })

  it('without predictions in the config or by flag: exit 2 at the model line, before any data is read', async () => {
    const config = configWithoutPredictions()
    const run = await cli('run', '--config', config)
    expect([run.code, run.stdout]).toEqual([2, ''])
    expect(run.stderr).toBe(
      `ml-gate: ${config}:2:1: model: no candidate to gate: the config's model has no \`predictions\`, and none was given; ` +
        'add `predictions: FILE` to the model section, or pass --candidate FILE (ml-gate gate, ml-gate run) ' +
        "or the actions' candidate input\n"
    )
  })

  it('--json or --candidate without a model section to gate is bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-run-'))
    const config = join(dir, 'ml-gate.yml')
    writeFileSync(
      config,
      `version: 1\ndata:\n  - { path: ${example}/data/incoming.csv, reference: ${example}/data/train.csv }\n`
    )
    const run = await cli('run', '--config', config, '--json', '-')
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `ml-gate: ml-gate run: --json writes the verdict, but ${config} has no \`model\` section to gate\n`
    )
    const candidate = await cli('run', '--config', config, '--candidate', 'c.csv')
    expect(candidate.code).toBe(2)
    expect(candidate.stderr).toBe(
      `ml-gate: ${config}:1:1: a candidate or baseline was given, but the config has no \`model\` section ` +
        'to evaluate it with: add one naming the task and label\n'
    )
  })
})

describe('ml-gate run on the credit example', () => {
  it('data[].drift.correction corrects the drift tests across the columns (holm by default)', async () => {
    const example = join(process.cwd(), 'examples/credit')
    const validate = async (drift: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'ml-gate-run-'))
      const config = join(dir, 'ml-gate.yml')
      const data = `path: ${example}/data/incoming.csv, contract: ${example}/contracts/credit.yml, reference: ${example}/data/train.csv`
      writeFileSync(config, ['version: 1', 'data:', `  - { ${data}${drift} }`, ''].join('\n'))
      expect((await cli('run', '--config', config, '--output', join(dir, 'out'))).code).toBe(1)
      const document = JSON.parse(readFileSync(join(dir, 'out', 'validation-incoming.json'), 'utf8')) as {
        drift: {
          column: string
          p_value: number | null
          adjusted_p_value: number | null
          drifted: boolean | null
        }[]
      }
      return document.drift.find((d) => d.column === 'Records')!
    }
    // 13 columns are tested (ks, chi2; Home takes Jensen–Shannon): Records' chi-square p is
    // multiplied by 11 at its Holm rank 3 and still drifts, as uncorrected.
    const holm = await validate('')
    expect(holm.adjusted_p_value! / holm.p_value!).toBeCloseTo(11, 12)
    expect(holm.drifted).toBe(true)
    const none = await validate(', drift: { correction: none }')
    expect(none.adjusted_p_value).toBe(none.p_value)
    expect(none.drifted).toBe(true)
  })

  it('writes every result document and the report, and fails on the data; the blend wins, the candidate fails Job=partime', async () => {
    const output = mkdtempSync(join(tmpdir(), 'ml-gate-run-'))
    const run = await cli('run', '--config', CONFIG, '--output', output)
    expect(run.code).toBe(1)
    expect(readdirSync(output).sort()).toEqual([
      'evaluation-baseline.json',
      'evaluation-candidate-candidate-blend.json',
      'evaluation-candidate-candidate.json',
      'report.md',
      'validation-incoming.json',
      'verdict.json'
    ])
    const verdict = JSON.parse(readFileSync(join(output, 'verdict.json'), 'utf8')) as VerdictDocument
    expect([verdict.verdict, verdict.winner]).toEqual(['warn', 'candidate-blend'])
    expect(verdict.paired).toBe(true)
    const [candidate, blend] = verdict.candidates!
    expect(candidate.verdict).toBe('fail')
    expect(candidate.results.filter((r) => r.status === 'fail').map((r) => [r.metric, r.segment])).toEqual([
      ['recall', 'Job=partime']
    ])
    expect(blend.results.filter((r) => r.status === 'fail')).toEqual([])
    expect(verdict.results).toEqual(blend.results)
    expect(verdict.results.find((r) => r.metric === 'roc_auc')).toMatchObject({
      segment: 'all',
      status: 'pass'
    })
    expect(run.stdout).toContain(
      'WARN: candidate-blend wins on roc_auc for all (0.844, the only one ranked; 1 fails); ' +
        'positive_rate across Job: ratio lowest/highest 0.177, below min_ratio 0.5'
    )
    expect(run.stdout).toContain('FAILED: 3 failing checks, 0 warnings, 41 passed, 3 drifted columns')
    expect(run.stdout.split('\n').at(-2)).toBe(
      'ml-gate: fail — data validation failed for examples/credit/data/incoming.csv (3 failing checks, 3 drifted columns); ' +
        'the gates: candidate-blend wins on roc_auc for all (0.844, the only one ranked; 1 fails); ' +
        'positive_rate across Job: ratio lowest/highest 0.177, below min_ratio 0.5'
    )
    // Not a terminal: one plain line per step, for CI logs.
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'ml-gate [1/4] validating examples/credit/data/incoming.csv',
      'ml-gate [2/4] evaluating examples/credit/predictions/candidate.csv, examples/credit/predictions/candidate-blend.csv ' +
        'and examples/credit/predictions/baseline.csv',
      'ml-gate [3/4] gating 2 candidates against the thresholds and the baseline',
      'ml-gate [4/4] writing the verdict'
    ])
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
