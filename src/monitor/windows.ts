/**
 * Cutting logs into windows and choosing the reference rows.
 *
 * - A duration window (`1d`, `12h`, `2w`): windows of that length, back to back, from UTC
 *   midnight of the earliest log time to the window holding the latest (empty ones included:
 *   silence is worth saying).
 * - A row-count window (`1000`): consecutive rows in time order (ties in file order); the last
 *   window holds what is left.
 * - The reference: the first period (`first: 3d` with a duration window, `first: 1000` rows with a
 *   row-count window), a period `[from, to)`, or a file. Windows starting before the end of a
 *   period reference are not monitored (they are, or overlap, the reference).
 */
import type { SourceLocation } from '../errors.js'
import { UserInputError } from '../errors.js'
import type { MonitorConfig } from '../config/types.js'
import { durationMs, isoTime, parseTime, TIME_FORMATS, utcMidnight } from './time.js'

export interface Window {
  /** 0-based, in time order, among the monitored windows. */
  readonly index: number
  /** ms since the epoch; `[start, end)` (for a row-count window: its first and last row's time). */
  readonly start: number
  readonly end: number
  /** Row indices into the logs. */
  readonly rows: readonly number[]
}

export interface Cut {
  readonly windows: readonly Window[]
  /** Row indices into the logs; `null` when the reference is a file. */
  readonly reference: readonly number[] | null
  /** `[from, to)` of a period reference, `null` for a file. */
  readonly period: readonly [number, number] | null
}

/**
 * @throws UserInputError for a `first` of the other kind than `window`, a `from`/`to` that is not a
 *   time or not in order, or a reference period holding no row (at the config line)
 */
export function cutWindows(
  time: readonly number[],
  monitor: MonitorConfig,
  locate: (path: readonly (string | number)[]) => SourceLocation
): Cut {
  const order = time.map((_, i) => i).sort((a, b) => time[a] - time[b] || a - b)
  const { reference, window } = monitor
  let referenceRows: number[] | null = null
  let period: [number, number] | null = null
  let rest = order
  if (typeof reference !== 'string' && 'first' in reference) {
    const { first } = reference
    if (typeof first !== typeof window) {
      throw new UserInputError(
        `monitor.reference.first: ${JSON.stringify(first)} is a ${typeof first === 'number' ? 'row count' : 'duration'} but monitor.window ${JSON.stringify(window)} is a ${typeof window === 'number' ? 'row count' : 'duration'}; give both of one kind`,
        locate(['monitor', 'reference', 'first'])
      )
    }
    if (typeof first === 'number') {
      referenceRows = order.slice(0, first)
      rest = order.slice(first)
    } else {
      const origin = utcMidnight(time[order[0]] ?? 0)
      period = [origin, origin + durationMs(first)]
    }
  } else if (typeof reference !== 'string') {
    const at = (key: 'from' | 'to'): number => {
      const ms = parseTime(reference[key])
      if (ms === null) {
        throw new UserInputError(
          `monitor.reference.${key}: expected ${TIME_FORMATS}; found '${reference[key]}'`,
          locate(['monitor', 'reference', key])
        )
      }
      return ms
    }
    period = [at('from'), at('to')]
    if (!(period[0] < period[1])) {
      throw new UserInputError(
        `monitor.reference: from ${isoTime(period[0])} must be before to ${isoTime(period[1])}`,
        locate(['monitor', 'reference', 'to'])
      )
    }
  }
  if (period !== null) {
    const [from, to] = period
    referenceRows = order.filter((i) => time[i] >= from && time[i] < to)
    rest = order.filter((i) => time[i] >= to)
    if (referenceRows.length === 0) {
      throw new UserInputError(
        `monitor.reference: no log row in [${isoTime(from)}, ${isoTime(to)}); the logs run from ${isoTime(time[order[0]])} to ${isoTime(time[order.at(-1)!])}`,
        locate(['monitor', 'reference'])
      )
    }
  }
  const windows =
    typeof window === 'number'
      ? rowWindows(rest, time, window)
      : timeWindows(order, time, durationMs(window), period)
  return { windows, reference: referenceRows, period }
}

function rowWindows(rows: readonly number[], time: readonly number[], size: number): Window[] {
  const windows: Window[] = []
  for (let at = 0; at < rows.length; at += size) {
    const part = rows.slice(at, at + size)
    windows.push({ index: windows.length, start: time[part[0]], end: time[part.at(-1)!], rows: part })
  }
  return windows
}

function timeWindows(
  order: readonly number[],
  time: readonly number[],
  size: number,
  period: readonly [number, number] | null
): Window[] {
  if (order.length === 0) return []
  const origin = utcMidnight(time[order[0]])
  const count = Math.floor((time[order.at(-1)!] - origin) / size) + 1
  const buckets: number[][] = Array.from({ length: count }, () => [])
  for (const i of order) buckets[Math.floor((time[i] - origin) / size)].push(i)
  const windows: Window[] = []
  buckets.forEach((rows, k) => {
    const start = origin + k * size
    if (period !== null && start < period[1]) return
    windows.push({ index: windows.length, start, end: start + size, rows })
  })
  return windows
}
