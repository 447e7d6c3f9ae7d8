import { f as ascending, g as adjustPValues } from './multiple-testing.js';

/**
 * Holm's step-down correction for the m segments one significance-aware rule judges at once, as
 * adjusted p-values and as the confidence level each segment's interval is computed at, so that
 * the interval decision and the adjusted p-value tell the same story.
 */
/**
 * Holm adjustment of `pValues` (each in [0, 1]) at family-wise confidence `confidence`.
 * Ties keep input order. An empty list gives empty arrays.
 *
 * @example
 * holmAdjust([0.01, 0.04, 0.03], 0.95)
 * // adjusted: [0.03, 0.06, 0.06]   (sorted 0.01, 0.03, 0.04 -> 3·0.01, 2·0.03, max(0.06, 1·0.04))
 * // confidence: [1 − 0.05/3, 0.975, 0.975]   (rank 2 fails 0.03 > 0.025: rank 3 keeps 0.025)
 */
function holmAdjust(pValues, confidence) {
    const m = pValues.length;
    const alpha = 1 - confidence;
    const levels = new Array(m);
    let stopped = null;
    ascending(pValues).forEach((index, rank) => {
        const level = stopped ?? alpha / (m - rank);
        if (stopped === null && pValues[index] > level)
            stopped = level;
        levels[index] = 1 - level;
    });
    return { adjusted: adjustPValues(pValues, 'holm'), confidence: levels };
}

/**
 * The m segments one significance-aware rule judges at once form a family: each segment's p-value
 * (of "the quantity lies on the bound") is adjusted by the gate's `correction`, and its interval is
 * computed at a level chosen so that "the interval excludes the bound" and "the adjusted p-value
 * is at most α" (α = 1 − confidence) tell the same story.
 */
/**
 * Adjusted p-values and interval levels of a family at family-wise (Holm) or false-discovery
 * (BH) level α = 1 − `confidence`:
 * - `holm`: `holmAdjust` (each rank at its step-down level α / (m − i + 1)).
 * - `bh`: one level for the whole family, 1 − max(k, 1)·α/m, with k the number of p-values BH
 *   declares significant (the largest i with p_(i) ≤ i·α/m). The k selected segments get the
 *   false-coverage-rate adjusted intervals of Benjamini & Yekutieli (2005, "False discovery
 *   rate–adjusted multiple confidence intervals for selected parameters", JASA 100:71–81), which
 *   exclude the bound since p_(i) ≤ p_(k) ≤ kα/m; every other segment has p_(i) > iα/m ≥
 *   (k + 1)·α/m, so its interval at the same level includes the bound, as its adjusted p-value
 *   (> α) says. With k = 0 the level is α/m (p_(1) > α/m), the narrowest that keeps every
 *   interval consistent.
 * - `none`: every segment at `confidence`, adjusted p = p.
 *
 * @example
 * correctFamily([0.01, 0.04, 0.03], 'bh', 0.95)
 * // adjusted: [0.03, 0.04, 0.04]; k = 3 (0.04 ≤ 3·0.05/3): confidence 0.95 for all three
 */
function correctFamily(pValues, correction, confidence) {
    if (correction === 'holm')
        return holmAdjust(pValues, confidence);
    const m = pValues.length;
    if (correction === 'none')
        return { adjusted: [...pValues], confidence: pValues.map(() => confidence) };
    const alpha = 1 - confidence;
    const order = ascending(pValues);
    let selected = 0;
    order.forEach((index, rank) => {
        if (pValues[index] <= ((rank + 1) * alpha) / m)
            selected = rank + 1;
    });
    const level = 1 - (Math.max(selected, 1) * alpha) / m;
    return { adjusted: adjustPValues(pValues, 'bh'), confidence: pValues.map(() => level) };
}

export { correctFamily as c, holmAdjust as h };
