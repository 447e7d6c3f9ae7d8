/**
 * The credit story (test/datasets/README.md): the candidate is better overall (ROC AUC
 * 0.8302 -> 0.8341) but its recall for Job=partime (178 rows) collapses 0.798 -> 0.500. The gates
 * of issue 5 must fail it there, in point and in significant mode, while ROC AUC passes.
 * Expected values are scikit-learn's, from test/datasets/credit/oracle.json.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { loadConfig, parseConfig, type LoadedConfig } from '../../src/config/load.js'
import { configuredBaselineFile } from '../../src/config/baseline.js'
import { runGate } from '../../src/steps/gate.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { evaluatePredictions, type Evaluation } from '../../src/evaluation/evaluate.js'
import { evaluateSettingsFromConfig } from '../../src/config/evaluate-settings.js'
import { renderVerdictText } from '../../src/report/verdict-text.js'
import { resultFor, TODAY } from './fixtures.js'

const CONFIG = 'test/fixtures/gates/credit.yml'
// oracle.json, key Job=partime: recall of the baseline and the candidate
const PARTIME_BASELINE = 0.7980769230769231
const PARTIME_CANDIDATE = 0.5
// oracle.json, key all: roc_auc of the candidate and the baseline
const AUC_CANDIDATE = 0.8341110205291633
const AUC_BASELINE = 0.8301963981323649

let significantConfig: LoadedConfig
let candidate: Evaluation
let baseline: Evaluation

/** The fixture config with the recall gate in `point` mode. */
function pointConfig(): LoadedConfig {
  const text = readFileSync(CONFIG, 'utf8').replace('mode: significant', 'mode: point')
  return parseConfig(text, CONFIG)
}

async function verdictOf(loaded: LoadedConfig): Promise<VerdictDocument> {
  return (await runGate({ config: loaded, candidate, baseline, now: TODAY })).verdict
}

beforeAll(async () => {
  significantConfig = await loadConfig(CONFIG)
  const settings = evaluateSettingsFromConfig(significantConfig.config)
  candidate = await evaluatePredictions(significantConfig.config.model!.predictions!, settings)
  baseline = await evaluatePredictions(configuredBaselineFile(significantConfig.config.model)!, settings)
})

