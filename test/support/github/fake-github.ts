/**
 * A fake GitHub REST API on 127.0.0.1 for tests: stateful for the operations ml-gate uses, and
 * strict — every request is checked against GitHub's OpenAPI description (method, path, path and
 * query parameters, JSON body), and every success it answers is checked against the response
 * schema, so neither the client under test nor the fake can drift from GitHub.
 *
 * ```ts
 * const github = await FakeGitHub.start({ owner: 'octo-org', repo: 'credit-model' })
 * const octokit = new Octokit({ auth: 'ghs_test', baseUrl: github.url })
 * await octokit.rest.issues.createComment({ owner: 'octo-org', repo: 'credit-model', issue_number: 1, body: 'hi' })
 * expect(github.state.comments.map((c) => c.body)).toEqual(['hi'])
 * github.assertNoViolations()
 * await github.stop()
 * ```
 *
 * What the fake answers, beyond the operations' documented shapes:
 * - no `authorization: token X` / `Bearer X` header -> 401 "Requires authentication"; a token other
 *   than `options.token` (when given) -> 401 "Bad credentials";
 * - a request the description does not allow -> recorded in `violations`; an unknown path is
 *   answered 404, a wrong method 404, a wrong path parameter 404, a body that fails the schema 422
 *   ("Invalid request." as GitHub says for schema failures), an undeclared or mistyped query
 *   parameter is answered as if it were absent (GitHub ignores them) — the violation fails the test;
 * - an operation of the description the fake does not implement -> 501, recorded in `violations`;
 * - `readOnlyToken: true` (a fork's pull request) -> every write answers 403 "Resource not
 *   accessible by integration";
 * - GitHub's limits: comment bodies over 65,536 characters -> 422 Validation Failed; check runs:
 *   more than 50 annotations per request or an output summary over 65,535 characters fail the
 *   description's schema (`maxItems`, `maxLength`) -> 422 and a violation;
 * - lists: `per_page` (default 30, capped at 100 as GitHub does) and `page`, with a `Link` header
 *   (`prev`, `next`, `last`, `first`) pointing back at the fake;
 * - compare `base...head` over the commits and branches of `state` (404 for an unknown ref);
 *   artifacts listed newest first, by `name`; an artifact's zip answers 302 to a signed blob URL
 *   on the same server (`/_blobs/…`, operationId `blob` in `requests`), which, like the blob
 *   stores GitHub redirects to, refuses a request that also sends an `authorization` header
 *   (400); an expired artifact's zip answers 410; `actionsRead: false` answers 403.
 *
 * ## Who am I? (how an action can recognise its own comments)
 * What GitHub does, and what the fake models with `tokenKind`:
 * - A workflow's `GITHUB_TOKEN` is an installation token of the GitHub Actions app. What it writes is
 *   authored by `github-actions[bot]` (REST `user.type` 'Bot', id 41898282).
 * - `GET /user` with an installation token answers 403 "Resource not accessible by integration"
 *   (reported by many actions that call it, e.g. anthropics/claude-code-action#538,
 *   neuralinkcorp/datarepo#62). With a user token (PAT) it answers the user.
 * - `GET /app` requires an app JWT; an installation token gets 401 (fullsend-ai/fullsend#1953
 *   reports the 401). The fake answers 401 "A JSON web token could not be decoded" to any token.
 * - GraphQL `viewer { login }` works with every kind of token (same PR: an app's installation
 *   token gets `fullsend-ai-coder[bot]`, the login its comments show). The fake answers that one
 *   query at `POST /graphql` (operationId `graphql` for faults) with the token's login; any other
 *   query is a violation.
 * So an action recognises its own comments by its hidden marker AND the author `viewer` names,
 * never by the marker alone, which anyone can quote.
 * `tokenKind: 'installation'` (the default) models GITHUB_TOKEN, or with `tokenLogin:
 * 'my-app[bot]'` a GitHub App's installation token; `'user'` models a PAT whose writes are
 * authored by `tokenLogin`. Check runs require an app: a user token gets 403 on
 * `checks/create` ("You must authenticate via a GitHub App.").
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { OpenApiDescription, type MatchedRequest, type Operation } from './openapi.js'
import {
  RepoState,
  GITHUB_ACTIONS_BOT,
  type Account,
  type CheckAnnotation,
  type CheckRunRecord
} from './repo-state.js'
import * as represent from './representations.js'

export interface FakeGitHubOptions {
  readonly owner: string
  readonly repo: string
  /** Who the token is: default `github-actions[bot]` for an installation, `octocat` for a user. */
  readonly tokenLogin?: string
  /** `installation` (a GITHUB_TOKEN or app token, the default) or `user` (a personal access token). */
  readonly tokenKind?: 'installation' | 'user'
  /** When given, only this token is accepted; otherwise any non-empty token is. */
  readonly token?: string
  /** A fork pull request's token: reads work, every write answers 403. Default false. */
  readonly readOnlyToken?: boolean
  /** The pull request opened at start (as an issue record), default 1; `null` for none. */
  readonly pullNumber?: number | null
  /** Author of that pull request, default `octocat`. */
  readonly pullAuthor?: string
  /** That pull request's head commit, default `DEFAULT_HEAD_SHA` (as the events' default). */
  readonly pullHeadSha?: string
  /**
   * Whether the token may read Actions (`permissions: actions: read`); default true. Without it,
   * the artifacts operations answer 403 "Resource not accessible by integration".
   */
  readonly actionsRead?: boolean
}

