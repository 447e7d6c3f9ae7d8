/**
 * The JSON GitHub answers for the fake's records, field for field as the OpenAPI response schemas
 * require (test/github-server checks every one against them). API URLs point at the fake, so a
 * client that follows `url` stays on 127.0.0.1; page URLs (`html_url`) point at github.com.
 */
import { pullRequestEvent } from './webhook-events.js'
import { REPOSITORY_ID } from './repo-state.js'
import type {
  Account,
  ArtifactRecord,
  CheckRunRecord,
  CommentRecord,
  IssueRecord,
  LabelEventRecord,
  LabelRecord,
  RepoState,
  Role
} from './repo-state.js'

/** Where the objects live: the fake's base URL and the repository. */
export interface Site {
  readonly api: string
  readonly state: RepoState
}

type Json = Record<string, unknown>

const WEB = 'https://github.com'

function repoApi(site: Site): string {
  return `${site.api}/repos/${site.state.owner}/${site.state.repo}`
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(String(id)).toString('base64url')}`
}

export function simpleUser(site: Site, account: Account): Json {
  const url = `${site.api}/users/${encodeURIComponent(account.login)}`
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === 'Bot' ? 'BOT' : 'U', account.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: '',
    url,
    html_url:
      account.type === 'Bot'
        ? `${WEB}/apps/${account.login.replace(/\[bot\]$/, '')}`
        : `${WEB}/${account.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false
  }
}

/** GET /user for a user token: the public profile fields plus the private ones GitHub adds. */
export function privateUser(site: Site, account: Account): Json {
  return {
    ...simpleUser(site, account),
    user_view_type: 'private',
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2025-06-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 }
  }
}

/**
 * The GitHub Actions app (id 15368 on github.com): the `app` of every check run a workflow's
 * `GITHUB_TOKEN` creates.
 */
export function githubActionsApp(site: Site): Json {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    owner: simpleUser(site, { login: 'github', id: 9919, type: 'Organization' }),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${WEB}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: {
      checks: 'write',
      contents: 'write',
      issues: 'write',
      metadata: 'read',
      pull_requests: 'write'
    },
    events: ['check_run', 'check_suite', 'pull_request', 'push', 'workflow_dispatch']
  }
}

function reactions(url: string): Json {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    confused: 0,
    heart: 0,
    hooray: 0,
    eyes: 0,
    rocket: 0
  }
}

/** OWNER for the repository owner, COLLABORATOR for a collaborator with write access or more. */
function authorAssociation(site: Site, account: Account): string {
  if (account.login === site.state.owner) return 'OWNER'
  const role = site.state.roles.get(account.login)
  return role === 'admin' || role === 'maintain' || role === 'write' ? 'COLLABORATOR' : 'NONE'
}

export function issueComment(site: Site, comment: CommentRecord): Json {
  const url = `${repoApi(site)}/issues/comments/${comment.id}`
  const issue = site.state.issue(comment.issueNumber)
  const page = issue?.isPullRequest === true ? 'pull' : 'issues'
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url,
    html_url: `${WEB}/${site.state.owner}/${site.state.repo}/${page}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: simpleUser(site, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repoApi(site)}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(site, comment.user),
    performed_via_github_app: null,
    reactions: reactions(url)
  }
}

export function label(site: Site, record: LabelRecord): Json {
  return {
    id: record.id,
    node_id: nodeId('LA', record.id),
    url: `${repoApi(site)}/labels/${encodeURIComponent(record.name)}`,
    name: record.name,
    color: record.color,
    default: false,
    description: record.description
  }
}

export function issue(site: Site, record: IssueRecord): Json {
  const url = `${repoApi(site)}/issues/${record.number}`
  const web = `${WEB}/${site.state.owner}/${site.state.repo}`
  const json: Json = {
    id: record.id,
    node_id: nodeId(record.isPullRequest ? 'PR' : 'I', record.id),
    url,
    repository_url: repoApi(site),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${web}/${record.isPullRequest ? 'pull' : 'issues'}/${record.number}`,
    number: record.number,
    state: record.state,
    state_reason: record.stateReason,
    title: record.title,
    body: record.body,
    user: simpleUser(site, record.user),
    labels: record.labels.map((name) => label(site, site.state.label(name))),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: site.state.comments.filter((c) => c.issueNumber === record.number).length,
    closed_at: record.closedAt,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    closed_by: null,
    author_association: authorAssociation(site, record.user),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    reactions: reactions(url)
  }
  if (record.isPullRequest) {
    json.pull_request = {
      url: `${repoApi(site)}/pulls/${record.number}`,
      html_url: `${web}/pull/${record.number}`,
      diff_url: `${web}/pull/${record.number}.diff`,
      patch_url: `${web}/pull/${record.number}.patch`,
      merged_at: null
    }
    json.draft = false
  }
  return json
}

/**
 * GET …/pulls/{n}: the pull request of a real webhook delivery (the REST shape, field for field),
 * at the record's number, title, state and head commit.
 */
export function pullRequest(site: Site, record: IssueRecord): Json {
  const pull = pullRequestEvent('opened', {
    owner: site.state.owner,
    repo: site.state.repo,
    pullNumber: record.number,
    ...(record.headSha === null ? {} : { headSha: record.headSha })
  }).payload.pull_request as Json
  return {
    ...pull,
    id: record.id,
    title: record.title,
    body: record.body,
    state: record.state,
    user: simpleUser(site, record.user),
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    closed_at: record.closedAt,
    auto_merge: null
  }
}

