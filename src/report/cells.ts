/**
 * How the report writes numbers and reasons: three significant digits everywhere (`0.798`,
 * `−0.298`, `0.00213`), one minus sign (U+2212), intervals as `[0.160, 0.432]`, and exponents that
 * a browser cannot wrap (`4.15e−7`: no line break is allowed around U+2212 between a letter and a
 * digit, as it is around `-`).
 */
import { showLevel, showNumber, showSigned } from '../gates/wording.js'
import { escapeMarkdown } from '../text/escape.js'
import { formatNumber } from '../text/format-number.js'

export const MINUS = '\u2212'

/** `-` as a minus: before a digit at the start of a number or in an exponent. */
const HYPHEN_MINUS = /(^|[\s([{=,;:/<>≤≥]|\de)-(?=\.?\d)/g

/**
 * `text` with every hyphen used as a minus sign replaced by U+2212.
 *
 * @example minusSigns('p = 4.15e-7, change -0.3, Home=a-b') // 'p = 4.15e−7, change −0.3, Home=a-b'
 */
export function minusSigns(text: string): string {
  return text.replace(HYPHEN_MINUS, `$1${MINUS}`)
}

/** A value: `0.798`, `−0.298`, `1825`, `—` for `null`. */
export function value(x: number | null): string {
  return minusSigns(showNumber(x))
}

/** A configured number (a bound, a threshold) as written: `0.05`, `0.5`, `−1`. */
export function setting(x: number): string {
  return minusSigns(formatNumber(x))
}

/** A change, signed: `+0.00391`, `−0.298`, `0`, `—` for `null`. */
export function change(x: number | null): string {
  return x === null ? '—' : minusSigns(showSigned(x))
}

/** `[0.160, 0.432]`, `—` for `null`. */
export function interval(ci: readonly [number, number] | null): string {
  return ci === null ? '—' : `[${value(ci[0])}, ${value(ci[1])}]`
}

/** `99.64%`. */
export function level(confidence: number): string {
  return showLevel(confidence)
}

/** A probability as a percentage to two significant digits: `0.0184` -> `1.8%`. */
export function percent(p: number): string {
  return `${Number((p * 100).toPrecision(2))}%`
}

/**
 * `text` cut to at most `length` characters at a word boundary, ending in `…` when cut: a reason
 * never loses half a word (or half a number).
 *
 * @example clipWords('the drop is 0.298 and more', 20) // 'the drop is 0.298 …'
 */
export function clipWords(text: string, length: number): string {
  if (text.length <= length) return text
  const space = text.lastIndexOf(' ', length - 1)
  return `${text.slice(0, space > 0 ? space + 1 : length - 1)}…`
}

/** Longest reason shown; longer ones are cut at a word and the rest is in verdict.json. */
export const REASON_LENGTH = 2000

/** A reason from a result document, for markdown: minus signs, cut at a word, escaped. */
export function reasonText(reason: string): string {
  return escapeMarkdown(minusSigns(clipWords(reason, REASON_LENGTH)))
}

/** Smallest and largest of `values` without spreading them into arguments (data-sized arrays). */
export function extent(values: readonly number[]): [number, number] {
  return values.reduce<[number, number]>(
    ([lo, hi], x) => [Math.min(lo, x), Math.max(hi, x)],
    [Infinity, -Infinity]
  )
}
