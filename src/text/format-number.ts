import { escapeMarkdown } from './escape.js'

/**
 * Numbers for people: integers in full, other values to `digits` significant digits without
 * trailing zeros or exponent noise for everyday magnitudes. `null` reads as an em dash.
 *
 * @example formatNumber(0.83019639) // '0.830196'
 * @example formatNumber(12345678.9) // '1.23457e+7'
 */
export function formatNumber(value: number | null, digits = 6): string {
  if (value === null) return '—'
  // Documents are schema-checked when read; should a value that is no number slip through
  // anyway, it is shown as the data text it is, escaped.
  if (typeof value !== 'number') return escapeMarkdown(String(value))
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value)
  const magnitude = Math.abs(value)
  if (magnitude !== 0 && (magnitude >= 10 ** digits || magnitude < 1e-4)) {
    return value.toExponential(digits - 1).replace(/\.?0+e/, 'e')
  }
  return String(Number(value.toPrecision(digits)))
}
