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

/**
 * Whether a comment or issue is ours: it carries `marker` and `identity` wrote it (anyone can
 * quote a marker, so the marker alone is not enough).
 */
export function isOurs(
  item: {
    readonly body?: string | null
    readonly user?: { readonly login: string; readonly type: string } | null
  },
  marker: string,
  identity: Identity
): boolean {
  return (
    item.body?.includes(marker) === true &&
    item.user?.login === identity.login &&
    item.user?.type === identity.type
  )
}

/** GraphQL's `viewer`: the only "who am I" that every kind of token may ask. */
const VIEWER_QUERY = 'query { viewer { login } }'

/**
 * The account the token writes as, for any kind of token: a workflow's `GITHUB_TOKEN`
 * (`github-actions[bot]`), a GitHub App's installation token (`<app-slug>[bot]`) or a user's
 * token (the user). GraphQL `viewer` answers all three with the login comments show; REST has
 * no such call for installation tokens (`GET /user` answers 403 to them, `GET /app` wants the
 * app's JWT). Bot logins end in `[bot]` (fullsend-ai/fullsend#1953: an app's installation token
 * gets `fullsend-ai-coder[bot]`).
 */
export async function tokenIdentity(client: GitHubClient): Promise<Identity> {
  const { viewer } = await client.graphql<{ viewer: { login: string } }>(VIEWER_QUERY)
  return { login: viewer.login, type: viewer.login.endsWith('[bot]') ? 'Bot' : 'User' }
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
    return comments.filter((c) => isOurs(c, options.marker, options.identity)).sort((a, b) => a.id - b.id)
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
