/**
 * The shape every tabular reader produces: a header and a stream of row batches.
 *
 * Rows come in columnar batches so a consumer loops over plain arrays instead of allocating one
 * object per row. Each value is typed once, by the reader, and keeps its kind so that later code
 * can tell `1` (integer) from `1.0` (number) without looking at text again.
 */
/** The kind of each cell, stored in a `Uint8Array` alongside the values. */
const Kind = {
    Missing: 0,
    Integer: 1,
    Number: 2,
    Boolean: 3,
    String: 4
};
const DEFAULT_MISSING_TOKENS = ['', 'NA', 'N/A', 'null', 'NaN'];
const DEFAULT_BATCH_SIZE = 8192;

/**
 * Bounds on how deep parsed JSON may nest. JSON.parse itself is iterative, but what follows it
 * (JSON.stringify of a nested cell, ajv compiling a schema) recurses and ends in a RangeError past
 * a few thousand levels: a value nested deeper than `MAX_JSON_DEPTH` is refused first, by the
 * walks below, which use a stack of their own instead of the call stack.
 */
/** Deep enough for any data or schema people write; far below where recursion fails. */
const MAX_JSON_DEPTH = 256;
/** How deep `value` nests (a scalar is 0, `[]` and `{}` are 1), counting no further than `limit + 1`. */
function jsonDepth(value, limit = MAX_JSON_DEPTH) {
    let deepest = 0;
    const stack = [[value, 0]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (typeof node !== 'object' || node === null)
            continue;
        if (depth + 1 > deepest)
            deepest = depth + 1;
        if (deepest > limit)
            return deepest;
        for (const child of Object.values(node))
            stack.push([child, depth + 1]);
    }
    return deepest;
}
/**
 * The path to the first object that has `key` as its own key, depth first in key order, e.g.
 * `['properties', '__proto__']`; null when none has. `value` must not nest deeper than
 * `MAX_JSON_DEPTH` (check with `jsonDepth` first).
 */
function pathToKey(value, key) {
    const stack = [[value, []]];
    while (stack.length > 0) {
        const [node, path] = stack.pop();
        if (typeof node !== 'object' || node === null)
            continue;
        if (Object.hasOwn(node, key))
            return [...path, key];
        const entries = Object.entries(node);
        for (let i = entries.length - 1; i >= 0; i--)
            stack.push([entries[i][1], [...path, entries[i][0]]]);
    }
    return null;
}
/**
 * Where in `text` (a string index) the brackets of JSON first nest deeper than `limit`, or -1.
 * Brackets inside strings do not count. For messages: JSON.parse does not say where.
 */
function tooDeepAt(text, limit = MAX_JSON_DEPTH, from = 0, to = text.length) {
    let depth = 0;
    let inString = false;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > limit)
                return i;
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
    return -1;
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

export { DEFAULT_BATCH_SIZE as D, Kind as K, MAX_JSON_DEPTH as M, DEFAULT_MISSING_TOKENS as a, fmix32 as f, hashFloat64 as h, jsonDepth as j, pathToKey as p, tooDeepAt as t };
