/**
 * Canary and control outcome logs built from the credit dataset (test/datasets/credit): the 1,825
 * evaluation rows shuffled by a seed and split in two halves, as live traffic splits users. The
 * control half carries the baseline model's predictions; the canary half the baseline's again (an
 * A/A canary: the same model), the candidate's, or an uninformed model's. A `latency_ms` column is drawn for every row,
 * seeded: 40 + an exponential of mean 20, to 0.1 ms (so values tie), plus `latencyShift` on the
 * canary's rows.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATASETS, readCsv, type Csv } from '../support/datasets.js'
import { allRows, seededRandom, shuffled } from '../support/metric-fixtures.js'

const MODELS: Record<'baseline' | 'candidate', Csv> = {
  baseline: readCsv(`${DATASETS}/credit/predictions/baseline.csv`),
  candidate: readCsv(`${DATASETS}/credit/predictions/candidate.csv`)
}

export interface LogsSpec {
  readonly seed: number
  /** `uninformed`: the baseline's scores and predictions shuffled across the canary's rows, a model that lost its signal. */
  readonly canaryModel: 'baseline' | 'candidate' | 'uninformed'
  readonly latencyShift: number
  /** Rows of each log; default: half of the 1,825 each. */
  readonly rows?: number
}

/** Writes `control.csv` and `canary.csv` into `dir`; returns their paths. */
export function writeLogs(dir: string, spec: LogsSpec): { control: string; canary: string } {
  const rows = shuffled(allRows(MODELS.baseline.rows.length), spec.seed)
  const half = spec.rows ?? Math.floor(rows.length / 2)
  const random = seededRandom(spec.seed + 1)
  const latency = (shift: number): string => (40 + shift - 20 * Math.log(1 - random())).toFixed(1)
  const write = (name: string, model: Csv, picked: readonly number[], shift: number): string => {
    const path = join(dir, name)
    const lines = [[...model.header, 'latency_ms'].join(',')]
    for (const i of picked) lines.push([...model.rows[i], latency(shift)].join(','))
    writeFileSync(path, `${lines.join('\n')}\n`)
    return path
  }
  const picked = rows.slice(half, 2 * half)
  const canary = spec.canaryModel === 'uninformed' ? uninformed(picked, spec.seed) : MODELS[spec.canaryModel]
  return {
    control: write('control.csv', MODELS.baseline, rows.slice(0, half), 0),
    canary: write('canary.csv', canary, picked, spec.latencyShift)
  }
}

/** The baseline with the `score` and `prediction` of the `picked` rows permuted among them. */
function uninformed(picked: readonly number[], seed: number): Csv {
  const { header, rows } = MODELS.baseline
  const outputs = ['score', 'prediction'].map((name) => header.indexOf(name))
  const donors = shuffled(picked, seed + 2)
  const out = rows.map((row) => [...row])
  picked.forEach((row, k) => {
    for (const c of outputs) out[row][c] = rows[donors[k]][c]
  })
  return { header, rows: out }
}
