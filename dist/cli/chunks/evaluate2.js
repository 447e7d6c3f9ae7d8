import { o as openTable } from './open.js';
import { f as fmix32, K as Kind } from './hash.js';
import { B as BinaryAccumulator, W as WIDTH } from './binary.js';
import { r as resolveColumns, s as stageBlocks, M as MulticlassAccumulator, R as RegressionAccumulator, W as WIDTH$1 } from './staging-thread.js';
import { s as sortNumbers } from './selection.js';
import { d as describeMetric, f as encode, m as medianRanks, R as RowDigest, g as stateError, h as decode, M as MAX_Z, B as BUCKETS, s as segmentFamilies, O as OVERALL, c as compareSegments } from './segmentation.js';
import { U as UserInputError } from './suggest.js';

/**
 * Interns fixed-width tuples of unsigned 32-bit integers: equal tuples get the same id, numbered
 * 0, 1, 2, … in order of first appearance. An open-addressing table over one flat array of tuples.
 */
class TupleTable {
    width;
    /** Tuples interned so far. */
    size = 0;
    /** Tuple `id` is at `[id·width, (id + 1)·width)`. */
    tuples;
    /** Open addressing: id + 1 of the tuple in each slot, 0 for an empty slot. */
    slots = new Uint32Array(64);
    constructor(width) {
        this.width = width;
        this.tuples = new Uint32Array(32 * width);
    }
    /** The id of the tuple at `source[offset …]`, interning it if new. */
    idOf(source, offset) {
        const width = this.width;
        const mask = this.slots.length - 1;
        for (let slot = this.hash(source, offset) & mask;; slot = (slot + 1) & mask) {
            const entry = this.slots[slot];
            if (entry === 0)
                return this.insert(slot, source, offset);
            const at = (entry - 1) * width;
            let equal = true;
            for (let k = 0; k < width && equal; k++)
                equal = this.tuples[at + k] === source[offset + k];
            if (equal)
                return entry - 1;
        }
    }
    insert(slot, source, offset) {
        const id = this.size++;
        if (this.tuples.length < this.size * this.width) {
            const grown = new Uint32Array(2 * this.tuples.length);
            grown.set(this.tuples);
            this.tuples = grown;
        }
        this.tuples.set(source.subarray(offset, offset + this.width), id * this.width);
        this.slots[slot] = id + 1;
        if (2 * this.size > this.slots.length)
            this.rehash();
        return id;
    }
    /** Doubles the slots, keeping the load at most 1/2. */
    rehash() {
        const slots = new Uint32Array(2 * this.slots.length);
        const mask = slots.length - 1;
        for (let id = 0; id < this.size; id++) {
            let slot = this.hash(this.tuples, id * this.width) & mask;
            while (slots[slot] !== 0)
                slot = (slot + 1) & mask;
            slots[slot] = id + 1;
        }
        this.slots = slots;
    }
    /** One multiply per element, one finaliser per tuple: cheap, and the low bits mix every element. */
    hash(source, offset) {
        let hash = 0x9e3779b9;
        for (let k = 0; k < this.width; k++)
            hash = Math.imul(hash ^ source[offset + k], 0x85ebca77);
        return fmix32(hash);
    }
}

/**
 * Every row's score, label and weight with the segments it belongs to, kept across blocks so that
 * the scores of all segments are sorted once: ROC AUC and average precision need each segment's
 * scores in order, and a row is in all of its segments (6 sorts of n scores with 5 segment
 * families). One stable sort of the rows, then one pass handing each score to its segments in
 * ascending order, gives every segment exactly the order its own sort would have: equal scores stay
 * in file order both ways.
 *
 * A row's segments are kept as the id of their combination (`TupleTable`): far fewer combinations
 * than rows, so the pass in score order reads them from a small table instead of jumping around
 * every row's own. Unweighted, the sort carries (combination, label) itself and the pass reads
 * nothing per row; with weights it carries the row and reads its weight and combination.
 *
 * Memory: 13 bytes per row (21 with weights other than 1).
 */
