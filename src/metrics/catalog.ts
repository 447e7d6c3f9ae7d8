/**
 * What every metric means: the single source of truth that gates, reports and the config validator
 * read, so that a gate can never compare the wrong way and every failure can state its formula.
 *
 * Names follow scikit-learn and the oracle files (`roc_auc`, `macro_f1`, `median_ae`). Per-class
 * multiclass metrics are written `precision[Adelie]`: the metric, then the class name in square
 * brackets, exactly as it appears in the data. `describeMetric` resolves them to their template.
 */

import { SAMPLE_ROWS } from './hash-sample.js'
import type { Task } from './task.js'

/** Which way is better. Counts have no better direction and cannot be gated on a change. */
export type Direction = 'higher' | 'lower' | 'none'

/**
 * How the confidence interval is computed (the catalog's `interval`).
 * - `wilson`: Wilson score interval for a proportion; with sample weights the number of trials is
 *   Kish's effective sample size `(Σw)² / Σw²` of the rows in the denominator.
 * - `delong`: DeLong's variance of the ROC AUC (midrank form, Sun & Xu 2014), normal interval
 *   `auc ± z·√var` clipped to [0, 1].
 * - `bootstrap`: seeded Poisson bootstrap over hash buckets of rows (see `poisson-bootstrap.ts`),
 *   percentile interval.
 * - `bootstrap-or-logit`: the bootstrap up to SAMPLE_ROWS = 5,000 rows, above it the logit interval.
 * - `bootstrap-or-order-statistic`: the bootstrap up to 5,000 rows, above it the order-statistic
 *   interval of a median.
 * - `none`: counts, reported without an interval.
 */
export type IntervalMethod =
  'wilson' | 'delong' | 'bootstrap' | 'bootstrap-or-logit' | 'bootstrap-or-order-statistic' | 'none'

/** The interval a reported value actually carries (`MetricValue.method`). */
export type IntervalUsed = 'wilson' | 'delong' | 'bootstrap' | 'logit' | 'order-statistic'

/**
 * Which rows are a metric's evidence: its own denominator, counted in rows of positive weight,
 * unweighted (a large weight cannot manufacture evidence, a zero weight adds none). `min_support`
 * bounds it. `smaller_class` is min(positives, negatives): ranking and both-class metrics need both.
 */
export type Support =
  | 'rows'
  | 'positives'
  | 'negatives'
  | 'predicted_positives'
  | 'positive_or_predicted'
  | 'smaller_class'
  | 'class_rows'
  | 'class_predicted'
  | 'class_or_predicted'

/** Each support in words: `unit` follows the count in a reason (`<class>` replaced), `rows` defines it. */
export const SUPPORTS: Readonly<Record<Support, { readonly unit: string; readonly rows: string }>> = {
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
}

/** The metrics whose support is not `rows` (see `Support`). */
const OWN_SUPPORT: Readonly<Partial<Record<string, Support>>> = {
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
}

export interface MetricInfo {
  /** The name as written in a config, or a template such as `precision[<class>]`. */
  readonly name: string
  readonly title: string
  readonly tasks: readonly Task[]
  readonly direction: Direction
  /** Smallest and largest possible values (`Infinity` when unbounded). */
  readonly range: readonly [number, number]
  readonly formula: string
  /** When the value is `null` (or follows a convention such as zero_division=0), and why. */
  readonly undefinedWhen: string
  readonly interval: IntervalMethod
  /** The rows that are its evidence, which `min_support` bounds. */
  readonly support: Support
}

/** The row count above which rank metrics are bootstrapped on the hash sample (`hash-sample.ts`). */
const LIMIT = SAMPLE_ROWS.toLocaleString('en-US')
const BOOTSTRAP =
  'Poisson bootstrap: each row falls in one of 1024 buckets by a hash of (seed, row key), and each ' +
  'bucket weighs k ~ Poisson(1) in each replicate, k a hash of (seed, bucket, replicate), so results ' +
  'do not depend on row order or sharding and two models on the same rows are paired; percentile ' +
  'interval over the replicates where the metric is defined, quantiles interpolated linearly (numpy ' +
  'default). For AUC, average precision and the median the replicates run on the rows themselves up ' +
  `to ${LIMIT} rows, above that on the ${LIMIT} rows of smallest hash, rescaled by √(m/n) (m-out-of-n)`
