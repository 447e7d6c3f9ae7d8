import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { reportCommand } from '../../src/cli/report.js'
import { ExitCode } from '../../src/errors.js'
import { CREDIT_DIR, SIGNIFICANT_DIR } from './report-fixtures.js'

function capture() {
  const out = { stdout: '', stderr: '' }
  const console = {
    stdout: (text: string) => void (out.stdout += text),
    stderr: (text: string) => void (out.stderr += text),
    isTTY: false,
    env: { GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' }
  }
  return { out, console }
}

describe('ml-gate report', () => {
  it('renders the job-summary report from the results folder and exits 1 for a failing verdict', async () => {
    const { out, console } = capture()
    const code = await reportCommand.run(['--results', CREDIT_DIR], console)
    expect(code).toBe(ExitCode.GateFailed)
    const golden = readFileSync(
      new URL('../fixtures/report/golden/credit-summary.md', import.meta.url),
      'utf8'
    )
    // Same report as the golden summary up to the audit trail, whose hashes are of real files here.
    const cut = (text: string) => text.slice(0, text.indexOf('<sub>'))
    expect(cut(out.stdout)).toBe(cut(golden))
    expect(out.stdout).toContain(`- ${CREDIT_DIR.replace(/[-:]/g, '\\$&')}verdict.json (verdict): \``)
  })

  it('--comment prints the comment body: fitted to 65,536 characters, marker and state after it', async () => {
    const { out, console } = capture()
    const code = await reportCommand.run(
      ['--results', SIGNIFICANT_DIR, '--comment', '--comment-key', 'shard 2'],
      console
    )
    expect(code).toBe(ExitCode.GateFailed)
    const lines = out.stdout.split('\n')
    expect(lines[0]).toBe(
      '## ❌ ml-gate: fail — recall for Job\\=partime fell 0.798 → 0.500 \\(change −0.298, allowed drop 0.05\\)'
    )
    expect(lines.slice(-3)).toEqual([
      '<!-- ml-gate:shard_2 -->',
      expect.stringMatching(/^<!-- ml-gate-state:[A-Za-z0-9_-]+ -->$/),
      ''
    ])
    expect(out.stdout.length).toBeLessThanOrEqual(65_536)
    // The job summary differs from it only by what follows the report.
    const summary = capture()
    await reportCommand.run(['--results', SIGNIFICANT_DIR], summary.console)
    expect(out.stdout.startsWith(summary.out.stdout)).toBe(true)
  })

  it('refuses --comment-key without --comment', async () => {
    const { console } = capture()
    await expect(reportCommand.run(['--comment-key', 'x'], console)).rejects.toThrow(
      "ml-gate report: --comment-key is for --comment; see 'ml-gate report --help'"
    )
  })

  it('refuses a stray argument with the usage hint', async () => {
    const { console } = capture()
    await expect(reportCommand.run(['results'], console)).rejects.toThrow(
      "ml-gate report: expected no positional arguments, got 'results'; see 'ml-gate report --help'"
    )
  })
})
