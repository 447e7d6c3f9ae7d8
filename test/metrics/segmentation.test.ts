import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { evaluatePredictions } from '../../src/evaluation/evaluate.js'
import type { EvaluateSettings } from '../../src/config/evaluate-settings.js'
import {
  compareSegments,
  escapeKeyText,
  familyOfKey,
  segmentColumns,
  segmentFamilies,
  segmentKey,
  validateBins,
  type SegmentPlace
} from '../../src/metrics/segmentation.js'

const spec = { columns: ['Home', 'Age'], bins: { Age: [18, 30, 45, 60, 100] }, cross: [['Home', 'Age']] }

describe('segment keys', () => {
  const [home, age, cross] = segmentFamilies(spec)

  it('names families by column, a binned column once, and crosses with &', () => {
    expect(segmentFamilies(spec).map((f) => f.name)).toEqual(['Home', 'Age', 'Home&Age'])
    expect(segmentColumns(spec)).toEqual(['Home', 'Age'])
  })

  it('labels values, the missing value, and left-closed bins', () => {
    expect(home.parts[0].label('rent')).toBe('Home=rent')
    expect(home.parts[0].label(null)).toBe('Home=')
    expect(home.parts[0].label(3)).toBe('Home=3')
    const bin = age.parts[0]
    expect([17, 18, 29.99, 30, 99, 100, 140].map((v) => bin.label(v))).toEqual([
      'Age=(-inf,18)',
      'Age=[18,30)',
      'Age=[18,30)',
      'Age=[30,45)',
      'Age=[60,100)',
      'Age=[100,inf)',
      'Age=[100,inf)'
    ])
    expect(bin.label(null)).toBe('Age=')
    expect(bin.label('old')).toBeUndefined()
    expect(cross.parts.map((p, i) => p.label(['rent', 33][i])).join('&')).toBe('Home=rent&Age=[30,45)')
  })

  it('orders all first, then families, bins by edge and values alphabetically', () => {
    const families = segmentFamilies(spec)
    const places: [string, SegmentPlace][] = [
      ['Age=[30,45)', { family: 1, labels: ['Age=[30,45)'] }],
      ['Home=rent', { family: 0, labels: ['Home=rent'] }],
      ['Age=[18,30)', { family: 1, labels: ['Age=[18,30)'] }],
      ['all', { family: -1, labels: [] }],
      ['Home=', { family: 0, labels: ['Home='] }],
      ['Age=', { family: 1, labels: ['Age='] }],
      ['Home=owner', { family: 0, labels: ['Home=owner'] }]
    ]
    places.sort((a, b) => compareSegments(families)(a[1], b[1]))
    expect(places.map((p) => p[0])).toEqual([
      'all',
      'Home=',
      'Home=owner',
      'Home=rent',
      'Age=',
      'Age=[18,30)',
      'Age=[30,45)'
    ])
  })
})

describe('validateBins', () => {
  it.each<[number[], string]>([
    [[1], "segments.bins.Age: bins for 'Age' need at least 2 edges, got 1"],
    [[1, 1], "segments.bins.Age: bin edges of 'Age' must increase strictly; 1 is followed by 1"],
    [[1, Infinity], "segments.bins.Age: bin edge 'Infinity' of 'Age' is not a finite number"]
  ])('%j', (edges, message) => {
    expect(() => validateBins('Age', edges, 'segments.bins.Age')).toThrow(message)
  })
})

