import * as core from '@actions/core'
import { ExitCode, UserInputError } from '../errors.js'

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
export async function runAction(body: () => Promise<{ code: ExitCode; failure?: string }>): Promise<void> {
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
