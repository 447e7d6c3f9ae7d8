/**
 * The bounds of the evaluation settings, read from schemas/config.schema.json, so that the
 * config (checked against the schema), the CLI's flags and the evaluate action's inputs accept
 * exactly the same values and say so in the same words. Past them the numbers stop meaning
 * anything: a confidence whose critical value overflows, more replicates or a wider seed than the
 * Poisson bootstrap streams take.
 */
import schema from '../../schemas/config.schema.json' with { type: 'json' }
import { UserInputError } from '../errors.js'
import { rangeText } from './schema-errors.js'

/** A number schema: its type and bounds, as JSON Schema writes them. */
export interface NumberBounds {
  readonly type: 'number' | 'integer'
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
}

const settings = schema.$defs.evaluation.properties

/** `evaluation.confidence`, `evaluation.bootstrap` and `evaluation.seed` of the config. */
export const EVALUATION_BOUNDS = {
  confidence: settings.confidence as NumberBounds,
  bootstrap: settings.bootstrap as NumberBounds,
  seed: settings.seed as NumberBounds
} as const

/**
 * `text` as a number within `bounds`.
 *
 * @throws UserInputError `--bootstrap: expected an integer >= 100 and <= 100000, got '10000000'`
 */
export function parseBounded(flag: string, text: string, bounds: NumberBounds): number {
  const n = Number(text)
  const within =
    text.trim() !== '' &&
    Number.isFinite(n) &&
    (bounds.type === 'number' || Number.isInteger(n)) &&
    (bounds.minimum === undefined || n >= bounds.minimum) &&
    (bounds.maximum === undefined || n <= bounds.maximum) &&
    (bounds.exclusiveMinimum === undefined || n > bounds.exclusiveMinimum) &&
    (bounds.exclusiveMaximum === undefined || n < bounds.exclusiveMaximum)
  if (!within) {
    throw new UserInputError(`${flag}: expected ${rangeText({ ...bounds })}, got '${text}'`)
  }
  return n
}
