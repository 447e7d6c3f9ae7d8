/**
 * What a predictions file may hold (src/metrics/input-range.ts): at least one row and one positive
 * weight, weights 0 or in [1e-50, 1e50], regression values within ±1e100; anything else is bad
 * input at its line. Inside those bounds every metric is finite or null, and weights are scale-free.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import type { MetricValue } from '../../src/metrics/metric-value.js'
import { MulticlassAccumulator } from '../../src/metrics/multiclass.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { cli } from '../support/cli.js'
import { column, DATASETS, numbers, readCsv } from '../support/datasets.js'

const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-input-range-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const path = join(tmp, name)
  writeFileSync(path, text)
  return path
}

const binary = ['--task', 'binary', '--label', 'label', '--score', 'score', '--bootstrap', '100']
const weighted = [...binary, '--weight', 'w']
const regression = ['--task', 'regression', '--label', 'y', '--prediction', 'p', '--bootstrap', '100']

/** `label,score,w` rows 1, 0, 1, 0, … with weight 1, then `last` as the weight of the final row. */
function weightedCsv(last: string, rows = 4): string {
  const lines = Array.from(
    { length: rows },
    (_, i) => `${(i + 1) % 2},0.${i + 1},${i === rows - 1 ? last : 1}`
  )
  return `label,score,w\n${lines.join('\n')}\n`
}

describe('nothing to evaluate is bad input', () => {
  const noRows = 'no rows to evaluate: expected at least one row of predictions'
  const header = (): string => file('header-only.csv', 'id,label,score,w\n')
  /** A config over `predictions` (and `baseline`) with one gate. */
  const config = (name: string, predictions: string, baseline?: string): string =>
    file(
      name,
      [
        'version: 1',
        `model: { task: binary, predictions: ${predictions}, ${baseline ? `baseline: ${baseline}, ` : ''}label: label, score: score, id: id }`,
        'evaluation: { bootstrap: 100 }',
        'gates:',
        '  - { metric: recall, min: 0.5 }',
        ''
      ].join('\n')
    )
  const rows = (): string => file('two-rows.csv', 'id,label,score,w\n1,1,0.9,0\n2,0,0.2,0\n')

  it('evaluate: a header-only file', async () => {
    const path = header()
    const run = await cli('evaluate', '--predictions', path, ...binary)
    expect([run.code, run.stderr]).toEqual([2, `ml-gate: ${path}: ${noRows}\n`])
  })

  it('evaluate: every weight 0', async () => {
    const path = rows()
    const run = await cli('evaluate', '--predictions', path, ...weighted)
    expect([run.code, run.stderr]).toEqual([
      2,
      `ml-gate: ${path}: every row's weight 'w' is 0: there is nothing to evaluate; expected at least one positive weight\n`
    ])
  })

  it('gate: a header-only candidate, and a header-only baseline', async () => {
    const path = header()
    const candidate = await cli('gate', '--config', config('gate.yml', path))
    expect([candidate.code, candidate.stderr]).toEqual([2, `ml-gate: ${path}: ${noRows}\n`])
    const baseline = await cli('gate', '--config', config('gate-baseline.yml', rows(), path))
    expect([baseline.code, baseline.stderr]).toEqual([2, `ml-gate: ${path}: ${noRows}\n`])
  })

  it('run: a header-only candidate', async () => {
    const path = header()
    const run = await cli('run', '--config', config('run.yml', path), '--output', join(tmp, 'results'))
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n').slice(-2)).toEqual([`ml-gate: ${path}: ${noRows}`, ''])
  })
})

