import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import { METRIC_STATE_SCHEMA } from '../../src/metrics/metric-state.js'
import { MulticlassAccumulator } from '../../src/metrics/multiclass.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import {
  allRows,
  creditFixture,
  differences,
  penguinsFixture,
  sacramentoFixture,
  type Accumulator,
  type Fixture
} from '../support/metric-fixtures.js'

const settings = { replicates: 100, seed: 7 }

/** Through JSON text, as a state travels between jobs. */
function restore(accumulator: Accumulator): Accumulator {
  const text = JSON.stringify(accumulator.toState())
  const state: unknown = JSON.parse(text)
  if (accumulator instanceof BinaryAccumulator) return BinaryAccumulator.fromState(state)
  if (accumulator instanceof MulticlassAccumulator) return MulticlassAccumulator.fromState(state)
  return RegressionAccumulator.fromState(state)
}

const fixtures: [string, () => Fixture][] = [
  ['binary (credit, weighted)', () => creditFixture('candidate')],
  ['binary (credit, unweighted)', () => creditFixture('candidate', false)],
  ['multiclass (penguins)', penguinsFixture],
  ['regression (sacramento)', () => sacramentoFixture()]
]

describe.each(fixtures)('state of %s', (_name, load) => {
  const fixture = load()
  const rows = allRows(fixture.rows)
  const whole = fixture.build(rows, settings)
  const expected = whole.finalize()

  it('fromState(toState(a)) finalizes exactly as a', () => {
    expect(restore(whole).finalize()).toEqual(expected)
  })

  it('two restored shards merge into the whole', () => {
    const [even, odd] = [0, 1].map((s) =>
      restore(
        fixture.build(
          rows.filter((i) => i % 2 === s),
          settings
        )
      )
    )
    expect(differences(even.merge(odd as never).finalize(), expected)).toEqual([])
  })

  it('is plain JSON, versioned, and states its task and settings', () => {
    const state = whole.toState()
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
    expect(state).toMatchObject({ schema: METRIC_STATE_SCHEMA, task: whole.task, bootstrap: settings })
  })
})

describe('state of a binary accumulator above 5,000 rows (hash sample with dropped rows)', () => {
  const build = (rows: readonly number[]): BinaryAccumulator => {
    const metrics = new BinaryAccumulator({ bootstrap: settings })
    for (const i of rows) metrics.add(i % 3 === 0 ? 1 : 0, ((i * 7919) % 1000) / 1000, i)
    return metrics
  }
  const rows = allRows(25_000)

  it('round-trips and merges, rank replicates included', () => {
    const whole = build(rows)
    const merged = BinaryAccumulator.fromState(
      JSON.parse(JSON.stringify(build(rows.filter((i) => i < 12_000)).toState()))
    ).merge(
      BinaryAccumulator.fromState(
        JSON.parse(JSON.stringify(build(rows.filter((i) => i >= 12_000)).toState()))
      )
    )
    expect(differences(merged.finalize(), whole.finalize())).toEqual([])
    expect(merged.replicates('roc_auc')).toEqual(whole.replicates('roc_auc'))
    expect(restore(whole).replicates('average_precision')).toEqual(whole.replicates('average_precision'))
  })
})

describe('fromState rejects what it cannot restore, saying what was expected', () => {
  const state = (): Record<string, unknown> => {
    const metrics = new BinaryAccumulator({ bootstrap: settings })
    metrics.add(1, 0.9, 1)
    return JSON.parse(JSON.stringify(metrics.toState())) as Record<string, unknown>
  }

  it('a wrong schema, task or bucket count', () => {
    expect(() => BinaryAccumulator.fromState({ ...state(), schema: 'ml-gate/metric-state@2' })).toThrow(
      'invalid metric state: schema must be "ml-gate/metric-state@1", got "ml-gate/metric-state@2"'
    )
    expect(() => RegressionAccumulator.fromState(state())).toThrow(
      'invalid metric state: expected a regression state, got task "binary"'
    )
    expect(() => BinaryAccumulator.fromState({ ...state(), bucketCount: 512 })).toThrow(
      'invalid metric state: bucketCount must be 1024, got 512'
    )
    expect(() => BinaryAccumulator.fromState([1, 2])).toThrow(
      'invalid metric state: expected a JSON object, got [1,2]'
    )
  })

  it('bad settings, a truncated array, a missing field', () => {
    expect(() => BinaryAccumulator.fromState({ ...state(), bootstrap: { replicates: -1, seed: 1 } })).toThrow(
      'invalid metric state: bootstrap replicates must be an integer in [0, 100000], got -1'
    )
    expect(() => BinaryAccumulator.fromState({ ...state(), sums: 'AAAAAAAAAAA=' })).toThrow(
      'invalid metric state: sums must hold 16 Float64Array values, got 8 bytes (1 values)'
    )
    const { positives: _, ...missing } = state()
    expect(() => BinaryAccumulator.fromState(missing)).toThrow(
      'invalid metric state: positives must be an object, got nothing'
    )
  })

  it('multiclass: classes must be distinct names', () => {
    const metrics = new MulticlassAccumulator({ classes: ['a', 'b'], bootstrap: settings })
    const bad = { ...metrics.toState(), classes: ['a', 'a'] }
    expect(() => MulticlassAccumulator.fromState(bad)).toThrow(
      'invalid metric state: multiclass needs at least 2 distinct class names, got [a, a]'
    )
  })
})

describe('a multiclass accumulator widened to more classes', () => {
  // Rows as (label, prediction, weight) over the classes a, c; b is never seen.
  const rows: [string, string, number][] = Array.from({ length: 300 }, (_, i) => [
    i % 3 === 0 ? 'c' : 'a',
    i % 5 === 0 ? 'c' : 'a',
    1 + (i % 4) / 2
  ])
  function over(classes: string[]): MulticlassAccumulator {
    const metrics = new MulticlassAccumulator({ classes, bootstrap: settings })
    rows.forEach(([label, prediction, weight], i) =>
      metrics.add(classes.indexOf(label), classes.indexOf(prediction), null, i, weight)
    )
    return metrics
  }

  it.each([[['a', 'b', 'c']], [['c', 'b', 'a', 'd']]])(
    'is, state and metrics, the accumulator over %j given the same rows',
    (classes) => {
      const wide = over(['a', 'c']).withClasses(classes)
      expect(wide.toState()).toEqual(over(classes).toState())
      expect(wide.finalize()).toEqual(over(classes).finalize())
    }
  )

  it('refuses classes without one of its own', () => {
    expect(() => over(['a', 'c']).withClasses(['a', 'b'])).toThrow(
      new RangeError('cannot widen multiclass classes [a, c] to [a, b]')
    )
  })
})
