import { U as UserInputError } from './suggest.js';
import { f as fmix32, K as Kind } from './hash.js';
import { C as CountTable } from './count-table.js';

/**
 * HyperLogLog distinct-count sketch (Flajolet et al. 2007, with the small-range correction of
 * Heule et al. 2013's linear counting).
 *
 * Precision 14 gives 16,384 one-byte registers (16 KiB) and a standard error of
 * 1.04 / sqrt(16384) ≈ 0.81%. Sketches merge exactly: the register-wise maximum of two sketches is
 * the sketch of the union, so the distinct count of two shards merged equals that of the whole file.
 */
class HyperLogLog {
    static PRECISION = 14;
    registers = new Uint8Array(1 << HyperLogLog.PRECISION);
    /** Adds a 32-bit hash (see `hashValue`). */
    addHash(hash) {
        const p = HyperLogLog.PRECISION;
        const index = hash >>> (32 - p);
        const rest = (hash << p) | (1 << (p - 1)); // the sentinel bit bounds the rank at 32 - p + 1
        const rank = Math.clz32(rest) + 1;
        if (rank > this.registers[index])
            this.registers[index] = rank;
    }
    /** The registers, for a shard's state (`profile-state.ts`). */
    toRegisters() {
        return this.registers;
    }
    /** A sketch with the registers of `toRegisters()`. */
    static fromRegisters(registers) {
        if (registers.length !== 1 << HyperLogLog.PRECISION) {
            throw new Error(`invalid profile state: a HyperLogLog has ${1 << HyperLogLog.PRECISION} registers`);
        }
        const sketch = new HyperLogLog();
        sketch.registers.set(registers);
        return sketch;
    }
    merge(other) {
        const mine = this.registers;
        const theirs = other.registers;
        for (let i = 0; i < mine.length; i++)
            if (theirs[i] > mine[i])
                mine[i] = theirs[i];
    }
    /** Estimated number of distinct hashes added. */
    estimate() {
        const m = this.registers.length;
        let sum = 0;
        let zeros = 0;
        for (let i = 0; i < m; i++) {
            sum += 2 ** -this.registers[i];
            if (this.registers[i] === 0)
                zeros++;
        }
        const alpha = 0.7213 / (1 + 1.079 / m);
        const raw = (alpha * m * m) / sum;
        if (raw <= 2.5 * m && zeros > 0)
            return Math.round(m * Math.log(m / zeros));
        return Math.round(raw);
    }
}
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** One FNV-1a step: `h` with the UTF-16 code unit `code` mixed in. */
function fnvStep(h, code) {
    return Math.imul(h ^ code, FNV_PRIME);
}
function fnvText(h, text) {
    for (let i = 0; i < text.length; i++)
        h = fnvStep(h, text.charCodeAt(i));
    return h;
}
const STRING_SEED = fnvStep(FNV_OFFSET, 0x73); // 's'
const NUMBER_SEED = fnvStep(FNV_OFFSET, 0x6e); // 'n'
const TRUE_HASH = fmix32(fnvText(FNV_OFFSET, 'btrue'));
const FALSE_HASH = fmix32(fnvText(FNV_OFFSET, 'bfalse'));
const digits = new Uint8Array(16); // a safe integer has at most 16 decimal digits
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, d) => 10 ** d); // exact up to 10^22
/** FNV-1a steps over the decimal digits of a safe integer `n` >= 0, zero-padded to `width` digits. */
function fnvDigits(h, n, width) {
    let count = 0;
    do {
        digits[count++] = n % 10;
        n = Math.floor(n / 10);
    } while (n > 0 || count < width);
    while (count > 0)
        h = fnvStep(h, 0x30 + digits[--count]);
    return h;
}
/**
 * The hash of a finite number that is not a safe integer, as `String(value)` writes it, without
 * building the text when the number is a short decimal (`61584.53`, `0.0986`); −1 otherwise.
 *
 * `String` writes the decimal with the fewest significant digits that rounds back to the number,
 * in plain notation from 1e-6 up. Try d = 1, 2, … digits after the point: m = round(|x|·10^d) is
 * the only candidate with d decimals, and it rounds back to x exactly when m / 10^d === x (both
 * exact, so the division rounds correctly). The first d that works gives the shortest text while
 * 10^-d is far above the number's spacing (ulp): then no two decimals of d or d+1 digits round to
 * x, and the product's rounding error cannot move m. |x|·10^d < 2^46 keeps 10^-d above 64 ulp;
 * past that (e.g. 0.30000000000000004) the text is built.
 */
