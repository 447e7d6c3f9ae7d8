/** Which segments (of the config's `segments`, keyed as evaluations key them) each row is in. */
import type { SegmentsConfig } from '../config/types.js'
import type { Value } from '../io/table.js'
import { OVERALL, segmentFamilies, segmentKey } from '../metrics/segmentation.js'

/** Segment key -> its rows among `rows`, `all` first, then in order of first appearance. */
export type SegmentRows = ReadonlyMap<string, readonly number[]>

/**
 * Groups `rows` by segment: `all`, and with `spec` every segment of its families (a row whose
 * value cannot be placed, a string in a binned column, is in no segment of that family).
 */
export function segmentRows(
  rows: readonly number[],
  values: ReadonlyMap<string, readonly Value[]>,
  spec: SegmentsConfig | null
): SegmentRows {
  const groups = new Map<string, number[]>([[OVERALL, [...rows]]])
  if (spec === null) return groups
  for (const family of segmentFamilies(spec)) {
    const columns = family.parts.map((part) => values.get(part.column)!)
    for (const i of rows) {
      const labels = family.parts.map((part, p) => part.label(columns[p][i]))
      if (labels.some((l) => l === undefined)) continue
      const key = segmentKey(labels as string[])
      let group = groups.get(key)
      if (group === undefined) groups.set(key, (group = []))
      group.push(i)
    }
  }
  return groups
}
