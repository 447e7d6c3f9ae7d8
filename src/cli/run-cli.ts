import { ExitCode, UserInputError } from '../errors.js'
import { VERSION } from '../version.js'
import { didYouMean } from '../suggest.js'
import type { Command, Console } from './command.js'
import { evaluateCommand } from './evaluate.js'
import { gateCommand } from './gate.js'
import { inferCommand } from './infer.js'
import { profileCommand } from './profile.js'
import { reportCommand } from './report.js'
import { runCommand } from './run.js'
import { validateCommand } from './validate.js'

export const commands: readonly Command[] = [
  profileCommand,
  validateCommand,
  inferCommand,
  evaluateCommand,
  gateCommand,
  reportCommand,
  runCommand
]

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'ml-gate: validate data, evaluate and gate ML models, locally and in GitHub Actions.',
    '',
    'Usage: ml-gate <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'ml-gate <command> --help' for a command's options.",
    'Exit codes: 0 passed, 1 a gate or check failed, 2 bad input.',
    ''
  ].join('\n')
}

/**
 * Runs one CLI invocation and returns its exit code. The one place where user errors become
 * messages: `ml-gate: FILE:LINE:COL: message` on stderr and exit code 2, never a stack trace.
 */
export async function runCli(argv: readonly string[], console: Console): Promise<ExitCode> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.stdout(help())
    return name === undefined ? ExitCode.BadInput : ExitCode.Pass
  }
  if (name === '--version' || name === '-v') {
    console.stdout(`${VERSION}\n`)
    return ExitCode.Pass
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    const names = commands.map((c) => c.name)
    console.stderr(
      `ml-gate: unknown command '${name}'${didYouMean(name, names)}. Commands: ${names.join(', ')}\n`
    )
    return ExitCode.BadInput
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`)
    return ExitCode.Pass
  }
  try {
    return await command.run(rest, console)
  } catch (error) {
    if (error instanceof UserInputError) {
      console.stderr(`ml-gate: ${error.format()}\n`)
      return ExitCode.BadInput
    }
    throw error
  }
}
