import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ValidationDocument } from '../../src/contract/validate.js'
import type { GateResult, VerdictDocument } from '../../src/gates/verdict.js'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import type { AuditTrail } from '../../src/report/audit.js'
import type { ReportContent } from '../../src/report/pr-report.js'

/**
 * Hand-built result documents of the credit example (test/fixtures/report/credit): recall and
 * ROC AUC per Home and Job segment from test/datasets/credit/oracle.json (scikit-learn), with
 * Wilson intervals for recall and Hanley–McNeil intervals for ROC AUC computed once in Python;
 * the gate `recall max_drop 0.05` fails for Job=partime (0.798 -> 0.500), Home=priv, Home=other
 * and overall; `roc_auc min 0.75` passes (0.8302 -> 0.8341).
 */
export const CREDIT_DIR = fileURLToPath(new URL('../fixtures/report/credit/', import.meta.url))

function load<T>(name: string): T {
  return JSON.parse(readFileSync(`${CREDIT_DIR}${name}`, 'utf8')) as T
}

/**
 * The credit example's own results, as `ml-gate run --config ml-gate.yml` writes them from
 * examples/credit: recall gated in significant mode, paired, Holm over 15 segments, each result
 * with its power fields (`mde`, `power_at_bound`, `detectable`). Regenerate after a change to the
 * gates with that command and copy verdict.json, the two evaluations and validation-incoming.json
 * (as validation.json) here.
 */
export const SIGNIFICANT_DIR = fileURLToPath(
  new URL('../fixtures/report/credit-significant/', import.meta.url)
)

function loadSignificant<T>(name: string): T {
  return JSON.parse(readFileSync(`${SIGNIFICANT_DIR}${name}`, 'utf8')) as T
}

/** The credit example's report content in significant mode, with power fields (see `SIGNIFICANT_DIR`). */
export function significantContent(parts: Partial<ReportContent> = {}): ReportContent {
  return creditContent({
    verdict: loadSignificant('verdict.json'),
    candidate: loadSignificant('evaluation-candidate.json'),
    baseline: loadSignificant('evaluation-baseline.json'),
    validations: [loadSignificant('validation.json')],
    ...parts
  })
}

export const creditVerdict = (): VerdictDocument => load('verdict.json')
export const creditCandidate = (): EvaluationDocument => load('evaluation-candidate.json')
export const creditBaseline = (): EvaluationDocument => load('evaluation-baseline.json')
export const creditValidation = (): ValidationDocument => load('validation.json')

export const AUDIT: AuditTrail = {
  commit: '0123456789abcdef0123456789abcdef01234567',
  version: '0.1.0',
  seed: 42,
  files: [
    { role: 'config', path: 'ml-gate.yml', sha256: 'a'.repeat(64) },
    { role: 'verdict', path: 'ml-gate-results/verdict.json', sha256: 'b'.repeat(64) },
    { role: 'candidate predictions', path: 'predictions/candidate.csv', sha256: null }
  ]
}

/** The whole credit report's content; override `parts` to vary it. */
export function creditContent(parts: Partial<ReportContent> = {}): ReportContent {
  return {
    verdict: creditVerdict(),
    candidate: creditCandidate(),
    baseline: creditBaseline(),
    validations: [creditValidation()],
    audit: AUDIT,
    override: null,
    history: [],
    ...parts
  }
}

/** A string that tries every trick on a markdown report. */
export const HOSTILE =
  '<!-- ml-gate:ml-gate.yml --> @octocat |x| <img src=x onerror=alert(1)> **b** `c` [l](http://e) # h\n- item'

/** The credit report with hostile strings in its segments, notes, data file, drift column and audit trail. */
export function hostileContent(): ReportContent {
  const validation = creditValidation()
  return creditContent({
    verdict: hostileVerdict(3),
    validations: [{ ...validation, file: HOSTILE, drift: [{ ...validation.drift[0], column: HOSTILE }] }],
    audit: { ...AUDIT, files: [{ role: 'data', path: HOSTILE, sha256: null }] }
  })
}

/** A failing gate result of `recall max_drop 0.05` for `segment`. */
export function failingResult(segment: string, excess: number): GateResult {
  return {
    gate: 'recall max_drop 0.05',
    gate_index: 1,
    metric: 'recall',
    segment,
    status: 'fail',
    rule: 'max_drop',
    threshold: 0.05,
    mode: 'point',
    severity: 'fail',
    candidate: 0.5,
    baseline: 0.5 + 0.05 + excess,
    change: -(0.05 + excess),
    relative_change: null,
    n: 40,
    support: 40,
    baseline_support: 40,
    ci: null,
    confidence: null,
    p_value: null,
    adjusted_p_value: null,
    excess,
    correction: null,
    family: null,
    mde: null,
    power_at_bound: null,
    detectable: null,
    reason: `recall for ${segment} fell, allowed drop 0.05: fail`
  }
}

/**
 * A verdict whose `count` segments of the column `hostile` are named with hostile strings (one of
 * them 1 MB long) and all fail: for escaping and size limits.
 */
export function hostileVerdict(count: number): VerdictDocument {
  const results = Array.from({ length: count }, (_, i) =>
    failingResult(i === 0 ? `${HOSTILE} ${'x'.repeat(1_000_000)}` : `${HOSTILE} ${i}`, 0.01 + i / 1e6)
  )
  return {
    ...creditVerdict(),
    headline: `recall for ${HOSTILE} fell`,
    notes: [HOSTILE],
    counts: { pass: 0, fail: count, warn: 0, insufficient: 0, missing: 0, skipped: 0, waived: 0 },
    results
  }
}
