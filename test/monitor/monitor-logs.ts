/**
 * Prediction logs for monitor tests, built from the credit candidate's predictions
 * (test/datasets/credit/predictions/candidate.csv): each day draws rows at random (seeded), with
 * its time spread over the day; `shift` adds to the score of the days it names (clamped to [0, 1],
 * the prediction following it), and the labels of the last `unlabelled` days are left empty.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { column, DATASETS, numbers, readCsv } from '../support/datasets.js'
import { seededRandom } from '../support/metric-fixtures.js'

const credit = readCsv(`${DATASETS}/credit/predictions/candidate.csv`)
const SCORES = numbers(credit, 'score')
const LABELS = column(credit, 'label')
const HOME = column(credit, 'Home')
const AGE = numbers(credit, 'Age')

/** The first day of the logs: 2026-03-01T00:00:00Z. */
export const DAY0 = Date.UTC(2026, 2, 1)
const DAY = 86_400_000

export interface LogsOptions {
  readonly seed: number
  /** Days in all (reference days included). */
  readonly days: number
  readonly rowsPerDay: number
  /** Day index -> added to the score. */
  readonly shift?: Readonly<Record<number, number>>
  /** The last days whose labels have not arrived. Default 0. */
  readonly unlabelled?: number
}

/** The CSV text of the logs: `ts,Home,Age,label,score`, rows in time order. */
export function logsCsv(options: LogsOptions): string {
  const next = seededRandom(options.seed)
  const lines = ['ts,Home,Age,label,score']
  for (let day = 0; day < options.days; day++) {
    const times = Array.from({ length: options.rowsPerDay }, () => Math.floor(next() * DAY)).sort(
      (a, b) => a - b
    )
    const labelled = day < options.days - (options.unlabelled ?? 0)
    for (const offset of times) {
      const i = Math.floor(next() * SCORES.length)
      const score = Math.min(1, Math.max(0, SCORES[i] + (options.shift?.[day] ?? 0)))
      const ts = new Date(DAY0 + day * DAY + offset).toISOString()
      lines.push([ts, HOME[i], AGE[i], labelled ? LABELS[i] : '', Number(score.toFixed(6))].join(','))
    }
  }
  return `${lines.join('\n')}\n`
}

/** A folder with `logs.csv` and `ml-gate.yml` (`monitor` lines appended to a binary model). */
export function monitorFolder(
  csv: string,
  monitorLines: readonly string[],
  extra: readonly string[] = []
): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-monitor-'))
  writeFileSync(join(dir, 'logs.csv'), csv)
  writeFileSync(
    join(dir, 'ml-gate.yml'),
    [
      'version: 1',
      'model:',
      '  task: binary',
      '  label: label',
      '  score: score',
      ...extra,
      'monitor:',
      ...monitorLines.map((l) => `  ${l}`),
      ''
    ].join('\n')
  )
  return join(dir, 'ml-gate.yml')
}
