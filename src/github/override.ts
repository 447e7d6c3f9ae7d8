import type { OverrideDecision } from '../report/pr-report.js'
import { statusOf } from './api-errors.js'
import type { GitHubClient } from './octokit.js'
import type { IssueRef } from './sticky-comment.js'

interface LabelEvent {
  readonly event: string
  readonly created_at: string
  readonly actor: { readonly login: string } | null
  readonly label?: { readonly name: string }
}

/** The label users put on a pull request to ship despite a failing gate. */
export const DEFAULT_OVERRIDE_LABEL = 'ml-gate:override'

/**
 * Who put the override `label` on the pull request, and whether that counts. The label must be on
 * the pull request now; the person is the actor of its latest `labeled` event (every page of
 * events is read); it counts only when their permission on the repository is write or admin
 * (GitHub's `permission` folds maintain into write; custom roles into their base role).
 *
 * @returns `null` when the label is not on the pull request (or no event says who added it)
 */
export async function findOverride(
  client: GitHubClient,
  issue: IssueRef,
  label: string
): Promise<OverrideDecision | null> {
  const where = { owner: issue.owner, repo: issue.repo }
  const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, {
    ...where,
    issue_number: issue.issueNumber,
    per_page: 100
  })
  if (!labels.some((l) => l.name === label)) return null
  const events = await client.paginate(client.rest.issues.listEvents, {
    ...where,
    issue_number: issue.issueNumber,
    per_page: 100
  })
  // The events are a union of shapes; a `labeled` event carries `label` and `actor`.
  const added = (events as readonly LabelEvent[])
    .filter((e) => e.event === 'labeled' && e.label?.name === label)
    .at(-1)
  if (added?.actor == null) return null
  const by = added.actor.login
  let permission = 'none'
  let role = 'none'
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...where, username: by })
    permission = data.permission
    role = data.role_name ?? data.permission
  } catch (error) {
    // 404: not a collaborator (or the account is gone): no permission.
    if (statusOf(error) !== 404) throw error
  }
  return { label, by, at: added.created_at, role, honoured: permission === 'admin' || permission === 'write' }
}
