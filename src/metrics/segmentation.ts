import { UserInputError } from '../errors.js'
import type { Value } from '../io/table.js'

/**
 * How rows are split into segments, and how segments are named.
 *
 * Keys read `all` (every row), `column=value` (a missing value has an empty value: `Home=`),
 * `Age=[18,30)` for a left-closed bin, `Age=(-inf,18)` / `Age=[100,inf)` for values outside the
 * edges, and `a=x&b=y` for a cross of two or more columns.
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
  constructor(readonly column: string) {}

  label(value: Value): string {
    let label = this.cache.get(value)
    if (label === undefined) {
      label = `${this.column}=${value === null ? '' : String(value)}`
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
    this.labels = [
      `${column}=(-inf,${e[0]})`,
      ...e.slice(1).map((hi, i) => `${column}=[${e[i]},${hi})`),
      `${column}=[${e[e.length - 1]},inf)`
    ]
    this.missing = `${column}=`
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

/** A family of segments: one column, one binned column, or a cross. Its name is `Home` or `Home&Job`. */
export interface SegmentFamily {
  readonly name: string
  readonly parts: readonly SegmentPart[]
}

/**
 * The families of a spec, in a stable order: value columns, then binned columns (a column listed
 * in both is binned once), then crosses.
 */
export function segmentFamilies(spec: SegmentSpec): SegmentFamily[] {
  // Own properties only: a column named `constructor` is not binned by Object.prototype's.
  const part = (column: string): SegmentPart =>
    Object.hasOwn(spec.bins, column) ? new BinPart(column, spec.bins[column]) : new ValuePart(column)
  const singles = [...new Set([...spec.columns, ...Object.keys(spec.bins)])]
  return [
    ...singles.map((column) => ({ name: column, parts: [part(column)] })),
    ...spec.cross.map((columns) => ({ name: columns.join('&'), parts: columns.map(part) }))
  ]
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