function decimalHash(value) {
    const x = Math.abs(value);
    if (!(x >= 1e-6))
        return -1;
    for (let d = 1; d < POWERS_OF_TEN.length; d++) {
        const scale = POWERS_OF_TEN[d];
        const scaled = x * scale;
        if (scaled >= 2 ** 46)
            return -1;
        const m = Math.round(scaled);
        if (m / scale !== x)
            continue;
        const fraction = m % scale;
        let h = value < 0 ? fnvStep(NUMBER_SEED, 0x2d) : NUMBER_SEED; // '-'
        h = fnvDigits(h, (m - fraction) / scale, 1);
        h = fnvStep(h, 0x2e); // '.'
        return fmix32(fnvDigits(h, fraction, d));
    }
    return -1;
}
/**
 * A well-mixed 32-bit hash of a cell value: FNV-1a over the value's text prefixed by its kind
 * (`s…`, `n…`, `b…`), then the murmur3 finaliser so that the high bits (HyperLogLog's register
 * index) are uniform. Numbers hash by their shortest text, so `1` and `1.0` are the same value, as
 * they are in the exact count.
 *
 * Profiling hashes every cell past the exact bound, so the text is not built where it can be
 * avoided: a string is hashed after the prefix's state, a safe integer digit by digit (its shortest
 * text is its decimal digits), a short decimal digit by digit too (`decimalHash`), a boolean is one
 * of two constants. Same hash as hashing the text.
 */
function hashValue(value) {
    if (typeof value === 'string')
        return fmix32(fnvText(STRING_SEED, value));
    if (typeof value === 'boolean')
        return value ? TRUE_HASH : FALSE_HASH;
    if (Number.isSafeInteger(value)) {
        const h = value < 0 ? fnvStep(NUMBER_SEED, 0x2d) : NUMBER_SEED; // '-'
        return fmix32(fnvDigits(h, Math.abs(value), 1));
    }
    const hash = decimalHash(value);
    return hash >= 0 ? hash : fmix32(fnvText(NUMBER_SEED, String(value)));
}

/**
 * Counts how often each value occurs, exactly while the column has at most `limit` distinct
 * values. Past that bound memory stops growing: the distinct count continues in a HyperLogLog
 * sketch (±0.81%) and the frequent values in a Misra–Gries summary of `limit` counters, whose
 * counts are lower bounds that undercount by at most (rows seen) / (limit + 1).
 *
 * Both summaries merge, so profiles of shards combine into the profile of the whole file; the
 * merged Misra–Gries summary keeps the same error bound (Agarwal et al., "Mergeable summaries", 2012).
 */
class ValueCounts {
    limit;
    counts = new CountTable();
    sketch = null;
    constructor(limit = 100_000) {
        this.limit = limit;
    }
    /** True while `distinct()` and `top()` are exact. */
    get exact() {
        return this.sketch === null;
    }
    add(value) {
        this.insert(value, 1);
    }
    merge(other) {
        if (other.sketch !== null) {
            this.startSketch();
            this.sketch.merge(other.sketch);
        }
        const { values, counts, size } = other.counts;
        for (let e = 0; e < size; e++)
            this.insert(values[e], counts[e]);
    }
    toState() {
        const { values, counts, size } = this.counts;
        return {
            limit: this.limit,
            values: values.slice(0, size),
            counts: Array.from(counts.subarray(0, size)),
            sketch: this.sketch?.toRegisters() ?? null
        };
    }
    /** Restores `toState()`: the same entries in the same order, so ties keep first-seen order. */
    static fromState(state) {
        const restored = new ValueCounts(state.limit);
        if (state.sketch !== null)
            restored.sketch = HyperLogLog.fromRegisters(state.sketch);
        state.values.forEach((value, e) => {
            if (restored.counts.find(value) >= 0)
                throw new Error('invalid profile state: a value counted twice');
            restored.counts.append(value, state.counts[e]);
        });
        return restored;
    }
    distinct() {
        return this.sketch === null ? this.counts.size : this.sketch.estimate();
    }
    /** The `k` most frequent values, most frequent first; ties in order of first appearance. */
    top(k) {
        const { values, counts, size } = this.counts;
        const entries = Array.from({ length: size }, (_, e) => ({ value: values[e], count: counts[e] }));
        // A stable sort keeps first-seen order among equal counts, so output does not depend on hashing.
        entries.sort((a, b) => b.count - a.count);
        return entries.slice(0, k);
    }
    startSketch() {
        if (this.sketch !== null)
            return;
        this.sketch = new HyperLogLog();
        const { values, size } = this.counts;
        for (let e = 0; e < size; e++)
            this.sketch.addHash(hashValue(values[e]));
    }
    insert(value, count) {
        if (this.sketch !== null)
            this.sketch.addHash(hashValue(value));
        const counts = this.counts;
        const seen = counts.find(value);
        if (seen >= 0)
            counts.counts[seen] += count;
        else if (this.sketch === null && counts.size < this.limit)
            counts.append(value, count);
        else
            this.insertApproximate(value, count);
    }
    /**
     * Misra–Gries: a new value past the bound lowers every counter by the smallest count and drops
     * those that reach zero. Total decrements never exceed total increments, so this is O(1) amortised.
     */
    insertApproximate(value, count) {
        if (this.sketch === null) {
            this.startSketch();
            this.sketch.addHash(hashValue(value));
        }
        const counts = this.counts;
        if (counts.size < this.limit) {
            counts.append(value, count);
            return;
        }
        let smallest = count;
        let largest = 0;
        for (let e = 0; e < counts.size; e++) {
            const c = counts.counts[e];
            if (c < smallest)
                smallest = c;
            if (c > largest)
                largest = c;
        }
        // Every counter drops to zero (e.g. a column of distinct ids): the same as lowering each.
        if (largest <= smallest)
            counts.clear();
        else
            counts.lowerBy(smallest);
        if (count > smallest)
            counts.append(value, count - smallest);
    }
}

