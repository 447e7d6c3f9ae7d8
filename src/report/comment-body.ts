import { commentMarker, encodeState, nextHistory } from './comment-state.js'
import {
  COMMENT_LIMIT,
  commentLimits,
  renderReport,
  reportHeadline,
  reportVerdict,
  type ReportContent
} from './pr-report.js'

/** What the sticky comment's body depends on besides the results. */
export interface CommentContext {
  /** The comment key (`comment-key`, default the config's path): which comment is ours. */
  readonly key: string
  /** The body of our comment from the previous run, for its history; `null` for the first. */
  readonly previousBody: string | null
  /** The commit the results are for. */
  readonly commit: string | null
  /** The workflow run's page, where the overflow note points; `null` when unknown. */
  readonly runUrl: string | null
}

/**
 * The body of the sticky PR comment, exactly as the report action posts it: the report fitted to
 * GitHub's 65,536 characters together with the hidden marker and state that follow it.
 * `ml-gate report --comment` prints the same, so what a user previews is what gets posted.
 */
export function commentBody(content: ReportContent, context: CommentContext): string {
  const marker = commentMarker(context.key)
  const history = nextHistory(context.previousBody, context.commit)
  const current = {
    verdict: reportVerdict(content),
    headline: reportHeadline(content),
    commit: context.commit
  }
  const tail = `\n${marker}\n${encodeState(current, history)}\n`
  const limits = commentLimits(COMMENT_LIMIT - tail.length, context.runUrl)
  return renderReport({ ...content, history }, limits) + tail
}
