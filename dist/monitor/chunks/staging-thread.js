import { parentPort } from 'node:worker_threads';
import { U as UserInputError } from './json-depth.js';
import { p as privateArrays, i as hashFloat64, j as encode, R as RowDigest, k as fmix32, r as rowKeyOf, h as segmentColumns, e as segmentFamilies, l as BinaryRows, n as rowHash, g as segmentKey, d as didYouMean, o as openTable, q as combineBuckets, t as attachedArrays } from './binary.js';
import 'node:fs';
import 'node:fs/promises';
import 'node:stream';
import 'node:zlib';
import 'node:path';
import 'node:buffer';

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

export { serveThread };
