/**
 * Sorting float64 keys by their bits: the one sort behind ROC AUC, average precision and the median.
 *
 * An LSD radix sort over the 64-bit pattern of each key, mapped so that unsigned order is numeric
 * order (non-negative: set the sign bit; negative: flip every bit). Six stable passes of 11, 11 and 10
 * bits per 32-bit word; a pass whose digit is the same for every key (e.g. the sign and exponent of
 * probabilities) is skipped. All six histograms come from one read of the keys. Linear time, no
 * comparator calls: on 1M probabilities it is several times faster than `Uint32Array.sort` with a
 * comparator and faster than the native `Float64Array.prototype.sort`.
 *
 * Keys must not be NaN (the accumulators' preconditions exclude it); −0 sorts before +0, which every
 * caller treats as one tied group since they compare with `===`.
 */
const DIGITS = [
    [0, 0, 11],
    [0, 11, 11],
    [0, 22, 10],
    [1, 0, 11],
    [1, 11, 11],
    [1, 22, 10]
];
const RADIX = 1 << 11;
/**
 * Sorts `keys` ascending in place, applying the same permutation to `payload` (same length) if given.
 *
 * @example
 * const keys = Float64Array.of(0.3, -1, 0.1), weights = Float64Array.of(3, 1, 2)
 * sortNumbers(keys, weights) // keys [-1, 0.1, 0.3], weights [1, 2, 3]
 */
function sortNumbers(keys, payload = null) {
    const n = keys.length;
    if (n < 2)
        return;
    // The keys' own memory holds their mapped bits, so the passes need one scratch copy, not two:
    // word 2i is key i's low word, 2i + 1 its high word.
    const original = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
    const counts = new Uint32Array(DIGITS.length * RADIX);
    for (let i = 0; i < n; i++) {
        const mask = original[2 * i + 1] >> 31; // all ones for a negative key, else 0
        const l = (original[2 * i] ^ mask) >>> 0;
        const h = (original[2 * i + 1] ^ (mask | 0x80000000)) >>> 0;
        original[2 * i] = l;
        original[2 * i + 1] = h;
        counts[l & 2047]++;
        counts[RADIX + ((l >>> 11) & 2047)]++;
        counts[2 * RADIX + (l >>> 22)]++;
        counts[3 * RADIX + (h & 2047)]++;
        counts[4 * RADIX + ((h >>> 11) & 2047)]++;
        counts[5 * RADIX + (h >>> 22)]++;
    }
    let words = original;
    let words2 = new Uint32Array(2 * n);
    let carried = payload;
    let carried2 = payload ? new Float64Array(n) : null;
    DIGITS.forEach(([word, shift, bits], pass) => {
        const base = pass * RADIX;
        const mask = (1 << bits) - 1;
        if (counts[base + ((words[word] >>> shift) & mask)] === n)
            return;
        let offset = 0;
        for (let d = 0; d <= mask; d++) {
            const count = counts[base + d];
            counts[base + d] = offset;
            offset += count;
        }
        for (let i = 0; i < n; i++) {
            const at = counts[base + ((words[2 * i + word] >>> shift) & mask)]++;
            words2[2 * at] = words[2 * i];
            words2[2 * at + 1] = words[2 * i + 1];
            if (carried)
                carried2[at] = carried[i];
        }
        [words, words2] = [words2, words];
        [carried, carried2] = [carried2, carried];
    });
    for (let i = 0; i < n; i++) {
        const mask = ~(words[2 * i + 1] >> 31); // the inverse of the mapping above
        original[2 * i] = words[2 * i] ^ mask;
        original[2 * i + 1] = words[2 * i + 1] ^ (mask | 0x80000000);
    }
    if (payload && carried !== payload)
        payload.set(carried);
}

/**
 * The k-th smallest (0-based) of `values`, which it reorders: Hoare's selection in Wirth's form,
 * linear on average. The callers select among hashes (the hash sample's ranks, the reservoir's keys),
 * so the middle element is as good as a random pivot. `values` must not hold NaN.
 *
 * @example kthSmallest(Uint32Array.of(9, 2, 7, 4), 1) // 4
 */
function kthSmallest(values, k) {
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
        const pivot = values[(lo + hi) >>> 1];
        let i = lo;
        let j = hi;
        while (i <= j) {
            while (values[i] < pivot)
                i++;
            while (values[j] > pivot)
                j--;
            if (i <= j) {
                const t = values[i];
                values[i++] = values[j];
                values[j--] = t;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;
    }
    return values[k];
}

export { kthSmallest as k, sortNumbers as s };
