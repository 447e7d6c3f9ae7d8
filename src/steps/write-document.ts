import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { UserInputError } from '../errors.js'

/** A result document as written: pretty JSON and a final newline. */
export function documentText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

/**
 * Writes text to a file, creating its folder.
 * @throws UserInputError `cannot write out/x.json: EACCES`
 */
export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, text)
  } catch (error) {
    throw new UserInputError(
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
    )
  }
}

/** Writes a result document to a file (see `documentText`, `writeTextFile`). */
export async function writeDocument(path: string, document: unknown): Promise<void> {
  await writeTextFile(path, documentText(document))
}
