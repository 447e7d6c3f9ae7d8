import { plainText } from '../text/escape.js'

export type Align = 'left' | 'right'

/**
 * A plain-text table for terminals and CI logs: columns padded to their widest cell, a rule
 * under the header. Cells are shown as given (callers format numbers first), except that line breaks
 * and controls from data go as `plainText` has them, so a cell cannot start a line of its own.
 */
export function renderTextTable(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly Align[]
): string {
  const cells = rows.map((row) => row.map(plainText))
  const widths = header.map((h, c) => cells.reduce((w, row) => Math.max(w, row[c].length), h.length))
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n'
}
