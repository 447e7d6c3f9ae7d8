import { describe, expect, it } from '@jest/globals'
import {
  compareSegments,
  segmentColumns,
  segmentFamilies,
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
