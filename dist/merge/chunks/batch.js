import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
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
    BadInput: 2,
    /** The evidence does not decide yet: `ml-gate canary`'s `continue` (more traffic needed). */
    Inconclusive: 3
};

/**
 * Bounds on how deep parsed JSON may nest. JSON.parse itself is iterative, but what follows it
 * (JSON.stringify of a nested cell, ajv compiling a schema) recurses and ends in a RangeError past
 * a few thousand levels: a value nested deeper than `MAX_JSON_DEPTH` is refused first, by the
 * walks below, which use a stack of their own instead of the call stack.
 */
/** Deep enough for any data or schema people write; far below where recursion fails. */
const MAX_JSON_DEPTH = 256;
/** How deep `value` nests (a scalar is 0, `[]` and `{}` are 1), counting no further than `limit + 1`. */
function jsonDepth(value, limit = MAX_JSON_DEPTH) {
    let deepest = 0;
    const stack = [[value, 0]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (typeof node !== 'object' || node === null)
            continue;
        if (depth + 1 > deepest)
            deepest = depth + 1;
        if (deepest > limit)
            return deepest;
        for (const child of Object.values(node))
            stack.push([child, depth + 1]);
    }
    return deepest;
}
/**
 * The path to the first object that has `key` as its own key, depth first in key order, e.g.
 * `['properties', '__proto__']`; null when none has. `value` must not nest deeper than
 * `MAX_JSON_DEPTH` (check with `jsonDepth` first).
 */
function pathToKey(value, key) {
    const stack = [[value, []]];
    while (stack.length > 0) {
        const [node, path] = stack.pop();
        if (typeof node !== 'object' || node === null)
            continue;
        if (Object.hasOwn(node, key))
            return [...path, key];
        const entries = Object.entries(node);
        for (let i = entries.length - 1; i >= 0; i--)
            stack.push([entries[i][1], [...path, entries[i][0]]]);
    }
    return null;
}
/**
 * Where in `text` (a string index) the brackets of JSON first nest deeper than `limit`, or -1.
 * Brackets inside strings do not count. For messages: JSON.parse does not say where.
 */
function tooDeepAt(text, limit = MAX_JSON_DEPTH, from = 0, to = text.length) {
    let depth = 0;
    let inString = false;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > limit)
                return i;
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
    return -1;
}

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
 * The file is read once, front to back, by one stream, and the magic bytes are the stream's own
 * first bytes: so a named pipe, `/dev/stdin` or a process substitution (`<(zcat x.gz)`) reads as
 * a file does (they cannot be read twice or at an offset: ESPIPE).
 *
 * @throws UserInputError when the file does not exist, is a directory, cannot be read, or is
 *   named `.gz` but is not gzip data
 */
async function openByteSource(file, options = {}) {
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const raw = createReadStream(file, { highWaterMark: chunkSize });
    const reader = raw[Symbol.asyncIterator]();
    let head = Buffer.alloc(0);
    try {
        while (head.length < GZIP_MAGIC.length) {
            const next = await reader.next();
            if (next.done === true)
                break;
            head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
        }
        checkGzipName(file, isGzipMagic(head));
    }
    catch (error) {
        raw.destroy();
        throw fileError(file, error);
    }
    const gzip = isGzipMagic(head);
    const bytes = rechunk(replay(head, reader), chunkSize);
    if (!gzip)
        return { gzip, chunks: bytes };
    const gunzip = createGunzip({ chunkSize: Math.max(chunkSize, 64) });
    // The read stream's own errors (rare once the file is open) travel through the gunzip stream.
    const compressed = Readable.from(bytes, { objectMode: false });
    compressed.on('error', (error) => gunzip.destroy(error));
    compressed.pipe(gunzip);
    return { gzip, chunks: chunkSize < 64 ? rechunk(gunzip, chunkSize) : gunzip };
}
/**
 * The bytes of a shard's part of a file (`partition.ts`): its first `range.prefix` bytes (the
 * header), then `[range.start, range.end)`. Plain files only: `partition.ts` refuses gzip data.
 */
async function openRangeSource(file, range, options = {}) {
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const pieces = [
        [0, range.prefix],
        [range.start, range.end]
    ];
    async function* chunks() {
        for (const [start, end] of pieces) {
            if (end <= start)
                continue;
            // createReadStream's `end` is inclusive.
            const stream = createReadStream(file, { start, end: end - 1, highWaterMark: chunkSize });
            try {
                for await (const chunk of stream)
                    yield chunk;
            }
            catch (error) {
                throw fileError(file, error);
            }
        }
    }
    return { gzip: false, chunks: rechunk(chunks(), chunkSize) };
}
function isGzipMagic(head) {
    return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}
/** The bytes read to look for the magic, then the rest of the stream. */
async function* replay(head, rest) {
    try {
        if (head.length > 0)
            yield head;
        for (let next = await rest.next(); next.done !== true; next = await rest.next())
            yield next.value;
    }
    finally {
        // A reader that stops early (a header-only read) releases the file.
        await rest.return?.();
    }
}
/** Chunks of at most `size` bytes: zlib's are at least 64 bytes, and the magic's may join two. */
async function* rechunk(chunks, size) {
    for await (const chunk of chunks) {
        if (chunk.length <= size)
            yield chunk;
        else
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
    checkGzipName(file, gzip);
    return gzip;
}
/** @throws UserInputError when the name ends in `.gz` and the data is not gzip */
function checkGzipName(file, gzip) {
    if (!gzip && file.toLowerCase().endsWith('.gz')) {
        throw new UserInputError('not gzip data: the name ends in .gz but the file does not start with the gzip signature (1f 8b); ' +
            'expected a gzip file, or rename it without .gz', { file });
    }
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
    if (code === 'ESPIPE') {
        return new UserInputError('is a pipe: this format is read at offsets, which a pipe cannot do; expected a regular file ' +
            '(save the stream to a file first)', { file });
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
 * Cells per batch at most (about 9 bytes each): a batch of 8,192 rows costs 72 KB per column,
 * which took 100,000 columns out of the heap. Wide tables get shorter batches instead; tables up
 * to 128 columns keep the full batch size.
 */
const MAX_BATCH_CELLS = 2 ** 20;
/**
 * Collects rows column by column into fixed-size `RowBatch`es.
 *
 * Readers write row `size` straight into `values[c]`, `kinds[c]` and `lines`, then call
 * `commit()`. A row that is written but not committed is simply overwritten by the next one, which
 * lets the CSV reader start a record again when it turns out to continue in the next chunk.
 */
class BatchBuilder {
    columnCount;
    values = [];
    kinds = [];
    lines = new Float64Array(0);
    /** Rows committed to the current batch. */
    size = 0;
    /** Rows per batch: the requested batch size, fewer for wide tables (see `MAX_BATCH_CELLS`). */
    capacity;
    constructor(columnCount, batchSize) {
        this.columnCount = columnCount;
        this.capacity = Math.max(1, Math.min(batchSize, Math.floor(MAX_BATCH_CELLS / Math.max(1, columnCount))));
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

export { BatchBuilder as B, DEFAULT_MAX_RECORD_BYTES as D, ExitCode as E, Kind as K, MAX_JSON_DEPTH as M, UserInputError as U, DEFAULT_BATCH_SIZE as a, DEFAULT_MISSING_TOKENS as b, openRangeSource as c, fileError as f, gzipError as g, isGzipFile as i, jsonDepth as j, openByteSource as o, pathToKey as p, tooDeepAt as t };
