/**
 * The values of a log's continuous outcome columns (`canary.outcomes`), in one pass over the file.
 * A missing cell is left out and counted; anything else that is not a finite number is bad input
 * at its line.
 */
import type { CanaryOutcomeConfig } from '../config/types.js'
import { UserInputError } from '../errors.js'
import { openTable } from '../io/open.js'
import { GrowableFloat64Array } from '../kernels/growable-array.js'
import { didYouMean } from '../suggest.js'

export interface OutcomeValues {
  /** The finite values, in file order. */
  readonly values: Float64Array
  /** Rows whose cell is missing (empty or a missing-value token). */
  readonly missing: number
}

/**
 * The values of every outcome of `outcomes` in `file`, in their order.
 * @throws UserInputError for a column the file does not have (at its header, with the closest
 *   name) and for a cell that is not a number (at its line)
 */
export async function readOutcomeValues(
  file: string,
  outcomes: readonly CanaryOutcomeConfig[]
): Promise<OutcomeValues[]> {
  if (outcomes.length === 0) return []
  const table = await openTable(file)
  try {
    const indices = outcomes.map((outcome, i) => {
      const index = table.columns.indexOf(outcome.column)
      if (index < 0) {
        throw new UserInputError(
          `canary.outcomes[${i}].column '${outcome.column}' is not a column of ${table.file}` +
            `${didYouMean(outcome.column, table.columns)}; its columns are ${table.columns.join(', ')}`,
          { file: table.file, line: 1 }
        )
      }
      return index
    })
    const values = outcomes.map(() => new GrowableFloat64Array())
    const missing = outcomes.map(() => 0)
    for await (const batch of table.batches()) {
      indices.forEach((index, k) => {
        const cells = batch.columns[index].values
        for (let i = 0; i < batch.size; i++) {
          const cell = cells[i]
          if (cell === null) missing[k]++
          else if (typeof cell === 'number' && Number.isFinite(cell)) values[k].push(cell)
          else {
            throw new UserInputError(
              `the outcome column '${outcomes[k].column}' (canary.outcomes[${k}]) holds ` +
                `${JSON.stringify(cell)}: expected a finite number, or an empty cell for a missing value`,
              { file: table.file, line: batch.lines[i] }
            )
          }
        }
      })
    }
    return values.map((v, k) => ({ values: v.values(), missing: missing[k] }))
  } finally {
    await table.close()
  }
}
