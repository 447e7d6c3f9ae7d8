import { describe, expect, it } from '@jest/globals'
import { decideInterval, decidePoint, excess, rulesOf } from '../../src/gates/rules.js'
import { boundPValue } from '../../src/gates/quantity.js'
import { showAgainst, showNumber, showSigned } from '../../src/gates/wording.js'
import type { GateConfig } from '../../src/config/types.js'

const min = { kind: 'min', threshold: 0.75 } as const
const maxDrop = { kind: 'max_drop', threshold: 0.05 } as const

describe('rules', () => {
  it('lists the rules of a gate in a fixed order', () => {
    const gate = { metric: 'recall', max_drop: 0.05, min: 0.6 } as unknown as GateConfig
    expect(rulesOf(gate)).toEqual([
      { kind: 'min', threshold: 0.6 },
      { kind: 'max_drop', threshold: 0.05 }
    ])
  })

  it('excess is positive on the failing side of lower and upper bounds', () => {
    expect(excess(min, 0.7)).toBeCloseTo(0.05, 15)
    expect(excess(min, 0.8)).toBeCloseTo(-0.05, 15)
    expect(excess(maxDrop, 0.3)).toBeCloseTo(0.25, 15)
  })

  it('a value on the bound holds, despite float rounding (0.8 − 0.75 = 0.05000000000000004)', () => {
    expect(decidePoint(maxDrop, 0.8 - 0.75)).toBe('within')
    expect(decidePoint(maxDrop, 0.0500001)).toBe('beyond')
    expect(decidePoint(min, 0.75)).toBe('within')
    expect(decidePoint(min, 0.7499999)).toBe('beyond')
  })

  it('an interval decides when it lies wholly on one side, bound included', () => {
    expect(decideInterval(min, [0.76, 0.84])).toBe('within')
    expect(decideInterval(min, [0.75, 0.84])).toBe('within')
    expect(decideInterval(min, [0.6, 0.74])).toBe('beyond')
    expect(decideInterval(min, [0.7, 0.8])).toBe('inconclusive')
    expect(decideInterval(maxDrop, [0.06, 0.2])).toBe('beyond')
    expect(decideInterval(maxDrop, [-0.1, 0.05])).toBe('within')
  })

  it('p-value of "on the bound" from the interval side facing it (normal approximation)', () => {
    // scipy: 2·norm.sf(0.05 / (0.1 / 1.959963984540054)) = 0.32709500769114075 (bound below: lower side)
    expect(boundPValue(min, 0.8, [0.7, 0.95], 0.95)).toBeCloseTo(0.32709500769114075, 12)
    // a zero-width interval: 1 on the bound, 0 off it
    expect(boundPValue(min, 0.75, [0.75, 0.75], 0.95)).toBe(1)
    expect(boundPValue(min, 0.8, [0.8, 0.8], 0.95)).toBe(0)
  })
})

describe('numbers in reasons', () => {
  it('three significant digits, a true minus, enough digits to differ from the bound', () => {
    expect(showNumber(0.7980769230769231)).toBe('0.798')
    expect(showNumber(0.5)).toBe('0.500')
    expect(showNumber(-0.2980769230769231)).toBe('−0.298')
    expect(showNumber(1825)).toBe('1825')
    expect(showNumber(null)).toBe('—')
    expect(showSigned(0.0039146)).toBe('+0.00391')
    expect(showAgainst(0.7499, 0.75)).toBe('0.7499')
    expect(showAgainst(0.8, 0.75)).toBe('0.800')
  })
})
