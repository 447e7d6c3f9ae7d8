/**
 * Several named candidates (issue 19), built from the credit baseline (test/datasets/credit) with a
 * seeded generator: `noisy` adds noise only, `better` moves every score toward its label, and
 * `collapse` is `better` except that it halves the scores of the part-time workers who repay, so
 * their recall collapses. The better one must win, the collapsing one fail on Job=partime, the
 * noisy one pass without winning.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfig, type LoadedConfig } from '../../src/config/load.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { readVerdictDocument } from '../../src/gates/verdict-file.js'
import { gateStep, runGate } from '../../src/steps/gate.js'
import { DATASETS, readCsv } from '../support/datasets.js'
import { seededRandom } from '../support/metric-fixtures.js'
import { TODAY } from './fixtures.js'

const BASELINE = join(DATASETS, 'credit/predictions/baseline.csv')
const csv = readCsv(BASELINE)
const SCORE = csv.header.indexOf('score')
const LABEL = csv.header.indexOf('label')
const JOB = csv.header.indexOf('Job')

let dir: string

/** A standard normal draw (Box–Muller) from `random`. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/** The baseline's rows with each score replaced by `score(old, row, random)`, clipped to (0, 1). */
function writeCandidate(
  name: string,
  seed: number,
  score: (old: number, row: readonly string[], random: () => number) => number
): string {
  const random = seededRandom(seed)
  const lines = csv.rows.map((row) => {
    const out = [...row]
    const value = Math.min(0.9999, Math.max(0.0001, score(Number(row[SCORE]), row, random)))
    out[SCORE] = value.toFixed(6)
    return out.join(',')
  })
  const file = join(dir, `${name}.csv`)
  writeFileSync(file, [csv.header.join(','), ...lines].join('\n') + '\n')
  return file
}

const noise = (sd: number) => (old: number, _row: readonly string[], random: () => number) =>
  old + sd * normal(random)
const better = (old: number, row: readonly string[], random: () => number) =>
  old + 0.1 * (row[LABEL] === '1' ? 1 : -1) + 0.02 * normal(random)
const collapse = (old: number, row: readonly string[], random: () => number) =>
  row[JOB] === 'partime' && row[LABEL] === '1' ? old / 2 : better(old, row, random)

function config(select: string, candidates: readonly string[]): LoadedConfig {
  return parseConfig(
    [
      'version: 1',
      'model:',
      '  task: binary',
      `  baseline: ${BASELINE}`,
      '  label: label',
      '  score: score',
      '  id: id',
      '  candidates:',
      ...candidates.map((name) => `    - { name: ${name}, predictions: ${join(dir, `${name}.csv`)} }`),
      'segments: { columns: [Job], min_support: 30 }',
      'evaluation: { bootstrap: 200 }',
      'gates:',
      '  - { metric: roc_auc, min: 0.75 }',
      '  - { metric: recall, max_drop: 0.05, per_segment: Job, mode: significant }',
      select
    ].join('\n') + '\n',
    join(dir, 'ml-gate.yml')
  )
}

const gate = async (loaded: LoadedConfig): Promise<VerdictDocument> =>
  (await runGate({ config: loaded, now: TODAY })).verdict

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ml-gate-candidates-'))
  writeCandidate('noisy', 1, noise(0.02))
  writeCandidate('better', 2, better)
  writeCandidate('collapse', 3, collapse)
  writeCandidate('noisy2', 4, noise(0.02))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('three candidates against the credit baseline', () => {
  let verdict: VerdictDocument
  beforeAll(async () => {
    verdict = await gate(config('select: { metric: roc_auc }', ['noisy', 'better', 'collapse']))
  })

  it('the better one wins; the collapsing one fails on Job=partime; the noisy one passes, rank 2', () => {
    const byName = Object.fromEntries(verdict.candidates!.map((c) => [c.name, c]))
    expect(verdict.winner).toBe('better')
    expect(verdict.verdict).toBe('pass')
    expect(byName.better).toMatchObject({ verdict: 'pass', rank: 1 })
    expect(byName.noisy).toMatchObject({ verdict: 'pass', rank: 2 })
    expect(byName.collapse).toMatchObject({ verdict: 'fail', rank: null })
    const failed = byName.collapse.results.filter((r) => r.status === 'fail').map((r) => r.segment)
    expect(failed).toEqual(['Job=partime'])
    // Better overall: its ROC AUC beats the noisy one's, though it fails.
    expect(byName.collapse.select_value!).toBeGreaterThan(byName.noisy.select_value!)
    expect(byName.better.select_value!).toBeGreaterThan(byName.collapse.select_value!)
    expect(verdict.selection).toMatchObject({
      metric: 'roc_auc',
      segment: 'all',
      mode: 'point',
      higher_is_better: true,
      tie: false
    })
  })

  it('describes the winner at the top level, and says who wins and why', () => {
    expect(verdict.candidate).toBe(join(dir, 'better.csv'))
    expect(verdict.results).toEqual(verdict.candidates![1].results)
    const value = verdict.candidates![1].select_value!
    expect(verdict.headline).toBe(
      `better wins on roc_auc for all (${value.toPrecision(3)}, best of 2 ranked; 1 fails); ` +
        'pass: all 5 judged results passed (1 insufficient)'
    )
    expect(verdict.selection!.reason).toBe(
      `better leads on roc_auc for all (higher is better) with ${value.toPrecision(3)}, ahead of noisy ` +
        `(${verdict.candidates![0].select_value!.toPrecision(3)}) (point values)`
    )
  })

  it('judges each significant rule in one Holm family over every candidate × segment, and says so', () => {
    // recall on all and the 4 Job segments (others has 27 positives: insufficient), for 3 candidates.
    const judged = verdict.candidates!.flatMap((c) =>
      c.results.filter((r) => r.rule === 'max_drop' && r.family !== null)
    )
    expect(judged).toHaveLength(12)
    for (const r of judged) {
      expect(r.family).toBe(12)
      expect(r.reason).toContain('(Holm over 12 segments of recall max_drop across 3 candidates)')
    }
  })
})

