import { existsSync, writeFileSync, readFileSync } from 'node:fs'
import { expect } from '@jest/globals'

/**
 * Compares `text` with the golden file at `path`; `UPDATE_GOLDEN=1` writes it (review the diff). A
 * missing golden fails: a test that writes what it then compares with cannot fail.
 */
export function expectGolden(path: string, text: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text)
  else if (!existsSync(path))
    throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1 to write it, then read it`)
  expect(text).toBe(readFileSync(path, 'utf8'))
}