class ScoreLedger {
    perRow;
    chunks = [];
    combinations;
    rows = 0;
    weighted = false;
    /** @param perRow segment slots per row of the blocks (families + 1 for `all`) */
    constructor(perRow) {
        this.perRow = perRow;
        this.combinations = new TupleTable(perRow);
    }
    /** Keeps the staged rows of `block` (before it is drained). */
    keep(rows, block) {
        const size = block.size;
        if (size === 0)
            return;
        if (this.rows + size > MAX_ROWS)
            throw new RangeError(`ScoreLedger: more than ${MAX_ROWS} rows`);
        const slots = block.slots();
        const combination = new Uint32Array(size);
        for (let i = 0; i < size; i++)
            combination[i] = this.combinations.idOf(slots, i * this.perRow);
        const weight = rows.weight.subarray(0, size);
        let unweighted = true;
        for (let i = 0; i < size && unweighted; i++)
            unweighted = weight[i] === 1;
        this.weighted ||= !unweighted;
        this.chunks.push({
            size,
            score: rows.score.slice(0, size),
            label: rows.label.slice(0, size),
            weight: unweighted ? null : weight.slice(),
            combination
        });
        this.rows += size;
    }
    /**
     * Hands every kept score to the accumulators of its segments (`accumulators[ordinal]`), in
     * ascending score order (`addAscendingScores`); then forgets them.
     */
    distribute(accumulators) {
        const n = this.rows;
        const perRow = this.perRow;
        const segmentsOf = this.combinations.tuples;
        const scores = new Float64Array(n);
        // (what, label) in one exact double, 2·what + label < 2⁵³, sorted along with the scores; `what`
        // is the row's combination, or the row itself when weights must be read.
        const payload = new Float64Array(n);
        const counts = new Float64Array(2 * accumulators.length);
        // With weights, each row's combination and weight by row (blocks differ in size).
        const combinationOf = this.weighted ? new Uint32Array(n) : null;
        const weightOf = this.weighted ? new Float64Array(n) : null;
        let row = 0;
        for (const chunk of this.chunks) {
            scores.set(chunk.score, row);
            combinationOf?.set(chunk.combination, row);
            if (weightOf) {
                if (chunk.weight)
                    weightOf.set(chunk.weight, row);
                else
                    weightOf.fill(1, row, row + chunk.size);
            }
            for (let i = 0; i < chunk.size; i++, row++) {
                const label = chunk.label[i];
                const combination = chunk.combination[i];
                payload[row] = 2 * (this.weighted ? row : combination) + label;
                for (let slot = 0; slot < perRow; slot++)
                    counts[2 * segmentsOf[combination * perRow + slot] + label]++;
            }
            chunk.score = EMPTY;
        }
        // The payload (with weights, and the two arrays above) holds all that the pass needs: the chunks
        // can go during the sort.
        this.chunks.length = 0;
        this.rows = 0;
        sortNumbers(scores, payload);
        // Every segment's scores of each class, ascending, side by side in one array: segment a's with
        // label l from start[2a + l] on. Each accumulator keeps views of its two runs (no copies, no
        // per-score calls); weights alongside, for the runs with a weight other than 1.
        const runs = counts.length;
        const start = new Float64Array(runs + 1);
        for (let d = 0; d < runs; d++)
            start[d + 1] = start[d] + counts[d];
        const sorted = new Float64Array(start[runs]);
        const sortedWeights = weightOf === null ? null : new Float64Array(start[runs]);
        const next = Uint32Array.from(start.subarray(0, runs));
        const unit = new Uint8Array(runs).fill(1);
        for (let p = 0; p < n; p++) {
            // Integer arithmetic: a double's `%` is a call to fmod in V8.
            const packed = payload[p];
            const label = packed & 1;
            const what = (packed - label) / 2;
            const combination = combinationOf === null ? what : combinationOf[what];
            const score = scores[p];
            if (sortedWeights === null) {
                for (let slot = 0, k = combination * perRow; slot < perRow; slot++, k++) {
                    sorted[next[2 * segmentsOf[k] + label]++] = score;
                }
            }
            else {
                const weight = weightOf[what];
                for (let slot = 0, k = combination * perRow; slot < perRow; slot++, k++) {
                    const run = 2 * segmentsOf[k] + label;
                    const at = next[run]++;
                    sorted[at] = score;
                    sortedWeights[at] = weight;
                    if (weight !== 1)
                        unit[run] = 0;
                }
            }
        }
        const run = (d) => ({
            values: sorted.subarray(start[d], start[d + 1]),
            weights: sortedWeights === null || unit[d] === 1 ? null : sortedWeights.subarray(start[d], start[d + 1])
        });
        for (let a = 0; a < accumulators.length; a++)
            accumulators[a].addAscendingScores(run(2 * a + 1), run(2 * a));
    }
}
const EMPTY = new Float64Array(0);
/** So that every payload (2·row + label) is below 2³¹, for integer arithmetic: 13 GB of rows here. */
const MAX_ROWS = 2 ** 30 - 1;

