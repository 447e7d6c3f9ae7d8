import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { reportCommand } from '../../src/cli/report.js'
import { ExitCode } from '../../src/errors.js'
import { CREDIT_DIR } from './report-fixtures.js'

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
    expect(out.stdout).toContain(`| ${CREDIT_DIR.replace(/[-:]/g, '\\$&')}verdict.json`)
  })

  it('refuses a stray argument with the usage hint', async () => {
    const { console } = capture()
    await expect(reportCommand.run(['results'], console)).rejects.toThrow(
      "ml-gate report: expected no positional arguments, got 'results'; see 'ml-gate report --help'"
    )
  })
})
