import type { CheckResult } from '../contract/check.js'
import type { ValidationDocument } from '../contract/validate.js'
import type { GateResult, VerdictDocument } from '../gates/verdict.js'
import type { Value } from '../io/table.js'
import { plainText } from '../text/escape.js'
import { candidateBoard } from './candidate-board.js'

/**
 * A message attached to the run: a check-run annotation or a workflow command (`::error …`).
 * Plain text, not markdown. `file`/`line` place it in the diff when known.
 */
export interface ReportAnnotation {
  readonly level: 'failure' | 'warning' | 'notice'
  readonly title: string
  readonly message: string
  readonly file?: string
  readonly line?: number
}

/** Longest value quoted, column named and message written in an annotation. */
const VALUE_LENGTH = 80
const MESSAGE_LENGTH = 1000

/** Plain text (no control or bidirectional characters from data), clipped to `length`. */
function clip(text: string, length: number): string {
  const plain = plainText(text)
  return plain.length > length ? `${plain.slice(0, length - 1)}…` : plain
}

function quote(value: Value): string {
  return clip(value === null ? 'missing' : JSON.stringify(value), VALUE_LENGTH)
}

function failingChecks(document: ValidationDocument): CheckResult[] {
  return document.checks.filter((c) => !c.passed)
}

function subject(check: CheckResult): string {
  return check.column === null ? check.check : `${clip(check.column, VALUE_LENGTH)}: ${check.check}`
}

/**
 * Data-contract failures at the file and line where they happen, one annotation per failing
 * example (at most 20 per check, as the validation keeps them): what check runs show in the diff.
 * Errors are `failure`, warnings `warning`. For Parquet (`unit: row`) the row number is not a
 * line of the file: the annotation sits at line 1 and names the row.
 */
export function contractAnnotations(documents: readonly ValidationDocument[]): ReportAnnotation[] {
  return documents.flatMap((document) =>
    failingChecks(document).flatMap((check) =>
      check.examples.map((example) => {
        const at = document.unit === 'line' ? example.line : 1
        const row = document.unit === 'line' ? '' : ` (row ${example.line})`
        return {
          level: check.severity === 'error' ? ('failure' as const) : ('warning' as const),
          title: `ml-gate: ${subject(check)}`,
          message: clip(
            `${quote(example.value)}${row} breaks ${check.check}: expected ${check.expected}`,
            MESSAGE_LENGTH
          ),
          // An input of several files: the file the failure is in.
          file: example.file ?? document.file,
          line: at
        }
      })
    )
  )
}

/**
 * The most useful annotation per failing check and per gate result needing attention, for the
 * ten workflow-command annotations GitHub shows per type and step: gate failures first (worst
 * first, by `excess`; with several candidates, each one's in the leaderboard's order, titled with
 * its name), then contract checks with most failures first, each at its first failing
 * line and counting the others.
 */
export function summaryAnnotations(
  verdict: VerdictDocument | null,
  documents: readonly ValidationDocument[]
): ReportAnnotation[] {
  // Several named candidates: each one's problems, titled with its name, in the leaderboard's order.
  const board = candidateBoard(verdict)
  const judged =
    board === null
      ? [{ name: null, results: verdict?.results ?? [] }]
      : board.rows.map((r) => ({ name: r.candidate.name, results: r.candidate.results }))
  const gates = judged.flatMap(({ name, results }) =>
    results
      .filter((r) => r.status === 'fail' || r.status === 'warn' || r.status === 'missing')
      .sort((a, b) => (b.excess ?? -Infinity) - (a.excess ?? -Infinity))
      .map((r: GateResult) => ({
        level: r.status === 'warn' ? ('warning' as const) : ('failure' as const),
        title: `ml-gate: ${name === null ? '' : `${clip(name, VALUE_LENGTH)}: `}${clip(r.gate, VALUE_LENGTH)}`,
        message: clip(r.reason, MESSAGE_LENGTH)
      }))
  )
  const checks = documents.flatMap((document) =>
    failingChecks(document)
      .sort((a, b) => b.failures - a.failures)
      .map((check) => {
        const first = check.examples[0]
        const lines = check.examples
          .map((e) => (e.file === undefined ? e.line : `${e.file}:${e.line}`))
          .join(', ')
        return {
          level: check.severity === 'error' ? ('failure' as const) : ('warning' as const),
          title: `ml-gate: ${subject(check)}`,
          message: clip(
            `${check.failures} ${check.failures === 1 ? 'value breaks' : 'values break'} ${check.check} (expected ${check.expected})` +
              (first === undefined ? '' : `, first ${quote(first.value)}; ${document.unit}s ${lines}`),
            MESSAGE_LENGTH
          ),
          file: first?.file ?? document.file,
          ...(first !== undefined && document.unit === 'line' ? { line: first.line } : {})
        }
      })
  )
  return [...gates, ...checks]
}

/**
 * At most `perLevel` annotations of each level, in order. When some are left out, the last one
 * shown becomes a count of them that points to `elsewhere`, so nobody mistakes ten for all.
 */
export function limitPerLevel(
  annotations: readonly ReportAnnotation[],
  perLevel: number,
  elsewhere: string
): ReportAnnotation[] {
  let kept: ReportAnnotation[] = []
  for (const level of ['failure', 'warning', 'notice'] as const) {
    const all = annotations.filter((a) => a.level === level)
    if (all.length <= perLevel) {
      kept = kept.concat(all)
      continue
    }
    const rest = all.length - (perLevel - 1)
    kept = kept.concat(all.slice(0, perLevel - 1), {
      level,
      title: 'ml-gate: more',
      message: `${rest} more ${level === 'failure' ? 'failures' : `${level}s`} not shown as annotations; see ${elsewhere}`
    })
  }
  return kept
}
