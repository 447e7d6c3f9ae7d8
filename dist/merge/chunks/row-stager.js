import { U as UserInputError, D as DEFAULT_MAX_RECORD_BYTES, g as gzipError, f as fileError, B as BatchBuilder, K as Kind, j as jsonDepth, M as MAX_JSON_DEPTH, t as tooDeepAt, a as DEFAULT_BATCH_SIZE, b as DEFAULT_MISSING_TOKENS, o as openByteSource, c as openRangeSource } from './batch.js';
import { extname } from 'node:path';
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
function encode$1(array) {
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
                pages.push({ page, bits: encode$1(new Uint8Array(words.buffer)) });
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
 * Sorting float64 keys by their bits: the one sort behind ROC AUC, average precision and the median.
 *
 * An LSD radix sort over the 64-bit pattern of each key, mapped so that unsigned order is numeric
 * order (non-negative: set the sign bit; negative: flip every bit). Six stable passes of 11, 11 and 10
 * bits per 32-bit word; a pass whose digit is the same for every key (e.g. the sign and exponent of
 * probabilities) is skipped. All six histograms come from one read of the keys. Linear time, no
 * comparator calls: on 1M probabilities it is several times faster than `Uint32Array.sort` with a
 * comparator and faster than the native `Float64Array.prototype.sort`.
 *
 * Keys must not be NaN (the accumulators' preconditions exclude it); −0 sorts before +0, which every
 * caller treats as one tied group since they compare with `===`.
 */
const DIGITS = [
    [0, 0, 11],
    [0, 11, 11],
    [0, 22, 10],
    [1, 0, 11],
    [1, 11, 11],
    [1, 22, 10]
];
const RADIX = 1 << 11;
/**
 * Sorts `keys` ascending in place, applying the same permutation to `payload` (same length) if given.
 *
 * @example
 * const keys = Float64Array.of(0.3, -1, 0.1), weights = Float64Array.of(3, 1, 2)
 * sortNumbers(keys, weights) // keys [-1, 0.1, 0.3], weights [1, 2, 3]
 */
function sortNumbers(keys, payload = null) {
    const n = keys.length;
    if (n < 2)
        return;
    // The keys' own memory holds their mapped bits, so the passes need one scratch copy, not two:
    // word 2i is key i's low word, 2i + 1 its high word.
    const original = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
    const counts = new Uint32Array(DIGITS.length * RADIX);
    for (let i = 0; i < n; i++) {
        const mask = original[2 * i + 1] >> 31; // all ones for a negative key, else 0
        const l = (original[2 * i] ^ mask) >>> 0;
        const h = (original[2 * i + 1] ^ (mask | 0x80000000)) >>> 0;
        original[2 * i] = l;
        original[2 * i + 1] = h;
        counts[l & 2047]++;
        counts[RADIX + ((l >>> 11) & 2047)]++;
        counts[2 * RADIX + (l >>> 22)]++;
        counts[3 * RADIX + (h & 2047)]++;
        counts[4 * RADIX + ((h >>> 11) & 2047)]++;
        counts[5 * RADIX + (h >>> 22)]++;
    }
    let words = original;
    let words2 = new Uint32Array(2 * n);
    let carried = payload;
    let carried2 = payload ? new Float64Array(n) : null;
    DIGITS.forEach(([word, shift, bits], pass) => {
        const base = pass * RADIX;
        const mask = (1 << bits) - 1;
        if (counts[base + ((words[word] >>> shift) & mask)] === n)
            return;
        let offset = 0;
        for (let d = 0; d <= mask; d++) {
            const count = counts[base + d];
            counts[base + d] = offset;
            offset += count;
        }
        for (let i = 0; i < n; i++) {
            const at = counts[base + ((words[2 * i + word] >>> shift) & mask)]++;
            words2[2 * at] = words[2 * i];
            words2[2 * at + 1] = words[2 * i + 1];
            if (carried)
                carried2[at] = carried[i];
        }
        [words, words2] = [words2, words];
        [carried, carried2] = [carried2, carried];
    });
    for (let i = 0; i < n; i++) {
        const mask = ~(words[2 * i + 1] >> 31); // the inverse of the mapping above
        original[2 * i] = words[2 * i] ^ mask;
        original[2 * i + 1] = words[2 * i + 1] ^ (mask | 0x80000000);
    }
    if (payload && carried !== payload)
        payload.set(carried);
}

/**
 * The k-th smallest (0-based) of `values`, which it reorders: Hoare's selection in Wirth's form,
 * linear on average. The callers select among hashes (the hash sample's ranks, the reservoir's keys),
 * so the middle element is as good as a random pivot. `values` must not hold NaN.
 *
 * @example kthSmallest(Uint32Array.of(9, 2, 7, 4), 1) // 4
 */
function kthSmallest(values, k) {
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
        const pivot = values[(lo + hi) >>> 1];
        let i = lo;
        let j = hi;
        while (i <= j) {
            while (values[i] < pivot)
                i++;
            while (values[j] > pivot)
                j--;
            if (i <= j) {
                const t = values[i];
                values[i++] = values[j];
                values[j--] = t;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;
    }
    return values[k];
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
 * Closed-form confidence intervals: Wilson for proportions, normal for DeLong's AUC variance, and
 * the percentile rule shared by every bootstrap interval.
 */
/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1: within 1e-14·z of the exact value for
 * p ≤ 0.995, 1e-10 at p = 1 − 1e-6 (the limit set by computing Φ near 1 in float64).
 *
 * Acklam's rational approximation (relative error 1.15e-9) refined by two Newton steps on Φ,
 * which is summed from its Taylor series `Φ(x) = ½ + φ(x)·Σ x^(2k+1) / (2k+1)!!`.
 *
 * @example normalQuantile(0.975) // 1.959963984540054
 */
function normalQuantile(p) {
    if (!(p > 0 && p < 1))
        throw new RangeError(`normalQuantile expects 0 < p < 1, got ${p}`);
    if (p < 0.5)
        return -normalQuantile(1 - p);
    let z = acklam(p);
    for (let step = 0; step < 2; step++)
        z -= (normalCdf(z) - p) / normalDensity(z);
    return z;
}
/** Standard normal density φ(x). */
function normalDensity(x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
/** Standard normal CDF by its Taylor series: exact to rounding for the |x| < 8 the quantile needs. */
function normalCdf(x) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let k = 1; k < 500 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
        term *= x2 / (2 * k + 1);
        sum += term;
    }
    return 0.5 + normalDensity(x) * sum;
}
const A = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
/** Acklam's approximation of Φ⁻¹(p) for p ≥ 0.5. */
function acklam(p) {
    if (p <= 0.97575) {
        const q = p - 0.5;
        const r = q * q;
        return (((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
            (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1));
    }
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (-(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
        ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1));
}
/** The two-sided critical value z for a confidence level c: Φ⁻¹((1 + c) / 2). */
function criticalValue(confidence) {
    return normalQuantile((1 + confidence) / 2);
}
/**
 * Wilson score interval for a proportion `p` observed over `n` trials (n may be fractional: Kish's
 * effective sample size when rows are weighted).
 *
 *     centre = (p + z²/2n) / (1 + z²/n)
 *     half   = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²)
 *
 * Range: within [0, 1]; `null` when n = 0 (no trials, no interval).
 *
 * @example wilsonInterval(0.8, 10, 1.959963984540054) // [0.4901624, 0.9433178]
 */
function wilsonInterval(p, n, z) {
    if (!(n > 0))
        return null;
    const z2n = (z * z) / n;
    const centre = (p + z2n / 2) / (1 + z2n);
    const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
    // At p = 0 or 1 the bound is exactly 0 or 1; computed, it could miss by an ulp.
    return [p === 0 ? 0 : Math.max(0, centre - half), p === 1 ? 1 : Math.min(1, centre + half)];
}
/** Kish's effective sample size `(Σw)² / Σw²`: n itself when all weights are equal. */
function effectiveSize(sumWeights, sumSquaredWeights) {
    return sumSquaredWeights > 0 ? (sumWeights * sumWeights) / sumSquaredWeights : 0;
}
/** `estimate ± z·√variance`, clipped to [lo, hi]. */
function normalInterval(estimate, variance, z, lo, hi) {
    const half = z * Math.sqrt(variance);
    return [Math.max(lo, estimate - half), Math.min(hi, estimate + half)];
}
/**
 * The q-quantile of `sorted` (ascending, no NaN) by linear interpolation between order statistics:
 * position h = (m − 1)·q, value x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). This is numpy's default
 * (`method='linear'`, Hyndman & Fan type 7), so an interval can be reproduced with `np.quantile`.
 */
function quantileOfSorted(sorted, q) {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
/**
 * The logit interval for an average precision `ap` over `positives` positives (Boyd, Eng & Page 2013,
 * "Area under the precision-recall curve: point estimates and confidence intervals"):
 *
 *     expit(logit(ap) ± z·τ),  τ = 1 / √(positives·ap·(1 − ap))
 *
 * Range: inside (0, 1). `null` when ap is 0 or 1 (the logit is infinite) or there are no positives.
 *
 * @example logitInterval(0.8, 100, 1.959963984540054) // [0.7102, 0.8672]
 */
function logitInterval(ap, positives, z) {
    if (!(ap > 0 && ap < 1 && positives > 0))
        return null;
    const eta = Math.log(ap / (1 - ap));
    const tau = 1 / Math.sqrt(positives * ap * (1 - ap));
    const expit = (x) => 1 / (1 + Math.exp(-x));
    return [expit(eta - z * tau), expit(eta + z * tau)];
}
/**
 * The ranks (1-based, in [1, n]) of the order statistics bounding a distribution-free interval for a
 * median of n values (Campbell & Gardner 1988, "Calculating confidence intervals for some
 * non-parametric analyses", BMJ): round(n/2 − z·√n/2) and round(1 + n/2 + z·√n/2), the normal
 * approximation to the Binomial(n, ½) counts below the median.
 *
 * @example medianRanks(100, 1.959963984540054) // [40, 61]
 */
function medianRanks(n, z) {
    const half = (z * Math.sqrt(n)) / 2;
    return [Math.max(1, Math.round(n / 2 - half)), Math.min(n, Math.round(1 + n / 2 + half))];
}
/**
 * The first of ascending `values` at which the cumulative weight, starting at `before` (the weight of
 * the values before them), reaches `target` (exceeds it when `strict`); the last value if rounding
 * keeps the sum just short of it. `weights` `null`: every value weighs 1.
 */
function firstReaching(values, weights, target, strict, before = 0) {
    let cumulative = before;
    for (let i = 0; i < values.length; i++) {
        const w = weights ? weights[i] : 1;
        if (w === 0)
            continue;
        cumulative += w;
        if (strict ? cumulative > target : cumulative >= target)
            return values[i];
    }
    return values[values.length - 1];
}
/**
 * Above the largest z `criticalValue` gives at any confidence level below 1 in float64 (8.85, at
 * 1 − 3·2⁻⁵³, where float64 rounding of Φ near 1 shows), so a window cut for it serves every level.
 */
const MAX_Z = 9;
/** The distribution-free interval of a median: the order statistics of `medianRanks(n, z)`. */
function orderStatisticInterval(window, z) {
    const { values, weights, before, n, perRank } = window;
    const [lower, upper] = medianRanks(n, z);
    return [
        firstReaching(values, weights, lower * perRank, false, before),
        firstReaching(values, weights, upper * perRank, false, before)
    ];
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
const DEFAULT_BOOTSTRAP = { replicates: 1000, seed: 42 };
/** The number of buckets K (a power of two: the bucket is the top bits of the row hash). */
const BUCKETS = 1024;
const BUCKET_SHIFT = 32 - Math.log2(BUCKETS);
/** Fills in defaults and checks ranges (a programming error, not a user's: config validates first). */
function bootstrapSettings(options = {}) {
    const replicates = options.replicates ?? DEFAULT_BOOTSTRAP.replicates;
    const seed = options.seed ?? DEFAULT_BOOTSTRAP.seed;
    if (!Number.isInteger(replicates) || replicates < 0 || replicates > 100_000) {
        throw new RangeError(`bootstrap replicates must be an integer in [0, 100000], got ${replicates}`);
    }
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
        throw new RangeError(`bootstrap seed must be an integer in [0, 2^32), got ${seed}`);
    }
    return { replicates, seed };
}
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
/** The bucket in [0, BUCKETS) of a row, from its `rowHash`. */
function bucketOf(hash) {
    return hash >>> BUCKET_SHIFT;
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
    /** Restores a `toState()` record read back from JSON: every field is checked. */
    static fromState(state) {
        const field = (name) => {
            const value = state?.[name];
            if (typeof value !== 'number' ||
                !Number.isSafeInteger(value) ||
                value < 0 ||
                (name !== 'rows' && value >= TWO_32)) {
                throw new Error(`invalid metric state: digest.${name} must be an unsigned integer, got ${value}`);
            }
            return value;
        };
        const digest = new RowDigest();
        digest.rows = field('rows');
        digest.first = field('first');
        digest.second = field('second');
        return digest;
    }
}
/**
 * The percentile interval of replicate values at level `confidence`: the (1 − c)/2 and (1 + c)/2
 * quantiles of the replicates in which the metric is defined (NaN marks an undefined replicate, e.g.
 * a replicate that drew no positive row). No interval when fewer than half the replicates are defined.
 */
function percentileInterval(replicates, confidence) {
    if (replicates.length === 0)
        return { ci: null, reason: 'bootstrap disabled (0 replicates)' };
    const defined = replicates.filter((value) => !Number.isNaN(value)).sort();
    const missing = replicates.length - defined.length;
    if (defined.length < 2 || defined.length * 2 < replicates.length) {
        return {
            ci: null,
            reason: `no bootstrap interval: the metric is undefined in ${missing} of ${replicates.length} replicates`
        };
    }
    const ci = [
        quantileOfSorted(defined, (1 - confidence) / 2),
        quantileOfSorted(defined, (1 + confidence) / 2)
    ];
    return missing === 0
        ? { ci }
        : {
            ci,
            reason: `bootstrap interval over the ${defined.length} of ${replicates.length} replicates where it is defined`
        };
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
const METRIC_STATE_SCHEMA = 'ml-gate/metric-state@1';
if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
    throw new Error('ml-gate metric states are little-endian; this platform is big-endian');
}
/** A typed array as base64 of its little-endian bytes (the check above). */
function encode(array) {
    return encode$1(array);
}
/** Decodes `field` of `state` into a new typed array, checking its length when `length` is given. */
function decode(state, field, type, length) {
    const text = state[field];
    if (typeof text !== 'string')
        throw stateError(`${field} must be a base64 string, got ${describe$1(text)}`);
    const bytes = Buffer.from(text, 'base64');
    const count = bytes.length / type.BYTES_PER_ELEMENT;
    if (!Number.isInteger(count) || (length !== undefined && count !== length)) {
        const expected = length === undefined ? 'a whole number of' : String(length);
        throw stateError(`${field} must hold ${expected} ${type.name} values, got ${bytes.length} bytes (${count} values)`);
    }
    const array = new type(count);
    new Uint8Array(array.buffer).set(bytes);
    return array;
}
/** The header of a state written by `header`, checked: right schema, right task, valid settings. */
function readHeader(state, task) {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) {
        throw stateError(`expected a JSON object, got ${describe$1(state)}`);
    }
    const record = state;
    if (record.schema !== METRIC_STATE_SCHEMA) {
        throw stateError(`schema must be "${METRIC_STATE_SCHEMA}", got ${describe$1(record.schema)}`);
    }
    if (record.task !== task)
        throw stateError(`expected a ${task} state, got task ${describe$1(record.task)}`);
    if (record.bucketCount !== BUCKETS) {
        throw stateError(`bucketCount must be ${BUCKETS}, got ${describe$1(record.bucketCount)}`);
    }
    const bootstrap = record.bootstrap;
    if (typeof bootstrap !== 'object' || bootstrap === null) {
        throw stateError(`bootstrap must be { replicates, seed }, got ${describe$1(bootstrap)}`);
    }
    try {
        bootstrapSettings({ replicates: bootstrap.replicates, seed: bootstrap.seed });
    }
    catch (error) {
        throw stateError(error.message);
    }
    return record;
}
function header(task, bootstrap) {
    return {
        schema: METRIC_STATE_SCHEMA,
        task,
        bootstrap: { replicates: bootstrap.replicates, seed: bootstrap.seed },
        bucketCount: BUCKETS
    };
}
/** A finite number field, checked. */
function numberField(state, field) {
    const value = state[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw stateError(`${field} must be a finite number, got ${describe$1(value)}`);
    }
    return value;
}
/** A nested object field, checked. */
function objectField(state, field) {
    const value = state[field];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw stateError(`${field} must be an object, got ${describe$1(value)}`);
    }
    return value;
}
function stateError(message) {
    return new Error(`invalid metric state: ${message}`);
}
function describe$1(value) {
    if (value === undefined)
        return 'nothing';
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
function encodeBuckets(sums, width) {
    const occupied = occupiedBuckets(sums, width);
    const packed = new Float64Array(occupied.length * width);
    occupied.forEach((j, i) => packed.set(sums.subarray(j * width, (j + 1) * width), i * width));
    return { occupied: encode(Uint16Array.from(occupied)), sums: encode(packed) };
}
/** The BUCKETS × width sums of a `BucketsState`, checked. */
function decodeBuckets(state, field, width) {
    const record = objectField(state, field);
    const occupied = decode(record, 'occupied', Uint16Array);
    const packed = decode(record, 'sums', Float64Array, occupied.length * width);
    const sums = new Float64Array(BUCKETS * width);
    occupied.forEach((j, i) => {
        if (j >= BUCKETS || (i > 0 && j <= occupied[i - 1])) {
            throw stateError(`${field}.occupied must be increasing bucket indices below ${BUCKETS}`);
        }
        sums.set(packed.subarray(i * width, (i + 1) * width), j * width);
    });
    return sums;
}

/**
 * The rows that rank statistics (ROC AUC, average precision, the median) are bootstrapped on.
 *
 * A rank statistic is not a function of bucket sums, so a replicate must visit rows: B passes over
 * n rows is too slow for large n. The bootstrap therefore runs on at most SAMPLE_ROWS = 5,000 rows:
 * all rows while there are no more, else the 5,000 rows of smallest `sampleRank` (a hash of seed and
 * row key; a bottom-m sketch). Each row weighs w·W[b, bucket] in replicate b, its bucket's weight
 * (see `poisson-bootstrap.ts`), so the rank replicates are paired with the sum replicates and with
 * another model's replicates on the same rows.
 *
 * The sample is deterministic and mergeable exactly: it is "the m smallest ranks among all rows
 * seen", whatever the order or sharding (a shard keeps its own m smallest, which contain the m
 * smallest of any union), and the same rows for two models scored on the same row keys.
 *
 * Above 5,000 rows the replicates are those of an m-out-of-n bootstrap (Bickel, Götze & van Zwet
 * 1997): θ̂*_m − θ̂_m on the sample, rescaled by √(m/n) to the spread of a statistic on n rows and
 * centred on θ̂_n (`fullSampleReplicates`). Valid for √n-consistent, asymptotically normal statistics
 * such as AUC, average precision and a median. Why 5,000: a replicate visits every sampled row, so a
 * segment costs up to B·m row visits at finalize (≈ 3 ns each: 15 ms for B = 1000, m = 5,000), and a
 * run has dozens of segments; 20,000 made runs of 12,000-row segments spend seconds on it. The m-out-of-n
 * replicates serve only paired tests: single-model intervals above m are analytic (see `catalog.ts`).
 */
const SAMPLE_ROWS = 5_000;
const NO_THRESHOLD = 0xffffffff;
class HashSample {
    /** Rows seen (in the sample or not). */
    seen = 0;
    size = 0;
    ranks = new Uint32Array(64);
    values = new Float64Array(64);
    labels = new Uint8Array(64);
    weights = new Float64Array(64);
    buckets = new Uint16Array(64);
    /** Rows ranked above it cannot be among the m smallest: there are already m at or below it. */
    threshold = NO_THRESHOLD;
    sorted = null;
    /** Offers one row (label 0 when there is none, e.g. regression). */
    add(rank, value, label, weight, bucket) {
        this.seen++;
        if (rank <= this.threshold)
            this.insert(rank, value, label, weight, bucket);
    }
    merge(other) {
        this.seen += other.seen;
        for (let i = 0; i < other.size; i++) {
            if (other.ranks[i] <= this.threshold)
                this.insert(other.ranks[i], other.values[i], other.labels[i], other.weights[i], other.buckets[i]);
        }
    }
    /** Rows in the sample: min(seen, SAMPLE_ROWS), more only if ranks tie at the cutoff. */
    get sampled() {
        this.canonicalize();
        return this.size;
    }
    /** The sampled rows, ascending by value (cached until the next `add` or `merge`). */
    rows() {
        if (this.sorted)
            return this.sorted;
        this.canonicalize();
        const n = this.size;
        const values = this.values.slice(0, n);
        const order = new Float64Array(n);
        for (let i = 0; i < n; i++)
            order[i] = i;
        sortNumbers(values, order);
        const labels = new Uint8Array(n);
        const weights = new Float64Array(n);
        const buckets = new Uint16Array(n);
        for (let r = 0; r < n; r++) {
            const i = order[r];
            labels[r] = this.labels[i];
            weights[r] = this.weights[i];
            buckets[r] = this.buckets[i];
        }
        this.sorted = { values, labels, weights, buckets };
        return this.sorted;
    }
    toState() {
        this.canonicalize();
        const n = this.size;
        return {
            seen: this.seen,
            ranks: encode(this.ranks.subarray(0, n)),
            values: encode(this.values.subarray(0, n)),
            labels: encode(this.labels.subarray(0, n)),
            weights: encode(this.weights.subarray(0, n)),
            buckets: encode(this.buckets.subarray(0, n))
        };
    }
    /** Restores a `toState()` record read back from JSON: every field is checked. */
    static fromState(record) {
        const sample = new HashSample();
        sample.ranks = decode(record, 'ranks', Uint32Array);
        const n = sample.ranks.length;
        sample.values = decode(record, 'values', Float64Array, n);
        sample.labels = decode(record, 'labels', Uint8Array, n);
        sample.weights = decode(record, 'weights', Float64Array, n);
        sample.buckets = decode(record, 'buckets', Uint16Array, n);
        sample.size = n;
        sample.seen = numberField(record, 'seen');
        if (!Number.isSafeInteger(sample.seen) || sample.seen < n || (n < sample.seen && n < SAMPLE_ROWS)) {
            throw stateError(`sample.seen must be an integer ≥ the ${n} sampled rows, got ${sample.seen}`);
        }
        if (n < sample.seen)
            sample.threshold = sample.ranks.reduce((a, b) => Math.max(a, b), 0);
        return sample;
    }
    insert(rank, value, label, weight, bucket) {
        if (this.size === this.ranks.length) {
            if (this.size >= 2 * SAMPLE_ROWS)
                this.compact();
            if (this.size === this.ranks.length)
                this.grow();
            if (rank > this.threshold)
                return;
        }
        const i = this.size++;
        this.ranks[i] = rank;
        this.values[i] = value;
        this.labels[i] = label;
        this.weights[i] = weight;
        this.buckets[i] = bucket;
        this.sorted = null;
    }
    /** Keeps the SAMPLE_ROWS smallest ranks (and any rows tied with the last one). */
    canonicalize() {
        if (this.size > SAMPLE_ROWS)
            this.compact();
    }
    compact() {
        const cutoff = kthSmallest(this.ranks.slice(0, this.size), SAMPLE_ROWS - 1);
        let kept = 0;
        for (let i = 0; i < this.size; i++) {
            if (this.ranks[i] > cutoff)
                continue;
            this.ranks[kept] = this.ranks[i];
            this.values[kept] = this.values[i];
            this.labels[kept] = this.labels[i];
            this.weights[kept] = this.weights[i];
            this.buckets[kept] = this.buckets[i];
            kept++;
        }
        this.size = kept;
        this.threshold = cutoff;
        this.sorted = null;
    }
    grow() {
        // Doubling stops at 2·SAMPLE_ROWS, where `insert` compacts (16,384 rows would be 0.4 MB a
        // segment instead of 0.23), unless the ranks tied at the cutoff filled that too.
        const doubled = this.ranks.length * 2;
        const capacity = this.size < 2 * SAMPLE_ROWS ? Math.min(doubled, 2 * SAMPLE_ROWS) : doubled;
        const grow = (old, make) => {
            const grown = make(capacity);
            grown.set(old);
            return grown;
        };
        this.ranks = grow(this.ranks, (n) => new Uint32Array(n));
        this.values = grow(this.values, (n) => new Float64Array(n));
        this.labels = grow(this.labels, (n) => new Uint8Array(n));
        this.weights = grow(this.weights, (n) => new Float64Array(n));
        this.buckets = grow(this.buckets, (n) => new Uint16Array(n));
    }
}
/**
 * Replicates computed on the sample, as replicates of the statistic on all n rows: unchanged when the
 * sample holds every row, else `full + √(m/n)·(replicate − onSample)` (m-out-of-n, see above).
 */
function fullSampleReplicates(replicates, onSample, full, sampled, rows) {
    if (sampled === rows)
        return replicates;
    const scale = Math.sqrt(sampled / rows);
    return replicates.map((value) => full + scale * (value - onSample));
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
const BY_NAME = new Map(METRICS.map((info) => [info.name, info]));
/** `precision[Adelie]` -> `{ base: 'precision', className: 'Adelie' }`; other names -> null. */
function parseClassMetric(name) {
    const open = name.indexOf('[');
    if (open <= 0 || !name.endsWith(']'))
        return null;
    return { base: name.slice(0, open), className: name.slice(open + 1, -1) };
}
/** `precision[Adelie]` from `precision` and `Adelie`. */
function classMetricName(base, className) {
    return `${base}[${className}]`;
}
/**
 * The metadata of a metric name, per-class names included; `undefined` for an unknown name (the
 * caller reports it with `didYouMean` over `metricNames(task)`).
 *
 * @example describeMetric('recall[Gentoo]')?.formula // 'recall[c] = TP_c / (TP_c + FN_c)'
 */
function describeMetric(name) {
    const exact = BY_NAME.get(name);
    if (exact)
        return exact;
    const perClass = parseClassMetric(name);
    return perClass ? BY_NAME.get(`${perClass.base}[<class>]`) : undefined;
}
/**
 * The names a task reports, in order. Multiclass needs its class names for the per-class metrics.
 *
 * @example metricNames('regression') // ['n', 'mae', 'rmse', 'r2', 'mape', 'median_ae']
 */
function metricNames(task, classes = []) {
    const names = [];
    for (const info of METRICS) {
        if (!info.tasks.includes(task))
            continue;
        const perClass = parseClassMetric(info.name);
        if (perClass)
            for (const c of classes)
                names.push(classMetricName(perClass.base, c));
        else
            names.push(info.name);
    }
    return names;
}

function defined(value, reason) {
    return reason === undefined ? { value } : { value, reason };
}
/** A value the formula leaves undefined (a zero denominator), by scikit-learn's convention. */
function conventional(value, reason) {
    return { value, reason, defined: false };
}
function undefinedBecause(reason) {
    return { value: null, reason };
}
/**
 * Joins an estimate, its interval and its support; `ciReason` explains a missing interval or how
 * it was made.
 */
function withInterval(estimate, support, ci, ciReason, method) {
    const value = estimate.value;
    const shown = value === null ? null : ci;
    const reasons = [estimate.reason, value === null ? undefined : ciReason].filter((text) => text !== undefined);
    return {
        value,
        ci: shown,
        ...(shown !== null && method !== undefined ? { method } : {}),
        ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
        ...(estimate.defined === false ? { defined: false } : {}),
        support
    };
}

/**
 * What the three accumulators (binary, multiclass, regression) share: the finalize loop that
 * attaches to each point estimate the interval its catalog entry names.
 */
const DEFAULT_CONFIDENCE = 0.95;
/** The analytic interval of `basis` at critical value `z`; `null` when there is none. */
function analyticInterval(basis, z) {
    return basis.kind === 'logit'
        ? logitInterval(basis.value, basis.positives, z)
        : orderStatisticInterval(basis.window, z);
}
/** Checks the confidence level (a programming error if wrong: the config validates it first). */
function confidenceLevel(options) {
    const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
    if (!(confidence > 0 && confidence < 1)) {
        throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
    }
    return confidence;
}
/** Every metric of `source` with its interval, keyed by name in catalog order. */
function finalizeMetrics(source, options = {}) {
    const confidence = confidenceLevel(options);
    const z = criticalValue(confidence);
    const result = {};
    for (const name of source.names()) {
        const estimate = source.estimate(name);
        const support = source.support(name);
        if (estimate.value === null) {
            result[name] = withInterval(estimate, support, null);
            continue;
        }
        const { ci, reason, method } = interval(source, name, estimate.value, confidence, z);
        result[name] = withInterval(estimate, support, ci, reason, method);
    }
    return result;
}
function interval(source, name, value, confidence, z) {
    const method = describeMetric(name)?.interval ?? 'none';
    switch (method) {
        case 'none':
            return { ci: null };
        case 'bootstrap':
            return { ...percentileInterval(source.replicates(name), confidence), method };
        case 'bootstrap-or-logit':
        case 'bootstrap-or-order-statistic': {
            if (source.resamplesEveryRow())
                return { ...percentileInterval(source.replicates(name), confidence), method: 'bootstrap' };
            const analytic = method === 'bootstrap-or-logit' ? 'logit' : 'order-statistic';
            const ci = analyticInterval(source.analyticBasis(name), z);
            return ci
                ? { ci, method: analytic }
                : { ci: null, reason: `no ${analytic} interval: ${name} is at the bound of its range` };
        }
        case 'wilson': {
            const { successes, trials, squaredWeights } = source.proportion(name);
            const ci = trials > 0 ? wilsonInterval(successes / trials, effectiveSize(trials, squaredWeights), z) : null;
            return ci ? { ci, method } : { ci: null, reason: 'no interval: the proportion has no trials' };
        }
        case 'delong': {
            const variance = source.rocAucVariance();
            return variance === null
                ? { ci: null, reason: 'no DeLong interval: needs at least 2 positives and 2 negatives' }
                : { ci: normalInterval(value, variance, z, 0, 1), method };
        }
    }
}
/** Throws when two accumulators cannot be merged (a programming error: same config, same task). */
function assertSameSettings(a, b, what) {
    if (a.replicates !== b.replicates || a.seed !== b.seed) {
        throw new RangeError(`cannot merge ${what} accumulators with different bootstrap settings`);
    }
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
 * The bookkeeping every accumulator shares: one set of sufficient statistics over all rows, the
 * same set per bootstrap bucket (BUCKETS blocks, see `poisson-bootstrap.ts`), and the digest of the
 * rows seen. The binary, multiclass and regression accumulators each hold one and say what their
 * statistics are (their layout, how a row adds to them); merging, the replicate statistics and the
 * state's `digest`, `sums` and `buckets` fields are done here, once.
 */
class BucketedSums {
    width;
    bootstrap;
    join;
    digest = new RowDigest();
    /** The statistics of all rows (`width` of them). */
    sums;
    /** BUCKETS blocks of `width` statistics: bucket j's at `[j·width, (j+1)·width)`. */
    buckets;
    /**
     * @param width statistics per set
     * @param join how k copies of a set are added to another, for statistics that do not add up (a
     *   mean and a spread); `null`: they are sums, added element by element
     */
    constructor(width, bootstrap, join = null) {
        this.width = width;
        this.bootstrap = bootstrap;
        this.join = join;
        this.sums = new Float64Array(width);
        this.buckets = new Float64Array(BUCKETS * width);
    }
    /**
     * Adds the rows of `other`, of the same width and bootstrap settings: the accumulator checks
     * those, with its own settings (threshold, classes), before anything is added.
     */
    merge(other) {
        if (this.join) {
            this.join(this.sums, 0, other.sums, 0, 1);
            for (let o = 0; o < this.buckets.length; o += this.width)
                this.join(this.buckets, o, other.buckets, o, 1);
        }
        else {
            addInto(this.sums, other.sums);
            addInto(this.buckets, other.buckets);
        }
        this.digest.merge(other.digest);
    }
    /** The statistics of every bootstrap replicate: replicate b at `[b·width, (b+1)·width)`. */
    replicateSums() {
        return combineBuckets(this.buckets, this.width, this.bootstrap, this.join);
    }
    toState() {
        return {
            digest: this.digest.toState(),
            sums: encode(this.sums),
            buckets: encodeBuckets(this.buckets, this.width)
        };
    }
    /** Reads the fields `toState` wrote from a state record; throws an `Error` saying what is wrong. */
    restore(record) {
        this.digest.merge(RowDigest.fromState(objectField(record, 'digest')));
        this.sums.set(decode(record, 'sums', Float64Array, this.width));
        this.buckets.set(decodeBuckets(record, 'buckets', this.width));
    }
}
/** `target[i] += source[i]` for every i. */
function addInto(target, source) {
    for (let i = 0; i < target.length; i++)
        target[i] += source[i];
}

/**
 * Metrics of how scores rank positives above negatives: ROC AUC (with DeLong's variance) and
 * average precision. The point values need every score, grouped by distinct value; the bootstrap
 * replicates run on the hash sample (see `hash-sample.ts`).
 */
/** Groups the (ascending) scores of the positives and of the negatives by distinct score, descending. */
function scoreGroups(positives, negatives) {
    const pos = positives.values;
    const neg = negatives.values;
    const positive = new Float64Array(pos.length + neg.length);
    const negative = new Float64Array(pos.length + neg.length);
    let i = pos.length - 1;
    let j = neg.length - 1;
    let g = 0;
    for (; i >= 0 || j >= 0; g++) {
        const score = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
        const firstPos = i;
        const firstNeg = j;
        while (i >= 0 && pos[i] === score)
            i--;
        while (j >= 0 && neg[j] === score)
            j--;
        positive[g] = weightOf(positives, i + 1, firstPos + 1);
        negative[g] = weightOf(negatives, j + 1, firstNeg + 1);
    }
    return { positive: positive.subarray(0, g), negative: negative.subarray(0, g) };
}
/** The total weight of the values at [from, to): their count (of rows) when all weights are 1. */
function weightOf({ weights, counts }, from, to) {
    const each = weights ?? counts;
    if (!each)
        return to - from;
    let total = 0;
    for (let k = from; k < to; k++)
        total += each[k];
    return total;
}
/**
 * ROC AUC and average precision, one group of tied scores at a time in descending score order:
 *
 *   ROC AUC: area += neg_g·(pos_before + pos_g/2), auc = area / (P·N)   (ties count one half)
 *   AP:      ap   += pos_g·TP/(TP + FP) after the group, ap = ap / P    (step-wise, as scikit-learn)
 *
 * Both are NaN when there is no positive or no negative weight.
 */
function rankingValue(groups) {
    const groupPositive = groups.positive;
    const groupNegative = groups.negative;
    let positives = 0;
    let negatives = 0;
    let area = 0;
    let precisionSum = 0;
    for (let g = 0; g < groupPositive.length; g++) {
        const positive = groupPositive[g];
        const negative = groupNegative[g];
        area += negative * (positives + positive / 2);
        positives += positive;
        negatives += negative;
        if (positive > 0)
            precisionSum += (positive * positives) / (positives + negatives);
    }
    const bothClasses = positives > 0 && negatives > 0;
    return {
        rocAuc: bothClasses ? area / (positives * negatives) : NaN,
        averagePrecision: bothClasses ? precisionSum / positives : NaN
    };
}
/**
 * The sample's rows under B weightings: row i weighs w_i·W[b, bucket_i] in replicate b. Each
 * replicate sums its weights into the sample's score groups (found once), then sweeps the groups.
 */
function rankingReplicates(rows, settings) {
    const { values, labels, weights, buckets } = rows;
    const n = values.length;
    const groupOf = new Uint32Array(n); // 0 = the highest score
    let groupCount = 0;
    for (let i = n - 1; i >= 0; i--) {
        if (i < n - 1 && values[i] !== values[i + 1])
            groupCount++;
        groupOf[i] = groupCount;
    }
    const positive = new Float64Array(groupCount + 1);
    const negative = new Float64Array(groupCount + 1);
    const scratch = { positive, negative };
    const weigh = (bucketWeight, offset) => {
        positive.fill(0);
        negative.fill(0);
        for (let i = 0; i < n; i++) {
            const k = bucketWeight[offset + buckets[i]];
            if (k === 0)
                continue;
            if (labels[i] === 1)
                positive[groupOf[i]] += k * weights[i];
            else
                negative[groupOf[i]] += k * weights[i];
        }
        return rankingValue(scratch);
    };
    const b = settings.replicates;
    const rocAuc = new Float64Array(b);
    const averagePrecision = new Float64Array(b);
    const bucketWeight = bucketWeights(settings);
    for (let r = 0; r < b; r++) {
        const value = weigh(bucketWeight, r * BUCKETS);
        rocAuc[r] = value.rocAuc;
        averagePrecision[r] = value.averagePrecision;
    }
    return { rocAuc, averagePrecision, onSample: weigh(new Uint8Array(BUCKETS).fill(1), 0) };
}
/**
 * DeLong's variance of the ROC AUC, by the midrank method of Sun & Xu (2014) in one sorted pass.
 *
 * Structural components: for a positive row, V10 = (weight of negatives scored lower + ½ tied) / N;
 * for a negative row, V01 = (weight of positives scored higher + ½ tied) / P. Then
 *
 *   var = S10 / m + S01 / n,  S10 = Σ w·(V10 − auc)² / P · m / (m − 1)  (likewise S01)
 *
 * where m and n are the Kish effective numbers of positives and negatives (`(Σw)²/Σw²`: the counts
 * themselves when unweighted, which is DeLong's formula exactly). `null` when m ≤ 1 or n ≤ 1.
 */
function delongVariance(groups, auc, m, n) {
    if (!(m > 1 && n > 1))
        return null;
    let pos = 0;
    let neg = 0;
    for (let g = 0; g < groups.positive.length; g++) {
        pos += groups.positive[g];
        neg += groups.negative[g];
    }
    let posBefore = 0;
    let negBefore = 0;
    let s10 = 0;
    let s01 = 0;
    for (let g = 0; g < groups.positive.length; g++) {
        const groupPos = groups.positive[g];
        const groupNeg = groups.negative[g];
        const v10 = (neg - negBefore - groupNeg / 2) / neg;
        const v01 = (posBefore + groupPos / 2) / pos;
        s10 += groupPos * (v10 - auc) ** 2;
        s01 += groupNeg * (v01 - auc) ** 2;
        posBefore += groupPos;
        negBefore += groupNeg;
    }
    return s10 / pos / (m - 1) + s01 / neg / (n - 1);
}

/**
 * An append-only Float64Array that doubles its capacity: the per-row storage of the metrics that
 * need every value (ROC AUC, average precision, median), without one JS number object per row.
 * It starts small (64 values) because most accumulators are small segments.
 */
class GrowableFloat64Array {
    data;
    size = 0;
    /** Starts empty, or holding a copy of `initial`. */
    constructor(initial) {
        this.data = new Float64Array(Math.max(initial?.length ?? 0, 64));
        if (initial) {
            this.data.set(initial);
            this.size = initial.length;
        }
    }
    /** Holds `values` as they are, not copied (a push past them moves to a copy). */
    static wrapping(values) {
        const wrapped = new GrowableFloat64Array();
        wrapped.data = values;
        wrapped.size = values.length;
        return wrapped;
    }
    get length() {
        return this.size;
    }
    push(value) {
        if (this.size === this.data.length)
            this.reserve(this.size + 1);
        this.data[this.size++] = value;
    }
    /** Appends `count` copies of `value`. */
    pushRepeated(value, count) {
        this.reserve(this.size + count);
        this.data.fill(value, this.size, this.size + count);
        this.size += count;
    }
    /** Appends all values of `other` (used by `merge`). */
    append(other) {
        this.reserve(this.size + other.length);
        this.data.set(other, this.size);
        this.size += other.length;
    }
    /** The values pushed so far: a view (writable, e.g. to sort in place), valid until the next push. */
    values() {
        return this.data.subarray(0, this.size);
    }
    /** Makes room for `capacity` values in all; grows by doubling at least, so pushes stay O(1). */
    reserve(capacity) {
        if (capacity <= this.data.length)
            return;
        const grown = new Float64Array(Math.max(capacity, this.data.length * 2));
        grown.set(this.data.subarray(0, this.size));
        this.data = grown;
    }
}

/**
 * Every value of a column with its sample weight, for the statistics that need them all (ROC AUC and
 * average precision: the scores of each class; median_ae: the absolute errors). The order of the
 * values carries no meaning (a multiset).
 *
 * Two forms. Rows as pushed: 8 bytes per row (weights are stored only once a weight other than 1
 * arrives), sorted in place by `sorted`, once until the next `push`, and not at all when they were
 * pushed in order. And a table: each distinct value once, ascending, with its count and (with
 * weights) its summed weight, which is what `toState` writes, so that a shard's state grows with its
 * distinct values, not its rows (scores written with 6 decimals have at most 10⁶). A state restored
 * from a table, and anything merged with it, stays a table: a merge of many shards holds the
 * distinct values of all of them, not their rows. Where a table would take more room than the rows
 * (fewer than two rows per distinct value, as continuous scores have), the rows are written and
 * restored as rows, no bigger than before.
 *
 * Exact: with weights all 1, counts are integers and the ranking metrics' groups weigh the same in
 * either form. With other weights, a value's weights are summed per piece and then across pieces,
 * another grouping than a single run's: equal to rounding.
 */
/** `a` comes before `b` in `sortNumbers`' order: smaller, or −0 before +0. */
function before(a, b) {
    return a < b || (a === 0 && b === 0 && Object.is(a, -0) && !Object.is(b, -0));
}
class WeightedValues {
    values;
    weights;
    isSorted = true;
    /** The largest value while `isSorted`, to tell whether a push keeps the order. */
    last = -Infinity;
    /** The table form, once restored from or merged with one; the rows above are then added to it. */
    table = null;
    constructor(values, weights) {
        this.values = new GrowableFloat64Array(values);
        this.weights = weights ? new GrowableFloat64Array(weights) : null;
    }
    /** The rows held (in either form). */
    get length() {
        let rows = this.values.length;
        if (this.table)
            for (const count of this.table.counts)
                rows += count;
        return rows;
    }
    push(value, weight) {
        if (weight !== 1 && !this.weights)
            this.materializeWeights();
        if (this.isSorted) {
            if (before(value, this.last))
                this.isSorted = false;
            else
                this.last = value;
        }
        this.values.push(value);
        this.weights?.push(weight);
    }
    /**
     * Appends values already in `sortNumbers`' order. Into an empty instance the arrays are taken as
     * they are, not copied: they may be views into a larger array (see `score-ledger.ts`).
     */
    appendAscending({ values, weights }) {
        if (this.values.length > 0 || this.table) {
            for (let i = 0; i < values.length; i++)
                this.push(values[i], weights === null ? 1 : weights[i]);
            return;
        }
        this.values = GrowableFloat64Array.wrapping(values);
        this.weights = weights === null ? null : GrowableFloat64Array.wrapping(weights);
        this.isSorted = true;
        this.last = values.length > 0 ? values[values.length - 1] : -Infinity;
    }
    append(other) {
        if (other.length === 0)
            return;
        if (this.table || other.table) {
            this.table = mergeTables(this.folded(), other.folded());
            return;
        }
        if (other.weights && !this.weights)
            this.materializeWeights();
        this.values.append(other.values.values());
        if (this.weights) {
            if (other.weights)
                this.weights.append(other.weights.values());
            else
                this.weights.pushRepeated(1, other.length);
        }
        this.isSorted = false;
    }
    /** The values ascending: the rows, or the table's distinct values with their counts. */
    sorted() {
        if (this.table)
            return this.folded();
        return this.sortedRows();
    }
    /**
     * One entry per row, ascending, for the statistics read by position (median_ae's order
     * statistics): a table is expanded, each value repeated by its count with an equal share of its
     * summed weight, so a merged regression holds every error again while it finalizes.
     */
    rows() {
        if (!this.table)
            return this.sortedRows();
        const { values, counts, weights } = this.folded();
        const n = this.length;
        const out = new Float64Array(n);
        const outWeights = weights ? new Float64Array(n) : null;
        let at = 0;
        for (let i = 0; i < values.length; i++) {
            out.fill(values[i], at, at + counts[i]);
            outWeights?.fill(weights[i] / counts[i], at, at + counts[i]);
            at += counts[i];
        }
        return { values: out, weights: outWeights };
    }
    /**
     * The table, or the rows where they take no more room (a table entry is a value and a count of
     * the narrowest width that holds the largest), unless rows would have to be made up from summed
     * weights.
     */
    toState() {
        const table = this.table ? this.folded() : compact(this.sortedRows());
        const counts = narrowest(table.counts);
        const tableBytes = table.values.length * (8 + counts.BYTES_PER_ELEMENT);
        if (tableBytes >= 8 * this.length && (!this.table || !table.weights)) {
            const { values, weights } = this.table ? this.rows() : this.sortedRows();
            return { values: encode(values), counts: null, weights: weights ? encode(weights) : null };
        }
        return {
            values: encode(table.values),
            counts: encode(counts),
            weights: table.weights ? encode(table.weights) : null
        };
    }
    /** Restores a `toState()` record read back from JSON: every field is checked. */
    static fromState(record, what) {
        if (typeof record !== 'object' || record === null)
            throw stateError(`${what} must be { values, weights }`);
        const values = decode(record, 'values', Float64Array);
        const weights = record.weights === null ? null : decode(record, 'weights', Float64Array, values.length);
        if (record.counts === null || record.counts === undefined) {
            const restored = new WeightedValues(values, weights);
            restored.isSorted = false;
            return restored;
        }
        const counts = decodeCounts(record, values.length, what);
        for (let i = 0; i < values.length; i++) {
            if (i > 0 && !before(values[i - 1], values[i])) {
                throw stateError(`${what}.values must be distinct and ascending where counts are given`);
            }
            if (!(Number.isInteger(counts[i]) && counts[i] >= 1)) {
                throw stateError(`${what}.counts must be whole numbers >= 1, got ${counts[i]}`);
            }
        }
        const restored = new WeightedValues();
        restored.table = { values, counts, weights };
        return restored;
    }
    sortedRows() {
        const values = this.values.values();
        const weights = this.weights?.values() ?? null;
        if (!this.isSorted)
            sortNumbers(values, weights);
        this.isSorted = true;
        this.last = values.length > 0 ? values[values.length - 1] : -Infinity;
        return { values, weights };
    }
    /** The table with the rows pushed since folded in (the rows are then dropped). */
    folded() {
        let table = this.table;
        if (this.values.length > 0 || !table) {
            const rows = compact(this.sortedRows());
            table = table ? mergeTables(table, rows) : rows;
            this.values = new GrowableFloat64Array();
            this.weights = null;
            this.isSorted = true;
            this.last = -Infinity;
        }
        this.table = table;
        return table;
    }
    materializeWeights() {
        this.weights = new GrowableFloat64Array();
        this.weights.pushRepeated(1, this.values.length);
    }
}
/** The counts in the narrowest of 1, 2, 4 or 8 bytes each that holds them all. */
function narrowest(counts) {
    let largest = 0;
    for (const count of counts)
        if (count > largest)
            largest = count;
    const type = largest < 2 ** 8 ? Uint8Array : largest < 2 ** 16 ? Uint16Array : largest < 2 ** 32 ? Uint32Array : null;
    return type === null ? counts : type.from(counts);
}
/** The counts of `length` values, whose width (1, 2, 4 or 8 bytes) the byte length tells. */
function decodeCounts(record, length, what) {
    const bytes = typeof record.counts === 'string' ? Buffer.from(record.counts, 'base64').length : -1;
    const width = length > 0 ? bytes / length : 0;
    if (width === 1)
        return Float64Array.from(decode(record, 'counts', Uint8Array, length));
    if (width === 2)
        return Float64Array.from(decode(record, 'counts', Uint16Array, length));
    if (width === 4)
        return Float64Array.from(decode(record, 'counts', Uint32Array, length));
    if (width === 8)
        return decode(record, 'counts', Float64Array, length);
    throw stateError(`${what}.counts must hold one count of 1, 2, 4 or 8 bytes per value (${length} values)`);
}
/** Ascending rows as a table: runs of one value (−0 and +0 apart) become one entry. */
function compact({ values, weights }) {
    const n = values.length;
    let distinct = 0;
    for (let i = 0; i < n; i++)
        if (i === 0 || !Object.is(values[i], values[i - 1]))
            distinct++;
    const out = new Float64Array(distinct);
    const counts = new Float64Array(distinct);
    const sums = weights ? new Float64Array(distinct) : null;
    let g = -1;
    for (let i = 0; i < n; i++) {
        if (i === 0 || !Object.is(values[i], values[i - 1]))
            out[++g] = values[i];
        counts[g]++;
        if (sums)
            sums[g] += weights[i];
    }
    return { values: out, counts, weights: sums };
}
/** The union of two tables, a value in both summing its counts and weights. */
function mergeTables(a, b) {
    const capacity = a.values.length + b.values.length;
    const values = new Float64Array(capacity);
    const counts = new Float64Array(capacity);
    const weighted = a.weights !== null || b.weights !== null;
    const weights = weighted ? new Float64Array(capacity) : null;
    // A table without weights has weights 1: a value's summed weight is its count.
    const weightOf = (t, i) => (t.weights ? t.weights[i] : t.counts[i]);
    let i = 0;
    let j = 0;
    let g = 0;
    for (; i < a.values.length || j < b.values.length; g++) {
        const fromA = j >= b.values.length || (i < a.values.length && !before(b.values[j], a.values[i]));
        const fromB = i >= a.values.length || (j < b.values.length && !before(a.values[i], b.values[j]));
        values[g] = fromA ? a.values[i] : b.values[j];
        if (fromA) {
            counts[g] += a.counts[i];
            if (weights)
                weights[g] += weightOf(a, i);
            i++;
        }
        if (fromB) {
            counts[g] += b.counts[j];
            if (weights)
                weights[g] += weightOf(b, j);
            j++;
        }
    }
    return {
        values: values.subarray(0, g),
        counts: counts.subarray(0, g),
        weights: weights ? weights.subarray(0, g) : null
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
// Layout of one set of sufficient statistics (the point estimate, and each bootstrap bucket).
const TP = 0;
const FP = 1;
const TN = 2;
const FN = 3;
const BRIER = 4;
const LOG_LOSS = 5;
const ECE = 6; // ECE_BINS sums of w·(y − score), one per bin
/** Sums per bootstrap bucket (state-budget.ts sizes segments by it). */
const WIDTH$1 = ECE + ECE_BINS;
/** Proportions as [numerator cells, denominator cells] of the confusion matrix. */
const PROPORTIONS = {
    accuracy: [
        [TP, TN],
        [TP, FP, TN, FN]
    ],
    precision: [[TP], [TP, FP]],
    recall: [[TP], [TP, FN]],
    specificity: [[TN], [TN, FP]],
    positive_rate: [
        [TP, FP],
        [TP, FP, TN, FN]
    ]
};
/**
 * Accumulates binary classification rows.
 *
 * Preconditions of `add` (the readers validate them; `add` does not re-check per row): `label` is
 * 0 or 1, `score` is finite (a probability in [0, 1] for brier, log_loss and ece; other scores only
 * make those three `null`), `weight` is finite and ≥ 0, and `rowKey` is a safe integer identifying
 * the row (its line number or id; see `rowKeyOf` for text ids), unique within the data.
 *
 * Cost: `add` is O(1) (one bucket updated, whatever the number of replicates); memory is 8 bytes per
 * row (its score; 16 with sample weights other than 1) plus 128 KiB of bucket sums and at most
 * 0.23 MB of hash sample; `finalize` sorts the scores once (radix sort) and costs O(n + B·K + B·m).
 *
 * @example
 * const metrics = new BinaryAccumulator({ threshold: 0.5 })
 * metrics.add(1, 0.9, 1)
 * metrics.add(0, 0.2, 2)
 * metrics.finalize().recall // { value: 1, ci: [0.2065, 1], method: 'wilson' }
 */
class BinaryAccumulator {
    task = 'binary';
    threshold;
    bootstrap;
    digest;
    /** WIDTH sums of all rows and per bootstrap bucket (layout above). */
    core;
    /** Σw² per confusion cell, for the effective sample size of the Wilson intervals. */
    squares = new Float64Array(4);
    /** Rows of positive weight per confusion cell, unweighted: the support of each metric. */
    counts = new Float64Array(4);
    positives = new WeightedValues();
    negatives = new WeightedValues();
    sample = new HashSample();
    minScore = Infinity;
    maxScore = -Infinity;
    cache = null;
    constructor(options = {}) {
        this.threshold = options.threshold ?? 0.5;
        this.bootstrap = bootstrapSettings(options.bootstrap);
        this.core = new BucketedSums(WIDTH$1, this.bootstrap);
        this.digest = this.core.digest;
    }
    /** Adds one row: true label (0 or 1), score (P(label = 1)), row key, sample weight (default 1). */
    add(label, score, rowKey, weight = 1) {
        this.addHashed(label, score, rowHash(this.bootstrap.seed, rowKey), weight);
    }
    /**
     * `add` for a row whose `rowHash(bootstrap.seed, rowKey)` the caller has computed: a row that
     * lands in several segments (every segment accumulator of a run shares the seed) is hashed once,
     * and its `binaryLogLoss(label, score)` (a third of `add`'s cost) is computed once when passed.
     */
    addHashed(label, score, hash, weight = 1, loss = binaryLogLoss(label, score)) {
        this.addExceptScore(label, score, hash, weight, loss);
        this.addScore(label, score, weight);
    }
    /**
     * Adds the `members` of `rows` (indices, ascending) as `addHashed` would one by one, all but the
     * copy of each score kept for ROC AUC and average precision: the caller then adds these rows'
     * scores with `addAscendingScores`, in ascending score order, which spares the sort at finalize
     * (evaluate.ts sorts the scores of all its segments at once).
     */
    addRowsExceptScores(rows, members) {
        const { label, score, hash, weight, loss } = rows;
        for (let k = 0; k < members.length; k++) {
            const m = members[k];
            this.addExceptScore(label[m], score[m], hash[m], weight[m], loss[m], rows.bin[m], rows.rank[m]);
        }
    }
    /** Keeps a row's score for the ranking metrics (sorted at finalize, unless added in order). */
    addScore(label, score, weight) {
        (label === 1 ? this.positives : this.negatives).push(score, weight);
        this.cache = null;
    }
    /**
     * Keeps the scores of rows whose other statistics `addRowsExceptScores` added, each class's in
     * ascending order (`sortNumbers`'): no sort at finalize.
     */
    addAscendingScores(positives, negatives) {
        this.positives.appendAscending(positives);
        this.negatives.appendAscending(negatives);
        this.cache = null;
    }
    /** Everything `addHashed` does but keep the score for the ranking metrics. */
    addExceptScore(label, score, hash, weight, loss, bin = eceBin(score), rank = sampleRank(hash)) {
        const cell = score >= this.threshold ? (label === 1 ? TP : FP) : label === 1 ? FN : TN;
        const error = label - score;
        const bucket = bucketOf(hash);
        addRow$2(this.core.sums, 0, weight, cell, error, loss, bin);
        addRow$2(this.core.buckets, bucket * WIDTH$1, weight, cell, error, loss, bin);
        this.squares[cell] += weight * weight;
        if (weight > 0)
            this.counts[cell]++;
        if (score < this.minScore)
            this.minScore = score;
        if (score > this.maxScore)
            this.maxScore = score;
        this.sample.add(rank, score, label, weight, bucket);
        this.digest.add(hash);
        this.cache = null;
    }
    /** Adds the rows of `other` (same threshold and bootstrap settings) to this accumulator. */
    merge(other) {
        assertSameSettings(this.bootstrap, other.bootstrap, 'binary');
        if (this.threshold !== other.threshold) {
            throw new RangeError(`cannot merge binary accumulators with thresholds ${this.threshold} and ${other.threshold}`);
        }
        this.core.merge(other.core);
        addInto(this.squares, other.squares);
        addInto(this.counts, other.counts);
        this.positives.append(other.positives);
        this.negatives.append(other.negatives);
        this.sample.merge(other.sample);
        this.minScore = Math.min(this.minScore, other.minScore);
        this.maxScore = Math.max(this.maxScore, other.maxScore);
        this.cache = null;
        return this;
    }
    /** Every binary metric with its confidence interval (see `catalog.ts` for names and methods). */
    finalize(options = {}) {
        return finalizeMetrics(this, options);
    }
    /** The state as a JSON-safe object; `BinaryAccumulator.fromState` restores it exactly. */
    toState() {
        const { digest, sums, buckets } = this.core.toState();
        return {
            ...header('binary', this.bootstrap),
            task: 'binary',
            threshold: this.threshold,
            digest,
            sums,
            squares: encode(this.squares),
            counts: encode(this.counts),
            scoreRange: encode(Float64Array.of(this.minScore, this.maxScore)),
            buckets,
            positives: this.positives.toState(),
            negatives: this.negatives.toState(),
            sample: this.sample.toState()
        };
    }
    /** Restores a `toState()` object (e.g. parsed from JSON); throws an `Error` saying what is wrong. */
    static fromState(state) {
        const record = readHeader(state, 'binary');
        const restored = new BinaryAccumulator({
            threshold: numberField(record, 'threshold'),
            bootstrap: record.bootstrap
        });
        restored.core.restore(record);
        restored.squares.set(decode(record, 'squares', Float64Array, 4));
        restored.counts.set(decode(record, 'counts', Float64Array, 4));
        [restored.minScore, restored.maxScore] = decode(record, 'scoreRange', Float64Array, 2);
        const values = (field) => WeightedValues.fromState(objectField(record, field), field);
        restored.positives = values('positives');
        restored.negatives = values('negatives');
        restored.sample = HashSample.fromState(objectField(record, 'sample'));
        return restored;
    }
    names() {
        return metricNames('binary');
    }
    estimate(name) {
        const s = this.core.sums;
        switch (name) {
            case 'n':
                return defined(this.digest.rows);
            case 'positives':
                return defined(s[TP] + s[FN]);
            case 'tp':
            case 'fp':
            case 'tn':
            case 'fn':
                return defined(s[{ tp: TP, fp: FP, tn: TN, fn: FN }[name]]);
            case 'roc_auc':
            case 'average_precision':
                return this.rankingEstimate(name);
        }
        const value = statistic$2(name, s, 0);
        const problem = this.undefinedReason(name);
        if (problem)
            return undefinedBecause(problem);
        const used = convention(name, s);
        if (used === undefined)
            return defined(value);
        return used.zeroDenominator ? conventional(value, used.note) : defined(value, used.note);
    }
    support(name) {
        return countSupport(describeMetric(name).support, this.counts);
    }
    replicates(name) {
        if (name === 'roc_auc' || name === 'average_precision') {
            const field = name === 'roc_auc' ? 'rocAuc' : 'averagePrecision';
            const replicates = this.rankingReplicates();
            return fullSampleReplicates(replicates[field], replicates.onSample[field], this.ranking()[field], this.sample.sampled, this.digest.rows);
        }
        const sums = this.replicateSums();
        const out = new Float64Array(this.bootstrap.replicates);
        for (let b = 0; b < out.length; b++)
            out[b] = statistic$2(name, sums, b * WIDTH$1);
        return out;
    }
    proportion(name) {
        const [numerator, denominator] = PROPORTIONS[name];
        let successes = 0;
        let trials = 0;
        let squaredWeights = 0;
        for (const cell of numerator)
            successes += this.core.sums[cell];
        for (const cell of denominator) {
            trials += this.core.sums[cell];
            squaredWeights += this.squares[cell];
        }
        return { successes, trials, squaredWeights };
    }
    rocAucVariance() {
        return this.ranking().rocAucVariance;
    }
    resamplesEveryRow() {
        return this.digest.rows <= SAMPLE_ROWS;
    }
    /** average_precision above SAMPLE_ROWS rows: the logit interval over the effective positives. */
    analyticBasis() {
        const s = this.core.sums;
        const q = this.squares;
        const positives = effectiveSize(s[TP] + s[FN], q[TP] + q[FN]);
        return { kind: 'logit', value: this.ranking().averagePrecision, positives };
    }
    /** Why a metric is `null` for these rows, or undefined if it is defined. */
    undefinedReason(name) {
        const s = this.core.sums;
        const positives = s[TP] + s[FN];
        const negatives = s[TN] + s[FP];
        if (positives + negatives === 0)
            return 'no rows (total weight 0)';
        const probabilistic = name === 'brier' || name === 'log_loss' || name === 'ece';
        if (probabilistic && (this.minScore < 0 || this.maxScore > 1)) {
            return `scores range over [${this.minScore}, ${this.maxScore}], not [0, 1]: they are not probabilities`;
        }
        const oneClass = positives === 0 || negatives === 0;
        switch (name) {
            case 'specificity':
                return negatives === 0
                    ? 'no negatives in y_true (TN + FP = 0); specificity is not defined'
                    : undefined;
            case 'balanced_accuracy':
                return oneClass ? 'only one class present in y_true; balanced accuracy is not defined' : undefined;
            case 'log_loss':
                return oneClass
                    ? 'only one class present in y_true; log loss is not defined (scikit-learn refuses it)'
                    : undefined;
            case 'roc_auc':
                return oneClass ? 'only one class present in y_true; ROC AUC is not defined' : undefined;
            case 'average_precision':
                return oneClass ? 'only one class present in y_true; average precision is not defined' : undefined;
        }
        return undefined;
    }
    rankingEstimate(name) {
        const problem = this.undefinedReason(name);
        if (problem)
            return undefinedBecause(problem);
        const point = this.ranking();
        return defined(name === 'roc_auc' ? point.rocAuc : point.averagePrecision);
    }
    derived() {
        return (this.cache ??= {});
    }
    /** The bootstrap's bucket sums: `combineBuckets(sums, width, bootstrap)` gives `replicateSums`. */
    bootstrapBuckets() {
        return { sums: this.core.buckets, width: WIDTH$1 };
    }
    /**
     * Takes the replicate sums of `bootstrapBuckets()` computed elsewhere (on another thread), which
     * finalize would otherwise compute; kept until the next add or merge, like its own.
     */
    adoptReplicateSums(replicates) {
        if (replicates.length !== this.bootstrap.replicates * WIDTH$1) {
            throw new RangeError(`replicate sums: expected ${this.bootstrap.replicates * WIDTH$1} values, got ${replicates.length}`);
        }
        this.derived().replicateSums = replicates;
    }
    replicateSums() {
        return (this.derived().replicateSums ??= this.core.replicateSums());
    }
    ranking() {
        return (this.derived().ranking ??= this.rank());
    }
    /**
     * Everything the score groups are needed for, at once, so that they are not kept: 16 bytes per
     * score, twice what the scores themselves take, for every segment until the evaluation is dropped.
     * Sorts the scores once per finalize.
     */
    rank() {
        const groups = scoreGroups(this.positives.sorted(), this.negatives.sorted());
        const value = rankingValue(groups);
        if (Number.isNaN(value.rocAuc))
            return { ...value, rocAucVariance: null };
        const s = this.core.sums;
        const q = this.squares;
        const positives = effectiveSize(s[TP] + s[FN], q[TP] + q[FN]);
        const negatives = effectiveSize(s[TN] + s[FP], q[TN] + q[FP]);
        return { ...value, rocAucVariance: delongVariance(groups, value.rocAuc, positives, negatives) };
    }
    rankingReplicates() {
        return (this.derived().rankingReplicates ??= rankingReplicates(this.sample.rows(), this.bootstrap));
    }
}
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
function addRow$2(sums, o, w, cell, error, loss, bin) {
    sums[o + cell] += w;
    sums[o + BRIER] += w * error * error;
    sums[o + LOG_LOSS] += w * loss;
    sums[o + bin] += w * error;
}
/**
 * A threshold or calibration metric from one set of sufficient statistics at `sums[o …]`; NaN when
 * undefined (the point estimate replaces NaN by a reason, a bootstrap replicate leaves it out).
 */
function statistic$2(name, sums, o) {
    const tp = sums[o + TP];
    const fp = sums[o + FP];
    const tn = sums[o + TN];
    const fn = sums[o + FN];
    const total = tp + fp + tn + fn;
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const specificity = tn + fp > 0 ? tn / (tn + fp) : NaN;
    const oneClass = tp + fn === 0 || tn + fp === 0;
    switch (name) {
        case 'accuracy':
            return (tp + tn) / total;
        case 'precision':
            return precision;
        case 'recall':
            return recall;
        case 'f1':
            return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
        case 'specificity':
            return specificity;
        case 'balanced_accuracy':
            return oneClass ? NaN : (recall + specificity) / 2;
        case 'mcc':
            return matthews(tp, fp, tn, fn);
        case 'positive_rate':
            return (tp + fp) / total;
        case 'brier':
            return sums[o + BRIER] / total;
        case 'log_loss':
            return oneClass ? NaN : sums[o + LOG_LOSS] / total;
        case 'ece': {
            let gap = 0;
            for (let bin = 0; bin < ECE_BINS; bin++)
                gap += Math.abs(sums[o + ECE + bin]);
            return gap / total;
        }
    }
    throw new RangeError(`not a binary metric: ${name}`);
}
/** scikit-learn's `matthews_corrcoef` arithmetic (covariances of the confusion matrix), 0 if degenerate. */
function matthews(tp, fp, tn, fn) {
    const n = tp + fp + tn + fn;
    const trueNeg = tn + fp;
    const truePos = fn + tp;
    const predNeg = tn + fn;
    const predPos = fp + tp;
    const covTruePred = (tp + tn) * n - (trueNeg * predNeg + truePos * predPos);
    const covPredPred = n * n - (predNeg * predNeg + predPos * predPos);
    const covTrueTrue = n * n - (trueNeg * trueNeg + truePos * truePos);
    return covPredPred * covTrueTrue === 0 ? 0 : covTruePred / Math.sqrt(covTrueTrue * covPredPred);
}
/** The support of a binary metric from the rows of positive weight per confusion cell. */
function countSupport(support, c) {
    const positives = c[TP] + c[FN];
    const negatives = c[TN] + c[FP];
    switch (support) {
        case 'positives':
            return positives;
        case 'negatives':
            return negatives;
        case 'predicted_positives':
            return c[TP] + c[FP];
        case 'positive_or_predicted':
            return c[TP] + c[FP] + c[FN];
        case 'smaller_class':
            return Math.min(positives, negatives);
        default:
            return positives + negatives;
    }
}
/**
 * The zero-division conventions that give a value where the formula divides by zero, and whether
 * the metric's own denominator is 0 (then the value is a convention, not evidence: a gate does not
 * judge it). F1 = 2·TP / (2·TP + FP + FN) is 0, not undefined, when only TP is 0.
 */
function convention(name, s) {
    const predicted = s[TP] + s[FP];
    const positives = s[TP] + s[FN];
    const note = (text, zeroDenominator = true) => ({ note: text, zeroDenominator });
    switch (name) {
        case 'precision':
            return predicted === 0 ? note('no predicted positives (TP + FP = 0): 0 by zero_division=0') : undefined;
        case 'recall':
            return positives === 0 ? note('no positives in y_true (TP + FN = 0): 0 by zero_division=0') : undefined;
        case 'f1':
            return s[TP] === 0
                ? note('precision + recall = 0: 0 by zero_division=0', predicted + s[FN] === 0)
                : undefined;
        case 'mcc':
            return predicted === 0 || positives === 0 || s[TN] + s[FN] === 0 || s[TN] + s[FP] === 0
                ? note('only one class in y_true or in the predictions: the MCC denominator is 0, so 0 as scikit-learn')
                : undefined;
    }
    return undefined;
}

/**
 * Multiclass classification metrics from (true class, predicted class, probabilities) rows, in one
 * streaming pass, mergeable. Every average runs over all declared classes, present or not, as
 * scikit-learn does when given `labels=classes` (a class absent from a segment counts as 0).
 */
/**
 * Accumulates multiclass rows.
 *
 * Preconditions of `add`: `label` and `prediction` are class indices in [0, classes.length); the
 * probabilities, when given, hold one finite value per class (rows summing to 1 up to rounding: they
 * are renormalised as scikit-learn does); `weight` is finite and ≥ 0; `rowKey` is a safe integer
 * unique to the row. log_loss is reported only when every row came with probabilities.
 *
 * @example
 * const metrics = new MulticlassAccumulator({ classes: ['Adelie', 'Chinstrap', 'Gentoo'] })
 * metrics.add(0, null, [0.7, 0.2, 0.1], 1) // prediction null: the most probable class (0)
 * metrics.add(2, 2, null, 2)
 * metrics.finalize()['recall[Adelie]'] // { value: 1, ci: [0.2065, 1] }
 */
class MulticlassAccumulator {
    task = 'multiclass';
    classes;
    bootstrap;
    digest;
    /**
     * The sums of all rows and per bootstrap bucket, `width` each. Per class: TP at [0, K), predicted weight at [K, 2K), true weight (support) at [2K, 3K); then Σ w·loss.
     */
    core;
    /** Per class Σw² of predicted rows at [0, K) and of true rows at [K, 2K); then Σw² of all rows. */
    squares;
    /** Rows of positive weight, unweighted, laid out as the first 3K `sums`: the metrics' support. */
    counts;
    width;
    plans;
    rowsWithProbabilities = 0;
    /** The replicate sums, computed once per finalize; dropped by `add` and `merge`. */
    replicateSums = null;
    constructor(options) {
        const k = options.classes.length;
        if (k < 2 || new Set(options.classes).size !== k) {
            throw new RangeError(`multiclass needs at least 2 distinct class names, got [${options.classes.join(', ')}]`);
        }
        this.classes = [...options.classes];
        this.bootstrap = bootstrapSettings(options.bootstrap);
        this.width = 3 * k + 1;
        this.core = new BucketedSums(this.width, this.bootstrap);
        this.digest = this.core.digest;
        this.squares = new Float64Array(2 * k + 1);
        this.counts = new Float64Array(3 * k);
        this.plans = new Map(metricNames('multiclass', this.classes).map((name) => [name, this.plan(name)]));
    }
    /**
     * Adds one row: the true class index, the predicted class index (or `null`: the most probable
     * class, first one on ties, as `np.argmax`), the class probabilities (or `null`), the row key and
     * the sample weight (default 1).
     */
    add(label, prediction, probabilities, rowKey, weight = 1) {
        const k = this.classes.length;
        const predicted = prediction ?? argmax(probabilities);
        let loss = 0;
        if (probabilities) {
            loss = rowLogLoss(label, probabilities);
            this.rowsWithProbabilities++;
        }
        addRow$1(this.core.sums, 0, k, weight, label, predicted, loss);
        const w2 = weight * weight;
        this.squares[predicted] += w2;
        this.squares[k + label] += w2;
        this.squares[2 * k] += w2;
        if (weight > 0) {
            if (label === predicted)
                this.counts[label]++;
            this.counts[k + predicted]++;
            this.counts[2 * k + label]++;
        }
        const hash = rowHash(this.bootstrap.seed, rowKey);
        addRow$1(this.core.buckets, bucketOf(hash) * this.width, k, weight, label, predicted, loss);
        this.digest.add(hash);
        this.replicateSums = null;
    }
    /** Adds the `members` of `rows` (indices, ascending), as `add` would one by one. */
    addRows(rows, members) {
        const k = this.classes.length;
        const { label, prediction, probabilities, rowKey, weight } = rows;
        const row = probabilities ? new Float64Array(k) : null;
        for (let j = 0; j < members.length; j++) {
            const m = members[j];
            if (row)
                for (let c = 0; c < k; c++)
                    row[c] = probabilities[m * k + c];
            this.add(label[m], prediction[m] < 0 ? null : prediction[m], row, rowKey[m], weight[m]);
        }
    }
    /** Adds the rows of `other` (same classes and bootstrap settings) to this accumulator. */
    merge(other) {
        assertSameSettings(this.bootstrap, other.bootstrap, 'multiclass');
        if (this.classes.join('\u0000') !== other.classes.join('\u0000')) {
            throw new RangeError('cannot merge multiclass accumulators with different classes');
        }
        this.core.merge(other.core);
        addInto(this.squares, other.squares);
        addInto(this.counts, other.counts);
        this.rowsWithProbabilities += other.rowsWithProbabilities;
        this.replicateSums = null;
        return this;
    }
    /**
     * This accumulator's rows over `classes`, which holds its own classes (in any order) and maybe
     * more: each class's sums move to its index there and the others' are 0, exactly what an
     * accumulator over `classes` holds after the same rows. A shard finds the classes of its own rows
     * only; the merge widens every piece to the input's classes before merging them.
     * @throws RangeError for `classes` without one of this accumulator's
     */
    withClasses(classes) {
        const wide = new MulticlassAccumulator({ classes, bootstrap: this.bootstrap });
        const to = this.classes.map((c) => wide.classes.indexOf(c));
        if (to.includes(-1)) {
            throw new RangeError(`cannot widen multiclass classes [${this.classes.join(', ')}] to [${classes.join(', ')}]`);
        }
        const k = this.classes.length;
        const wideK = wide.classes.length;
        // Each array is records of `blocks` per-class blocks and then `tail` totals.
        const move = (from, into, blocks, tail) => {
            const width = blocks * k + tail;
            const wideWidth = blocks * wideK + tail;
            for (let r = 0; r * width < from.length; r++) {
                const at = r * width;
                const wideAt = r * wideWidth;
                for (let b = 0; b < blocks; b++)
                    for (let c = 0; c < k; c++)
                        into[wideAt + b * wideK + to[c]] = from[at + b * k + c];
                for (let t = 0; t < tail; t++)
                    into[wideAt + blocks * wideK + t] = from[at + blocks * k + t];
            }
        };
        move(this.core.sums, wide.core.sums, 3, 1);
        move(this.core.buckets, wide.core.buckets, 3, 1);
        move(this.squares, wide.squares, 2, 1);
        move(this.counts, wide.counts, 3, 0);
        wide.digest.merge(this.digest);
        wide.rowsWithProbabilities = this.rowsWithProbabilities;
        return wide;
    }
    /** Every multiclass metric with its confidence interval (see `catalog.ts`). */
    finalize(options = {}) {
        return finalizeMetrics(this, options);
    }
    /** The state as a JSON-safe object; `MulticlassAccumulator.fromState` restores it exactly. */
    toState() {
        const { digest, sums, buckets } = this.core.toState();
        return {
            ...header('multiclass', this.bootstrap),
            task: 'multiclass',
            classes: [...this.classes],
            digest,
            sums,
            squares: encode(this.squares),
            counts: encode(this.counts),
            rowsWithProbabilities: this.rowsWithProbabilities,
            buckets
        };
    }
    /** Restores a `toState()` object (e.g. parsed from JSON); throws an `Error` saying what is wrong. */
    static fromState(state) {
        const record = readHeader(state, 'multiclass');
        const classes = record.classes;
        if (!Array.isArray(classes) || !classes.every((name) => typeof name === 'string')) {
            throw stateError('classes must be an array of class names');
        }
        let restored;
        try {
            restored = new MulticlassAccumulator({ classes, bootstrap: record.bootstrap });
        }
        catch (error) {
            throw stateError(error.message);
        }
        restored.core.restore(record);
        restored.squares.set(decode(record, 'squares', Float64Array, restored.squares.length));
        restored.counts.set(decode(record, 'counts', Float64Array, restored.counts.length));
        restored.rowsWithProbabilities = numberField(record, 'rowsWithProbabilities');
        return restored;
    }
    names() {
        return [...this.plans.keys()];
    }
    estimate(name) {
        const plan = this.plans.get(name);
        if (plan.kind === 'n')
            return defined(this.digest.rows);
        const k = this.classes.length;
        const total = support(this.core.sums, 0, k);
        if (total === 0)
            return undefinedBecause('no rows (total weight 0)');
        if (plan.kind === 'log_loss' && this.rowsWithProbabilities < this.digest.rows) {
            return undefinedBecause(`log loss needs class probabilities; only ${this.rowsWithProbabilities} of ${this.digest.rows} rows had them`);
        }
        const value = statistic$1(plan, this.core.sums, 0, k);
        const note = this.zeroDivisionNote(plan);
        if (note === undefined)
            return defined(value);
        return this.hasZeroDenominator(plan) ? conventional(value, note) : defined(value, note);
    }
    support(name) {
        const plan = this.plans.get(name);
        const k = this.classes.length;
        const c = this.counts;
        if (plan.kind !== 'class')
            return support(c, 0, k);
        const i = plan.index;
        switch (describeMetric(name).support) {
            case 'class_predicted':
                return c[k + i];
            case 'class_or_predicted':
                return c[k + i] + c[2 * k + i] - c[i];
            default:
                return c[2 * k + i];
        }
    }
    replicates(name) {
        const plan = this.plans.get(name);
        const sums = (this.replicateSums ??= this.core.replicateSums());
        const out = new Float64Array(this.bootstrap.replicates);
        for (let b = 0; b < out.length; b++)
            out[b] = statistic$1(plan, sums, b * this.width, this.classes.length);
        return out;
    }
    proportion(name) {
        const plan = this.plans.get(name);
        const k = this.classes.length;
        const s = this.core.sums;
        if (plan.kind === 'class') {
            const c = plan.index;
            const predictedBase = plan.base === 'precision';
            return {
                successes: s[c],
                trials: predictedBase ? s[k + c] : s[2 * k + c],
                squaredWeights: predictedBase ? this.squares[c] : this.squares[k + c]
            };
        }
        // accuracy and the micro averages: correct rows out of all rows
        let correct = 0;
        for (let c = 0; c < k; c++)
            correct += s[c];
        return { successes: correct, trials: support(s, 0, k), squaredWeights: this.squares[2 * k] };
    }
    plan(name) {
        if (name === 'n' || name === 'accuracy' || name === 'log_loss')
            return { kind: name };
        const perClass = parseClassMetric(name);
        if (perClass)
            return { kind: 'class', base: perClass.base, index: this.classes.indexOf(perClass.className) };
        const [average, base] = name.split('_');
        return { kind: 'average', base, average };
    }
    /**
     * Whether the value rests on a per-class value whose own denominator is 0 (precision: never
     * predicted; recall: absent; f1: both), which a gate does not judge: the class itself, any class
     * of a macro average, a class of non-zero weight in a weighted one.
     */
    hasZeroDenominator(plan) {
        if (plan.kind !== 'class' && !(plan.kind === 'average' && plan.average !== 'micro'))
            return false;
        const k = this.classes.length;
        const s = this.core.sums;
        const zero = (c) => {
            const predicted = s[k + c];
            const actual = s[2 * k + c];
            if (plan.base === 'precision')
                return predicted === 0;
            if (plan.base === 'recall')
                return actual === 0;
            return predicted === 0 && actual === 0;
        };
        if (plan.kind === 'class')
            return zero(plan.index);
        return this.classes.some((_, c) => zero(c) && (plan.average === 'macro' || s[2 * k + c] > 0));
    }
    /** Names the classes whose per-class value came from zero_division=0, for the metrics built on them. */
    zeroDivisionNote(plan) {
        if (plan.kind !== 'class' && !(plan.kind === 'average' && plan.average !== 'micro'))
            return undefined;
        const k = this.classes.length;
        const s = this.core.sums;
        const indices = plan.kind === 'class' ? [plan.index] : this.classes.map((_, c) => c);
        const zero = indices.filter((c) => {
            const predicted = s[k + c];
            const actual = s[2 * k + c];
            if (plan.base === 'precision')
                return predicted === 0;
            if (plan.base === 'recall')
                return actual === 0;
            return s[c] === 0 && (predicted === 0 || actual === 0);
        });
        if (zero.length === 0)
            return undefined;
        const what = {
            precision: 'never predicted',
            recall: 'absent from y_true',
            f1: 'never predicted or absent'
        };
        return `0 by zero_division=0 for ${zero.map((c) => this.classes[c]).join(', ')} (${what[plan.base]})`;
    }
}
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
/** scikit-learn 1.2's per-row multiclass log loss: clip to [ε, 1 − ε], divide by the row sum. */
function rowLogLoss(label, probabilities) {
    let sum = 0;
    for (let c = 0; c < probabilities.length; c++)
        sum += clip(probabilities[c]);
    return -Math.log(clip(probabilities[label]) / sum);
}
function clip(p) {
    return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
}
function argmax(values) {
    let best = 0;
    for (let c = 1; c < values.length; c++)
        if (values[c] > values[best])
            best = c;
    return best;
}
function addRow$1(sums, o, k, w, label, predicted, loss) {
    if (label === predicted)
        sums[o + label] += w;
    sums[o + k + predicted] += w;
    sums[o + 2 * k + label] += w;
    sums[o + 3 * k] += w * loss;
}
function support(sums, o, k) {
    let total = 0;
    for (let c = 0; c < k; c++)
        total += sums[o + 2 * k + c];
    return total;
}
/** precision = tp / predicted, recall = tp / actual, or their F1, with zero_division=0. */
function score(base, tp, predicted, actual) {
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = actual > 0 ? tp / actual : 0;
    if (base === 'precision')
        return precision;
    if (base === 'recall')
        return recall;
    return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}
function perClass(base, sums, o, k, c) {
    return score(base, sums[o + c], sums[o + k + c], sums[o + 2 * k + c]);
}
/** A metric from one set of sums at `sums[o …]`; NaN when there is no weight at all. */
function statistic$1(plan, sums, o, k) {
    const total = support(sums, o, k);
    if (total === 0)
        return NaN;
    switch (plan.kind) {
        case 'n':
            return NaN;
        case 'log_loss':
            return sums[o + 3 * k] / total;
        case 'class':
            return perClass(plan.base, sums, o, k, plan.index);
        case 'accuracy':
            return microAverage('recall', sums, o, k);
    }
    if (plan.average === 'micro')
        return microAverage(plan.base, sums, o, k);
    let sum = 0;
    for (let c = 0; c < k; c++) {
        const weight = plan.average === 'macro' ? 1 : sums[o + 2 * k + c];
        sum += weight * perClass(plan.base, sums, o, k, c);
    }
    return sum / (plan.average === 'macro' ? k : total);
}
/** Pooled over classes: Σ TP / Σ predicted (precision), Σ TP / Σ support (recall), their F1. */
function microAverage(base, sums, o, k) {
    let tp = 0;
    let predicted = 0;
    let actual = 0;
    for (let c = 0; c < k; c++) {
        tp += sums[o + c];
        predicted += sums[o + k + c];
        actual += sums[o + 2 * k + c];
    }
    return score(base, tp, predicted, actual);
}

/**
 * Regression metrics from (y, prediction) rows, in one streaming pass, mergeable.
 *
 * mae, rmse, mape and r2 come from running sums (the mean and spread of y by West's weighted
 * update, so r2 stays exact when y is large and nearly constant), kept also per bootstrap bucket;
 * median_ae from the stored absolute errors, sorted once at finalize.
 */
/** mape's floor on |y|, as scikit-learn: float64 machine epsilon. */
const MAPE_EPS = 2.220446049250313e-16;
// Layout of one set of sufficient statistics (the point estimate, and each bootstrap bucket).
const WEIGHT = 0; // Σ w
const MEAN = 1; // weighted mean of y
const SPREAD = 2; // Σ w·(y − mean)², i.e. SS_tot
const SQUARED = 3; // Σ w·e², i.e. SS_res
const ABSOLUTE = 4; // Σ w·|e|
const PERCENTAGE = 5; // Σ w·|e| / max(|y|, ε)
/** Sums per bootstrap bucket (state-budget.ts sizes segments by it). */
const WIDTH = 6;
/**
 * Accumulates regression rows.
 *
 * Preconditions of `add`: `y` and `prediction` are finite, `weight` is finite and ≥ 0, `rowKey` is a
 * safe integer unique to the row.
 *
 * @example
 * const metrics = new RegressionAccumulator()
 * metrics.add(3, 2.5, 1)
 * metrics.add(5, 5, 2)
 * metrics.finalize().mae.value // 0.25
 */
class RegressionAccumulator {
    task = 'regression';
    bootstrap;
    digest;
    /** WIDTH statistics of all rows and per bootstrap bucket, joined by West's update (`mergeSums`). */
    core;
    errors = new WeightedValues();
    sample = new HashSample();
    squaredWeights = 0;
    minWeight = Infinity;
    maxWeight = -Infinity;
    /** Rows of positive weight, unweighted: the support of every regression metric. */
    weightedRows = 0;
    cache = null;
    constructor(options = {}) {
        this.bootstrap = bootstrapSettings(options.bootstrap);
        this.core = new BucketedSums(WIDTH, this.bootstrap, mergeSums);
        this.digest = this.core.digest;
    }
    /** Adds one row: true value, predicted value, row key, sample weight (default 1). */
    add(y, prediction, rowKey, weight = 1) {
        const error = Math.abs(y - prediction);
        const percentage = error / Math.max(Math.abs(y), MAPE_EPS);
        const hash = rowHash(this.bootstrap.seed, rowKey);
        const bucket = bucketOf(hash);
        addRow(this.core.sums, 0, weight, y, error, percentage);
        addRow(this.core.buckets, bucket * WIDTH, weight, y, error, percentage);
        this.squaredWeights += weight * weight;
        if (weight < this.minWeight)
            this.minWeight = weight;
        if (weight > this.maxWeight)
            this.maxWeight = weight;
        if (weight > 0)
            this.weightedRows++;
        this.errors.push(error, weight);
        this.sample.add(sampleRank(hash), error, 0, weight, bucket);
        this.digest.add(hash);
        this.cache = null;
    }
    /** Adds the `members` of `rows` (indices, ascending), as `add` would one by one. */
    addRows(rows, members) {
        const { y, prediction, rowKey, weight } = rows;
        for (let k = 0; k < members.length; k++) {
            const m = members[k];
            this.add(y[m], prediction[m], rowKey[m], weight[m]);
        }
    }
    /** Adds the rows of `other` (same bootstrap settings) to this accumulator. */
    merge(other) {
        assertSameSettings(this.bootstrap, other.bootstrap, 'regression');
        this.core.merge(other.core);
        this.squaredWeights += other.squaredWeights;
        this.errors.append(other.errors);
        this.sample.merge(other.sample);
        this.minWeight = Math.min(this.minWeight, other.minWeight);
        this.maxWeight = Math.max(this.maxWeight, other.maxWeight);
        this.weightedRows += other.weightedRows;
        this.cache = null;
        return this;
    }
    /** Every regression metric with its confidence interval (see `catalog.ts`). */
    finalize(options = {}) {
        return finalizeMetrics(this, options);
    }
    /** The state as a JSON-safe object; `RegressionAccumulator.fromState` restores it exactly. */
    toState() {
        const { digest, sums, buckets } = this.core.toState();
        return {
            ...header('regression', this.bootstrap),
            task: 'regression',
            digest,
            sums,
            weightStats: encode(Float64Array.of(this.squaredWeights, this.minWeight, this.maxWeight, this.weightedRows)),
            buckets,
            errors: this.errors.toState(),
            sample: this.sample.toState()
        };
    }
    /** Restores a `toState()` object (e.g. parsed from JSON); throws an `Error` saying what is wrong. */
    static fromState(state) {
        const record = readHeader(state, 'regression');
        const restored = new RegressionAccumulator({ bootstrap: record.bootstrap });
        restored.core.restore(record);
        [restored.squaredWeights, restored.minWeight, restored.maxWeight, restored.weightedRows] = decode(record, 'weightStats', Float64Array, 4);
        restored.errors = WeightedValues.fromState(objectField(record, 'errors'), 'errors');
        restored.sample = HashSample.fromState(objectField(record, 'sample'));
        return restored;
    }
    names() {
        return metricNames('regression');
    }
    estimate(name) {
        if (name === 'n')
            return defined(this.digest.rows);
        if (!(this.core.sums[WEIGHT] > 0))
            return undefinedBecause('no rows (total weight 0)');
        if (name === 'r2') {
            if (this.digest.rows < 2)
                return undefinedBecause('R² is not defined with fewer than two rows');
            if (this.core.sums[SPREAD] === 0)
                return undefinedBecause('y_true is constant (SS_tot = 0); R² is not defined');
        }
        const value = name === 'median_ae' ? this.median() : statistic(name, this.core.sums, 0);
        if (name === 'r2' && Number.isNaN(value)) {
            return undefinedBecause('SS_res / SS_tot exceeds 1.8e308 (y_true nearly constant); R² is not representable');
        }
        return defined(value);
    }
    support(_name) {
        return this.weightedRows;
    }
    replicates(name) {
        if (name === 'median_ae') {
            const { values, onSample } = this.medianReplicates();
            return fullSampleReplicates(values, onSample, this.median(), this.sample.sampled, this.digest.rows);
        }
        const sums = (this.derived().replicateSums ??= this.core.replicateSums());
        const out = new Float64Array(this.bootstrap.replicates);
        for (let b = 0; b < out.length; b++)
            out[b] = statistic(name, sums, b * WIDTH);
        return out;
    }
    resamplesEveryRow() {
        return this.digest.rows <= SAMPLE_ROWS;
    }
    /**
     * median_ae above SAMPLE_ROWS rows: the order statistics of ranks `medianRanks(n)`, n the number of
     * rows (the Kish effective number with unequal weights, ranks then read on the cumulative weight),
     * read from every sorted error (`orderStatisticInterval`).
     */
    analyticBasis() {
        const { values, weights } = this.errors.rows();
        const equal = this.equalWeights();
        const total = equal ? values.length : this.core.sums[WEIGHT];
        const n = equal ? values.length : effectiveSize(total, this.squaredWeights);
        const window = { values, weights: equal ? null : weights, before: 0, n, perRank: total / n };
        return { kind: 'order-statistic', window };
    }
    derived() {
        return (this.cache ??= {});
    }
    /** With equal weights every row counts once (the median is `np.median`'s), else its weight. */
    equalWeights() {
        return this.minWeight === this.maxWeight;
    }
    median() {
        const derived = this.derived();
        if (derived.median === undefined) {
            const { values, weights } = this.errors.rows();
            const equal = this.equalWeights();
            derived.median = weightedMedian(values, equal ? null : weights, equal);
        }
        return derived.median;
    }
    /**
     * The median of the hash sample in each replicate (row i weighs W[b, bucket_i]·w_i, or W[b, bucket_i]
     * with equal weights) and on the sample itself.
     */
    medianReplicates() {
        const derived = this.derived();
        if (!derived.medianReplicates) {
            const rows = this.sample.rows();
            const equal = this.equalWeights();
            const bucketWeight = bucketWeights(this.bootstrap);
            const weights = new Float64Array(rows.values.length);
            const values = new Float64Array(this.bootstrap.replicates);
            for (let b = 0; b < values.length; b++) {
                for (let i = 0; i < weights.length; i++) {
                    const k = bucketWeight[b * BUCKETS + rows.buckets[i]];
                    weights[i] = equal ? k : k * rows.weights[i];
                }
                values[b] = weightedMedian(rows.values, weights, equal);
            }
            const onSample = weightedMedian(rows.values, equal ? null : rows.weights, equal);
            derived.medianReplicates = { values, onSample };
        }
        return derived.medianReplicates;
    }
}
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
 * The median of ascending `values` with `weights` (`null`: all 1). With cumulative weight c and total
 * T, lower = first value with c ≥ T/2 and upper = first value with c > T/2.
 * - `interpolate` (integer weights: 1, or bootstrap multiplicities): (lower + upper) / 2, exactly
 *   the median of the sample with each row repeated, i.e. `np.median`.
 * - otherwise: lower, scikit-learn's `_weighted_percentile(…, 50)`.
 * NaN when the total weight is 0.
 */
function weightedMedian(values, weights, interpolate) {
    let total = values.length;
    if (weights) {
        total = 0;
        for (let i = 0; i < weights.length; i++)
            total += weights[i];
    }
    if (!(total > 0))
        return NaN;
    const lower = firstReaching(values, weights, total / 2, false);
    return interpolate ? (lower + firstReaching(values, weights, total / 2, true)) / 2 : lower;
}
/** Adds a row with weight w; the mean and SS_tot by West's weighted update. */
function addRow(sums, o, w, y, error, percentage) {
    if (w === 0)
        return;
    const previous = sums[o + WEIGHT];
    const weight = previous + w;
    const delta = y - sums[o + MEAN];
    const mean = sums[o + MEAN] + (w / weight) * delta;
    // w·δ·(y − mean) written as w·δ²·(previous / weight): with weights 1e50 apart, w / weight rounds
    // to 1, the new mean to y, and y − mean would lose the whole spread to cancellation.
    sums[o + SPREAD] += w * delta * delta * (previous / weight);
    sums[o + MEAN] = mean;
    sums[o + WEIGHT] = weight;
    sums[o + SQUARED] += w * error * error;
    sums[o + ABSOLUTE] += w * error;
    sums[o + PERCENTAGE] += w * percentage;
}
/**
 * Folds k times the statistics at `source[so …]` into `target[to …]` (Chan et al. for mean and
 * spread; k copies of a group have its mean, k times its weight and k times its spread).
 */
function mergeSums(target, to, source, so, k) {
    const wa = target[to + WEIGHT];
    const wb = k * source[so + WEIGHT];
    const weight = wa + wb;
    if (wb > 0) {
        const delta = source[so + MEAN] - target[to + MEAN];
        target[to + MEAN] += (delta * wb) / weight;
        // wa / weight first: wa·wb could overflow (each up to 2^53·1e50, input-range.ts).
        target[to + SPREAD] += k * source[so + SPREAD] + delta * delta * (wa / weight) * wb;
        target[to + WEIGHT] = weight;
    }
    target[to + SQUARED] += k * source[so + SQUARED];
    target[to + ABSOLUTE] += k * source[so + ABSOLUTE];
    target[to + PERCENTAGE] += k * source[so + PERCENTAGE];
}
/** A sum-based metric from one set of statistics; NaN when undefined. */
function statistic(name, sums, o) {
    const weight = sums[o + WEIGHT];
    if (!(weight > 0))
        return NaN;
    switch (name) {
        case 'mae':
            return sums[o + ABSOLUTE] / weight;
        case 'rmse':
            return Math.sqrt(sums[o + SQUARED] / weight);
        case 'mape':
            return sums[o + PERCENTAGE] / weight;
        case 'r2': {
            // SS_tot can be tiny next to SS_res (y nearly constant, predictions far off): an R² below
            // -1.8e308 is undefined here rather than -Infinity.
            const r2 = sums[o + SPREAD] > 0 ? 1 - sums[o + SQUARED] / sums[o + SPREAD] : NaN;
            return Number.isFinite(r2) ? r2 : NaN;
        }
    }
    throw new RangeError(`not a regression metric: ${name}`);
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

const OVERALL = 'all';
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
 * Orders segments for reports: `all` first, then families in spec order, then within a family
 * bins in edge order and values alphabetically (the missing value, empty, first).
 */
function compareSegments(families) {
    return (a, b) => {
        if (a.family !== b.family)
            return a.family - b.family;
        if (a.family < 0)
            return 0;
        for (const [i, part] of families[a.family].parts.entries()) {
            const d = part.rank(a.labels[i]) - part.rank(b.labels[i]);
            if (d !== 0)
                return d;
            if (a.labels[i] !== b.labels[i])
                return a.labels[i] < b.labels[i] ? -1 : 1;
        }
        return 0;
    };
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

export { BinaryAccumulator as B, DISTINCT_IDS as D, IdSet as I, MAX_Z as M, NumberSet as N, OVERALL as O, RowDigest as R, describeMetric as a, segmentFamilies as b, closest as c, didYouMean as d, encode as e, fmix32 as f, MulticlassAccumulator as g, hashFloat64 as h, RegressionAccumulator as i, compareSegments as j, kthSmallest as k, allWeightsZero as l, medianRanks as m, combineBuckets as n, openTable as o, stagedBlock as p, attachedArrays as q, resolveColumns as r, sortNumbers as s, stageRows as t };
