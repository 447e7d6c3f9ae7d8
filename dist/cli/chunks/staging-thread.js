import { statSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';
import { U as UserInputError, d as didYouMean } from './suggest.js';
import { o as openTable } from './open.js';
import { t as threadScript } from './thread-script.js';
import { g as encode, j as decode, o as numberField, i as stateError, c as criticalValue, d as describeMetric, q as normalInterval, w as wilsonInterval, p as percentileInterval, r as effectiveSize, t as logitInterval, u as orderStatisticInterval, R as RowDigest, B as BUCKETS, x as combineBuckets, y as encodeBuckets, z as objectField, A as decodeBuckets, C as bucketWeights, D as sampleRank, E as bootstrapSettings, F as rowHash, G as header, H as readHeader, m as metricNames, I as bucketOf, J as parseClassMetric, K as firstReaching, L as rowKeyOf, e as segmentColumns, s as segmentFamilies, N as segmentKey } from './segmentation.js';
import { s as sortNumbers, k as kthSmallest, N as NumberSet } from './number-set.js';
import { f as fmix32, h as hashFloat64 } from './hash.js';

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
        positive[g] = weightOf(positives.weights, i + 1, firstPos + 1);
        negative[g] = weightOf(negatives.weights, j + 1, firstNeg + 1);
    }
    return { positive: positive.subarray(0, g), negative: negative.subarray(0, g) };
}
/** The total weight of the values at [from, to): their count when all weights are 1. */
function weightOf(weights, from, to) {
    if (!weights)
        return to - from;
    let total = 0;
    for (let k = from; k < to; k++)
        total += weights[k];
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
 * average precision: the scores of each class; median_ae: the absolute errors). 8 bytes per row:
 * weights are stored only once a weight other than 1 arrives. The order of the values carries no
 * meaning (a multiset), so `sorted` sorts them in place, once until the next `push`, and not at all
 * when they were pushed in order.
 */
