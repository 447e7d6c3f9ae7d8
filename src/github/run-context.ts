import { readFileSync } from 'node:fs'
import { UserInputError } from '../errors.js'
import { runUrlOf } from '../report/run-url.js'

/** What a step knows about its workflow run, from the runner's environment and event payload. */
export interface RunContext {
  readonly owner: string
  readonly repo: string
  readonly eventName: string
  /** The pull request the run is about, `null` when none is known. */
  readonly pullNumber: number | null
  /** The commit the results are for: the pull request's head, else `GITHUB_SHA`. */
  readonly headSha: string | null
  /** A pull request event's base branch (`pull_request.base.ref`), `null` in other events. */
  readonly baseRef: string | null
  /**
   * In a `workflow_run` event, the commit the triggering run was for (`workflow_run.head_sha`,
   * set by GitHub); `null` in other events or when the payload lacks it.
   */
  readonly workflowRunHeadSha: string | null
  /** The REST API (`GITHUB_API_URL`; GitHub Enterprise Server has its own). */
  readonly apiUrl: string
  /** The run's page, where the job summary is; `null` when unknown. */
  readonly runUrl: string | null
  /**
   * In a `workflow_run` event, the page of the triggering run (from `workflow_run.id`): the run
   * that computed the results this one reports, with their inputs; `null` otherwise.
   */
  readonly workflowRunUrl: string | null
}

interface Payload {
  pull_request?: { number?: number; head?: { sha?: string }; base?: { ref?: string } }
  workflow_run?: { head_sha?: string; id?: number; pull_requests?: { number?: number }[] }
  issue?: { number?: number; pull_request?: unknown }
}

/**
 * Reads the run's context from the environment the runner gives a step. The pull request is
 * `pullNumber` when given (the `pr-number` input: needed in `workflow_run` workflows for forks,
 * whose `workflow_run.pull_requests` is empty), else the `pull_request` payload's, else the first
 * of `workflow_run.pull_requests`, else an `issue_comment` on a pull request.
 *
 * @throws UserInputError when `GITHUB_REPOSITORY` is missing or the event file is unreadable
 */
export function readRunContext(
  env: Readonly<Record<string, string | undefined>>,
  pullNumber: number | null
): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const slash = repository.indexOf('/')
  if (slash <= 0) {
    throw new UserInputError(
      `GITHUB_REPOSITORY is '${repository}', expected owner/repo: run this action in a GitHub workflow`
    )
  }
  let payload: Payload = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Payload
    } catch (error) {
      throw new UserInputError(`cannot read the event payload: ${(error as Error).message}`, {
        file: env.GITHUB_EVENT_PATH
      })
    }
  }
  const fromPayload =
    payload.pull_request?.number ??
    payload.workflow_run?.pull_requests?.[0]?.number ??
    (payload.issue?.pull_request === undefined ? undefined : payload.issue.number)
  const workflowRun = env.GITHUB_EVENT_NAME === 'workflow_run' ? payload.workflow_run : undefined
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  return {
    owner: repository.slice(0, slash),
    repo: repository.slice(slash + 1),
    eventName: env.GITHUB_EVENT_NAME ?? '',
    pullNumber: pullNumber ?? fromPayload ?? null,
    headSha: payload.pull_request?.head?.sha ?? payload.workflow_run?.head_sha ?? env.GITHUB_SHA ?? null,
    baseRef: payload.pull_request?.base?.ref ?? null,
    workflowRunHeadSha: workflowRun?.head_sha ?? null,
    // Built from the numeric id, not taken as a string, so the link can only point at a run here.
    workflowRunUrl: Number.isSafeInteger(workflowRun?.id)
      ? `${server}/${repository}/actions/runs/${workflowRun?.id}`
      : null,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runUrl: runUrlOf(env)
  }
}
