import { describe, expect, it } from '@jest/globals'
import { DEFAULT_MISSING_TOKENS, Kind, type Value } from '../../src/io/table.js'
import { ValueParser } from '../../src/io/value-parser.js'

const { Missing: M, Integer: I, Number: N, Boolean: B, String: S } = Kind

function parse(token: string, missing: readonly string[] = DEFAULT_MISSING_TOKENS): [Value, number] {
  const values: Value[] = [undefined as unknown as Value]
  const kinds = new Uint8Array(1).fill(255)
  // Surround the token with other bytes: the parser must stay inside [start, end).
  const bytes = Buffer.from(`9"${token}"9`)
  const start = 2
  new ValueParser(missing).parseBytes(bytes, start, bytes.length - 2, values, kinds, 0)
  return [values[0], kinds[0]]
}

describe('ValueParser.parseBytes', () => {
  it.each([
    ['', null, M],
    ['NA', null, M],
    ['N/A', null, M],
    ['null', null, M],
    ['NaN', null, M],
    ['na', 'na', S],
    [' NA', ' NA', S],
    ['NULL', 'NULL', S]
  ])('missing tokens match exactly: %j', (token, value, kind) => {
    expect(parse(token)).toEqual([value, kind])
  })

  it.each([
    ['0', 0, I],
    ['42', 42, I],
    ['-7', -7, I],
    ['+3', 3, I],
    ['007', 7, I],
    ['-0', 0, I],
    ['9007199254740991', 9007199254740991, I],
    ['-9007199254740991', -9007199254740991, I],
    // Beyond 2^53 - 1 the nearest double, flagged as a float.
    ['9007199254740993', 9007199254740992, N],
    ['123456789012345678901234567890', 1.2345678901234568e29, N]
  ])('integers: %j', (token, value, kind) => {
    expect(parse(token)).toEqual([value, kind])
  })

  it.each([
    ['1.5', 1.5, N],
    ['-2e-3', -0.002, N],
    ['.5', 0.5, N],
    ['1.', 1, N],
    ['1.0', 1, N],
    ['1e5', 100000, N],
    ['1E5', 100000, N],
    ['2.5E+3', 2500, N],
    ['-0.0', 0, N],
    ['0.1', 0.1, N],
    ['3.141592653589793', 3.141592653589793, N],
    ['1e-320', 1e-320, N],
    ['1.7976931348623157e308', 1.7976931348623157e308, N]
  ])('numbers: %j', (token, value, kind) => {
    expect(parse(token)).toEqual([value, kind])
  })

  it('agrees with Number() on many decimals (fast path and slow path)', () => {
    let seed = 12345
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let k = 0; k < 5000; k++) {
      const digits = 1 + Math.floor(random() * 18)
      let mantissa = ''
      for (let d = 0; d < digits; d++) mantissa += Math.floor(random() * 10)
      const point = Math.floor(random() * (digits + 1))
      const exponent = random() < 0.3 ? `e${Math.floor(random() * 60) - 30}` : ''
      const token = `${random() < 0.5 ? '-' : ''}${mantissa.slice(0, point)}.${mantissa.slice(point)}${exponent}`
      const [value, kind] = parse(token)
      expect([token, value, kind]).toEqual([token, Number(token) === 0 ? 0 : Number(token), N])
    }
  })

  it.each([
    ['999999999999999', 999999999999999, I],
    ['-999999999999999', -999999999999999, I],
    ['1000000000000000', 1000000000000000, I],
    ['9007199254740991', 9007199254740991, I],
    ['-9007199254740991', -9007199254740991, I],
    ['9007199254740992', 9007199254740992, N],
    ['9007199254740993', 9007199254740992, N],
    ['000000000000000000000042', 42, I],
    ['-0', 0, I],
    ['+0', 0, I],
    ['-000', 0, I],
    ['-0.0', 0, N],
    ['0.000000000000000', 0, N],
    ['1.', 1, N],
    ['123456789012345e-22', 123456789012345e-22, N],
    ['123456789012345e-23', 123456789012345e-23, N],
    ['0.123456789012345', 0.123456789012345, N],
    ['0.1234567890123456', 0.1234567890123456, N],
    ['1e22', 1e22, N],
    ['1e23', 1e23, N],
    ['999999999999999e22', 999999999999999e22, N]
  ])('numbers at the edges of the exact fast path: %j', (token, value, kind) => {
    expect(parse(token)).toEqual([value, kind])
  })

  it('agrees with Number() on many integers, and types them Integer exactly when safe', () => {
    let seed = 54321
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let k = 0; k < 5000; k++) {
      const digits = 1 + Math.floor(random() * 20)
      let text = ''
      for (let d = 0; d < digits; d++) text += Math.floor(random() * 10)
      const token = `${random() < 0.5 ? '-' : ''}${text}`
      const expected = Number(token) === 0 ? 0 : Number(token)
      expect([token, ...parse(token)]).toEqual([token, expected, Number.isSafeInteger(expected) ? I : N])
    }
  })

  it.each([
    ['true', true, B],
    ['True', true, B],
    ['FALSE', false, B],
    ['false', false, B],
    ['yes', 'yes', S],
    ['t', 't', S]
  ])('booleans: %j', (token, value, kind) => {
    expect(parse(token)).toEqual([value, kind])
  })

  it.each([
    ['inf', 'inf', S],
    ['Infinity', 'Infinity', S],
    ['-Infinity', '-Infinity', S],
    ['nan', 'nan', S],
    ['1e400', '1e400', S],
    ['0x1F', '0x1F', S],
    ['1_000', '1_000', S],
    ['1,5', '1,5', S],
    ['1.5.2', '1.5.2', S],
    ['.', '.', S],
    ['-', '-', S],
    ['+', '+', S],
    ['1e', '1e', S],
    ['e5', 'e5', S],
    ['12abc', '12abc', S],
    ['Zoë', 'Zoë', S]
  ])('everything else is a string, as written: %j', (token, value, kind) => {
    expect(parse(token)).toEqual([value, kind])
  })

  it.each([
    [' 12', 12, I],
    ['12 ', 12, I],
    ['\t-1.5 ', -1.5, N],
    [' true ', true, B],
    [' abc', ' abc', S],
    ['   ', '   ', S]
  ])('spaces around numbers and booleans are ignored, as in pandas: %j', (token, value, kind) => {
    expect(parse(token)).toEqual([value, kind])
  })

  it('uses the missing tokens given, and an empty token is a string when not one of them', () => {
    expect(parse('-', ['-'])).toEqual([null, M])
    expect(parse('', ['-'])).toEqual(['', S])
    expect(parse('NA', ['-'])).toEqual(['NA', S])
  })
})

describe('ValueParser.parseString', () => {
  it('makes missing tokens missing and keeps other text as a string', () => {
    const parser = new ValueParser(DEFAULT_MISSING_TOKENS)
    const values: Value[] = []
    const kinds = new Uint8Array(3)
    parser.parseString('NA', values, kinds, 0)
    parser.parseString('12', values, kinds, 1)
    parser.parseString('x', values, kinds, 2)
    expect(values).toEqual([null, '12', 'x'])
    expect(Array.from(kinds)).toEqual([M, S, S])
  })
})
