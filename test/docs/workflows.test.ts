/** The example workflows use only real ml-gate actions, only inputs they declare, and least privilege. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { readActionYml } from '../support/action-docs.js'

interface Step {
  readonly uses?: string
  readonly with?: Record<string, unknown>
}
interface Workflow {
  readonly permissions?: Record<string, string>
  readonly jobs: Record<string, { readonly permissions?: Record<string, string>; readonly steps?: Step[] }>
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
})
