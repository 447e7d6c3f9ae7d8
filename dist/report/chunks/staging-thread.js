import { parentPort } from 'node:worker_threads';
import { h as hashFloat64, U as UserInputError, a as sampleRank, R as RowDigest, f as fmix32, r as rowKeyOf, b as rowHash, c as combineBuckets } from './catalog.js';
import { extname } from 'node:path';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isUtf8 } from 'node:buffer';

/** The characters a name or value is escaped for, and their escapes. */
const ESCAPES = { '%': '%25', '&': '%26', '=': '%3D', '"': '%22' };
const SPECIAL = /[%&="]/g;
/** A column name or a value's text as it is written in keys (see the grammar above). */
function escapeKeyText(text) {
    if (text === '')
        return '""';
    return text.replace(SPECIAL, (c) => ESCAPES[c]);
}
/** The key of a segment of a family, from its parts' labels (`Home=rent`, `Job=partime`). */
function segmentKey(labels) {
    return labels.length === 1 ? labels[0] : labels.join('&');
}
class ValuePart {
    column;
    cache = new Map();
    name;
    constructor(column) {
        this.column = column;
        this.name = escapeKeyText(column);
    }
    label(value) {
        let label = this.cache.get(value);
        if (label === undefined) {
            label = `${this.name}=${value === null ? '' : escapeKeyText(String(value))}`;
            this.cache.set(value, label);
        }
        return label;
    }
    rank() {
        return 0;
    }
}
class BinPart {
    column;
    edges;
    labels;
    missing;
    constructor(column, edges) {
        this.column = column;
        this.edges = edges;
        const e = edges;
        const name = escapeKeyText(column);
        this.labels = [
            `${name}=(-inf,${e[0]})`,
            ...e.slice(1).map((hi, i) => `${name}=[${e[i]},${hi})`),
            `${name}=[${e[e.length - 1]},inf)`
        ];
        this.missing = `${name}=`;
    }
    label(value) {
        if (value === null)
            return this.missing;
        if (typeof value !== 'number')
            return undefined;
        // Binary search for the first edge greater than the value: bins are left-closed.
        let lo = 0;
        let hi = this.edges.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.edges[mid] <= value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return this.labels[lo];
    }
    rank(label) {
        // The missing value ranks first, like the empty value of a value column.
        return label === this.missing ? -1 : this.labels.indexOf(label);
    }
}
/**
 * The families of a spec, in a stable order: value columns, then binned columns (a column listed
 * in both is binned once), then crosses. A family listed twice (a cross repeated, or a cross of one
 * column) is kept once: its segments would have the same keys, and its rows would count twice.
 */
function segmentFamilies(spec) {
    // Own properties only: a column named `constructor` is not binned by Object.prototype's.
    const part = (column) => Object.hasOwn(spec.bins, column) ? new BinPart(column, spec.bins[column]) : new ValuePart(column);
    const singles = [...new Set([...spec.columns, ...Object.keys(spec.bins)])].map((column) => [column]);
    const families = new Map();
    for (const columns of [...singles, ...spec.cross]) {
        const name = columns.map(escapeKeyText).join('&');
        if (!families.has(name))
            families.set(name, { name, parts: columns.map(part) });
    }
    return [...families.values()];
}
/** Every column a spec reads, each once. */
function segmentColumns(spec) {
    return [...new Set([...spec.columns, ...Object.keys(spec.bins), ...spec.cross.flat()])];
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
 * "Did you mean" for names a user types: config keys, metric names, commands, columns.
 */
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = new Array(rows * cols);
    for (let i = 0; i < rows; i++)
        d[i * cols] = i;
    for (let j = 0; j < cols; j++)
        d[j] = j;
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
            }
            d[i * cols + j] = best;
        }
    }
    return d[rows * cols - 1];
}
/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third of
 * the word's length in edits (at least 1, at most 3). Ties go to the first candidate. Case is ignored.
 *
 * @example closest('min_suport', ['min_support', 'columns']) // 'min_support'
 */
function closest(word, candidates) {
    const target = word.toLowerCase();
    const limit = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(target, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
/** ` (did you mean 'x'?)` or an empty string. */
function didYouMean(word, candidates) {
    const match = closest(word, candidates);
    return match === undefined ? '' : ` (did you mean '${match}'?)`;
}

/**
 * A typed array's bytes as base64, in the platform's byte order: the states that store arrays this
 * way (`metrics/metric-state.ts`, `profile/profile-state.ts`) are read on little-endian platforms.
 */
function encode(array) {
    return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** Integers below this are bits (see `NumberSet`); a page holds 2^PAGE_SHIFT of them. */
const BITMAP_LIMIT = 2 ** 27;
const PAGE_SHIFT = 19;
const PAGE_MASK = (1 << PAGE_SHIFT) - 1;
const PAGE_WORDS = (1 << PAGE_SHIFT) / 32;
const PAGE_BYTES = PAGE_WORDS * 4;
/**
 * A page with fewer integers is listed in a state rather than written as bits: its 87,384
 * characters of base64 hold about this many integers of 9 or 10 characters.
 */
const SPARSE_PAGE = 8192;
/**
 * An exact set of numbers with the semantics of `Set<number>` (SameValueZero: −0 is 0, NaN is one
 * value), for the `unique` check.
 *
 * Why not a `Set`: a `Set` of 10 million ids costs about 1 GB (a boxed number or a key string per
 * entry, plus the table), and every insert allocates. Here the numbers sit in one Float64Array,
 * an open-addressing table (linear probing, at most 3/4 full): 8 to 16 bytes per number, no
 * allocation per insert. An empty slot holds NaN, so NaN itself is kept in a flag.
 *
 * Integers in [0, 2^27), the usual row ids, are bits of a bitmap instead, allocated 64 KiB (2^19
 * integers) at a time as they are used: at most 16 MB, 1.25 MB for ids 1 to 10 million, and a run
 * of ids touches memory in order where the table is touched at random (a cache miss per id once
 * the table outgrows the caches: 3 s for 10 million ids).
 *
 * @example
 * const seen = new NumberSet()
 * seen.add(1) // true: new
 * seen.add(1) // false: already there
 * seen.add(-0) && seen.add(0) // true, then false
 */
class NumberSet {
    slots = new Float64Array(16).fill(NaN);
    /** Numbers in the table and in the bitmap. */
    count = 0;
    hasNaN = false;
    pages = [];
    /** Numbers in the table. */
    used = 0;
    /** Distinct numbers added. */
    get size() {
        return this.count + (this.hasNaN ? 1 : 0);
    }
    /** Adds `value`; true if it was absent, false if the set already had it. */
    add(value) {
        if (value >= 0 && value < BITMAP_LIMIT && Number.isInteger(value)) {
            const page = (this.pages[value >>> PAGE_SHIFT] ??= new Int32Array(PAGE_WORDS));
            const word = (value & PAGE_MASK) >>> 5;
            const bit = 1 << (value & 31);
            if ((page[word] & bit) !== 0)
                return false;
            page[word] |= bit;
            this.count++;
            return true;
        }
        if (value !== value) {
            if (this.hasNaN)
                return false;
            this.hasNaN = true;
            return true;
        }
        // Not 0 (nor −0): that is in the bitmap.
        const key = value;
        const slots = this.slots;
        const mask = slots.length - 1;
        let i = hashFloat64(key) & mask;
        for (;;) {
            const slot = slots[i];
            if (slot === key)
                return false;
            if (slot !== slot)
                break;
            i = (i + 1) & mask;
        }
        slots[i] = key;
        this.count++;
        if (4 * ++this.used > 3 * slots.length)
            this.grow();
        return true;
    }
    has(value) {
        if (value >= 0 && value < BITMAP_LIMIT && Number.isInteger(value)) {
            const page = this.pages[value >>> PAGE_SHIFT];
            return page !== undefined && (page[(value & PAGE_MASK) >>> 5] & (1 << (value & 31))) !== 0;
        }
        if (value !== value)
            return this.hasNaN;
        const key = value;
        const slots = this.slots;
        const mask = slots.length - 1;
        for (let i = hashFloat64(key) & mask;; i = (i + 1) & mask) {
            const slot = slots[i];
            if (slot === key)
                return true;
            if (slot !== slot)
                return false;
        }
    }
    /**
     * The set as JSON; `NumberSet.fromState` restores it.
     * @throws RangeError for a set holding NaN, which JSON cannot hold (no reader yields NaN as a value)
     */
    toState() {
        if (this.hasNaN)
            throw new RangeError('a NumberSet holding NaN has no JSON state');
        const pages = [];
        const others = this.tableNumbers();
        // The Uint8Array view of the words is the bit order stated above on a little-endian platform,
        // the one ml-gate's states are written and read on (`metrics/metric-state.ts`).
        this.pages.forEach((words, page) => {
            if (words === undefined)
                return;
            let count = 0;
            for (let w = 0; w < PAGE_WORDS; w++)
                count += bitCount(words[w]);
            if (count >= SPARSE_PAGE)
                pages.push({ page, bits: encode(new Uint8Array(words.buffer)) });
            else
                pageNumbers(words, page, others);
        });
        return { pages, others: others.sort((a, b) => a - b) };
    }
    /** Restores a `toState()` object (e.g. parsed from JSON); throws an `Error` saying what is wrong. */
    static fromState(state) {
        const set = new NumberSet();
        for (const { page, bits } of state.pages) {
            if (!(Number.isInteger(page) && page >= 0 && page < BITMAP_LIMIT >>> PAGE_SHIFT) || set.pages[page]) {
                throw new Error(`ids: page ${page} is not a page number below 256 given once`);
            }
            const bytes = Buffer.from(bits, 'base64');
            if (bytes.length !== PAGE_BYTES) {
                throw new Error(`ids: page ${page} has ${bytes.length} bytes, expected ${PAGE_BYTES}`);
            }
            const words = new Int32Array(PAGE_WORDS);
            new Uint8Array(words.buffer).set(bytes);
            set.pages[page] = words;
            for (let w = 0; w < PAGE_WORDS; w++)
                set.count += bitCount(words[w]);
        }
        for (const value of state.others) {
            if (!Number.isFinite(value))
                throw new Error(`ids: ${value} is not a finite number`);
            set.add(value);
        }
        return set;
    }
    /** The numbers this set shares with `other`: how many, and the least; `null` for none. */
    shared(other) {
        let count = 0;
        let least = Infinity;
        this.pages.forEach((words, page) => {
            const theirs = other.pages[page];
            if (words === undefined || theirs === undefined)
                return;
            for (let w = 0; w < PAGE_WORDS; w++) {
                const both = words[w] & theirs[w];
                if (both === 0)
                    continue;
                // Pages and words ascend: the first shared bit is the least shared integer of the bitmap.
                if (count === 0)
                    least = page * (1 << PAGE_SHIFT) + w * 32 + 31 - Math.clz32(both & -both);
                count += bitCount(both);
            }
        });
        for (const value of this.tableNumbers()) {
            if (!other.has(value))
                continue;
            count++;
            least = Math.min(least, value);
        }
        return count === 0 ? null : { count, least };
    }
    /** Adds every number of `other`. */
    addAll(other) {
        other.pages.forEach((theirs, page) => {
            if (theirs === undefined)
                return;
            const words = (this.pages[page] ??= new Int32Array(PAGE_WORDS));
            for (let w = 0; w < PAGE_WORDS; w++) {
                this.count += bitCount(theirs[w] & ~words[w]);
                words[w] |= theirs[w];
            }
        });
        for (const value of other.tableNumbers())
            this.add(value);
        if (other.hasNaN)
            this.add(NaN);
    }
    /** The numbers in the table (not the bitmap's, not NaN). */
    tableNumbers() {
        return [...this.slots].filter((value) => value === value);
    }
    grow() {
        const old = this.slots;
        const slots = new Float64Array(2 * old.length).fill(NaN);
        const mask = slots.length - 1;
        for (let j = 0; j < old.length; j++) {
            const key = old[j];
            if (key !== key)
                continue;
            let i = hashFloat64(key) & mask;
            while (slots[i] === slots[i])
                i = (i + 1) & mask;
            slots[i] = key;
        }
        this.slots = slots;
    }
}
/** Appends the integers of a page's bits to `out`, ascending. */
function pageNumbers(words, page, out) {
    for (let w = 0; w < PAGE_WORDS; w++) {
        for (let word = words[w]; word !== 0; word &= word - 1) {
            out.push(page * (1 << PAGE_SHIFT) + w * 32 + 31 - Math.clz32(word & -word));
        }
    }
}
/** The 1 bits of a 32-bit word. */
function bitCount(word) {
    let v = word - ((word >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

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

/**
 * UTF-8 facts the streaming readers need at chunk boundaries and in error messages.
 * Validation itself is `buffer.isUtf8` (native); these helpers only run at the edges or on error.
 */
const CONTINUATION_MASK = 0xc0;
const CONTINUATION = 0x80;
const fromCharCode = String.fromCharCode;
/**
 * The text of the UTF-8 bytes `data[start, end)`.
 *
 * Short ASCII text (most CSV string cells: codes, categories) is built with
 * `String.fromCharCode`, several times faster than a call into the native decoder for a few
 * bytes; ASCII bytes are their own UTF-16 code units, so the text is the same.
 */
function decodeUtf8(data, start, end) {
    const length = end - start;
    if (length <= 8) {
        let bits = 0;
        for (let i = start; i < end; i++)
            bits |= data[i];
        if (bits < 0x80) {
            const d = data;
            const s = start;
            switch (length) {
                case 0:
                    return '';
                case 1:
                    return fromCharCode(d[s]);
                case 2:
                    return fromCharCode(d[s], d[s + 1]);
                case 3:
                    return fromCharCode(d[s], d[s + 1], d[s + 2]);
                case 4:
                    return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3]);
                case 5:
                    return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3], d[s + 4]);
                case 6:
                    return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3], d[s + 4], d[s + 5]);
                case 7:
                    return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3], d[s + 4], d[s + 5], d[s + 6]);
                case 8:
                    return fromCharCode(d[s], d[s + 1], d[s + 2], d[s + 3], d[s + 4], d[s + 5], d[s + 6], d[s + 7]);
            }
        }
    }
    return data.toString('utf8', start, end);
}
/** Whether `byte` continues a multi-byte character (10xxxxxx) rather than starting one. */
function isContinuationByte(byte) {
    return (byte & CONTINUATION_MASK) === CONTINUATION;
}
/**
 * How many bytes at the end of `data[0, end)` are the start of a character that the next chunk
 * completes (0 to 3). Those bytes must not be validated yet.
 */
