/** The traffic an undecided result needs (the formula: `Traffic` in canary-document.ts). */
import { showNumber } from '../gates/wording.js'
import type { Traffic } from './canary-document.js'

/**
 * `n·(mde/distance)²` rows of each log, at least the current ones; `null` when the distance is 0
 * (a value on its bound is never told from it) or the MDE is not a positive number.
 *
 * @example trafficNeeded('latency_ms', 4, 2, 500, 480) // factor (4/2)² = 4: 2000 canary and 1920 control rows
 */
export function trafficNeeded(
  about: string,
  mde: number | null,
  distance: number,
  canaryRows: number,
  controlRows: number | null
): Traffic | null {
  if (mde === null || !(mde > 0) || !(distance > 0) || !Number.isFinite(mde / distance)) return null
  const exact = (mde / distance) ** 2
  const needed = (rows: number): number => Math.ceil(rows * exact)
  const formula =
    `n′ = n·(MDE/d)² = ${canaryRows}·(${showNumber(mde)}/${showNumber(distance)})² = ${needed(canaryRows)} canary rows` +
    (controlRows === null
      ? ''
      : ` (${controlRows}·${showNumber(exact)} = ${needed(controlRows)} control rows)`)
  const already =
    exact < 1
      ? '; fewer than now: the rows already have 80% power at the bound, the estimate lies close to ' +
        'it, and more traffic narrows its interval'
      : ''
  const factor = Math.max(1, exact)
  const canary = Math.max(canaryRows, needed(canaryRows))
  const control = controlRows === null ? null : Math.max(controlRows, needed(controlRows))
  return { factor, canary_rows: canary, control_rows: control, reason: `${about}: ${formula}${already}` }
}