/**
 * A segment's metrics as an evaluation document stores them for the gates: everything
 * `finalizeMetrics` and `pairedDifference` read from an accumulator, so that a document gives the
 * same intervals at any confidence level (Holm-adjusted ones included) and the same paired tests as
 * the predictions file it was written from, bit for bit.
 *
 * Stored per metric: the point estimate; the B bootstrap replicates of every metric that has an
 * interval (a paired test reads them whatever the interval method), as base64 of their float64
 * bytes (`metric-state.ts`: exact, NaN kept for an undefined replicate); a Wilson metric's
 * proportion; ROC AUC's DeLong variance; an analytic interval's inputs. Per segment: the row digest
 * that tells whether two models saw the same rows.
 *
 * Size: about B·8·4/3 bytes per metric and segment (13.3 kB at B = 1000), whatever the rows; only
 * the median's order-statistic window (above 5,000 rows) grows, as 9·√n values.
 */
/** The state of `source` to store in a document. */
function sourceState(source) {
    const everyRow = source.resamplesEveryRow?.();
    const metrics = {};
    for (const name of source.names()) {
        const estimate = source.estimate(name);
        const method = describeMetric(name)?.interval ?? 'none';
        const stored = {
            value: estimate.value,
            support: source.support(name)
        };
        if (estimate.reason !== undefined)
            stored.reason = estimate.reason;
        if (estimate.defined === false)
            stored.defined = false;
        if (estimate.value !== null && method !== 'none') {
            stored.replicates = encode(source.replicates(name));
            if (method === 'wilson') {
                const { successes, trials, squaredWeights } = source.proportion(name);
                stored.proportion = { successes, trials, squared_weights: squaredWeights };
            }
            if (method === 'delong')
                stored.variance = source.rocAucVariance();
            if (method.startsWith('bootstrap-or-') && everyRow === false)
                stored.basis = storedBasis(source.analyticBasis(name));
        }
        metrics[name] = stored;
    }
    return {
        digest: source.digest.toState(),
        ...(everyRow !== undefined && { resamples_every_row: everyRow }),
        metrics
    };
}
function storedBasis(basis) {
    if (basis.kind === 'logit')
        return basis;
    const window = narrowWindow(basis.window);
    return {
        kind: 'order-statistic',
        values: encode(window.values),
        weights: window.weights === null ? null : encode(window.weights),
        before: window.before,
        n: window.n,
        per_rank: window.perRank
    };
}
/**
 * The run of `window` that `orderStatisticInterval` reads at any z ≤ MAX_Z: from the value the
 * lowest rank reaches to the one the highest rank reaches, with the exact cumulative weight before
 * it (summed in the same order, so the reads are bit for bit the same).
 */
function narrowWindow(window) {
    const { values, weights, perRank } = window;
    const [lower, upper] = medianRanks(window.n, MAX_Z);
    const low = lower * perRank;
    const high = upper * perRank;
    let cumulative = window.before;
    let start = -1;
    let before = cumulative;
    let end = values.length - 1;
    for (let i = 0; i < values.length; i++) {
        const w = weights ? weights[i] : 1;
        if (i === values.length - 1 && start < 0)
            [start, before] = [i, cumulative];
        if (w === 0)
            continue;
        const previous = cumulative;
        cumulative += w;
        if (start < 0 && cumulative >= low)
            [start, before] = [i, previous];
        if (cumulative >= high) {
            end = i;
            break;
        }
    }
    return {
        values: values.slice(start, end + 1),
        weights: weights === null ? null : weights.slice(start, end + 1),
        before,
        n: window.n,
        perRank
    };
}
/**
 * The metric source a document's segment state describes, checked: each metric carries what its
 * interval method needs, replicates have B values.
 * @throws Error ("invalid metric state: …") naming the field and what was expected
 */
