/**
 * Runs an action's body in this process, `@actions/core` mocked (`./core.ts`, which the test mocks
 * before importing this module), and reads back what it did, in the shape the runner's would be
 * (test/support/github/runner-env.ts runs the bundles instead).
 */
import type { AnnotationProperties } from '@actions/core'
import { jest } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionOutcome } from '../../src/github/run-action.js'
import type { Annotation } from '../support/github/runner-env.js'
import { inputDefaults } from '../support/github/runner-env.js'
import * as core from './core.js'

/** The actions, by name: their action.yml and their body. */
export const ACTION_YML = {
  canary: 'actions/canary/action.yml',
  evaluate: 'actions/evaluate/action.yml',
  gate: 'actions/gate/action.yml',
  merge: 'actions/merge/action.yml',
  monitor: 'actions/monitor/action.yml',
  report: 'actions/report/action.yml',
  'validate-data': 'actions/validate-data/action.yml',
  run: 'action.yml'
} as const

export interface ShellRun {
  /** 0, 1 (the step failed, with `failure`) or 2 (bad input, as one error annotation). */
  readonly code: number
  /** `setFailed`'s message. */
  readonly failure: string | null
  readonly outputs: Readonly<Record<string, string>>
  readonly summary: string
  /** `error`, `warning` and `notice` calls, as the runner shows them. */
  readonly annotations: readonly Annotation[]
  /** `info` lines. */
  readonly log: readonly string[]
  /** The results folder the run was given (a new temporary folder). */
  readonly results: string
}

/**
 * Runs `body` as `runAction` does, with the inputs a runner would give it: `inputs` over the
 * defaults of its action.yml, and `results-dir` a new temporary folder unless given.
 */
export async function runShell(
  action: keyof typeof ACTION_YML,
  body: () => Promise<ActionOutcome>,
  inputs: Readonly<Record<string, string>> = {}
): Promise<ShellRun> {
  jest.clearAllMocks()
  const results = mkdtempSync(join(tmpdir(), `ml-gate-${action}-`))
  const given: Record<string, string> = {
    ...inputDefaults(ACTION_YML[action], 'ghs_fake_installation_token'),
    'results-dir': results,
    ...inputs
  }
  core.getInput.mockImplementation((name, options) => {
    const value = given[name] ?? ''
    return options?.trimWhitespace === false ? value : value.trim()
  })
  const before = process.exitCode
  try {
    await runAction(body)
    const code = process.exitCode === 2 ? 2 : core.setFailed.mock.calls.length > 0 ? 1 : 0
    return {
      code,
      failure: core.setFailed.mock.calls.at(-1)?.[0].toString() ?? null,
      outputs: Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, String(value)])),
      summary: core.summary.addRaw.mock.calls.map(([text]) => text).join(''),
      annotations: annotations(),
      log: core.info.mock.calls.map(([line]) => line),
      results
    }
  } finally {
    // runAction sets exit code 2 for bad input: this process's, which must not keep it.
    process.exitCode = before
  }
}

/** The `error`, `warning` and `notice` calls in the order they were made. */
function annotations(): Annotation[] {
  const levels = { error: core.error, warning: core.warning, notice: core.notice }
  return Object.entries(levels)
    .flatMap(([level, mock]) =>
      mock.mock.calls.map(([message, p = {}], i) => ({
        order: mock.mock.invocationCallOrder[i],
        annotation: annotation(level as Annotation['level'], message, p)
      }))
    )
    .sort((a, b) => a.order - b.order)
    .map(({ annotation }) => annotation)
}

function annotation(
  level: Annotation['level'],
  message: string | Error,
  p: AnnotationProperties
): Annotation {
  return {
    level,
    message: message.toString(),
    ...(p.file === undefined ? {} : { file: p.file }),
    ...(p.title === undefined ? {} : { title: p.title }),
    ...(p.startLine === undefined ? {} : { line: p.startLine }),
    ...(p.startColumn === undefined ? {} : { col: p.startColumn })
  }
}
