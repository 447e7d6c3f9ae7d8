/** The example workflows use only real ml-gate actions, only inputs they declare, and least privilege. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { readActionYml } from '../support/action-docs.js'

interface Step {
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
}
interface Workflow {
  readonly on: string | Record<string, { readonly types?: string[]; readonly paths?: string[] } | null>
  readonly permissions?: Record<string, string>
  readonly concurrency?: { readonly group: string; readonly 'cancel-in-progress': boolean }
  readonly jobs: Record<
    string,
    { readonly if?: string; readonly permissions?: Record<string, string>; readonly steps?: Step[] }
  >
}

const DIR = 'examples/workflows'
const workflows = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => [file, parse(readFileSync(`${DIR}/${file}`, 'utf8')) as Workflow] as const)

/** `ml-gate/ml-gate@v1` is the root action; `ml-gate/ml-gate/actions/report@v1` a sub-action. */
function actionPath(uses: string): string {
  const path = uses.replace(/^ml-gate\/ml-gate/, '').replace(/@.*$/, '')
  return path === '' ? 'action.yml' : `${path.slice(1)}/action.yml`
}

describe.each(workflows)('%s', (_, workflow) => {
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? [])

  it('names real ml-gate actions with only the inputs they declare, and every required one', () => {
    const ours = steps.filter((s) => s.uses?.startsWith('ml-gate/ml-gate'))
    expect(ours.length).toBeGreaterThan(0)
    for (const step of ours) {
      const path = actionPath(step.uses!)
      expect([step.uses, existsSync(path)]).toEqual([step.uses, true])
      const inputs = readActionYml(path).inputs ?? {}
      for (const name of Object.keys(step.with ?? {}))
        expect([step.uses, name, name in inputs]).toEqual([step.uses, name, true])
      for (const [name, input] of Object.entries(inputs)) {
        if (input.required && input.default === undefined)
          expect(Object.keys(step.with ?? {})).toContain(name)
      }
    }
  })

  it('pins every action to a version', () => {
    for (const step of steps.filter((s) => s.uses))
      expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@v\d+(\.\d+)*$/)
  })

  it('declares its permissions, granting nothing beyond read unless a step needs it', () => {
    const permissions = [
      workflow.permissions,
      ...Object.values(workflow.jobs).map((j) => j.permissions)
    ].filter((p): p is Record<string, string> => p !== undefined)
    expect(permissions.length).toBeGreaterThan(0)
    const writes = permissions.flatMap((p) =>
      Object.entries(p)
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope)
    )
    expect(writes.every((scope) => ['pull-requests', 'checks', 'issues'].includes(scope))).toBe(true)
  })

  it('runs on every pull request, with no paths filter that would leave a required check pending', () => {
    const trigger = typeof workflow.on === 'string' ? null : workflow.on.pull_request
    expect(trigger?.paths).toBeUndefined()
  })

  it('re-runs when the override label is added or removed, wherever it runs on pull requests', () => {
    const on = typeof workflow.on === 'string' ? { [workflow.on]: null } : workflow.on
    if ('pull_request' in on)
      expect(on.pull_request?.types).toEqual(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled'])
  })

  it('has a concurrency group', () => {
    expect(workflow.concurrency?.group).toMatch(/\S/)
  })

  it('checks out without persisting credentials (no example pushes)', () => {
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
      expect(step.with?.['persist-credentials']).toBe(false)
  })

  it('uses actions/github-script@v8 (node24) or none', () => {
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/github-script@')))
      expect(step.uses).toBe('actions/github-script@v8')
  })

  it('asks for checks: write only where a step sets check-name', () => {
    const wantsChecks = workflow.permissions?.checks === 'write'
    expect(wantsChecks).toBe(steps.some((s) => s.with?.['check-name'] !== undefined))
  })
})

describe('the fork-safe pair', () => {
  const gate = workflows.find(([file]) => file === 'fork-safe-gate.yml')![1]
  const comment = workflows.find(([file]) => file === 'fork-safe-comment.yml')![1]

  it('creates the results folder before the gate can fail, so the pull request number is always uploaded', () => {
    const runs = gate.jobs['ml-gate'].steps!.map((s) => s.run ?? s.uses ?? '')
    const mkdir = runs.indexOf('mkdir -p ml-gate-results')
    expect(mkdir).toBeGreaterThanOrEqual(0)
    expect(mkdir).toBeLessThan(runs.findIndex((r) => r.startsWith('ml-gate/ml-gate@')))
  })

  it('comments only on completed runs that produced results, under the same comment key as part 1', () => {
    expect(comment.jobs.comment.if).toContain("github.event.workflow_run.conclusion == 'success'")
    expect(comment.jobs.comment.if).toContain("github.event.workflow_run.conclusion == 'failure'")
    const report = comment.jobs.comment.steps!.find((s) =>
      s.uses?.startsWith('ml-gate/ml-gate/actions/report@')
    )!
    expect(report.with).toMatchObject({ config: 'ml-gate.yml', 'comment-key': 'ml-gate.yml' })
  })
})

describe('deploy.yml', () => {
  // Parsed YAML, read with the fields this test needs beyond `Workflow`'s.
  type DeployStep = Step & { readonly env?: Record<string, string> }
  const jobs = workflows.find(([file]) => file === 'deploy.yml')![1].jobs as Record<
    string,
    { readonly if?: string; readonly outputs?: Record<string, string>; readonly steps?: DeployStep[] }
  >

  it('deploys the winner, through the environment, and nothing when the winner output is empty', () => {
    expect(jobs.gate.outputs?.winner).toBe('${{ steps.gate.outputs.winner }}')
    expect(jobs.deploy.if).toBe("needs.gate.outputs.verdict != 'fail' && needs.gate.outputs.winner != ''")
    const step = jobs.deploy.steps!.find((s) => s.run?.startsWith('./deploy.sh'))!
    expect(step.run).toBe('./deploy.sh "$WINNER"')
    expect(step.env).toEqual({ WINNER: '${{ needs.gate.outputs.winner }}' })
  })
})