const LOGIT =
  'logit interval of Boyd, Eng & Page (2013): expit(logit(ap) ± z / √(P·ap·(1 − ap))), P the ' +
  '(Kish effective) number of positives; none when ap = 1'
const ORDER_STATISTIC =
  'distribution-free order-statistic interval of a median (Campbell & Gardner 1988): the errors of ' +
  'ranks round(n/2 − z·√n/2) and round(1 + n/2 + z·√n/2), n the (Kish effective) number of rows'

/** How each interval is made, in words a report can print next to the interval. */
export const INTERVAL_METHODS: Readonly<Record<IntervalMethod | IntervalUsed, string>> = {
  wilson:
    'Wilson score interval for the proportion over the rows of its denominator; with sample weights, ' +
    'n is the Kish effective sample size (Σw)² / Σw²',
  delong:
    "DeLong's variance of the AUC (midranks, Sun & Xu 2014), normal interval auc ± z·√var clipped to [0, 1]",
  bootstrap: BOOTSTRAP,
  'bootstrap-or-logit': `up to ${LIMIT} rows: ${BOOTSTRAP}; above: ${LOGIT}`,
  'bootstrap-or-order-statistic': `up to ${LIMIT} rows: ${BOOTSTRAP}; above: ${ORDER_STATISTIC}`,
  logit: LOGIT,
  'order-statistic': ORDER_STATISTIC,
  none: 'counts carry no interval'
}

const ONE_CLASS = 'null when y_true holds only one class'
const ZERO_DIVISION = 'zero_division=0: 0 when the denominator is 0 (as scikit-learn)'

function metric(
  name: string,
  title: string,
  tasks: readonly Task[],
  direction: Direction,
  range: readonly [number, number],
  formula: string,
  undefinedWhen: string,
  interval: IntervalMethod
): MetricInfo {
  const support = OWN_SUPPORT[name] ?? 'rows'
  return { name, title, tasks, direction, range, formula, undefinedWhen, interval, support }
}

const ALL: readonly Task[] = ['binary', 'multiclass', 'regression']
const BINARY: readonly Task[] = ['binary']
const MULTICLASS: readonly Task[] = ['multiclass']
const CLASSIFICATION: readonly Task[] = ['binary', 'multiclass']
const REGRESSION: readonly Task[] = ['regression']
const UNIT: readonly [number, number] = [0, 1]
const COUNT: readonly [number, number] = [0, Infinity]

