/**
 * UTF-8 facts the streaming readers need at chunk boundaries and in error messages.
 * Validation itself is `buffer.isUtf8` (native); these helpers only run at the edges or on error.
 */

const CONTINUATION_MASK = 0xc0
const CONTINUATION = 0x80

const fromCharCode = String.fromCharCode

/**
 * The text of the UTF-8 bytes `data[start, end)`.
 *
 * Short ASCII text (most CSV string cells: codes, categories) is built with
 * `String.fromCharCode`, several times faster than a call into the native decoder for a few
 * bytes; ASCII bytes are their own UTF-16 code units, so the text is the same.
 */
export function decodeUtf8(data: Buffer, start: number, end: number): string {
  const length = end - start
  if (length <= 8) {
    let bits = 0
    for (let i = start; i < end; i++) bits |= data[i]
    if (bits < 0x80) {
      const d = data
      const s = start
      switch (length) {
        case 0:
          return ''
        case 1:
          return fromCharCode(d[s])
        case 2:
          return fromCharCode(d[s], d[s + 1])
        case 3:
          return fromCharCode(d[s], d[s + 1], d[s + 2])
        case 4:
          return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3])
        case 5:
          return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3], d[s + 4])
        case 6:
          return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3], d[s + 4], d[s + 5])
        case 7:
          return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3], d[s + 4], d[s + 5], d[s + 6])
        case 8:
          return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3], d[s + 4], d[s + 5], d[s + 6], d[s + 7])
      }
    }
  }
  return data.toString('utf8', start, end)
}

/** Whether `byte` continues a multi-byte character (10xxxxxx) rather than starting one. */
export function isContinuationByte(byte: number): boolean {
  return (byte & CONTINUATION_MASK) === CONTINUATION
}

/**
 * How many bytes at the end of `data[0, end)` are the start of a character that the next chunk
 * completes (0 to 3). Those bytes must not be validated yet.
 */
export function incompleteTail(data: Uint8Array, end: number): number {
  for (let k = 1; k <= 3 && k <= end; k++) {
    const byte = data[end - k]
    if (isContinuationByte(byte)) continue
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return length > k ? k : 0
  }
  return 0
}

/**
 * The offset of the first byte in `data[start, end)` that is not part of a valid UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all are valid.
 * A sequence cut by `end` counts as invalid. Slow on purpose: it runs only once an error is known.
 */
export function firstInvalidUtf8(data: Uint8Array, start: number, end: number): number {
  let i = start
  while (i < end) {
    const lead = data[i]
    if (lead < 0x80) {
      i++
      continue
    }
    let length: number
    let low = CONTINUATION
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0
      if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90
      if (lead === 0xf4) high = 0x8f
    } else return i
    if (i + length > end) return i
    const second = data[i + 1]
    if (second < low || second > high) return i
    for (let k = 2; k < length; k++) if (!isContinuationByte(data[i + k])) return i
    i += length
  }
  return -1
}
