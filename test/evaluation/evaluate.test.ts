/**
 * End to end: the real readers, segmentation and accumulators, through `evaluatePredictions`,
 * against every number scikit-learn computed in test/datasets/<name>/oracle.json.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { UserInputError } from '../../src/errors.js'
import { evaluatePredictions, evaluationDocument } from '../../src/evaluation/evaluate.js'
import type { EvaluateSettings } from '../../src/config/evaluate-settings.js'
import { closeTo, DATASETS, readOracle } from '../support/datasets.js'
import { bundle } from '../support/dist.js'

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
    const blocked = evaluationDocument(await evaluatePredictions(file, settings, {}, { blockRows: 61 }))
    expect(JSON.stringify(blocked)).toBe(JSON.stringify(whole))
  })
})

// The bundle reads big files on a worker thread (src/evaluation/staging-thread.ts). The same
// worker, started from the built CLI (CI bundles dist/ before the tests; `bundle` fails on a stale
// one), reads these files here in blocks of 61 rows, so that the two shared blocks are filled and
// handed back many times.
const thread = (): URL => pathToFileURL(bundle('dist/cli/index.js'))

describe.each(CASES)('%s %s predictions read on a worker thread', (dataset, name, settings) => {
  it('give the same document as on the main thread', async () => {
    const file = `${DATASETS}/${dataset}/predictions/${name}.csv`
    const main = evaluationDocument(await evaluatePredictions(file, settings, {}, { thread: null }))
    const threaded = await evaluatePredictions(file, settings, {}, { blockRows: 61, thread: thread() })
    expect(JSON.stringify(evaluationDocument(threaded))).toBe(JSON.stringify(main))
  })
})

describe('a bad row read on a worker thread', () => {
  it('is the same error, at the same line, as on the main thread', async () => {
    const [settings] = CASES.map((c) => c[2])
    const lines = readFileSync(`${DATASETS}/credit/predictions/candidate.csv`, 'utf8').split('\n')
    const score = lines[0].split(',').indexOf('score')
    const fields = lines[1499].split(',')
    fields[score] = '1.5'
    lines[1499] = fields.join(',')
    const file = join(mkdtempSync(join(tmpdir(), 'ml-gate-thread-')), 'bad.csv')
    writeFileSync(file, lines.join('\n'))
    const failure = (thread: URL | null) =>
      evaluatePredictions(file, settings, {}, { blockRows: 61, thread }).then(
        () => null,
        (error: unknown) => error
      )
    const [onMain, onThread] = [await failure(null), await failure(thread())]
    expect(onThread).toBeInstanceOf(UserInputError)
    expect((onThread as UserInputError).format()).toBe(
      `${file}:1500: score 'score' must be a probability in [0, 1]; found 1.5`
    )
    expect((onThread as UserInputError).format()).toBe((onMain as UserInputError).format())
  })
})
