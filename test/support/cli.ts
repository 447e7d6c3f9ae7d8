import { runCli } from '../../src/cli/run-cli.js'

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `ml-gate ...args` in-process, capturing what it writes. */
export async function cli(...args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    env: {}
  })
  return { code, stdout, stderr }
}