/** One request the fake received. `status` is set once it is answered (0 while pending). */
export interface RecordedRequest {
  readonly method: string
  /** The path without the query: `/repos/octo-org/credit-model/issues/1/comments`. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  /** The parsed JSON body, `undefined` when none was sent. */
  readonly body: unknown
  readonly headers: IncomingHttpHeaders
  /** `null` when no operation of the description matches. */
  readonly operationId: string | null
  readonly pathTemplate: string | null
  readonly status: number
}

export type ViolationKind =
  'unknown-operation' | 'path-parameter' | 'query' | 'body' | 'not-implemented' | 'response'

/** A request the description does not allow, or an answer of the fake that breaks it. */
export interface Violation {
  readonly kind: ViolationKind
  readonly method: string
  readonly path: string
  readonly operationId: string | null
  readonly reason: string
}

/** Which requests a fault applies to; every given field must match. */
export interface FaultMatcher {
  readonly method?: string
  readonly pathTemplate?: string
  readonly operationId?: string
}

/**
 * What a faulted request gets: `status` (+ `body`, `headers`) answers instead of the operation;
 * `delayMs` waits first (alone: the request is then handled normally); `hang` never answers
 * (the connection is closed by `stop()`), for client timeouts.
 */
export interface FaultResponse {
  readonly status?: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  readonly delayMs?: number
  readonly hang?: boolean
}

/** Ready-made faults, with GitHub's own messages and headers. */
export const faults = {
  /** Any status with GitHub's basic error body (`500`, `502`, `503`, `404`…). */
  status(status: number, message = STATUS_MESSAGES[status] ?? 'Error'): FaultResponse {
    return { status, body: basicError(status, message, DOCS) }
  },
  /** 403 as a read-only or under-permitted GITHUB_TOKEN gets it. */
  integrationForbidden(): FaultResponse {
    return { status: 403, body: basicError(403, INTEGRATION_FORBIDDEN, DOCS) }
  },
  /** 403 secondary rate limit with `retry-after` (seconds), as @octokit/plugin-throttling expects. */
  secondaryRateLimit(retryAfterSeconds = 60): FaultResponse {
    return {
      status: 403,
      headers: { 'retry-after': String(retryAfterSeconds) },
      body: basicError(
        403,
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
      )
    }
  },
  /** 403 primary rate limit: `x-ratelimit-remaining: 0` and the reset time (epoch seconds). */
  primaryRateLimit(resetEpochSeconds: number): FaultResponse {
    return {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetEpochSeconds) },
      body: basicError(
        403,
        'API rate limit exceeded for installation ID 1.',
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
      )
    }
  },
  delay(ms: number): FaultResponse {
    return { delayMs: ms }
  },
  hang(): FaultResponse {
    return { hang: true }
  }
}