describe('segment keys cannot collide', () => {
  it('escapes % & = and " in names and values, and writes the empty text as ""', () => {
    const [a, ab] = segmentFamilies({ columns: ['a'], bins: {}, cross: [['a', 'b']] })
    expect(a.parts[0].label('x&b=y')).toBe('a=x%26b%3Dy')
    expect(segmentKey(ab.parts.map((p, i) => p.label(['x', 'y'][i])!))).toBe('a=x&b=y')
    expect(a.parts[0].label('100% "sure"')).toBe('a=100%25 %22sure%22')
    expect(a.parts[0].label('')).toBe('a=""')
    expect(a.parts[0].label(null)).toBe('a=')
    const [odd] = segmentFamilies({ columns: ['p&q=r'], bins: { 'p&q=r': [0, 1] }, cross: [] })
    expect([odd.name, odd.parts[0].label(0.5), odd.parts[0].label(null)]).toEqual([
      'p%26q%3Dr',
      'p%26q%3Dr=[0,1)',
      'p%26q%3Dr='
    ])
    expect(segmentFamilies({ columns: ['a&b'], bins: {}, cross: [['a', 'b']] }).map((f) => f.name)).toEqual([
      'a%26b',
      'a&b'
    ])
  })

  it('keeps ordinary keys as they are', () => {
    const families = segmentFamilies({
      columns: ['Job', 'Home'],
      bins: { Age: [18, 30] },
      cross: [['Home', 'Job']]
    })
    const [job, , age, cross] = families
    expect([job.parts[0].label('partime'), age.parts[0].label(20)]).toEqual(['Job=partime', 'Age=[18,30)'])
    expect(segmentKey(cross.parts.map((p, i) => p.label(['rent', 'partime'][i])!))).toBe(
      'Home=rent&Job=partime'
    )
    expect(families.map((f) => f.name)).toEqual(['Job', 'Home', 'Age', 'Home&Job'])
  })

  it('keeps a family listed twice once (its rows would count twice)', () => {
    const spec = { columns: ['a'], bins: {}, cross: [['a', 'b'], ['a'], ['a', 'b'], ['b', 'a']] }
    expect(segmentFamilies(spec).map((f) => f.name)).toEqual(['a', 'a&b', 'b&a'])
  })

  // A part is a column and a value (null: missing); any two different lists of parts have different keys.
  const text = fc.string({
    unit: fc.constantFrom('a', 'b', '%', '&', '=', '"', '2', '5', '6', '3', 'D'),
    maxLength: 4
  })
  const parts = fc.array(fc.tuple(text, fc.option(text, { nil: null })), { minLength: 1, maxLength: 3 })
  const keyOf = (list: [string, string | null][]): string =>
    segmentKey(
      list.map(([column, value]) =>
        segmentFamilies({ columns: [column], bins: {}, cross: [] })[0].parts[0].label(value)!
      )
    )

  it('property: different parts give different keys, whose family is the escaped columns', () => {
    fc.assert(
      fc.property(parts, parts, (x, y) => {
        if (JSON.stringify(x) !== JSON.stringify(y)) expect(keyOf(x)).not.toBe(keyOf(y))
        expect(familyOfKey(keyOf(x))).toBe(x.map(([column]) => escapeKeyText(column)).join('&'))
      }),
      { numRuns: 500, seed: 20261202 }
    )
  })

  describe('a value x&b=y of column a and the cross a × b at a=x, b=y', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-keys-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const rows = [
      ...Array.from({ length: 200 }, (_, i) => `x&b=y,z,${i % 2},0.${i % 10}`),
      ...Array.from({ length: 133 }, (_, i) => `x,y,${i % 2},0.${i % 10}`)
    ]
    const settings: EvaluateSettings = {
      model: {
        task: 'binary',
        label: 'label',
        score: 'score',
        positive: 1,
        threshold: 0.5,
        score_prefix: 'score_'
      },
      segments: { columns: ['a'], bins: {}, cross: [['a', 'b']] },
      minSupport: 30,
      confidence: 0.95,
      bootstrap: { replicates: 100, seed: 1 }
    }

    it('are two segments, of 200 and 133 rows', async () => {
      const path = join(dir, 'keys.csv')
      writeFileSync(path, `a,b,label,score\n${rows.join('\n')}\n`)
      const evaluation = await evaluatePredictions(path, settings)
      expect([...evaluation.segments.values()].map((s) => [s.key, s.rows])).toEqual([
        ['all', 333],
        ['a=x', 133],
        ['a=x%26b%3Dy', 200],
        ['a=x&b=y', 133],
        ['a=x%26b%3Dy&b=z', 200]
      ])
    })
  })
})
