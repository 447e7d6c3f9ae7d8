import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { EVALUATION_BOUNDS } from '../../src/config/bounds.js'
import { evaluateSettingsFromOptions, type EvaluateOptions } from '../../src/config/evaluate-options.js'
import { parseConfig } from '../../src/config/load.js'
import { UserInputError } from '../../src/errors.js'
import { cli } from '../support/cli.js'

const PREDICTIONS = 'examples/credit/predictions/candidate.csv'
const binary = ['--task', 'binary', '--label', 'label', '--score', 'score']

type Setting = 'confidence' | 'bootstrap' | 'seed'

/** What `ml-gate evaluate --NAME text` makes of it: the value, or the message. */
function fromFlag(setting: Setting, text: string): number | string {
  const options: EvaluateOptions = { task: 'binary', label: 'label', [setting]: text }
  try {
    const settings = evaluateSettingsFromOptions(options, undefined, (o) => `--${o}`)
    return setting === 'confidence'
      ? settings.confidence
      : setting === 'bootstrap'
        ? settings.bootstrap.replicates
        : settings.bootstrap.seed
  } catch (error) {
    if (error instanceof UserInputError) return error.format()
    throw error
  }
}

/** What ml-gate.yml's `evaluation: { NAME: text }` makes of it: the value, or the message. */
function fromConfig(setting: Setting, text: string): number | string {
  try {
    const { config } = parseConfig(`version: 1\nevaluation:\n  ${setting}: ${text}\n`, 'ml-gate.yml')
    return config.evaluation[setting]
  } catch (error) {
    if (error instanceof UserInputError) return error.format()
    throw error
  }
}

describe('evaluation settings at their bounds', () => {
  it.each([
    ['bootstrap', '10000000', "--bootstrap: expected an integer >= 100 and <= 100000, got '10000000'"],
    ['bootstrap', '99', "--bootstrap: expected an integer >= 100 and <= 100000, got '99'"],
    ['bootstrap', '100.5', "--bootstrap: expected an integer >= 100 and <= 100000, got '100.5'"],
    [
      'confidence',
      '0.9999999999999999',
      "--confidence: expected a number > 0 and <= 0.999999, got '0.9999999999999999'"
    ],
    ['confidence', '1', "--confidence: expected a number > 0 and <= 0.999999, got '1'"],
    ['confidence', '0', "--confidence: expected a number > 0 and <= 0.999999, got '0'"],
    ['confidence', 'NaN', "--confidence: expected a number > 0 and <= 0.999999, got 'NaN'"],
    ['seed', '99999999999', "--seed: expected an integer >= 0 and <= 4294967295, got '99999999999'"],
    ['seed', '4294967296', "--seed: expected an integer >= 0 and <= 4294967295, got '4294967296'"],
    ['seed', '-1', "--seed: expected an integer >= 0 and <= 4294967295, got '-1'"]
  ] as const)('ml-gate evaluate --%s %s is exit 2 naming the bounds', async (setting, text, message) => {
    const run = await cli('evaluate', '--predictions', PREDICTIONS, ...binary, `--${setting}=${text}`)
    expect([run.code, run.stderr]).toEqual([2, `ml-gate: ${message}\n`])
  })

  it.each([
    [
      'bootstrap',
      '10000000',
      'ml-gate.yml:3:14: evaluation.bootstrap: expected an integer >= 100 and <= 100000, got 10000000'
    ],
    [
      'confidence',
      '0.9999999999999999',
      'ml-gate.yml:3:15: evaluation.confidence: expected a number > 0 and <= 0.999999, got 0.9999999999999999'
    ],
    [
      'seed',
      '99999999999',
      'ml-gate.yml:3:9: evaluation.seed: expected an integer >= 0 and <= 4294967295, got 99999999999'
    ],
    ['seed', '-1', 'ml-gate.yml:3:9: evaluation.seed: expected an integer >= 0 and <= 4294967295, got -1']
  ] as const)('evaluation.%s: %s in the config is an error at its line', (setting, text, message) => {
    expect(fromConfig(setting, text)).toBe(message)
  })

  it.each([
    ['bootstrap', '100', 100],
    ['bootstrap', '100000', 100_000],
    ['confidence', '0.999999', 0.999999],
    ['confidence', '1e-9', 1e-9],
    ['seed', '0', 0],
    ['seed', '4294967295', 4_294_967_295]
  ] as const)(
    '--%s %s, on the bound, is accepted by the flag and the config alike',
    (setting, text, value) => {
      expect([fromFlag(setting, text), fromConfig(setting, text)]).toEqual([value, value])
    }
  )

  it('the flags and the config accept exactly the same numbers (one set of bounds)', () => {
    const near = (bound: number | undefined) =>
      bound === undefined
        ? []
        : [
            fc.constant(bound),
            fc.double({ min: bound - 2, max: bound + 2, noNaN: true }),
            fc.integer({ min: Math.floor(bound) - 2, max: Math.ceil(bound) + 2 })
          ]
    for (const setting of ['confidence', 'bootstrap', 'seed'] as const) {
      const b = EVALUATION_BOUNDS[setting]
      const numbers = fc.oneof(
        ...near(b.minimum),
        ...near(b.maximum),
        ...near(b.exclusiveMinimum),
        fc.double({ noNaN: true, noDefaultInfinity: true })
      )
      fc.assert(
        fc.property(numbers, (n) => {
          const text = String(n)
          const flag = fromFlag(setting, text)
          const config = fromConfig(setting, text)
          // Both accept it as the same value, or both refuse it.
          return typeof flag === 'number' ? flag === config : typeof config === 'string'
        }),
        { seed: 7, numRuns: 150 }
      )
    }
  })
})