function incompleteTail(data, end) {
    for (let k = 1; k <= 3 && k <= end; k++) {
        const byte = data[end - k];
        if (isContinuationByte(byte))
            continue;
        const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        return length > k ? k : 0;
    }
    return 0;
}
/**
 * The offset of the first byte in `data[start, end)` that is not part of a valid UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all are valid.
 * A sequence cut by `end` counts as invalid. Slow on purpose: it runs only once an error is known.
 */
function firstInvalidUtf8(data, start, end) {
    let i = start;
    while (i < end) {
        const lead = data[i];
        if (lead < 0x80) {
            i++;
            continue;
        }
        let length;
        let low = CONTINUATION;
        let high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf)
            length = 2;
        else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            if (lead === 0xe0)
                low = 0xa0;
            if (lead === 0xed)
                high = 0x9f;
        }
        else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            if (lead === 0xf0)
                low = 0x90;
            if (lead === 0xf4)
                high = 0x8f;
        }
        else
            return i;
        if (i + length > end)
            return i;
        const second = data[i + 1];
        if (second < low || second > high)
            return i;
        for (let k = 2; k < length; k++)
            if (!isContinuationByte(data[i + k]))
                return i;
        i += length;
    }
    return -1;
}

const LF$3 = 0x0a;
/**
 * The line and column of byte `offset`, counting from `lineStart`: a byte that starts line
 * `line`. Lines end at LF (CRLF is CR + LF). Only error paths call this, so it scans.
 *
 * @example
 * locate(Buffer.from('a,b\nc,"d'), 0, 6, 1) // { line: 2, column: 3 }
 */
function locate(data, lineStart, offset, line) {
    let start = lineStart;
    for (let i = lineStart; i < offset; i++) {
        if (data[i] === LF$3) {
            line++;
            start = i + 1;
        }
    }
    let column = 1;
    for (let i = start; i < offset; i++)
        if (!isContinuationByte(data[i]))
            column++;
    return { line, column };
}
/** Number of LF bytes in `data[start, end)`. */
function countLines(data, start, end) {
    let lines = 0;
    for (let i = start; i < end; i++)
        if (data[i] === LF$3)
            lines++;
    return lines;
}

/**
 * Splitting CSV bytes into records and fields (RFC 4180), without decoding them.
 *
 * - A field that starts with `"` is quoted: it ends at the next `"` not doubled; `""` inside
 *   stands for one `"`; delimiters and line breaks inside are data.
 * - After a closing quote only a delimiter, a line break or the end of the file may follow;
 *   anything else (`"ab"c`) is an error.
 * - A `"` inside an unquoted field (`ab"c`) is a literal character, as pandas reads it.
 * - Records end at LF or CRLF; the last one may end at the end of the file. A CR not followed by
 *   LF outside quotes (old Mac line endings) is an error rather than a silent misreading.
 */
