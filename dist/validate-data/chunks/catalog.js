import { extname } from 'node:path';
import { U as UserInputError, D as DEFAULT_MAX_RECORD_BYTES, g as gzipError, f as fileError, B as BatchBuilder, K as Kind, j as jsonDepth, M as MAX_JSON_DEPTH, t as tooDeepAt, a as DEFAULT_BATCH_SIZE, b as DEFAULT_MISSING_TOKENS, o as openByteSource } from './batch.js';
import { isUtf8 } from 'node:buffer';

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
 * murmur3's 32-bit finaliser (fmix32): a bijective mixer whose output bits each depend on every
 * input bit. ml-gate's seeded, order-independent randomness (bootstrap buckets, reservoir keys,
 * HyperLogLog registers) is built on it, so results depend on the data and the seed only.
 */
function fmix32(h) {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
/**
 * A well-mixed 32-bit hash of a number's float64 bits, for hash tables keyed by numbers. Equal
 * bits, equal hash: callers that treat −0 as 0 (SameValueZero) pass 0 for both.
 */
function hashFloat64(value) {
    float[0] = value;
    return fmix32(words[0] ^ Math.imul(words[1], 0x9e3779b1));
}

/** Integers below this are bits (see `NumberSet`); a page holds 2^PAGE_SHIFT of them. */
const BITMAP_LIMIT = 2 ** 27;
const PAGE_SHIFT = 19;
const PAGE_MASK = (1 << PAGE_SHIFT) - 1;
const PAGE_WORDS = (1 << PAGE_SHIFT) / 32;
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
        this.line = 2 + tokenizer.lineBreaks;
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
    const extension = extensionOf(file);
    const format = options.format ?? detectFormat(file, extension);
    if (!FORMATS.includes(format)) {
        throw new UserInputError(`unknown format "${format}": expected one of ${FORMATS.join(', ')}`, { file });
    }
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new UserInputError(`batch size ${batchSize}: expected a positive integer`, { file });
    }
    const parser = new ValueParser(options.missing ?? DEFAULT_MISSING_TOKENS);
    const reader = await readerFor(file, format, { ...options, batchSize }, parser, extension, source);
    return tableFrom(file, format, reader);
}
async function readerFor(file, format, options, parser, extension, source) {
    const { batchSize } = options;
    switch (format) {
        case 'csv': {
            const delimiter = options.delimiter ?? DELIMITER_BY_EXTENSION[extension] ?? null;
            if (delimiter !== null && !CSV_DELIMITERS.includes(delimiter)) {
                throw new UserInputError(`delimiter ${JSON.stringify(delimiter)}: expected one of "," ";" "|" or a tab ("\\t")`, { file });
            }
            return new CsvReader(file, await openByteSource(file, source), { delimiter, parser, batchSize, source });
        }
        case 'jsonl':
            return new JsonLinesReader(file, await openByteSource(file, source), { parser, batchSize, source });
        case 'json':
            return new JsonArrayReader(file, await openByteSource(file, source), { parser, batchSize });
        case 'parquet': {
            // hyparquet and its codecs are loaded for Parquet files only, not parsed at every start.
            const { ParquetReader } = await import('./parquet.js');
            return new ParquetReader(file, { parser, batchSize });
        }
    }
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

// Generated by `npm run wasm` from replicate-sums.wat; do not edit.
const REPLICATE_SUMS_WASM = 'AGFzbQEAAAABDQFgCX9/f39/f39/fwADAgEABQMBAAEHGwIGbWVtb3J5AgAOc3VtRGVuc2VCbG9ja3MAAAqXBQGUBQILfwt7IAFBA3QhEiAHIANBBXRqIRMCQANAIAkgBU8NASAEIAlBCnRqIQwgByEOIAIhDwJAA0AgDiATTw0BIAwgDygCAGohDSAOIA0tAAC4OQMAIA4gDS0AgAi4OQMIIA4gDS0AgBC4OQMQIA4gDS0AgBi4OQMYIA5BIGohDiAPQQRqIQ8MAAsLIAggCSASbGohEUEAIQoCQANAIAogBk8NAf0MAAAAAAAAAAAAAAAAAAAAACEX/QwAAAAAAAAAAAAAAAAAAAAAIRj9DAAAAAAAAAAAAAAAAAAAAAAhGf0MAAAAAAAAAAAAAAAAAAAAACEa/QwAAAAAAAAAAAAAAAAAAAAAIRv9DAAAAAAAAAAAAAAAAAAAAAAhHP0MAAAAAAAAAAAAAAAAAAAAACEd/QwAAAAAAAAAAAAAAAAAAAAAIR4gACAKQQN0aiEQIAchDiACIQ8CQANAIA4gE08NASAQIA8oAgAgEmxqIQsgC/0ABAAhFSAL/QAEECEWIA79CgMAIRQgFyAUIBX98gH98AEhFyAYIBQgFv3yAf3wASEYIA79CgMIIRQgGSAUIBX98gH98AEhGSAaIBQgFv3yAf3wASEaIA79CgMQIRQgGyAUIBX98gH98AEhGyAcIBQgFv3yAf3wASEcIA79CgMYIRQgHSAUIBX98gH98AEhHSAeIBQgFv3yAf3wASEeIA5BIGohDiAPQQRqIQ8MAAsLIBEgCkEDdGohCyALIBf9CwQAIAsgGP0LBBAgCyASaiELIAsgGf0LBAAgCyAa/QsEECALIBJqIQsgCyAb/QsEACALIBz9CwQQIAsgEmohCyALIB39CwQAIAsgHv0LBBAgCkEEaiEKDAALCyAJQQRqIQkMAAsLCw==';

/**
 * The bootstrap's replicate sums: out[b·width + f] = Σ_j W[b, j]·sums[j·width + f] over the occupied
 * buckets j with W[b, j] ≠ 0, in ascending j: the same additions in the same order as the plain
 * triple loop, so the same bits (test/metrics/combine-buckets.test.ts holds it to that loop).
 *
 * It is the dominant cost of finalize and does not depend on the rows: B·K·width = 16M multiply-adds
 * per binary segment, 1.4G for the benchmark's 86 segments. When every sum is finite, blocks of 4
 * replicates × 4 fields go to a WebAssembly SIMD kernel (replicate-sums.wat): each lane adds its
 * products in bucket order, zero weights included (adding 0·x to a running sum that starts at +0
 * changes no bit in round-to-nearest), about 3x faster than the same blocking in JavaScript. A
 * non-finite sum (0·∞ is NaN), the replicates left over (B mod 4) and the fields left over
 * (width mod 4) take `sparseReplicate`, which skips zero weights.
 *
 * V8 reserves about 10 GB of address space for any WebAssembly memory on 64-bit hosts (guard
 * regions), whatever its size: under `ulimit -v` below that, or when growing the memory fails, the
 * kernel is unavailable and every replicate takes `sparseReplicate`, with the same bits, slower.
 */
/** K of poisson-bootstrap.ts, which lays the weights out as W[b·K + j]; the kernel is written for it. */
const BUCKETS$1 = 1024;
function sumReplicates(sums, width, replicates, weights, occupied) {
    const out = new Float64Array(replicates * width);
    const gathered = { offsets: new Int32Array(occupied.length), counts: new Float64Array(occupied.length) };
    const denseWidth = width - (width % 4);
    let blocked = sums.every(Number.isFinite) ? replicates - (replicates % 4) : 0;
    if (blocked > 0 && denseWidth > 0 && occupied.length > 0) {
        if (!denseBlocks(sums, width, occupied, weights, blocked, denseWidth, out))
            blocked = 0;
    }
    for (let b = 0; b < replicates; b++) {
        const from = b < blocked ? denseWidth : 0;
        if (from < width)
            sparseReplicate(sums, width, b, weights, occupied, from, gathered, out);
    }
    return out;
}
/** The kernel once instantiated; `unavailable` once the address space refused its memory. */
let kernel = null;
function instantiate() {
    const module = new WebAssembly.Module(Buffer.from(REPLICATE_SUMS_WASM, 'base64'));
    let exports;
    try {
        exports = new WebAssembly.Instance(module).exports;
    }
    catch (error) {
        if (error instanceof RangeError)
            return 'unavailable';
        throw error;
    }
    return { memory: exports.memory, sumDenseBlocks: exports.sumDenseBlocks, loaded: null };
}
/**
 * Replicates [0, blocked) × fields [0, denseWidth) of `out`, by the kernel; false (nothing
 * written) when the kernel or the memory it needs cannot be had.
 */
function denseBlocks(sums, width, occupied, weights, blocked, denseWidth, out) {
    const k = (kernel ??= instantiate());
    if (k === 'unavailable')
        return false;
    const n = occupied.length;
    // Memory: weights | sums | occupied | block (4 float64 per bucket) | out, 16-byte aligned.
    const weightBytes = blocked * BUCKETS$1;
    const sumsAt = align(weightBytes);
    const occupiedAt = sumsAt + align(sums.byteLength);
    const blockAt = occupiedAt + align(4 * n);
    const outAt = blockAt + 32 * n;
    const end = outAt + 8 * blocked * width;
    const pages = Math.ceil((end - k.memory.buffer.byteLength) / 65536);
    if (pages > 0) {
        try {
            k.memory.grow(pages);
        }
        catch (error) {
            if (error instanceof RangeError)
                return false;
            throw error;
        }
    }
    const buffer = k.memory.buffer;
    if (k.loaded?.weights !== weights || k.loaded.bytes !== weightBytes) {
        new Uint8Array(buffer, 0, weightBytes).set(weights.subarray(0, weightBytes));
        k.loaded = { weights, bytes: weightBytes };
    }
    new Float64Array(buffer, sumsAt, sums.length).set(sums);
    new Uint32Array(buffer, occupiedAt, n).set(occupied);
    k.sumDenseBlocks(sumsAt, width, occupiedAt, n, 0, blocked, denseWidth, blockAt, outAt);
    // Fields from denseWidth on hold stale values here; `sparseReplicate` overwrites them.
    out.set(new Float64Array(buffer, outAt, blocked * width));
    return true;
}
function align(bytes) {
    return Math.ceil(bytes / 16) * 16;
}
/**
 * Fields `from` … width − 1 of replicate b: the non-zero weights of the replicate are gathered once,
 * then four fields at a time are summed in locals instead of read-modify-writing `out` per bucket.
 * `offsets` and `counts` are scratch space of one entry per occupied bucket.
 */
function sparseReplicate(sums, width, b, weights, occupied, from, { offsets, counts }, out) {
    const row = b * BUCKETS$1;
    const o = b * width;
    let m = 0;
    for (let i = 0; i < occupied.length; i++) {
        const k = weights[row + occupied[i]];
        if (k !== 0) {
            offsets[m] = occupied[i] * width;
            counts[m++] = k;
        }
    }
    let f = from;
    for (; f + 4 <= width; f += 4) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let t = 0; t < m; t++) {
            const s = offsets[t] + f;
            const k = counts[t];
            s0 += k * sums[s];
            s1 += k * sums[s + 1];
            s2 += k * sums[s + 2];
            s3 += k * sums[s + 3];
        }
        out[o + f] = s0;
        out[o + f + 1] = s1;
        out[o + f + 2] = s2;
        out[o + f + 3] = s3;
    }
    for (; f < width; f++) {
        let s0 = 0;
        for (let t = 0; t < m; t++)
            s0 += counts[t] * sums[offsets[t] + f];
        out[o + f] = s0;
    }
}

