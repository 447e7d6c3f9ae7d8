import {
  ALLOW_OUTSIDE_WORKSPACE,
  getBoolean,
  getPath,
  getString,
  getWorkspace,
  input,
  requiredInput
} from '../../github/action-inputs.js'
import type { Workspace } from '../../io/workspace.js'
import { RESULT_FILES } from '../../documents/result-names.js'

/** The inputs of actions/canary/action.yml with their defaults (test/actions/inputs.test.ts). */
export const Inputs = {
  Config: input('config', 'ml-gate.yml'),
  Control: requiredInput('control'),
  Canary: requiredInput('canary'),
  ResultsDir: input('results-dir', RESULT_FILES.folder),
  Summary: input('summary', 'true'),
  AllowOutsideWorkspace: ALLOW_OUTSIDE_WORKSPACE
} as const

export const Outputs = {
  Decision: 'decision',
  Result: 'result',
  TrafficNeeded: 'traffic-needed'
} as const

export interface CanaryInputs {
  readonly workspace: Workspace
  readonly config: string
  readonly control: string
  readonly canary: string
  readonly resultsDir: string
  readonly summary: boolean
}

/** Reads and checks every input once. */
export function readCanaryInputs(): CanaryInputs {
  const workspace = getWorkspace()
  return {
    workspace,
    config: getPath(Inputs.Config, workspace),
    control: getPath(Inputs.Control, workspace),
    canary: getPath(Inputs.Canary, workspace),
    resultsDir: getString(Inputs.ResultsDir),
    summary: getBoolean(Inputs.Summary)
  }
}
