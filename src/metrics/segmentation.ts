import { UserInputError } from '../errors.js'
import type { Value } from '../io/table.js'

/**
 * How rows are split into segments, and how segments are named.
 *
 * Keys read `all` (every row), `column=value` (a missing value has an empty value: `Home=`),
 * `Age=[18,30)` for a left-closed bin, `Age=(-inf,18)` / `Age=[100,inf)` for values outside the
 * edges, and `a=x&b=y` for a cross of two or more columns. The grammar, so that two distinct
 * segments never share a key (a value `x&b=y` of column `a` is not the cross `a=x&b=y`):
 *
 *     key    = "all" | part *("&" part)
 *     part   = name "=" value
 *     family = name *("&" name)                 the name of a column or a cross
 *     name   = text
 *     value  = ""  (missing)  |  text  |  bin  (`[18,30)`, `(-inf,18)`, `[100,inf)`)
 *     text   = '""'  (the empty text)  |  1*char
 *     char   = any character but % & = "  |  "%25" (%)  |  "%26" (&)  |  "%3D" (=)  |  "%22" (")
 *
 * A value is keyed by its text (the number 3 and the text "3" are one segment). Ordinary names and
 * values hold none of the four characters, so their keys read as they are: `Home=rent&Job=partime`.
 */
export interface SegmentSpec {
  /** Columns segmented by their values. */
  readonly columns: readonly string[]
  /** Numeric columns segmented by left-closed bins between consecutive edges. */
  readonly bins: Readonly<Record<string, readonly number[]>>
  /** Crosses: every combination of the listed columns' segments (binned columns by bin). */
  readonly cross: readonly (readonly string[])[]
}

export const OVERALL = 'all'

/** The characters a name or value is escaped for, and their escapes. */
const ESCAPES: Readonly<Record<string, string>> = { '%': '%25', '&': '%26', '=': '%3D', '"': '%22' }
const SPECIAL = /[%&="]/g

/** A column name or a value's text as it is written in keys (see the grammar above). */
export function escapeKeyText(text: string): string {
  if (text === '') return '""'
  return text.replace(SPECIAL, (c) => ESCAPES[c])
}

/** The key of a segment of a family, from its parts' labels (`Home=rent`, `Job=partime`). */
export function segmentKey(labels: readonly string[]): string {
  return labels.length === 1 ? labels[0] : labels.join('&')
}

/** A name or value as the grammar allows it: `""`, or text whose every % starts an escape and without ". */
const TEXT = /^(?:""|(?:[^%&="]|%25|%26|%3D|%22)+)$/

/**
 * What is wrong with a key a user wrote (in `per_segment` or a waiver), against the grammar above;
 * `null` when it is a key. The text says what to write instead.
 */
export function segmentKeyProblem(key: string): string | null {
  if (key === OVERALL) return null
  for (const part of key.split('&')) {
    const equals = part.indexOf('=')
    if (equals < 0) return `'${part}' has no '=': a key reads column=value, crosses joined by '&'`
    const [name, value] = [part.slice(0, equals), part.slice(equals + 1)]
    if (!TEXT.test(name) || (value !== '' && !TEXT.test(value))) {
      return `'${part}' is not column=value with % & = " written %25 %26 %3D %22 (the empty text: "")`
    }
  }
  return null
}

/** The family of a key: `Job=partime` -> `Job`, `Home=rent&Job=fixed` -> `Home&Job`. */
export function familyOfKey(key: string): string {
  return key
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=')
      return equals < 0 ? part : part.slice(0, equals)
    })
    .join('&')
}

/** One column's contribution to a key: `Home=rent` or `Age=[18,30)`. */
export interface SegmentPart {
  readonly column: string
  /** The label for a value, or `undefined` when the value cannot be placed (a string in a binned column). */
  label(value: Value): string | undefined
  /** Position of a label in its natural order (bins in edge order; values all rank 0). */
  rank(label: string): number
}

class ValuePart implements SegmentPart {
  private readonly cache = new Map<Value, string>()
  private readonly name: string
  constructor(readonly column: string) {
    this.name = escapeKeyText(column)
  }

  label(value: Value): string {
    let label = this.cache.get(value)
    if (label === undefined) {
      label = `${this.name}=${value === null ? '' : escapeKeyText(String(value))}`
      this.cache.set(value, label)
    }
    return label
  }

  rank(): number {
    return 0
  }
}

class BinPart implements SegmentPart {
  private readonly labels: string[]
  private readonly missing: string

  constructor(
    readonly column: string,
    private readonly edges: readonly number[]
  ) {
    const e = edges
    const name = escapeKeyText(column)
    this.labels = [
      `${name}=(-inf,${e[0]})`,
      ...e.slice(1).map((hi, i) => `${name}=[${e[i]},${hi})`),
      `${name}=[${e[e.length - 1]},inf)`
    ]
    this.missing = `${name}=`
  }

  label(value: Value): string | undefined {
    if (value === null) return this.missing
    if (typeof value !== 'number') return undefined
    // Binary search for the first edge greater than the value: bins are left-closed.
    let lo = 0
    let hi = this.edges.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.edges[mid] <= value) lo = mid + 1
      else hi = mid
    }
    return this.labels[lo]
  }

  rank(label: string): number {
    // The missing value ranks first, like the empty value of a value column.
    return label === this.missing ? -1 : this.labels.indexOf(label)
  }
}

