/**
 * The in-memory state of one repository behind the fake GitHub API: issues (a pull request is an
 * issue too, as in GitHub), their comments, labels and label events, check runs and collaborator
 * permissions; commits and branches (for compare) and Actions artifacts with their zips. Tests seed it (`addComment`, `labelIssue`, `setPermission`…) and assert on it.
 *
 * Time is a deterministic clock: 2026-01-01T00:00:00Z, one second later at every write, so a test
 * can assert exact timestamps. Ids come from per-kind sequences, as numbers of the size GitHub uses.
 */

import { DEFAULT_HEAD_SHA } from './webhook-events.js'

/** A GitHub account as the REST API shows it in `user`, `actor`… */
export interface Account {
  readonly login: string
  readonly id: number
  readonly type: 'User' | 'Bot' | 'Organization'
}

/**
 * The account behind a workflow's `GITHUB_TOKEN`: every comment, issue or label the token writes
 * shows this user (id 41898282 on github.com).
 */
export const GITHUB_ACTIONS_BOT: Account = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

export interface CommentRecord {
  readonly id: number
  readonly issueNumber: number
  body: string
  readonly user: Account
  readonly createdAt: string
  updatedAt: string
}

export interface LabelRecord {
  readonly id: number
  readonly name: string
  readonly color: string
  readonly description: string | null
}

export interface IssueRecord {
  readonly id: number
  readonly number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  stateReason: 'completed' | 'not_planned' | 'reopened' | null
  /** Label names, in the order they were added. */
  labels: string[]
  readonly user: Account
  readonly isPullRequest: boolean
  /** A pull request's head commit (a push moves it); `null` for an issue. */
  headSha: string | null
  readonly createdAt: string
  updatedAt: string
  closedAt: string | null
}

export interface LabelEventRecord {
  readonly id: number
  readonly issueNumber: number
  readonly event: 'labeled' | 'unlabeled'
  readonly actor: Account
  readonly label: string
  readonly createdAt: string
}

export interface CheckAnnotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly start_column?: number
  readonly end_column?: number
  readonly annotation_level: 'notice' | 'warning' | 'failure'
  readonly message: string
  readonly title?: string
  readonly raw_details?: string
}

export interface CheckRunRecord {
  readonly id: number
  name: string
  readonly headSha: string
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: string | null
  startedAt: string
  completedAt: string | null
  detailsUrl: string | null
  externalId: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  /** Every annotation sent, across create and updates (GitHub appends them). */
  readonly annotations: CheckAnnotation[]
}

/** An Actions artifact: what a run uploaded (`actions/upload-artifact`), with its zip's bytes. */
export interface ArtifactRecord {
  readonly id: number
  readonly name: string
  readonly zip: Uint8Array
  expired: boolean
  readonly createdAt: string
  /** The run that uploaded it. */
  readonly runId: number
  readonly headBranch: string
  readonly headSha: string
  /** `REPOSITORY_ID` for a run of the repository itself; another id for a fork's pull request run. */
  readonly headRepositoryId: number
}

/** The repository's id (`workflow_run.repository_id` of its artifacts). */
export const REPOSITORY_ID = 1296269

/** A collaborator's role; GitHub's legacy `permission` folds maintain into write, triage into read. */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

const EPOCH = Date.UTC(2026, 0, 1)

type Sequence = 'issue' | 'comment' | 'label' | 'event' | 'checkRun' | 'user' | 'artifact' | 'run'

export class RepoState {
  readonly issues: IssueRecord[] = []
  readonly comments: CommentRecord[] = []
  readonly labels = new Map<string, LabelRecord>()
  readonly labelEvents: LabelEventRecord[] = []
  readonly checkRuns: CheckRunRecord[] = []
  /** Collaborators' roles by login. A login absent here is not a GitHub user: 404. */
  readonly roles = new Map<string, Role>()
  /** Commits by sha: their parents' shas (first parent first). */
  readonly commits = new Map<string, readonly string[]>()
  /** Branch name -> the sha of its tip. */
  readonly branches = new Map<string, string>()
  readonly artifacts: ArtifactRecord[] = []
  private readonly accounts = new Map<string, Account>([[GITHUB_ACTIONS_BOT.login, GITHUB_ACTIONS_BOT]])
  private ticks = 0
  private readonly sequences: Record<Sequence, number> = {
    issue: 2_000_000_001,
    comment: 3_000_000_001,
    label: 7_000_000_001,
    event: 15_000_000_001,
    checkRun: 40_000_000_001,
    user: 100_001,
    artifact: 4_000_000_001,
    run: 12_000_000_001
  }

  constructor(
    readonly owner: string,
    readonly repo: string
  ) {}

  /** The next timestamp of the clock, in GitHub's format (`2026-01-01T00:00:01Z`). */
  now(): string {
    this.ticks += 1
    return new Date(EPOCH + this.ticks * 1000).toISOString().replace('.000Z', 'Z')
  }

  nextId(kind: Sequence): number {
    return this.sequences[kind]++
  }

