import { UserInputError } from '../../errors.js'
import {
  ALLOW_OUTSIDE_WORKSPACE,
  getBoolean,
  getPath,
  getString,
  getWorkspace,
  input,
  runnerInput
} from '../../github/action-inputs.js'
import { DEFAULT_OVERRIDE_LABEL } from '../../github/override.js'
import type { Workspace } from '../../io/workspace.js'
import { RESULT_FILES } from '../../documents/result-names.js'

/**
 * The inputs the report action and the root action share, with their defaults; the root action
 * (action.yml) gives `results-dir` none (the config's `report.output` is its default).
 */
export const PublishInputs = {
  Config: input('config', 'ml-gate.yml'),
  GitHubToken: runnerInput('github-token', '${{ github.token }}'),
  Comment: input('comment', 'true'),
  CommentKey: input('comment-key'),
  PrNumber: input('pr-number'),
  CheckName: input('check-name'),
  SkipUnchanged: input('skip-unchanged', 'true'),
  OverrideLabel: input('override-label', DEFAULT_OVERRIDE_LABEL),
  Summary: input('summary', 'true'),
  AllowOutsideWorkspace: ALLOW_OUTSIDE_WORKSPACE
} as const

/** The inputs of actions/report/action.yml with their defaults (test/actions/inputs.test.ts). */
export const Inputs = {
  ResultsDir: input('results-dir', RESULT_FILES.folder),
  ...PublishInputs
} as const

/** The report action's outputs, as named in actions/report/action.yml (the root action's too). */
export const Outputs = {
  Verdict: 'verdict',
  CommentId: 'comment-id',
  CommentUrl: 'comment-url',
  CheckRunId: 'check-run-id',
  /** Several named candidates: the winner's name; unset when none passes or with one candidate. */
  Winner: 'winner'
} as const

export interface PublishOptions {
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

export interface ReportOptions extends PublishOptions {
  readonly results: string
}

/** Reads and checks the publishing inputs once (see `PublishInputs`). */
export function readPublishInputs(): PublishOptions {
  const workspace = getWorkspace()
  const config = getPath(PublishInputs.Config, workspace)
  const pr = getString(PublishInputs.PrNumber)
  if (pr !== undefined && !/^[1-9][0-9]*$/.test(pr)) {
    throw new UserInputError(
      `input '${PublishInputs.PrNumber.name}': expected a pull request number such as 42, got '${pr}'`
    )
  }
  return {
    config,
    token: getString(PublishInputs.GitHubToken) ?? null,
    comment: getBoolean(PublishInputs.Comment),
    commentKey: getString(PublishInputs.CommentKey) ?? config,
    prNumber: pr === undefined ? null : Number(pr),
    checkName: getString(PublishInputs.CheckName) ?? null,
    skipUnchanged: getBoolean(PublishInputs.SkipUnchanged),
    overrideLabel: getString(PublishInputs.OverrideLabel),
    summary: getBoolean(PublishInputs.Summary),
    workspace
  }
}

/** Reads and checks every input of the report action once. */
export function readReportInputs(): ReportOptions {
  const publish = readPublishInputs()
  return { ...publish, results: getString(Inputs.ResultsDir) }
}
