import type { GitHubClient } from './octokit.js'
import { isOurs, type Identity } from './sticky-comment.js'

export interface RepoRef {
  readonly owner: string
  readonly repo: string
}

export interface MonitorIssueOptions {
  /** The hidden marker that names the issue, `<!-- ml-gate:KEY -->` (see `commentMarker`). */
  readonly marker: string
  /** Only issues opened by this account are ours; anyone can quote a marker. */
  readonly identity: Identity
  /** Whether the newest window alerts (or cannot be judged): the issue should be open. */
  readonly alerting: boolean
  readonly title: string
  /** The body while alerting (which must contain `marker`). */
  readonly body: string
  /** The comment that closes the issue when the alert clears. */
  readonly cleared: string
}

export interface MonitorIssue {
  /** `none`: no alert and no open issue, nothing done. */
  readonly action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none'
  readonly number: number | null
  readonly url: string | null
}

/**
 * Keeps the one open issue of a monitor config: the open issues of the repository are read, every
 * page, and ours is the oldest one opened by `identity` whose body carries `marker` (never a pull
 * request, never someone else's issue that quotes the marker). While alerting it is opened, or its
 * body updated (left alone when unchanged); once the alert clears it gets the `cleared` comment and
 * is closed as completed. The next alert opens a new issue: one issue per episode, one open at a
 * time. (Two runs at once could both open one: the example workflow's `concurrency:` prevents it.)
 */
export async function keepMonitorIssue(
  client: GitHubClient,
  repo: RepoRef,
  options: MonitorIssueOptions
): Promise<MonitorIssue> {
  const where = { owner: repo.owner, repo: repo.repo }
  const open = await client.paginate(client.rest.issues.listForRepo, {
    ...where,
    state: 'open',
    per_page: 100
  })
  const [ours] = open
    .filter((i) => i.pull_request === undefined && isOurs(i, options.marker, options.identity))
    .sort((a, b) => a.number - b.number)
  if (options.alerting) {
    if (ours === undefined) {
      const { data } = await client.rest.issues.create({ ...where, title: options.title, body: options.body })
      return { action: 'opened', number: data.number, url: data.html_url }
    }
    if (ours.body === options.body) return { action: 'unchanged', number: ours.number, url: ours.html_url }
    const { data } = await client.rest.issues.update({
      ...where,
      issue_number: ours.number,
      body: options.body
    })
    return { action: 'updated', number: data.number, url: data.html_url }
  }
  if (ours === undefined) return { action: 'none', number: null, url: null }
  await client.rest.issues.createComment({ ...where, issue_number: ours.number, body: options.cleared })
  const { data } = await client.rest.issues.update({
    ...where,
    issue_number: ours.number,
    state: 'closed',
    state_reason: 'completed'
  })
  return { action: 'closed', number: data.number, url: data.html_url }
}
