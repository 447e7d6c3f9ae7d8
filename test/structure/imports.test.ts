/**
 * The import graph of src/ (.dependency-cruiser.mjs, also run by `npm run lint`): no file or folder
 * cycles, type-only and dynamic imports included, and the folders in one direction. The tree must
 * pass; copies of it with one import added must fail with exactly the rule that import breaks.
 */
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'

const ROOT = resolve('.')
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise')
const COPIED = ['src', 'schemas', 'tsconfig.json', 'package.json', '.dependency-cruiser.mjs']
const copies: string[] = []

interface Cruise {
  readonly status: number | null
  readonly stdout: string
}

function cruise(cwd: string, outputType: 'err' | 'json'): Cruise {
  const run = spawnSync(
    DEPCRUISE,
    ['src', '--config', '.dependency-cruiser.mjs', '--output-type', outputType],
    {
      cwd,
      encoding: 'utf8'
    }
  )
  return { status: run.status, stdout: run.stdout }
}

/** A copy of the tree with `edit` applied, and the rule violations the check finds there. */
function violationsAfter(edit: (root: string) => void): string[] {
  const root = mkdtempSync(join(tmpdir(), 'ml-gate-imports-'))
  copies.push(root)
  for (const path of COPIED) cpSync(join(ROOT, path), join(root, path), { recursive: true })
  edit(root)
  const { summary } = JSON.parse(cruise(root, 'json').stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] }
  }
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort()
}

const append = (root: string, file: string, text: string): void => appendFileSync(join(root, file), text)

afterAll(() => {
  for (const root of copies) rmSync(root, { recursive: true, force: true })
})

describe('the import graph', () => {
  it('of the tree has no cycle and no import against the folder direction (npm run imports)', () => {
    const run = cruise(ROOT, 'err')
    expect(run.stdout).toMatch(/no dependency violations found \(\d+ modules, \d+ dependencies cruised\)/)
    expect(run.status).toBe(0)
  })

  it('fails on a file cycle closed by a type-only import', () => {
    const violations = violationsAfter((root) =>
      append(
        root,
        'src/metrics/task.ts',
        "import type { MetricInfo } from './catalog.js'\nexport type M = MetricInfo\n"
      )
    )
    // catalog -> task directly, and catalog -> hash-sample -> metric-state -> task.
    expect(violations).toEqual([
      'no-circular: src/metrics/catalog.ts -> src/metrics/hash-sample.ts',
      'no-circular: src/metrics/catalog.ts -> src/metrics/task.ts'
    ])
  })

  it('fails, with a non-zero exit for CI, on a dynamic import from the definitions into the engine', () => {
    const violations = violationsAfter((root) =>
      append(
        root,
        'src/metrics/intervals.ts',
        "export const engine = () => import('../evaluation/evaluate.js')\n"
      )
    )
    expect(violations).toContain('metrics-imports: src/metrics/intervals.ts -> src/evaluation/evaluate.ts')
    expect(violations).toContain('no-circular: src/evaluation/evaluate.ts -> src/metrics/binary.ts')
    expect(violations).toContain('no-folder-circular: src/metrics -> src/evaluation')
    const copy = copies[copies.length - 1]
    expect(cruise(copy, 'err').status).not.toBe(0)
  })

  it('fails when the report imports an engine module, even for a type', () => {
    const violations = violationsAfter((root) => {
      const file = join(root, 'src/report/evaluation.ts')
      const text = readFileSync(file, 'utf8')
      writeFileSync(
        file,
        `import type { Evaluation } from '../evaluation/evaluate.js'\nexport type E = Evaluation\n${text}`
      )
    })
    expect(violations).toEqual(['report-imports: src/report/evaluation.ts -> src/evaluation/evaluate.ts'])
  })

  it('fails when a kernel imports anything outside src/kernels', () => {
    const violations = violationsAfter((root) =>
      append(
        root,
        'src/kernels/hash.ts',
        "import { UserInputError } from '../errors.js'\nexport const E = UserInputError\n"
      )
    )
    expect(violations).toEqual(['kernels-imports: src/kernels/hash.ts -> src/errors.ts'])
  })
})