/**
 * The streaming Poisson bootstrap, over hash buckets of rows (a grouped Poisson bootstrap).
 *
 * The textbook Poisson bootstrap gives each row a multiplicity k ~ Poisson(1) in each of B
 * replicates, which costs B updates per row. Here each row is first assigned to one of K = 1024
 * buckets by a hash of (seed, rowKey), and the multiplicity is drawn per BUCKET: replicate b weighs
 * every row of bucket j by W[b, j] ~ Poisson(1), computed from (seed, j, b) by a counter-based hash.
 * So `add` updates one bucket's sums (O(1), independent of B), and finalize combines the K bucket
 * sums under B weightings (O(B·K), independent of n). This is the streaming Poisson bootstrap of
 * Chamandy et al. (2012, "Estimating uncertainty for massive data streams") applied to random buckets
 * of rows instead of rows, the way online-experimentation platforms resample hash buckets of users.
 *
 *   state  = H1(seed, rowKey)          (murmur3's 32-bit finaliser chained over seed and key)
 *   bucket = top 10 bits of state
 *   u[b,j] = H2(H1(seed, j) + (b + 1)·γ)  (lowbias32, γ = 0x6D2B79F5), a uniform 32-bit integer
 *   W[b,j] = min { k : u < 2³²·P(Poisson(1) ≤ k) }
 *
 * Why it estimates the same thing. Rows are assigned to buckets at random (by the hash), so the
 * buckets are iid random groups of rows, and resampling iid groups is a valid bootstrap of any
 * statistic that is a smooth function of sums (means, ratios, F1, MCC, R², …): the variance of a
 * linearised statistic Σ r_i (Σ r_i = 0) is estimated by Σ_j (Σ_{i∈j} r_i)², whose expectation over
 * the random assignment is (1 − 1/K)·Σ r_i², the row-level estimate. When a segment has fewer rows
 * than buckets, most buckets hold 0 or 1 row and this IS the row-level Poisson bootstrap.
 *
 * The limit. With n ≫ K the variance is estimated from K groups, so it carries a relative error of
 * about √(2/K) (4.4% in the variance, 2.2% in the interval's width at K = 1024). That is the size of
 * the Monte Carlo error of B = 1000 replicates themselves (≈ 1/√(2B) = 2.2% in a standard deviation),
 * which is why K = 1024: more buckets would not make B = 1000 intervals more accurate, and the cost
 * of finalize (B·K·width multiply-adds: 16M for binary, ~15 ms) and the memory of an accumulator
 * (K·width float64: 128 KiB for binary) grow with K. The statistic must also be a function of sums:
 * rank statistics (AUC, average precision, the median) are not; see `hash-sample.ts` for them.
 *
 * Consequences, all tested: a row's bucket and the bucket weights depend on (seed, rowKey, b) only,
 * so `merge` of shards is exact addition of bucket sums, permuting rows changes nothing, the same
 * seed gives the same intervals, and two models scored on the same rows put every row in the same
 * bucket and so share their replicate weights: `pairedDifference` is a paired bootstrap.
 *
 * Intervals are percentile intervals over the B replicate values (quantile rule: `quantileOfSorted`).
 */