function storedSource(state, task, bootstrap) {
    const record = objectAt(state, 'state');
    const digest = RowDigest.fromState(objectAt(record.digest, 'state.digest'));
    const everyRow = record.resamples_every_row;
    if (everyRow !== undefined && typeof everyRow !== 'boolean')
        throw stateError(`state.resamples_every_row must be true or false, got ${typeof everyRow}`);
    const metrics = new Map(Object.entries(objectAt(record.metrics, 'state.metrics')).map(([name, m]) => [
        name,
        objectAt(m, `state.metrics.${name}`)
    ]));
    const estimates = new Map();
    const supports = new Map();
    const replicates = new Map();
    const proportions = new Map();
    const bases = new Map();
    let variance = null;
    for (const [name, m] of metrics) {
        const where = `state.metrics.${name}`;
        const value = nullableNumber(m.value, `${where}.value`);
        if (m.reason !== undefined && typeof m.reason !== 'string')
            throw stateError(`${where}.reason must be a string`);
        if (m.defined !== undefined && m.defined !== false)
            throw stateError(`${where}.defined must be false or absent`);
        supports.set(name, finite(m.support, `${where}.support`));
        estimates.set(name, {
            value,
            ...(m.reason !== undefined && { reason: m.reason }),
            ...(m.defined === false && { defined: false })
        });
        const method = describeMetric(name)?.interval ?? 'none';
        if (value === null || method === 'none')
            continue;
        replicates.set(name, decode(m, 'replicates', Float64Array, bootstrap.replicates));
        if (method === 'wilson') {
            const p = objectAt(m.proportion, `${where}.proportion`);
            proportions.set(name, {
                successes: finite(p.successes, `${where}.proportion.successes`),
                trials: finite(p.trials, `${where}.proportion.trials`),
                squaredWeights: finite(p.squared_weights, `${where}.proportion.squared_weights`)
            });
        }
        if (method === 'delong')
            variance = nullableNumber(m.variance, `${where}.variance`);
        if (method.startsWith('bootstrap-or-')) {
            if (everyRow === undefined)
                throw stateError(`state.resamples_every_row is needed for ${name}`);
            if (!everyRow)
                bases.set(name, readBasis(m.basis, `${where}.basis`));
        }
    }
    const names = [...metrics.keys()];
    return {
        task,
        bootstrap,
        digest,
        names: () => names,
        estimate: (name) => estimates.get(name),
        support: (name) => supports.get(name),
        replicates: (name) => replicates.get(name),
        proportion: (name) => proportions.get(name),
        rocAucVariance: () => variance,
        resamplesEveryRow: () => everyRow === true,
        analyticBasis: (name) => bases.get(name)
    };
}
function readBasis(value, where) {
    const basis = objectAt(value, where);
    if (basis.kind === 'logit') {
        return {
            kind: 'logit',
            value: finite(basis.value, `${where}.value`),
            positives: finite(basis.positives, `${where}.positives`)
        };
    }
    if (basis.kind !== 'order-statistic')
        throw stateError(`${where}.kind must be "logit" or "order-statistic"`);
    const values = decode(basis, 'values', Float64Array);
    if (values.length === 0)
        throw stateError(`${where}.values must hold at least one value`);
    const window = {
        values,
        weights: basis.weights === null ? null : decode(basis, 'weights', Float64Array, values.length),
        before: finite(basis.before, `${where}.before`),
        n: finite(basis.n, `${where}.n`),
        perRank: finite(basis.per_rank, `${where}.per_rank`)
    };
    return { kind: 'order-statistic', window };
}
function objectAt(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw stateError(`${where} must be an object`);
    return value;
}
function finite(value, where) {
    if (typeof value !== 'number' || !Number.isFinite(value))
        throw stateError(`${where} must be a finite number`);
    return value;
}
function nullableNumber(value, where) {
    return value === null ? null : finite(value, where);
}

/**
 * A cap on the memory that segments take, known before it is spent. Each segment keeps the
 * bootstrap's bucket sums (BUCKETS × width float64s, poisson-bootstrap.ts) and, when finalized,
 * its replicate sums (B × width): 259 KB for a binary segment at 1,000 replicates. Segments are
 * created as rows reveal their values, so without a cap 10 segment columns of 1,000 values each
 * would take 3 GB; past the cap evaluation stops with an error that says what it would take.
 */
/** The memory all segments together may take. */
const MAX_SEGMENT_STATE_BYTES = 2 ** 30;
/** The peak bytes of one segment's state, for `width` sums per bucket and `replicates` replicates. */
function segmentStateBytes(width, replicates) {
    return 8 * width * (BUCKETS + replicates);
}
/**
 * @param segments the segments there would be with the one about to be created (`all` included)
 * @throws UserInputError naming the file when they exceed `MAX_SEGMENT_STATE_BYTES`
 */