describe('weights out of range are bad input at their line', () => {
  const range = '0 or a number in [1e-50, 1e50]'
  it.each<[string, string, string]>([
    ['negative', '-1', `:5: weight 'w' must be ${range}; found -1`],
    ['negative and tiny', '-1e-300', `:5: weight 'w' must be ${range}; found -1e-300`],
    ['above 1e50', '1.0000001e50', `:5: weight 'w' must be ${range}; found 1.0000001e+50`],
    ['1e160', '1e160', `:5: weight 'w' must be ${range}; found 1e+160`],
    ['1e308', '1e308', `:5: weight 'w' must be ${range}; found 1e+308`],
    ['below 1e-50', '9.9e-51', `:5: weight 'w' must be ${range}; found 9.9e-51`],
    ['subnormal', '5e-324', `:5: weight 'w' must be ${range}; found 5e-324`],
    ['overflowing', '1e400', `:5: weight 'w' must be ${range}; found "1e400"`],
    ['infinite', 'Infinity', `:5: weight 'w' must be ${range}; found "Infinity"`],
    ['inf', '-inf', `:5: weight 'w' must be ${range}; found "-inf"`],
    ['missing', '', `:5: weight 'w' must be ${range}; found a missing value`]
  ])('%s (CSV)', async (name, weight, message) => {
    const path = file(`weight-${name.replace(/ /g, '-')}.csv`, weightedCsv(weight))
    const run = await cli('evaluate', '--predictions', path, ...weighted)
    expect([run.code, run.stderr]).toEqual([2, `ml-gate: ${path}${message}\n`])
  })

  it('every weight 1e160 is rejected at the first row', async () => {
    const path = file('all-huge.csv', 'label,score,w\n1,0.9,1e160\n0,0.1,1e160\n')
    const run = await cli('evaluate', '--predictions', path, ...weighted)
    expect([run.code, run.stderr]).toEqual([
      2,
      `ml-gate: ${path}:2: weight 'w' must be ${range}; found 1e+160\n`
    ])
  })

  it.each<[string, string, string]>([
    ['negative', '-2', `:3: weight 'w' must be ${range}; found -2`],
    ['huge', '1e308', `:3: weight 'w' must be ${range}; found 1e+308`],
    ['a string', '"3"', `:3: weight 'w' must be ${range}; found "3"`]
  ])('%s (JSON Lines)', async (name, weight, message) => {
    const path = file(
      `weight-${name.replace(/ /g, '-')}.jsonl`,
      `{"label":1,"score":0.5,"w":1}\n{"label":0,"score":0.5,"w":1}\n{"label":0,"score":0.2,"w":${weight}}\n`
    )
    const run = await cli('evaluate', '--predictions', path, ...weighted)
    expect([run.code, run.stderr]).toEqual([2, `ml-gate: ${path}${message}\n`])
  })

  it('the bounds themselves and 0 are accepted', async () => {
    const path = file('bounds.csv', 'label,score,w\n1,0.9,1e50\n0,0.2,1e-50\n1,0.4,0\n0,0.6,-0\n')
    const run = await cli('evaluate', '--predictions', path, ...weighted, '--json', '-')
    expect(run.code).toBe(0)
  })
})

describe('regression values beyond ±1e100 are bad input at their line', () => {
  const range = 'a number in [-1e100, 1e100]'
  it.each<[string, string, string]>([
    ['a label of 1e200', '1e200,1', `:4: label 'y' must be ${range}; found 1e+200`],
    ['a label of -1e200', '-1e200,1', `:4: label 'y' must be ${range}; found -1e+200`],
    ['a prediction of 1e200', '1,1e200', `:4: prediction 'p' must be ${range}; found 1e+200`],
    [
      'a prediction just above 1e100',
      '1,-1.0000001e100',
      `:4: prediction 'p' must be ${range}; found -1.0000001e+100`
    ],
    ['a text label', 'x,1', `:4: label 'y' must be ${range}; found "x"`]
  ])('%s', async (name, row, message) => {
    const path = file(`regression-${name.replace(/ /g, '-')}.csv`, `y,p\n1,2\n3,4\n${row}\n5,5\n`)
    const run = await cli('evaluate', '--predictions', path, ...regression)
    expect([run.code, run.stderr]).toEqual([2, `ml-gate: ${path}${message}\n`])
  })
})

/** Every value and interval bound of `metrics` that is neither finite nor null. */
function nonFinite(metrics: Record<string, MetricValue>): string[] {
  return Object.entries(metrics)
    .filter(
      ([, m]) =>
        (m.value !== null && !Number.isFinite(m.value)) || (m.ci !== null && !m.ci.every(Number.isFinite))
    )
    .map(([name, m]) => `${name}: ${m.value} ${JSON.stringify(m.ci)}`)
}