  /** The account with this login, created on first use (`…[bot]` logins are bots). */
  account(login: string): Account {
    let account = this.accounts.get(login)
    if (account === undefined) {
      account = { login, id: this.nextId('user'), type: login.endsWith('[bot]') ? 'Bot' : 'User' }
      this.accounts.set(login, account)
    }
    return account
  }

  issue(number: number): IssueRecord | undefined {
    return this.issues.find((issue) => issue.number === number)
  }

  /** Opens an issue (or a pull request) with the next free number. */
  addIssue(options: {
    title: string
    body?: string | null
    user: Account
    pullRequest?: boolean
    number?: number
    /** A pull request's head commit, default `DEFAULT_HEAD_SHA`. */
    headSha?: string
  }): IssueRecord {
    const now = this.now()
    const number = options.number ?? Math.max(0, ...this.issues.map((i) => i.number)) + 1
    if (this.issue(number) !== undefined) throw new Error(`issue #${number} exists already`)
    const issue: IssueRecord = {
      id: this.nextId('issue'),
      number,
      title: options.title,
      body: options.body ?? null,
      state: 'open',
      stateReason: null,
      labels: [],
      user: options.user,
      isPullRequest: options.pullRequest === true,
      headSha: options.pullRequest === true ? (options.headSha ?? DEFAULT_HEAD_SHA) : null,
      createdAt: now,
      updatedAt: now,
      closedAt: null
    }
    this.issues.push(issue)
    return issue
  }

  /** Adds a comment, as `user` would through the UI or the API. */
  addComment(issueNumber: number, body: string, user: Account): CommentRecord {
    const now = this.now()
    const comment = { id: this.nextId('comment'), issueNumber, body, user, createdAt: now, updatedAt: now }
    this.comments.push(comment)
    return comment
  }

  /** The repository label with this name, created (grey) on first use, as GitHub does. */
  label(name: string): LabelRecord {
    let label = this.labels.get(name)
    if (label === undefined) {
      label = { id: this.nextId('label'), name, color: 'ededed', description: null }
      this.labels.set(name, label)
    }
    return label
  }

  /** `actor` adds a label to an issue: the label and a `labeled` event. No-op when already there. */
  labelIssue(issueNumber: number, name: string, actor: Account): void {
    const issue = this.requireIssue(issueNumber)
    if (issue.labels.includes(name)) return
    this.label(name)
    issue.labels.push(name)
    this.labelEvents.push({
      id: this.nextId('event'),
      issueNumber,
      event: 'labeled',
      actor,
      label: name,
      createdAt: this.now()
    })
  }

  /** `actor` removes a label from an issue: an `unlabeled` event. No-op when absent. */
  unlabelIssue(issueNumber: number, name: string, actor: Account): void {
    const issue = this.requireIssue(issueNumber)
    if (!issue.labels.includes(name)) return
    issue.labels = issue.labels.filter((label) => label !== name)
    this.labelEvents.push({
      id: this.nextId('event'),
      issueNumber,
      event: 'unlabeled',
      actor,
      label: name,
      createdAt: this.now()
    })
  }

  /** Adds a commit on top of `parents` (none: a root); with `branch`, moves that branch to it. */
  addCommit(sha: string, parents: readonly string[], branch?: string): void {
    for (const parent of parents) if (!this.commits.has(parent)) throw new Error(`no commit ${parent}`)
    this.commits.set(sha, parents)
    if (branch !== undefined) this.branches.set(branch, sha)
  }

  /** A branch name or a full sha as a commit's sha; `undefined` when there is none. */
  resolve(ref: string): string | undefined {
    return this.branches.get(ref) ?? (this.commits.has(ref) ? ref : undefined)
  }

  /** `sha` and every commit before it, nearest first (breadth first over parents). */
  history(sha: string): string[] {
    const seen = [sha]
    for (let i = 0; i < seen.length; i++) {
      for (const parent of this.commits.get(seen[i]) ?? []) if (!seen.includes(parent)) seen.push(parent)
    }
    return seen
  }

  /** What a run uploaded (an artifact of `runId`, by default a new run), created now. */
  addArtifact(options: {
    name: string
    zip: Uint8Array
    headSha: string
    headBranch?: string
    expired?: boolean
    runId?: number
    headRepositoryId?: number
  }): ArtifactRecord {
    const artifact: ArtifactRecord = {
      id: this.nextId('artifact'),
      name: options.name,
      zip: options.zip,
      expired: options.expired ?? false,
      createdAt: this.now(),
      runId: options.runId ?? this.nextId('run'),
      headBranch: options.headBranch ?? 'main',
      headSha: options.headSha,
      headRepositoryId: options.headRepositoryId ?? REPOSITORY_ID
    }
    this.artifacts.push(artifact)
    return artifact
  }

  /** Makes `login` a GitHub user with this role on the repository (`none`: a user, not a collaborator). */
  setRole(login: string, role: Role): void {
    this.account(login)
    this.roles.set(login, role)
  }

  private requireIssue(number: number): IssueRecord {
    const issue = this.issue(number)
    if (issue === undefined) throw new Error(`no issue #${number} in ${this.owner}/${this.repo}`)
    return issue
  }
}
