import { describe, expect, it } from '@jest/globals'
import { loadConfig, parseConfig } from '../../src/config/load.js'
import type { Config } from '../../src/config/types.js'
import { UserInputError } from '../../src/errors.js'

const FIXTURES = 'test/fixtures/config'

/** The formatted `UserInputError` that `load` rejects with. */
async function loadError(load: () => Promise<unknown>): Promise<string> {
  const error = await load().then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(UserInputError)
  return (error as UserInputError).format()
}

describe('loadConfig', () => {
  it('loads every key of a full config, with relative paths joined to the config directory', async () => {
    const dir = `${FIXTURES}/full`
    const loaded = await loadConfig(`${dir}/ml-gate.yml`)
    const expected: Config = {
      version: 1,
      data: [
        {
          path: `${dir}/data/incoming.csv`,
          contract: `${dir}/contracts/credit.yml`,
          reference: `${dir}/data/train.csv`,
          format: 'csv',
          delimiter: ';',
          missing: ['', 'NA', '-999'],
          drift: { method: 'ks', threshold: 0.1, correction: 'bh' },
          fail_on: 'warn'
        },
        // Absolute paths are kept; defaults fill what is left out.
        {
          path: '/abs/batches/*.parquet',
          drift: { method: 'auto', threshold: 0.2, correction: 'holm' },
          fail_on: 'error'
        }
      ],
      model: {
        task: 'binary',
        predictions: `${dir}/preds/candidate.csv`,
        baseline: `${FIXTURES}/common/baseline.csv`,
        label: 'label',
        score: 'score',
        score_prefix: 'proba_',
        prediction: 'prediction',
        positive: 'yes',
        threshold: 0.4,
        weight: 'w',
        id: 'id'
      },
      segments: {
        columns: ['Home', 'Marital', 'Job'],
        bins: { Age: [18, 30, 45, 60, 100] },
        cross: [['Home', 'Job']],
        min_support: 50
      },
      evaluation: { confidence: 0.9, bootstrap: 2000, seed: 7 },
      gates: [
        {
          metric: 'roc_auc',
          name: 'AUC floor',
          min: 0.75,
          max: 0.99,
          per_segment: false,
          mode: 'significant',
          correction: 'none',
          severity: 'warn',
          on_missing: 'skip'
        },
        {
          metric: 'recall',
          max_drop: 0.05,
          max_relative_drop: 0.1,
          per_segment: true,
          mode: 'point',
          correction: 'holm',
          severity: 'fail',
          on_missing: 'fail'
        },
        {
          metric: 'precision',
          min: 0.5,
          per_segment: ['Home=rent', 'Job=skilled'],
          mode: 'point',
          correction: 'holm',
          severity: 'fail',
          on_missing: 'fail'
        },
        {
          metric: 'positive_rate',
          across: 'Job',
          min_ratio: 0.8,
          max_gap: 0.15,
          per_segment: false,
          mode: 'point',
          correction: 'holm',
          severity: 'fail',
          on_missing: 'fail'
        }
      ],
      on_missing_baseline: 'fail',
      on_no_evidence: 'fail',
      waivers: [
        // YAML 1.2 reads 2027-01-31 as a string: it stays one.
        {
          metric: 'recall',
          segment: 'Home=other',
          reason: '20 rows, tracked in #123',
          expires: '2027-01-31'
        },
        { segment: 'Job=unemployed', reason: 'too few rows' }
      ],
      report: { comment_key: 'credit', check_name: 'ml-gate / credit', output: `${dir}/out/results` }
    }
    expect(loaded.config).toStrictEqual(expected)
    expect(loaded.file).toBe(`${dir}/ml-gate.yml`)
    expect(loaded.dir).toBe(dir)
  })

  it('applies every default to a minimal config', async () => {
    const file = `${FIXTURES}/minimal/ml-gate.yml`
    const loaded = await loadConfig(file)
    const expected: Config = {
      version: 1,
      data: [],
      evaluation: { confidence: 0.95, bootstrap: 1000, seed: 42 },
      gates: [],
      on_missing_baseline: 'skip',
      on_no_evidence: 'fail',
      waivers: [],
      report: { comment_key: file, output: `${FIXTURES}/minimal/ml-gate-results` }
    }
    expect(loaded.config).toStrictEqual(expected)
  })

  it('applies the defaults of the model and segments sections', () => {
    const { config } = parseConfig(
      'version: 1\nmodel: { task: multiclass, predictions: p.csv, label: y }\nsegments: { columns: [a] }\n',
      'ml-gate.yml'
    )
    expect(config.model).toStrictEqual({
      task: 'multiclass',
      predictions: 'p.csv',
      label: 'y',
      score_prefix: 'score_',
      positive: 1,
      threshold: 0.5
    })
    expect(config.segments).toStrictEqual({ columns: ['a'], bins: {}, cross: [], min_support: 30 })
  })

  it('reports a typo at its line and column in the file', async () => {
    expect(await loadError(() => loadConfig(`${FIXTURES}/typo.yml`))).toBe(
      `${FIXTURES}/typo.yml:9:3: segments: unknown key 'min_suport' (did you mean 'min_support'?); ` +
        'allowed keys: columns, bins, cross, min_support'
    )
  })

  it('rejects an empty file', async () => {
    expect(await loadError(() => loadConfig(`${FIXTURES}/empty.yml`))).toBe(
      `${FIXTURES}/empty.yml:1:1: empty config: expected at least \`version: 1\``
    )
  })

  it('rejects a file with only comments as empty', () => {
    expect(() => parseConfig('# version: 1\n\n', 'ml-gate.yml')).toThrow(
      'empty config: expected at least `version: 1`'
    )
  })

  it('rejects a missing file and a directory', async () => {
    expect(await loadError(() => loadConfig(`${FIXTURES}/nope.yml`))).toBe(
      `${FIXTURES}/nope.yml: file not found`
    )
    expect(await loadError(() => loadConfig(`${FIXTURES}/full`))).toBe(
      `${FIXTURES}/full: expected a file, found a directory`
    )
  })

  it('locates paths of the config as written, for errors found later', async () => {
    const loaded = await loadConfig(`${FIXTURES}/full/ml-gate.yml`)
    const file = `${FIXTURES}/full/ml-gate.yml`
    expect(loaded.locate(['gates', 2, 'metric'])).toStrictEqual({ file, line: 48, column: 13 })
    expect(loaded.locate(['gates', 2, 'metric'], 'key')).toStrictEqual({ file, line: 48, column: 5 })
    expect(loaded.locate(['gates', 3, 'per_segment'])).toStrictEqual({ file, line: 51, column: 5 })
    expect(loaded.locate(['segments', 'bins', 'Age', 2])).toStrictEqual({ file, line: 28, column: 25 })
  })
})