describe('at the bounds every metric is finite or null', () => {
  it.each([1e50, 1e-50])('binary, multiclass and regression with every weight %p', async (w) => {
    const rows = Array.from({ length: 200 }, (_, i) => i)
    const b = new BinaryAccumulator({ bootstrap: { replicates: 100, seed: 3 } })
    rows.forEach((i) => b.add(i % 2, ((i * 37) % 100) / 100, i, i % 7 === 0 ? MIN_OR(w) : w))
    const m = new MulticlassAccumulator({ classes: ['a', 'b', 'c'], bootstrap: { replicates: 100, seed: 3 } })
    rows.forEach((i) => m.add(i % 3, (i * 7) % 3, [0.5, 0.3, 0.2], i, w))
    const r = new RegressionAccumulator({ bootstrap: { replicates: 100, seed: 3 } })
    rows.forEach((i) => r.add((i % 2 ? 1 : -1) * 1e100, i % 3 ? 1e100 : -1e100, i, w))
    expect([nonFinite(b.finalize()), nonFinite(m.finalize()), nonFinite(r.finalize())]).toEqual([[], [], []])
  })
})

describe('R² of valid extremes', () => {
  const r2 = (rows: [number, number, number][]) => {
    const metrics = new RegressionAccumulator({ bootstrap: { replicates: 100, seed: 1 } })
    rows.forEach(([y, p, w], i) => metrics.add(y, p, i, w))
    return metrics.finalize().r2
  }

  // West's update lost SS_tot to cancellation (the mean jumped to y) and R² came out -Infinity.
  it('keeps SS_tot when the weights are 1e50 apart: R² ≈ 0, not -Infinity', () => {
    const value = r2([
      [-1e100, 1, 1],
      [5e-324, 1, 1e50],
      [0, 0, 1e-50]
    ])
    expect([value.value, value.ci]).toEqual([2.220446049250313e-16, [-2e50, 0]])
  })

  it('is null with the reason when SS_res / SS_tot overflows', () => {
    expect(
      r2([
        [0, 1e100, 1],
        [1e-150, 0, 1]
      ])
    ).toEqual({
      value: null,
      ci: null,
      support: 2,
      reason: 'SS_res / SS_tot exceeds 1.8e308 (y_true nearly constant); R² is not representable'
    })
  })
})

describe('property: every metric of a valid input is finite or null', () => {
  const bootstrap = { replicates: 100, seed: 5 }
  // Weights 0 or log-uniform over [1e-50, 1e50] (the bounds themselves often), values over ±1e100.
  const weight = fc.oneof(
    fc.constant(0),
    fc.constantFrom(1e-50, 1e50, 1),
    fc.double({ min: -50, max: 50, noNaN: true }).map((e) => Math.min(1e50, Math.max(1e-50, 10 ** e)))
  )
  const magnitude = fc.oneof(
    fc.constantFrom(0, 1e100, -1e100, 5e-324),
    fc
      .tuple(fc.boolean(), fc.double({ min: -320, max: 100, noNaN: true }))
      .map(([negative, e]) => (negative ? -1 : 1) * Math.min(1e100, 10 ** e))
  )
  const probability = fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0, max: 1, noNaN: true }))
  const rows = <T>(row: fc.Arbitrary<T>) => fc.array(row, { minLength: 1, maxLength: 40 })

  it('binary', () => {
    fc.assert(
      fc.property(rows(fc.tuple(fc.integer({ min: 0, max: 1 }), probability, weight)), (data) => {
        const metrics = new BinaryAccumulator({ bootstrap })
        data.forEach(([label, score, w], i) => metrics.add(label, score, i, w))
        expect(nonFinite(metrics.finalize())).toEqual([])
      }),
      { numRuns: 150, seed: 7 }
    )
  })

  it('multiclass', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 2 }),
      fc.array(probability, { minLength: 3, maxLength: 3 }),
      weight
    )
    fc.assert(
      fc.property(rows(row), (data) => {
        const metrics = new MulticlassAccumulator({ classes: ['a', 'b', 'c'], bootstrap })
        data.forEach(([label, predicted, p, w], i) => metrics.add(label, predicted, p, i, w))
        expect(nonFinite(metrics.finalize())).toEqual([])
      }),
      { numRuns: 150, seed: 7 }
    )
  })

  it('regression', () => {
    fc.assert(
      fc.property(rows(fc.tuple(magnitude, magnitude, weight)), (data) => {
        const metrics = new RegressionAccumulator({ bootstrap })
        data.forEach(([y, p, w], i) => metrics.add(y, p, i, w))
        expect(nonFinite(metrics.finalize())).toEqual([])
      }),
      { numRuns: 150, seed: 7 }
    )
  })
})

