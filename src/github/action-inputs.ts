import * as core from '@actions/core'
import { RESULT_NAME } from '../documents/result-names.js'
import { UserInputError } from '../errors.js'
import { expandGlob } from '../io/glob.js'
import { outsideWorkspace, type Workspace } from '../io/workspace.js'

/**
 * An input as an action.yml declares it. Each action's inputs module lists its inputs so, and a
 * test (test/actions/inputs.test.ts) proves the list is its action.yml's, defaults included: the
 * default is written here once and read from here by the code.
 */
export interface ActionInput {
  readonly name: string
  /** The default of action.yml; an expression (`${{ github.token }}`) only the runner evaluates. */
  readonly default?: string
  readonly required?: true
}

/** An input that has a default. */
export type DefaultedInput = ActionInput & { readonly default: string }

/** An input action.yml requires: reading it gives a value or throws. */
export type RequiredInput = ActionInput & { readonly required: true }

/** An input named `name`, with the default action.yml gives it (none: `undefined`). */
export function input(name: string): ActionInput
export function input(name: string, fallback: string): DefaultedInput
export function input(name: string, fallback?: string): ActionInput {
  return fallback === undefined ? { name } : { name, default: fallback }
}

/**
 * An input whose action.yml default is an expression the runner evaluates (`${{ github.token }}`):
 * outside a runner it has no value, so the code sees no default.
 */
export function runnerInput(name: string, expression: string): ActionInput {
  return { name, default: expression }
}

/** A required input: action.yml says `required: true` and gives no default. */
export function requiredInput(name: string): RequiredInput {
  return { name, required: true }
}

/** The input every action has that lifts the workspace confinement of paths. */
export const ALLOW_OUTSIDE_WORKSPACE = input('allow-outside-workspace', 'false')

/**
 * Small typed readers for action inputs. An input left empty takes its default, as the runner
 * gives it (so a run outside a runner, e.g. `@github/local-action`, behaves the same). Each reader
 * names the input in its error, as the toolkit's "Input required and not supplied: name" does,
 * and says what is allowed.
 */

/** A string input; its default when empty, `undefined` without one (an error when required). */
export function getString(spec: DefaultedInput | RequiredInput): string
export function getString(spec: ActionInput): string | undefined
export function getString(spec: ActionInput): string | undefined {
  const value = core.getInput(spec.name, { trimWhitespace: true })
  if (value !== '') return value
  if (spec.required) throw new UserInputError(`input '${spec.name}' is required and was not supplied`)
  // An expression default has no value outside the runner, which would have put it in the input.
  return spec.default?.includes('${{') ? undefined : spec.default
}

/**
 * An input that names a result document (`evaluation-<name>.json`): letters, digits, `.`, `-`
 * and `_`, so that it stays a file name inside the results folder.
 * @throws UserInputError naming the input otherwise
 */
export function getDocumentName(spec: DefaultedInput): string {
  const name = getString(spec)
  if (!RESULT_NAME.test(name)) {
    throw new UserInputError(`input '${spec.name}': expected letters, digits, '.', '-' or '_', got '${name}'`)
  }
  return name
}

/** A YAML 1.2 boolean (`true`/`false`, any case); its default when empty. */
export function getBoolean(spec: DefaultedInput): boolean {
  const value = getString(spec)
  if (/^true$/i.test(value)) return true
  if (/^false$/i.test(value)) return false
  throw new UserInputError(`input '${spec.name}': expected true or false, got '${value}'`)
}

/**
 * A list: one item per line, or also separated by commas unless the items themselves hold commas
 * (`lines: true`, e.g. bins written `Age=18,30,45`). Blank items are dropped.
 */
export function getList(spec: ActionInput, options: { lines?: boolean } = {}): string[] {
  const value = getString(spec)
  if (value === undefined) return []
  return value
    .split(options.lines ? /\n/ : /[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/**
 * Where this step's paths must stay: `GITHUB_WORKSPACE` (the runner's checkout, also the step's
 * current folder), unless input `allow-outside-workspace` is true.
 */
export function getWorkspace(): Workspace {
  return {
    root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    allowOutside: getBoolean(ALLOW_OUTSIDE_WORKSPACE)
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
        `Set the input '${ALLOW_OUTSIDE_WORKSPACE.name}: true' to allow it`
    )
  }
  return path
}

/**
 * The files that the patterns of input `name` match, each once in the order found, as `as` maps
 * them; each pattern and each file it matched inside the workspace (`confined`).
 * @throws UserInputError for a pattern that matches nothing, or a file outside the workspace
 */
export async function matchInputFiles(
  name: string,
  patterns: readonly string[],
  workspace: Workspace,
  as: (file: string) => string = (file) => file
): Promise<string[]> {
  const files: string[] = []
  for (const pattern of patterns) {
    const matched = (await expandGlob(confined(name, pattern, workspace))).map((file) =>
      confined(name, file, workspace)
    )
    if (matched.length === 0) throw new UserInputError(`input '${name}': no file matches '${pattern}'`)
    for (const file of matched.map(as)) if (!files.includes(file)) files.push(file)
  }
  return files
}

/** A path input (its default when empty), checked with `confined`; `undefined` without either. */
export function getPath(spec: DefaultedInput | RequiredInput, workspace: Workspace): string
export function getPath(spec: ActionInput, workspace: Workspace): string | undefined
export function getPath(spec: ActionInput, workspace: Workspace): string | undefined {
  const path = getString(spec)
  return path === undefined ? undefined : confined(spec.name, path, workspace)
}
