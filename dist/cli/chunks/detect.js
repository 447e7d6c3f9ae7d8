import { h as chiSquareSf, k as kolmogorovSmirnovSf, n as normalTwoSidedP, g as adjustPValues, C as CORRECTION_NAMES } from './multiple-testing.js';

/**
 * The drift methods ml-gate knows, with the metadata a gate and a report need: which column kinds
 * each applies to, whether it is a test (decides on a p-value) or a distance (decides on an
 * effect size), and its default threshold with the reason for it.
 */
const DRIFT_METHODS = {
    ks: {
        label: 'Kolmogorov–Smirnov test',
        decision: 'test',
        kinds: ['numeric'],
        defaultThreshold: 0.05,
        thresholdReason: 'the conventional 5% significance level'
    },
    chi2: {
        label: 'chi-square test',
        decision: 'test',
        kinds: ['categorical', 'boolean'],
        defaultThreshold: 0.05,
        thresholdReason: 'the conventional 5% significance level'
    },
    z: {
        label: 'two-proportion z-test',
        decision: 'test',
        kinds: ['boolean'],
        defaultThreshold: 0.05,
        thresholdReason: 'the conventional 5% significance level'
    },
    wasserstein: {
        label: 'normalized Wasserstein distance',
        decision: 'distance',
        kinds: ['numeric'],
        defaultThreshold: 0.1,
        thresholdReason: 'a shift of a tenth of a reference standard deviation (the default of Evidently, same normalization)'
    },
    jensen_shannon: {
        label: 'Jensen–Shannon distance',
        decision: 'distance',
        kinds: ['numeric', 'categorical', 'boolean'],
        defaultThreshold: 0.1,
        thresholdReason: 'the default of Evidently; e.g. a 50/50 split moving to about 62/38'
    },
    psi: {
        label: 'population stability index',
        decision: 'distance',
        kinds: ['numeric', 'categorical', 'boolean'],
        defaultThreshold: 0.2,
        thresholdReason: 'the conventional reading of PSI: 0.1–0.2 moderate, >= 0.2 a significant shift'
    }
};
/** The methods that apply to a kind of column, in the order of DRIFT_METHODS. */
function methodsFor(kind) {
    return Object.keys(DRIFT_METHODS).filter((m) => DRIFT_METHODS[m].kinds.includes(kind));
}

/**
 * Chi-square test of homogeneity between the category counts of a reference and a current sample,
 * as scipy.stats.chi2_contingency([reference, current]) with its default `correction=True`.
 */
/**
 * Chi-square test of `H0: reference and current share one categorical distribution`, on the 2 × k
 * contingency table whose rows are the two samples' counts per category (aligned by index).
 *
 * `E_ij = row_i · col_j / total`; statistic `Σ (O_ij - E_ij)² / E_ij`; `dof = k - 1`;
 * p-value `= chi2.sf(statistic, dof)`. For `dof = 1` (two categories), Yates' continuity
 * correction moves each observed count towards its expected count by `min(0.5, |O - E|)`, as scipy.
 * A single category (`dof = 0`) gives statistic 0 and p-value 1, as scipy.
 *
 * Categories seen in only one sample belong in the table (count 0 on the other side): they are
 * evidence of drift. Agreement with scipy 1.17: statistic to 1e-12 relative, p-value to 1e-12.
 *
 * Undefined: a category with zero counts on both sides, or a sample with no counts at all (scipy
 * raises: an expected count would be zero) — a caller bug, `RangeError`.
 *
 * @param reference count per category in the reference sample
 * @param current count per category in the current sample, same categories in the same order
 * @example chiSquareHomogeneity([10, 20, 30], [30, 20, 10]) // { statistic: 20, pValue: 4.5399929762484854e-5, dof: 2, … }
 */
function chiSquareHomogeneity(reference, current) {
    const k = reference.length;
    if (current.length !== k) {
        throw new RangeError(`chiSquareHomogeneity: ${k} reference counts but ${current.length} current counts`);
    }
    const refTotal = sumOf(reference);
    const curTotal = sumOf(current);
    const total = refTotal + curTotal;
    if (refTotal === 0 || curTotal === 0)
        throw new RangeError('chiSquareHomogeneity: a sample has no counts');
    const expRef = new Float64Array(k);
    const expCur = new Float64Array(k);
    for (let j = 0; j < k; j++) {
        const column = reference[j] + current[j];
        if (!(column > 0))
            throw new RangeError(`chiSquareHomogeneity: category ${j} has no counts in either sample`);
        // scipy's expected_freq: the product of the margins divided by total^(ndim - 1).
        expRef[j] = (refTotal * column) / total;
        expCur[j] = (curTotal * column) / total;
    }
    const dof = k - 1;
    if (dof === 0)
        return { statistic: 0, pValue: 1, dof, expected: [expRef, expCur] };
    const statistic = pearson(reference, expRef, dof) + pearson(current, expCur, dof);
    return { statistic, pValue: chiSquareSf(statistic, dof), dof, expected: [expRef, expCur] };
}
function pearson(observed, expected, dof) {
    let sum = 0;
    for (let j = 0; j < expected.length; j++) {
        let o = observed[j];
        if (dof === 1) {
            const diff = expected[j] - o;
            o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
        }
        sum += ((o - expected[j]) * (o - expected[j])) / expected[j];
    }
    return sum;
}
function sumOf(values) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!(v >= 0) || !Number.isFinite(v))
            throw new RangeError(`chiSquareHomogeneity: invalid count ${v}`);
        sum += v;
    }
    return sum;
}

