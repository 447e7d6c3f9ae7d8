import * as glob from '@actions/glob'
import { UserInputError } from '../errors.js'

/**
 * The files a path-or-glob input names (one pattern per line), in a stable order. A pattern that
 * matches nothing is an error: a typo must not make a step pass on no data.
 */
export async function matchFiles(input: string, patterns: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const pattern of patterns) {
    const globber = await glob.create(pattern, { matchDirectories: false })
    const matched = (await globber.glob()).sort()
    if (matched.length === 0) throw new UserInputError(`input '${input}': no file matches '${pattern}'`)
    files.push(...matched.filter((file) => !files.includes(file)))
  }
  return files
}
