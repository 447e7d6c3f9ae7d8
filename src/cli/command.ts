import type { ExitCode } from '../errors.js'

/** Where a command writes. Passed in so tests capture output instead of patching `process`. */
export interface Console {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** True when stdout is an interactive terminal (progress bars, colour). */
  readonly isTTY: boolean
  /** Environment variables (CI detection, GitHub paths). */
  readonly env: Readonly<Record<string, string | undefined>>
}

/** One `ml-gate <name>` subcommand. */
export interface Command {
  readonly name: string
  /** Full usage text for `ml-gate <name> --help`. */
  readonly usage: string
  run(args: readonly string[], console: Console): Promise<ExitCode>
}
