import * as core from '@actions/core'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ExitCode, UserInputError } from '../errors.js'
import { runEntry } from '../evaluation/threads.js'

/** How an action's run ended: its exit code and, for `GateFailed`, the step's failure message. */
export interface ActionOutcome {
  readonly code: ExitCode
  readonly failure?: string
}

type ActionBody = () => Promise<ActionOutcome>

/**
 * An action's entry module: `export const run = await actionEntry(import.meta.url, body)`. Started
 * as a script (a runner's `node dist/<name>/index.js`, or a worker thread started from it: see
 * `runEntry`), it runs at once; imported, as GitHub's `@github/local-action` imports it, it only
 * returns `run` for the importer to call.
 */
export async function actionEntry(url: string, body: ActionBody): Promise<() => Promise<void>> {
  const run = (): Promise<void> => runEntry(url, () => runAction(body))
  if (isEntryPoint(url)) await run()
  return run
}

/** Whether the module at `url` is the script node was started with (`process.argv[1]`). */
function isEntryPoint(url: string): boolean {
  const script = process.argv[1]
  if (script === undefined) return false
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(url))
  } catch {
    return false // a script path that does not exist (node -e, a REPL): not this module
  }
}

/**
 * Runs one action's body and turns its outcome into the job's result. The one place per action
 * where errors become messages:
 *
 * - `ExitCode.Pass`: nothing more to say;
 * - `ExitCode.GateFailed`: the step fails with `failure` as its message (a result, not an error);
 * - a `UserInputError`: one error annotation, at the file and line when there is one, and exit
 *   code 2;
 * - anything else is a bug in ml-gate: reported with its stack so it can be filed.
 */
export async function runAction(body: ActionBody): Promise<void> {
  try {
    const { code, failure } = await body()
    if (code === ExitCode.GateFailed) core.setFailed(failure ?? 'ml-gate: the gate failed')
  } catch (error) {
    if (error instanceof UserInputError) {
      // One annotation, placed at the file and line when known; exit code 2, not setFailed's 1.
      const where = error.location
      core.error(`ml-gate: ${error.format()}`, {
        title: 'ml-gate: bad input',
        file: where?.file,
        startLine: where?.line,
        startColumn: where?.column
      })
      process.exitCode = ExitCode.BadInput
      return
    }
    core.setFailed(
      `ml-gate crashed; please report this: ${error instanceof Error ? error.stack : String(error)}`
    )
  }
}
