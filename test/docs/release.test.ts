/** What a release needs: the licence package.json names, notes from CHANGELOG.md, a Marketplace-sized description. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { readActionYml } from '../support/action-docs.js'

interface Step {
  readonly name?: string
  readonly run?: string
}
const release = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
  readonly jobs: Record<string, { readonly steps: readonly Step[] }>
}

/** Runs the release job's "release notes" step on `changelog` for tag `tag`. */
function releaseNotes(changelog: string, tag: string): { status: number; notes: string; out: string } {
  const step = release.jobs.release.steps.find((s) => s.name === 'release notes from CHANGELOG.md')!
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-release-'))
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog)
  const env = { ...process.env, GITHUB_REF_NAME: tag, RUNNER_TEMP: dir }
  try {
    const out = execFileSync('bash', ['-e', '-c', step.run!], { cwd: dir, env, encoding: 'utf8' })
    return { status: 0, notes: readFileSync(join(dir, 'notes.md'), 'utf8'), out }
  } catch (error) {
    const e = error as { status: number; stdout: string }
    return { status: e.status, notes: '', out: e.stdout }
  }
}

describe('release', () => {
  it('ships the MIT licence that package.json declares', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).license).toBe('MIT')
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n/)
  })

  it('takes the notes of exactly the tagged version from CHANGELOG.md', () => {
    const changelog =
      '# Changelog\n\n## 1.2.0\n\n- newer\n\n## 1.1.0\n\n- the fix\n- the feature\n\n## 1.0.0\n\n- first\n'
    expect(releaseNotes(changelog, 'v1.1.0')).toEqual({
      status: 0,
      notes: '\n- the fix\n- the feature\n\n',
      out: ''
    })
  })

  it('refuses a tag whose version has no section', () => {
    const result = releaseNotes('# Changelog\n\n## 1.0.0\n\n- first\n', 'v1.0.1')
    expect(result.status).toBe(1)
    expect(result.out).toBe("::error file=CHANGELOG.md::no section '## 1.0.1' with release notes\n")
  })

  it.each([
    'action.yml',
    'actions/validate-data/action.yml',
    'actions/evaluate/action.yml',
    'actions/gate/action.yml',
    'actions/report/action.yml',
    'actions/canary/action.yml'
  ])('%s has a description the Marketplace accepts (under 125 characters)', (file) => {
    expect(readActionYml(file).description.length).toBeLessThan(125)
  })
})