/**
 * What the drift functions receive for one column on one side (reference or current): the numeric
 * values (all of them, or a reservoir sample), the counts per category, or the count of trues.
 */
/** Number of (non-missing) values the sample holds. */
function sampleSize(sample) {
    switch (sample.kind) {
        case 'numeric':
            return sample.values.length;
        case 'boolean':
            return sample.total;
        case 'categorical': {
            let n = sample.counts.other ?? 0;
            for (const count of sample.counts.counts.values())
                n += count;
            return n;
        }
    }
}
/**
 * `n_ref · n_cur / (n_ref + n_cur)`: the size that governs a two-sample test's power (two samples
 * of 5,000 have an effective size of 2,500). 0 when either sample is empty.
 */
function effectiveSampleSize(nReference, nCurrent) {
    return nReference === 0 || nCurrent === 0 ? 0 : (nReference * nCurrent) / (nReference + nCurrent);
}
/** Label of the cell that holds lumped categories, in messages. */
const OTHER_CATEGORY_LABEL = '(other)';
/**
 * Aligns two category count tables on the union of their categories (sorted by code unit, so the
 * result does not depend on arrival order), dropping categories counted 0 on both sides. Lumped
 * `other` counts form one last cell, present when either side has some: the two lumps are compared
 * as if they were one category, an approximation that only arises past a counter's cap.
 */
function alignCategories(reference, current) {
    const names = new Set();
    for (const [name, count] of reference.counts)
        if (count > 0)
            names.add(name);
    for (const [name, count] of current.counts)
        if (count > 0)
            names.add(name);
    const labels = [...names].sort();
    const refOther = reference.other ?? 0;
    const curOther = current.other ?? 0;
    const cells = labels.length + (refOther + curOther > 0 ? 1 : 0);
    const ref = new Float64Array(cells);
    const cur = new Float64Array(cells);
    labels.forEach((name, i) => {
        ref[i] = reference.counts.get(name) ?? 0;
        cur[i] = current.counts.get(name) ?? 0;
    });
    if (cells > labels.length) {
        ref[cells - 1] = refOther;
        cur[cells - 1] = curOther;
        labels.push(OTHER_CATEGORY_LABEL);
    }
    return { labels, reference: ref, current: cur };
}
/** A boolean sample as two categories, `false` and `true`. */
function booleanAsCategories(trues, total) {
    return {
        counts: new Map([
            ['false', total - trues],
            ['true', trues]
        ])
    };
}
/** The counts per category of a categorical or boolean sample (a numeric sample has none). */
function categoryCountsOf(sample) {
    if (sample.kind === 'categorical')
        return sample.counts;
    if (sample.kind === 'boolean')
        return booleanAsCategories(sample.trues, sample.total);
    throw new RangeError('a numeric sample has no category counts; bin it with quantileEdges and binCounts');
}

/**
 * The default drift method for a column, from its kind and the sizes of the two samples, with the
 * reason in words.
 *
 * Policy:
 * - fewer than `minSamples` (30) values on either side: insufficient data, no verdict;
 * - small samples (effective size `n_ref·n_cur/(n_ref+n_cur)` <= 2,500, e.g. 5,000 vs 5,000 or
 *   100,000 vs 2,560): a significance test — `ks` for numeric, `chi2` for categorical, `z` for
 *   boolean — which is exact or well calibrated there;
 * - large samples: an effect size with a threshold — `wasserstein` (normalized) for numeric,
 *   `jensen_shannon` for categorical and boolean. A test's power grows with n: at an effective
 *   size of 2,500, KS already rejects at α = 0.05 for CDFs 2.7 points apart (1.358/√2500) and the
 *   z-test for a 50% rate moving by 2 points; beyond, tests flag differences too small to matter
 *   ("drift tests that flag everything on large samples"), while a distance does not grow with n;
 * - chi2 / z whose expected counts are too small for the chi-square approximation (Cochran: an
 *   expected count below 1, or more than 20% of them below 5 — typical with rare categories):
 *   `jensen_shannon` instead, which needs no expected counts.
 */
/** Fewer values than this on either side: insufficient data. */
const MIN_SAMPLE_SIZE = 30;
/** Above this effective sample size, distances replace tests. */
const LARGE_EFFECTIVE_SAMPLE_SIZE = 2500;
/**
 * Chooses the default method for a column (see the module comment for the policy).
 *
 * @param minSamples values needed on each side (default `MIN_SAMPLE_SIZE` = 30)
 * @example chooseMethod({ kind: 'boolean', trues: 10, total: 100 }, { kind: 'boolean', trues: 20, total: 100 })
 *   // { method: 'z', why: 'boolean column, effective sample size 50 <= 2500', insufficient: null }
 */
