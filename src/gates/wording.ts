/**
 * How numbers read in gate reasons and headlines: three significant digits (`0.798`, `0.500`,
 * `0.00391`), a true minus sign, and never a rounding that makes a comparison look false.
 */
import { formatNumber } from '../text/format-number.js'

const MINUS = '−'

/**
 * `value` to `digits` significant digits (trailing zeros kept: `0.500`), integers in full, very
 * large or very small magnitudes as `formatNumber` writes them, `—` for `null`.
 *
 * @example showNumber(-0.29807692) // '−0.298'
 */
export function showNumber(value: number | null, digits = 3): string {
  if (value === null) return '—'
  const magnitude = Math.abs(value)
  const text =
    Number.isInteger(value) || magnitude >= 1e4 || (magnitude !== 0 && magnitude < 1e-4)
      ? formatNumber(value, digits)
      : value.toPrecision(digits)
  return text.replace(/^-/, MINUS)
}

/** `showNumber` with a sign: `+0.00391`, `−0.298`, `0`. */
export function showSigned(value: number): string {
  return value > 0 ? `+${showNumber(value)}` : showNumber(value)
}

/**
 * `value` with as many digits as it takes to differ from `bound` when it differs (so that
 * `0.7499 < 0.75` never reads `0.750 < 0.75`).
 *
 * @example showAgainst(0.7499, 0.75) // '0.7499'
 */
export function showAgainst(value: number, bound: number): string {
  let digits = 3
  while (digits < 15 && value !== bound && showNumber(value, digits) === showNumber(bound, digits)) digits++
  return showNumber(value, digits)
}

/** A fraction as a percentage: `−0.3734` -> `−37.3%`. */
export function showPercent(value: number): string {
  return `${showNumber(value * 100)}%`
}

/** An interval: `[0.191, 0.405]`. */
export function showInterval(ci: readonly [number, number]): string {
  return `[${showNumber(ci[0])}, ${showNumber(ci[1])}]`
}

/** A confidence level: `0.95` -> `95%`, `0.99762` -> `99.76%`. */
export function showLevel(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))}%`
}
