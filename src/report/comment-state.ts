import type { Verdict } from '../gates/verdict.js'

/** The verdict the report shows: the gate's, or `overridden` when an authorised label turned a fail. */
export type ReportVerdict = Verdict | 'overridden'

/** One earlier run, as kept in the sticky comment for its history. */
export interface HistoryEntry {
  readonly verdict: ReportVerdict
  readonly headline: string
  readonly commit: string | null
}

/** Runs kept in a comment's history, newest first. */
export const HISTORY_LENGTH = 20
/** Longest headline kept in the history. */
const HEADLINE_LENGTH = 300

const STATE = /<!-- ml-gate-state:([A-Za-z0-9_-]*) -->/

/**
 * The hidden marker that identifies the sticky comment of one config: `<!-- ml-gate:KEY -->`.
 * Characters outside `[A-Za-z0-9._/:@+-]` in the key become `_`, so no key can end the HTML
 * comment early; distinct keys (matrix jobs, several configs) give distinct comments.
 *
 * @example commentMarker('ml-gate.yml') // '<!-- ml-gate:ml-gate.yml -->'
 */
export function commentMarker(key: string): string {
  return `<!-- ml-gate:${key.replace(/[^A-Za-z0-9._/:@+-]/g, '_').replace(/-(?=-)/g, '-_')} -->`
}

/**
 * The comment's machine-readable state, hidden in an HTML comment: this run and the earlier ones.
 * Base64url-encoded JSON, so nothing in a headline can close the comment.
 */
export function encodeState(current: HistoryEntry, history: readonly HistoryEntry[]): string {
  const clip = (e: HistoryEntry): HistoryEntry => ({ ...e, headline: e.headline.slice(0, HEADLINE_LENGTH) })
  const json = JSON.stringify({ current: clip(current), history: history.map(clip) })
  return `<!-- ml-gate-state:${Buffer.from(json, 'utf8').toString('base64url')} -->`
}

/**
 * The history to show under a new run, from the previous body of our own comment: the previous
 * run joins the history unless it was for the same commit (a re-run replaces itself). Newest
 * first, at most `HISTORY_LENGTH`. A body without readable state (older or hand-edited) gives `[]`.
 */
export function nextHistory(previousBody: string | null, commit: string | null): HistoryEntry[] {
  const match = previousBody === null ? null : STATE.exec(previousBody)
  if (match === null) return []
  let state: { current?: HistoryEntry; history?: HistoryEntry[] }
  try {
    state = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as typeof state
  } catch {
    return []
  }
  const history = (state.history ?? []).filter(isEntry)
  const previous = state.current
  const joined = isEntry(previous) && previous.commit !== commit ? [previous, ...history] : history
  return joined.slice(0, HISTORY_LENGTH)
}

function isEntry(value: unknown): value is HistoryEntry {
  const e = value as HistoryEntry | undefined
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.verdict === 'string' &&
    typeof e.headline === 'string' &&
    (e.commit === null || typeof e.commit === 'string')
  )
}