/** The number of buckets K (a power of two: the bucket is the top bits of the row hash). */
const BUCKETS = 1024;
/** Wellons' lowbias32: another bijective mixer, so the two stages are unrelated. */
function lowbias32(x) {
    x ^= x >>> 16;
    x = Math.imul(x, 0x7feb352d);
    x ^= x >>> 15;
    x = Math.imul(x, 0x846ca68b);
    return (x ^ (x >>> 16)) >>> 0;
}
const TWO_32 = 4294967296;
/**
 * H1(seed, rowKey): the 32-bit hash of a row, from which its bucket (`bucketOf`) and its rank in the
 * hash sample (`sampleRank`) are derived. `rowKey` is a safe integer (see `rowKeyOf` for text ids).
 */
function rowHash(seed, rowKey) {
    const low = rowKey >>> 0;
    const high = Math.floor(rowKey / TWO_32) >>> 0;
    let h = fmix32(seed ^ 0x9e3779b9);
    h = fmix32(h ^ low);
    return fmix32((h + 0x27d4eb2f) ^ high);
}
/** A second uniform 32-bit value of a row, unrelated to its bucket (a bijective remix of the hash). */
function sampleRank(hash) {
    return lowbias32(hash ^ 0xa5a5a5a5);
}
/** 2³²·P(Poisson(1) ≤ k), k = 0, 1, …; the last threshold is +∞ so the search always stops. */
const POISSON_THRESHOLDS = (() => {
    const thresholds = [];
    const inverseE = 0.36787944117144233; // e⁻¹, written out so no libm rounding can differ
    let term = inverseE;
    let cdf = 0;
    for (let k = 0; k < 20; k++) {
        cdf += term;
        thresholds.push(Math.floor(cdf * TWO_32));
        term /= k + 1;
    }
    thresholds.push(Infinity);
    return Float64Array.from(thresholds);
})();
/**
 * Writes the Poisson(1) weights of `bucket` in replicates 0 … out.length − 1 into `out`.
 *
 * @example poissonCounts(42, 7, new Uint8Array(1000)) // the same 1000 weights on every call
 */
