import { isUtf8 } from 'node:buffer'
import { UserInputError } from '../errors.js'
import {
  DEFAULT_MAX_RECORD_BYTES,
  fileError,
  gzipError,
  type ByteSource,
  type SourceOptions
} from './byte-source.js'
import { countLines, locate } from './text-location.js'
import { firstInvalidUtf8, incompleteTail } from './utf8.js'

const BOM = [0xef, 0xbb, 0xbf] as const
/** A record still unfinished in this many bytes makes the window grow geometrically (see `advance`). */
const LONG_RECORD = 1 << 16

export const INVALID_UTF8 = 'invalid UTF-8 byte sequence; expected UTF-8 text (re-save the file as UTF-8)'

/**
 * The bytes a text reader has not consumed yet, followed by the next chunk of the file.
 *
 * A reader parses `data` as far as it can (whole records), calls `advance(offset)`, and the rest
 * (the start of a record cut by the chunk boundary) is carried over and joined with the next
 * chunk. `data[0]` is therefore always the start of a line, which is what lets error messages
 * name a line and a column without tracking them per byte.
 *
 * The window also strips a UTF-8 byte order mark at the start of the file, checks that every
 * byte is UTF-8 (natively, chunk by chunk, holding back a character cut by the chunk boundary),
 * and turns gzip and file-system failures into messages that name the line reached.
 */
export class TextWindow {
  /** Unconsumed bytes, then the newest chunk. Valid UTF-8, except for an incomplete last character when not `final`. */
  data: Buffer = Buffer.alloc(0)
  /** True once the input is exhausted: `data` is then all there is. */
  final = false

  private readonly chunks: AsyncIterator<Buffer>
  /** Backing store for carried bytes; grows by doubling so a huge record is copied O(1) times per byte. */
  private store: Buffer = Buffer.allocUnsafeSlow(0)
  /** Bytes at the end of `data` not checked as UTF-8 yet (a character cut by the chunk boundary). */
  private unchecked = 0

  private readonly maxRecordBytes: number

  constructor(
    private readonly file: string,
    source: ByteSource,
    options: SourceOptions = {}
  ) {
    this.chunks = source.chunks[Symbol.asyncIterator]()
    this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES
  }

  /**
   * Reads the first chunk (strip a byte order mark), or sets `final` for an empty input.
   *
   * @throws UserInputError on invalid UTF-8 (with line and column), truncated or corrupt gzip
   *   data, or an unreadable file
   */
  async start(): Promise<void> {
    // Enough bytes to recognise a byte order mark, even with tiny chunks.
    await this.readAtLeast(BOM.length, 1)
    if (this.data[0] === BOM[0] && this.data[1] === BOM[1] && this.data[2] === BOM[2]) {
      this.data = this.data.subarray(BOM.length)
    }
  }

  /**
   * Drops `data[0, consumed)`, which the reader is done with, and appends the next chunk (or sets
   * `final`). When the reader could not finish one record in a long `data`, twice as many bytes
   * are read before it tries again, so a record longer than a chunk is scanned O(1) times per
   * byte rather than once per chunk.
   *
   * @param line the physical line on which `data[consumed]` lies, for error messages
   * @throws UserInputError as `start`
   */
  async advance(consumed: number, line: number): Promise<void> {
    const stalled = consumed === 0 && this.data.length >= LONG_RECORD
    if (stalled && this.data.length >= this.maxRecordBytes) {
      throw new UserInputError(
        `the record starting on this line is longer than ${formatBytes(this.maxRecordBytes)}: expected ` +
          'shorter records (in CSV, usually a quote that is never closed)',
        { file: this.file, line }
      )
    }
    this.consume(consumed)
    await this.readAtLeast(stalled ? 2 * this.data.length : 0, line)
  }

  /** Drops `data[0, offset)`. */
  private consume(offset: number): void {
    const rest = this.data.length - offset
    if (rest === 0) this.data = this.data.subarray(0, 0)
    else this.carry(offset, rest)
    this.unchecked = Math.min(this.unchecked, rest)
  }

  /** Stops reading and releases the file. */
  async close(): Promise<void> {
    await this.chunks.return?.()
  }

  private async readAtLeast(minimum: number, line: number): Promise<void> {
    do await this.append(line)
    while (!this.final && this.data.length < minimum)
  }

  private async append(line: number): Promise<void> {
    let next: IteratorResult<Buffer>
    try {
      next = await this.chunks.next()
    } catch (error) {
      throw gzipError(
        this.file,
        fileError(this.file, error),
        line - 1 + countLines(this.data, 0, this.data.length)
      )
    }
    const carried = this.data.length
    if (next.done) {
      this.final = true
    } else if (carried === 0) {
      this.data = next.value
    } else {
      const size = carried + next.value.length
      this.carry(0, size)
      next.value.copy(this.store, carried)
      this.data = this.store.subarray(0, size)
    }
    this.check(carried - this.unchecked, line)
  }

  /** Checks `data[from, ...)` as UTF-8, holding back a last character that the next chunk may complete. */
  private check(from: number, line: number): void {
    const end = this.data.length
    const to = this.final ? end : end - incompleteTail(this.data, end)
    if (to > from && !isUtf8(this.data.subarray(from, to))) {
      const offset = firstInvalidUtf8(this.data, from, to)
      const { line: errorLine, column } = locate(this.data, 0, offset < 0 ? from : offset, line)
      throw new UserInputError(INVALID_UTF8, { file: this.file, line: errorLine, column })
    }
    this.unchecked = end - Math.max(to, from)
  }

  /** Moves `data[from, ...)` to the start of the store, which then holds at least `capacity` bytes. */
  private carry(from: number, capacity: number): void {
    const rest = this.data.length - from
    const inPlace = from === 0 && this.data.buffer === this.store.buffer && this.data.byteOffset === 0
    if (this.store.length < capacity) {
      // A dedicated ArrayBuffer (not Node's shared pool), so `buffer ===` tells whether data lives here.
      const grown = Buffer.allocUnsafeSlow(Math.max(capacity, this.store.length * 2))
      this.data.copy(grown, 0, from)
      this.store = grown
    } else if (!inPlace) {
      this.data.copy(this.store, 0, from) // copy() is memmove: overlapping ranges are fine
    }
    this.data = this.store.subarray(0, rest)
  }
}

function formatBytes(bytes: number): string {
  return bytes % (1 << 20) === 0 ? `${bytes / (1 << 20)} MiB` : `${bytes} bytes`
}
