import { f as formatNumber } from './text-table.js';

/**
 * How numbers read in gate reasons and headlines: three significant digits (`0.798`, `0.500`,
 * `0.00391`), a true minus sign, and never a rounding that makes a comparison look false.
 */
const MINUS = '−';
/**
 * `value` to `digits` significant digits (trailing zeros kept: `0.500`), integers in full, very
 * large or very small magnitudes as `formatNumber` writes them, `—` for `null`.
 *
 * @example showNumber(-0.29807692) // '−0.298'
 */
function showNumber(value, digits = 3) {
    if (value === null)
        return '—';
    const magnitude = Math.abs(value);
    const text = Number.isInteger(value) || magnitude >= 1e4 || (magnitude !== 0 && magnitude < 1e-4)
        ? formatNumber(value, digits)
        : value.toPrecision(digits);
    return text.replace(/^-/, MINUS);
}
/** `showNumber` with a sign: `+0.00391`, `−0.298`, `0`. */
function showSigned(value) {
    return value > 0 ? `+${showNumber(value)}` : showNumber(value);
}
/**
 * `value` with as many digits as it takes to differ from `bound` when it differs (so that
 * `0.7499 < 0.75` never reads `0.750 < 0.75`).
 *
 * @example showAgainst(0.7499, 0.75) // '0.7499'
 */
function showAgainst(value, bound) {
    let digits = 3;
    while (digits < 15 && value !== bound && showNumber(value, digits) === showNumber(bound, digits))
        digits++;
    return showNumber(value, digits);
}
/** A fraction as a percentage: `−0.3734` -> `−37.3%`. */
function showPercent(value) {
    return `${showNumber(value * 100)}%`;
}
/** An interval: `[0.191, 0.405]`. */
function showInterval(ci) {
    return `[${showNumber(ci[0])}, ${showNumber(ci[1])}]`;
}
/** A confidence level: `0.95` -> `95%`, `0.99762` -> `99.76%`. */
function showLevel(confidence) {
    return `${Number((confidence * 100).toPrecision(4))}%`;
}

/**
 * Special functions behind the drift tests' p-values: log-gamma, the regularized upper incomplete
 * gamma function (chi-square and normal tails) and the distribution of the two-sided
 * Kolmogorov–Smirnov statistic D_n (scipy's `kstwo`).
 *
 * All functions take and return plain doubles; arguments outside the documented domain throw a
 * `RangeError` (a bug in the caller, never user input).
 */
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const EPSILON = Number.EPSILON;
// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients): relative error below 1e-15.
const LANCZOS_G = 7;
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
/**
 * Natural logarithm of the gamma function, `ln Γ(x)`, for `x > 0`.
 *
 * @example logGamma(5) // ln 24 = 3.1780538303479458
 */
