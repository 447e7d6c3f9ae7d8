import type { ProfileDocument } from '../profile/profile.js'
import { formatNumber } from '../text/format-number.js'
import { renderTextTable } from './text-table.js'

const MAX_CELL = 40

function clip(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text
}

/** The profile as a terminal table, one row per column. */
export function renderProfileText(profile: ProfileDocument): string {
  const header = ['column', 'type', 'count', 'missing', 'distinct', 'min', 'max', 'mean', 'std', 'top values']
  const rows = profile.columns.map((c) => [
    clip(c.name),
    c.type,
    String(c.count),
    String(c.missing),
    (c.distinct_exact ? '' : '~') + String(c.distinct),
    formatNumber(c.min),
    formatNumber(c.max),
    formatNumber(c.mean),
    formatNumber(c.std),
    clip(c.top.map((t) => `${JSON.stringify(t.value)} (${t.count})`).join(', '))
  ])
  const align = header.map((_, i) => (i >= 2 && i <= 8 ? 'right' : 'left') as 'left' | 'right')
  return `${profile.file}: ${profile.rows} rows, ${profile.columns.length} columns (${profile.format})\n\n${renderTextTable(header, rows, align)}`
}
