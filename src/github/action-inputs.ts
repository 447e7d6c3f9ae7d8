import * as core from '@actions/core'
import { UserInputError } from '../errors.js'
import { outsideWorkspace, type Workspace } from '../io/workspace.js'

/** The input every action has that lifts the workspace confinement of paths. */
export const ALLOW_OUTSIDE_WORKSPACE = 'allow-outside-workspace'

/**
 * Small typed readers for action inputs. Each names the input in its error, as the toolkit's
 * "Input required and not supplied: name" does, and says what is allowed.
 */

/** A string input; `undefined` when empty and not required. */
export function getString(name: string, required = false): string | undefined {
  const value = core.getInput(name, { trimWhitespace: true })
  if (value === '') {
    if (required) throw new UserInputError(`input '${name}' is required and was not supplied`)
    return undefined
  }
  return value
}

/** A YAML 1.2 boolean (`true`/`false`, any case), or the default when empty. */
export function getBoolean(name: string, fallback: boolean): boolean {
  const value = getString(name)
  if (value === undefined) return fallback
  if (/^true$/i.test(value)) return true
  if (/^false$/i.test(value)) return false
  throw new UserInputError(`input '${name}': expected true or false, got '${value}'`)
}

/** One of a fixed set of words. */
export function getChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = getString(name)
  if (value === undefined) return fallback
  if (!(choices as readonly string[]).includes(value)) {
    throw new UserInputError(`input '${name}': expected one of ${choices.join(', ')}, got '${value}'`)
  }
  return value as T
}

/**
 * A list: one item per line, or also separated by commas unless the items themselves hold commas
 * (`lines: true`, e.g. bins written `Age=18,30,45`). Blank items are dropped.
 */
export function getList(name: string, options: { lines?: boolean } = {}): string[] {
  const value = getString(name)
  if (value === undefined) return []
  return value
    .split(options.lines ? /\n/ : /[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** A number in a range. */
export function getNumber(
  name: string,
  fallback: number,
  range: { min?: number; max?: number } = {}
): number {
  const value = getString(name)
  if (value === undefined) return fallback
  const n = Number(value)
  const { min = -Infinity, max = Infinity } = range
  if (!Number.isFinite(n) || n < min || n > max) {
    const bounds = [Number.isFinite(min) ? ` >= ${min}` : '', Number.isFinite(max) ? ` <= ${max}` : '']
    throw new UserInputError(
      `input '${name}': expected a number${bounds.filter(Boolean).join(' and')}, got '${value}'`
    )
  }
  return n
}

/**
 * Where this step's paths must stay: `GITHUB_WORKSPACE` (the runner's checkout, also the step's
 * current folder), unless input `allow-outside-workspace` is true.
 */
export function getWorkspace(): Workspace {
  return {
    root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    allowOutside: getBoolean(ALLOW_OUTSIDE_WORKSPACE, false)
  }
}

/**
 * `path` (the value of input `name`, or a file it matched) when it lies inside the workspace.
 *
 * @throws UserInputError `input 'config': '../x.yml' resolves to /home/runner/x.yml, outside the
 *   workspace /home/runner/work/repo; set the input 'allow-outside-workspace: true' to allow it`
 */
export function confined(name: string, path: string, workspace: Workspace): string {
  const outside = outsideWorkspace(path, workspace)
  if (outside !== null) {
    throw new UserInputError(
      `input '${name}': ${outside}; an action reads and writes only inside the workspace. ` +
        `Set the input '${ALLOW_OUTSIDE_WORKSPACE}: true' to allow it`
    )
  }
  return path
}

/** A path input, checked with `confined`; `undefined` when empty and not required. */
export function getPath(name: string, workspace: Workspace, required = false): string | undefined {
  const path = getString(name, required)
  return path === undefined ? undefined : confined(name, path, workspace)
}
