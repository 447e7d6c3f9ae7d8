/**
 * Waivers: known, accepted failures. A waiver names a metric, a segment or both (an `across`
 * gate's segment is its column, e.g. `Job`), a reason and optionally `expires`, the last day
 * (UTC) it applies. An unexpired waiver that matches a failed result turns it `waived`; an
 * expired one no longer applies, and the result's reason says so.
 */
import type { WaiverConfig } from '../config/types.js'

export interface WaiverMatch {
  /** The first unexpired waiver matching the result, if any. */
  readonly active?: WaiverConfig
  /** A matching waiver that has expired (reported so the user knows why it no longer applies). */
  readonly expired?: WaiverConfig
}

/** `now` as the UTC calendar date `YYYY-MM-DD`, the format of `expires`. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/** A waiver is expired from the day after `expires` on (UTC). */
export function isExpired(waiver: WaiverConfig, today: string): boolean {
  return waiver.expires !== undefined && waiver.expires < today
}

/** The waivers matching `metric` on `segment`, split into the first active and the first expired. */
export function matchWaiver(
  waivers: readonly WaiverConfig[],
  metric: string,
  segment: string,
  today: string
): WaiverMatch {
  const matching = waivers.filter(
    (w) =>
      (w.metric === undefined || w.metric === metric) && (w.segment === undefined || w.segment === segment)
  )
  const active = matching.find((w) => !isExpired(w, today))
  const expired = matching.find((w) => isExpired(w, today))
  return { ...(active && { active }), ...(expired && { expired }) }
}

/** `waiver 2 (recall on Home=ignore) expired on 2026-01-31 and no longer applies`. */
export function expiryNote(waiver: WaiverConfig, index: number): string {
  const what = [waiver.metric, waiver.segment && `on ${waiver.segment}`].filter(Boolean).join(' ')
  return `waiver ${index + 1} (${what}: "${waiver.reason}") expired on ${waiver.expires} and no longer applies`
}