const QUOTE$1 = 0x22;
const LF$2 = 0x0a;
const CR$2 = 0x0d;
/** Field flags. */
const QUOTED = 1;
/** The quoted field holds `""` pairs that stand for `"`. */
const ESCAPED = 2;
class CsvTokenizer {
    file;
    delimiter;
    delimiterName;
    /** Fields of the last record read: `data[starts[f], ends[f])`, quotes excluded. */
    starts = new Int32Array(16);
    ends = new Int32Array(16);
    flags = new Uint8Array(16);
    fieldCount = 0;
    /** Line breaks inside quoted fields of the last record. */
    lineBreaks = 0;
    /** Offset just after the last record's line break. */
    next = 0;
    /**
     * @param file for messages
     * @param delimiter the delimiter byte
     */
    constructor(file, delimiter) {
        this.file = file;
        this.delimiter = delimiter;
        this.delimiterName = delimiter === 0x09 ? 'tab' : `"${String.fromCharCode(delimiter)}"`;
    }
    /**
     * Reads the record that starts at `data[start]` (`start < end`), on physical line `line`.
     *
     * @returns true when the record is complete (fields in `starts` / `ends` / `flags`, the next
     *   record at `next`); false when it continues past `end` and `final` is false
     * @throws UserInputError for an unclosed quote at the end of the file, text after a closing
     *   quote, or a CR not followed by LF
     */
    read(data, start, end, final, line) {
        const delimiter = this.delimiter;
        let field = 0;
        let lineBreaks = 0;
        let i = start;
        for (;;) {
            let c;
            if (i < end && data[i] === QUOTE$1) {
                const open = i;
                let flags = QUOTED;
                let j = i + 1;
                for (;;) {
                    if (j >= end) {
                        if (final)
                            throw this.error('unclosed quote: expected a closing " before the end of the file', data, start, open, line);
                        return false;
                    }
                    const b = data[j];
                    if (b === QUOTE$1) {
                        if (j + 1 >= end && !final)
                            return false;
                        if (j + 1 < end && data[j + 1] === QUOTE$1) {
                            flags |= ESCAPED;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (b === LF$2)
                        lineBreaks++;
                    j++;
                }
                this.push(field++, open + 1, j, flags);
                i = j + 1;
                c = i < end ? data[i] : -1;
                if (c !== delimiter && c !== LF$2 && c !== CR$2 && c !== -1) {
                    throw this.error(`unexpected text after a closing quote: expected the delimiter (${this.delimiterName}) or the end of the line`, data, start, i, line);
                }
            }
            else {
                let j = i;
                while (j < end) {
                    const b = data[j];
                    if (b === delimiter || b === LF$2 || b === CR$2)
                        break;
                    j++;
                }
                if (j >= end && !final)
                    return false;
                this.push(field++, i, j, 0);
                i = j;
                c = i < end ? data[i] : -1;
            }
            if (c === delimiter) {
                i++;
                continue;
            }
            if (c === CR$2) {
                if (i + 1 >= end) {
                    if (!final)
                        return false;
                    i++; // a CR ending the file ends the last record
                }
                else if (data[i + 1] === LF$2) {
                    i += 2;
                }
                else {
                    throw this.error('line break "\\r" without "\\n": expected LF or CRLF line endings', data, start, i, line);
                }
            }
            else if (c === LF$2) {
                i++;
            }
            this.fieldCount = field;
            this.lineBreaks = lineBreaks;
            this.next = i;
            return true;
        }
    }
    /** Whether the last record was an empty line (no byte before its line break). */
    isBlankLine(start) {
        return this.fieldCount === 1 && this.flags[0] === 0 && this.ends[0] === start && this.next > start;
    }
    push(field, start, end, flags) {
        if (field === this.starts.length) {
            this.starts = grow(this.starts);
            this.ends = grow(this.ends);
            const grownFlags = new Uint8Array(this.flags.length * 2);
            grownFlags.set(this.flags);
            this.flags = grownFlags;
        }
        this.starts[field] = start;
        this.ends[field] = end;
        this.flags[field] = flags;
    }
    error(message, data, recordStart, offset, line) {
        const position = locate(data, recordStart, offset, line);
        return new UserInputError(message, { file: this.file, ...position });
    }
}
function grow(array) {
    const grown = new Int32Array(array.length * 2);
    grown.set(array);
    return grown;
}

/**
 * Decoding a column's string cells, sharing one string per repeated value.
 *
 * Segment columns (`north`, `web`, `p13`) hold a handful of values repeated millions of times.
 * Decoding each cell is a call into native code and a fresh string for the garbage collector;
 * a consumer that looks the value up in a `Map` then hashes that fresh string again. A cache per
 * column keyed by the bytes returns the same string object instead: no decoding, no garbage, and
 * V8 keeps the hash inside the string, so every later lookup of it is cheap.
 *
 * Exact by construction: a cached string is returned only when its bytes equal the cell's bytes
 * (compared in full; the hash only picks the slot), so the text is always what decoding gives.
 * Columns whose values rarely repeat (ids, free text) would only pay for the hashing: the cache
 * measures its own hit rate and steps aside for a while when it is low.
 */
/** Values longer than this are decoded every time (and rarely repeat). */
const MAX_BYTES = 32;
/**
 * Slots, in pairs: a value lives in slot `h` or `h ^ 1` of its hash `h`. Enough for the few
 * hundred values of a segment column; ~22 KB per column (plus the strings), about a third of what
 * one batch of 8192 cells costs, allocated only for columns with short repeated text.
 */
const SLOTS = 512;
/** Lookups between two looks at the hit rate. */
const WINDOW = 4096;
/** Misses in a window that make the cache step aside (and free its memory)... */
const MAX_MISSES = WINDOW / 4;
/** ...for this many cells, after which it tries again. */
const BYPASS = 16 * WINDOW;
class StringCache {
    /** Allocated on the first lookup, freed when the cache steps aside. */
    slots = null;
    lookups = 0;
    misses = 0;
    bypass = 0;
    /** The text of the UTF-8 bytes `data[start, end)`, a previous string object when the bytes repeat. */
    decode(data, start, end) {
        const length = end - start;
        if (length > MAX_BYTES)
            return decodeUtf8(data, start, end);
        if (this.bypass > 0) {
            this.bypass--;
            return decodeUtf8(data, start, end);
        }
        const { bytes, lengths, strings } = (this.slots ??= {
            bytes: new Uint8Array(SLOTS * MAX_BYTES),
            lengths: new Int32Array(SLOTS).fill(-1),
            strings: new Array(SLOTS).fill('')
        });
        let hash = length;
        for (let i = start; i < end; i++)
            hash = Math.imul(hash ^ data[i], 0x01000193);
        const first = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        if (lengths[first] === length && equal(bytes, first * MAX_BYTES, data, start, length)) {
            this.count(false);
            return strings[first];
        }
        const second = first ^ 1;
        if (lengths[second] === length && equal(bytes, second * MAX_BYTES, data, start, length)) {
            this.count(false);
            return strings[second];
        }
        // A miss: the value takes the first slot, and what was there moves to the second.
        const text = decodeUtf8(data, start, end);
        if (lengths[first] >= 0) {
            bytes.copyWithin(second * MAX_BYTES, first * MAX_BYTES, first * MAX_BYTES + lengths[first]);
            lengths[second] = lengths[first];
            strings[second] = strings[first];
        }
        for (let k = 0, at = first * MAX_BYTES; k < length; k++)
            bytes[at + k] = data[start + k];
        lengths[first] = length;
        strings[first] = text;
        this.count(true);
        return text;
    }
    count(miss) {
        if (miss)
            this.misses++;
        if (++this.lookups < WINDOW)
            return;
        if (this.misses > MAX_MISSES) {
            this.bypass = BYPASS;
            this.slots = null;
        }
        this.lookups = 0;
        this.misses = 0;
    }
}
function equal(bytes, at, data, start, length) {
    for (let k = 0; k < length; k++)
        if (bytes[at + k] !== data[start + k])
            return false;
    return true;
}

const BOM = [0xef, 0xbb, 0xbf];
/** A record still unfinished in this many bytes makes the window grow geometrically (see `advance`). */
const LONG_RECORD = 1 << 16;
const INVALID_UTF8 = 'invalid UTF-8 byte sequence; expected UTF-8 text (re-save the file as UTF-8)';
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
class TextWindow {
    file;
    /** Unconsumed bytes, then the newest chunk. Valid UTF-8, except for an incomplete last character when not `final`. */
    data = Buffer.alloc(0);
    /** True once the input is exhausted: `data` is then all there is. */
    final = false;
    chunks;
    /** Backing store for carried bytes; grows by doubling so a huge record is copied O(1) times per byte. */
    store = Buffer.allocUnsafeSlow(0);
    /** Bytes at the end of `data` not checked as UTF-8 yet (a character cut by the chunk boundary). */
    unchecked = 0;
    maxRecordBytes;
    constructor(file, source, options = {}) {
        this.file = file;
        this.chunks = source.chunks[Symbol.asyncIterator]();
        this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    }
    /**
     * Reads the first chunk (strip a byte order mark), or sets `final` for an empty input.
     *
     * @throws UserInputError on invalid UTF-8 (with line and column), truncated or corrupt gzip
     *   data, or an unreadable file
     */
    async start() {
        // Enough bytes to recognise a byte order mark, even with tiny chunks.
        await this.readAtLeast(BOM.length, 1);
        if (this.data[0] === BOM[0] && this.data[1] === BOM[1] && this.data[2] === BOM[2]) {
            this.data = this.data.subarray(BOM.length);
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
    async advance(consumed, line) {
        const stalled = consumed === 0 && this.data.length >= LONG_RECORD;
        if (stalled && this.data.length >= this.maxRecordBytes) {
            throw new UserInputError(`the record starting on this line is longer than ${formatBytes(this.maxRecordBytes)}: expected ` +
                'shorter records (in CSV, usually a quote that is never closed)', { file: this.file, line });
        }
        this.consume(consumed);
        await this.readAtLeast(stalled ? 2 * this.data.length : 0, line);
    }
    /** Drops `data[0, offset)`. */
    consume(offset) {
        const rest = this.data.length - offset;
        if (rest === 0)
            this.data = this.data.subarray(0, 0);
        else
            this.carry(offset, rest);
        this.unchecked = Math.min(this.unchecked, rest);
    }
    /** Stops reading and releases the file. */
    async close() {
        await this.chunks.return?.();
    }
    async readAtLeast(minimum, line) {
        do
            await this.append(line);
        while (!this.final && this.data.length < minimum);
    }
    async append(line) {
        let next;
        try {
            next = await this.chunks.next();
        }
        catch (error) {
            throw gzipError(this.file, fileError(this.file, error), line - 1 + countLines(this.data, 0, this.data.length));
        }
        const carried = this.data.length;
        if (next.done) {
            this.final = true;
        }
        else if (carried === 0) {
            this.data = next.value;
        }
        else {
            const size = carried + next.value.length;
            this.carry(0, size);
            next.value.copy(this.store, carried);
            this.data = this.store.subarray(0, size);
        }
        this.check(carried - this.unchecked, line);
    }
    /** Checks `data[from, ...)` as UTF-8, holding back a last character that the next chunk may complete. */
    check(from, line) {
        const end = this.data.length;
        const to = this.final ? end : end - incompleteTail(this.data, end);
        if (to > from && !isUtf8(this.data.subarray(from, to))) {
            const offset = firstInvalidUtf8(this.data, from, to);
            const { line: errorLine, column } = locate(this.data, 0, offset < 0 ? from : offset, line);
            throw new UserInputError(INVALID_UTF8, { file: this.file, line: errorLine, column });
        }
        this.unchecked = end - Math.max(to, from);
    }
    /** Moves `data[from, ...)` to the start of the store, which then holds at least `capacity` bytes. */
    carry(from, capacity) {
        const rest = this.data.length - from;
        const inPlace = from === 0 && this.data.buffer === this.store.buffer && this.data.byteOffset === 0;
        if (this.store.length < capacity) {
            // A dedicated ArrayBuffer (not Node's shared pool), so `buffer ===` tells whether data lives here.
            const grown = Buffer.allocUnsafeSlow(Math.max(capacity, this.store.length * 2));
            this.data.copy(grown, 0, from);
            this.store = grown;
        }
        else if (!inPlace) {
            this.data.copy(this.store, 0, from); // copy() is memmove: overlapping ranges are fine
        }
        this.data = this.store.subarray(0, rest);
    }
}
function formatBytes(bytes) {
    return bytes % (1 << 20) === 0 ? `${bytes / (1 << 20)} MiB` : `${bytes} bytes`;
}

/**
 * The CSV reader: header, delimiter, records streamed into typed batches.
 *
 * What it accepts (RFC 4180 plus what real files do), and the decisions where files disagree:
 *
 * - Quoting as in `csv-tokenizer.ts`. UTF-8 only; a UTF-8 byte order mark at the start is
 *   skipped. LF or CRLF line endings, a final line break or none.
 * - The header is the first record. Its names are kept exactly (no trimming); an empty name is
 *   allowed once (pandas writes one for the index), two equal names are an error. A file with
 *   nothing but whitespace (or a BOM) is an error; a whitespace-only first line followed by more
 *   text is an error too (the header must be on line 1, so that line numbers mean what they say).
 *   A header with no rows is a valid empty table.
 * - The delimiter is `,` `;` tab or `|`: given, implied by the extension (.tsv tab, .psv `|`) or
 *   detected as the candidate occurring most often outside quotes in the header line; ties and
 *   a header without any candidate (one column) go to the comma.
 * - Empty lines at the end of the file are ignored. An empty line in the middle is a record with
 *   one empty field: with a one-column header it is a missing value; otherwise it is an error
 *   (`expected 3 fields (as in the header), found an empty line`): a blank line inside data
 *   usually means two files were glued together, and pandas' silent skipping would hide it.
 * - Every record must have as many fields as the header.
 * - Each field is typed once (`value-parser.ts`); quoting does not change the type (`"12"` is 12,
 *   `""` is missing), as in pandas.
 *
 * Memory: one chunk plus the current batch, and per column a small cache of repeated short text
 * (`string-cache.ts`). Fields are typed from the bytes; only string cells are decoded, and a
 * repeated one only once.
 */
const QUOTE = 0x22;
const LF$1 = 0x0a;
const CR$1 = 0x0d;
const SPACE$2 = 0x20;
const TAB$2 = 0x09;
/** Delimiters in tie-break order: the comma wins ties. */
const CSV_DELIMITERS = [',', ';', '\t', '|'];
const DELIMITER_CODES = CSV_DELIMITERS.map((d) => d.charCodeAt(0));
/**
 * Reads one CSV file once: `readHeader()`, then `rows()`.
 */
class CsvReader {
    file;
    options;
    gzip;
    /** The delimiter in use, known once the header is read. */
    delimiter = '';
    window;
    tokenizer = null;
    columnCount = 0;
    /** Offset in `window.data` of the next record, and its physical line. */
    pos = 0;
    line = 1;
    /** Empty lines seen and not yet known to be in the middle of the file. */
    blankCount = 0;
    blankLine = 0;
    /** One per column: repeated string cells share one string. */
    strings = [];
    constructor(file, source, options) {
        this.file = file;
        this.options = options;
        this.window = new TextWindow(file, source, options.source);
        this.gzip = source.gzip;
    }
    /**
     * Reads the header line.
     *
     * @throws UserInputError for an empty file, an empty first line, a malformed or non-UTF-8
     *   header, or duplicate column names
     */
    async readHeader() {
        const window = this.window;
        await window.start();
        let lineEnd = findLineEnd(window.data);
        while (lineEnd < 0 && !window.final) {
            await window.advance(0, 1);
            lineEnd = findLineEnd(window.data);
        }
        if (lineEnd < 0)
            lineEnd = window.data.length;
        if (isBlank(window.data, 0, lineEnd))
            await this.rejectBlankHeader();
        const delimiter = this.options.delimiter ?? detectDelimiter(window.data, lineEnd);
        const tokenizer = new CsvTokenizer(this.file, delimiter.charCodeAt(0));
        // The tokenizer has the last word on where the header ends (the scan above guessed quotes).
        while (!tokenizer.read(window.data, 0, window.data.length, window.final, 1))
            await window.advance(0, 1);
        const data = window.data;
        const columns = [];
        const seen = new Map();
        for (let f = 0; f < tokenizer.fieldCount; f++) {
            const name = decodeField(data, tokenizer, f);
            const first = seen.get(name);
            if (first !== undefined) {
                const start = tokenizer.starts[f] - (tokenizer.flags[f] & QUOTED);
                throw new UserInputError(`duplicate column name "${name}" (fields ${first + 1} and ${f + 1}): column names must be unique`, { file: this.file, ...locate(data, 0, start, 1) });
            }
            seen.set(name, f);
            columns.push(name);
        }
        this.tokenizer = tokenizer;
        this.columnCount = columns.length;
        this.pos = tokenizer.next;
        this.line = this.options.range?.line ?? 2 + tokenizer.lineBreaks;
        this.delimiter = delimiter;
        return columns;
    }
    /**
     * Streams the records after the header as batches of `batchSize` rows.
     *
     * @throws UserInputError for malformed records (with line and column), a wrong number of
     *   fields, invalid UTF-8, or a truncated gzip file
     */
    async *rows() {
        const builder = new BatchBuilder(this.columnCount, this.options.batchSize);
        this.strings = Array.from({ length: this.columnCount }, () => new StringCache());
        const window = this.window;
        for (;;) {
            while (this.fill(builder, window.data, window.final))
                yield builder.take();
            if (window.final)
                break;
            await window.advance(this.pos, this.line);
            this.pos = 0;
        }
        if (builder.size > 0)
            yield builder.take();
    }
    async close() {
        await this.window.close();
    }
    /**
     * Parses whole records of `data` from `pos` into the builder.
     *
     * @returns true when it stopped because the batch is full (call again with the same data)
     */
    fill(builder, data, final) {
        const tokenizer = this.tokenizer;
        const parser = this.options.parser;
        const columnCount = this.columnCount;
        const strings = this.strings;
        const end = data.length;
        let pos = this.pos;
        let line = this.line;
        let full = false;
        while (pos < end && !full) {
            if (!tokenizer.read(data, pos, end, final, line))
                break;
            if (tokenizer.isBlankLine(pos)) {
                if (this.blankCount++ === 0)
                    this.blankLine = line;
                line++;
                pos = tokenizer.next;
                continue;
            }
            if (this.blankCount > 0) {
                // The empty lines were in the middle of the file after all.
                if (columnCount !== 1)
                    throw this.blankLineError();
                if (this.flushBlankLines(builder)) {
                    full = true;
                    break;
                }
            }
            if (tokenizer.fieldCount !== columnCount)
                throw this.fieldCountError(data, pos, line);
            const { starts, ends, flags } = tokenizer;
            const row = builder.size;
            for (let f = 0; f < columnCount; f++) {
                if ((flags[f] & ESCAPED) === 0) {
                    parser.parseBytes(data, starts[f], ends[f], builder.values[f], builder.kinds[f], row, strings[f]);
                }
                else {
                    parser.parseString(decodeField(data, tokenizer, f), builder.values[f], builder.kinds[f], row);
                }
            }
            full = builder.commit(line);
            line += 1 + tokenizer.lineBreaks;
            pos = tokenizer.next;
        }
        this.pos = pos;
        this.line = line;
        return full;
    }
    /** Emits the pending empty lines of a one-column file as missing values; true when the batch filled up. */
    flushBlankLines(builder) {
        while (this.blankCount > 0) {
            builder.values[0][builder.size] = null;
            builder.kinds[0][builder.size] = Kind.Missing;
            this.blankCount--;
            if (builder.commit(this.blankLine++))
                return true;
        }
        return false;
    }
    blankLineError() {
        return new UserInputError(`expected ${this.columnCount} fields (as in the header), found an empty line`, {
            file: this.file,
            line: this.blankLine
        });
    }
    fieldCountError(data, recordStart, line) {
        const { starts, ends, flags, fieldCount } = this.tokenizer;
        // Point at the first extra field, or just after the last field present.
        const offset = fieldCount > this.columnCount
            ? starts[this.columnCount] - (flags[this.columnCount] & QUOTED)
            : ends[fieldCount - 1] + (flags[fieldCount - 1] & QUOTED);
        return new UserInputError(`expected ${this.columnCount} field${this.columnCount === 1 ? '' : 's'} (as in the header), found ${fieldCount}`, {
            file: this.file,
            ...locate(data, recordStart, offset, line)
        });
    }
    /** The first line holds only whitespace: either the whole file does (empty) or the header is missing. */
    async rejectBlankHeader() {
        const window = this.window;
        let line = 1;
        for (;;) {
            const data = window.data;
            if (!isBlank(data, 0, data.length)) {
                throw new UserInputError('empty first line: expected the column names (the header) on line 1', {
                    file: this.file,
                    line: 1
                });
            }
            if (window.final)
                throw new UserInputError('empty file: expected a header line', { file: this.file });
            line += countLines(data, 0, data.length);
            await window.advance(data.length, line);
        }
    }
}
/** The text of field `f` of the tokenizer's last record, quotes removed and `""` unescaped. */
function decodeField(data, tokenizer, f) {
    const text = data.toString('utf8', tokenizer.starts[f], tokenizer.ends[f]);
    return (tokenizer.flags[f] & ESCAPED) === 0 ? text : text.replaceAll('""', '"');
}
/**
 * Offset of the first LF outside quotes, or -1. The delimiter is not known yet, so a quote opens
 * a quoted field when it starts the line or follows any candidate delimiter.
 */
function findLineEnd(data) {
    let quoted = false;
    let fieldStart = true;
    for (let i = 0; i < data.length; i++) {
        const c = data[i];
        if (quoted) {
            if (c === QUOTE) {
                if (data[i + 1] === QUOTE)
                    i++;
                else
                    quoted = false;
            }
        }
        else if (c === LF$1) {
            return i;
        }
        else {
            if (c === QUOTE && fieldStart)
                quoted = true;
            fieldStart = DELIMITER_CODES.includes(c);
        }
    }
    return -1;
}
/** The delimiter occurring most often outside quotes in `data[0, end)`; ties go to the earlier in `CSV_DELIMITERS`. */
function detectDelimiter(data, end) {
    const counts = DELIMITER_CODES.map(() => 0);
    let quoted = false;
    let fieldStart = true;
    for (let i = 0; i < end; i++) {
        const c = data[i];
        if (quoted) {
            if (c === QUOTE) {
                if (data[i + 1] === QUOTE)
                    i++;
                else
                    quoted = false;
            }
            continue;
        }
        if (c === QUOTE && fieldStart)
            quoted = true;
        const k = DELIMITER_CODES.indexOf(c);
        if (k >= 0)
            counts[k]++;
        fieldStart = k >= 0;
    }
    let best = 0;
    for (let k = 1; k < counts.length; k++)
        if (counts[k] > counts[best])
            best = k;
    return CSV_DELIMITERS[best];
}
function isBlank(data, start, end) {
    for (let i = start; i < end; i++) {
        const c = data[i];
        if (c !== SPACE$2 && c !== TAB$2 && c !== CR$1 && c !== LF$1)
            return false;
    }
    return true;
}

class JsonRowWriter {
    parser;
    columns;
    index;
    /** @param first the first object of the file: its keys are the columns */
    constructor(first, parser) {
        this.parser = parser;
        this.columns = Object.keys(first);
        this.index = new Map(this.columns.map((name, c) => [name, c]));
    }
    /** Writes `record` at row `builder.size` (the caller commits it), or says why it cannot. */
    write(record, builder) {
        const row = builder.size;
        const { values, kinds } = builder;
        for (let c = 0; c < this.columns.length; c++) {
            values[c][row] = null;
            kinds[c][row] = Kind.Missing;
        }
        let position = 0;
        for (const key in record) {
            // Objects usually list their keys in the header's order: check that before the map.
            const c = this.columns[position] === key ? position : this.index.get(key);
            if (c === undefined)
                return { kind: 'unknown-key', key };
            position = c + 1;
            const value = record[key];
            // The record is one level: its cell may nest MAX_JSON_DEPTH - 1 more.
            if (typeof value === 'object' &&
                value !== null &&
                jsonDepth(value, MAX_JSON_DEPTH - 1) >= MAX_JSON_DEPTH)
                return { kind: 'too-deep', key };
            if (!this.writeValue(value, values[c], kinds[c], row))
                return { kind: 'out-of-range', key };
        }
        return null;
    }
    /**
     * The message for a problem `write` reported.
     *
     * @param firstRecord where the first object is, e.g. `line 1` or `row 1`
     */
    explain(problem, firstRecord) {
        if (problem.kind === 'out-of-range') {
            return `the number in "${problem.key}" is out of range: expected a finite number (at most about 1.8e308)`;
        }
        if (problem.kind === 'too-deep') {
            return `the value of "${problem.key}" nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels: expected at most ${MAX_JSON_DEPTH}`;
        }
        const names = this.columns.slice(0, 10).map((name) => `"${name}"`);
        const expected = this.columns.length > 10 ? `${names.join(', ')}, … (${this.columns.length} columns)` : names.join(', ');
        return `key "${problem.key}" is not a column: the columns are fixed by the first record (${firstRecord}); expected only ${expected}`;
    }
    /** False for a number JSON.parse could only read as an infinity. */
    writeValue(value, values, kinds, row) {
        switch (typeof value) {
            case 'number':
                if (!Number.isFinite(value))
                    return false;
                values[row] = value;
                kinds[row] = Number.isSafeInteger(value) ? Kind.Integer : Kind.Number;
                return true;
            case 'string':
                this.parser.parseString(value, values, kinds, row);
                return true;
            case 'boolean':
                values[row] = value;
                kinds[row] = Kind.Boolean;
                return true;
            default:
                if (value !== null) {
                    values[row] = JSON.stringify(value);
                    kinds[row] = Kind.String;
                }
                return true;
        }
    }
}
/** How a parsed JSON value reads in a message: "an array", "a number", ... */
function describeJson(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    return `a ${typeof value}`;
}
/** Whether a parsed JSON value is a plain object (not an array, not null). */
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The text of a JSON.parse error without V8's position suffix, and that position when given. */
function jsonSyntaxError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = / in JSON at position (\d+)/.exec(message);
    return {
        reason: match ? message.slice(0, match.index) : message,
        position: match ? Number(match[1]) : null
    };
}

/**
 * The JSON array reader: a file holding `[{...}, {...}]`.
 *
 * Not streamed: the whole text is decoded and parsed with JSON.parse, so memory grows with the
 * file (about 3-5 times its size while parsing). That is fine for the small files people write
 * by hand or export from a notebook; for big data use JSON Lines (one object per line), which is
 * streamed. Rows follow `json-rows.ts` and are located by their 1-based position in the array
 * (unit `row`), since one line may hold many objects.
 */
const EXPECTED = 'expected a JSON array of objects, like [{"a": 1}, {"a": 2}]';
class JsonArrayReader {
    file;
    source;
    options;
    gzip;
    records = [];
    writer = null;
    constructor(file, source, options) {
        this.file = file;
        this.source = source;
        this.options = options;
        this.gzip = source.gzip;
    }
    /**
     * Reads and parses the whole file; the first object's keys are the columns.
     *
     * @throws UserInputError for invalid UTF-8 or JSON (with line and column), a top level that
     *   is not an array, or an empty array
     */
    async readHeader() {
        const text = await this.readText();
        if (text.trim() === '')
            throw new UserInputError(`empty file: ${EXPECTED}`, { file: this.file });
        // The array is one level, each object another: a cell may nest MAX_JSON_DEPTH - 1 more.
        const deep = tooDeepAt(text, MAX_JSON_DEPTH + 1);
        if (deep >= 0) {
            throw new UserInputError(`arrays and objects nest deeper than ${MAX_JSON_DEPTH + 1} levels: expected the array, its objects, and values nested at most ${MAX_JSON_DEPTH - 1} levels within them`, { file: this.file, ...textPosition(text, deep) });
        }
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            const { reason, position } = jsonSyntaxError(error);
            throw new UserInputError(`invalid JSON (${reason}): ${EXPECTED}`, {
                file: this.file,
                ...(position === null ? {} : textPosition(text, position))
            });
        }
        if (!Array.isArray(value)) {
            const hint = isJsonObject(value) ? ' (for one object per line, name the file .jsonl)' : '';
            throw new UserInputError(`found ${describeJson(value)}: ${EXPECTED}${hint}`, { file: this.file });
        }
        if (value.length === 0) {
            throw new UserInputError(`empty array: ${EXPECTED} (the first object defines the columns)`, {
                file: this.file
            });
        }
        this.records = value;
        this.writer = new JsonRowWriter(this.objectAt(0), this.options.parser);
        return this.writer.columns;
    }
    /**
     * @throws UserInputError for an element that is not an object or has a key that is not a column
     */
    async *rows() {
        const writer = this.writer;
        const builder = new BatchBuilder(writer.columns.length, this.options.batchSize);
        for (let r = 0; r < this.records.length; r++) {
            const problem = writer.write(this.objectAt(r), builder);
            if (problem !== null) {
                throw new UserInputError(`row ${r + 1}: ${writer.explain(problem, 'row 1')}`, { file: this.file });
            }
            if (builder.commit(r + 1))
                yield builder.take();
        }
        // The parsed array is the one big allocation of this reader: let it go.
        this.records = [];
        if (builder.size > 0)
            yield builder.take();
    }
    async close() {
        this.records = [];
    }
    objectAt(r) {
        const record = this.records[r];
        if (!isJsonObject(record)) {
            throw new UserInputError(`row ${r + 1} is ${describeJson(record)}: ${EXPECTED}`, { file: this.file });
        }
        return record;
    }
    /** The file as text: decompressed, checked as UTF-8, without a byte order mark. */
    async readText() {
        const chunks = [];
        try {
            for await (const chunk of this.source.chunks)
                chunks.push(chunk);
        }
        catch (error) {
            const lines = chunks.reduce((sum, chunk) => sum + countLines(chunk, 0, chunk.length), 0);
            throw gzipError(this.file, fileError(this.file, error), lines);
        }
        const bytes = Buffer.concat(chunks);
        if (!isUtf8(bytes)) {
            const offset = firstInvalidUtf8(bytes, 0, bytes.length);
            throw new UserInputError(INVALID_UTF8, { file: this.file, ...locate(bytes, 0, offset, 1) });
        }
        const text = bytes.toString('utf8');
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
}
/** Line and column (1-based) of a string index, as JSON.parse reports positions. */
function textPosition(text, index) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < index && i < text.length; i++) {
        if (text.charCodeAt(i) === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: index - lineStart + 1 };
}

/**
 * The JSON Lines reader: one JSON object per line, streamed.
 *
 * Lines end at LF (a CR before it is JSON whitespace). Blank lines are skipped but counted, so
 * `lines[i]` is the physical line of the object. Rows follow `json-rows.ts`. Each line is decoded
 * to a string for JSON.parse, one line at a time: memory is one chunk plus one batch.
 */
const LF = 0x0a;
const CR = 0x0d;
const SPACE$1 = 0x20;
const TAB$1 = 0x09;
/** Reads one JSON Lines file once: `readHeader()`, then `rows()`. */
class JsonLinesReader {
    file;
    options;
    gzip;
    window;
    writer = null;
    firstLine = 0;
    /** Offset in `window.data` of the next line, and its number. */
    pos = 0;
    line = 1;
    constructor(file, source, options) {
        this.file = file;
        this.options = options;
        this.window = new TextWindow(file, source, options.source);
        this.gzip = source.gzip;
    }
    /**
     * Reads up to the first object, whose keys are the columns. The object stays unread: it is
     * the first row.
     *
     * @throws UserInputError when there is no object, or the first non-blank line is not one
     */
    async readHeader() {
        const window = this.window;
        await window.start();
        for (;;) {
            const data = window.data;
            const found = this.nextLine(data, window.final);
            if (found !== null) {
                const record = this.parseLine(data, found.start, found.end);
                this.writer = new JsonRowWriter(record, this.options.parser);
                this.firstLine = this.line;
                const range = this.options.range;
                if (range && range.start > 0) {
                    // A later shard: the first object (the prefix) named the columns; its rows follow it.
                    this.pos = found.next;
                    this.line = range.line;
                }
                return this.writer.columns;
            }
            if (window.final) {
                throw new UserInputError('empty file: expected one JSON object per line', { file: this.file });
            }
            await window.advance(this.pos, this.line);
            this.pos = 0;
        }
    }
    /**
     * Streams the objects as batches of `batchSize` rows.
     *
     * @throws UserInputError for invalid JSON, a line that is not an object, a key that is not a
     *   column, invalid UTF-8, or a truncated gzip file
     */
    async *rows() {
        const writer = this.writer;
        const builder = new BatchBuilder(writer.columns.length, this.options.batchSize);
        const window = this.window;
        for (;;) {
            const data = window.data;
            let found;
            while ((found = this.nextLine(data, window.final)) !== null) {
                const problem = writer.write(this.parseLine(data, found.start, found.end), builder);
                if (problem !== null) {
                    const at = problem.kind === 'too-deep' ? tooDeepAt(data.toString('utf8', found.start, found.end)) : -1;
                    throw new UserInputError(writer.explain(problem, `line ${this.firstLine}`), {
                        file: this.file,
                        line: this.line,
                        column: at < 0 ? undefined : at + 1
                    });
                }
                const full = builder.commit(this.line);
                this.line++;
                this.pos = found.next;
                if (full)
                    yield builder.take();
            }
            if (window.final)
                break;
            await window.advance(this.pos, this.line);
            this.pos = 0;
        }
        if (builder.size > 0)
            yield builder.take();
    }
    async close() {
        await this.window.close();
    }
    /**
     * Finds the next non-blank line from `pos`, skipping (and counting) blank ones; `line` is then
     * its number. Null when no complete line is left in `data`.
     */
    nextLine(data, final) {
        while (this.pos < data.length) {
            const start = this.pos;
            let next = data.indexOf(LF, start);
            if (next < 0) {
                if (!final)
                    return null;
                next = data.length;
            }
            else {
                next++;
            }
            let end = next;
            while (end > start && isSpace(data[end - 1]))
                end--;
            if (end > start)
                return { start, end, next };
            this.pos = next;
            this.line++;
        }
        return null;
    }
    /** Parses one line as a JSON object. */
    parseLine(data, start, end) {
        let value;
        try {
            value = JSON.parse(data.toString('utf8', start, end));
        }
        catch (error) {
            const { reason, position } = jsonSyntaxError(error);
            throw new UserInputError(`invalid JSON (${reason}): expected one JSON object per line`, {
                file: this.file,
                line: this.line,
                column: position === null ? undefined : position + 1
            });
        }
        if (!isJsonObject(value)) {
            throw new UserInputError(`found ${describeJson(value)}: expected one JSON object per line`, {
                file: this.file,
                line: this.line
            });
        }
        return value;
    }
}
function isSpace(byte) {
    return byte === SPACE$1 || byte === TAB$1 || byte === CR || byte === LF;
}

/**
 * Reads the header and returns a `Table` whose `batches()` continues the same pass over the file
 * (so pipes work, and the header is not read twice). The file stays open until the rows are
 * iterated to the end (or the iteration stops early), or the header fails.
 */
async function tableFrom(file, format, reader) {
    let columns;
    try {
        columns = await reader.readHeader();
    }
    catch (error) {
        await reader.close();
        throw error;
    }
    let iterated = false;
    return {
        file,
        format,
        gzip: reader.gzip,
        unit: format === 'csv' || format === 'jsonl' ? 'line' : 'row',
        columns,
        batches() {
            if (iterated)
                throw new Error(`${file}: a table can be iterated once; open it again to read it again`);
            iterated = true;
            return rowsThenClose(reader);
        },
        close: () => reader.close()
    };
}
async function* rowsThenClose(reader) {
    try {
        yield* reader.rows();
    }
    finally {
        await reader.close();
    }
}

const SPACE = 0x20;
const TAB = 0x09;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const LOWER_CASE_BIT = 0x20;
/** Powers of ten that a double holds exactly; the fast path of `parseNumber` relies on that. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Digits that fit a double exactly whatever they are (10^15 < 2^53). */
const EXACT_DIGITS = 15;
const TRUE_BYTES = Buffer.from('true');
const FALSE_BYTES = Buffer.from('false');
class ValueParser {
    missing;
    /** Missing tokens as UTF-8 bytes, grouped by byte length. */
    missingByLength = [];
    /** `missingFirstByte[b]` is 1 when some non-empty missing token starts with byte `b`. */
    missingFirstByte = new Uint8Array(256);
    emptyIsMissing;
    /** Where `parseNumber` leaves its result: value and kind, or `Kind.String` when not a number. */
    numberValue = 0;
    numberKind = Kind.String;
    /** @param missing tokens read as missing values, compared exactly */
    constructor(missing) {
        this.missing = new Set(missing);
        this.emptyIsMissing = this.missing.has('');
        for (const token of this.missing) {
            if (token === '')
                continue;
            const bytes = Buffer.from(token, 'utf8');
            (this.missingByLength[bytes.length] ??= []).push(bytes);
            this.missingFirstByte[bytes[0]] = 1;
        }
    }
    /** Whether `text` is one of the missing tokens. */
    isMissing(text) {
        return this.missing.has(text);
    }
    /**
     * Types the UTF-8 token `data[start, end)` and stores it at `values[row]`, `kinds[row]`.
     * The bytes must be valid UTF-8 (readers check that before parsing).
     */
    parseBytes(data, start, end, values, kinds, row, strings) {
        if (start === end) {
            if (this.emptyIsMissing) {
                values[row] = null;
                kinds[row] = Kind.Missing;
            }
            else {
                values[row] = '';
                kinds[row] = Kind.String;
            }
            return;
        }
        if (this.missingFirstByte[data[start]] === 1 && this.isMissingBytes(data, start, end)) {
            values[row] = null;
            kinds[row] = Kind.Missing;
            return;
        }
        let from = start;
        let to = end;
        while (from < to && (data[from] === SPACE || data[from] === TAB))
            from++;
        while (to > from && (data[to - 1] === SPACE || data[to - 1] === TAB))
            to--;
        if (from < to) {
            const first = data[from];
            if ((first >= ZERO && first <= NINE) || first === MINUS || first === DOT || first === PLUS) {
                this.parseNumber(data, from, to);
                if (this.numberKind !== Kind.String) {
                    values[row] = this.numberValue;
                    kinds[row] = this.numberKind;
                    return;
                }
            }
            else if (to - from === 4 && matchesIgnoringCase(data, from, TRUE_BYTES)) {
                values[row] = true;
                kinds[row] = Kind.Boolean;
                return;
            }
            else if (to - from === 5 && matchesIgnoringCase(data, from, FALSE_BYTES)) {
                values[row] = false;
                kinds[row] = Kind.Boolean;
                return;
            }
        }
        values[row] = strings === undefined ? decodeUtf8(data, start, end) : strings.decode(data, start, end);
        kinds[row] = Kind.String;
    }
    /**
     * Stores a value that is text by nature (a JSON or Parquet string, a CSV field whose escaped
     * quotes rule out every other kind): missing when it is a missing token, else a string.
     */
    parseString(text, values, kinds, row) {
        if (this.missing.has(text)) {
            values[row] = null;
            kinds[row] = Kind.Missing;
        }
        else {
            values[row] = text;
            kinds[row] = Kind.String;
        }
    }
    isMissingBytes(data, start, end) {
        const candidates = this.missingByLength[end - start];
        if (candidates === undefined)
            return false;
        for (const token of candidates) {
            let k = 0;
            while (k < token.length && data[start + k] === token[k])
                k++;
            if (k === token.length)
                return true;
        }
        return false;
    }
    /**
     * Reads `[sign] digits [. digits] [e|E [sign] digits]` (at least one mantissa digit) from
     * `data[start, end)`, leaving the result in `numberValue` / `numberKind`.
     *
     * Up to 15 significant digits and a decimal exponent within ±22, `mantissa / 10^k` (or
     * `* 10^k`) is a single correctly rounded operation on exact operands (Clinger's fast path), so
     * it equals `Number(text)` without building the string. Other tokens go through `Number(text)`.
     */
    parseNumber(data, start, end) {
        this.numberKind = Kind.String;
        let i = start;
        let negative = false;
        if (data[i] === MINUS || data[i] === PLUS) {
            negative = data[i] === MINUS;
            i++;
        }
        let mantissa = 0;
        let digits = 0;
        let c = 0;
        while (i < end && (c = data[i]) >= ZERO && c <= NINE) {
            mantissa = mantissa * 10 + (c - ZERO);
            digits++;
            i++;
        }
        let fractionDigits = 0;
        let integer = true;
        if (i < end && data[i] === DOT) {
            integer = false;
            i++;
            while (i < end && (c = data[i]) >= ZERO && c <= NINE) {
                mantissa = mantissa * 10 + (c - ZERO);
                fractionDigits++;
                i++;
            }
            digits += fractionDigits;
        }
        if (digits === 0)
            return;
        let exponent = 0;
        if (i < end && (data[i] | LOWER_CASE_BIT) === LOWER_E) {
            integer = false;
            i++;
            let exponentNegative = false;
            if (i < end && (data[i] === MINUS || data[i] === PLUS)) {
                exponentNegative = data[i] === MINUS;
                i++;
            }
            const exponentStart = i;
            // Capped so that a long exponent cannot overflow; beyond the cap the slow path decides.
            while (i < end && (c = data[i]) >= ZERO && c <= NINE) {
                if (exponent < 100000)
                    exponent = exponent * 10 + (c - ZERO);
                i++;
            }
            if (i === exponentStart)
                return;
            if (exponentNegative)
                exponent = -exponent;
        }
        if (i !== end)
            return;
        let value;
        const scale = exponent - fractionDigits;
        if (digits <= EXACT_DIGITS && scale >= -22 && scale <= 22) {
            if (integer) {
                // At most 15 digits: below 2^53, so the mantissa is the value and a safe integer.
                this.numberValue = negative ? 0 - mantissa : mantissa;
                this.numberKind = Kind.Integer;
                return;
            }
            value = scale >= 0 ? mantissa * EXACT_POWERS_OF_TEN[scale] : mantissa / EXACT_POWERS_OF_TEN[-scale];
            if (negative)
                value = 0 - value;
        }
        else {
            value = Number(data.toString('latin1', start, end));
            if (!Number.isFinite(value))
                return;
            value = value === 0 ? 0 : value;
        }
        this.numberValue = value;
        this.numberKind = integer && Number.isSafeInteger(value) ? Kind.Integer : Kind.Number;
    }
}
/** Whether `data[start, start + word.length)` equals the lower-case ASCII `word`, ignoring case. */
function matchesIgnoringCase(data, start, word) {
    for (let k = 0; k < word.length; k++) {
        if ((data[start + k] | LOWER_CASE_BIT) !== word[k])
            return false;
    }
    return true;
}

/**
 * Opening a tabular file: CSV, JSON Lines, JSON array or Parquet, optionally gzipped.
 */
/** Extensions (after removing `.gz`) and the format each one means. */
const FORMAT_BY_EXTENSION = {
    '.csv': 'csv',
    '.tsv': 'csv',
    '.txt': 'csv',
    '.psv': 'csv',
    '.jsonl': 'jsonl',
    '.ndjson': 'jsonl',
    '.json': 'json',
    '.parquet': 'parquet',
    '.pq': 'parquet'
};
/** Extensions that name the delimiter; other CSV files have it detected from the header. */
const DELIMITER_BY_EXTENSION = { '.tsv': '\t', '.psv': '|' };
const FORMATS = ['csv', 'jsonl', 'json', 'parquet'];
/**
 * Opens a table file and reads its header; the rows are then streamed by `table.batches()`.
 *
 * Format: from the extension once a final `.gz` is removed — `.csv` `.tsv` `.txt` `.psv` (CSV),
 * `.jsonl` `.ndjson` (JSON Lines), `.json` (a JSON array of objects), `.parquet` `.pq` —
 * unless `options.format` says otherwise. Gzip: any file that starts with the gzip magic bytes
 * is decompressed while it is read, whatever its name.
 *
 * Defaults: the CSV delimiter is detected from the header line (`.tsv` means tab, `.psv` means
 * `|`); missing tokens `DEFAULT_MISSING_TOKENS` (`'' NA N/A null NaN`); batches of
 * `DEFAULT_BATCH_SIZE` (8192) rows. How each cell is typed: `value-parser.ts`; the rules of
 * each format: `csv.ts`, `jsonl.ts`, `json-array.ts`, `parquet.ts`.
 *
 * Memory: CSV, JSON Lines and Parquet are streamed (one chunk or one row group, plus one
 * batch); a JSON array is parsed whole (use JSON Lines for big files).
 *
 * @param file path, used as given in every message
 * @param options format, delimiter, missing tokens, batch size
 * @param source how bytes are read (tests use tiny chunks)
 * @returns the open table: its columns are known, its rows can be iterated once
 * @throws UserInputError for an unknown extension or invalid option, a missing file, or a
 *   header that cannot be read (empty file, duplicate column names, not Parquet, ...). Rows are
 *   checked as they stream: `batches()` throws `UserInputError`s that name the line.
 *
 * @example
 * const table = await openTable('data/train.csv.gz')
 * table.columns // ['id', 'Status', 'Seniority', ...]
 * for await (const batch of table.batches()) {
 *   for (let i = 0; i < batch.size; i++) batch.columns[0].values[i] // with batch.lines[i]
 * }
 */
async function openTable(file, options = {}, source = {}) {
    const { format, delimiter } = tableFormatOf(file, options);
    if (!FORMATS.includes(format)) {
        throw new UserInputError(`unknown format "${format}": expected one of ${FORMATS.join(', ')}`, { file });
    }
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new UserInputError(`batch size ${batchSize}: expected a positive integer`, { file });
    }
    const parser = new ValueParser(options.missing ?? DEFAULT_MISSING_TOKENS);
    const reader = await readerFor(file, format, delimiter, { ...options, batchSize }, parser, source);
    return tableFrom(file, format, reader);
}
async function readerFor(file, format, delimiter, options, parser, source) {
    const { batchSize } = options;
    const range = options.part?.bytes ?? null;
    const bytes = () => range === null ? openByteSource(file, source) : openRangeSource(file, range, source);
    switch (format) {
        case 'csv': {
            if (delimiter !== null && !CSV_DELIMITERS.includes(delimiter)) {
                throw new UserInputError(`delimiter ${JSON.stringify(delimiter)}: expected one of "," ";" "|" or a tab ("\\t")`, { file });
            }
            return new CsvReader(file, await bytes(), { delimiter, parser, batchSize, source, range });
        }
        case 'jsonl':
            return new JsonLinesReader(file, await bytes(), { parser, batchSize, source, range });
        case 'json':
            return new JsonArrayReader(file, await openByteSource(file, source), { parser, batchSize });
        case 'parquet': {
            // hyparquet and its codecs are loaded for Parquet files only, not parsed at every start.
            const { ParquetReader } = await import('./parquet.js');
            return new ParquetReader(file, { parser, batchSize });
        }
    }
}
/**
 * The format `openTable` reads `file` as, and (CSV) the delimiter the options or the extension
 * give (`null`: detected from the header).
 * @throws UserInputError for an unknown extension
 */
function tableFormatOf(file, options = {}) {
    const extension = extensionOf(file);
    const format = options.format ?? detectFormat(file, extension);
    return { format, delimiter: options.delimiter ?? DELIMITER_BY_EXTENSION[extension] ?? null };
}
/** The extension that names the format: `.csv` for `data.CSV.gz`. */
function extensionOf(file) {
    const name = file.toLowerCase().replace(/\.gz$/, '');
    return extname(name);
}
function detectFormat(file, extension) {
    const format = FORMAT_BY_EXTENSION[extension];
    if (format === undefined) {
        const known = Object.keys(FORMAT_BY_EXTENSION).join(' ');
        const found = extension === '' ? 'no file extension' : `unknown file extension "${extension}"`;
        throw new UserInputError(`${found}: expected one of ${known} (optionally followed by .gz), or give the format explicitly`, { file });
    }
    return format;
}

/**
 * Where the typed arrays of a block of staged rows live. A block filled by a worker thread and
 * added up by the main thread is shared memory, made once on the main thread (`sharedArrays`) and
 * taken up by the worker in the same order (`attachedArrays`): the two sides construct the same
 * classes, which ask for the same arrays, and pass nothing but the block's number afterwards.
 */
/** Arrays of this thread alone. */
const privateArrays = (Type, length) => new Type(new ArrayBuffer(length * Type.BYTES_PER_ELEMENT));
/** The arrays `sharedArrays` made into `buffers`, asked for in the same order with the same sizes. */
function attachedArrays(buffers) {
    let next = 0;
    return (Type, length) => {
        const buffer = buffers[next++];
        if (buffer === undefined || buffer.byteLength !== length * Type.BYTES_PER_ELEMENT) {
            throw new Error(`shared block arrays: array ${next - 1} does not match (${length} × ${Type.name})`);
        }
        return new Type(buffer);
    };
}

/**
 * Binary classification metrics from (label, score) rows, in one streaming pass, mergeable.
 *
 * Threshold metrics (accuracy … positive_rate) come from the weighted confusion counts; brier,
 * log_loss and ece from running sums; roc_auc and average_precision from the stored scores, sorted
 * once at finalize. Definitions follow scikit-learn 1.2 (see `catalog.ts`).
 */
/** log_loss clipping, as scikit-learn 1.2's `eps='auto'`: float64 machine epsilon. */
const LOG_LOSS_EPS = 2.220446049250313e-16;
const ECE_BINS = 10;
const ECE = 6; // ECE_BINS sums of w·(y − score), one per bin
/**
 * Binary rows decoded once for every segment accumulator they are added to (see `row-block.ts`):
 * the arguments of `addHashed`, one typed array each.
 */
class BinaryRows {
    label;
    score;
    hash;
    weight;
    loss;
    /** What every segment would compute again: the ECE bin's field and the hash sample rank. */
    bin;
    rank;
    constructor(capacity, allocate = privateArrays) {
        this.label = allocate(Uint8Array, capacity);
        this.score = allocate(Float64Array, capacity);
        this.hash = allocate(Uint32Array, capacity);
        this.weight = allocate(Float64Array, capacity);
        this.loss = allocate(Float64Array, capacity);
        this.bin = allocate(Uint8Array, capacity);
        this.rank = allocate(Uint32Array, capacity);
    }
    /** Row `r`: as `addHashed(label, score, hash, weight)`, its log loss computed here. */
    set(r, label, score, hash, weight) {
        this.label[r] = label;
        this.score[r] = score;
        this.hash[r] = hash;
        this.weight[r] = weight;
        this.loss[r] = binaryLogLoss(label, score);
        this.bin[r] = eceBin(score);
        this.rank[r] = sampleRank(hash);
    }
}
/** scikit-learn 1.2's per-row log loss: probabilities [1 − p, p] clipped to [ε, 1 − ε], renormalised. */
function binaryLogLoss(label, score) {
    const positive = Math.min(Math.max(score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    const negative = Math.min(Math.max(1 - score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    return -Math.log((label === 1 ? positive : negative) / (positive + negative));
}
/** The field of the ECE bin of a score: 10 equal-width bins over [0, 1], the ends included. */
function eceBin(score) {
    return ECE + Math.max(0, Math.min(Math.floor(score * ECE_BINS), ECE_BINS - 1));
}

/**
 * The numbers a predictions file may hold, so that every metric of a valid file is finite.
 *
 * Why bounds rather than rescaling: the accumulators stream, so the scale of the weights is not
 * known until the last row. Their sums multiply up to four totals of weights (MCC's denominator,
 * the (Σw)² of ROC AUC and of Kish's effective size) and regression keeps Σw·e². With weights in
 * [1e-50, 1e50] and regression values within ±1e100, each of those stays inside float64's normal
 * range (about 2.2e-308 to 1.8e308) for any number of rows up to 2^53: (2^53·1e50)^4 ≈ 7e263,
 * 2^53·1e50·(2e100)² ≈ 4e266, (1e-50)^4 = 1e-200. Inside these bounds weights are scale-free:
 * multiplying them all by a constant changes no metric beyond rounding (test/metrics/input-range).
 */
/** The largest sample weight. */
const MAX_WEIGHT = 1e50;
/** The smallest positive sample weight (0 is allowed: the row counts for nothing). */
const MIN_POSITIVE_WEIGHT = 1e-50;
/** The largest magnitude of a regression label or prediction. */
const MAX_REGRESSION_MAGNITUDE = 1e100;
/** `weight` (finite, checked before) is 0 or within [MIN_POSITIVE_WEIGHT, MAX_WEIGHT]. */
function isWeightInRange(weight) {
    return weight === 0 || (weight >= MIN_POSITIVE_WEIGHT && weight <= MAX_WEIGHT);
}
/** What a weight must be, in the words of error messages. */
const WEIGHT_RANGE_TEXT = '0 or a number in [1e-50, 1e50]';
/** What a regression value must be, in the words of error messages. */
const REGRESSION_RANGE_TEXT = 'a number in [-1e100, 1e100]';

/**
 * Multiclass classification metrics from (true class, predicted class, probabilities) rows, in one
 * streaming pass, mergeable. Every average runs over all declared classes, present or not, as
 * scikit-learn does when given `labels=classes` (a class absent from a segment counts as 0).
 */
/**
 * Multiclass rows decoded once for every segment accumulator they are added to: `add`'s arguments,
 * a prediction of -1 standing for `null` and row r's probabilities at `[r·K, (r + 1)·K)`.
 */
class MulticlassRows {
    classes;
    label;
    prediction;
    probabilities;
    rowKey;
    weight;
    constructor(capacity, classes, withProbabilities, allocate = privateArrays) {
        this.classes = classes;
        this.label = allocate(Int32Array, capacity);
        this.prediction = allocate(Int32Array, capacity);
        this.probabilities = withProbabilities ? allocate(Float64Array, capacity * classes) : null;
        this.rowKey = allocate(Float64Array, capacity);
        this.weight = allocate(Float64Array, capacity);
    }
    set(r, label, prediction, probabilities, rowKey, weight) {
        this.label[r] = label;
        this.prediction[r] = prediction ?? -1;
        if (this.probabilities && probabilities) {
            for (let c = 0; c < this.classes; c++)
                this.probabilities[r * this.classes + c] = probabilities[c];
        }
        this.rowKey[r] = rowKey;
        this.weight[r] = weight;
    }
}

/**
 * Regression metrics from (y, prediction) rows, in one streaming pass, mergeable.
 *
 * mae, rmse, mape and r2 come from running sums (the mean and spread of y by West's weighted
 * update, so r2 stays exact when y is large and nearly constant), kept also per bootstrap bucket;
 * median_ae from the stored absolute errors, sorted once at finalize.
 */
/** Regression rows decoded once for every segment accumulator they are added to: `add`'s arguments. */
class RegressionRows {
    y;
    prediction;
    rowKey;
    weight;
    constructor(capacity, allocate = privateArrays) {
        this.y = allocate(Float64Array, capacity);
        this.prediction = allocate(Float64Array, capacity);
        this.rowKey = allocate(Float64Array, capacity);
        this.weight = allocate(Float64Array, capacity);
    }
    set(r, y, prediction, rowKey, weight) {
        this.y[r] = y;
        this.prediction[r] = prediction;
        this.rowKey[r] = rowKey;
        this.weight[r] = weight;
    }
}

/**
 * Which segments the rows of a block belong to, so that rows can be added segment by segment.
 *
 * Why: every row lands in several segment accumulators (`all` and one per family), and each adds it
 * to one of its 1024 bootstrap buckets (128 KiB of sums per segment). Adding row by row visits the
 * buckets of every segment in turn, so nearly every add misses the cache once there are more than
 * a few segments. Adding a block's rows one segment at a time keeps that segment's buckets in cache,
 * and still adds each segment's rows in file order: the same sums, bit for bit.
 */
class RowBlock {
    perRow;
    capacity;
    /** Rows staged in the block. */
    size = 0;
    /** Row r's segments: `ordinals[r·perRow + slot]`, one slot per family (and one for `all`). */
    ordinals;
    /** One slot's row indices grouped by segment (filled by `drain`). */
    members;
    counts = new Uint32Array(0);
    /**
     * @param largestOrdinal an upper bound of the ordinals: 16 bits a slot when it fits
     * @param allocate where the ordinals live (shared memory when a worker thread stages the rows)
     */
    constructor(perRow, capacity, largestOrdinal = 0xffffffff, allocate = privateArrays) {
        this.perRow = perRow;
        this.capacity = capacity;
        this.ordinals =
            largestOrdinal <= 0xffff
                ? allocate(Uint16Array, perRow * capacity)
                : allocate(Uint32Array, perRow * capacity);
        this.members = new Uint32Array(capacity);
    }
    get full() {
        return this.size === this.capacity;
    }
    /** Row `row` belongs to the segment numbered `ordinal` through family slot `slot`. */
    assign(row, slot, ordinal) {
        this.ordinals[row * this.perRow + slot] = ordinal;
    }
    /** The staged rows' segment ordinals, row after row (a view, valid until the next drain). */
    slots() {
        return this.ordinals.subarray(0, this.size * this.perRow);
    }
    /**
     * Calls `visit(ordinal, rows)` for each segment with rows in the block, slot by slot and by
     * ordinal within a slot, with the segment's row indices ascending (a counting sort per slot);
     * then empties the block.
     */
    drain(segmentCount, visit) {
        if (this.counts.length < segmentCount + 1)
            this.counts = new Uint32Array(2 * segmentCount + 1);
        const next = this.counts;
        const { ordinals, members, perRow, size } = this;
        for (let slot = 0; slot < perRow; slot++) {
            next.fill(0, 0, segmentCount + 1);
            for (let k = slot; k < size * perRow; k += perRow)
                next[ordinals[k] + 1]++;
            for (let s = 0; s < segmentCount; s++)
                next[s + 1] += next[s];
            // next[s] is now where segment s's rows start; it advances as they are placed.
            for (let row = 0, k = slot; row < size; row++, k += perRow)
                members[next[ordinals[k]]++] = row;
            // next[s] is now where segment s's rows end, which is where segment s + 1's start.
            for (let s = 0, start = 0; s < segmentCount; s++) {
                const end = next[s];
                if (end > start)
                    visit(s, members.subarray(start, end));
                start = end;
            }
        }
        this.size = 0;
    }
}

/**
 * The ids of one predictions file (`model.id`), checked as the rows are staged: each id at most
 * once, and a fingerprint of the (id, label) pairs, so that two files can be told to hold the same
 * rows with the same labels without a second pass over either.
 *
 * Why ids must be distinct: a row's id keys its bootstrap resamples (`poisson-bootstrap.ts`), so
 * rows sharing an id are resampled together, which narrows no interval honestly (n copies of a
 * row collapse an interval towards a point), and a repeated id cannot be matched with one row of
 * the other model's file.
 */
/** Why every row needs a distinct id, as the errors for a repeated id say it. */
const DISTINCT_IDS = 'every row needs a distinct id (rows sharing an id cannot be matched one to one with the other ' +
    "model's rows, and would be resampled together, narrowing every interval)";
/**
 * Distinct ids. Numbers sit in a `NumberSet` (a paged bitmap for the usual integer ids: about
 * 1.25 MB for ids 1 to 10 million, no allocation per row), text in a `Set`.
 */
class IdSet {
    numbers = new NumberSet();
    texts = new Set();
    /** Adds `id`; false when the set already had it. */
    add(id) {
        if (typeof id === 'number')
            return this.numbers.add(id);
        const text = typeof id === 'string' ? id : String(id);
        const size = this.texts.size;
        return this.texts.add(text).size > size;
    }
    has(id) {
        return typeof id === 'number' ? this.numbers.has(id) : this.texts.has(String(id));
    }
    get size() {
        return this.numbers.size + this.texts.size;
    }
    /** The set as JSON (a byte shard's ids, for the merge): `IdSet.fromState` restores it. */
    toState() {
        return { numbers: this.numbers.toState(), texts: [...this.texts].sort() };
    }
    /** Restores a `toState()` object; throws an `Error` saying what is wrong. */
    static fromState(state) {
        const set = new IdSet();
        set.numbers.addAll(NumberSet.fromState(state.numbers));
        for (const text of state.texts)
            set.texts.add(text);
        return set;
    }
    /** The ids this set shares with `other`; `null` for none. */
    shared(other) {
        const numbers = this.numbers.shared(other.numbers);
        let count = numbers?.count ?? 0;
        let text = null;
        for (const id of this.texts) {
            if (!other.texts.has(id))
                continue;
            count++;
            if (text === null || id < text)
                text = id;
        }
        return count === 0 ? null : { count, id: numbers?.least ?? text };
    }
    /** Adds every id of `other`. */
    addAll(other) {
        this.numbers.addAll(other.numbers);
        for (const id of other.texts)
            this.texts.add(id);
    }
}
/**
 * An order-independent fingerprint of the (id, label) pairs of a file: a `RowDigest` of
 * `fmix32(rowHash ^ labelHash)` per row. Two files with the same ids (equal row digests) and equal
 * label digests have the same label for every id (up to a 2⁻⁶⁴ accident).
 *
 * Labels are hashed by value: a regression label by its float bits; a classification label by its
 * text (`1` read as a number and `"1"` read as text are the same label, as the binary task's
 * positive label treats them), computed once per distinct value.
 */
class LabelDigest {
    numeric;
    digest = new RowDigest();
    texts = new Map();
    constructor(numeric) {
        this.numeric = numeric;
    }
    /** Adds a row: its `rowHash(seed, rowKey)` and its label's raw value. */
    add(rowHash, label) {
        this.digest.add(fmix32(rowHash ^ this.labelHash(label)));
    }
    labelHash(label) {
        if (this.numeric && typeof label === 'number')
            return hashFloat64(label === 0 ? 0 : label);
        let hash = this.texts.get(label);
        if (hash === undefined) {
            hash = rowKeyOf(String(label)) >>> 0;
            if (this.texts.size < 10_000)
                this.texts.set(label, hash);
        }
        return hash;
    }
    toState() {
        return this.digest.toState();
    }
}

/**
 * Reading a predictions file into blocks of staged rows: each row checked, decoded into typed
 * arrays (`BinaryRows`, `MulticlassRows`, `RegressionRows`) and assigned its segments (`RowBlock`).
 * This is the half of `evaluatePredictions` that reads; the other half adds the blocks up. The two
 * halves share nothing but the blocks and the segments announced along the way, so this one can
 * run on a worker thread (`staging-thread.ts`) while the main thread adds the previous block.
 */
/**
 * Segments one family (a column, a binned column or a cross) may have. Each segment's accumulator
 * holds about 130 KB of bootstrap buckets, so 1,000 segments cost about 130 MB; a column with
 * 10,000 values would need 1.3 GB and is almost always an id or free text by mistake.
 */
const MAX_SEGMENTS_PER_FAMILY = 1000;
/**
 * An empty block for the plan; `allocate` says where its arrays live. Built the same way on both
 * sides of a thread, so both see the same arrays (see `block-memory.ts`).
 */
function stagedBlock(plan, columns, allocate = privateArrays) {
    const families = segmentFamilies(plan.settings.segments).length;
    const capacity = plan.blockRows;
    const block = new RowBlock(families + 1, capacity, families * MAX_SEGMENTS_PER_FAMILY, allocate);
    const task = plan.settings.model.task;
    const rows = task === 'binary'
        ? new BinaryRows(capacity, allocate)
        : task === 'multiclass'
            ? new MulticlassRows(capacity, plan.classes.length, columns.probabilities.length > 0, allocate)
            : new RegressionRows(capacity, allocate);
    return { block, rows };
}
/**
 * Reads every row of `table`, stages it into `first` (then into the blocks `sink.full` returns) and
 * announces each new segment to `sink` before handing over a block with its rows. With `only`
 * (ids), the rows whose id is not in it are checked but not staged.
 *
 * @throws UserInputError for a row whose label, score, prediction, weight, id or binned value
 *   cannot be used (weights and regression values out of `input-range.ts`' bounds too), at that
 *   row's line; for an id seen before (naming both lines); for a family with more than 1,000
 *   segments; for a file without rows or without a positive weight
 */
async function stageRows(table, plan, columns, first, sink, only = null) {
    const { settings } = plan;
    const model = settings.model;
    const families = segmentFamilies(settings.segments);
    const familyColumns = families.map((f) => f.parts.map((p) => table.columns.indexOf(p.column)));
    const totals = { weight: 0 };
    const decode = rowDecoder(table.file, model, columns, plan.classes, settings.bootstrap.seed, totals);
    const ordinals = new Map();
    let segmentCount = 1; // `all`
    // A one-column family's segment is a function of the row's value: looked up by the value itself,
    // skipping the label, key and Map of `segmentOf` for every row (a binned column's cache is capped:
    // its values may all differ).
    const byValue = families.map((f) => (f.parts.length === 1 ? new Map() : null));
    const familySizes = new Array(families.length).fill(0);
    let staged = first;
    // The first blocks are smaller (1/8, 1/4, 1/2 of a block), so that the rows can start being added
    // while the rest are still read: a worker thread's first block arrives in 1/8 of the time.
    let limit = Math.max(1, first.block.capacity >> 3);
    let rows = 0;
    let skipped = 0;
    const ids = columns.id < 0 ? null : new IdSet();
    const labels = columns.id < 0 ? null : new LabelDigest(model.task === 'regression');
    const seed = settings.bootstrap.seed;
    // A shard's rows keep the keys they have in a single run (`partition.ts`).
    const rowBase = plan.read.part?.rowBase ?? 0;
    // A byte range may hold no rows, or only rows of weight 0: the merge of the shards judges that.
    const whole = (plan.read.part?.bytes ?? null) === null;
    // The batch's values of each one-column family's column.
    const familyValues = new Array(families.length);
    for await (const batch of table.batches()) {
        for (let f = 0; f < families.length; f++)
            familyValues[f] = batch.columns[familyColumns[f][0]].values;
        const idValues = ids === null ? null : batch.columns[columns.id].values;
        const labelValues = batch.columns[columns.label].values;
        for (let i = 0; i < batch.size; i++) {
            let rowKey = rowBase + rows + i;
            if (idValues !== null) {
                const id = idValues[i];
                if (id === null) {
                    throw new UserInputError(`the id column '${model.id}' is empty; every row needs an id`, {
                        file: table.file,
                        line: batch.lines[i]
                    });
                }
                rowKey = idKey(id);
                if (!ids.add(id))
                    await repeatedId(plan, columns.id, id, batch.lines[i]);
                if (only !== null && !only.has(id)) {
                    skipped++;
                    continue;
                }
                labels.add(rowHash(seed, rowKey), labelValues[i]);
            }
            const block = staged.block;
            const r = block.size;
            block.assign(r, 0, 0);
            for (let f = 0; f < families.length; f++) {
                const cache = byValue[f];
                let ordinal;
                if (cache === null) {
                    ordinal = segmentOf(families, f, familyColumns[f], batch, i);
                }
                else {
                    const value = familyValues[f][i];
                    ordinal = cache.get(value);
                    if (ordinal === undefined) {
                        ordinal = segmentOf(families, f, familyColumns[f], batch, i);
                        if (cache.size < VALUE_CACHE_LIMIT)
                            cache.set(value, ordinal);
                    }
                }
                block.assign(r, f + 1, ordinal);
            }
            decode(batch, i, rowKey, r, staged.rows);
            block.size++;
            if (block.size === limit) {
                staged = await sink.full(staged);
                limit = Math.min(2 * limit, staged.block.capacity);
            }
        }
        rows += batch.size;
    }
    // Nothing to evaluate is bad input, not a run whose every gate has no evidence.
    if (rows === 0 && whole)
        throw new UserInputError('no rows to evaluate: expected at least one row of predictions', {
            file: table.file
        });
    if (columns.weight >= 0 && totals.weight === 0 && whole)
        throw allWeightsZero(model.weight, table.file);
    await sink.full(staged);
    return {
        rows: rows - skipped,
        labels: labels?.toState() ?? null,
        ids: whole ? null : (ids?.toState() ?? null)
    };
    /** The ordinal of row i's segment in family f, announced at its first row. */
    function segmentOf(all, f, cols, batch, i) {
        const parts = all[f].parts;
        const labels = new Array(parts.length);
        for (let p = 0; p < parts.length; p++) {
            const value = batch.columns[cols[p]].values[i];
            const label = parts[p].label(value);
            if (label === undefined) {
                throw new UserInputError(`column '${parts[p].column}' is binned, so it must hold numbers; found ${JSON.stringify(value)}`, { file: table.file, line: batch.lines[i] });
            }
            labels[p] = label;
        }
        const key = segmentKey(labels);
        let ordinal = ordinals.get(key);
        if (ordinal === undefined) {
            if (++familySizes[f] > MAX_SEGMENTS_PER_FAMILY) {
                throw new UserInputError(`segments of '${all[f].name}': more than ${MAX_SEGMENTS_PER_FAMILY} distinct segments (this row brings ` +
                    `${JSON.stringify(key)}); each segment keeps its own metrics (about 130 KB), so a column of ids or ` +
                    'free text cannot be a segment. Segment by a column with fewer values, or bin a numeric one (`bins`)', { file: table.file, line: batch.lines[i] });
            }
            ordinal = segmentCount++;
            ordinals.set(key, ordinal);
            sink.segment({ key, family: f, labels });
        }
        return ordinal;
    }
}
/** Distinct values remembered per one-column segment family (see `byValue`). */
const VALUE_CACHE_LIMIT = 10_000;
/**
 * Where the settings' columns are in the table.
 * @throws UserInputError for a missing column, with the closest name
 */
function resolveColumns(table, settings) {
    const { model } = settings;
    const find = (column, role, required) => {
        if (column === undefined) {
            if (required)
                throw new UserInputError(`the ${model.task} task needs ${role}`);
            return -1;
        }
        const index = table.columns.indexOf(column);
        if (index < 0) {
            throw new UserInputError(`${role} '${column}' is not a column of ${table.file}${didYouMean(column, table.columns)}; ` +
                `its columns are ${table.columns.join(', ')}`, { file: table.file, line: 1 });
        }
        return index;
    };
    for (const column of segmentColumns(settings.segments))
        find(column, 'the segment column', true);
    const prefix = model.score_prefix;
    const probabilities = [];
    const probabilityClasses = [];
    if (model.task === 'multiclass') {
        table.columns.forEach((name, index) => {
            if (name.startsWith(prefix) && name.length > prefix.length) {
                probabilities.push(index);
                probabilityClasses.push(name.slice(prefix.length));
            }
        });
        if (probabilities.length === 0 && model.prediction === undefined) {
            throw new UserInputError(`no probability columns named '${prefix}<class>' and no prediction column in ${table.file}; ` +
                `set the score prefix or the prediction column`, { file: table.file, line: 1 });
        }
    }
    return {
        label: find(model.label, 'the label column', true),
        score: model.task === 'binary'
            ? find(model.score, 'a score column (the probability of the positive class)', true)
            : -1,
        prediction: model.task === 'regression'
            ? find(model.prediction, 'a prediction column', true)
            : model.task === 'multiclass'
                ? find(model.prediction, 'the prediction column', false)
                : -1,
        weight: find(model.weight, 'the weight column', false),
        id: find(model.id, 'the id column', false),
        probabilities,
        probabilityClasses
    };
}
function idKey(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? value
        : rowKeyOf(String(value));
}
/**
 * Throws for `id`, seen again at line `again`, naming the line it was first seen at: found by
 * reading the file again from the start, so that the rows' pass keeps no line per id.
 */
async function repeatedId(plan, column, id, again) {
    const table = await openTable(plan.file, plan.read);
    let first;
    try {
        search: for await (const batch of table.batches()) {
            const values = batch.columns[column].values;
            for (let i = 0; i < batch.size; i++) {
                if (values[i] === id) {
                    first = batch.lines[i];
                    break search;
                }
            }
        }
    }
    finally {
        await table.close();
    }
    throw new UserInputError(`the id column '${plan.settings.model.id}' repeats the id ${JSON.stringify(id)}, first seen at line ${first}; ` +
        DISTINCT_IDS, { file: table.file, line: again });
}
/**
 * Checks each row's label, score or prediction and weight. Every problem is a `UserInputError` at
 * the row's line that says what was expected.
 */
function rowDecoder(file, model, columns, classes, seed, totals) {
    const fail = (batch, i, message) => {
        throw new UserInputError(message, { file, line: batch.lines[i] });
    };
    const number = (batch, i, column, name, what) => {
        const value = batch.columns[column].values[i];
        if (typeof value !== 'number' || !Number.isFinite(value)) {
            fail(batch, i, `${name} '${model[name]}' must be ${what}; found ${describe(value)}`);
        }
        return value;
    };
    const regressionValue = (batch, i, column, name) => {
        const v = number(batch, i, column, name, REGRESSION_RANGE_TEXT);
        if (!(Math.abs(v) <= MAX_REGRESSION_MAGNITUDE)) {
            fail(batch, i, `${name} '${model[name]}' must be ${REGRESSION_RANGE_TEXT}; found ${v}`);
        }
        return v;
    };
    const weightOf = (batch, i) => {
        if (columns.weight < 0)
            return 1;
        const w = number(batch, i, columns.weight, 'weight', WEIGHT_RANGE_TEXT);
        if (!isWeightInRange(w))
            fail(batch, i, `weight '${model.weight}' must be ${WEIGHT_RANGE_TEXT}; found ${w}`);
        totals.weight += w;
        return w;
    };
    const labelText = (batch, i) => {
        const value = batch.columns[columns.label].values[i];
        if (value === null)
            fail(batch, i, `label '${model.label}' is missing; every row needs a label`);
        return String(value);
    };
    if (model.task === 'binary') {
        const positive = String(model.positive);
        let negative;
        // The 0/1 label of each raw value seen (at most two: a third fails), so that the text of a
        // label is built and checked once per distinct value, not once per row.
        const labels = new Map();
        return (batch, i, rowKey, r, rows) => {
            let label = labels.get(batch.columns[columns.label].values[i]);
            if (label === undefined) {
                label = binaryLabel(batch, i);
                labels.set(batch.columns[columns.label].values[i], label);
            }
            const score = number(batch, i, columns.score, 'score', 'a probability in [0, 1]');
            if (score < 0 || score > 1)
                fail(batch, i, `score '${model.score}' must be a probability in [0, 1]; found ${score}`);
            rows.set(r, label, score, rowHash(seed, rowKey), weightOf(batch, i));
        };
        function binaryLabel(batch, i) {
            const text = labelText(batch, i);
            if (text !== positive) {
                negative ??= text;
                if (text !== negative) {
                    fail(batch, i, `label '${model.label}' has a third value ${JSON.stringify(text)}; a binary task expects two: ` +
                        `the positive label ${JSON.stringify(positive)} and one other (seen: ${JSON.stringify(negative)}). ` +
                        `Set the positive label, or use the multiclass task`);
                }
            }
            return text === positive ? 1 : 0;
        }
    }
    if (model.task === 'multiclass') {
        const index = new Map(classes.map((c, k) => [c, k]));
        const probabilities = new Float64Array(columns.probabilities.length);
        const hasProbabilities = columns.probabilities.length > 0;
        const classOf = (batch, i, text, role) => {
            const k = index.get(text);
            if (k === undefined) {
                fail(batch, i, `${role} ${JSON.stringify(text)} is not one of the classes ${classes.join(', ')}`);
            }
            return k;
        };
        return (batch, i, rowKey, r, rows) => {
            const label = classOf(batch, i, labelText(batch, i), `label '${model.label}'`);
            let prediction = null;
            if (columns.prediction >= 0) {
                const value = batch.columns[columns.prediction].values[i];
                if (value === null)
                    fail(batch, i, `prediction '${model.prediction}' is missing`);
                prediction = classOf(batch, i, String(value), `prediction '${model.prediction}'`);
            }
            for (let k = 0; k < columns.probabilities.length; k++) {
                const p = batch.columns[columns.probabilities[k]].values[i];
                if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
                    fail(batch, i, `'${model.score_prefix}${classes[k]}' must be a probability in [0, 1]; found ${describe(p)}`);
                }
                probabilities[k] = p;
            }
            const staged = rows;
            staged.set(r, label, prediction, hasProbabilities ? probabilities : null, rowKey, weightOf(batch, i));
        };
    }
    return (batch, i, rowKey, r, rows) => {
        const y = regressionValue(batch, i, columns.label, 'label');
        const prediction = regressionValue(batch, i, columns.prediction, 'prediction');
        rows.set(r, y, prediction, rowKey, weightOf(batch, i));
    };
}
function describe(value) {
    return value === null ? 'a missing value' : JSON.stringify(value);
}
/** Every row of the input has weight 0: thrown by a whole file's run and by the merge of its byte shards. */
function allWeightsZero(weight, file) {
    return new UserInputError(`every row's weight '${weight}' is 0: there is nothing to evaluate; expected at least one positive weight`, { file });
}

/**
 * Where the rows of a predictions file are read and staged (`row-stager.ts`): on a worker thread
 * when the file is big, so that reading block k + 1 overlaps adding block k up on the main thread.
 * Reading is about half of an evaluation's time on a large file, and a GitHub runner has 2 cores.
 *
 * The two threads share BLOCKS blocks in shared memory (`block-memory.ts`). The worker fills a free
 * block and posts its number with the segments met since the last one; the main thread adds the
 * block up and posts the number back. Each block is added in file order and each segment gets its
 * rows in file order, so the results are those of reading on one thread, bit for bit.
 *
 * After reading, the reading worker is ended (its heap holds the reader's garbage) and a fresh one
 * takes work the main thread would do next: the bootstrap replicate sums (`SpareThread`), while the
 * main thread sorts the scores.
 */
/** A worker's side: the work its `workerData` names. */
async function serveThread(data) {
    if (data.role === 'stage')
        return serveStaging(data.plan, data.buffers);
    const port = parentPort;
    port.on('message', (message) => {
        if (message.type !== 'combine')
            return;
        const replicates = message.sums.map((sums) => combineBuckets(sums, message.width, message.bootstrap));
        port.postMessage({ type: 'combined', replicates }, replicates.map((r) => r.buffer));
    });
}
/** Reads the file into the shared blocks as the main thread frees them. */
async function serveStaging(plan, buffers) {
    const port = parentPort;
    const free = [];
    let wake = null;
    port.on('message', (message) => {
        if (message.type !== 'free')
            return;
        free.push(message.block);
        wake?.();
        wake = null;
    });
    try {
        const table = await openTable(plan.file, plan.read);
        const columns = resolveColumns(table, plan.settings);
        const blocks = buffers.map((shared) => stagedBlock(plan, columns, attachedArrays(shared)));
        for (const block of blocks.keys())
            free.push(block);
        let segments = [];
        const next = async () => {
            while (free.length === 0)
                await new Promise((resolve) => (wake = resolve));
            return blocks[free.shift()];
        };
        const read = await stageRows(table, plan, columns, await next(), {
            segment: (segment) => segments.push(segment),
            full: (staged) => {
                const message = {
                    type: 'block',
                    block: blocks.indexOf(staged),
                    size: staged.block.size,
                    segments
                };
                port.postMessage(message);
                segments = [];
                // The main thread empties its own view of the block; this one must start again at row 0.
                staged.block.size = 0;
                return next();
            }
        });
        port.postMessage({ type: 'done', ...read });
    }
    catch (error) {
        port.postMessage((error instanceof UserInputError
            ? { type: 'failed', message: error.message, location: error.location }
            : {
                type: 'crashed',
                message: error instanceof Error ? error.message : String(error),
                stack: error instanceof Error ? error.stack : undefined
            }));
    }
    finally {
        port.close();
    }
}

var stagingThread = /*#__PURE__*/Object.freeze({
    __proto__: null,
    serveThread: serveThread
});

export { BatchBuilder as B, Kind as K, MAX_JSON_DEPTH as M, fileError as f, gzipError as g, isGzipFile as i, stagingThread as s };