describe('the credit story', () => {
  it('point mode: fails recall for Job=partime, 0.798 → 0.5; overall ROC AUC passes min 0.75', async () => {
    const verdict = await verdictOf(pointConfig())
    expect(verdict.verdict).toBe('fail')
    expect(verdict.headline).toBe(
      'recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)'
    )
    const partime = resultFor(verdict, 'Job=partime', 'max_drop')
    expect(partime.status).toBe('fail')
    expect(partime.n).toBe(178)
    expect(partime.candidate).toBeCloseTo(PARTIME_CANDIDATE, 12)
    expect(partime.baseline).toBeCloseTo(PARTIME_BASELINE, 12)
    expect(partime.change).toBeCloseTo(PARTIME_CANDIDATE - PARTIME_BASELINE, 12)
    expect(partime.reason).toBe(
      'recall for Job=partime (n = 178): change = candidate − baseline = 0.500 − 0.798 = −0.298; ' +
        'drop = −change = 0.298 (higher is better); 0.298 > max_drop 0.05 → fail'
    )
    const auc = resultFor(verdict, 'all', 'min')
    expect(auc.status).toBe('pass')
    expect(auc.candidate).toBeCloseTo(AUC_CANDIDATE, 12)
    expect(auc.baseline).toBeCloseTo(AUC_BASELINE, 12)
    // Overall recall also drops 0.4796 -> 0.4252 (0.0544 > 0.05): a point-mode failure too, ranked second.
    expect(resultFor(verdict, 'all', 'max_drop').status).toBe('fail')
    expect(verdict.paired).toBe(true)
    expect(verdict.notes).toEqual([])
  })

  it('significant mode: still fails Job=partime (paired, Holm-corrected); overall recall is inconclusive', async () => {
    const verdict = await verdictOf(significantConfig)
    expect(verdict.verdict).toBe('fail')
    expect(verdict.headline).toBe(
      'recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)'
    )
    const partime = resultFor(verdict, 'Job=partime', 'max_drop')
    expect(partime.status).toBe('fail')
    // 15 segments judged (Home=ignore 12 rows, Home= 1 row, Marital=divorced 20 rows; and by recall's
    // own support, the positives: Marital=widow 14, Job=others 27, Age=[60,100) 11 are insufficient);
    // Job=partime (104 positives) has the smallest p-value: Bonferroni's level.
    expect([partime.support, partime.baseline_support]).toEqual([104, 104])
    expect(partime.confidence).toBeCloseTo(1 - 0.05 / 15, 15)
    expect(partime.ci![0]).toBeGreaterThan(0.05)
    expect(partime.reason).toMatch(
      /; 99\.67% paired bootstrap interval of the drop \[\S+, \S+\] lies wholly above max_drop 0\.05 → fail; p = \S+ \(H0: drop = 0\.05\), Holm-adjusted p = \S+ \(Holm over 15 segments of recall max_drop\)$/
    )
    expect(partime.adjusted_p_value).toBeLessThan(0.05)
    expect(partime).toMatchObject({ correction: 'holm', family: 15 })
    const overall = resultFor(verdict, 'all', 'max_drop')
    expect(overall.status).toBe('warn')
    // Holm stopped at rank 2, so every later rank keeps α/14: z′ = z(1 − 0.05/14/2) (scipy), and
    // the MDE is read off the result's own interval: se = width / (2·z′), mde = (z′ + z(0.8))·se.
    expect(overall.confidence).toBeCloseTo(1 - 0.05 / 14, 15)
    const zPrime = 2.9137263183343394
    const se = (overall.ci![1] - overall.ci![0]) / (2 * zPrime)
    expect(overall.mde).toBeCloseTo((zPrime + 0.8416212335729143) * se, 9)
    expect(overall.power_at_bound).toBeGreaterThan(0.4)
    // Of the 14 inconclusive segments, 11 could not detect a drop twice the bound: too small to judge.
    const warns = verdict.results.filter((r) => r.rule === 'max_drop' && r.status === 'warn')
    expect(warns).toHaveLength(14)
    expect(warns.filter((r) => r.detectable === false).map((r) => r.segment)).toEqual([
      'Home=other',
      'Home=owner',
      'Home=parents',
      'Home=priv',
      'Home=rent',
      'Marital=separated',
      'Marital=single',
      'Job=freelance',
      'Age=[18,30)',
      'Age=[30,45)',
      'Age=[45,60)'
    ])
    expect(overall.reason).toMatch(
      /; this segment can only detect drops larger than \d\.\d+ \(80% power\); the bound is 0\.05$/
    )
    expect(overall.reason).toContain(`larger than ${overall.mde!.toPrecision(3)} (80% power)`)
    expect(resultFor(verdict, 'all', 'min').status).toBe('pass')
    expect(
      ['Home=ignore', 'Home=', 'Marital=divorced'].map((key) => resultFor(verdict, key, 'max_drop').status)
    ).toEqual(['insufficient', 'insufficient', 'insufficient'])
    // 60 loans and 11 defaults are no evidence about recall.
    expect(resultFor(verdict, 'Age=[60,100)', 'max_drop')).toMatchObject({
      status: 'insufficient',
      n: 61,
      support: 11,
      reason: 'recall for Age=[60,100): 11 positives (of 61 rows), fewer than min_support 30: not judged'
    })
    // positive_rate across Job (severity warn): Job=fixed / Job=partime, from oracle.json
    const disparity = resultFor(verdict, 'Job', 'min_ratio')
    expect(disparity.status).toBe('warn')
    expect(disparity.candidate).toBeCloseTo(0.09461805555555555 / 0.4157303370786517, 12)
  })

  it('the terminal output tells the story in its first lines', async () => {
    const text = renderVerdictText(await verdictOf(significantConfig))
    const lines = text.split('\n')
    expect(lines.slice(0, 8)).toEqual([
      'FAIL: recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)',
      'candidate test/datasets/credit/predictions/candidate.csv vs baseline test/datasets/credit/predictions/baseline.csv (paired by id on all 1825 rows)',
      '',
      'Gates:',
      '  roc_auc min 0.75             1 pass (all 0.834)',
      '  recall max_drop 0.05         1 fail, 14 warn, 6 insufficient',
      '  positive_rate min_ratio 0.8  1 warn (Job 0.228)',
      ''
    ])
    expect(lines[10]).toMatch(/^FAIL {4}recall max_drop 0\.05 +Job=partime +0\.500 +0\.798 +−0\.298 +\[/)
    expect(text).toContain('… and 10 more warnings: every result is in the JSON (--json)')
    expect(lines.at(-2)).toBe('Results: 1 pass, 1 fail, 15 warn, 6 insufficient')
  })
})