const DOCS = 'https://docs.github.com/rest'
/** Where the fake serves artifact zips, as GitHub's blob storage would. */
const BLOB_PATH = '/_blobs/artifacts/'

/** The signature of an artifact's blob URL: only the URL the download answered opens it. */
function blobSignature(id: number): string {
  return Buffer.from(`artifact-${id}`).toString('base64url')
}
const INTEGRATION_FORBIDDEN = 'Resource not accessible by integration'
/** GitHub's limit on issue and pull request comment bodies, in characters. */
export const COMMENT_BODY_LIMIT = 65_536
const STATUS_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Internal Server Error',
  502: 'Server Error',
  503: 'Service Unavailable'
}

interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

interface Call {
  readonly operation: Operation
  readonly params: Record<string, string>
  readonly query: URLSearchParams
  readonly body: unknown
  /** The path and query as received, for `Link` headers. */
  readonly path: string
}

type Handler = (call: Call) => Reply

interface Fault {
  readonly matcher: FaultMatcher
  readonly response: FaultResponse
  remaining: number
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  readonly violations: Violation[] = []
  readonly state: RepoState
  /** The account the token writes as. */
  readonly identity: Account
  private readonly faults: Fault[] = []
  private readonly api = OpenApiDescription.load()
  private readonly handlers: Record<string, Handler>
  private site: represent.Site
  private remaining: number

  private constructor(
    private readonly server: Server,
    private readonly options: FakeGitHubOptions
  ) {
    this.state = new RepoState(options.owner, options.repo)
    const kind = options.tokenKind ?? 'installation'
    const login = options.tokenLogin ?? (kind === 'installation' ? GITHUB_ACTIONS_BOT.login : 'octocat')
    // An app installation writes as its bot user, `<app-slug>[bot]`; a user token as the user.
    if (login.endsWith('[bot]') !== (kind === 'installation')) {
      throw new Error(`tokenLogin ${login} does not fit tokenKind ${kind}: only bot logins end in [bot]`)
    }
    this.identity = this.state.account(login)
    this.remaining = this.rateLimit
    this.site = { api: '', state: this.state }
    if (options.pullNumber !== null) {
      this.state.addIssue({
        number: options.pullNumber ?? 1,
        title: 'Update the credit model',
        body: 'Retrained on the March data.',
        user: this.state.account(options.pullAuthor ?? 'octocat'),
        pullRequest: true,
        ...(options.pullHeadSha === undefined ? {} : { headSha: options.pullHeadSha })
      })
    }
    this.handlers = this.operations()
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(options: FakeGitHubOptions): Promise<FakeGitHub> {
    const server = createServer()
    const fake = new FakeGitHub(server, options)
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      fake.handle(req, res).catch((error: unknown) => {
        // A bug of the fake: answered, and failing the test through `violations`.
        const message = `FakeGitHub failed: ${error instanceof Error ? error.stack : String(error)}`
        fake.violations.push({
          kind: 'response',
          method: req.method ?? '',
          path: req.url ?? '',
          operationId: null,
          reason: message
        })
        if (!res.headersSent)
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message }))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    fake.site = { api: fake.url, state: fake.state }
    return fake
  }

  /** `http://127.0.0.1:PORT`: the `baseUrl` / `GITHUB_API_URL`. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  /** The operationIds the fake implements; any other operation of the description answers 501. */
  get implemented(): string[] {
    return Object.keys(this.handlers)
  }