function chooseMethod(reference, current, minSamples = MIN_SAMPLE_SIZE) {
    if (reference.kind !== current.kind) {
        throw new RangeError(`chooseMethod: reference is ${reference.kind} but current is ${current.kind}`);
    }
    const nRef = sampleSize(reference);
    const nCur = sampleSize(current);
    const en = effectiveSampleSize(nRef, nCur);
    const size = `effective sample size ${formatSize(en)}`;
    const kind = reference.kind;
    const large = en > LARGE_EFFECTIVE_SAMPLE_SIZE;
    let method;
    let why;
    if (large) {
        method = kind === 'numeric' ? 'wasserstein' : 'jensen_shannon';
        why = `${kind} column, ${size} > ${LARGE_EFFECTIVE_SAMPLE_SIZE}: a significance test would flag immaterial differences, so an effect size is used`;
    }
    else {
        method = kind === 'numeric' ? 'ks' : kind === 'categorical' ? 'chi2' : 'z';
        why = `${kind} column, ${size} <= ${LARGE_EFFECTIVE_SAMPLE_SIZE}`;
    }
    const insufficient = insufficientData(nRef, nCur, minSamples);
    if (insufficient === null && (method === 'chi2' || method === 'z')) {
        const sparse = sparseExpectedCounts(reference, current);
        if (sparse !== null) {
            method = 'jensen_shannon';
            why = `${kind} column, ${size}, but ${sparse}: too few for the chi-square approximation (Cochran's rule), so ${DRIFT_METHODS.jensen_shannon.label}`;
        }
    }
    return { method, why, insufficient };
}
/** The reason why `nRef` and `nCur` values are too few, or `null`. */
function insufficientData(nRef, nCur, minSamples = MIN_SAMPLE_SIZE) {
    const needed = Math.max(minSamples, 1);
    const short = [];
    if (nRef < needed)
        short.push(`the reference has ${values(nRef)}`);
    if (nCur < needed)
        short.push(`the current data has ${values(nCur)}`);
    if (short.length === 0)
        return null;
    return `insufficient data: ${short.join(' and ')}, at least ${needed} needed on each side`;
}
/**
 * Cochran's rule on the 2 × k table of expected counts: `null` when every expected count is >= 1
 * and at most 20% are below 5; otherwise a description such as `3 of 12 expected counts below 5`.
 */
function sparseExpectedCounts(reference, current) {
    const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current));
    let refTotal = 0;
    let curTotal = 0;
    for (let j = 0; j < table.labels.length; j++) {
        refTotal += table.reference[j];
        curTotal += table.current[j];
    }
    const total = refTotal + curTotal;
    let belowOne = 0;
    let belowFive = 0;
    for (let j = 0; j < table.labels.length; j++) {
        const column = table.reference[j] + table.current[j];
        for (const rowTotal of [refTotal, curTotal]) {
            const expected = (rowTotal * column) / total;
            if (expected < 1)
                belowOne++;
            if (expected < 5)
                belowFive++;
        }
    }
    const cells = 2 * table.labels.length;
    if (belowOne === 0 && belowFive <= 0.2 * cells)
        return null;
    return belowOne > 0
        ? `${belowOne} of ${cells} expected counts below 1`
        : `${belowFive} of ${cells} expected counts below 5`;
}
function formatSize(n) {
    return String(Math.round(n));
}
function values(n) {
    return n === 1 ? '1 value' : `${n} values`;
}

/**
 * Jensen–Shannon distance between two distributions given as counts (or weights) per bin or
 * category.
 */
/**
 * Jensen–Shannon DISTANCE in base 2, exactly scipy.spatial.distance.jensenshannon(p, q, base=2):
 * normalize `p` and `q` to sum 1, `m = (p + q) / 2`, divergence
 * `JSD = (KL(p‖m) + KL(q‖m)) / 2` in bits, distance `= √JSD`.
 *
 * Range [0, 1]: 0 for identical distributions, 1 for distributions with disjoint support. Symmetric
 * and finite even when a category is absent from one side (no smoothing needed), which is why it
 * serves large categorical samples. (The divergence is the square of this value.) A rounding-level
 * negative divergence is clamped to 0 so the result is never NaN.
 *
 * For numeric columns, call it on `binCounts` of both samples over the reference's `quantileEdges`;
 * for categorical columns, on the counts per category (union of both sides' categories).
 *
 * Undefined: all-zero weights on a side, negative or non-finite weights, or lengths that differ are
 * caller bugs (`RangeError`). Agreement with scipy 1.17: 1e-12 relative.
 *
 * @example jensenShannonDistance([1, 0], [0, 1]) // 1
 */
