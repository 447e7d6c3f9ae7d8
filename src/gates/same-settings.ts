/**
 * Candidate, baseline and config must describe one evaluation: the same task, label, positive
 * class, threshold, weights, ids, confidence, bootstrap and segments. A document evaluated
 * otherwise would be compared with numbers that do not mean the same thing (another seed: other
 * resamples, no pairing; other bins: other segments under the same names), so it is bad input.
 */
import type { Task } from '../metrics/task.js'
import type { DocumentSettings } from '../documents/evaluation.js'

/** What a model states about how it was evaluated: its task and its document settings. */
export interface StatedSettings {
  readonly task: Task
  readonly settings: DocumentSettings
}

export interface SettingDifference {
  /** The setting as the config names it, e.g. `evaluation.seed`. */
  readonly name: string
  readonly mine: unknown
  readonly theirs: unknown
}

/**
 * Each compared setting: its config name, how to read it off stated settings, and (when values that
 * differ in JSON mean the same) the form compared.
 */
const SETTINGS: readonly Setting[] = [
  { name: 'model.task', read: (s) => s.task },
  { name: 'model.label', read: (s) => s.settings.label },
  // `--positive 1` gives the text "1", a config `positive: 1` the number: labels compare as text.
  { name: 'model.positive', read: (s) => s.settings.positive, compared: (v) => (v === null ? v : String(v)) },
  { name: 'model.threshold', read: (s) => s.settings.threshold },
  { name: 'model.weight', read: (s) => s.settings.weight },
  { name: 'model.id', read: (s) => s.settings.id },
  { name: 'evaluation.confidence', read: (s) => s.settings.confidence },
  { name: 'evaluation.bootstrap', read: (s) => s.settings.bootstrap },
  { name: 'evaluation.seed', read: (s) => s.settings.seed },
  // The set of columns matters, not their order (which only orders the report).
  { name: 'segments.columns', read: (s) => sorted(s.settings.segments?.columns) },
  { name: 'segments.bins', read: (s) => sortedKeys(s.settings.segments?.bins) },
  { name: 'segments.cross', read: (s) => s.settings.segments?.cross }
]

interface Setting {
  readonly name: string
  readonly read: (s: StatedSettings) => unknown
  readonly compared?: (value: unknown) => unknown
}

/** The settings in which `mine` and `theirs` differ, in the order above. */
export function settingDifferences(mine: StatedSettings, theirs: StatedSettings): SettingDifference[] {
  const out: SettingDifference[] = []
  for (const { name, read, compared = (v: unknown) => v } of SETTINGS) {
    const a = read(mine)
    const b = read(theirs)
    if (JSON.stringify(compared(a)) !== JSON.stringify(compared(b))) out.push({ name, mine: a, theirs: b })
  }
  return out
}

/**
 * The differences in words, e.g.
 * `evaluation.seed: the document's 7, the config's 42; model.id: the document's null, the config's "id"`.
 */
export function describeDifferences(
  differences: readonly SettingDifference[],
  mine: string,
  theirs: string
): string {
  return differences.map((d) => `${d.name}: ${mine} ${show(d.mine)}, ${theirs} ${show(d.theirs)}`).join('; ')
}

function show(value: unknown): string {
  if (value === undefined) return 'absent'
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

function sorted(values: readonly string[] | undefined): readonly string[] | undefined {
  return Array.isArray(values) ? [...values].sort() : values
}

function sortedKeys<T>(record: Readonly<Record<string, T>> | undefined): [string, T][] | undefined {
  if (typeof record !== 'object' || record === null) return record
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
