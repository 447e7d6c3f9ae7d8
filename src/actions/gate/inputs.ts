import {
  ALLOW_OUTSIDE_WORKSPACE,
  getBoolean,
  getPath,
  getString,
  getWorkspace,
  input
} from '../../github/action-inputs.js'
import type { Workspace } from '../../io/workspace.js'
import { RESULT_FILES } from '../../documents/result-names.js'

/** The inputs of actions/gate/action.yml with their defaults (test/actions/inputs.test.ts). */
export const Inputs = {
  Config: input('config', 'ml-gate.yml'),
  Candidate: input('candidate'),
  Baseline: input('baseline'),
  ResultsDir: input('results-dir', RESULT_FILES.folder),
  Summary: input('summary', 'true'),
  AllowOutsideWorkspace: ALLOW_OUTSIDE_WORKSPACE
} as const

export const Outputs = {
  Verdict: 'verdict',
  Result: 'result',
  Failed: 'failed',
  Warned: 'warned',
  Passed: 'passed',
  Insufficient: 'insufficient'
} as const

export interface GateInputs {
  readonly workspace: Workspace
  readonly config: string
  readonly candidate?: string
  readonly baseline?: string
  readonly resultsDir: string
  readonly summary: boolean
}

/** Reads and checks every input once. */
export function readGateInputs(): GateInputs {
  const workspace = getWorkspace()
  return {
    workspace,
    config: getPath(Inputs.Config, workspace),
    candidate: getPath(Inputs.Candidate, workspace),
    baseline: getPath(Inputs.Baseline, workspace),
    resultsDir: getString(Inputs.ResultsDir),
    summary: getBoolean(Inputs.Summary)
  }
}