function jensenShannonDistance(p, q) {
    if (p.length !== q.length)
        throw new RangeError(`jensenShannonDistance: lengths differ (${p.length} vs ${q.length})`);
    const pTotal = total$1(p, 'p');
    const qTotal = total$1(q, 'q');
    let left = 0;
    let right = 0;
    for (let i = 0; i < p.length; i++) {
        const pi = p[i] / pTotal;
        const qi = q[i] / qTotal;
        const m = (pi + qi) / 2;
        // scipy's rel_entr: x ln(x / y), 0 when x = 0.
        if (pi > 0)
            left += pi * Math.log(pi / m);
        if (qi > 0)
            right += qi * Math.log(qi / m);
    }
    const divergence = (left + right) / Math.LN2;
    return Math.sqrt(Math.max(0, divergence / 2));
}
function total$1(weights, name) {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
        const w = weights[i];
        if (!(w >= 0) || !Number.isFinite(w))
            throw new RangeError(`jensenShannonDistance: ${name}[${i}] = ${w} is not a weight >= 0`);
        sum += w;
    }
    if (sum === 0)
        throw new RangeError(`jensenShannonDistance: ${name} has no weight`);
    return sum;
}

/**
 * Two-sample Kolmogorov–Smirnov test, as scipy.stats.ks_2samp(reference, current) with its defaults
 * (alternative='two-sided', method='auto').
 */
/** scipy's MAX_AUTO_N: the exact distribution is used when both samples have at most this many values. */
const KS_EXACT_MAX_N = 10000;
/**
 * Two-sample Kolmogorov–Smirnov test of `H0: both samples come from the same continuous
 * distribution`.
 *
 * Statistic: `D = max_x |F_ref(x) - F_cur(x)|` over the empirical CDFs (ties handled as scipy: both
 * CDFs are evaluated at every observed value).
 *
 * p-value, as scipy's `method='auto'`:
 * - both sizes <= 10,000: the exact `P(D >= d)` under H0, counting lattice paths (Hodges 1958;
 *   scipy's `_compute_prob_outside_square` when the sizes are equal, the "inside" recursion for
 *   `1 - p` of Viehmann 2021 otherwise). As in scipy, the statistic is then rounded to the nearest
 *   multiple of `1 / lcm(n1, n2)` (removing floating-point noise), and if the recursion ever left
 *   [0, 1] the asymptotic p-value is used instead;
 * - larger: `kstwo.sf(D, round(n1·n2 / (n1 + n2)))`.
 *
 * When the values are samples (e.g. from a full reservoir), the p-value is about those samples,
 * not about the full columns they were drawn from.
 *
 * Undefined cases: an empty sample, or a value that is not finite, is a caller bug (`RangeError`);
 * filter missing values out first. Identical samples give `D = 0, p = 1`.
 *
 * Agreement with scipy 1.17: statistic exactly (same floating-point operations); p-values within 5e-12
 * relative (exact range) and 1e-9 (asymptotic range) over 300+ random cases and the tests in
 * test/drift/ks.test.ts.
 *
 * @param reference values of the reference column (not modified)
 * @param current values of the current column (not modified)
 * @example ksTwoSample([1, 2, 3, 4], [5, 6, 7, 8]) // { statistic: 1, pValue: 0.028571428571428577, method: 'exact' }
 */
function ksTwoSample(reference, current) {
    const a = sortedCopy(reference, 'reference');
    const b = sortedCopy(current, 'current');
    const n1 = a.length;
    const n2 = b.length;
    let d = statistic(a, b);
    if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
        const g = gcd(n1, n2);
        const lcm = (n1 / g) * n2;
        const h = roundHalfEven(d * lcm);
        d = h / lcm;
        if (h === 0)
            return { statistic: d, pValue: 1, method: 'exact' };
        const p = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideInsideMethod(n1, n2, g, h);
        if (p >= 0 && p <= 1)
            return { statistic: d, pValue: p, method: 'exact' };
    }
    const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
    const en = (m * n) / (m + n);
    return { statistic: d, pValue: kolmogorovSmirnovSf(roundHalfEven(en), d), method: 'asymptotic' };
}
function sortedCopy(values, name) {
    if (values.length === 0)
        throw new RangeError(`ksTwoSample: the ${name} sample is empty`);
    const copy = Float64Array.from(values);
    for (let i = 0; i < copy.length; i++) {
        if (!Number.isFinite(copy[i])) {
            throw new RangeError(`ksTwoSample: the ${name} sample holds a non-finite value (${copy[i]}) at index ${i}`);
        }
    }
    return copy.sort();
}
/** `max(max(F_a - F_b), max(F_b - F_a))` over all observed values, by one merge of the sorted samples. */
function statistic(a, b) {
    let i = 0;
    let j = 0;
    let maxDiff = 0;
    let minDiff = 0;
    while (i < a.length || j < b.length) {
        const value = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
        while (i < a.length && a[i] === value)
            i++;
        while (j < b.length && b[j] === value)
            j++;
        // Same operations as scipy (count / n for each CDF, then the difference), so the same double.
        const diff = i / a.length - j / b.length;
        if (diff > maxDiff)
            maxDiff = diff;
        if (diff < minDiff)
            minDiff = diff;
    }
    const minS = Math.min(-minDiff, 1);
    return minS > maxDiff ? minS : maxDiff;
}
/**
 * `P(D_{n,n} >= h/n)` for equal sizes: `2 Σ_k (-1)^k binom(2n, n - (k+1)h) / binom(2n, n)`,
 * evaluated as scipy does with each ratio as a product of h factors and a Horner scheme.
 */