/** A `labeled` or `unlabeled` event of GET …/issues/{n}/events. */
export function labelEvent(site: Site, event: LabelEventRecord): Json {
  const color = site.state.label(event.label).color
  return {
    id: event.id,
    node_id: nodeId(event.event === 'labeled' ? 'LE' : 'UNLE', event.id),
    url: `${repoApi(site)}/issues/events/${event.id}`,
    actor: simpleUser(site, event.actor),
    event: event.event,
    commit_id: null,
    commit_url: null,
    created_at: event.createdAt,
    performed_via_github_app: null,
    label: { name: event.label, color }
  }
}

export function checkRun(site: Site, run: CheckRunRecord): Json {
  const url = `${repoApi(site)}/check-runs/${run.id}`
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('CR', run.id),
    head_sha: run.headSha,
    external_id: run.externalId ?? '',
    url,
    html_url: `${WEB}/${site.state.owner}/${site.state.repo}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${WEB}/${site.state.owner}/${site.state.repo}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`
    },
    check_suite: { id: run.id + 1_000_000 },
    app: githubActionsApp(site),
    pull_requests: []
  }
}

/** GET …/collaborators/{username}/permission. */
export function collaboratorPermission(site: Site, account: Account, role: Role): Json {
  const legacy = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
  const rights = {
    admin: role === 'admin',
    maintain: role === 'admin' || role === 'maintain',
    push: ['admin', 'maintain', 'write'].includes(role),
    triage: ['admin', 'maintain', 'write', 'triage'].includes(role),
    pull: role !== 'none'
  }
  return {
    permission: legacy,
    role_name: role,
    user: { ...simpleUser(site, account), permissions: rights, role_name: role }
  }
}

/** A commit as compare lists it; authors are left `null` (unlinked accounts, as GitHub allows). */
export function commit(site: Site, sha: string): Json {
  const url = `${repoApi(site)}/commits/${sha}`
  const web = `${WEB}/${site.state.owner}/${site.state.repo}`
  return {
    url,
    sha,
    node_id: nodeId('C', parseInt(sha.slice(0, 8), 16) || 1),
    html_url: `${web}/commit/${sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${repoApi(site)}/git/commits/${sha}`,
      author: { name: 'Octo Cat', email: 'octocat@github.com', date: '2026-01-01T00:00:00Z' },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: '2026-01-01T00:00:00Z' },
      message: `commit ${sha.slice(0, 7)}`,
      comment_count: 0,
      tree: { sha: sha.split('').reverse().join(''), url: `${repoApi(site)}/git/trees/${sha}` },
      verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null }
    },
    author: null,
    committer: null,
    parents: (site.state.commits.get(sha) ?? []).map((parent) => ({
      sha: parent,
      url: `${repoApi(site)}/commits/${parent}`,
      html_url: `${web}/commit/${parent}`
    }))
  }
}

/**
 * GET …/compare/{base}...{head}: the merge base, how far `head` is ahead of and behind it, and
 * the commits `head` has that `base` has not (`ahead`, nearest last as GitHub lists them).
 */
export function commitComparison(
  site: Site,
  basehead: string,
  comparison: { base: string; mergeBase: string; ahead: readonly string[]; behindBy: number }
): Json {
  const { base, mergeBase, ahead, behindBy } = comparison
  const web = `${WEB}/${site.state.owner}/${site.state.repo}`
  const status =
    ahead.length === 0 && behindBy === 0
      ? 'identical'
      : behindBy === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged'
  return {
    url: `${repoApi(site)}/compare/${basehead}`,
    html_url: `${web}/compare/${basehead}`,
    permalink_url: `${web}/compare/${site.state.owner}:${base}...${site.state.owner}:${ahead.at(0) ?? base}`,
    diff_url: `${web}/compare/${basehead}.diff`,
    patch_url: `${web}/compare/${basehead}.patch`,
    base_commit: commit(site, base),
    merge_base_commit: commit(site, mergeBase),
    status,
    ahead_by: ahead.length,
    behind_by: behindBy,
    total_commits: ahead.length,
    commits: [...ahead].reverse().map((sha) => commit(site, sha)),
    files: []
  }
}

/** An Actions artifact as the artifacts list shows it; it expires 90 days after its upload. */
export function artifact(site: Site, record: ArtifactRecord): Json {
  const url = `${repoApi(site)}/actions/artifacts/${record.id}`
  const expires = new Date(Date.parse(record.createdAt) + 90 * 86_400_000).toISOString().replace('.000Z', 'Z')
  return {
    id: record.id,
    node_id: nodeId('MDg6QXJ0aWZhY3Q', record.id),
    name: record.name,
    size_in_bytes: record.zip.byteLength,
    url,
    archive_download_url: `${url}/zip`,
    expired: record.expired,
    created_at: record.createdAt,
    updated_at: record.createdAt,
    expires_at: expires,
    digest: null,
    workflow_run: {
      id: record.runId,
      repository_id: REPOSITORY_ID,
      head_repository_id: record.headRepositoryId,
      head_branch: record.headBranch,
      head_sha: record.headSha
    }
  }
}
