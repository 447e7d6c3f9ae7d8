import { r as renderTextTable, f as formatNumber } from './text-table.js';

/** The metrics shown per task on a terminal; the JSON document has them all. */
const HEADLINE_METRICS = {
    binary: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'brier'],
    multiclass: ['accuracy', 'macro_f1', 'weighted_f1', 'log_loss'],
    regression: ['mae', 'rmse', 'r2', 'mape']
};
function cell(metric) {
    if (metric === undefined || metric.value === null)
        return '—';
    const value = formatNumber(metric.value, 4);
    return metric.ci === null
        ? value
        : `${value} [${formatNumber(metric.ci[0], 3)}, ${formatNumber(metric.ci[1], 3)}]`;
}
function rows(document, names, key) {
    return document.segments.map((s) => [
        key(s.key) + (s.insufficient ? ' *' : ''),
        String(s.n),
        ...names.map((name) => cell(s.metrics[name]))
    ]);
}
function footnote(document) {
    const insufficient = document.segments.filter((s) => s.insufficient).length;
    if (insufficient === 0)
        return '';
    return `* ${insufficient} segment${insufficient === 1 ? '' : 's'} below min_support (${document.settings.min_support} rows): reported, not gated\n`;
}
/**
 * One row per segment with the task's headline metrics and their intervals; segments below
 * `min_support` are marked with `*`.
 */
function renderEvaluationText(document) {
    const names = HEADLINE_METRICS[document.task];
    const level = Math.round(document.settings.confidence * 100);
    return [
        `${document.file}: ${document.rows} rows, ${document.task} (values with ${level}% confidence intervals)`,
        '',
        renderTextTable(['segment', 'n', ...names], rows(document, names, (k) => k), ['left', 'right', ...names.map(() => 'right')]),
        footnote(document)
    ].join('\n');
}

export { renderEvaluationText as r };
