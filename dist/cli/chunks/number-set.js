import { e as encode } from './base64.js';
import { h as hashFloat64 } from './hash.js';

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

export { NumberSet as N };
