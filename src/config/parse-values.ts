import { UserInputError } from '../errors.js'

/** Parsers for flag values; each names the flag and says what it expected. */

export function parseNumber(flag: string, text: string, min = -Infinity, max = Infinity): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    const range = Number.isFinite(min) ? ` in [${min}, ${max}]` : ''
    throw new UserInputError(`${flag}: expected a number${range}, got '${text}'`)
  }
  return n
}

export function parseInteger(flag: string, text: string, min: number): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isInteger(n) || n < min)
    throw new UserInputError(`${flag}: expected a whole number >= ${min}, got '${text}'`)
  return n
}
