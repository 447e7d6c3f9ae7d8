import { statusOf } from './api-errors.js'
import type { GitHubClient } from './octokit.js'

/** A pull request (or issue) of a repository. */
export interface IssueRef {
  readonly owner: string
  readonly repo: string
  readonly issueNumber: number
}

/** Who the token writes as. Comments are ours only when this account wrote them. */
export interface Identity {
  readonly login: string
  readonly type: 'Bot' | 'User'
}

/** The author of everything a workflow's `GITHUB_TOKEN` writes. */
export const GITHUB_ACTIONS_BOT: Identity = { login: 'github-actions[bot]', type: 'Bot' }

/**
 * The account the token writes as. `GET /user` answers for a user token (a PAT); an installation
 * token (`GITHUB_TOKEN`, app tokens) gets 403 or 401 there and writes as `github-actions[bot]`.
 */
export async function tokenIdentity(client: GitHubClient): Promise<Identity> {
  try {
    const { data } = await client.rest.users.getAuthenticated()
    return { login: data.login, type: data.type === 'Bot' ? 'Bot' : 'User' }
  } catch (error) {
    const status = statusOf(error)
    if (status === 401 || status === 403) return GITHUB_ACTIONS_BOT
    throw error
  }
}

export interface StickyComment {
  /** `unchanged`: `skipUnchanged` and the body was the same; `recreated`: deleted meanwhile. */
  readonly action: 'created' | 'updated' | 'unchanged' | 'recreated'
  readonly id: number
  readonly url: string
}

export interface StickyOptions {
  /** The hidden marker that names the comment, `<!-- ml-gate:KEY -->` (see `commentMarker`). */
  readonly marker: string
  /** Only comments written by this account are ours; anyone can quote a marker. */
  readonly identity: Identity
  /** The new body (which must contain `marker`) from the current one, `null` when there is none. */
  readonly render: (previous: string | null) => string
  /** Leave the comment alone when the body would not change. */
  readonly skipUnchanged: boolean
}

/**
 * Creates or edits the one comment of a pull request that carries `marker` and was written by
 * `identity`: every page of comments is read (`octokit.paginate`, 100 per page), so a comment
 * past the first page is found; a comment by someone else that quotes the marker is never
 * touched. When the comment is deleted between the lookup and the edit (404), it is created again.
 * With several matching comments, the oldest is edited.
 *
 * Two runs racing on one pull request (two pushes in quick succession) can both find no comment
 * and both create one. So every creation is followed by a second lookup that settles on one
 * comment: the oldest of ours stays; a run whose new comment is not the oldest writes its body
 * into the oldest (the body written last wins, as with two edits) and every other comment of ours
 * is deleted. Whatever the interleaving, once both runs are done exactly one comment is left,
 * holding the body of the run that created last. (A workflow `concurrency:` group avoids the race
 * altogether.)
 */
export async function upsertStickyComment(
  client: GitHubClient,
  issue: IssueRef,
  options: StickyOptions
): Promise<StickyComment> {
  const where = { owner: issue.owner, repo: issue.repo }
  const listOurs = async () => {
    const comments = await client.paginate(client.rest.issues.listComments, {
      ...where,
      issue_number: issue.issueNumber,
      per_page: 100
    })
    return comments
      .filter(
        (c) =>
          c.body?.includes(options.marker) === true &&
          c.user?.login === options.identity.login &&
          c.user?.type === options.identity.type
      )
      .sort((a, b) => a.id - b.id)
  }
  const update = async (id: number, body: string): Promise<StickyComment> => {
    const { data } = await client.rest.issues.updateComment({ ...where, comment_id: id, body })
    return { action: 'updated', id: data.id, url: data.html_url }
  }
  const create = async (action: 'created' | 'recreated', body: string): Promise<StickyComment> => {
    const { data } = await client.rest.issues.createComment({
      ...where,
      issue_number: issue.issueNumber,
      body
    })
    return settle({ action, id: data.id, url: data.html_url }, body)
  }
  /** After a creation: one comment of ours is left, the oldest, with the body written last. */
  const settle = async (created: StickyComment, body: string): Promise<StickyComment> => {
    const ours = await listOurs()
    let kept = created
    if (ours.length > 0 && ours[0].id !== created.id) {
      // The action says what this run did; the id and address are those of the comment kept.
      const { id, url } = await ignoreNotFound(() => update(ours[0].id, body), created)
      kept = { action: created.action, id, url }
    }
    for (const comment of ours) {
      if (comment.id !== kept.id)
        await ignoreNotFound(
          () => client.rest.issues.deleteComment({ ...where, comment_id: comment.id }),
          null
        )
    }
    return kept
  }

  const [ours] = await listOurs()
  if (ours === undefined) return create('created', options.render(null))
  const body = options.render(ours.body ?? null)
  if (options.skipUnchanged && body === ours.body)
    return { action: 'unchanged', id: ours.id, url: ours.html_url }
  try {
    return await update(ours.id, body)
  } catch (error) {
    if (statusOf(error) !== 404) throw error
    return create('recreated', body)
  }
}

/** `call()`, or `fallback` when what it acts on was deleted meanwhile (404). */
async function ignoreNotFound<T, F>(call: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await call()
  } catch (error) {
    if (statusOf(error) !== 404) throw error
    return fallback
  }
}