class WeightedValues {
    values;
    weights;
    isSorted = true;
    /** The largest value while `isSorted`, to tell whether a push keeps the order. */
    last = -Infinity;
    constructor(values, weights) {
        this.values = new GrowableFloat64Array(values);
        this.weights = weights ? new GrowableFloat64Array(weights) : null;
    }
    get length() {
        return this.values.length;
    }
    push(value, weight) {
        if (weight !== 1 && !this.weights)
            this.materializeWeights();
        if (this.isSorted) {
            // Out of order as `sortNumbers` orders: smaller, or −0 after +0.
            if (value < this.last ||
                (value === 0 && this.last === 0 && Object.is(value, -0) && !Object.is(this.last, -0)))
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
        if (this.length > 0) {
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
    sorted() {
        const values = this.values.values();
        const weights = this.weights?.values() ?? null;
        if (!this.isSorted)
            sortNumbers(values, weights);
        this.isSorted = true;
        this.last = values.length > 0 ? values[values.length - 1] : -Infinity;
        return { values, weights };
    }
    toState() {
        return {
            values: encode(this.values.values()),
            weights: this.weights ? encode(this.weights.values()) : null
        };
    }
    /** Restores a `toState()` record read back from JSON: every field is checked. */
    static fromState(record, what) {
        if (typeof record !== 'object' || record === null)
            throw stateError(`${what} must be { values, weights }`);
        const values = decode(record, 'values', Float64Array);
        const weights = record.weights === null ? null : decode(record, 'weights', Float64Array, values.length);
        const restored = new WeightedValues(values, weights);
        restored.isSorted = false;
        return restored;
    }
    materializeWeights() {
        this.weights = new GrowableFloat64Array();
        this.weights.pushRepeated(1, this.values.length);
    }
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
        const { values, weights } = this.errors.sorted();
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
            const { values, weights } = this.errors.sorted();
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
    // The batch's values of each one-column family's column.
    const familyValues = new Array(families.length);
    for await (const batch of table.batches()) {
        for (let f = 0; f < families.length; f++)
            familyValues[f] = batch.columns[familyColumns[f][0]].values;
        const idValues = ids === null ? null : batch.columns[columns.id].values;
        const labelValues = batch.columns[columns.label].values;
        for (let i = 0; i < batch.size; i++) {
            let rowKey = rows + i;
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
    if (rows === 0)
        throw new UserInputError('no rows to evaluate: expected at least one row of predictions', {
            file: table.file
        });
    if (columns.weight >= 0 && totals.weight === 0) {
        throw new UserInputError(`every row's weight '${model.weight}' is 0: there is nothing to evaluate; expected at least one positive weight`, { file: table.file });
    }
    await sink.full(staged);
    return { rows: rows - skipped, labels: labels?.toState() ?? null };
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
        'every row needs a distinct id (rows sharing an id cannot be matched one to one with the other ' +
        "model's rows, and would be resampled together, narrowing every interval)", { file: table.file, line: again });
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
/**
 * Smaller files are read on the main thread: a thread costs about 40 ms to start and 20 MB, and a
 * file of one or two blocks gives it little to overlap. 16 MiB is about 400,000 rows of the benchmark.
 */
const THREAD_MIN_BYTES = 16 * 2 ** 20;
/** Blocks in flight: one being filled while the other is added up. */
const BLOCKS = 2;
/**
 * Reads `table` (open, its header read) and hands its rows to `consumer` block by block, on a
 * worker thread started from `thread` (undefined: the running bundle's script when the file is big
 * enough; null: the main thread).
 *
 * @throws UserInputError as `stageRows` does, from either thread
 */
async function stageBlocks(table, plan, columns, thread, consumer, only = null) {
    // `only` stays on this thread: it is a restricted re-read (see `gates/pairing.ts`), not the hot path.
    const script = only !== null ? null : thread !== undefined ? thread : worthAThread(plan.file) ? threadScript() : null;
    if (script === null) {
        const read = await stageRows(table, plan, columns, stagedBlock(plan, columns), {
            segment: (segment) => consumer.segment(segment),
            full: (staged) => {
                consumer.add(staged);
                return Promise.resolve(staged);
            }
        }, only);
        return { ...read, thread: null };
    }
    // The worker reads the file again from the start: a regular file, not a pipe (`worthAThread`).
    await table.close();
    const read = await stageOnThread(script, plan, columns, consumer);
    return { ...read, thread: spareThread(script) };
}
function worthAThread(file) {
    try {
        const stat = statSync(file);
        return stat.isFile() && stat.size >= THREAD_MIN_BYTES;
    }
    catch {
        return false;
    }
}
/**
 * A worker started from `script` with `data`. `request` posts a message (if any) and resolves with
 * the next answer that is not a staged block (those go to `onBlock` as they come); errors of the
 * worker reject it.
 */
function startWorker(script, data, onBlock = noBlocks) {
    const worker = new Worker(script, { workerData: data });
    let pending = null;
    const fail = (error) => pending?.reject(error);
    worker.on('message', (message) => {
        try {
            if (message.type === 'block')
                onBlock(message);
            else if (message.type === 'failed')
                fail(new UserInputError(message.message, message.location));
            else if (message.type === 'crashed')
                fail(Object.assign(new Error(message.message), { stack: message.stack }));
            else
                pending?.resolve(message);
        }
        catch (error) {
            fail(error);
        }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)));
    return {
        post: (message) => worker.postMessage(message),
        request(message) {
            const answer = new Promise((resolve, reject) => (pending = { resolve, reject }));
            if (message)
                worker.postMessage(message);
            return answer;
        },
        async close() {
            worker.removeAllListeners('exit');
            await worker.terminate();
        }
    };
}
function noBlocks(message) {
    throw new Error(`a worker thread posted block ${message.block} unasked`);
}
async function stageOnThread(script, plan, columns, consumer) {
    const buffers = [];
    const blocks = [];
    for (let b = 0; b < BLOCKS; b++) {
        buffers.push([]);
        blocks.push(stagedBlock(plan, columns, sharedArrays(buffers[b])));
    }
    const worker = startWorker(script, { role: 'stage', plan, buffers }, (message) => {
        for (const segment of message.segments)
            consumer.segment(segment);
        const staged = blocks[message.block];
        staged.block.size = message.size;
        consumer.add(staged);
        worker.post({ type: 'free', block: message.block });
    });
    try {
        const done = await worker.request();
        if (done.type !== 'done')
            throw new Error(`the staging thread answered ${done.type}`);
        return { rows: done.rows, labels: done.labels };
    }
    finally {
        // Ended, not kept for later work: its heap (the reader's garbage, 70 MB at 1M rows) goes with it.
        await worker.close();
    }
}
/** A fresh worker, started at its first task (about 30 MB while it lives). */
function spareThread(script) {
    let worker = null;
    return {
        async combineBuckets(sums, width, bootstrap) {
            worker ??= startWorker(script, { role: 'combine' });
            const answer = await worker.request({ type: 'combine', sums, width, bootstrap });
            if (answer.type !== 'combined')
                throw new Error(`the replicate thread answered ${answer.type}`);
            return answer.replicates;
        },
        close: async () => {
            await worker?.close();
        }
    };
}
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
    serveThread: serveThread,
    stageBlocks: stageBlocks
});

export { BinaryAccumulator as B, IdSet as I, LabelDigest as L, MulticlassAccumulator as M, RegressionAccumulator as R, WIDTH$1 as W, WIDTH as a, stagingThread as b, confidenceLevel as c, finalizeMetrics as f, resolveColumns as r, stageBlocks as s };