describe('significant selection', () => {
  it('declares better over noisy: the Holm interval of the advantage lies above 0, paired on the ids', async () => {
    const verdict = await gate(config('select: { metric: roc_auc, mode: significant }', ['noisy', 'better']))
    expect(verdict.winner).toBe('better')
    expect(verdict.selection!.tie).toBe(false)
    expect(verdict.selection!.reason).toMatch(
      /^better leads on roc_auc for all \(higher is better\) with 0\.\d{3}; advantage over noisy \+0\.\d+, 95% paired bootstrap \(on the 1825 ids of all\) interval \[0\.\d+, 0\.\d+\] lies wholly above 0: better \(Holm over 1 comparison at family-wise 95%\)$/
    )
  })

  it('without model.id compares unpaired, and says so rather than claim pairing', async () => {
    const loaded = config('select: { metric: roc_auc, mode: significant }', ['noisy', 'better'])
    expect(loaded.config.model!.id).toBe('id')
    // The same config with `model.id` left out.
    const { id: _id, ...model } = loaded.config.model!
    const unpaired = { ...loaded, config: { ...loaded.config, model } }
    const verdict = (await runGate({ config: unpaired, now: TODAY })).verdict
    expect(verdict.winner).toBe('better')
    expect(verdict.selection!.reason).toContain('95% unpaired normal interval')
    expect(verdict.selection!.reason).not.toContain('paired bootstrap')
  })

  it('declares a tie between two noise-only candidates, the leader by point value still the winner', async () => {
    const verdict = await gate(config('select: { metric: roc_auc, mode: significant }', ['noisy', 'noisy2']))
    const [a, b] = verdict.candidates!
    const leader = a.select_value! >= b.select_value! ? a : b
    expect(verdict.winner).toBe(leader.name)
    expect(leader.rank).toBe(1)
    expect(verdict.selection!.tie).toBe(true)
    expect(verdict.selection!.reason).toContain('includes 0 or less: a tie')
    expect(verdict.headline).toMatch(new RegExp(`^${leader.name} wins \\(tie\\) on roc_auc for all`))
  })

  it('no candidate passes: no winner, verdict fail, and the headline names each failure', async () => {
    const verdict = await gate(config('', ['collapse']))
    expect(verdict.winner).toBeNull()
    expect(verdict.verdict).toBe('fail')
    expect(verdict.candidates![0].rank).toBeNull()
    expect(verdict.headline).toMatch(/^no candidate passes: collapse: recall for Job=partime fell 0\.798 → /)
    expect(verdict.selection!.reason).toBe('no candidate passes or warns: no winner')
  })
})

