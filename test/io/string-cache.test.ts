import { describe, expect, it } from '@jest/globals'
import { StringCache } from '../../src/io/string-cache.js'
import { decodeUtf8 } from '../../src/io/utf8.js'

/** Decodes each token through one cache, each surrounded by other bytes in its own buffer. */
function decodeAll(tokens: readonly string[], cache = new StringCache()): string[] {
  return tokens.map((token) => {
    const bytes = Buffer.from(`,${token},`)
    return cache.decode(bytes, 1, bytes.length - 1)
  })
}

let seed = 2024
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648

describe('StringCache', () => {
  it('returns the text of every cell when a few values repeat', () => {
    const values = ['north', 'south', 'east', 'west', 'central', 'Zoë', '日本', 'x', '']
    const tokens = Array.from({ length: 20_000 }, () => values[Math.floor(random() * values.length)])
    expect(decodeAll(tokens)).toEqual(tokens)
  })

  it('tells apart values that share a slot: more distinct values of one length than slots', () => {
    // 5000 distinct 4-byte values in 512 slots: many share a slot and a length, so only the
    // byte comparison tells them apart. Each repeats, in random order, so some are found again.
    const values = Array.from({ length: 5000 }, (_, k) => `v${String(k).padStart(3, '0')}`.slice(-4))
    const distinct = [...new Set(values)]
    const tokens = Array.from({ length: 40_000 }, () => distinct[Math.floor(random() * distinct.length)])
    expect(decodeAll(tokens)).toEqual(tokens)
  })

  it('tells apart prefixes, values differing in their last byte, and non-ASCII look-alikes', () => {
    const tokens = ['ab', 'abc', 'ab', 'ab1', 'ab2', 'abc', 'e\u0301', '\u00e9', 'é', 'e', 'ab2', 'ab1']
    expect(decodeAll([...tokens, ...tokens, ...tokens])).toEqual([...tokens, ...tokens, ...tokens])
  })

  it('decodes values too long to cache, and keeps working after stepping aside for unique values', () => {
    const long = ['a'.repeat(32), 'a'.repeat(33), 'b'.repeat(33), 'ü'.repeat(20)]
    // Unique ids make the cache step aside; repeated values afterwards bring it back.
    const ids = Array.from({ length: 100_000 }, (_, k) => `id-${k}`)
    const repeated = Array.from({ length: 100_000 }, (_, k) => ['p1', 'p2', 'p3'][k % 3])
    const tokens = [...long, ...ids, ...repeated, ...long, ...ids.slice(0, 1000)]
    expect(decodeAll(tokens)).toEqual(tokens)
  })
})

describe('decodeUtf8', () => {
  it('agrees with Buffer.toString for every length around the ASCII fast path', () => {
    for (let length = 0; length <= 12; length++) {
      const ascii = Array.from({ length }, (_, k) => String.fromCharCode(0x20 + ((k * 37) % 95))).join('')
      const bytes = Buffer.from(`\u00ff${ascii}\u00ff`)
      expect(decodeUtf8(bytes, 2, bytes.length - 2)).toBe(ascii)
    }
  })

  it('decodes non-ASCII bytes anywhere in a short field', () => {
    for (const char of ['é', '€', '😀', '\u0000', '\u007f']) {
      for (let at = 0; at <= 4; at++) {
        const text = `${'abcd'.slice(0, at)}${char}${'wxyz'.slice(at)}`
        const bytes = Buffer.from(`[${text}]`)
        expect(decodeUtf8(bytes, 1, bytes.length - 1)).toBe(bytes.toString('utf8', 1, bytes.length - 1))
        expect(decodeUtf8(bytes, 1, bytes.length - 1)).toBe(text)
      }
    }
  })
})