function logGamma(x) {
    if (!(x > 0))
        throw new RangeError(`logGamma needs x > 0, got ${x}`);
    // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in its accurate range.
    if (x < 0.5)
        return logGamma(x + 1) - Math.log(x);
    const z = x - 1;
    let sum = LANCZOS[0];
    for (let i = 1; i < LANCZOS.length; i++)
        sum += LANCZOS[i] / (z + i);
    const t = z + LANCZOS_G + 0.5;
    return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
/**
 * Regularized upper incomplete gamma function `Q(a, x) = Γ(a, x) / Γ(a)` for `a > 0`, `x >= 0`
 * (scipy.special.gammaincc). Range [0, 1]; `Q(a, 0) = 1`.
 *
 * Series for `x < a + 1` (then `Q = 1 - P`, which is not small there), Lentz's continued fraction
 * otherwise, so that small tail probabilities keep their relative accuracy (about 1e-14).
 *
 * @example regularizedGammaQ(1, 2) // e^-2 = 0.1353352832366127
 */
function regularizedGammaQ(a, x) {
    if (!(a > 0) || !(x >= 0))
        throw new RangeError(`regularizedGammaQ needs a > 0 and x >= 0, got a=${a}, x=${x}`);
    if (x === 0)
        return 1;
    if (x === Infinity)
        return 0;
    const logPrefix = a * Math.log(x) - x - logGamma(a);
    if (x < a + 1) {
        // P(a, x) = e^-x x^a / Γ(a + 1) * Σ x^n / ((a + 1)…(a + n))
        let term = 1 / a;
        let sum = term;
        for (let n = 1; n < 100000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON)
                break;
        }
        return clamp01(1 - sum * Math.exp(logPrefix));
    }
    // Q(a, x) = e^-x x^a / Γ(a) * 1 / (x + 1 - a - 1·(1 - a) / (x + 3 - a - …)), modified Lentz.
    const tiny = 1e-300;
    let b = x + 1 - a;
    let c = 1 / tiny;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 100000; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < EPSILON)
            break;
    }
    return clamp01(Math.exp(logPrefix) * h);
}
/**
 * Survival function of the chi-square distribution with `dof` degrees of freedom:
 * `P(X >= x) = Q(dof / 2, x / 2)` (scipy.stats.chi2.sf).
 *
 * @example chiSquareSf(3.841458820694124, 1) // 0.05
 */
function chiSquareSf(x, dof) {
    if (!(dof > 0))
        throw new RangeError(`chiSquareSf needs dof > 0, got ${dof}`);
    if (x <= 0)
        return 1;
    return regularizedGammaQ(dof / 2, x / 2);
}
/**
 * Two-sided tail of the standard normal distribution, `P(|Z| >= |z|) = erfc(|z| / √2)`
 * (= 2 * scipy.stats.norm.sf(|z|)), computed as `Q(1/2, z² / 2)` to keep small tails accurate.
 *
 * @example normalTwoSidedP(1.959963984540054) // 0.05
 */
function normalTwoSidedP(z) {
    if (Number.isNaN(z))
        throw new RangeError('normalTwoSidedP needs a number, got NaN');
    return regularizedGammaQ(0.5, (z * z) / 2);
}
function clamp01(p) {
    return p < 0 ? 0 : p > 1 ? 1 : p;
}
// ---------------------------------------------------------------------------------------------
// Kolmogorov–Smirnov: the distribution of D_n = sup |F_n - F| (scipy.stats.kstwo), following
// scipy's `_kolmogn` (Simard & L'Ecuyer 2011): each region of (n, x) uses the method that is
// exact or accurate there.
const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;
/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic, `P(D_n >= x)`, for
 * an integer `n >= 1` (scipy.stats.kstwo.sf(x, n)). ks_2samp uses it with `n = round(n1·n2 / (n1 + n2))`
 * when the samples are too large for the exact two-sample distribution.
 *
 * Methods by region, as scipy: Ruben–Gambino closed forms for `nx <= 1` and `nx >= n - 1`,
 * `2·smirnov(n, x)` for `x >= 0.5` and in the upper tail, the Durbin matrix (Marsaglia–Tsang–Wang)
 * in the lower region, the Pelz–Good expansion for large `n`. One deviation: where scipy uses
 * Pomeranz's recursion (`n <= 140`, `0.754693 < n·x² <= 4`) this uses the Durbin matrix, which is
 * exact there as well.
 *
 * @example kolmogorovSmirnovSf(10, 0.274) // 0.3715203845434957
 */
