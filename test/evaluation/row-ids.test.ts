/**
 * `model.id`: every id at most once (bad input otherwise, naming both lines), whatever the id's
 * type, and the (id, label) fingerprint that tells two files apart without a second pass.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { UserInputError } from '../../src/errors.js'
import { evaluatePredictions } from '../../src/evaluation/evaluate.js'
import type { EvaluateSettings } from '../../src/config/evaluate-settings.js'
import { IdSet, type IdsState } from '../../src/evaluation/row-ids.js'

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-ids-'))
let count = 0
function csv(text: string): string {
  const file = join(dir, `f${count++}.csv`)
  writeFileSync(file, text)
  return file
}

export const BINARY: EvaluateSettings = {
  model: {
    task: 'binary',
    label: 'label',
    score: 'score',
    id: 'id',
    positive: 1,
    threshold: 0.5,
    score_prefix: 'score_'
  },
  segments: { columns: [], bins: {}, cross: [] },
  minSupport: 1,
  confidence: 0.95,
  bootstrap: { replicates: 50, seed: 42 }
}

async function failure(file: string, settings: EvaluateSettings = BINARY): Promise<string> {
  try {
    await evaluatePredictions(file, settings, {}, { thread: null })
  } catch (error) {
    if (error instanceof UserInputError) return error.format()
    throw error
  }
  throw new Error('expected a UserInputError')
}

describe('a repeated id', () => {
  it.each([
    ['an integer id', 'id,label,score\n1,0,0.1\n2,1,0.9\n3,0,0.2\n2,1,0.8\n', '2', 5, 3],
    ['a text id', 'id,label,score\nA-1,0,0.1\nA-2,1,0.9\nA-1,1,0.8\n', '"A-1"', 4, 2],
    ['a decimal id', 'id,label,score\n1.5,0,0.1\n-3,1,0.9\n1.5,1,0.8\n', '1.5', 4, 2],
    ['a negative id', 'id,label,score\n-3,0,0.1\n4,1,0.9\n-3,1,0.8\n', '-3', 4, 2]
  ])('%s is bad input at its second line, naming the first', async (_, text, shown, again, first) => {
    const file = csv(text)
    expect(await failure(file)).toBe(
      `${file}:${again}: the id column 'id' repeats the id ${shown}, first seen at line ${first}; every row ` +
        "needs a distinct id (rows sharing an id cannot be matched one to one with the other model's rows, " +
        'and would be resampled together, narrowing every interval)'
    )
  })

  it('is found in a regression file too', async () => {
    const file = csv('id,label,prediction\n7,1.5,1.2\n8,2.5,2.0\n7,3.0,2.9\n')
    const settings: EvaluateSettings = {
      ...BINARY,
      model: {
        task: 'regression',
        label: 'label',
        prediction: 'prediction',
        id: 'id',
        positive: 1,
        threshold: 0.5,
        score_prefix: 'score_'
      }
    }
    expect(await failure(file, settings)).toMatch(
      new RegExp(`^${file}:4: the id column 'id' repeats the id 7, first seen at line 2;`)
    )
  })

  it('without model.id rows are keyed by position: no check', async () => {
    const file = csv('id,label,score\n1,0,0.1\n1,1,0.9\n')
    const evaluation = await evaluatePredictions(
      file,
      { ...BINARY, model: { ...BINARY.model, id: undefined } },
      {},
      { thread: null }
    )
    expect(evaluation.rows).toBe(2)
    expect(evaluation.labels).toBeNull()
  })
})

describe('IdSet', () => {
  it('is a Set of ids: numbers by value (−0 is 0), text by text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 2 ** 28 }),
            fc.double({ noNaN: true }),
            fc.string({ maxLength: 3 })
          )
        ),
        (ids) => {
          const set = new IdSet()
          const reference = new Set<number | string>()
          for (const id of ids) {
            const key = typeof id === 'number' && id === 0 ? 0 : id
            expect(set.add(id)).toBe(!reference.has(key))
            reference.add(key)
          }
          expect(set.size).toBe(reference.size)
        }
      )
    )
  })
})

describe('IdSet as a state', () => {
  const id = fc.oneof(
    fc.integer({ min: -5, max: 2 ** 21 }),
    fc.integer({ min: 2 ** 27 - 3, max: 2 ** 27 + 3 }), // both sides of the bitmap's limit
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 3 })
  )
  const key = (value: number | string) => (value === 0 ? 0 : value)

  it('survives JSON, and finds the ids two sets share (how many, the least number else text) and their union', () => {
    fc.assert(
      fc.property(fc.array(id), fc.array(id), (left, right) => {
        const a = new IdSet()
        const b = new IdSet()
        left.forEach((x) => a.add(x))
        right.forEach((x) => b.add(x))
        const restored = IdSet.fromState(JSON.parse(JSON.stringify(a.toState())) as IdsState)
        expect(restored.size).toBe(a.size)
        expect([...left, ...right].filter((x) => restored.has(x) !== a.has(x))).toEqual([])
        const common = [...new Set(left.map(key))].filter((x) => new Set(right.map(key)).has(x))
        const numbers = common.filter((x) => typeof x === 'number').sort((x, y) => x - y)
        const texts = common.filter((x) => typeof x === 'string').sort()
        expect(restored.shared(b)).toEqual(
          common.length === 0 ? null : { count: common.length, id: [...numbers, ...texts][0] }
        )
        restored.addAll(b)
        expect(restored.size).toBe(new Set([...left, ...right].map(key)).size)
      }),
      { seed: 21, numRuns: 40 }
    )
  })

  it('states a million consecutive integer ids as 2 bitmap pages, a sparse page as a list', () => {
    const set = new IdSet()
    for (let i = 1; i <= 1_000_000; i++) set.add(i)
    set.add(2 ** 20 + 5)
    const state = JSON.parse(JSON.stringify(set.toState())) as IdsState
    expect(state.numbers.pages.map((p) => p.page)).toEqual([0, 1])
    expect(state.numbers.others).toEqual([2 ** 20 + 5])
    const restored = IdSet.fromState(state)
    expect(restored.size).toBe(1_000_001)
    expect(restored.shared(set)).toEqual({ count: 1_000_001, id: 1 })
  })
})

describe('the label fingerprint', () => {
  it('is the same for the same (id, label) pairs in any order, and differs when one label does', async () => {
    const a = await evaluatePredictions(
      csv('id,label,score\n1,0,0.1\n2,1,0.9\n3,0,0.4\n'),
      BINARY,
      {},
      { thread: null }
    )
    const b = await evaluatePredictions(
      csv('id,label,score\n3,0,0.3\n1,0,0.7\n2,1,0.2\n'),
      BINARY,
      {},
      { thread: null }
    )
    const c = await evaluatePredictions(
      csv('id,label,score\n1,0,0.1\n2,0,0.9\n3,1,0.4\n'),
      BINARY,
      {},
      { thread: null }
    )
    expect(b.labels).toEqual(a.labels)
    expect(c.labels).not.toEqual(a.labels)
    expect(c.labels!.rows).toBe(3)
  })
})
