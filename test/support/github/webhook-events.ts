/**
 * Real webhook payloads (`@octokit/webhooks-examples`, contributed from github.com deliveries)
 * rewritten to point at the fake's repository, pull request and commit: what a runner writes to
 * `GITHUB_EVENT_PATH`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Payload = Record<string, unknown>

interface ExampleGroup {
  readonly name: string
  readonly examples: readonly Payload[]
}

/** Where the event happens. */
export interface EventTarget {
  readonly owner: string
  readonly repo: string
  readonly pullNumber: number
  /** The pull request's head commit. Default `'0123456789abcdef0123456789abcdef01234567'`. */
  readonly headSha?: string
  /**
   * The owner of the fork the pull request comes from; absent for a branch of the repository
   * itself. A fork's `pull_request` run gets a read-only token.
   */
  readonly forkOwner?: string
}

/** An event as the runner gives it to a step. */
export interface WorkflowEvent {
  /** `GITHUB_EVENT_NAME`. */
  readonly name: string
  readonly payload: Payload
}

export const DEFAULT_HEAD_SHA = '0123456789abcdef0123456789abcdef01234567'

let examples: readonly ExampleGroup[] | null = null

function example(event: string, pick: (payload: Payload) => boolean): Payload {
  if (examples === null) {
    const path = createRequire(import.meta.url).resolve(
      '@octokit/webhooks-examples/api.github.com/index.json'
    )
    examples = JSON.parse(readFileSync(path, 'utf8')) as ExampleGroup[]
  }
  const found = examples.find((group) => group.name === event)?.examples.find(pick)
  if (found === undefined) throw new Error(`@octokit/webhooks-examples has no such ${event} example`)
  return found
}

/**
 * Moves a payload to `target`'s repository: every mention of the examples' `owner/repo` (names,
 * URLs) and of its pull request number in URLs. Returns a fresh copy.
 */
function retarget(
  payload: Payload,
  fromRepositories: readonly string[],
  fromNumber: number,
  target: EventTarget
): Payload {
  const text = fromRepositories
    .reduce((json, from) => json.split(from).join(`${target.owner}/${target.repo}`), JSON.stringify(payload))
    .replace(new RegExp(`/(pulls|issues|pull)/${fromNumber}(?=["/#])`, 'g'), `/$1/${target.pullNumber}`)
  const moved = JSON.parse(text) as Payload
  const repository = moved.repository as Payload & { owner: Payload }
  repository.name = target.repo
  repository.owner.login = target.owner
  return moved
}

/** The head repository of a fork: the base repository under another owner, `fork: true`. */
function forkOf(repository: Payload & { owner: Payload }, forkOwner: string): Payload {
  const fullName = `${forkOwner}/${repository.name as string}`
  return {
    ...JSON.parse(
      JSON.stringify(repository)
        .split(repository.full_name as string)
        .join(fullName)
    ),
    id: (repository.id as number) + 1,
    full_name: fullName,
    fork: true,
    owner: { ...repository.owner, login: forkOwner, id: (repository.owner.id as number) + 1 }
  }
}

/**
 * A `pull_request` event (`opened` or `synchronize`) on `target`, from a branch of the repository
 * or, with `forkOwner`, from a fork (`pull_request.head.repo.fork` true, another owner).
 */
export function pullRequestEvent(action: 'opened' | 'synchronize', target: EventTarget): WorkflowEvent {
  const original = example('pull_request', (p) => p.action === action)
  const payload = retarget(
    original,
    [(original.repository as Payload).full_name as string],
    original.number as number,
    target
  )
  const pull = payload.pull_request as Payload & {
    head: Payload & { repo: Payload }
    base: Payload & { repo: Payload }
  }
  const headSha = target.headSha ?? DEFAULT_HEAD_SHA
  payload.number = target.pullNumber
  pull.number = target.pullNumber
  pull.head.sha = headSha
  pull.base.repo = payload.repository as Payload
  pull.head.repo = payload.repository as Payload
  if (action === 'synchronize') payload.after = headSha
  if (target.forkOwner !== undefined) {
    pull.head.repo = forkOf(payload.repository as Payload & { owner: Payload }, target.forkOwner)
    pull.head.label = `${target.forkOwner}:${pull.head.ref as string}`
  }
  return { name: 'pull_request', payload }
}

/**
 * A `workflow_run` `completed` event for a `pull_request` run of `target` that concluded
 * `conclusion`. For a fork, `workflow_run.pull_requests` is empty — GitHub lists only pull
 * requests whose head is in the repository — so the number must come from elsewhere.
 */
export function workflowRunEvent(
  target: EventTarget,
  conclusion: 'success' | 'failure' = 'success'
): WorkflowEvent {
  const original = example(
    'workflow_run',
    (p) => p.action === 'completed' && ((p.workflow_run as Payload).pull_requests as unknown[]).length > 0
  )
  // This example's pull request lives in Codertocat/Hello-World (number 2): moved too.
  const payload = retarget(
    original,
    [(original.repository as Payload).full_name as string, 'Codertocat/Hello-World'],
    2,
    target
  )
  const run = payload.workflow_run as Payload & { pull_requests: (Payload & { head: Payload })[] }
  const headSha = target.headSha ?? DEFAULT_HEAD_SHA
  run.event = 'pull_request'
  run.conclusion = conclusion
  run.head_sha = headSha
  run.repository = payload.repository
  run.head_repository =
    target.forkOwner === undefined
      ? payload.repository
      : forkOf(payload.repository as Payload & { owner: Payload }, target.forkOwner)
  if (target.forkOwner !== undefined) run.pull_requests = []
  for (const pull of run.pull_requests) {
    pull.number = target.pullNumber
    pull.head.sha = headSha
  }
  return { name: 'workflow_run', payload }
}