function checkSegmentBudget(file, segments, bytesPerSegment) {
    if (segments * bytesPerSegment <= MAX_SEGMENT_STATE_BYTES)
        return;
    const limit = Math.floor(MAX_SEGMENT_STATE_BYTES / bytesPerSegment);
    throw new UserInputError(`more than ${limit} segments (${Math.round(bytesPerSegment / 1024)} KB of metric state each, ${MAX_SEGMENT_STATE_BYTES / 2 ** 20} MB in all): ` +
        `expected at most ${limit}; segment on fewer columns or crosses, or bin numeric columns into fewer bins`, { file });
}

/**
 * Evaluates a predictions file: every metric of the task, overall and for every segment, with
 * confidence intervals, in one streaming pass (two for a multiclass file without probability
 * columns, whose classes are found first).
 *
 * Each row's identity (`model.id` when set, else its position in the file) keys its bootstrap
 * resamples, so two models evaluated on the same ids can be compared pairwise.
 *
 * Rows are read and staged a block at a time, then added segment by segment (see `row-block.ts`),
 * on a worker thread for a big file (see `staging-thread.ts`); the results depend on neither.
 *
 * @throws UserInputError for a missing column (with the closest name), and for a row whose label,
 *   score, prediction, weight or id cannot be used, at that row's line, saying what was expected
 */
async function evaluatePredictions(file, settings, read = {}, { blockRows = BLOCK_ROWS, thread, only = null, classes: given = null } = {}) {
    const table = await openTable(file, read);
    const model = settings.model;
    const columns = resolveColumns(table, settings);
    const classes = model.task !== 'multiclass'
        ? []
        : columns.probabilities.length > 0
            ? columns.probabilityClasses
            : (given ?? (await discoverClasses(file, read, columns)));
    const families = segmentFamilies(settings.segments);
    const create = accumulatorFactory(model.task, settings, classes);
    const segments = new Map();
    const overall = { key: OVERALL, family: -1, labels: [], metrics: create(), rows: 0 };
    const bytesPerSegment = segmentStateBytes(bucketWidth(overall.metrics), settings.bootstrap.replicates);
    segments.set(OVERALL, overall);
    const plan = { file, read, settings, classes, blockRows };
    // Segments by ordinal (creation order, `all` first), which is how the blocks refer to them.
    const ordered = [overall];
    const adder = blockAdder(model.task, families.length + 1);
    const staging = await stageBlocks(table, plan, columns, thread, {
        segment({ key, family, labels }) {
            checkSegmentBudget(table.file, ordered.length + 1, bytesPerSegment);
            const segment = { key, family, labels, metrics: create(), rows: 0 };
            ordered.push(segment);
            segments.set(key, segment);
        },
        add(staged) {
            adder.keep(staged);
            staged.block.drain(ordered.length, (ordinal, members) => {
                const segment = ordered[ordinal];
                adder.addTo(segment.metrics, staged.rows, members);
                segment.rows += members.length;
            });
        }
    }, only);
    const { rows, labels, ids, thread: spare } = staging;
    try {
        await overlapReplicates(spare, model.task === 'binary' ? ordered : [], () => adder.finish(ordered));
    }
    finally {
        await spare?.close();
    }
    const order = compareSegments(families);
    const sorted = new Map([...segments.values()].sort(order).map((s) => [s.key, s]));
    return { file: table.file, settings, families, classes, rows, labels, ids, segments: sorted };
}
/**
 * Runs `work` (the sort of every score, a third of the time after reading at 1M rows) while the
 * spare thread (`stageBlocks`' second one, where the rows were read on a thread) sums the bootstrap
 * replicates of the binary `segments`, which finalize would otherwise sum on this thread.
 */
async function overlapReplicates(thread, segments, work) {
    if (thread === null || segments.length === 0)
        return work();
    const accumulators = segments.map((s) => s.metrics);
    const buckets = accumulators.map((a) => a.bootstrapBuckets());
    const replicates = thread.combineBuckets(buckets.map((b) => b.sums), buckets[0].width, accumulators[0].bootstrap);
    work();
    (await replicates).forEach((sums, i) => accumulators[i].adoptReplicateSums(sums));
}
/**
 * Rows staged before they are added segment by segment (see `row-block.ts`): about 20 MB for the
 * binary task with 5 segment families (82 bytes a row). Larger blocks give each segment more rows
 * per visit of its buckets (10M rows on one thread: 14.6 s of user CPU with 262,144 rows per block,
 * 13.7 s with 524,288); but with a reading thread the main thread sorts only once the last block is
 * added, and a smaller block is added sooner: 1M rows about 0.1 s faster, 10M rows no slower (there
 * the reading thread is the slower one).
 */
