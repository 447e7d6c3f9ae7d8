import { ExitCode, UserInputError } from '../errors.js'
import { VERSION } from '../version.js'
import { didYouMean } from '../suggest.js'
import type { Command, Console } from './command.js'
import { logText } from '../text/log-text.js'

/** A subcommand as `ml-gate --help` lists it; its module is loaded only when it is used. */
interface CommandEntry {
  readonly name: string
  /** One line for `ml-gate --help`. */
  readonly summary: string
  readonly load: () => Promise<Command>
}

/**
 * The subcommands. Each is a dynamic `import()`, so `ml-gate --version`, `--help` or a mistyped
 * name read and run none of them (nor the YAML parser, ajv and the readers they bring).
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'profile',
    summary: 'profile the columns of a CSV, JSON Lines, JSON or Parquet file',
    load: async () => (await import('./profile.js')).profileCommand
  },
  {
    name: 'validate',
    summary: 'check data against a contract and measure drift against a reference',
    load: async () => (await import('./validate.js')).validateCommand
  },
  {
    name: 'infer',
    summary: 'draft a data contract from data you trust',
    load: async () => (await import('./infer.js')).inferCommand
  },
  {
    name: 'evaluate',
    summary: 'metrics per segment with confidence intervals, from a predictions file',
    load: async () => (await import('./evaluate.js')).evaluateCommand
  },
  {
    name: 'merge',
    summary: 'merge the states of the shards of one input (evaluate --shard K/N) into one document',
    load: async () => (await import('./merge.js')).mergeCommand
  },
  {
    name: 'gate',
    summary: 'judge the candidate model against the gates of ml-gate.yml, overall and per segment',
    load: async () => (await import('./gate.js')).gateCommand
  },
  {
    name: 'canary',
    summary: 'decide a canary release from live outcome logs: promote, rollback or continue',
    load: async () => (await import('./canary.js')).canaryCommand
  },
  {
    name: 'report',
    summary: 'render the PR report (markdown) from the result documents',
    load: async () => (await import('./report.js')).reportCommand
  },
  {
    name: 'run',
    summary: 'the whole pipeline from ml-gate.yml: validate, evaluate, gate, report',
    load: async () => (await import('./run.js')).runCommand
  },
  {
    name: 'monitor',
    summary: 'watch production prediction logs by window against a reference: drift, rates, metrics',
    load: async () => (await import('./monitor.js')).monitorCommand
  }
]

function help(): string {
  const width = commands.reduce((w, c) => Math.max(w, c.name.length), 0)
  return [
    'ml-gate: validate data, evaluate and gate ML models, locally and in GitHub Actions.',
    '',
    'Usage: ml-gate <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'ml-gate <command> --help' for a command's options.",
    'Exit codes: 0 passed, 1 a gate or check failed, 2 bad input, 3 undecided (canary: continue).',
    ''
  ].join('\n')
}

/**
 * Runs one CLI invocation and returns its exit code. The one place where user errors become
 * messages: `ml-gate: FILE:LINE:COL: message` on stderr and exit code 2, never a stack trace.
 */
export async function runCli(argv: readonly string[], given: Console): Promise<ExitCode> {
  // Messages quote files and values from data; in a CI log none may become a workflow command.
  const console: Console = { ...given, stderr: (text) => given.stderr(logText(text)) }
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.stdout(help())
    return name === undefined ? ExitCode.BadInput : ExitCode.Pass
  }
  if (name === '--version' || name === '-v') {
    console.stdout(`${VERSION}\n`)
    return ExitCode.Pass
  }
  const entry = commands.find((c) => c.name === name)
  if (!entry) {
    const names = commands.map((c) => c.name)
    console.stderr(
      `ml-gate: unknown command '${name}'${didYouMean(name, names)}. Commands: ${names.join(', ')}\n`
    )
    return ExitCode.BadInput
  }
  const command = await entry.load()
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
