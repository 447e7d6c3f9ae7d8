import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/**
 * Errors a user can fix: bad files, bad config, bad arguments.
 *
 * Every entry point (CLI command, action) catches `UserInputError` in one place, prints
 * `format()` and exits with code 2. Anything else is a bug in ml-gate and keeps its stack.
 */
class UserInputError extends Error {
    location;
    name = 'UserInputError';
    /**
     * @param message what was wrong and what was expected, e.g.
     *   `expected 15 fields (as in the header), found 14`
     * @param location file, line and column when the problem is inside a file
     */
    constructor(message, location) {
        super(message);
        this.location = location;
    }
    /** `FILE:LINE:COLUMN: message`, omitting the parts that are unknown. */
    format() {
        const where = this.location ? formatLocation(this.location) : '';
        return where ? `${where}: ${this.message}` : this.message;
    }
}
function formatLocation(location) {
    let text = location.file;
    if (location.line !== undefined) {
        text += `:${location.line}`;
        if (location.column !== undefined)
            text += `:${location.column}`;
    }
    return text;
}
/** Process exit codes shared by the CLI and the actions. */
const ExitCode = {
    /** Everything passed (or only warned). */
    Pass: 0,
    /** The data or the model failed a gate: a result, not an error. */
    GateFailed: 1,
    /** The input could not be used: bad file, bad config, bad argument. */
    BadInput: 2
};

/**
 * The shape every tabular reader produces: a header and a stream of row batches.
 *
 * Rows come in columnar batches so a consumer loops over plain arrays instead of allocating one
 * object per row. Each value is typed once, by the reader, and keeps its kind so that later code
 * can tell `1` (integer) from `1.0` (number) without looking at text again.
 */
/** The kind of each cell, stored in a `Uint8Array` alongside the values. */
const Kind = {
    Missing: 0,
    Integer: 1,
    Number: 2,
    Boolean: 3,
    String: 4
};
const DEFAULT_MISSING_TOKENS = ['', 'NA', 'N/A', 'null', 'NaN'];
const DEFAULT_BATCH_SIZE = 8192;

/**
 * A file as a stream of byte chunks, gunzipped on the fly when it is gzip data.
 *
 * Nothing here holds more than one chunk: a 5 GB file (or a 5 GB file inside a 500 MB .gz) is
 * read in chunks of `chunkSize` bytes.
 */
const DEFAULT_CHUNK_SIZE = 1 << 20;
const DEFAULT_MAX_RECORD_BYTES = 256 << 20;
const GZIP_MAGIC = [0x1f, 0x8b];
/**
 * Opens `file` for reading. The file is gzip data when it starts with the gzip magic bytes
 * `1f 8b`, whatever its name; a name ending in `.gz` without them is an error (the file is not
 * what its name says, and decompressing it would only fail later).
 *
 * @throws UserInputError when the file does not exist, is a directory, cannot be read, or is
 *   named `.gz` but is not gzip data
 */
async function openByteSource(file, options = {}) {
    const gzip = await isGzipFile(file);
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const raw = createReadStream(file, { highWaterMark: gzip ? DEFAULT_CHUNK_SIZE : chunkSize });
    if (!gzip)
        return { gzip, chunks: raw };
    const gunzip = createGunzip({ chunkSize: Math.max(chunkSize, 64) });
    // The read stream's own errors (rare once the file is open) travel through the gunzip stream.
    raw.on('error', (error) => gunzip.destroy(error));
    raw.pipe(gunzip);
    return { gzip, chunks: chunkSize < 64 ? rechunk(gunzip, chunkSize) : gunzip };
}
/** zlib's output chunks are at least 64 bytes; smaller ones (for tests) are cut here. */
async function* rechunk(chunks, size) {
    for await (const chunk of chunks) {
        for (let at = 0; at < chunk.length; at += size)
            yield chunk.subarray(at, at + size);
    }
}
/**
 * Whether `file` is gzip data: it starts with the gzip magic bytes `1f 8b`.
 *
 * @throws UserInputError when the file cannot be read, or its name ends in `.gz` without the
 *   magic bytes
 */
