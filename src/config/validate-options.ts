import { DRIFT_METHODS, type DriftMethod } from '../drift/method.js'
import { UserInputError } from '../errors.js'
import { didYouMean } from '../suggest.js'
import type { FailOn } from './types.js'

/**
 * Validation settings written as text, as the CLI's flags and the validate-data action's inputs
 * are; `flag` names the option in errors (`--fail-on`, `input 'fail-on'`).
 */

/** The drift methods an option may name: `auto` (chosen per column) and every method. */
export const DRIFT_METHOD_NAMES = ['auto', ...Object.keys(DRIFT_METHODS)]

export function parseDriftMethod(text: string | undefined, flag: string): DriftMethod | 'auto' | undefined {
  if (text === undefined) return undefined
  if (!DRIFT_METHOD_NAMES.includes(text)) {
    throw new UserInputError(
      `${flag}: expected one of ${DRIFT_METHOD_NAMES.join(', ')}, got '${text}'${didYouMean(text, DRIFT_METHOD_NAMES)}`
    )
  }
  return text as DriftMethod | 'auto'
}

export function parseFailOn(text: string | undefined, flag: string): FailOn {
  if (text === undefined) return 'error'
  if (text !== 'error' && text !== 'warn' && text !== 'never') {
    throw new UserInputError(`${flag}: expected one of error, warn, never, got '${text}'`)
  }
  return text
}
