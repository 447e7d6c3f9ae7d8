import { constants, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from '@jest/globals'
import { openTable } from '../../src/io/open.js'
import { readAll, readError, temp, TINY_CHUNKS } from './read-all.js'

describe('gzip', () => {
  it.each([
    ['csv', 'a,b\n1,"x\ny"\n2,z\n'],
    ['tsv', 'a\tb\n1\tx\n'],
    ['jsonl', '{"a": 1, "b": "x"}\n\n{"a": 2}\n'],
    ['json', '[{"a": 1, "b": "x"}, {"a": 2}]']
  ])('reads .%s.gz exactly like the plain file', async (extension, text) => {
    const plain = await readAll(temp(`plain.${extension}`, text))
    const file = temp(`packed.${extension}.gz`, gzipSync(text))
    expect(await readAll(file)).toEqual(plain)
    expect((await openTable(file)).gzip).toBe(true)
  })

  it.each(TINY_CHUNKS)('reads gzip with %i-byte chunks', async (chunkSize) => {
    const text = 'id,name\n1,"Zoë\r\n😀"\n2,日本\n'
    const file = temp('chunks.csv.gz', gzipSync(text))
    expect(await readAll(file, {}, { chunkSize })).toEqual(await readAll(temp('chunks.csv', text)))
  })

  it('detects gzip from the magic bytes whatever the name', async () => {
    const file = temp('disguised.csv', gzipSync('a\n1\n'))
    expect((await readAll(file)).rows).toEqual([[1]])
  })

  it('rejects a .gz name on a file that is not gzip', async () => {
    expect(await readError(temp('fake.csv.gz', 'a\n1\n'))).toBe(
      'F: not gzip data: the name ends in .gz but the file does not start with the gzip signature (1f 8b); ' +
        'expected a gzip file, or rename it without .gz'
    )
  })

  it('rejects a truncated gzip file, naming the last line read', async () => {
    const lines = ['n,square']
    for (let i = 0; i < 20000; i++) lines.push(`${i},${i * i}`)
    const packed = gzipSync(lines.join('\n') + '\n')
    const cut = packed.subarray(0, packed.length >> 1)
    // What a tolerant decompressor recovers from the cut file: the reader must stop after its last full line.
    const recovered = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString()
    const lastLine = recovered.split('\n').length - 1
    expect(lastLine).toBeGreaterThan(1000)
    expect(await readError(temp('cut.csv.gz', cut))).toBe(
      `F:${lastLine}: unexpected end of gzip data after line ${lastLine}; the file is truncated`
    )
  })

  it('rejects corrupt gzip data', async () => {
    const packed = Buffer.from(gzipSync('a,b\n1,2\n'.repeat(100)))
    packed.fill(0xff, 10, 20)
    expect(await readError(temp('corrupt.csv.gz', packed))).toMatch(
      /^F: invalid gzip data before the end of line 1 \(.+\); the file is corrupt, expected a valid gzip file$/
    )
  })
})
