/**
 * The candidates given by flag or input: `FILE` (one unnamed candidate) or `NAME=FILE` entries
 * (several named ones), as `ml-gate gate --candidate`, `ml-gate run --candidate` and the actions'
 * `candidate` input (one entry a line) take them. Shared so that all three read them alike.
 */
import { UserInputError } from '../errors.js'
import { RESULT_NAME } from '../documents/result-names.js'
import type { NamedInput } from './gate.js'

export interface GivenCandidates {
  /** One unnamed candidate. */
  readonly candidate?: string
  /** Several named candidates (at least one). */
  readonly candidates?: readonly NamedInput<string>[]
}

/**
 * Reads `entries`: an entry is `NAME=FILE` when it has a `=` before any `/` or `\`, else a FILE
 * (so `./a=b.csv` is a file). One FILE alone is the unnamed candidate; otherwise every entry must
 * be `NAME=FILE`, names unique.
 *
 * @param where names entry i in messages, e.g. `--candidate 'x'` or `input 'candidate', line 2`
 * @throws UserInputError for an empty name or file, a name outside `[A-Za-z0-9._-]+`, a name
 *   given twice, or a FILE among several entries
 * @example parseCandidates(['gbm=preds/gbm.csv', 'l1=preds/l1.csv'], …)
 * // { candidates: [{ name: 'gbm', input: 'preds/gbm.csv' }, { name: 'l1', input: 'preds/l1.csv' }] }
 */
export function parseCandidates(entries: readonly string[], where: (i: number) => string): GivenCandidates {
  if (entries.length === 0) return {}
  const parsed = entries.map((entry, i): { name: string | null; file: string } => {
    const at = entry.indexOf('=')
    const slash = entry.search(/[/\\]/)
    if (at < 0 || (slash >= 0 && slash < at)) return { name: null, file: entry }
    const name = entry.slice(0, at)
    const file = entry.slice(at + 1)
    const bad = (problem: string): never => {
      throw new UserInputError(`${where(i)}: ${problem}; expected NAME=FILE, e.g. gbm-depth4=preds/gbm4.csv`)
    }
    if (name === '') bad('the name before = is empty')
    if (!RESULT_NAME.test(name)) bad(`the name '${name}' may hold only letters, digits, '.', '_' and '-'`)
    if (file.trim() === '') bad(`no file after '${name}='`)
    return { name, file }
  })
  if (parsed.length === 1 && parsed[0].name === null) return { candidate: parsed[0].file }
  const seen = new Map<string, number>()
  const candidates = parsed.map(({ name, file }, i): NamedInput<string> => {
    if (name === null) {
      throw new UserInputError(
        `${where(i)}: several candidates must each be named, NAME=FILE (e.g. gbm-depth4=${file}); ` +
          'one FILE alone is the unnamed candidate'
      )
    }
    const first = seen.get(name)
    if (first !== undefined) {
      throw new UserInputError(
        `${where(i)}: the name '${name}' is already given by ${where(first)}; names must be unique`
      )
    }
    seen.set(name, i)
    return { name, input: file }
  })
  return { candidates }
}
