import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeGitHub, type FakeGitHubOptions } from '../support/github/fake-github.js'
import type { RecordedRequest } from '../support/github/fake-github.js'
import { runAction, type ActionRun } from '../support/github/runner-env.js'
import { pullRequestEvent, type WorkflowEvent } from '../support/github/webhook-events.js'
import { CREDIT_DIR } from '../report/report-fixtures.js'

export const OWNER = 'octo-org'
export const REPO = 'credit-model'
export const BUNDLE = 'dist/report/index.js'
export const ACTION_YML = 'actions/report/action.yml'
export const MARKER = '<!-- ml-gate:ml-gate.yml -->'
export const PATH = `/repos/${OWNER}/${REPO}`

/** A workspace holding the credit results (or `documents` instead) and an ml-gate.yml. */
export function workspace(documents?: Readonly<Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-report-'))
  const results = join(dir, 'ml-gate-results')
  mkdirSync(results)
  if (documents === undefined) cpSync(CREDIT_DIR, results, { recursive: true })
  else
    for (const [name, doc] of Object.entries(documents))
      writeFileSync(join(results, name), JSON.stringify(doc))
  writeFileSync(join(dir, 'ml-gate.yml'), 'version: 1\n')
  return dir
}

export interface Session {
  readonly github: FakeGitHub
  readonly dir: string
  run(options?: {
    inputs?: Record<string, string>
    event?: WorkflowEvent
    headSha?: string
  }): Promise<ActionRun>
  /** `METHOD path` of every request, in order. */
  requests(): string[]
  close(): Promise<void>
}

export async function session(
  options: Partial<FakeGitHubOptions> = {},
  documents?: Readonly<Record<string, unknown>>
): Promise<Session> {
  const github = await FakeGitHub.start({ owner: OWNER, repo: REPO, ...options })
  const dir = workspace(documents)
  return {
    github,
    dir,
    run: (o = {}) =>
      runAction(BUNDLE, {
        github,
        actionYml: ACTION_YML,
        workspace: dir,
        inputs: o.inputs,
        event:
          o.event ??
          pullRequestEvent('opened', {
            owner: OWNER,
            repo: REPO,
            pullNumber: 1,
            ...(o.headSha ? { headSha: o.headSha } : {})
          })
      }),
    requests: () =>
      github.requests.map(
        (r: RecordedRequest) => `${r.method} ${r.path}${r.query.page ? `?page=${r.query.page}` : ''}`
      ),
    close: async () => {
      await github.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
