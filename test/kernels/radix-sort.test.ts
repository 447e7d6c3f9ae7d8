import { describe, expect, it } from '@jest/globals'
import { sortNumbers } from '../../src/kernels/radix-sort.js'

describe('sortNumbers', () => {
  it('sorts like Float64Array.prototype.sort: negatives, zeros, infinities, ties, wide exponents', () => {
    let state = 99
    const random = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return state / 4294967296
    }
    const specials = [0, -0, Infinity, -Infinity, 1e-300, -1e300, 5e-324, 0.5, 0.5, 0.5]
    const keys = Float64Array.from({ length: 5000 }, (_, i) =>
      i < specials.length ? specials[i] : (random() - 0.3) * 10 ** Math.floor(random() * 20 - 10)
    )
    const expected = keys.slice().sort()
    const sorted = keys.slice()
    sortNumbers(sorted)
    expect(Array.from(sorted)).toEqual(Array.from(expected))
  })

  it('carries the payload with its key', () => {
    const keys = Float64Array.of(0.3, -1, 0.1, 0.3, 2)
    const payload = Float64Array.of(3, -10, 1, 3, 20)
    sortNumbers(keys, payload)
    expect(Array.from(keys)).toEqual([-1, 0.1, 0.3, 0.3, 2])
    expect(Array.from(payload)).toEqual([-10, 1, 3, 3, 20])
  })

  it('leaves already constant or tiny inputs alone', () => {
    const same = Float64Array.of(0.25, 0.25, 0.25)
    sortNumbers(same)
    expect(Array.from(same)).toEqual([0.25, 0.25, 0.25])
    const one = Float64Array.of(7)
    sortNumbers(one)
    expect(Array.from(one)).toEqual([7])
  })
})