function probOutsideSquare(n, h) {
    let p = 0;
    for (let k = Math.floor(n / h); k >= 0; k--) {
        let p1 = 1;
        for (let j = 0; j < h; j++)
            p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
        p = p1 * (1 - p);
    }
    return 2 * p;
}
/**
 * `P(D_{m,n} >= h/lcm(m, n))` for unequal sizes: the proportion of lattice paths from (0,0) to (m,n)
 * that leave the band `|x/m - y/n| < h/lcm`, computed directly (not as 1 minus the inside
 * proportion) by a column-by-column recursion on a sliding window — scipy's
 * `_compute_outer_prob_inside_method`.
 */
function probOutsideInsideMethod(m0, n0, g, h) {
    const [m, n] = m0 >= n0 ? [m0, n0] : [n0, m0];
    const mg = m / g;
    const ng = n / g;
    let minj = 0;
    let maxj = Math.min(Math.ceil(h / mg), n + 1);
    let curlen = maxj - minj;
    const lenA = Math.min(2 * maxj + 2, n + 1);
    const A = new Float64Array(lenA).fill(1);
    A.fill(0, minj, maxj);
    for (let i = 1; i <= m; i++) {
        const lastminj = minj;
        const lastlen = curlen;
        minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
        maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
        if (maxj <= minj)
            return 1;
        let val = minj === 0 ? 0 : 1;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            A.fill(1, maxj - minj, Math.min(maxj - minj + (lastlen - curlen), lenA));
    }
    return A[maxj - minj - 1];
}
function gcd(a, b) {
    while (b !== 0)
        [a, b] = [b, a % b];
    return a;
}
/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x) {
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Two-proportion z-test for boolean (binary) columns.
 */
/**
 * Pooled two-proportion z-test of `H0: the rate of true is the same in reference and current`.
 *
 * `p_ref = trues_ref / n_ref`, `p_cur = trues_cur / n_cur`, pooled `p̂ = (trues_ref + trues_cur) /
 * (n_ref + n_cur)`, `z = (p_cur - p_ref) / √(p̂ (1 - p̂) (1/n_ref + 1/n_cur))`, two-sided p-value
 * `erfc(|z| / √2)`. `z²` equals scipy.stats.chi2_contingency(table, correction=False).statistic and
 * the p-values agree (to 1e-12 in the tests); statsmodels' proportions_ztest gives the same numbers.
 *
 * Both samples all true or all false (`p̂ = 0` or `1`): the proportions are identical, so
 * `z = 0, p = 1` (the formula would be 0/0).
 *
 * @example twoProportionZTest(40, 100, 60, 100) // { statistic: 2.8284271247461903, pValue: 0.004677734981047177, … }
 */
function twoProportionZTest(referenceTrues, referenceTotal, currentTrues, currentTotal) {
    checkCounts(referenceTrues, referenceTotal, 'reference');
    checkCounts(currentTrues, currentTotal, 'current');
    const referenceRate = referenceTrues / referenceTotal;
    const currentRate = currentTrues / currentTotal;
    const pooled = (referenceTrues + currentTrues) / (referenceTotal + currentTotal);
    if (pooled === 0 || pooled === 1)
        return { statistic: 0, pValue: 1, referenceRate, currentRate };
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal));
    const statistic = (currentRate - referenceRate) / se;
    return { statistic, pValue: normalTwoSidedP(statistic), referenceRate, currentRate };
}
function checkCounts(trues, total, name) {
    if (!Number.isInteger(total) || total < 1 || !Number.isInteger(trues) || trues < 0 || trues > total) {
        throw new RangeError(`twoProportionZTest: ${name} needs integers 0 <= trues <= total, total >= 1; got ${trues} of ${total}`);
    }
}

/**
 * Population stability index between two distributions given as counts per bin or category.
 */
/**
 * Share that replaces an empty bin's share (0) before taking logarithms, as common PSI
 * implementations (e.g. Evidently) do: small enough not to matter when the bin really is
 * negligible, large enough that one empty bin adds a bounded, visible amount instead of ∞.
 */
const PSI_EMPTY_BIN_SHARE = 1e-4;
/**
 * `PSI = Σ_i (c_i - r_i) · ln(c_i / r_i)` over bins or categories, where `r_i` and `c_i` are the
 * reference's and the current sample's shares of bin `i`, and a share of 0 is replaced by
 * `PSI_EMPTY_BIN_SHARE` (1e-4; the shares are not renormalized).
 *
 * Range [0, ∞): 0 for identical shares. Conventional reading: < 0.1 no significant change,
 * 0.1–0.2 moderate, >= 0.2 significant shift (ml-gate's default threshold).
 *
 * For numeric columns, call it on `binCounts` over the reference's `quantileEdges` (deciles by
 * default); for categorical columns, on counts per category (union of both sides' categories: a
 * category present on one side only contributes through the empty-bin share).
 *
 * Undefined: all-zero counts on a side, negative or non-finite counts, or lengths that differ are
 * caller bugs (`RangeError`).
 *
 * @example populationStabilityIndex([50, 50], [60, 40]) // 0.04054651081081645 (= 0.2 · ln 1.5)
 */
