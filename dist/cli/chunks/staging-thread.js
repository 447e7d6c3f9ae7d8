import { statSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';
import { U as UserInputError, d as didYouMean } from './suggest.js';
import { o as openTable } from './open.js';
import { t as threadScript } from './thread-script.js';
import { p as privateArrays, a as BucketedSums, b as assertSameSettings, d as addInto, f as finalizeMetrics, e as defined, u as undefinedBecause, g as conventional, L as LOG_LOSS_EPS, h as WeightedValues, H as HashSample, i as fullSampleReplicates, S as SAMPLE_ROWS, j as BinaryRows, k as attachedArrays, s as sharedArrays } from './binary.js';
import { i as bootstrapSettings, j as metricNames, r as rowHash, k as bucketOf, f as encode, l as header, o as readHeader, g as stateError, h as decode, q as numberField, d as describeMetric, t as parseClassMetric, u as sampleRank, w as objectField, x as effectiveSize, y as bucketWeights, B as BUCKETS, z as firstReaching, R as RowDigest, A as rowKeyOf, e as segmentColumns, s as segmentFamilies, C as segmentKey, D as combineBuckets } from './segmentation.js';
import { N as NumberSet } from './number-set.js';
import { f as fmix32, h as hashFloat64 } from './hash.js';

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
        return { rows: done.rows, labels: done.labels, ids: done.ids };
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

export { DISTINCT_IDS as D, IdSet as I, LabelDigest as L, MulticlassAccumulator as M, RegressionAccumulator as R, WIDTH as W, allWeightsZero as a, stagingThread as b, resolveColumns as r, stageBlocks as s };
