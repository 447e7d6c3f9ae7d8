import {
  ALLOW_OUTSIDE_WORKSPACE,
  getBoolean,
  getPath,
  getString,
  getWorkspace,
  input,
  runnerInput
} from '../../github/action-inputs.js'
import type { Workspace } from '../../io/workspace.js'

/** The inputs of actions/monitor/action.yml with their defaults (test/actions/inputs.test.ts). */
export const Inputs = {
  Config: input('config', 'ml-gate.yml'),
  Result: input('result', 'ml-gate-results/monitor.json'),
  Issue: input('issue', 'true'),
  GitHubToken: runnerInput('github-token', '${{ github.token }}'),
  AllowOutsideWorkspace: ALLOW_OUTSIDE_WORKSPACE
} as const

export const Outputs = {
  Status: 'status',
  Result: 'result',
  IssueNumber: 'issue-number',
  IssueUrl: 'issue-url'
} as const

export interface MonitorInputs {
  readonly workspace: Workspace
  readonly config: string
  /** The config as written in the workflow: the issue's key (its marker and title). */
  readonly key: string
  readonly result: string
  readonly issue: boolean
  /** `null`: no token, no issue. */
  readonly token: string | null
}

/** Reads and checks every input once. */
export function readMonitorInputs(): MonitorInputs {
  const workspace = getWorkspace()
  return {
    workspace,
    config: getPath(Inputs.Config, workspace),
    key: getString(Inputs.Config),
    result: getPath(Inputs.Result, workspace),
    issue: getBoolean(Inputs.Issue),
    token: getString(Inputs.GitHubToken) ?? null
  }
}