function kolmogorovSmirnovSf(n, x) {
    if (!Number.isInteger(n) || n < 1)
        throw new RangeError(`kolmogorovSmirnovSf needs an integer n >= 1, got ${n}`);
    if (Number.isNaN(x))
        throw new RangeError('kolmogorovSmirnovSf needs a number x, got NaN');
    if (x >= 1)
        return 0;
    if (x <= 0)
        return 1;
    const t = n * x;
    if (t <= 1) {
        if (t <= 0.5)
            return 1;
        let cdf;
        if (n <= 140) {
            cdf = 1;
            for (let i = 1; i <= n; i++)
                cdf *= i * (1 / n) * (2 * t - 1);
        }
        else {
            cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
        }
        return clamp01(1 - cdf);
    }
    if (t >= n - 1)
        return clamp01(2 * (1 - x) ** n);
    if (x >= 0.5)
        return clamp01(2 * smirnovSf(n, x));
    const nxSquared = t * x;
    if (n <= 140) {
        if (nxSquared <= 4)
            return clamp01(1 - durbinMatrixCdf(n, x));
        return clamp01(2 * smirnovSf(n, x));
    }
    if (nxSquared >= 370)
        return 0;
    if (nxSquared >= 2.2)
        return clamp01(2 * smirnovSf(n, x));
    let cdf;
    if (nxSquared >= 18)
        cdf = 1;
    else if (n <= 100000 && n * x ** 1.5 <= 1.4)
        cdf = durbinMatrixCdf(n, x);
    else
        cdf = pelzGoodCdf(n, x);
    return clamp01(1 - cdf);
}
// Stirling coefficients B_2j / (2j (2j - 1)), j = 8 … 1, for ln(n! / n^n).
const STIRLING = [
    -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
    -5952380952380953e-19, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333
];
/** ln(n! / n^n) by Stirling's series with n·ln(n) removed up front (no cancellation). */
function logFactorialOverPower(n) {
    const rn = 1 / n;
    const u = rn / n;
    let poly = 0;
    for (const c of STIRLING)
        poly = poly * u + c;
    return Math.log(n) / 2 - n + LOG_SQRT_2PI + rn * poly;
}
/** `x · 2^exponent` without overflowing an intermediate power of two. */
function scaleByPowerOfTwo(x, exponent) {
    let result = x;
    let e = exponent;
    while (e > 1000) {
        result *= 2 ** 1000;
        e -= 1000;
    }
    while (e < -1e3) {
        result *= 2 ** -1e3;
        e += 1000;
    }
    return result * 2 ** e;
}
/**
 * `P(D_n <= d)` by Durbin's matrix method as organised by Marsaglia, Tsang & Wang (2003): write
 * `d = (k - h) / n`, build an m×m matrix (m = 2k - 1) and take the k-th diagonal entry of
 * `(n! / n^n) H^n`, rescaling to avoid overflow. Exact up to rounding; cost O(m³ log n).
 */
function durbinMatrixCdf(n, d) {
    const nd = n * d;
    if (nd <= 0.5)
        return 0;
    const k = Math.ceil(nd);
    const h = k - nd;
    const m = 2 * k - 1;
    const v = new Float64Array(m);
    const w = new Float64Array(m);
    let factorial = 1;
    for (let j = 1; j <= m; j++) {
        w[j - 1] = factorial;
        factorial /= j;
        v[j - 1] = (1 - h ** j) * factorial;
    }
    v[m - 1] = (1 + (Math.max(2 * h - 1, 0) ** m - 2 * h ** m)) * factorial;
    let H = new Float64Array(m * m);
    for (let i = 1; i < m; i++) {
        for (let r = i - 1; r < m; r++)
            H[r * m + i] = w[r - i + 1];
    }
    for (let r = 0; r < m; r++)
        H[r * m] = v[r];
    for (let c = 0; c < m; c++)
        H[(m - 1) * m + c] = v[m - 1 - c];
    let power = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
        power[i * m + i] = 1;
    let exponent = 0;
    let hExponent = 0;
    for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) {
        if (rest % 2 === 1) {
            power = multiply(power, H, m);
            exponent += hExponent;
        }
        H = multiply(H, H, m);
        hExponent *= 2;
        if (Math.abs(H[(k - 1) * m + k - 1]) > SCALE_UP) {
            for (let i = 0; i < H.length; i++)
                H[i] /= SCALE_UP;
            hExponent += SCALE_EXPONENT;
        }
    }
    let p = power[(k - 1) * m + k - 1];
    for (let i = 1; i <= n; i++) {
        p = (i * p) / n;
        if (Math.abs(p) < SCALE_DOWN) {
            p *= SCALE_UP;
            exponent -= SCALE_EXPONENT;
        }
    }
    return clamp01(scaleByPowerOfTwo(p, exponent));
}
function multiply(a, b, m) {
    const out = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
        for (let l = 0; l < m; l++) {
            const ail = a[i * m + l];
            if (ail === 0)
                continue;
            for (let j = 0; j < m; j++)
                out[i * m + j] += ail * b[l * m + j];
        }
    }
    return out;
}
/**
 * `P(D_n <= x)` by the Pelz–Good (1976) expansion of the Li-Chien/Korolyuk series in powers of
 * 1/√n, transformed with Jacobi theta identities so that it converges for small `√n·x`.
 */
