export type Align = 'left' | 'right'

/**
 * A plain-text table for terminals and CI logs: columns padded to their widest cell, a rule
 * under the header. Cells are shown as given; callers format numbers first.
 */
export function renderTextTable(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly Align[]
): string {
  const widths = header.map((h, c) => rows.reduce((w, row) => Math.max(w, row[c].length), h.length))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n'
}