const BLOCK_ROWS = 262_144;
/** A document as it is, an evaluation as its document. */
function asEvaluationDocument(model) {
    return 'schema' in model ? model : evaluationDocument(model);
}
/** The evaluation as its JSON document. */
function evaluationDocument(evaluation) {
    const { settings, families } = evaluation;
    return {
        schema: 'ml-gate/evaluation@1',
        task: settings.model.task,
        file: evaluation.file,
        rows: evaluation.rows,
        settings: documentSettings(settings),
        ...(settings.model.task === 'multiclass' && { classes: evaluation.classes }),
        segments: [...evaluation.segments.values()].map((s) => ({
            key: s.key,
            column: s.family < 0 ? null : families[s.family].name,
            n: s.rows,
            insufficient: s.rows < settings.minSupport,
            metrics: s.metrics.finalize({ confidence: settings.confidence }),
            state: sourceState(s.metrics)
        }))
    };
}
/** The settings as a document states them (the columns a task does not read are `null`). */
function documentSettings(settings) {
    const m = settings.model;
    const binary = m.task === 'binary';
    const { columns, bins, cross } = settings.segments;
    return {
        label: m.label,
        score: binary ? (m.score ?? null) : null,
        score_prefix: m.task === 'multiclass' ? m.score_prefix : null,
        prediction: binary ? null : (m.prediction ?? null),
        positive: binary ? m.positive : null,
        threshold: binary ? m.threshold : null,
        weight: m.weight ?? null,
        id: m.id ?? null,
        confidence: settings.confidence,
        bootstrap: settings.bootstrap.replicates,
        seed: settings.bootstrap.seed,
        min_support: settings.minSupport,
        segments: { columns, bins, cross }
    };
}
/**
 * Multiclass without probability columns: every label and prediction of `files`, sorted; `null`
 * for another task, or with probability columns (which name the classes).
 */
async function inputClasses(files, settings, read) {
    if (settings.model.task !== 'multiclass')
        return null;
    const found = new Set();
    for (const file of files) {
        const table = await openTable(file, read);
        const columns = resolveColumns(table, settings);
        await table.close();
        if (columns.probabilities.length > 0)
            return null;
        for (const c of await discoverClasses(file, read, columns))
            found.add(c);
    }
    return [...found].sort();
}
/** Classes of a multiclass file without probability columns: every label and prediction, sorted. */
async function discoverClasses(file, read, columns) {
    const classes = new Set();
    const table = await openTable(file, read);
    for await (const batch of table.batches()) {
        for (const c of [columns.label, columns.prediction]) {
            const { values, kinds } = batch.columns[c];
            for (let i = 0; i < batch.size; i++)
                if (kinds[i] !== Kind.Missing)
                    classes.add(String(values[i]));
        }
    }
    return [...classes].sort();
}
/** The sums per bootstrap bucket of an accumulator. */
function bucketWidth(accumulator) {
    if (accumulator instanceof BinaryAccumulator)
        return WIDTH;
    if (accumulator instanceof MulticlassAccumulator)
        return accumulator.width;
    return WIDTH$1;
}
function accumulatorFactory(task, settings, classes) {
    const bootstrap = settings.bootstrap;
    if (task === 'binary')
        return () => new BinaryAccumulator({ threshold: settings.model.threshold, bootstrap });
    if (task === 'multiclass')
        return () => new MulticlassAccumulator({ classes, bootstrap });
    return () => new RegressionAccumulator({ bootstrap });
}
const NOTHING = () => undefined;
function blockAdder(task, perRow) {
    if (task === 'binary') {
        // Scores are sorted once for all segments (see `score-ledger.ts`), not once per segment.
        const ledger = new ScoreLedger(perRow);
        return {
            keep: ({ rows, block }) => ledger.keep(rows, block),
            addTo: (metrics, rows, members) => metrics.addRowsExceptScores(rows, members),
            finish: (segments) => ledger.distribute(segments.map((s) => s.metrics))
        };
    }
    return {
        keep: NOTHING,
        addTo: task === 'multiclass'
            ? (metrics, rows, members) => metrics.addRows(rows, members)
            : (metrics, rows, members) => metrics.addRows(rows, members),
        finish: NOTHING
    };
}

export { evaluationDocument as a, asEvaluationDocument as b, documentSettings as d, evaluatePredictions as e, inputClasses as i, storedSource as s };