function pelzGoodCdf(n, x) {
    const z = Math.sqrt(n) * x;
    const z2 = z * z;
    const z4 = z2 * z2;
    const z6 = z4 * z2;
    const qlog = -(Math.PI ** 2) / 8 / z2;
    if (qlog < -708)
        return 0;
    let q = Math.exp(qlog);
    const pi2 = Math.PI ** 2;
    const pi4 = pi2 * pi2;
    const pi6 = pi4 * pi2;
    const k1a = -z2;
    const k1b = pi2 / 4;
    const k2a = 6 * z6 + 2 * z4;
    const k2b = ((2 * z4 - 5 * z2) * pi2) / 4;
    const k2c = (pi4 * (1 - 2 * z2)) / 16;
    const k3d = (pi6 * (5 - 30 * z2)) / 64;
    const k3c = (pi4 * (-60 * z2 + 212 * z4)) / 16;
    const k3b = (pi2 * (135 * z4 - 96 * z6)) / 4;
    const k3a = -30 * z6 - 90 * z ** 8;
    const K = [0, 0, 0, 0];
    // Horner scheme over the odd integers for Σ c_i q^(i²).
    const maxk = Math.ceil((16 * z) / Math.PI);
    for (let k = maxk; k > 0; k--) {
        const m = 2 * k - 1;
        const m2 = m * m;
        const m4 = m2 * m2;
        const m6 = m4 * m2;
        const qpower = q ** (8 * k);
        const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
        for (let i = 0; i < 4; i++)
            K[i] = K[i] * qpower + coeffs[i];
    }
    const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
    for (let i = 0; i < 4; i++)
        K[i] = (K[i] * q * Math.sqrt(2 * Math.PI)) / divisors[i];
    // The sums over all integers k for K2 and K3.
    q = Math.exp(-pi2 / 2 / z2);
    const sqrt3z = Math.sqrt(3) * z;
    let k2extra = 0;
    let k3extra = 0;
    for (let k = maxk; k > 0; k--) {
        const k2 = k * k;
        const qk = q ** k2;
        k2extra += k2 * qk;
        k3extra += (sqrt3z + Math.PI * k) * (sqrt3z - Math.PI * k) * k2 * qk;
    }
    K[2] += (k2extra * pi2 * Math.sqrt(2 * Math.PI)) / (-36 * z ** 3);
    K[3] += (k3extra * pi2 * Math.sqrt(2 * Math.PI)) / (216 * z6);
    let sum = 0;
    for (let i = 0; i < 4; i++)
        sum += K[i] / n ** (i / 2);
    return sum;
}
/**
 * Survival function of the one-sided Kolmogorov–Smirnov statistic, `P(D_n^+ >= x)`
 * (scipy.special.smirnov), by the Birnbaum–Tingey sum
 * `x · Σ_{v=0}^{⌊n(1-x)⌋} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)`, evaluated term by term in
 * log space (scipy uses double-double arithmetic; the difference is below 1e-10 relative for the
 * n reached here). For n > 10⁶, the approximation `exp(-(6nx + 1)² / 18n)` as scipy.
 */
