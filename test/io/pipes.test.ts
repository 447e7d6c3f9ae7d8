import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { readAll, readError, temp } from './read-all.js'

// A named pipe cannot be read at an offset or twice (ESPIPE); /dev/stdin and `<(…)` are the same.
const dir = mkdtempSync(join(tmpdir(), 'ml-gate-pipes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let made = 0
/** A FIFO named `name` that `content` is written into once a reader opens it. */
function fifo(name: string, content: Uint8Array): string {
  const path = join(dir, `${made++}-${name}`)
  execFileSync('mkfifo', [path])
  const writer = createWriteStream(path)
  // The reader may stop early (an error at line 2): the writer then sees EPIPE, which is fine.
  writer.on('error', () => {})
  writer.end(content)
  return path
}

const CSV = 'id,score,label\n1,0.9,1\n2,0.2,0\n3,0.7,1\n'
const JSONL = '{"id":1,"score":0.9}\n{"id":2,"score":0.2}\n'
const JSON_ARRAY = '[{"id":1,"score":0.9},{"id":2,"score":0.2}]'

describe('pipes read as files do', () => {
  it.each([
    ['data.csv', 'default', Buffer.from(CSV), {}],
    ['data.csv', '1 byte', Buffer.from(CSV), { chunkSize: 1 }],
    ['data.csv.gz', 'default', gzipSync(CSV), {}],
    ['data.csv.gz', '3 bytes', gzipSync(CSV), { chunkSize: 3 }],
    ['gzip-without-the-name.csv', 'default', gzipSync(CSV), {}],
    ['data.jsonl', '2 bytes', Buffer.from(JSONL), { chunkSize: 2 }],
    ['data.json', 'default', Buffer.from(JSON_ARRAY), {}]
  ])('%s through a FIFO, chunks of %s', async (name, _, content, source) => {
    const expected = await readAll(temp(name, content), {}, source)
    expect(await readAll(fifo(name, content), {}, source)).toEqual(expected)
  })

  it('an empty FIFO is an empty file', async () => {
    expect(await readError(fifo('empty.csv', Buffer.alloc(0)))).toBe(await readError(temp('empty.csv', '')))
  })

  it('a FIFO named .gz that is not gzip is the same error as such a file', async () => {
    expect(await readError(fifo('plain.csv.gz', Buffer.from(CSV)))).toBe(
      'F: not gzip data: the name ends in .gz but the file does not start with the gzip signature (1f 8b); expected a gzip file, or rename it without .gz'
    )
  })

  it('an error in piped data names its line', async () => {
    expect(await readError(fifo('ragged.csv', Buffer.from('a,b\n1,2\n3\n')))).toBe(
      'F:3:2: expected 2 fields (as in the header), found 1'
    )
  })

  it('Parquet, which is read at offsets, says a pipe will not do', async () => {
    const parquet = readFileSync('test/fixtures/io/small-none.parquet')
    expect(await readError(fifo('data.parquet', parquet))).toBe(
      'F: is a pipe: this format is read at offsets, which a pipe cannot do; expected a regular file (save the stream to a file first)'
    )
  })
})
