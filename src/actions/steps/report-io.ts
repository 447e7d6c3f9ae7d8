import { UserInputError } from '../../errors.js'
import { getBoolean, getPath, getString, getWorkspace } from '../../github/action-inputs.js'
import type { Workspace } from '../../io/workspace.js'
import { DEFAULT_OVERRIDE_LABEL } from '../../github/override.js'
import { RESULT_FILES } from '../../report/result-files.js'

/** Input and output names of actions/report/action.yml, in one place. */
export const Inputs = {
  ResultsDir: 'results-dir',
  Config: 'config',
  GitHubToken: 'github-token',
  Comment: 'comment',
  CommentKey: 'comment-key',
  PrNumber: 'pr-number',
  CheckName: 'check-name',
  SkipUnchanged: 'skip-unchanged',
  OverrideLabel: 'override-label',
  Summary: 'summary',
  AllowOutsideWorkspace: 'allow-outside-workspace'
} as const

/** The root action's inputs beyond the report's, as named in action.yml (as the gate action's). */
export const RunInputs = { Candidate: 'candidate', Baseline: 'baseline' } as const

/** The root action's output beyond the report's, as named in action.yml. */
export const RunOutputs = { Results: 'results' } as const

/** The report action's outputs, as named in actions/report/action.yml. */
export const Outputs = {
  Verdict: 'verdict',
  CommentId: 'comment-id',
  CommentUrl: 'comment-url',
  CheckRunId: 'check-run-id'
} as const

export interface ReportOptions {
  readonly results: string
  readonly config: string
  /** `null` when no token was given: nothing is sent to GitHub. */
  readonly token: string | null
  readonly comment: boolean
  readonly commentKey: string
  readonly prNumber: number | null
  /** `null`: no check run. */
  readonly checkName: string | null
  readonly skipUnchanged: boolean
  readonly overrideLabel: string
  readonly summary: boolean
  /** Where the config's and the inputs' paths must stay. */
  readonly workspace: Workspace
}

/** Reads and checks every input once. */
export function readReportInputs(): ReportOptions {
  const workspace = getWorkspace()
  const config = getPath(Inputs.Config, workspace) ?? 'ml-gate.yml'
  const pr = getString(Inputs.PrNumber)
  if (pr !== undefined && !/^[1-9][0-9]*$/.test(pr)) {
    throw new UserInputError(
      `input '${Inputs.PrNumber}': expected a pull request number such as 42, got '${pr}'`
    )
  }
  return {
    results: getString(Inputs.ResultsDir) ?? RESULT_FILES.folder,
    config,
    token: getString(Inputs.GitHubToken) ?? null,
    comment: getBoolean(Inputs.Comment, true),
    commentKey: getString(Inputs.CommentKey) ?? config,
    prNumber: pr === undefined ? null : Number(pr),
    checkName: getString(Inputs.CheckName) ?? null,
    skipUnchanged: getBoolean(Inputs.SkipUnchanged, true),
    overrideLabel: getString(Inputs.OverrideLabel) ?? DEFAULT_OVERRIDE_LABEL,
    summary: getBoolean(Inputs.Summary, true),
    workspace
  }
}