function smirnovSf(n, x) {
    if (n === 1)
        return 1 - x;
    if (x <= 0)
        return 1;
    if (x >= 1)
        return 0;
    const nx = n * x;
    let nxFloor = Math.floor(nx);
    let alpha = nx - nxFloor;
    if (alpha === 1) {
        nxFloor += 1;
        alpha = 0;
    }
    if (nxFloor === 0 || (nxFloor === 1 && alpha === 0))
        return 1 - x * (1 + x) ** (n - 1);
    if (-2 * n * x * x < -708.3964185322641)
        return 0;
    if (nxFloor >= n - 1)
        return (1 - x) ** n;
    if (n > 1000000) {
        const logp = -((6 * nx + 1) ** 2) / 18 / n;
        // scipy: sf = e^logp when small, else sf = 1 - cdf with cdf = -expm1(logp).
        return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
    }
    // The sum runs over v < n(1 - x): v = 0 … n - ⌊nx⌋ - 1 (also when nx is an integer).
    const terms = n - nxFloor;
    let logBinomial = 0;
    let sum = 0;
    for (let v = 0; v < terms; v++) {
        if (v > 0)
            logBinomial += Math.log((n - v + 1) / v);
        const logTerm = logBinomial + (v - 1) * Math.log(x + v / n) + (n - v) * Math.log((n - v - nx) / n);
        const term = Math.exp(logTerm);
        sum += term;
        if (term !== 0) {
            if (4 * (terms - v) * term < EPSILON * sum && v !== terms - 1)
                break;
        }
        else if (v > n / 2) {
            break;
        }
    }
    return clamp01(x * sum);
}

/**
 * Adjusted p-values for a family of tests judged at once: the segments of one gate's rule, the
 * drift tests of one dataset's columns. A result is significant at level α when its adjusted
 * p-value is at most α (below it, for drift's strict `p < threshold`).
 */
/** The correction's name in reasons: `Holm`, `Benjamini–Hochberg`, `no correction`. */
const CORRECTION_NAMES = {
    holm: 'Holm',
    bh: 'Benjamini–Hochberg',
    none: 'no correction'
};
/** The indices of `pValues` sorted by p ascending, ties in input order. */
function ascending(pValues) {
    return pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
}
/**
 * Adjusted p-values of `pValues` (each in [0, 1]), in input order, as
 * `statsmodels.stats.multitest.multipletests(p, method=…)[1]` computes them (m tests, p_(i) the
 * i-th smallest):
 * - `holm`: `p̃_(i) = min(1, max_{j ≤ i} (m − j + 1)·p_(j))` (Holm 1979; method `holm`);
 * - `bh`: `p̃_(i) = min(1, min_{j ≥ i} m·p_(j) / j)` (Benjamini & Hochberg 1995; method
 *   `fdr_bh`), monotone in p;
 * - `none`: `p̃ = p`.
 *
 * An empty list gives an empty array.
 *
 * @example
 * adjustPValues([0.01, 0.04, 0.03], 'holm') // [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], 'bh')   // [0.03, 0.04, 0.04]
 */
function adjustPValues(pValues, correction) {
    const m = pValues.length;
    if (correction === 'none')
        return [...pValues];
    const order = ascending(pValues);
    const adjusted = new Array(m);
    if (correction === 'holm') {
        let running = 0;
        order.forEach((index, rank) => {
            running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
            adjusted[index] = running;
        });
        return adjusted;
    }
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
        const index = order[rank];
        running = Math.min(running, (m * pValues[index]) / (rank + 1));
        adjusted[index] = running;
    }
    return adjusted;
}

export { CORRECTION_NAMES as C, showSigned as a, showInterval as b, showLevel as c, showAgainst as d, showPercent as e, ascending as f, adjustPValues as g, chiSquareSf as h, kolmogorovSmirnovSf as k, normalTwoSidedP as n, showNumber as s };
