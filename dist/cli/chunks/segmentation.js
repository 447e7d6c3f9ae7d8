import { e as encode$1 } from './base64.js';
import { f as fmix32 } from './hash.js';
import { U as UserInputError } from './suggest.js';

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
        throw stateError(`${field} must be a base64 string, got ${describe(text)}`);
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
        throw stateError(`expected a JSON object, got ${describe(state)}`);
    }
    const record = state;
    if (record.schema !== METRIC_STATE_SCHEMA) {
        throw stateError(`schema must be "${METRIC_STATE_SCHEMA}", got ${describe(record.schema)}`);
    }
    if (record.task !== task)
        throw stateError(`expected a ${task} state, got task ${describe(record.task)}`);
    if (record.bucketCount !== BUCKETS) {
        throw stateError(`bucketCount must be ${BUCKETS}, got ${describe(record.bucketCount)}`);
    }
    const bootstrap = record.bootstrap;
    if (typeof bootstrap !== 'object' || bootstrap === null) {
        throw stateError(`bootstrap must be { replicates, seed }, got ${describe(bootstrap)}`);
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
        throw stateError(`${field} must be a finite number, got ${describe(value)}`);
    }
    return value;
}
/** A nested object field, checked. */
function objectField(state, field) {
    const value = state[field];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw stateError(`${field} must be an object, got ${describe(value)}`);
    }
    return value;
}
function stateError(message) {
    return new Error(`invalid metric state: ${message}`);
}
function describe(value) {
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
 * What every metric means: the single source of truth that gates, reports and the config validator
 * read, so that a gate can never compare the wrong way and every failure can state its formula.
 *
 * Names follow scikit-learn and the oracle files (`roc_auc`, `macro_f1`, `median_ae`). Per-class
 * multiclass metrics are written `precision[Adelie]`: the metric, then the class name in square
 * brackets, exactly as it appears in the data. `describeMetric` resolves them to their template.
 */
/** Each support in words: `unit` follows the count in a reason (`<class>` replaced), `rows` defines it. */
const SUPPORTS = {
    rows: { unit: 'rows', rows: 'rows' },
    positives: { unit: 'positives', rows: 'positives (y = 1: TP + FN)' },
    negatives: { unit: 'negatives', rows: 'negatives (y = 0: TN + FP)' },
    predicted_positives: { unit: 'predicted positives', rows: 'predicted positives (ŷ = 1: TP + FP)' },
    positive_or_predicted: {
        unit: 'rows positive or predicted positive',
        rows: 'rows positive or predicted positive (TP + FP + FN)'
    },
    smaller_class: {
        unit: 'rows in the smaller class',
        rows: 'min(positives, negatives)'
    },
    class_rows: { unit: 'rows of <class>', rows: 'rows of the class (y = c)' },
    class_predicted: { unit: 'rows predicted <class>', rows: 'rows predicted as the class (ŷ = c)' },
    class_or_predicted: {
        unit: 'rows of or predicted <class>',
        rows: 'rows of the class or predicted as it (y = c or ŷ = c)'
    }
};
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
 * The unit of a metric's support count in a reason, e.g. `positives`, `rows of Adelie`.
 *
 * @example supportUnit('recall[Adelie]') // 'rows of Adelie'
 */
function supportUnit(name) {
    const unit = SUPPORTS[describeMetric(name)?.support ?? 'rows'].unit;
    return unit.replace('<class>', parseClassMetric(name)?.className ?? '');
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
/** A name or value as the grammar allows it: `""`, or text whose every % starts an escape and without ". */
const TEXT = /^(?:""|(?:[^%&="]|%25|%26|%3D|%22)+)$/;
/**
 * What is wrong with a key a user wrote (in `per_segment` or a waiver), against the grammar above;
 * `null` when it is a key. The text says what to write instead.
 */
function segmentKeyProblem(key) {
    if (key === OVERALL)
        return null;
    for (const part of key.split('&')) {
        const equals = part.indexOf('=');
        if (equals < 0)
            return `'${part}' has no '=': a key reads column=value, crosses joined by '&'`;
        const [name, value] = [part.slice(0, equals), part.slice(equals + 1)];
        if (!TEXT.test(name) || (value !== '' && !TEXT.test(value))) {
            return `'${part}' is not column=value with % & = " written %25 %26 %3D %22 (the empty text: "")`;
        }
    }
    return null;
}
/** The family of a key: `Job=partime` -> `Job`, `Home=rent&Job=fixed` -> `Home&Job`. */
function familyOfKey(key) {
    return key
        .split('&')
        .map((part) => {
        const equals = part.indexOf('=');
        return equals < 0 ? part : part.slice(0, equals);
    })
        .join('&');
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

export { rowKeyOf as A, BUCKETS as B, segmentKey as C, combineBuckets as D, segmentKeyProblem as E, familyOfKey as F, METRICS as G, normalInterval as H, wilsonInterval as I, logitInterval as J, orderStatisticInterval as K, encodeBuckets as L, MAX_Z as M, decodeBuckets as N, OVERALL as O, firstUnorderedEdge as P, RowDigest as R, criticalValue as a, supportUnit as b, compareSegments as c, describeMetric as d, segmentColumns as e, encode as f, stateError as g, decode as h, bootstrapSettings as i, metricNames as j, bucketOf as k, header as l, medianRanks as m, normalQuantile as n, readHeader as o, percentileInterval as p, numberField as q, rowHash as r, segmentFamilies as s, parseClassMetric as t, sampleRank as u, validateBins as v, objectField as w, effectiveSize as x, bucketWeights as y, firstReaching as z };