function poissonCounts(seed, bucket, out) {
    const state = rowHash(seed, bucket);
    for (let b = 0; b < out.length; b++) {
        const u = lowbias32((state + Math.imul(b + 1, 0x6d2b79f5)) | 0);
        let k = 0;
        while (u >= POISSON_THRESHOLDS[k])
            k++;
        out[b] = k;
    }
}
const weightCache = new Map();
/**
 * The B × K bucket weights W[b·K + j] of a seed: computed once (B·K hashes) and kept, since every
 * accumulator of a run (every segment, candidate and baseline) shares them. 1 MB at B = 1000.
 */
function bucketWeights(settings) {
    const key = `${settings.seed}/${settings.replicates}`;
    let weights = weightCache.get(key);
    if (!weights) {
        const b = settings.replicates;
        weights = new Uint8Array(b * BUCKETS);
        const column = new Uint8Array(b);
        for (let j = 0; j < BUCKETS; j++) {
            poissonCounts(settings.seed, j, column);
            for (let r = 0; r < b; r++)
                weights[r * BUCKETS + j] = column[r];
        }
        if (weightCache.size >= 4)
            weightCache.delete(weightCache.keys().next().value);
        weightCache.set(key, weights);
    }
    return weights;
}
/** The buckets holding any non-zero sum (an empty bucket contributes nothing to any replicate). */
function occupiedBuckets(sums, width) {
    const occupied = [];
    for (let j = 0; j < BUCKETS; j++) {
        for (let f = 0; f < width; f++) {
            if (sums[j * width + f] !== 0) {
                occupied.push(j);
                break;
            }
        }
    }
    return Uint32Array.from(occupied);
}
/**
 * The replicate statistics: replicate b at `[b·width, (b+1)·width)` combines the buckets under the
 * weights W[b, ·]. `sums` holds BUCKETS blocks of `width`. By default the statistics are sums, so
 * replicate b is Σ_j W[b, j]·(sums of bucket j) (`sumReplicates`, the B·K·width hot spot);
 * statistics that do not add up (a mean and a spread) pass how to add k copies of a bucket.
 */
