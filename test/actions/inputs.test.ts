/**
 * Each action's defaults are written once, in its inputs module (src/actions/<name>/inputs.ts), and
 * read from there by the code; action.yml must say the same, input by input. The README's tables
 * come from action.yml (test/docs/readme.test.ts), so all three agree.
 */
import { describe, expect, it, jest } from '@jest/globals'
import type { ActionInput } from '../../src/github/action-inputs.js'
import * as core from '../__fixtures__/core.js'
import { readActionYml } from '../support/action-docs.js'

jest.unstable_mockModule('@actions/core', () => core)
const canary = await import('../../src/actions/canary/inputs.js')
const evaluate = await import('../../src/actions/evaluate/inputs.js')
const gate = await import('../../src/actions/gate/inputs.js')
const merge = await import('../../src/actions/merge/inputs.js')
const monitor = await import('../../src/actions/monitor/inputs.js')
const report = await import('../../src/actions/report/inputs.js')
const root = await import('../../src/actions/run/inputs.js')
const validateData = await import('../../src/actions/validate-data/inputs.js')

const MODULES: Record<string, readonly ActionInput[]> = {
  'actions/canary/action.yml': Object.values(canary.Inputs),
  'actions/evaluate/action.yml': [
    ...Object.values(evaluate.Inputs),
    ...Object.values(evaluate.SettingInputs)
  ],
  'actions/gate/action.yml': Object.values(gate.Inputs),
  'actions/merge/action.yml': Object.values(merge.Inputs),
  'actions/monitor/action.yml': Object.values(monitor.Inputs),
  'actions/report/action.yml': Object.values(report.Inputs),
  'actions/validate-data/action.yml': Object.values(validateData.Inputs),
  'action.yml': Object.values(root.Inputs)
}

/** name → [default, required], as action.yml and the modules say. */
const declared = (inputs: readonly ActionInput[]) =>
  Object.fromEntries(inputs.map((i) => [i.name, [i.default, i.required === true]]))

describe.each(Object.keys(MODULES))('the inputs module of %s', (actionYml) => {
  it('names every input of action.yml, each with its default and required flag', () => {
    const yml = Object.entries(readActionYml(actionYml).inputs ?? {}).map(([name, spec]) => ({
      name,
      ...(spec.default === undefined ? {} : { default: spec.default }),
      ...(spec.required === true ? { required: true as const } : {})
    }))
    expect(declared(MODULES[actionYml])).toEqual(declared(yml))
    expect(MODULES[actionYml].length).toBe(yml.length)
  })
})

describe('inputs left empty, as outside a runner', () => {
  it('take the defaults of the inputs module', () => {
    core.getInput.mockReturnValue('')
    const read = report.readReportInputs()
    expect(read).toEqual({
      results: 'ml-gate-results',
      config: 'ml-gate.yml',
      // `${{ github.token }}` only the runner can evaluate: no token, nothing sent.
      token: null,
      comment: true,
      commentKey: 'ml-gate.yml',
      prNumber: null,
      checkName: null,
      skipUnchanged: true,
      overrideLabel: 'ml-gate:override',
      summary: true,
      workspace: { root: process.env.GITHUB_WORKSPACE ?? process.cwd(), allowOutside: false }
    })
    expect(root.readRootInputs().resultsDir).toBeUndefined()
    expect(gate.readGateInputs()).toMatchObject({ config: 'ml-gate.yml', resultsDir: 'ml-gate-results' })
  })

  it('a required input is bad input naming it', () => {
    core.getInput.mockReturnValue('')
    expect(() => validateData.readValidateDataInputs()).toThrow(
      "input 'data' is required and was not supplied"
    )
  })
})
