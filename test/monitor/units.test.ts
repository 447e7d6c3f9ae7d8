import { describe, expect, it } from '@jest/globals'
import { meanDifference, rateDifference } from '../../src/monitor/mean-difference.js'
import { durationMs, isoTime, parseTime } from '../../src/monitor/time.js'
import { sparkline } from '../../src/report/monitor.js'

describe('parseTime: ISO 8601 with a zone, a date, or epoch seconds, nothing else', () => {
  it.each([
    ['2026-03-01T12:00:00Z', Date.UTC(2026, 2, 1, 12)],
    ['2026-03-01T12:00:00+02:00', Date.UTC(2026, 2, 1, 10)],
    ['2026-03-01T12:00:00.25-01:30', Date.UTC(2026, 2, 1, 13, 30, 0, 250)],
    ['2026-03-01T12:00Z', Date.UTC(2026, 2, 1, 12)],
    ['2026-03-01', Date.UTC(2026, 2, 1)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    [1772366400, 1772366400000],
    [1772366400.5, 1772366400500]
  ] as const)('%s', (text, ms) => {
    expect(parseTime(text)).toBe(ms)
  })

  it.each([
    '2026-03-01T12:00:00',
    '2026-03-01 12:00:00Z',
    '2026-02-29',
    '2026-13-01',
    '2026-03-01T24:00:00Z',
    '2026-03-01T12:60:00Z',
    '01/03/2026',
    'yesterday',
    ''
  ])('refuses %j', (text) => {
    expect(parseTime(text)).toBeNull()
  })

  it('refuses booleans, missing cells and non-finite numbers', () => {
    expect([parseTime(true), parseTime(null), parseTime(Infinity), parseTime(NaN)]).toEqual([
      null,
      null,
      null,
      null
    ])
  })

  it('durations and ISO text', () => {
    expect([durationMs('12h'), durationMs('1d'), durationMs('2w')]).toEqual([
      43_200_000, 86_400_000, 1_209_600_000
    ])
    expect([isoTime(Date.UTC(2026, 2, 1)), isoTime(Date.UTC(2026, 2, 1, 0, 0, 0, 5))]).toEqual([
      '2026-03-01T00:00:00Z',
      '2026-03-01T00:00:00.005Z'
    ])
  })
})

describe('differences from the reference', () => {
  it("Welch's z for the mean score (the documented example)", () => {
    const d = meanDifference({ n: 100, mean: 0.3, variance: 0.21 }, { n: 400, mean: 0.2, variance: 0.16 })
    expect(d.difference).toBeCloseTo(0.1, 12)
    expect(d.se).toBeCloseTo(0.05, 12)
    expect(d.p).toBeCloseTo(0.0455003, 6) // 2·(1 − Φ(2))
  })

  it('Agresti–Caffo for a rate of 0 in a small window (the documented example)', () => {
    const d = rateDifference({ n: 30, mean: 0, variance: 0 }, { n: 300, mean: 0.1, variance: 0.09 })
    expect(d.difference).toBeCloseTo(1 / 32 - 31 / 302, 12)
    expect(d.se).toBeCloseTo(0.0353702, 6)
    expect(d.p).toBeCloseTo(0.0435268, 6)
  })

  it('no spread on either side: p = 1 without a difference, 0 with one', () => {
    const same = { n: 50, mean: 0.4, variance: 0 }
    expect(meanDifference(same, same).p).toBe(1)
    expect(meanDifference({ ...same, mean: 0.5 }, same).p).toBe(0)
  })
})

describe('sparkline', () => {
  it('▁ the lowest, █ the highest, · missing, ▄ when all are equal', () => {
    expect(sparkline([0.1, 0.2, null, 0.5])).toBe('▁▃·█')
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█')
    expect(sparkline([0.3, 0.3])).toBe('▄▄')
    expect(sparkline([null])).toBe('·')
  })
})
