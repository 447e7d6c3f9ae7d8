import { f as encode, h as decode, q as numberField, g as stateError, a as criticalValue, d as describeMetric, H as normalInterval, I as wilsonInterval, p as percentileInterval, x as effectiveSize, J as logitInterval, K as orderStatisticInterval, R as RowDigest, B as BUCKETS, D as combineBuckets, L as encodeBuckets, w as objectField, N as decodeBuckets, y as bucketWeights, u as sampleRank, i as bootstrapSettings, r as rowHash, l as header, o as readHeader, j as metricNames, k as bucketOf } from './segmentation.js';
import { s as sortNumbers, k as kthSmallest } from './selection.js';

/**
 * Where the typed arrays of a block of staged rows live. A block filled by a worker thread and
 * added up by the main thread is shared memory, made once on the main thread (`sharedArrays`) and
 * taken up by the worker in the same order (`attachedArrays`): the two sides construct the same
 * classes, which ask for the same arrays, and pass nothing but the block's number afterwards.
 */
/** Arrays of this thread alone. */
const privateArrays = (Type, length) => new Type(new ArrayBuffer(length * Type.BYTES_PER_ELEMENT));
/** Shared arrays; each one's buffer is appended to `buffers`, to be handed to `attachedArrays`. */
function sharedArrays(buffers) {
    return (Type, length) => {
        const buffer = new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT);
        buffers.push(buffer);
        return new Type(buffer);
    };
}
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
const WIDTH = ECE + ECE_BINS;
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
        this.core = new BucketedSums(WIDTH, this.bootstrap);
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
        addRow(this.core.sums, 0, weight, cell, error, loss, bin);
        addRow(this.core.buckets, bucket * WIDTH, weight, cell, error, loss, bin);
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
        const value = statistic(name, s, 0);
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
            out[b] = statistic(name, sums, b * WIDTH);
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
        return { sums: this.core.buckets, width: WIDTH };
    }
    /**
     * Takes the replicate sums of `bootstrapBuckets()` computed elsewhere (on another thread), which
     * finalize would otherwise compute; kept until the next add or merge, like its own.
     */
    adoptReplicateSums(replicates) {
        if (replicates.length !== this.bootstrap.replicates * WIDTH) {
            throw new RangeError(`replicate sums: expected ${this.bootstrap.replicates * WIDTH} values, got ${replicates.length}`);
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
function addRow(sums, o, w, cell, error, loss, bin) {
    sums[o + cell] += w;
    sums[o + BRIER] += w * error * error;
    sums[o + LOG_LOSS] += w * loss;
    sums[o + bin] += w * error;
}
/**
 * A threshold or calibration metric from one set of sufficient statistics at `sums[o …]`; NaN when
 * undefined (the point estimate replaces NaN by a reason, a bootstrap replicate leaves it out).
 */
function statistic(name, sums, o) {
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

export { BinaryAccumulator as B, GrowableFloat64Array as G, HashSample as H, LOG_LOSS_EPS as L, SAMPLE_ROWS as S, WIDTH as W, BucketedSums as a, assertSameSettings as b, confidenceLevel as c, addInto as d, defined as e, finalizeMetrics as f, conventional as g, WeightedValues as h, fullSampleReplicates as i, BinaryRows as j, attachedArrays as k, privateArrays as p, sharedArrays as s, undefinedBecause as u };
