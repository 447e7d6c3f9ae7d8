import { describe, expect, it } from '@jest/globals'
import {
  change,
  clipWords,
  interval,
  minusSigns,
  percent,
  reasonText,
  value
} from '../../src/report/cells.js'

describe('numbers in reports', () => {
  it.each<[string, string]>([
    [value(-0.29807692), '−0.298'],
    [value(0.5), '0.500'],
    [value(4.15e-7), '4.15e−7'],
    [change(0.00391), '+0.00391'],
    [change(-0.0544), '−0.0544'],
    [change(0), '0'],
    [interval([-0.00145, 0.181]), '[−0.00145, 0.181]'],
    [percent(0.018403), '1.8%'],
    [percent(0.521592), '52%']
  ])('%s', (shown, expected) => {
    expect(shown).toBe(expected)
  })

  it('writes minus signs as U+2212, and leaves hyphens in words and names alone', () => {
    expect(minusSigns('p = 4.15e-7, change -0.3 [-0.07, 0.2] Home=a-b x-1 chi-square')).toBe(
      'p = 4.15e−7, change −0.3 [−0.07, 0.2] Home=a-b x-1 chi-square'
    )
  })

  it('cuts a long reason at a word, never inside a number', () => {
    expect(clipWords('drop 0.298 lies above 0.05', 15)).toBe('drop 0.298 …')
    expect(clipWords('short', 15)).toBe('short')
    expect(reasonText(`p = 6.23e-6 ${'word '.repeat(500)}`)).toMatch(/^p \\= 6.23e−6 (word ){397}…$/)
  })
})