async function isGzipFile(file) {
    const gzip = await startsWithGzipMagic(file);
    if (!gzip && file.toLowerCase().endsWith('.gz')) {
        throw new UserInputError('not gzip data: the name ends in .gz but the file does not start with the gzip signature (1f 8b); ' +
            'expected a gzip file, or rename it without .gz', { file });
    }
    return gzip;
}
async function startsWithGzipMagic(file) {
    let handle;
    try {
        handle = await open(file, 'r');
        const head = Buffer.alloc(2);
        const { bytesRead } = await handle.read(head, 0, 2, 0);
        return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
    }
    catch (error) {
        throw fileError(file, error);
    }
    finally {
        await handle?.close();
    }
}
/** Turns a file-system error into a message a user can act on; anything else is a bug. */
function fileError(file, error) {
    const code = error?.code;
    if (code === 'ENOENT')
        return new UserInputError('file not found: expected an existing file', { file });
    if (code === 'EISDIR')
        return new UserInputError('is a directory: expected a file', { file });
    if (code === 'EACCES' || code === 'EPERM') {
        return new UserInputError('permission denied: expected a readable file', { file });
    }
    return error;
}
/**
 * Turns an error raised while reading decompressed bytes into a `UserInputError`.
 *
 * @param linesRead complete lines read before the failure, for the message; null for binary data
 */
function gzipError(file, error, linesRead) {
    const code = error?.code;
    const after = linesRead === null ? '' : linesRead === 0 ? ' before the end of line 1' : ` after line ${linesRead}`;
    const location = { file, line: linesRead === null || linesRead === 0 ? undefined : linesRead };
    if (code === 'Z_BUF_ERROR') {
        return new UserInputError(`unexpected end of gzip data${after}; the file is truncated`, location);
    }
    if (code === 'Z_DATA_ERROR') {
        const reason = error instanceof Error ? error.message : String(error);
        return new UserInputError(`invalid gzip data${after} (${reason}); the file is corrupt, expected a valid gzip file`, location);
    }
    return error;
}

/**
 * Collects rows column by column into fixed-size `RowBatch`es.
 *
 * Readers write row `size` straight into `values[c]`, `kinds[c]` and `lines`, then call
 * `commit()`. A row that is written but not committed is simply overwritten by the next one, which
 * lets the CSV reader start a record again when it turns out to continue in the next chunk.
 */
class BatchBuilder {
    columnCount;
    capacity;
    values = [];
    kinds = [];
    lines = new Float64Array(0);
    /** Rows committed to the current batch. */
    size = 0;
    constructor(columnCount, capacity) {
        this.columnCount = columnCount;
        this.capacity = capacity;
        this.allocate();
    }
    /** Counts the row written at index `size`; true when the batch is now full. */
    commit(line) {
        this.lines[this.size] = line;
        return ++this.size === this.capacity;
    }
    /** The committed rows as a batch (arrays trimmed to its size); the builder starts a new one. */
    take() {
        const size = this.size;
        const columns = [];
        for (let c = 0; c < this.columnCount; c++) {
            const values = this.values[c];
            if (size < this.capacity)
                values.length = size;
            columns.push({ values, kinds: size < this.capacity ? this.kinds[c].subarray(0, size) : this.kinds[c] });
        }
        const batch = {
            size,
            lines: size < this.capacity ? this.lines.subarray(0, size) : this.lines,
            columns
        };
        this.allocate();
        return batch;
    }
    allocate() {
        this.values = [];
        this.kinds = [];
        for (let c = 0; c < this.columnCount; c++) {
            this.values.push(new Array(this.capacity));
            this.kinds.push(new Uint8Array(this.capacity));
        }
        this.lines = new Float64Array(this.capacity);
        this.size = 0;
    }
}

export { BatchBuilder as B, DEFAULT_MAX_RECORD_BYTES as D, ExitCode as E, Kind as K, UserInputError as U, DEFAULT_BATCH_SIZE as a, DEFAULT_MISSING_TOKENS as b, fileError as f, gzipError as g, isGzipFile as i, openByteSource as o };
