import { U as UserInputError } from './errors.js';

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
 * Checks bin edges: finite numbers, strictly increasing, at least two.
 * @param where what to name in the message, e.g. `--bins Age` or `segments.bins.Age`
 * @throws UserInputError naming the column and the offending edge
 */
function validateBins(column, edges, where) {
    if (edges.length < 2) {
        throw new UserInputError(`${where}: bins for '${column}' need at least 2 edges, got ${edges.length}`);
    }
    edges.forEach((edge) => {
        if (!Number.isFinite(edge)) {
            throw new UserInputError(`${where}: bin edge '${edge}' of '${column}' is not a finite number`);
        }
    });
    const i = firstUnorderedEdge(edges);
    if (i >= 0) {
        throw new UserInputError(`${where}: bin edges of '${column}' must increase strictly; ${edges[i - 1]} is followed by ${edges[i]}`);
    }
}
/** Index of the first edge that is not above the one before it, or -1 when they increase strictly. */
function firstUnorderedEdge(edges) {
    for (let i = 1; i < edges.length; i++)
        if (edges[i] <= edges[i - 1])
            return i;
    return -1;
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

export { OVERALL as O, segmentColumns as a, segmentKey as b, compareSegments as c, didYouMean as d, closest as e, firstUnorderedEdge as f, segmentFamilies as s, validateBins as v };
