import { isContinuationByte } from './utf8.js'

const LF = 0x0a

export interface TextPosition {
  /** 1-based physical line. */
  readonly line: number
  /** 1-based column in characters (not bytes). */
  readonly column: number
}

/**
 * The line and column of byte `offset`, counting from `lineStart`: a byte that starts line
 * `line`. Lines end at LF (CRLF is CR + LF). Only error paths call this, so it scans.
 *
 * @example
 * locate(Buffer.from('a,b\nc,"d'), 0, 6, 1) // { line: 2, column: 3 }
 */
export function locate(data: Uint8Array, lineStart: number, offset: number, line: number): TextPosition {
  let start = lineStart
  for (let i = lineStart; i < offset; i++) {
    if (data[i] === LF) {
      line++
      start = i + 1
    }
  }
  let column = 1
  for (let i = start; i < offset; i++) if (!isContinuationByte(data[i])) column++
  return { line, column }
}

/** Number of LF bytes in `data[start, end)`. */
export function countLines(data: Uint8Array, start: number, end: number): number {
  let lines = 0
  for (let i = start; i < end; i++) if (data[i] === LF) lines++
  return lines
}