describe('the files of named candidates', () => {
  it('writes evaluation-candidate-<name>.json for each, the baseline and the verdict, no evaluation-candidate.json', async () => {
    const results = join(dir, 'results')
    // Candidate paths relative to the config's folder, as a user writes them.
    const text = [
      'version: 1',
      'model:',
      '  { task: binary, baseline: ' + BASELINE + ', label: label, score: score, id: id,',
      `    candidates: [{ name: noisy, predictions: noisy.csv }, { name: better, predictions: better.csv }] }`,
      'evaluation: { bootstrap: 200 }',
      'gates: [{ metric: roc_auc, min: 0.75 }]'
    ].join('\n')
    writeFileSync(join(dir, 'ml-gate.yml'), text + '\n')
    const step = await gateStep({ config: join(dir, 'ml-gate.yml'), now: TODAY, results })
    expect(step.verdict.winner).toBe('better')
    expect(readdirSync(results).sort()).toEqual([
      'evaluation-baseline.json',
      'evaluation-candidate-better.json',
      'evaluation-candidate-noisy.json',
      'verdict.json'
    ])
    // The verdict with candidates, winner and selection is valid against schemas/verdict.schema.json.
    const read = await readVerdictDocument(join(results, 'verdict.json'))
    expect(read.document.candidates!.map((c) => [c.name, c.rank])).toEqual([
      ['noisy', 2],
      ['better', 1]
    ])
    expect(step.written.candidate).toBeNull()
    expect(step.written.candidates.map((c) => c.name)).toEqual(['noisy', 'better'])
  })

  it('compares each candidate with the baseline on its own shared ids, as it would be alone', async () => {
    // `subset` lacks the first 300 rows: its changes are read on the baseline's other 1525.
    const [header, ...lines] = readFileSync(join(dir, 'noisy.csv'), 'utf8').trimEnd().split('\n')
    writeFileSync(join(dir, 'subset.csv'), [header, ...lines.slice(300)].join('\n') + '\n')
    const loaded = config('select: { metric: roc_auc }', ['noisy', 'subset'])
    const named = (await runGate({ config: loaded, now: TODAY })).verdict
    const alone = (await runGate({ config: loaded, candidate: join(dir, 'subset.csv'), now: TODAY })).verdict
    const [noisy, subset] = named.candidates!
    const changes = (results: VerdictDocument['results']) =>
      results.filter((r) => r.rule === 'max_drop').map((r) => [r.segment, r.baseline, r.change])
    expect(subset.pairing.matched).toBe(csv.rows.length - 300)
    expect(changes(subset.results)).toEqual(changes(alone.results))
    // Not the baseline as paired with `noisy` (all of its rows), which a shared baseline would give.
    const baselines = (results: VerdictDocument['results']) =>
      results.filter((r) => r.rule === 'max_drop').map((r) => r.baseline)
    expect(baselines(subset.results)).not.toEqual(baselines(noisy.results))
  })

  it('--candidate FILE keeps one unnamed candidate: no candidates, winner or selection', async () => {
    const loaded = config('', ['noisy'])
    const run = await runGate({ config: loaded, candidate: join(dir, 'noisy.csv'), now: TODAY })
    expect(run.candidates).toBeNull()
    expect(Object.keys(run.verdict)).not.toContain('candidates')
    expect(Object.keys(run.verdict)).not.toContain('winner')
  })
})

/** P(X ≥ k) for X ~ Binomial(n, p). */
function binomialTail(n: number, p: number, k: number): number {
  let term = (1 - p) ** n // P(X = 0)
  let below = 0
  for (let i = 0; i < k; i++) {
    below += term
    term *= ((n - i) / (i + 1)) * (p / (1 - p))
  }
  return 1 - below
}

describe('A/A: noise-only candidates against a noise-only baseline', () => {
  // 16 seeds × 5 candidates, each a copy of the credit baseline plus independent N(0, 0.03) noise
  // on the score, against a baseline made the same way: the rows (with their noise) are
  // exchangeable, so every true drop is 0 and a `max_drop: 0` significant gate on ROC AUC sits on
  // its null. Each seed's family is the 5 candidates' paired tests, Holm at family-wise α = 0.05;
  // a seed with any failure is a family-wise error. At the nominal rate, P(Binomial(16, 0.05) ≥ 5)
  // ≈ 0.007; uncorrected (5 tests at 0.05 each, family-wise ≈ 0.23) the expected count would be
  // 3.7, reaching 5 in about a third of the runs. Observed with these seeds: 1 of 16.
  const SEEDS = 16
  const CANDIDATES = 5
  const BOUND = 5

  it(`errs in fewer than ${BOUND} of ${SEEDS} seeds (P(Binomial(${SEEDS}, 0.05) ≥ ${BOUND}) < 0.01)`, async () => {
    expect(binomialTail(SEEDS, 0.05, BOUND)).toBeLessThan(0.01)
    const text = (candidates: readonly string[], baseline: string) =>
      [
        'version: 1',
        'model:',
        `  { task: binary, baseline: ${baseline}, label: label, score: score, id: id,`,
        `    candidates: [${candidates.map((c, i) => `{ name: c${i}, predictions: ${c} }`).join(', ')}] }`,
        'evaluation: { bootstrap: 100 }',
        'gates: [{ metric: roc_auc, max_drop: 0, mode: significant }]'
      ].join('\n') + '\n'
    let errors = 0
    const families = new Set<number | null>()
    for (let seed = 0; seed < SEEDS; seed++) {
      const baseline = writeCandidate(`aa-base`, 1000 + seed, noise(0.03))
      const candidates = Array.from({ length: CANDIDATES }, (_, i) =>
        writeCandidate(`aa-${i}`, 2000 + seed * CANDIDATES + i, noise(0.03))
      )
      const verdict = await gate(parseConfig(text(candidates, baseline), join(dir, 'aa.yml')))
      const results = verdict.candidates!.flatMap((c) => c.results)
      for (const r of results) families.add(r.family)
      if (results.some((r) => r.status === 'fail')) errors++
    }
    expect([...families]).toEqual([CANDIDATES])
    expect(errors).toBeLessThan(BOUND)
  })
})