function populationStabilityIndex(reference, current) {
    if (reference.length !== current.length) {
        throw new RangeError(`populationStabilityIndex: lengths differ (${reference.length} vs ${current.length})`);
    }
    const refTotal = total(reference, 'reference');
    const curTotal = total(current, 'current');
    let psi = 0;
    for (let i = 0; i < reference.length; i++) {
        const r = reference[i] / refTotal || PSI_EMPTY_BIN_SHARE;
        const c = current[i] / curTotal || PSI_EMPTY_BIN_SHARE;
        psi += (c - r) * Math.log(c / r);
    }
    return psi;
}
function total(counts, name) {
    let sum = 0;
    for (let i = 0; i < counts.length; i++) {
        const c = counts[i];
        if (!(c >= 0) || !Number.isFinite(c))
            throw new RangeError(`populationStabilityIndex: ${name}[${i}] = ${c} is not a count >= 0`);
        sum += c;
    }
    if (sum === 0)
        throw new RangeError(`populationStabilityIndex: the ${name} sample has no counts`);
    return sum;
}

/**
 * Histogram bins cut at the reference's quantiles, shared by PSI and Jensen–Shannon on numeric
 * columns: each bin holds about the same share of the reference, so no bin is empty by design
 * and the bins follow the reference's shape whatever its scale.
 */
/** Default number of bins: deciles, the usual choice for PSI. */
const DEFAULT_BIN_COUNT = 10;
/**
 * The interior edges of `bins` reference-quantile bins: the quantiles at `1/bins, 2/bins, …,
 * (bins-1)/bins` by numpy's default linear interpolation (`np.quantile(reference, q)`), with
 * repeated edges removed (heavily tied data gives fewer, wider bins).
 *
 * The bins are right-closed: `(-∞, e₀], (e₀, e₁], …, (e_last, +∞)`, so values outside the
 * reference's range fall into the outer bins.
 *
 * @example quantileEdges([1, 2, 3, 4, 5], 4) // Float64Array [2, 3, 4]
 */
function quantileEdges(reference, bins = DEFAULT_BIN_COUNT) {
    if (!Number.isInteger(bins) || bins < 2)
        throw new RangeError(`quantileEdges: bins must be an integer >= 2, got ${bins}`);
    if (reference.length === 0)
        throw new RangeError('quantileEdges: the reference sample is empty');
    const sorted = Float64Array.from(reference).sort();
    const edges = [];
    for (let b = 1; b < bins; b++) {
        const edge = linearQuantile(sorted, b / bins);
        if (edges.length === 0 || edge > edges[edges.length - 1])
            edges.push(edge);
    }
    return Float64Array.from(edges);
}
/** numpy's 'linear' quantile of sorted data, including its symmetric lerp for t >= 0.5. */
function linearQuantile(sorted, q) {
    const position = (sorted.length - 1) * q;
    const lower = Math.floor(position);
    const upper = Math.min(lower + 1, sorted.length - 1);
    const t = position - lower;
    const a = sorted[lower];
    const b = sorted[upper];
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
/**
 * Counts of `values` per bin for the given interior edges (`edges.length + 1` bins, right-closed):
 * value `x` goes to bin `#{edges < x}` (`np.searchsorted(edges, x, side='left')`).
 */
function binCounts(values, edges) {
    const counts = new Float64Array(edges.length + 1);
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        let lo = 0;
        let hi = edges.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (edges[mid] < x)
                lo = mid + 1;
            else
                hi = mid;
        }
        counts[lo]++;
    }
    return counts;
}

/**
 * First Wasserstein (earth mover's) distance between two numeric samples, normalized by the
 * reference's spread so that one threshold fits every column.
 */
/**
 * `W1(ref, cur) = ∫ |F_ref(x) - F_cur(x)| dx` over the empirical CDFs — the average distance each
 * unit of probability mass must move — divided by the reference's standard deviation.
 *
 * The standard deviation uses ddof = 0 (`np.std(reference)`), as Evidently's "normed Wasserstein
 * distance" whose default threshold of 0.1 ml-gate adopts: 0.1 means the current distribution is,
 * on average, a tenth of a reference standard deviation away.
 *
 * Range: [0, ∞). Identical samples give 0. Undefined: `normalized` is `null` for a constant
 * reference. An empty sample or a non-finite value is a caller bug (`RangeError`).
 * Agreement with scipy 1.17: 1e-12 relative (summation order differs).
 *
 * @example wassersteinDistance([0, 1, 3], [5, 6, 8]) // { distance: 5, referenceStd: 1.247…, normalized: 4.009… }
 */
