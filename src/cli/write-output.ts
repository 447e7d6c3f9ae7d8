import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { UserInputError } from '../errors.js'
import type { Console } from './command.js'

/** Writes a result document as pretty JSON to a file (creating its folder) or, for '-', to stdout. */
export async function writeJson(target: string, document: unknown, console: Console): Promise<void> {
  const text = `${JSON.stringify(document, null, 2)}\n`
  if (target === '-') {
    console.stdout(text)
    return
  }
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, text)
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    throw new UserInputError(`cannot write ${target}: ${reason}`)
  }
}