function combineBuckets(sums, width, settings, addScaled = null) {
    const replicates = settings.replicates;
    const weights = bucketWeights(settings);
    const occupied = occupiedBuckets(sums, width);
    if (!addScaled)
        return sumReplicates(sums, width, replicates, weights, occupied);
    const out = new Float64Array(replicates * width);
    for (let b = 0; b < replicates; b++) {
        const row = b * BUCKETS;
        const o = b * width;
        for (let i = 0; i < occupied.length; i++) {
            const j = occupied[i];
            const k = weights[row + j];
            if (k !== 0)
                addScaled(out, o, sums, j * width, k);
        }
    }
    return out;
}
/**
 * A 53-bit row key for a text id (cyrb53 hash), for ids that are not integers, e.g. `'A-0042'`.
 * Collisions are possible (about n²/2⁵⁴) and only make two rows share their bootstrap bucket.
 */
function rowKeyOf(text) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0) * 2097152 + ((h1 >>> 0) >>> 11);
}
/**
 * An order-independent fingerprint of the rows an accumulator has seen: two sums modulo 2³² of two
 * hashes of each row, plus the row count. Equal fingerprints of two accumulators with the same seed
 * mean "the same rows" (up to a 2⁻⁶⁴ accident); `pairedDifference` relies on it.
 */