function wassersteinDistance(reference, current) {
    const u = sortedFinite(reference, 'reference');
    const v = sortedFinite(current, 'current');
    let i = 0;
    let j = 0;
    let distance = 0;
    let previous = Math.min(u[0], v[0]);
    while (i < u.length || j < v.length) {
        const value = j >= v.length || (i < u.length && u[i] <= v[j]) ? u[i] : v[j];
        // Between two consecutive distinct values both CDFs are flat: add |F_u - F_v| × width.
        distance += Math.abs(i / u.length - j / v.length) * (value - previous);
        while (i < u.length && u[i] === value)
            i++;
        while (j < v.length && v[j] === value)
            j++;
        previous = value;
    }
    const referenceStd = populationStd(u);
    return { distance, referenceStd, normalized: referenceStd > 0 ? distance / referenceStd : null };
}
/** numpy's `np.std(x)`: two passes, `√(mean((x - mean)²))`. */
function populationStd(values) {
    let sum = 0;
    for (let i = 0; i < values.length; i++)
        sum += values[i];
    const mean = sum / values.length;
    let squares = 0;
    for (let i = 0; i < values.length; i++)
        squares += (values[i] - mean) ** 2;
    return Math.sqrt(squares / values.length);
}
function sortedFinite(values, name) {
    if (values.length === 0)
        throw new RangeError(`wassersteinDistance: the ${name} sample is empty`);
    const copy = Float64Array.from(values);
    for (let i = 0; i < copy.length; i++) {
        if (!Number.isFinite(copy[i])) {
            throw new RangeError(`wassersteinDistance: the ${name} sample holds a non-finite value (${copy[i]}) at index ${i}`);
        }
    }
    return copy.sort();
}

/**
 * Drift of one column: reference vs current, with a method chosen by default or requested, a
 * threshold, a verdict and the reason for both. This is what the contract/validate command calls.
 */
/** The measuring half of `detectDrift` (same checks, same errors). */
function measureDrift(reference, current, options = {}) {
    if (reference.kind !== current.kind) {
        throw new RangeError(`detectDrift: reference is ${reference.kind} but current is ${current.kind}`);
    }
    const minSamples = options.minSamples ?? MIN_SAMPLE_SIZE;
    const choice = options.method === undefined
        ? chooseMethod(reference, current, minSamples)
        : {
            method: options.method,
            why: 'requested',
            insufficient: insufficientData(sampleSize(reference), sampleSize(current), minSamples)
        };
    const method = choice.method;
    const info = DRIFT_METHODS[method];
    if (!info.kinds.includes(reference.kind)) {
        throw new RangeError(`detectDrift: ${method} does not apply to a ${reference.kind} column; use one of ${methodsFor(reference.kind).join(', ')}`);
    }
    const threshold = options.threshold ?? info.defaultThreshold;
    if (!(threshold > 0) || (info.decision === 'test' && !(threshold < 1)) || !Number.isFinite(threshold)) {
        throw new RangeError(`detectDrift: threshold ${threshold} for ${method} must be ${info.decision === 'test' ? 'in (0, 1)' : '> 0'}`);
    }
    const head = `${info.label} (${choice.why})`;
    if (choice.insufficient !== null) {
        return { method, threshold, head, insufficient: choice.insufficient, measured: null };
    }
    const measured = measure(method, reference, current, options.bins ?? DEFAULT_BIN_COUNT);
    return { method, threshold, head, insufficient: null, measured };
}
/** The p-value of a measured test (`ks`, `chi2`, `z`); `null` for distances and undefined ones. */
function testPValue(m) {
    return m.measured !== null && m.measured.statistic !== null ? m.measured.pValue : null;
}
/**
 * The deciding half of `detectDrift`: a test drifts when its p-value (adjusted in `family`, when
 * given) is below the threshold, a distance when it reaches the threshold.
 */
function decideDrift(m, family) {
    const { method, threshold, head } = m;
    const none = { method, statistic: null, p_value: null, adjusted_p_value: null, correction: null, threshold };
    if (m.insufficient !== null || m.measured === null) {
        return { ...none, drifted: null, reason: `${head}: ${m.insufficient}` };
    }
    const measured = m.measured;
    if (measured.statistic === null) {
        return { ...none, drifted: measured.drifted, reason: `${head}: ${measured.text}` };
    }
    if (measured.pValue !== null) {
        const p = measured.pValue;
        const adjusted = family?.adjusted ?? p;
        const drifted = adjusted < threshold;
        const shown = family === undefined
            ? `p = ${formatAgainst(p, threshold)}`
            : `p = ${format(p)}, ${familyText(family)} = ${formatAgainst(adjusted, threshold)}`;
        const decision = `${measured.text}, ${shown} ${drifted ? '<' : '>='} ${threshold}: ${drifted ? 'drift' : 'no drift'}`;
        return {
            ...none,
            statistic: measured.statistic,
            p_value: p,
            adjusted_p_value: adjusted,
            correction: family?.correction ?? null,
            drifted,
            reason: `${head}: ${decision}`
        };
    }
    const drifted = measured.statistic >= threshold;
    const decision = `${measured.text} ${drifted ? '>=' : '<'} ${threshold}: ${drifted ? 'drift' : 'no drift'}`;
    return { ...none, statistic: measured.statistic, drifted, reason: `${head}: ${decision}` };
}
/** `Holm-adjusted p (Holm over 2 tested columns)`, `p (no correction over 2 tested columns)`. */
function familyText(family) {
    const over = `${CORRECTION_NAMES[family.correction]} over ${family.size} tested column${family.size === 1 ? '' : 's'}`;
    if (family.correction === 'none')
        return `uncorrected p (${over})`;
    return `${family.correction === 'bh' ? 'BH' : 'Holm'}-adjusted p (${over})`;
}
/**
 * The drift of a dataset's columns, decided together: the p-values of the tests (`ks`, `chi2`,
 * `z`) are adjusted by `correction` across the columns that have one (`adjustPValues`), and each
 * column drifts when its adjusted p-value is below its own threshold (for one shared threshold α:
 * Holm bounds the chance that any column is flagged by chance at α, BH the expected share of
 * flagged columns that did not drift). Distances are effect sizes, not corrected; a column judged
 * alone (one test in the family) reads as `detectDrift`'s.
 */
