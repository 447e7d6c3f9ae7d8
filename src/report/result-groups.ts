/**
 * The gate results in the groups a reviewer reads them in: what failed, what warned, what the
 * data could not tell (inconclusive), what it could never tell at this bound (too small), and the
 * rest.
 */
import type { GateResult } from '../gates/verdict.js'
import { isInconclusive } from '../gates/verdict-document.js'

export interface ResultGroups {
  /** `fail` and `missing` results, worst first. */
  readonly failing: readonly GateResult[]
  /** `warn` results that are not inconclusive: a `severity: warn` gate that failed, worst first. */
  readonly warnings: readonly GateResult[]
  /** Significant-mode results whose interval straddles the bound, worst first. */
  readonly inconclusive: readonly GateResult[]
  /** Inconclusive results whose minimum detectable effect exceeds the bound several-fold. */
  readonly tooSmall: readonly GateResult[]
  /** Passing, waived, insufficient and skipped results, in document order. */
  readonly others: readonly GateResult[]
}

/** Worst first: by `excess` descending, results without one last, ties in document order. */
export function byExcess(a: GateResult, b: GateResult): number {
  if (a.excess === b.excess) return 0
  if (a.excess === null) return 1
  if (b.excess === null) return -1
  return b.excess - a.excess
}

export function groupResults(results: readonly GateResult[]): ResultGroups {
  const sorted = [...results].sort(byExcess)
  const inconclusive = sorted.filter(isInconclusive)
  return {
    failing: sorted.filter((r) => r.status === 'fail' || r.status === 'missing'),
    warnings: sorted.filter((r) => r.status === 'warn' && !isInconclusive(r)),
    inconclusive: inconclusive.filter((r) => r.detectable !== false),
    tooSmall: inconclusive.filter((r) => r.detectable === false),
    others: results.filter((r) => !['fail', 'missing', 'warn'].includes(r.status))
  }
}
