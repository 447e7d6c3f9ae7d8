import {
  ALLOW_OUTSIDE_WORKSPACE,
  type ActionInput,
  confined,
  getBoolean,
  getList,
  getPath,
  getString,
  getWorkspace,
  input
} from '../../github/action-inputs.js'
import type { Workspace } from '../../io/workspace.js'
import { RESULT_FILES } from '../../documents/result-names.js'
import { parseCandidates, type GivenCandidates } from '../../steps/candidate-list.js'

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
  Insufficient: 'insufficient',
  Winner: 'winner'
} as const

export interface GateInputs {
  readonly workspace: Workspace
  readonly config: string
  /** One unnamed candidate (`candidate`) or several named ones (`candidates`), or neither. */
  readonly given: GivenCandidates
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
    given: getCandidates(Inputs.Candidate, workspace),
    baseline: getPath(Inputs.Baseline, workspace),
    resultsDir: getString(Inputs.ResultsDir),
    summary: getBoolean(Inputs.Summary)
  }
}

/**
 * The candidate input: one FILE, or one `NAME=FILE` a line (`parseCandidates`), each file
 * confined to the workspace. The gate action's and the root action's.
 */
export function getCandidates(spec: ActionInput, workspace: Workspace): GivenCandidates {
  const lines = getList(spec, { lines: true })
  const given = parseCandidates(lines, (i) => `input '${spec.name}', line ${i + 1} ('${lines[i]}')`)
  return {
    ...(given.candidate !== undefined && { candidate: confined(spec.name, given.candidate, workspace) }),
    ...(given.candidates !== undefined && {
      candidates: given.candidates.map((c) => ({ ...c, input: confined(spec.name, c.input, workspace) }))
    })
  }
}
