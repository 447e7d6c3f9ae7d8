/**
 * A file as a stream of byte chunks, gunzipped on the fly when it is gzip data.
 *
 * Nothing here holds more than one chunk: a 5 GB file (or a 5 GB file inside a 500 MB .gz) is
 * read in chunks of `chunkSize` bytes.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { UserInputError } from '../errors.js'
import type { ByteRange } from './table.js'

/** How bytes are read. Tests use tiny chunks to exercise every chunk boundary. */
export interface SourceOptions {
  /** Bytes per chunk handed to the parsers (after decompression). Default 1 MiB. */
  readonly chunkSize?: number
  /**
   * Longest record (CSV record, JSON line) a text reader holds in memory before giving up with a
   * message; it protects against reading a whole file as one record. Default 256 MiB.
   */
  readonly maxRecordBytes?: number
}

export const DEFAULT_CHUNK_SIZE = 1 << 20
export const DEFAULT_MAX_RECORD_BYTES = 256 << 20

const GZIP_MAGIC = [0x1f, 0x8b] as const

export interface ByteSource {
  /** Whether the file is gzip data (and `chunks` are the decompressed bytes). */
  readonly gzip: boolean
  readonly chunks: AsyncIterable<Buffer>
}

/**
 * Opens `file` for reading. The file is gzip data when it starts with the gzip magic bytes
 * `1f 8b`, whatever its name; a name ending in `.gz` without them is an error (the file is not
 * what its name says, and decompressing it would only fail later).
 *
 * The file is read once, front to back, by one stream, and the magic bytes are the stream's own
 * first bytes: so a named pipe, `/dev/stdin` or a process substitution (`<(zcat x.gz)`) reads as
 * a file does (they cannot be read twice or at an offset: ESPIPE).
 *
 * @throws UserInputError when the file does not exist, is a directory, cannot be read, or is
 *   named `.gz` but is not gzip data
 */
export async function openByteSource(file: string, options: SourceOptions = {}): Promise<ByteSource> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  const raw = createReadStream(file, { highWaterMark: chunkSize })
  const reader = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  let head: Buffer = Buffer.alloc(0)
  try {
    while (head.length < GZIP_MAGIC.length) {
      const next = await reader.next()
      if (next.done === true) break
      head = head.length === 0 ? next.value : Buffer.concat([head, next.value])
    }
    checkGzipName(file, isGzipMagic(head))
  } catch (error) {
    raw.destroy()
    throw fileError(file, error)
  }
  const gzip = isGzipMagic(head)
  const bytes = rechunk(replay(head, reader), chunkSize)
  if (!gzip) return { gzip, chunks: bytes }
  const gunzip = createGunzip({ chunkSize: Math.max(chunkSize, 64) })
  // The read stream's own errors (rare once the file is open) travel through the gunzip stream.
  const compressed = Readable.from(bytes, { objectMode: false })
  compressed.on('error', (error) => gunzip.destroy(error))
  compressed.pipe(gunzip)
  return { gzip, chunks: chunkSize < 64 ? rechunk(gunzip, chunkSize) : gunzip }
}

/**
 * The bytes of a shard's part of a file (`partition.ts`): its first `range.prefix` bytes (the
 * header), then `[range.start, range.end)`. Plain files only: `partition.ts` refuses gzip data.
 */
export async function openRangeSource(
  file: string,
  range: ByteRange,
  options: SourceOptions = {}
): Promise<ByteSource> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  const pieces: (readonly [number, number])[] = [
    [0, range.prefix],
    [range.start, range.end]
  ]
  async function* chunks(): AsyncGenerator<Buffer> {
    for (const [start, end] of pieces) {
      if (end <= start) continue
      // createReadStream's `end` is inclusive.
      const stream = createReadStream(file, { start, end: end - 1, highWaterMark: chunkSize })
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk
      } catch (error) {
        throw fileError(file, error)
      }
    }
  }
  return { gzip: false, chunks: rechunk(chunks(), chunkSize) }
}

function isGzipMagic(head: Buffer): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]
}

/** The bytes read to look for the magic, then the rest of the stream. */
async function* replay(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    if (head.length > 0) yield head
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value
  } finally {
    // A reader that stops early (a header-only read) releases the file.
    await rest.return?.()
  }
}

/** Chunks of at most `size` bytes: zlib's are at least 64 bytes, and the magic's may join two. */
async function* rechunk(chunks: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    if (chunk.length <= size) yield chunk
    else for (let at = 0; at < chunk.length; at += size) yield chunk.subarray(at, at + size)
  }
}

/**
 * Whether `file` is gzip data: it starts with the gzip magic bytes `1f 8b`.
 *
 * @throws UserInputError when the file cannot be read, or its name ends in `.gz` without the
 *   magic bytes
 */
export async function isGzipFile(file: string): Promise<boolean> {
  const gzip = await startsWithGzipMagic(file)
  checkGzipName(file, gzip)
  return gzip
}

/** @throws UserInputError when the name ends in `.gz` and the data is not gzip */
function checkGzipName(file: string, gzip: boolean): void {
  if (!gzip && file.toLowerCase().endsWith('.gz')) {
    throw new UserInputError(
      'not gzip data: the name ends in .gz but the file does not start with the gzip signature (1f 8b); ' +
        'expected a gzip file, or rename it without .gz',
      { file }
    )
  }
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
  let handle
  try {
    handle = await open(file, 'r')
    const head = Buffer.alloc(2)
    const { bytesRead } = await handle.read(head, 0, 2, 0)
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]
  } catch (error) {
    throw fileError(file, error)
  } finally {
    await handle?.close()
  }
}

/** Turns a file-system error into a message a user can act on; anything else is a bug. */
export function fileError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return new UserInputError('file not found: expected an existing file', { file })
  if (code === 'EISDIR') return new UserInputError('is a directory: expected a file', { file })
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserInputError('permission denied: expected a readable file', { file })
  }
  if (code === 'ESPIPE') {
    return new UserInputError(
      'is a pipe: this format is read at offsets, which a pipe cannot do; expected a regular file ' +
        '(save the stream to a file first)',
      { file }
    )
  }
  return error
}

/**
 * Turns an error raised while reading decompressed bytes into a `UserInputError`.
 *
 * @param linesRead complete lines read before the failure, for the message; null for binary data
 */
export function gzipError(file: string, error: unknown, linesRead: number | null): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const after =
    linesRead === null ? '' : linesRead === 0 ? ' before the end of line 1' : ` after line ${linesRead}`
  const location = { file, line: linesRead === null || linesRead === 0 ? undefined : linesRead }
  if (code === 'Z_BUF_ERROR') {
    return new UserInputError(`unexpected end of gzip data${after}; the file is truncated`, location)
  }
  if (code === 'Z_DATA_ERROR') {
    const reason = error instanceof Error ? error.message : String(error)
    return new UserInputError(
      `invalid gzip data${after} (${reason}); the file is corrupt, expected a valid gzip file`,
      location
    )
  }
  return error
}