  /** The answered requests of one operation, in order. */
  calls(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId)
  }

  /** Makes the next `times` requests matching `matcher` get `response` (see `faults`). */
  fail(matcher: FaultMatcher, response: FaultResponse, { times = 1 }: { times?: number } = {}): void {
    this.faults.push({ matcher, response, remaining: times })
  }

  /** Throws, listing them, when any request broke the description. */
  assertNoViolations(): void {
    if (this.violations.length === 0) return
    const lines = this.violations.map((v) => `- ${v.method} ${v.path} [${v.kind}] ${v.reason}`)
    throw new Error(
      `GitHub's API description does not allow ${this.violations.length} request(s):\n${lines.join('\n')}`
    )
  }

  /** Closes the server and every open connection (including hung requests). */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.server.closeAllConnections()
    await closed
  }

  private get rateLimit(): number {
    // A GITHUB_TOKEN gets 1,000 requests per hour per repository; a user token 5,000.
    return (this.options.tokenKind ?? 'installation') === 'installation' ? 1000 : 5000
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const method = req.method ?? 'GET'
    const text = await readText(req)
    // GraphQL is not in the REST description: one endpoint, named `graphql` here.
    const graphql = method === 'POST' && url.pathname === '/graphql'
    if (url.pathname.startsWith(BLOB_PATH)) return this.blob(req, res, url)
    const matched = this.api.match(method, url.pathname)
    const operation = 'operation' in matched ? matched.operation : null
    const record = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined as unknown,
      headers: req.headers,
      operationId: graphql ? 'graphql' : (operation?.operationId ?? null),
      pathTemplate: graphql ? '/graphql' : (operation?.pathTemplate ?? null),
      status: 0
    }
    this.requests.push(record)
    const answer = (reply: Reply): void => {
      record.status = reply.status
      this.send(res, reply)
    }
    const violate = (kind: ViolationKind, reason: string): void => {
      this.violations.push({
        kind,
        method,
        path: url.pathname,
        operationId: operation?.operationId ?? null,
        reason
      })
    }

    const fault = this.takeFault(method, record)
    if (fault?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault?.hang === true) return

    if (text !== '') {
      try {
        record.body = JSON.parse(text)
      } catch {
        violate('body', 'the body is not JSON')
        return answer({ status: 400, body: basicError(400, 'Problems parsing JSON', DOCS) })
      }
    }
    const auth = this.authenticate(req.headers.authorization)
    if (auth !== null) return answer(auth)
    if (graphql) {
      if (fault?.status !== undefined)
        return answer({ status: fault.status, body: fault.body, headers: fault.headers })
      return answer(this.graphql(record.body, violate))
    }
    if (!('operation' in matched)) {
      violate('unknown-operation', matched.reason)
      return answer({ status: 404, body: basicError(404, 'Not Found', DOCS) })
    }
    const refusal = this.validate(matched, url.searchParams, record.body, violate)
    if (refusal !== null) return answer(refusal)
    if (fault?.status !== undefined)
      return answer({ status: fault.status, body: fault.body, headers: fault.headers })

    const { operationId, docsUrl } = matched.operation
    const handler = this.handlers[operationId]
    if (handler === undefined) {
      violate('not-implemented', `FakeGitHub does not implement ${operationId}`)
      return answer({
        status: 501,
        body: basicError(501, `FakeGitHub does not implement ${operationId}`, docsUrl)
      })
    }
    if (this.options.readOnlyToken === true && method !== 'GET') {
      return answer({ status: 403, body: basicError(403, INTEGRATION_FORBIDDEN, docsUrl) })
    }
    if (this.options.actionsRead === false && operationId.startsWith('actions/')) {
      return answer({ status: 403, body: basicError(403, INTEGRATION_FORBIDDEN, docsUrl) })
    }
    const reply = handler({
      operation: matched.operation,
      params: matched.params,
      query: url.searchParams,
      body: record.body,
      path: url.pathname
    })
    if (reply.status < 300) {
      const check = this.api.checkResponse(operationId, reply.status, reply.body)
      if (!check.allowed) violate('response', `the fake's own answer: ${check.reason}`)
    }
    answer(reply)
  }

  /**
   * A signed blob URL (where an artifact's zip redirects): the signature in the query is the
   * credential, and a second one (`authorization`) is refused, as blob stores do.
   */
  private blob(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const record = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      headers: req.headers,
      operationId: 'blob',
      pathTemplate: `${BLOB_PATH}{id}.zip`,
      status: 0
    }
    this.requests.push(record)
    const id = Number(/^\/_blobs\/artifacts\/(\d+)\.zip$/.exec(url.pathname)?.[1])
    const artifact = this.state.artifacts.find((a) => a.id === id)
    const signed = url.searchParams.get('sig') === blobSignature(id)
    const [status, body, type] =
      req.headers.authorization !== undefined
        ? [400, 'Only one auth mechanism allowed: the signature or the authorization header', 'text/plain']
        : artifact === undefined || !signed
          ? [403, 'Signature not valid', 'text/plain']
          : [200, Buffer.from(artifact.zip), 'application/zip']
    record.status = status
    res.writeHead(status, { 'content-type': type }).end(body)
  }

  /** `POST /graphql`: only `viewer { login }`, answered with the token's login as GitHub does. */
  private graphql(body: unknown, violate: (kind: ViolationKind, reason: string) => void): Reply {
    const query = (body as { query?: unknown } | undefined)?.query
    if (typeof query === 'string' && /^\s*(?:query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
      return { status: 200, body: { data: { viewer: { login: this.identity.login } } } }
    }
    violate(
      'not-implemented',
      `FakeGitHub's GraphQL answers only viewer { login }, got ${JSON.stringify(query)}`
    )
    return { status: 200, body: { errors: [{ message: 'FakeGitHub does not implement this query' }] } }
  }

  private authenticate(header: string | undefined): Reply | null {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')?.[1]
    if (token === undefined) return { status: 401, body: basicError(401, 'Requires authentication', DOCS) }
    if (this.options.token !== undefined && token !== this.options.token) {
      return { status: 401, body: basicError(401, 'Bad credentials', DOCS) }
    }
    return null
  }

  /** Records what the description does not allow; the reply when GitHub would refuse it. */
  private validate(
    matched: MatchedRequest,
    query: URLSearchParams,
    body: unknown,
    violate: (kind: ViolationKind, reason: string) => void
  ): Reply | null {
    const { operation } = matched
    const path = this.api.checkPathParameters(matched)
    if (!path.allowed) {
      violate('path-parameter', path.reason)
      return { status: 404, body: basicError(404, 'Not Found', operation.docsUrl) }
    }
    const queryCheck = this.api.checkQuery(operation, query)
    if (!queryCheck.allowed) violate('query', queryCheck.reason)
    const bodyCheck = this.api.checkBody(operation, body)
    if (!bodyCheck.allowed) {
      violate('body', bodyCheck.reason)
      return {
        status: 422,
        body: basicError(422, `Invalid request.\n\n${bodyCheck.reason}`, operation.docsUrl)
      }
    }
    return null
  }

  private takeFault(
    method: string,
    operation: { operationId: string | null; pathTemplate: string | null }
  ): FaultResponse | null {
    const fault = this.faults.find(
      ({ matcher, remaining }) =>
        remaining > 0 &&
        (matcher.method === undefined || matcher.method.toUpperCase() === method) &&
        (matcher.pathTemplate === undefined || matcher.pathTemplate === operation.pathTemplate) &&
        (matcher.operationId === undefined || matcher.operationId === operation.operationId)
    )
    if (fault === undefined) return null
    fault.remaining -= 1
    return fault.response
  }

  private send(res: ServerResponse, reply: Reply): void {
    this.remaining = Math.max(0, this.remaining - 1)
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `FAKE:${this.requests.length}`,
      'x-ratelimit-limit': String(this.rateLimit),
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-used': String(this.rateLimit - this.remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...reply.headers
    }
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end()
      return
    }
    res
      .writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      .end(JSON.stringify(reply.body))
  }

  /** The implemented operations, by operationId. */
  private operations(): Record<string, Handler> {
    const site = (): represent.Site => this.site
    const state = this.state
    const notFound = (call: Call): Reply => ({
      status: 404,
      body: basicError(404, 'Not Found', call.operation.docsUrl)
    })
    const issueOf = (call: Call) => state.issue(Number(call.params.issue_number))
    const commentOf = (call: Call) => state.comments.find((c) => c.id === Number(call.params.comment_id))
    const checkRunOf = (call: Call) => state.checkRuns.find((r) => r.id === Number(call.params.check_run_id))
    const tooLong = (call: Call, body: string): Reply | null =>
      body.length > COMMENT_BODY_LIMIT
        ? validationFailed(call, {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
          })
        : null

    return {
      'issues/list-comments': (call) => {
        const issue = issueOf(call)
        if (issue === undefined) return notFound(call)
        const since = call.query.get('since')
        const comments = state.comments.filter(
          (c) => c.issueNumber === issue.number && (since === null || c.updatedAt >= since)
        )
        return this.page(
          call,
          comments.map((c) => represent.issueComment(site(), c))
        )
      },
      'issues/create-comment': (call) => {
        const issue = issueOf(call)
        if (issue === undefined) return notFound(call)
        const { body } = call.body as { body: string }
        const refusal = tooLong(call, body)
        if (refusal !== null) return refusal
        const comment = state.addComment(issue.number, body, this.identity)
        const json = represent.issueComment(site(), comment)
        return { status: 201, body: json, headers: { location: json.url as string } }
      },
      'issues/get-comment': (call) => {
        const comment = commentOf(call)
        return comment === undefined
          ? notFound(call)
          : { status: 200, body: represent.issueComment(site(), comment) }
      },
      'issues/update-comment': (call) => {
        // A token with write access may edit anyone's comment, as on GitHub: that is why an
        // action must check the author of a comment before editing it.
        const comment = commentOf(call)
        if (comment === undefined) return notFound(call)
        const { body } = call.body as { body: string }
        const refusal = tooLong(call, body)
        if (refusal !== null) return refusal
        comment.body = body
        comment.updatedAt = state.now()
        return { status: 200, body: represent.issueComment(site(), comment) }
      },
      'issues/delete-comment': (call) => {
        const comment = commentOf(call)
        if (comment === undefined) return notFound(call)
        state.comments.splice(state.comments.indexOf(comment), 1)
        return { status: 204 }
      },
      'checks/create': (call) => {
        if (this.identity.type !== 'Bot') {
          return {
            status: 403,
            body: basicError(403, 'You must authenticate via a GitHub App.', call.operation.docsUrl)
          }
        }
        const request = call.body as CheckRunRequest & { name: string; head_sha: string }
        const now = state.now()
        const run: CheckRunRecord = {
          id: state.nextId('checkRun'),
          name: request.name,
          headSha: request.head_sha,
          status: 'queued',
          conclusion: null,
          startedAt: now,
          completedAt: null,
          detailsUrl: null,
          externalId: null,
          output: { title: null, summary: null, text: null },
          annotations: []
        }
        const refusal = applyCheckRun(call, run, request, now)
        if (refusal !== null) return refusal
        state.checkRuns.push(run)
        return { status: 201, body: represent.checkRun(site(), run) }
      },
      'checks/update': (call) => {
        const run = checkRunOf(call)
        if (run === undefined) return notFound(call)
        const refusal = applyCheckRun(call, run, call.body as CheckRunRequest, state.now())
        return refusal ?? { status: 200, body: represent.checkRun(site(), run) }
      },
      'checks/get': (call) => {
        const run = checkRunOf(call)
        return run === undefined ? notFound(call) : { status: 200, body: represent.checkRun(site(), run) }
      },
      'issues/list-labels-on-issue': (call) => {
        const issue = issueOf(call)
        if (issue === undefined) return notFound(call)
        return this.page(
          call,
          issue.labels.map((name) => represent.label(site(), state.label(name)))
        )
      },
      'issues/list-events': (call) => {
        const issue = issueOf(call)
        if (issue === undefined) return notFound(call)
        const events = state.labelEvents.filter((e) => e.issueNumber === issue.number)
        return this.page(
          call,
          events.map((e) => represent.labelEvent(site(), e))
        )
      },
      'repos/get-collaborator-permission-level': (call) => {
        const role = state.roles.get(call.params.username)
        if (role === undefined) return notFound(call)
        return {
          status: 200,
          body: represent.collaboratorPermission(site(), state.account(call.params.username), role)
        }
      },
      'users/get-authenticated': (call) =>
        this.identity.type === 'Bot'
          ? { status: 403, body: basicError(403, INTEGRATION_FORBIDDEN, call.operation.docsUrl) }
          : { status: 200, body: represent.privateUser(site(), this.identity) },
      'apps/get-authenticated': (call) => ({
        status: 401,
        body: basicError(401, 'A JSON web token could not be decoded', call.operation.docsUrl)
      }),
      'issues/get': (call) => {
        const issue = issueOf(call)
        return issue === undefined ? notFound(call) : { status: 200, body: represent.issue(site(), issue) }
      },
      'pulls/get': (call) => {
        const pull = state.issue(Number(call.params.pull_number))
        return pull?.isPullRequest === true
          ? { status: 200, body: represent.pullRequest(site(), pull) }
          : notFound(call)
      },
      'issues/create': (call) => {
        const request = call.body as IssueRequest & { title: string | number }
        const issue = state.addIssue({
          title: String(request.title),
          body: request.body ?? null,
          user: this.identity
        })
        for (const name of labelNames(request.labels)) state.labelIssue(issue.number, name, this.identity)
        const json = represent.issue(site(), issue)
        return { status: 201, body: json, headers: { location: json.url as string } }
      },
      'issues/update': (call) => {
        const issue = issueOf(call)
        if (issue === undefined) return notFound(call)
        const request = call.body as IssueRequest & {
          state?: 'open' | 'closed'
          state_reason?: 'completed' | 'not_planned' | 'reopened' | null
        }
        if (request.title !== undefined && request.title !== null) issue.title = String(request.title)
        if (request.body !== undefined) issue.body = request.body
        if (request.labels !== undefined) {
          const wanted = labelNames(request.labels)
          for (const name of issue.labels.filter((l) => !wanted.includes(l)))
            state.unlabelIssue(issue.number, name, this.identity)
          for (const name of wanted) state.labelIssue(issue.number, name, this.identity)
        }
        const now = state.now()
        if (request.state === 'closed' && issue.state === 'open') {
          issue.state = 'closed'
          issue.closedAt = now
          issue.stateReason = request.state_reason === 'not_planned' ? 'not_planned' : 'completed'
        } else if (request.state === 'open' && issue.state === 'closed') {
          issue.state = 'open'
          issue.closedAt = null
          issue.stateReason = 'reopened'
        }
        issue.updatedAt = now
        return { status: 200, body: represent.issue(site(), issue) }
      },
      'repos/compare-commits-with-basehead': (call) => {
        const [baseRef, headRef, extra] = call.params.basehead.split('...')
        const base = state.resolve(baseRef ?? '')
        const head = state.resolve(headRef ?? '')
        if (base === undefined || head === undefined || extra !== undefined) return notFound(call)
        const behind = state.history(base)
        const ahead = state.history(head)
        const mergeBase = ahead.find((sha) => behind.includes(sha))
        if (mergeBase === undefined) return notFound(call)
        const body = represent.commitComparison(site(), call.params.basehead, {
          base,
          mergeBase,
          ahead: ahead.filter((sha) => !behind.includes(sha)),
          behindBy: behind.filter((sha) => !ahead.includes(sha)).length
        })
        return { status: 200, body }
      },
      'actions/list-artifacts-for-repo': (call) => {
        const name = call.query.get('name')
        const artifacts = state.artifacts
          .filter((a) => name === null || a.name === name)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
        const { items, headers } = this.pageOf(call, artifacts)
        return {
          status: 200,
          body: { total_count: artifacts.length, artifacts: items.map((a) => represent.artifact(site(), a)) },
          headers
        }
      },
      'actions/download-artifact': (call) => {
        const artifact = state.artifacts.find((a) => a.id === Number(call.params.artifact_id))
        if (artifact === undefined || call.params.archive_format !== 'zip') return notFound(call)
        if (artifact.expired) {
          return { status: 410, body: basicError(410, 'Artifact has expired', call.operation.docsUrl) }
        }
        const location = `${this.url}${BLOB_PATH}${artifact.id}.zip?sig=${blobSignature(artifact.id)}`
        return { status: 302, headers: { location } }
      },
      'issues/list-for-repo': (call) => {
        const wantedState = call.query.get('state') ?? 'open'
        const labels = (call.query.get('labels') ?? '').split(',').filter((l) => l !== '')
        const creator = call.query.get('creator')
        const ascending = call.query.get('direction') === 'asc'
        const issues = state.issues
          .filter((i) => wantedState === 'all' || i.state === wantedState)
          .filter((i) => labels.every((l) => i.labels.includes(l)))
          .filter((i) => creator === null || i.user.login === creator)
          .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number))
        return this.page(
          call,
          issues.map((i) => represent.issue(site(), i))
        )
      }
    }
  }

  /**
   * One page of a list, as GitHub paginates: `per_page` (default 30, at most 100) and `page`
   * (from 1), with a `Link` header to the previous, next, last and first pages.
   */
  private page(call: Call, items: readonly unknown[]): Reply {
    const { items: body, headers } = this.pageOf(call, items)
    return { status: 200, body, headers }
  }

  /** The items of the page `call` asks for, and the `Link` header to the others. */
  private pageOf<T>(
    call: Call,
    items: readonly T[]
  ): { items: T[]; headers: Readonly<Record<string, string>> } {
    const perPage = Math.min(100, Math.max(1, Number(call.query.get('per_page') ?? 30) || 30))
    const page = Math.max(1, Number(call.query.get('page') ?? 1) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number, rel: string): string => {
      const query = new URLSearchParams(call.query)
      query.set('page', String(n))
      return `<${this.url}${call.path}?${query}>; rel="${rel}"`
    }
    const links: string[] = []
    if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'))
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {}
    }
  }
}

