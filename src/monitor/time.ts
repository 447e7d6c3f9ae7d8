/**
 * Times of prediction logs, parsed strictly: ISO 8601 with a time zone, an ISO date, or epoch
 * seconds. Anything else is refused, never guessed (a local time without a zone would put rows in
 * different windows on different runners).
 */
import type { Value } from '../io/table.js'

/** What a time cell may hold, for messages. */
export const TIME_FORMATS =
  'an ISO 8601 time with a zone (2026-03-01T12:00:00Z, 2026-03-01T12:00:00.5+02:00), a date (2026-03-01, midnight UTC) or epoch seconds (1772366400)'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * Milliseconds since 1970-01-01T00:00:00Z of a time cell, or `null` when it is not one of
 * `TIME_FORMATS`: a number is epoch seconds (finite); a string is an ISO date or date-time with a
 * zone (`Z` or `±HH:MM`), whose fields must exist (no 2026-02-30, no 24:00).
 *
 * @example parseTime('2026-03-01T12:00:00+02:00') // 1772359200000
 * @example parseTime(1772366400) // 1772366400000
 */
export function parseTime(value: Value): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : null
  if (typeof value !== 'string') return null
  const date = DATE.exec(value)
  if (date !== null) return utc(+date[1], +date[2], +date[3], 0, 0, 0)
  const m = DATE_TIME.exec(value)
  if (m === null) return null
  const base = utc(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] === undefined ? 0 : +m[6])
  if (base === null) return null
  const fraction = m[7] === undefined ? 0 : Number(m[7]) * 1000
  return base + fraction - zoneOffset(m[8])
}

/** `Z` -> 0, `+02:00` -> 7,200,000 ms. */
function zoneOffset(zone: string): number {
  if (zone === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000
}

/** The UTC time of these fields, `null` when one is out of range (Date would roll it over). */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number
): number | null {
  if (hour > 23 || minute > 59 || second > 59) return null
  const time = Date.UTC(year, month - 1, day, hour, minute, second)
  const d = new Date(time)
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? time : null
}

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/** `12h`, `1d`, `2w` in milliseconds (the schema admits only these forms). */
export function durationMs(text: string): number {
  return Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1)]
}

/** The start of the UTC day of `ms`. */
export function utcMidnight(ms: number): number {
  return Math.floor(ms / UNIT_MS.d) * UNIT_MS.d
}

/** `2026-03-01T00:00:00Z`: ISO 8601 in UTC, milliseconds only when there are some. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}