/**
 * A family of segments: one column, one binned column, or a cross. Its name is `Home` or `Home&Job`
 * (names escaped as in keys).
 */
export interface SegmentFamily {
  readonly name: string
  readonly parts: readonly SegmentPart[]
}

/**
 * The families of a spec, in a stable order: value columns, then binned columns (a column listed
 * in both is binned once), then crosses. A family listed twice (a cross repeated, or a cross of one
 * column) is kept once: its segments would have the same keys, and its rows would count twice.
 */
export function segmentFamilies(spec: SegmentSpec): SegmentFamily[] {
  // Own properties only: a column named `constructor` is not binned by Object.prototype's.
  const part = (column: string): SegmentPart =>
    Object.hasOwn(spec.bins, column) ? new BinPart(column, spec.bins[column]) : new ValuePart(column)
  const singles = [...new Set([...spec.columns, ...Object.keys(spec.bins)])].map((column) => [column])
  const families = new Map<string, SegmentFamily>()
  for (const columns of [...singles, ...spec.cross]) {
    const name = columns.map(escapeKeyText).join('&')
    if (!families.has(name)) families.set(name, { name, parts: columns.map(part) })
  }
  return [...families.values()]
}

/** Every column a spec reads, each once. */
export function segmentColumns(spec: SegmentSpec): string[] {
  return [...new Set([...spec.columns, ...Object.keys(spec.bins), ...spec.cross.flat()])]
}

/**
 * Checks bin edges: finite numbers, strictly increasing, at least two.
 * @param where what to name in the message, e.g. `--bins Age` or `segments.bins.Age`
 * @throws UserInputError naming the column and the offending edge
 */
export function validateBins(column: string, edges: readonly number[], where: string): void {
  if (edges.length < 2) {
    throw new UserInputError(`${where}: bins for '${column}' need at least 2 edges, got ${edges.length}`)
  }
  edges.forEach((edge) => {
    if (!Number.isFinite(edge)) {
      throw new UserInputError(`${where}: bin edge '${edge}' of '${column}' is not a finite number`)
    }
  })
  const i = firstUnorderedEdge(edges)
  if (i >= 0) {
    throw new UserInputError(
      `${where}: bin edges of '${column}' must increase strictly; ${edges[i - 1]} is followed by ${edges[i]}`
    )
  }
}

/** Index of the first edge that is not above the one before it, or -1 when they increase strictly. */
export function firstUnorderedEdge(edges: readonly number[]): number {
  for (let i = 1; i < edges.length; i++) if (edges[i] <= edges[i - 1]) return i
  return -1
}

/** Where a segment sits in reports: its family (-1 for `all`) and its labels, one per part. */
export interface SegmentPlace {
  readonly family: number
  readonly labels: readonly string[]
}

/**
 * Orders segments for reports: `all` first, then families in spec order, then within a family
 * bins in edge order and values alphabetically (the missing value, empty, first).
 */
export function compareSegments(families: readonly SegmentFamily[]) {
  return (a: SegmentPlace, b: SegmentPlace): number => {
    if (a.family !== b.family) return a.family - b.family
    if (a.family < 0) return 0
    for (const [i, part] of families[a.family].parts.entries()) {
      const d = part.rank(a.labels[i]) - part.rank(b.labels[i])
      if (d !== 0) return d
      if (a.labels[i] !== b.labels[i]) return a.labels[i] < b.labels[i] ? -1 : 1
    }
    return 0
  }
}
