/**
 * Errors a user can fix: bad files, bad config, bad arguments.
 *
 * Every entry point (CLI command, action) catches `UserInputError` in one place, prints
 * `format()` and exits with code 2. Anything else is a bug in ml-gate and keeps its stack.
 */

/** Where in a user's file the problem is. Lines and columns are 1-based. */
export interface SourceLocation {
  readonly file: string
  readonly line?: number
  readonly column?: number
}

export class UserInputError extends Error {
  override readonly name = 'UserInputError'

  /**
   * @param message what was wrong and what was expected, e.g.
   *   `expected 15 fields (as in the header), found 14`
   * @param location file, line and column when the problem is inside a file
   */
  constructor(
    message: string,
    readonly location?: SourceLocation
  ) {
    super(message)
  }

  /** `FILE:LINE:COLUMN: message`, omitting the parts that are unknown. */
  format(): string {
    const where = this.location ? formatLocation(this.location) : ''
    return where ? `${where}: ${this.message}` : this.message
  }
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file
  if (location.line !== undefined) {
    text += `:${location.line}`
    if (location.column !== undefined) text += `:${location.column}`
  }
  return text
}

/** Process exit codes shared by the CLI and the actions. */
export const ExitCode = {
  /** Everything passed (or only warned). */
  Pass: 0,
  /** The data or the model failed a gate: a result, not an error. */
  GateFailed: 1,
  /** The input could not be used: bad file, bad config, bad argument. */
  BadInput: 2,
  /** The evidence does not decide yet: `ml-gate canary`'s `continue` (more traffic needed). */
  Inconclusive: 3
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]
