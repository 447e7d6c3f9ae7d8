/**
 * The three real datasets fed into fresh accumulators, for the metric tests that need whole,
 * split, reordered or reseeded runs over the same rows.
 */
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import type { MetricValue } from '../../src/metrics/metric-value.js'
import { MulticlassAccumulator } from '../../src/metrics/multiclass.js'
import type { BootstrapSettings } from '../../src/metrics/poisson-bootstrap.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { column, DATASETS, numbers, readCsv } from './datasets.js'

export type Accumulator = BinaryAccumulator | MulticlassAccumulator | RegressionAccumulator

/** Builds an accumulator and feeds it the given rows (indices into the dataset), in that order. */
export interface Fixture {
  readonly rows: number
  readonly ids: readonly number[]
  build(rows: readonly number[], bootstrap: BootstrapSettings): Accumulator
}

/** w = 1 + (id mod 5) / 2, so that every check also exercises weights. */
export const weightOf = (id: number): number => 1 + (id % 5) / 2

export function creditFixture(model: 'baseline' | 'candidate', weighted = true): Fixture {
  const csv = readCsv(`${DATASETS}/credit/predictions/${model}.csv`)
  const labels = numbers(csv, 'label')
  const scores = numbers(csv, 'score')
  const ids = numbers(csv, 'id')
  return {
    rows: ids.length,
    ids,
    build(rows, bootstrap) {
      const metrics = new BinaryAccumulator({ bootstrap })
      for (const i of rows) metrics.add(labels[i], scores[i], ids[i], weighted ? weightOf(ids[i]) : 1)
      return metrics
    }
  }
}

export function penguinsFixture(): Fixture {
  const csv = readCsv(`${DATASETS}/penguins/predictions/candidate.csv`)
  const classes = ['Adelie', 'Chinstrap', 'Gentoo']
  const labels = column(csv, 'label').map((name) => classes.indexOf(name))
  const probabilities = classes.map((name) => numbers(csv, `score_${name}`))
  const ids = numbers(csv, 'id')
  return {
    rows: ids.length,
    ids,
    build(rows, bootstrap) {
      const metrics = new MulticlassAccumulator({ classes, bootstrap })
      for (const i of rows) {
        metrics.add(
          labels[i],
          null,
          probabilities.map((p) => p[i]),
          ids[i],
          weightOf(ids[i])
        )
      }
      return metrics
    }
  }
}

export function sacramentoFixture(weighted = true): Fixture {
  const csv = readCsv(`${DATASETS}/sacramento/predictions/candidate.csv`)
  const y = numbers(csv, 'label')
  const predictions = numbers(csv, 'prediction')
  const ids = numbers(csv, 'id')
  return {
    rows: ids.length,
    ids,
    build(rows, bootstrap) {
      const metrics = new RegressionAccumulator({ bootstrap })
      for (const i of rows) metrics.add(y[i], predictions[i], ids[i], weighted ? weightOf(ids[i]) : 1)
      return metrics
    }
  }
}

/** Differences between two finalized results beyond `tolerance` (relative above 1), as strings. */
export function differences(
  a: Record<string, MetricValue>,
  b: Record<string, MetricValue>,
  tolerance = 1e-12
): string[] {
  const near = (x: number | null, y: number | null): boolean =>
    x === null || y === null ? x === y : Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(y))
  const problems: string[] = []
  if (Object.keys(a).join() !== Object.keys(b).join()) problems.push('different metric names')
  for (const name of Object.keys(a)) {
    const [x, y] = [a[name], b[name]]
    if (!near(x.value, y.value)) problems.push(`${name}: ${x.value} vs ${y.value}`)
    if (
      (x.ci === null) !== (y.ci === null) ||
      (x.ci && y.ci && !(near(x.ci[0], y.ci[0]) && near(x.ci[1], y.ci[1])))
    ) {
      problems.push(`${name} ci: ${JSON.stringify(x.ci)} vs ${JSON.stringify(y.ci)}`)
    }
    if (x.reason !== y.reason) problems.push(`${name} reason: ${x.reason} vs ${y.reason}`)
  }
  return problems
}

/** 0 … n − 1. */
export function allRows(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

/** A seeded uniform generator on [0, 1) (mulberry32), so random tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seeded Fisher–Yates shuffle (mulberry32), so permutation tests are reproducible. */
export function shuffled(rows: readonly number[], seed: number): number[] {
  const out = [...rows]
  const random = seededRandom(seed)
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
