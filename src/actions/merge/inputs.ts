import {
  ALLOW_OUTSIDE_WORKSPACE,
  getBoolean,
  getDocumentName,
  getList,
  getString,
  getWorkspace,
  input,
  matchInputFiles,
  requiredInput
} from '../../github/action-inputs.js'
import { RESULT_FILES } from '../../documents/result-names.js'

/** The inputs of actions/merge/action.yml with their defaults (test/actions/inputs.test.ts). */
export const Inputs = {
  States: requiredInput('states'),
  Name: input('name', 'candidate'),
  ResultsDir: input('results-dir', RESULT_FILES.folder),
  Summary: input('summary', 'true'),
  AllowOutsideWorkspace: ALLOW_OUTSIDE_WORKSPACE
} as const

export const Outputs = {
  Result: 'result',
  Rows: 'rows'
} as const

export interface MergeInputs {
  /** The state files, each once, in the order found. */
  readonly states: readonly string[]
  /** Names the document `evaluation-<name>.json` (or `validation-`, `profile-<name>.json`). */
  readonly name: string
  readonly resultsDir: string
  readonly summary: boolean
}

/** Reads and checks every input once: each pattern must match a state file inside the workspace. */
export async function readMergeInputs(): Promise<MergeInputs> {
  const workspace = getWorkspace()
  const states = await matchInputFiles(Inputs.States.name, getList(Inputs.States, { lines: true }), workspace)
  const result = getDocumentName(Inputs.Name)
  return {
    states,
    name: result,
    resultsDir: getString(Inputs.ResultsDir),
    summary: getBoolean(Inputs.Summary)
  }
}