class RowDigest {
    rows = 0;
    first = 0;
    second = 0;
    /** Adds a row by its `rowHash(seed, rowKey)`, which the accumulator has computed anyway. */
    add(hash) {
        this.rows++;
        this.first = (this.first + hash) >>> 0;
        this.second = (this.second + lowbias32(hash ^ 0x5eed5eed)) >>> 0;
    }
    merge(other) {
        this.rows += other.rows;
        this.first = (this.first + other.first) >>> 0;
        this.second = (this.second + other.second) >>> 0;
    }
    equals(other) {
        return this.rows === other.rows && this.first === other.first && this.second === other.second;
    }
    toState() {
        return { rows: this.rows, first: this.first, second: this.second };
    }
    static fromState(state) {
        const digest = new RowDigest();
        for (const field of ['rows', 'first', 'second']) {
            const value = state?.[field];
            if (!Number.isSafeInteger(value) || value < 0 || (field !== 'rows' && value >= TWO_32)) {
                throw new Error(`invalid metric state: digest.${field} must be an unsigned integer, got ${value}`);
            }
        }
        digest.rows = state.rows;
        digest.first = state.first;
        digest.second = state.second;
        return digest;
    }
}

/**
 * The serialized state of an accumulator, for sharding across jobs: each job writes the state of its
 * shard, one job restores and merges them, and the merge equals the whole (see `merge`).
 *
 * A state is a plain JSON object `{ "schema": "ml-gate/metric-state@1", "task", …options, …arrays }`.
 * Arrays of numbers are base64 of the typed arrays' little-endian bytes rather than JSON arrays:
 * every float64 round-trips bit for bit (JSON would turn −0 into 0 and cannot hold ±Infinity or NaN),
 * the text is about half the size of decimal numbers (10.7 characters per float64), and decoding
 * 1M scores is one `Buffer` copy instead of parsing 1M numbers.
 *
 * Loading validates everything it reads and throws a plain `Error` naming the field and what was
 * expected; the caller, which knows the file, turns it into a user error.
 */
if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
    throw new Error('ml-gate metric states are little-endian; this platform is big-endian');
}

/**
 * What every metric means: the single source of truth that gates, reports and the config validator
 * read, so that a gate can never compare the wrong way and every failure can state its formula.
 *
 * Names follow scikit-learn and the oracle files (`roc_auc`, `macro_f1`, `median_ae`). Per-class
 * multiclass metrics are written `precision[Adelie]`: the metric, then the class name in square
 * brackets, exactly as it appears in the data. `describeMetric` resolves them to their template.
 */