interface IssueRequest {
  title?: string | number | null
  body?: string | null
  labels?: readonly (string | { name?: string })[]
}

interface CheckRunRequest {
  name?: string
  details_url?: string
  external_id?: string
  status?: 'queued' | 'in_progress' | 'completed'
  conclusion?: string
  started_at?: string
  completed_at?: string
  output?: { title: string; summary: string; text?: string; annotations?: readonly CheckAnnotation[] }
}

function labelNames(labels: IssueRequest['labels']): string[] {
  return (labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== '')
}

/**
 * Applies a create or update request to a check run, as GitHub does: a conclusion completes the
 * run; `status: completed` without one is refused; output text replaces, annotations append.
 */
function applyCheckRun(call: Call, run: CheckRunRecord, request: CheckRunRequest, now: string): Reply | null {
  const completes =
    request.conclusion !== undefined || request.completed_at !== undefined || request.status === 'completed'
  if (completes && request.conclusion === undefined && run.conclusion === null) {
    return validationFailed(call, {
      resource: 'CheckRun',
      code: 'missing_field',
      field: 'conclusion',
      message: 'conclusion is required when status is completed'
    })
  }
  if (request.name !== undefined) run.name = request.name
  if (request.details_url !== undefined) run.detailsUrl = request.details_url
  if (request.external_id !== undefined) run.externalId = request.external_id
  if (request.started_at !== undefined) run.startedAt = request.started_at
  if (request.status !== undefined) run.status = request.status
  if (completes) {
    run.status = 'completed'
    run.conclusion = request.conclusion ?? run.conclusion
    run.completedAt = request.completed_at ?? now
  }
  if (request.output !== undefined) {
    run.output = {
      title: request.output.title,
      summary: request.output.summary,
      text: request.output.text ?? run.output.text
    }
    run.annotations.push(...(request.output.annotations ?? []))
  }
  return null
}

function basicError(status: number, message: string, documentationUrl: string): Record<string, string> {
  return { message, documentation_url: documentationUrl, status: String(status) }
}

/** GitHub's 422 "Validation Failed" with one error entry. */
function validationFailed(
  call: Call,
  error: { resource: string; code: string; field: string; message: string }
): Reply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [error],
      documentation_url: call.operation.docsUrl,
      status: '422'
    }
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
