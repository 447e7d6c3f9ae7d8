import type { GateResult } from '../gates/verdict.js'

/** The statistical power of one judged change result, as the verdict document states it. */
export interface Power {
  /** Smallest change the data detects at the gate's (corrected) level with 80% power, in units of `threshold`. */
  readonly mde: number | null
  /** The power to detect a change equal to the allowed bound. */
  readonly power_at_bound: number | null
  /** `false`: the segment is too small to judge this bound (its MDE exceeds the bound several-fold). */
  readonly detectable: boolean | null
  /** The correction across the gate's family of segments; `null` in point mode. */
  readonly correction: Correction | null
  /** How many results share the correction. */
  readonly family: number | null
}

type Correction = 'holm' | 'bh' | 'none'

function isCorrection(value: unknown): value is Correction {
  return value === 'holm' || value === 'bh' || value === 'none'
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * The power fields of `r`. This is the one place the report reads them: verdict documents written
 * before they existed lack them, and every field then reads `null` (the report says counts only).
 */
export function power(r: GateResult): Power {
  return {
    mde: 'mde' in r ? numberOrNull(r.mde) : null,
    power_at_bound: 'power_at_bound' in r ? numberOrNull(r.power_at_bound) : null,
    detectable: 'detectable' in r && typeof r.detectable === 'boolean' ? r.detectable : null,
    correction: 'correction' in r && isCorrection(r.correction) ? r.correction : null,
    family: 'family' in r ? numberOrNull(r.family) : null
  }
}