/** Every metric, in the order results are reported. Weighted sums use the sample weights `w`. */
export const METRICS: readonly MetricInfo[] = [
  metric('n', 'Rows', ALL, 'none', COUNT, 'n = number of rows (unweighted)', 'never', 'none'),
  metric('positives', 'Positives', BINARY, 'none', COUNT, 'positives = Σ w·y', 'never', 'none'),
  metric('tp', 'True positives', BINARY, 'none', COUNT, 'TP = Σ w·[y = 1 ∧ ŷ = 1]', 'never', 'none'),
  metric('fp', 'False positives', BINARY, 'none', COUNT, 'FP = Σ w·[y = 0 ∧ ŷ = 1]', 'never', 'none'),
  metric('tn', 'True negatives', BINARY, 'none', COUNT, 'TN = Σ w·[y = 0 ∧ ŷ = 0]', 'never', 'none'),
  metric('fn', 'False negatives', BINARY, 'none', COUNT, 'FN = Σ w·[y = 1 ∧ ŷ = 0]', 'never', 'none'),
  metric(
    'accuracy',
    'Accuracy',
    CLASSIFICATION,
    'higher',
    UNIT,
    'accuracy = Σ w·[ŷ = y] / Σ w',
    'null when there are no rows',
    'wilson'
  ),
  metric(
    'precision',
    'Precision',
    BINARY,
    'higher',
    UNIT,
    'precision = TP / (TP + FP), ŷ = [score ≥ threshold]',
    ZERO_DIVISION + ' (no predicted positives)',
    'wilson'
  ),
  metric(
    'recall',
    'Recall',
    BINARY,
    'higher',
    UNIT,
    'recall = TP / (TP + FN)',
    ZERO_DIVISION + ' (no positives)',
    'wilson'
  ),
  metric(
    'f1',
    'F1',
    BINARY,
    'higher',
    UNIT,
    'f1 = 2·precision·recall / (precision + recall)',
    ZERO_DIVISION + ' (precision + recall = 0)',
    'bootstrap'
  ),
  metric(
    'specificity',
    'Specificity',
    BINARY,
    'higher',
    UNIT,
    'specificity = TN / (TN + FP)',
    'null when there are no negatives',
    'wilson'
  ),
  metric(
    'balanced_accuracy',
    'Balanced accuracy',
    BINARY,
    'higher',
    UNIT,
    'balanced_accuracy = (recall + specificity) / 2',
    ONE_CLASS,
    'bootstrap'
  ),
  metric(
    'mcc',
    'Matthews correlation',
    BINARY,
    'higher',
    [-1, 1],
    'mcc = (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN))',
    '0 when the denominator is 0 (as scikit-learn)',
    'bootstrap'
  ),
  metric(
    'positive_rate',
    'Positive rate',
    BINARY,
    'none',
    UNIT,
    'positive_rate = (TP + FP) / Σ w',
    'null when there are no rows',
    'wilson'
  ),
  metric(
    'brier',
    'Brier score',
    BINARY,
    'lower',
    UNIT,
    'brier = Σ w·(score − y)² / Σ w',
    'null when there are no rows or a score lies outside [0, 1]',
    'bootstrap'
  ),
  metric(
    'roc_auc',
    'ROC AUC',
    BINARY,
    'higher',
    UNIT,
    'roc_auc = Σ_{y_i=1, y_j=0} w_i·w_j·([s_i > s_j] + ½[s_i = s_j]) / (Σ_{y=1} w · Σ_{y=0} w)',
    ONE_CLASS,
    'delong'
  ),
  metric(
    'average_precision',
    'Average precision',
    BINARY,
    'higher',
    UNIT,
    'average_precision = Σ_k (R_k − R_{k−1})·P_k over distinct score thresholds, descending (step-wise, not trapezoid)',
    ONE_CLASS,
    'bootstrap-or-logit'
  ),
  metric(
    'log_loss',
    'Log loss',
    CLASSIFICATION,
    'lower',
    [0, Infinity],
    'log_loss = −Σ w·log(p̃_y) / Σ w, p̃ = clip(p, ε, 1 − ε) / Σ_k clip(p_k, ε, 1 − ε), ε = 2.220446049250313e-16',
    'binary: ' +
      ONE_CLASS +
      ' (scikit-learn refuses it) or a score lies outside [0, 1]; ' +
      'multiclass: null when rows came without probabilities',
    'bootstrap'
  ),
  metric(
    'ece',
    'Expected calibration error',
    BINARY,
    'lower',
    UNIT,
    'ece = Σ_b |Σ_{i∈b} w_i·(y_i − score_i)| / Σ w, bin b = min(⌊10·score⌋, 9): [0, 0.1), …, [0.9, 1]',
    'null when there are no rows or a score lies outside [0, 1]',
    'bootstrap'
  ),
  ...(['precision', 'recall', 'f1'] as const).flatMap((base) => averaged(base)),
  metric(
    'precision[<class>]',
    'Precision of one class',
    MULTICLASS,
    'higher',
    UNIT,
    'precision[c] = TP_c / (TP_c + FP_c)',
    ZERO_DIVISION + ' (class never predicted)',
    'wilson'
  ),
  metric(
    'recall[<class>]',
    'Recall of one class',
    MULTICLASS,
    'higher',
    UNIT,
    'recall[c] = TP_c / (TP_c + FN_c)',
    ZERO_DIVISION + ' (class absent from y_true)',
    'wilson'
  ),
  metric(
    'f1[<class>]',
    'F1 of one class',
    MULTICLASS,
    'higher',
    UNIT,
    'f1[c] = 2·precision[c]·recall[c] / (precision[c] + recall[c])',
    ZERO_DIVISION,
    'bootstrap'
  ),
  metric(
    'mae',
    'Mean absolute error',
    REGRESSION,
    'lower',
    [0, Infinity],
    'mae = Σ w·|y − ŷ| / Σ w',
    'null when there are no rows',
    'bootstrap'
  ),
  metric(
    'rmse',
    'Root mean squared error',
    REGRESSION,
    'lower',
    [0, Infinity],
    'rmse = √(Σ w·(y − ŷ)² / Σ w)',
    'null when there are no rows',
    'bootstrap'
  ),
  metric(
    'r2',
    'R²',
    REGRESSION,
    'higher',
    [-Infinity, 1],
    'r2 = 1 − SS_res / SS_tot, SS_res = Σ w·(y − ŷ)², SS_tot = Σ w·(y − ȳ_w)²',
    'null with fewer than 2 rows or when y is constant (SS_tot = 0; scikit-learn would print 0 or 1)',
    'bootstrap'
  ),
  metric(
    'mape',
    'Mean absolute percentage error',
    REGRESSION,
    'lower',
    [0, Infinity],
    'mape = Σ w·|y − ŷ| / max(|y|, ε) / Σ w, ε = 2.220446049250313e-16 (a fraction, not a percent)',
    'null when there are no rows',
    'bootstrap'
  ),
  metric(
    'median_ae',
    'Median absolute error',
    REGRESSION,
    'lower',
    [0, Infinity],
    'median_ae = median |y − ŷ|: the ordinary median when all weights are equal, otherwise the ' +
      'weighted lower median (smallest error whose cumulative weight reaches half the total), as scikit-learn',
    'null when there are no rows',
    'bootstrap-or-order-statistic'
  )
]