/**
 * The profile of one column, built in one streaming pass and mergeable.
 *
 * Mean and variance use Welford's update and Chan et al.'s pairwise merge, which stay accurate
 * where the naive sum-of-squares formula cancels catastrophically.
 */
class ColumnProfile {
    name;
    kinds = new Float64Array(5);
    n = 0;
    mean = 0;
    m2 = 0;
    min = Infinity;
    max = -Infinity;
    values;
    constructor(name, options = {}) {
        this.name = name;
        this.values = new ValueCounts(options.exactDistinct);
    }
    addChunk(chunk, size) {
        const { kinds, values } = chunk;
        for (let i = 0; i < size; i++) {
            const kind = kinds[i];
            this.kinds[kind]++;
            if (kind === Kind.Missing)
                continue;
            const value = values[i];
            this.values.add(value);
            if (kind === Kind.Integer || kind === Kind.Number)
                this.addNumber(value);
        }
    }
    merge(other) {
        for (let k = 0; k < this.kinds.length; k++)
            this.kinds[k] += other.kinds[k];
        this.values.merge(other.values);
        if (other.n === 0)
            return;
        const n = this.n + other.n;
        const delta = other.mean - this.mean;
        this.mean += (delta * other.n) / n;
        this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
        this.n = n;
        if (other.min < this.min)
            this.min = other.min;
        if (other.max > this.max)
            this.max = other.max;
    }
    toState() {
        return {
            name: this.name,
            kinds: Array.from(this.kinds),
            moments: [this.n, this.mean, this.m2, this.min, this.max],
            values: this.values.toState()
        };
    }
    static fromState(state) {
        const restored = new ColumnProfile(state.name);
        restored.values = ValueCounts.fromState(state.values);
        restored.kinds.set(state.kinds);
        [restored.n, restored.mean, restored.m2, restored.min, restored.max] = state.moments;
        return restored;
    }
    summary(topValues = 5) {
        const type = this.type();
        const numeric = type === 'integer' || type === 'number';
        const missing = this.kinds[Kind.Missing];
        return {
            name: this.name,
            type,
            count: this.kinds.reduce((a, b) => a + b, 0) - missing,
            missing,
            distinct: this.values.distinct(),
            distinct_exact: this.values.exact,
            min: numeric ? this.min : null,
            max: numeric ? this.max : null,
            mean: numeric ? this.mean : null,
            std: numeric && this.n >= 2 ? Math.sqrt(this.m2 / (this.n - 1)) : null,
            top: numeric ? [] : this.values.top(topValues)
        };
    }
    addNumber(x) {
        this.n++;
        const delta = x - this.mean;
        this.mean += delta / this.n;
        this.m2 += delta * (x - this.mean);
        if (x < this.min)
            this.min = x;
        if (x > this.max)
            this.max = x;
    }
    type() {
        const integers = this.kinds[Kind.Integer];
        const numbers = this.kinds[Kind.Number];
        const booleans = this.kinds[Kind.Boolean];
        const strings = this.kinds[Kind.String];
        if (strings > 0 || (booleans > 0 && integers + numbers > 0))
            return 'string';
        if (booleans > 0)
            return 'boolean';
        if (numbers > 0)
            return 'number';
        if (integers > 0)
            return 'integer';
        return 'string';
    }
}

/** Profiles of every column of a table; mergeable across shards of the same header. */
class TableProfile {
    names;
    options;
    rows = 0;
    columns;
    constructor(names, options = {}) {
        this.names = names;
        this.options = options;
        this.columns = names.map((name) => new ColumnProfile(name, options));
    }
    /** Reads the whole table once. */
    static async of(table, options = {}) {
        const profile = new TableProfile(table.columns, options);
        for await (const batch of table.batches()) {
            profile.rows += batch.size;
            for (let c = 0; c < profile.columns.length; c++)
                profile.columns[c].addChunk(batch.columns[c], batch.size);
        }
        return profile;
    }
    /**
     * Adds another profile of the same columns (another file or shard of the same data).
     * @throws UserInputError naming `file`, where `other` was read, when its columns are not these
     */
    merge(other, file) {
        if (other.names.join('\u0000') !== this.names.join('\u0000')) {
            throw new UserInputError(`columns ${JSON.stringify(other.names)} are not the first file's ${JSON.stringify(this.names)}: ` +
                'expected every file of the input with the same header', { file });
        }
        this.rows += other.rows;
        this.columns.forEach((column, c) => column.merge(other.columns[c]));
    }
    document(file, format) {
        const top = this.options.topValues ?? 5;
        return {
            schema: 'ml-gate/profile@1',
            file,
            format,
            rows: this.rows,
            columns: this.columns.map((column) => column.summary(top))
        };
    }
}

export { ColumnProfile as C, TableProfile as T };
