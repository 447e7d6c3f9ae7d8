import { documentText, writeTextFile } from '../steps/write-document.js'
import type { Console } from './command.js'

/** Writes text to a file (creating its folder) or, for '-', to stdout. */
export async function writeOutput(target: string, text: string, console: Console): Promise<void> {
  if (target === '-') console.stdout(text)
  else await writeTextFile(target, text)
}

/** Writes a result document as pretty JSON (see `writeOutput`). */
export async function writeJson(target: string, document: unknown, console: Console): Promise<void> {
  await writeOutput(target, documentText(document), console)
}

/**
 * Writes a shard's state document as compact JSON: read by `ml-gate merge`, not by people, and
 * indentation would put each number of its reservoirs and examples on a line of its own (a
 * validation state was 3 times its content).
 */
export async function writeState(target: string, state: unknown, console: Console): Promise<void> {
  await writeOutput(target, `${JSON.stringify(state)}\n`, console)
}

/**
 * Writes to `stream` until its reader goes away (`ml-gate evaluate --json - | head -c 100`),
 * then drops what is left, as Unix tools end quietly on a closed pipe: no EPIPE stack trace. The
 * command still runs to its end, so its exit code stays the verdict's, never a silent pass.
 */
export function untilReaderLeaves(stream: NodeJS.WritableStream): (text: string) => void {
  let open = true
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    open = false
  })
  return (text) => {
    if (open) stream.write(text)
  }
}