function correctDrift(measurements, correction) {
    const tested = measurements.map((m, i) => ({ i, p: testPValue(m) })).filter((t) => t.p !== null);
    const adjusted = adjustPValues(tested.map((t) => t.p), correction);
    const families = new Map(tested.map((t, k) => [t.i, { adjusted: adjusted[k], correction, size: tested.length }]));
    return measurements.map((m, i) => decideDrift(m, tested.length > 1 ? families.get(i) : undefined));
}
function measure(method, reference, current, bins) {
    switch (method) {
        case 'ks': {
            const r = ksTwoSample(numericValues(reference), numericValues(current));
            return { statistic: r.statistic, pValue: r.pValue, text: `D = ${format(r.statistic)}` };
        }
        case 'wasserstein': {
            const r = wassersteinDistance(numericValues(reference), numericValues(current));
            if (r.normalized === null) {
                const differs = r.distance > 0;
                return {
                    statistic: null,
                    drifted: differs,
                    text: 'the reference is constant (standard deviation 0), so the normalized distance is undefined; ' +
                        (differs
                            ? `the current data differs from it (W1 = ${format(r.distance)}): drift`
                            : 'the current data equals it: no drift')
                };
            }
            return { statistic: r.normalized, pValue: null, text: `W1 / std = ${format(r.normalized)}` };
        }
        case 'z': {
            const ref = booleanOf(reference);
            const cur = booleanOf(current);
            const r = twoProportionZTest(ref.trues, ref.total, cur.trues, cur.total);
            return {
                statistic: r.statistic,
                pValue: r.pValue,
                text: `rate ${format(r.referenceRate)} -> ${format(r.currentRate)}, z = ${format(r.statistic)}`
            };
        }
        case 'chi2': {
            const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current));
            const r = chiSquareHomogeneity(table.reference, table.current);
            return {
                statistic: r.statistic,
                pValue: r.pValue,
                text: `chi2 = ${format(r.statistic)}, dof = ${r.dof}`
            };
        }
        case 'jensen_shannon': {
            const [ref, cur] = distributions(reference, current, bins);
            const d = jensenShannonDistance(ref, cur);
            return { statistic: d, pValue: null, text: `JS distance = ${format(d)}` };
        }
        case 'psi': {
            const [ref, cur] = distributions(reference, current, bins);
            const psi = populationStabilityIndex(ref, cur);
            return { statistic: psi, pValue: null, text: `PSI = ${format(psi)}` };
        }
    }
}
/** Counts per reference-quantile bin (numeric) or per category (categorical, boolean), aligned. */
function distributions(reference, current, bins) {
    if (reference.kind === 'numeric' && current.kind === 'numeric') {
        const edges = quantileEdges(reference.values, bins);
        return [binCounts(reference.values, edges), binCounts(current.values, edges)];
    }
    const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current));
    return [table.reference, table.current];
}
function numericValues(sample) {
    if (sample.kind !== 'numeric')
        throw new RangeError(`expected a numeric sample, got ${sample.kind}`);
    return sample.values;
}
function booleanOf(sample) {
    if (sample.kind !== 'boolean')
        throw new RangeError(`expected a boolean sample, got ${sample.kind}`);
    return sample;
}
/** Three significant digits; plain notation down to 1e-6, then exponent (JS's own switch). */
function format(x) {
    return String(Number(x.toPrecision(3)));
}
/** Like `format`, but with as many digits as needed for the shown value to fall on the same side of `threshold`. */
function formatAgainst(p, threshold) {
    for (let digits = 3; digits < 17; digits++) {
        const shown = Number(p.toPrecision(digits));
        if (p < threshold === shown < threshold && (shown !== threshold || p === threshold))
            return String(shown);
    }
    return String(p);
}

export { DRIFT_METHODS as D, measureDrift as a, correctDrift as c, methodsFor as m };
