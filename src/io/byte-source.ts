/**
 * A file as a stream of byte chunks, gunzipped on the fly when it is gzip data.
 *
 * Nothing here holds more than one chunk: a 5 GB file (or a 5 GB file inside a 500 MB .gz) is
 * read in chunks of `chunkSize` bytes.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { UserInputError } from '../errors.js'

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
 * @throws UserInputError when the file does not exist, is a directory, cannot be read, or is
 *   named `.gz` but is not gzip data
 */
export async function openByteSource(file: string, options: SourceOptions = {}): Promise<ByteSource> {
  const gzip = await isGzipFile(file)
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  const raw = createReadStream(file, { highWaterMark: gzip ? DEFAULT_CHUNK_SIZE : chunkSize })
  if (!gzip) return { gzip, chunks: raw }
  const gunzip = createGunzip({ chunkSize: Math.max(chunkSize, 64) })
  // The read stream's own errors (rare once the file is open) travel through the gunzip stream.
  raw.on('error', (error) => gunzip.destroy(error))
  raw.pipe(gunzip)
  return { gzip, chunks: chunkSize < 64 ? rechunk(gunzip, chunkSize) : gunzip }
}

/** zlib's output chunks are at least 64 bytes; smaller ones (for tests) are cut here. */
async function* rechunk(chunks: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += size) yield chunk.subarray(at, at + size)
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
  if (!gzip && file.toLowerCase().endsWith('.gz')) {
    throw new UserInputError(
      'not gzip data: the name ends in .gz but the file does not start with the gzip signature (1f 8b); ' +
        'expected a gzip file, or rename it without .gz',
      { file }
    )
  }
  return gzip
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
