import { UserInputError } from '../../errors.js'
import {
  ALLOW_OUTSIDE_WORKSPACE,
  type ActionInput,
  confined,
  getBoolean,
  getList,
  getPath,
  getString,
  getWorkspace,
  input,
  runnerInput
} from '../../github/action-inputs.js'
import { BASELINE_FALLBACKS, type BaselineFallback } from '../../github/baseline-fallback.js'
import type { Workspace } from '../../io/workspace.js'
import { RESULT_FILES } from '../../documents/result-names.js'
import { parseCandidates, type GivenCandidates } from '../../steps/candidate-list.js'

/** The inputs that find the baseline artifact: the gate action's and the root action's. */
export const BaselineInputs = {
  BaselineArtifact: input('baseline-artifact'),
  BaselineFallback: input('baseline-fallback', 'latest')
} as const

/** The inputs of actions/gate/action.yml with their defaults (test/actions/inputs.test.ts). */
export const Inputs = {
  Config: input('config', 'ml-gate.yml'),
  Candidate: input('candidate'),
  Baseline: input('baseline'),
  ...BaselineInputs,
  GitHubToken: runnerInput('github-token', '${{ github.token }}'),
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
  BaselineSource: 'baseline-source',
  Winner: 'winner'
} as const

/** How the baseline artifact is looked for (`chooseBaseline`). */
export interface BaselineArtifactInputs {
  /** Default: the config's `model.baseline: { artifact }`. */
  readonly baselineArtifact?: string
  readonly baselineFallback: BaselineFallback
}

/** Reads `baseline-artifact` and `baseline-fallback`. */
export function readBaselineInputs(): BaselineArtifactInputs {
  const fallback = getString(BaselineInputs.BaselineFallback)
  if (!BASELINE_FALLBACKS.some((allowed) => allowed === fallback)) {
    throw new UserInputError(
      `input '${BaselineInputs.BaselineFallback.name}': expected ${BASELINE_FALLBACKS.join(' or ')}, got '${fallback}'`
    )
  }
  return {
    baselineArtifact: getString(BaselineInputs.BaselineArtifact),
    baselineFallback: fallback === 'none' ? 'none' : 'latest'
  }
}

export interface GateInputs extends BaselineArtifactInputs {
  readonly workspace: Workspace
  /** `null` outside a runner: no artifact can be fetched. */
  readonly token: string | null
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
    ...readBaselineInputs(),
    token: getString(Inputs.GitHubToken) ?? null,
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