/** macro_, micro_ and weighted_ averages of a per-class metric, as scikit-learn's `average=`. */
function averaged(base: 'precision' | 'recall' | 'f1'): MetricInfo[] {
  const perClass = `${base}[c]`
  return [
    metric(
      `macro_${base}`,
      `Macro ${base}`,
      MULTICLASS,
      'higher',
      UNIT,
      `macro_${base} = mean over all declared classes c of ${perClass} (absent classes count, as 0)`,
      'null when there are no rows',
      'bootstrap'
    ),
    metric(
      `micro_${base}`,
      `Micro ${base}`,
      MULTICLASS,
      'higher',
      UNIT,
      base === 'f1'
        ? 'micro_f1 = 2·micro_precision·micro_recall / (micro_precision + micro_recall) (= accuracy)'
        : `micro_${base} = Σ_c TP_c / Σ_c (TP_c + ${base === 'precision' ? 'FP_c' : 'FN_c'}) (= accuracy)`,
      'null when there are no rows',
      'wilson'
    ),
    metric(
      `weighted_${base}`,
      `Weighted ${base}`,
      MULTICLASS,
      'higher',
      UNIT,
      `weighted_${base} = Σ_c support_c·${perClass} / Σ_c support_c, support_c = Σ w·[y = c]`,
      'null when there are no rows',
      'bootstrap'
    )
  ]
}

const BY_NAME = new Map<string, MetricInfo>(METRICS.map((info) => [info.name, info]))

/** `precision[Adelie]` -> `{ base: 'precision', className: 'Adelie' }`; other names -> null. */
export function parseClassMetric(name: string): { base: string; className: string } | null {
  const open = name.indexOf('[')
  if (open <= 0 || !name.endsWith(']')) return null
  return { base: name.slice(0, open), className: name.slice(open + 1, -1) }
}

/** `precision[Adelie]` from `precision` and `Adelie`. */
export function classMetricName(base: string, className: string): string {
  return `${base}[${className}]`
}

/**
 * The metadata of a metric name, per-class names included; `undefined` for an unknown name (the
 * caller reports it with `didYouMean` over `metricNames(task)`).
 *
 * @example describeMetric('recall[Gentoo]')?.formula // 'recall[c] = TP_c / (TP_c + FN_c)'
 */
export function describeMetric(name: string): MetricInfo | undefined {
  const exact = BY_NAME.get(name)
  if (exact) return exact
  const perClass = parseClassMetric(name)
  return perClass ? BY_NAME.get(`${perClass.base}[<class>]`) : undefined
}

/**
 * The unit of a metric's support count in a reason, e.g. `positives`, `rows of Adelie`.
 *
 * @example supportUnit('recall[Adelie]') // 'rows of Adelie'
 */
export function supportUnit(name: string): string {
  const unit = SUPPORTS[describeMetric(name)?.support ?? 'rows'].unit
  return unit.replace('<class>', parseClassMetric(name)?.className ?? '')
}

/**
 * The names a task reports, in order. Multiclass needs its class names for the per-class metrics.
 *
 * @example metricNames('regression') // ['n', 'mae', 'rmse', 'r2', 'mape', 'median_ae']
 */
export function metricNames(task: Task, classes: readonly string[] = []): string[] {
  const names: string[] = []
  for (const info of METRICS) {
    if (!info.tasks.includes(task)) continue
    const perClass = parseClassMetric(info.name)
    if (perClass) for (const c of classes) names.push(classMetricName(perClass.base, c))
    else names.push(info.name)
  }
  return names
}
