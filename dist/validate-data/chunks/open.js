import { extname } from 'node:path';
import { U as UserInputError, D as DEFAULT_MAX_RECORD_BYTES, g as gzipError, f as fileError, B as BatchBuilder, K as Kind, j as jsonDepth, M as MAX_JSON_DEPTH, t as tooDeepAt, a as DEFAULT_BATCH_SIZE, b as DEFAULT_MISSING_TOKENS, o as openByteSource, c as openRangeSource } from './batch.js';
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
 * A typed array's bytes as base64, in the platform's byte order: the states that store arrays this
 * way (`metrics/metric-state.ts`, `profile/profile-state.ts`) are read on little-endian platforms.
 */
function encode(array) {
    return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
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

export { NumberSet as N, closest as c, didYouMean as d, fmix32 as f, hashFloat64 as h, openTable as o };
