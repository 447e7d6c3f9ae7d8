/**
 * End to end: the real readers, segmentation and accumulators, through `evaluatePredictions`,
 * against every number scikit-learn computed in ../shared/datasets/<name>/oracle.json.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluatePredictions, evaluationDocument, type EvaluateSettings } from '../../src/metrics/evaluate.js'
import { closeTo, DATASETS, readOracle } from '../support/datasets.js'

const common = { minSupport: 30, confidence: 0.95, bootstrap: { replicates: 200, seed: 42 } }
const model = { score_prefix: 'score_', positive: 1, threshold: 0.5 } as const

const CASES: [string, string, EvaluateSettings][] = [
  ...(['baseline', 'candidate'] as const).map((name): [string, string, EvaluateSettings] => [
    'credit',
    name,
    {
      ...common,
      model: { ...model, task: 'binary', label: 'label', score: 'score', id: 'id' },
      segments: { columns: ['Home', 'Marital', 'Job'], bins: { Age: [18, 30, 45, 60, 100] }, cross: [] }
    }
  ]),
  [
    'penguins',
    'candidate',
    {
      ...common,
      model: { ...model, task: 'multiclass', label: 'label', prediction: 'prediction', id: 'id' },
      segments: { columns: ['island', 'sex'], bins: {}, cross: [] }
    }
  ],
  [
    'sacramento',
    'candidate',
    {
      ...common,
      model: { ...model, task: 'regression', label: 'label', prediction: 'prediction', id: 'id' },
      segments: { columns: ['type', 'beds'], bins: {}, cross: [] }
    }
  ]
]

describe.each(CASES)('%s %s predictions', (dataset, name, settings) => {
  it('equal scikit-learn for every metric of every segment (1e-9)', async () => {
    const oracle = readOracle(dataset).metrics[name]
    const evaluation = await evaluatePredictions(`${DATASETS}/${dataset}/predictions/${name}.csv`, settings)
    const document = evaluationDocument(evaluation)
    expect(document.segments.map((s) => s.key).sort()).toEqual(oracle.map((s) => s.key).sort())
    let checked = 0
    for (const expected of oracle) {
      const segment = document.segments.find((s) => s.key === expected.key)!
      expect(segment.n).toBe(expected.n)
      for (const [metric, value] of Object.entries(expected)) {
        if (metric === 'key' || metric === 'n' || metric === 'positives') continue
        const actual = segment.metrics[metric]
        if (value === null) {
          expect([expected.key, metric, actual.value]).toEqual([expected.key, metric, null])
          expect(actual.reason).toBeTruthy()
        } else {
          const ok = actual.value !== null && closeTo(actual.value, value as number)
          if (!ok) throw new Error(`${expected.key} ${metric}: ${actual.value} != ${value}`)
        }
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('gives the same document, intervals included, whatever the block size', async () => {
    const file = `${DATASETS}/${dataset}/predictions/${name}.csv`
    const whole = evaluationDocument(await evaluatePredictions(file, settings))
    // 61 rows per block: every segment gets rows from many blocks, and the last block is partial.
    const blocked = evaluationDocument(await evaluatePredictions(file, settings, {}, 61))
    expect(JSON.stringify(blocked)).toBe(JSON.stringify(whole))
  })
})
