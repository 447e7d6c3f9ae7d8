/**
 * Which baseline an action gates against: the `baseline` input (a file) first; else the artifact
 * that the `baseline-artifact` input or the config's `model.baseline: { artifact }` names, found
 * for the pull request (`findBaselineArtifact`); else the config's own file. Shared by the gate
 * and root actions, which pass the answer to their step.
 */
import { tmpdir } from 'node:os'
import { configuredBaselineArtifact } from '../config/baseline.js'
import { loadConfig } from '../config/load.js'
import type { Workspace } from '../io/workspace.js'
import type { BaselineFallback } from './baseline-fallback.js'
import type { ClientLog } from './octokit.js'
import type { RunContext } from './run-context.js'

export interface BaselineRequest {
  readonly config: string
  readonly workspace: Workspace
  /** The `baseline` input: a file, which wins. */
  readonly baseline?: string
  /** The `baseline-artifact` input; default the config's `model.baseline: { artifact }`. */
  readonly artifact?: string
  readonly fallback: BaselineFallback
  /** `null`: no token was given, nothing can be fetched. */
  readonly token: string | null
  /** Read only when an artifact is to be looked for (outside a runner there is no context). */
  readonly context: () => RunContext
  /** Where the artifact is unpacked (the runner's `RUNNER_TEMP`); default the system's temp folder. */
  readonly tempDir?: string
  readonly log: ClientLog & { readonly info: (message: string) => void }
}

/** What the step is given: fields of `RunGateOptions` / `RunStepRequest`. */
export interface BaselineChoice {
  /** `null`: the artifact asked for was not found, and no file of the config stands in for it. */
  readonly baseline?: string | null
  readonly baselineSource?: string
  readonly baselineMissing?: string
}

/**
 * The baseline for this run (module comment). An artifact is looked for only in a pull request
 * event (it is found at the pull request's merge base); elsewhere, as without a token, the
 * choice says why there is none. Says on `log` what was found, or as a warning why nothing was
 * found for a pull request.
 *
 * @throws UserInputError for a config that cannot be read (when the inputs name no baseline)
 */
export async function chooseBaseline(request: BaselineRequest): Promise<BaselineChoice> {
  if (request.baseline !== undefined) return { baseline: request.baseline }
  const artifact =
    request.artifact ??
    configuredBaselineArtifact(
      (await loadConfig(request.config, { workspace: request.workspace })).config.model
    )
  if (artifact === undefined) return {}
  const context = request.context()
  if (context.baseRef === null || context.headSha === null) {
    // Expected on the default branch's own runs, which upload the artifact: said, not warned.
    const baselineMissing =
      `the baseline artifact '${artifact}' is looked for at a pull request's merge base, and this ` +
      `${context.eventName || 'run'} event is not a pull request`
    request.log.info(`ml-gate: no baseline: ${baselineMissing}`)
    return { baseline: null, baselineMissing }
  }
  const choice = await lookUp(
    request,
    { ...context, baseRef: context.baseRef, headSha: context.headSha },
    artifact
  )
  if (choice.baselineSource !== undefined) request.log.info(`ml-gate: baseline: ${choice.baselineSource}`)
  if (choice.baselineMissing !== undefined)
    request.log.warn(`ml-gate: no baseline: ${choice.baselineMissing}`)
  return choice
}

/** A pull request's context: its base branch and head commit are known. */
type PullContext = RunContext & { readonly baseRef: string; readonly headSha: string }

async function lookUp(
  request: BaselineRequest,
  context: PullContext,
  artifact: string
): Promise<BaselineChoice> {
  if (request.token === null) {
    return { baseline: null, baselineMissing: `no github-token to read the artifact '${artifact}' with` }
  }
  // Octokit and the unzip library are loaded only when there is something to ask GitHub.
  const { createGitHubClient } = await import('./octokit.js')
  const { findBaselineArtifact } = await import('./baseline-artifact.js')
  const client = createGitHubClient(request.token, { baseUrl: context.apiUrl, log: request.log })
  const found = await findBaselineArtifact(client, {
    owner: context.owner,
    repo: context.repo,
    artifact,
    fallback: request.fallback,
    baseBranch: context.baseRef,
    headSha: context.headSha,
    tempDir: request.tempDir ?? tmpdir()
  })
  return found.found
    ? { baseline: found.file, baselineSource: found.source }
    : { baseline: null, baselineMissing: found.missing }
}
