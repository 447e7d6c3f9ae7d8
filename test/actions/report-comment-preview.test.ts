import { afterEach, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { runCli } from '../../src/cli/run-cli.js'
import { DEFAULT_HEAD_SHA } from '../support/github/webhook-events.js'
import { SIGNIFICANT_DIR } from '../report/report-fixtures.js'
import { MARKER, OWNER, REPO, session, type Session } from './report-harness.js'

// End-to-end: the bundled report action (npm run bundle) against the fake GitHub, and the CLI's
// preview of the same comment.

let s: Session
afterEach(async () => {
  s.github.assertNoViolations()
  await s.close()
})

/** The credit example's own result documents (significant mode, with power fields). */
function creditDocuments(): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(SIGNIFICANT_DIR).map((name) => [
      name,
      JSON.parse(readFileSync(`${SIGNIFICANT_DIR}${name}`, 'utf8'))
    ])
  )
}

/** `ml-gate report ...args` in `dir` with the runner's environment `env`. */
async function cliIn(dir: string, env: Record<string, string>, ...args: string[]) {
  const cwd = process.cwd()
  let stdout = ''
  process.chdir(dir)
  try {
    const code = await runCli(['report', ...args], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      isTTY: false,
      env
    })
    return { code, stdout }
  } finally {
    process.chdir(cwd)
  }
}

describe('ml-gate report --comment', () => {
  it('prints exactly the body the action posts on the pull request', async () => {
    s = await session({}, creditDocuments())
    const run = await s.run()
    expect(run.code).toBe(1)
    const [posted] = s.github.state.comments
    expect(posted.body).toContain(`\n${MARKER}\n<!-- ml-gate-state:`)
    const env = {
      GITHUB_SHA: DEFAULT_HEAD_SHA,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_RUN_ID: '1658821493'
    }
    const preview = await cliIn(s.dir, env, '--comment')
    expect(preview.code).toBe(1)
    expect(preview.stdout).toBe(posted.body)
    expect(preview.stdout.length).toBeLessThanOrEqual(65_536)
  })

  it('takes the action’s comment-key', async () => {
    s = await session({}, creditDocuments())
    await s.run({ inputs: { 'comment-key': 'shard-2' } })
    const [posted] = s.github.state.comments
    const preview = await cliIn(
      s.dir,
      { GITHUB_SHA: DEFAULT_HEAD_SHA },
      '--comment',
      '--comment-key',
      'shard-2'
    )
    // Without GITHUB_RUN_ID the preview has no run link, which this comment is too short to need.
    expect(preview.stdout).toBe(posted.body)
    expect(preview.stdout).toContain('<!-- ml-gate:shard-2 -->')
  })
})