/** The metrics whose support is not `rows` (see `Support`). */
const OWN_SUPPORT = {
    precision: 'predicted_positives',
    recall: 'positives',
    f1: 'positive_or_predicted',
    specificity: 'negatives',
    balanced_accuracy: 'smaller_class',
    mcc: 'smaller_class',
    roc_auc: 'smaller_class',
    average_precision: 'smaller_class',
    'precision[<class>]': 'class_predicted',
    'recall[<class>]': 'class_rows',
    'f1[<class>]': 'class_or_predicted'
};
const ONE_CLASS = 'null when y_true holds only one class';
const ZERO_DIVISION = 'zero_division=0: 0 when the denominator is 0 (as scikit-learn)';
function metric(name, title, tasks, direction, range, formula, undefinedWhen, interval) {
    const support = OWN_SUPPORT[name] ?? 'rows';
    return { name, title, tasks, direction, range, formula, undefinedWhen, interval, support };
}
const ALL = ['binary', 'multiclass', 'regression'];
const BINARY = ['binary'];
const MULTICLASS = ['multiclass'];
const CLASSIFICATION = ['binary', 'multiclass'];
const REGRESSION = ['regression'];
const UNIT = [0, 1];
const COUNT = [0, Infinity];
/** Every metric, in the order results are reported. Weighted sums use the sample weights `w`. */
const METRICS = [
    metric('n', 'Rows', ALL, 'none', COUNT, 'n = number of rows (unweighted)', 'never', 'none'),
    metric('positives', 'Positives', BINARY, 'none', COUNT, 'positives = Σ w·y', 'never', 'none'),
    metric('tp', 'True positives', BINARY, 'none', COUNT, 'TP = Σ w·[y = 1 ∧ ŷ = 1]', 'never', 'none'),
    metric('fp', 'False positives', BINARY, 'none', COUNT, 'FP = Σ w·[y = 0 ∧ ŷ = 1]', 'never', 'none'),
    metric('tn', 'True negatives', BINARY, 'none', COUNT, 'TN = Σ w·[y = 0 ∧ ŷ = 0]', 'never', 'none'),
    metric('fn', 'False negatives', BINARY, 'none', COUNT, 'FN = Σ w·[y = 1 ∧ ŷ = 0]', 'never', 'none'),
    metric('accuracy', 'Accuracy', CLASSIFICATION, 'higher', UNIT, 'accuracy = Σ w·[ŷ = y] / Σ w', 'null when there are no rows', 'wilson'),
    metric('precision', 'Precision', BINARY, 'higher', UNIT, 'precision = TP / (TP + FP), ŷ = [score ≥ threshold]', ZERO_DIVISION + ' (no predicted positives)', 'wilson'),
    metric('recall', 'Recall', BINARY, 'higher', UNIT, 'recall = TP / (TP + FN)', ZERO_DIVISION + ' (no positives)', 'wilson'),
    metric('f1', 'F1', BINARY, 'higher', UNIT, 'f1 = 2·precision·recall / (precision + recall)', ZERO_DIVISION + ' (precision + recall = 0)', 'bootstrap'),
    metric('specificity', 'Specificity', BINARY, 'higher', UNIT, 'specificity = TN / (TN + FP)', 'null when there are no negatives', 'wilson'),
    metric('balanced_accuracy', 'Balanced accuracy', BINARY, 'higher', UNIT, 'balanced_accuracy = (recall + specificity) / 2', ONE_CLASS, 'bootstrap'),
    metric('mcc', 'Matthews correlation', BINARY, 'higher', [-1, 1], 'mcc = (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN))', '0 when the denominator is 0 (as scikit-learn)', 'bootstrap'),
    metric('positive_rate', 'Positive rate', BINARY, 'none', UNIT, 'positive_rate = (TP + FP) / Σ w', 'null when there are no rows', 'wilson'),
    metric('brier', 'Brier score', BINARY, 'lower', UNIT, 'brier = Σ w·(score − y)² / Σ w', 'null when there are no rows or a score lies outside [0, 1]', 'bootstrap'),
    metric('roc_auc', 'ROC AUC', BINARY, 'higher', UNIT, 'roc_auc = Σ_{y_i=1, y_j=0} w_i·w_j·([s_i > s_j] + ½[s_i = s_j]) / (Σ_{y=1} w · Σ_{y=0} w)', ONE_CLASS, 'delong'),
    metric('average_precision', 'Average precision', BINARY, 'higher', UNIT, 'average_precision = Σ_k (R_k − R_{k−1})·P_k over distinct score thresholds, descending (step-wise, not trapezoid)', ONE_CLASS, 'bootstrap-or-logit'),
    metric('log_loss', 'Log loss', CLASSIFICATION, 'lower', [0, Infinity], 'log_loss = −Σ w·log(p̃_y) / Σ w, p̃ = clip(p, ε, 1 − ε) / Σ_k clip(p_k, ε, 1 − ε), ε = 2.220446049250313e-16', 'binary: ' +
        ONE_CLASS +
        ' (scikit-learn refuses it) or a score lies outside [0, 1]; ' +
        'multiclass: null when rows came without probabilities', 'bootstrap'),
    metric('ece', 'Expected calibration error', BINARY, 'lower', UNIT, 'ece = Σ_b |Σ_{i∈b} w_i·(y_i − score_i)| / Σ w, bin b = min(⌊10·score⌋, 9): [0, 0.1), …, [0.9, 1]', 'null when there are no rows or a score lies outside [0, 1]', 'bootstrap'),
    ...['precision', 'recall', 'f1'].flatMap((base) => averaged(base)),
    metric('precision[<class>]', 'Precision of one class', MULTICLASS, 'higher', UNIT, 'precision[c] = TP_c / (TP_c + FP_c)', ZERO_DIVISION + ' (class never predicted)', 'wilson'),
    metric('recall[<class>]', 'Recall of one class', MULTICLASS, 'higher', UNIT, 'recall[c] = TP_c / (TP_c + FN_c)', ZERO_DIVISION + ' (class absent from y_true)', 'wilson'),
    metric('f1[<class>]', 'F1 of one class', MULTICLASS, 'higher', UNIT, 'f1[c] = 2·precision[c]·recall[c] / (precision[c] + recall[c])', ZERO_DIVISION, 'bootstrap'),
    metric('mae', 'Mean absolute error', REGRESSION, 'lower', [0, Infinity], 'mae = Σ w·|y − ŷ| / Σ w', 'null when there are no rows', 'bootstrap'),
    metric('rmse', 'Root mean squared error', REGRESSION, 'lower', [0, Infinity], 'rmse = √(Σ w·(y − ŷ)² / Σ w)', 'null when there are no rows', 'bootstrap'),
    metric('r2', 'R²', REGRESSION, 'higher', [-Infinity, 1], 'r2 = 1 − SS_res / SS_tot, SS_res = Σ w·(y − ŷ)², SS_tot = Σ w·(y − ȳ_w)²', 'null with fewer than 2 rows or when y is constant (SS_tot = 0; scikit-learn would print 0 or 1)', 'bootstrap'),
    metric('mape', 'Mean absolute percentage error', REGRESSION, 'lower', [0, Infinity], 'mape = Σ w·|y − ŷ| / max(|y|, ε) / Σ w, ε = 2.220446049250313e-16 (a fraction, not a percent)', 'null when there are no rows', 'bootstrap'),
    metric('median_ae', 'Median absolute error', REGRESSION, 'lower', [0, Infinity], 'median_ae = median |y − ŷ|: the ordinary median when all weights are equal, otherwise the ' +
        'weighted lower median (smallest error whose cumulative weight reaches half the total), as scikit-learn', 'null when there are no rows', 'bootstrap-or-order-statistic')
];
/** macro_, micro_ and weighted_ averages of a per-class metric, as scikit-learn's `average=`. */
function averaged(base) {
    const perClass = `${base}[c]`;
    return [
        metric(`macro_${base}`, `Macro ${base}`, MULTICLASS, 'higher', UNIT, `macro_${base} = mean over all declared classes c of ${perClass} (absent classes count, as 0)`, 'null when there are no rows', 'bootstrap'),
        metric(`micro_${base}`, `Micro ${base}`, MULTICLASS, 'higher', UNIT, base === 'f1'
            ? 'micro_f1 = 2·micro_precision·micro_recall / (micro_precision + micro_recall) (= accuracy)'
            : `micro_${base} = Σ_c TP_c / Σ_c (TP_c + ${base === 'precision' ? 'FP_c' : 'FN_c'}) (= accuracy)`, 'null when there are no rows', 'wilson'),
        metric(`weighted_${base}`, `Weighted ${base}`, MULTICLASS, 'higher', UNIT, `weighted_${base} = Σ_c support_c·${perClass} / Σ_c support_c, support_c = Σ w·[y = c]`, 'null when there are no rows', 'bootstrap')
    ];
}
new Map(METRICS.map((info) => [info.name, info]));

export { NumberSet as N, RowDigest as R, rowHash as a, combineBuckets as b, closest as c, didYouMean as d, fmix32 as f, hashFloat64 as h, openTable as o, rowKeyOf as r, sampleRank as s };