/** The other bound: rows of the binary table mix the largest and the smallest weight. */
function MIN_OR(w: number): number {
  return w === 1e50 ? 1e-50 : 1e50
}

/**
 * Scale-free weights: every metric (value and interval) of the real datasets with weights c·w
 * equals the one with weights w, for any c that keeps the weights in range, to a relative 1e-9
 * (the rounding of c·w, summed over 2,000 rows). Weighted totals (tp, fp, tn, fn, positives) scale
 * by c, as they should; n counts rows. Base weights are in [1, 1000), scales in [1e-47, 1e47].
 */
describe('weights are scale-free over the allowed range', () => {
  const TOLERANCE = 1e-9
  const TOTALS = new Set(['tp', 'fp', 'tn', 'fn', 'positives'])
  const bootstrap = { replicates: 100, seed: 11 }
  const credit = readCsv(`${DATASETS}/credit/predictions/candidate.csv`)
  const sacramento = readCsv(`${DATASETS}/sacramento/predictions/candidate.csv`)
  const penguins = readCsv(`${DATASETS}/penguins/predictions/candidate.csv`)
  const classes = ['Adelie', 'Chinstrap', 'Gentoo']
  const tasks: Record<string, (weights: (i: number) => number) => Record<string, MetricValue>> = {
    binary(weight) {
      const [labels, scores, ids] = ['label', 'score', 'id'].map((name) => numbers(credit, name))
      const metrics = new BinaryAccumulator({ bootstrap })
      ids.forEach((id, i) => metrics.add(labels[i], scores[i], id, weight(i)))
      return metrics.finalize()
    },
    multiclass(weight) {
      const labels = column(penguins, 'label').map((name) => classes.indexOf(name))
      const predictions = column(penguins, 'prediction').map((name) => classes.indexOf(name))
      const probabilities = classes.map((name) => numbers(penguins, `score_${name}`))
      const metrics = new MulticlassAccumulator({ classes, bootstrap })
      numbers(penguins, 'id').forEach((id, i) =>
        metrics.add(
          labels[i],
          predictions[i],
          probabilities.map((p) => p[i]),
          id,
          weight(i)
        )
      )
      return metrics.finalize()
    },
    regression(weight) {
      const [labels, predictions, ids] = ['label', 'prediction', 'id'].map((name) =>
        numbers(sacramento, name)
      )
      const metrics = new RegressionAccumulator({ bootstrap })
      ids.forEach((id, i) => metrics.add(labels[i], predictions[i], id, weight(i)))
      return metrics.finalize()
    }
  }

  /** Where `scaled` differs from `base` (totals divided by `c` first) by more than the tolerance. */
  function differences(base: Record<string, MetricValue>, scaled: Record<string, MetricValue>, c: number) {
    const far = (a: number | null, b: number | null): boolean =>
      a === null || b === null
        ? a !== b
        : Math.abs(a - b) > TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1e-300)
    return Object.keys(base).filter((name) => {
      const unit = TOTALS.has(name) ? c : 1
      const [a, b] = [base[name], scaled[name]]
      const value = (m: MetricValue) => (m.value === null ? null : m.value / (m === b ? unit : 1))
      const bound = (m: MetricValue, k: 0 | 1) => (m.ci === null ? null : m.ci[k] / (m === b ? unit : 1))
      return far(value(a), value(b)) || far(bound(a, 0), bound(b, 0)) || far(bound(a, 1), bound(b, 1))
    })
  }

  it.each(Object.keys(tasks))('%s', (task) => {
    const evaluate = tasks[task]
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: -47, max: 47, noNaN: true }),
        (seed, exponent) => {
          // 1 + a fraction with 30 random bits: ties of cumulative weights (a weighted median's
          // step) are then as unlikely as they are in real data.
          const base = (i: number): number =>
            1 + (((Math.imul(seed ^ i, 0x9e3779b1) >>> 2) % 2 ** 30) / 2 ** 30) * 999
          const c = 10 ** exponent
          expect(
            differences(
              evaluate(base),
              evaluate((i) => c * base(i)),
              c
            )
          ).toEqual([])
        }
      ),
      { numRuns: 15, seed: 20261202 }
    )
  })
})
