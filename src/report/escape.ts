/**
 * Text that came from data or config (column names, category values, file names) made safe for
 * GitHub-flavoured markdown and HTML: it shows as the same text, and cannot break a table, start
 * a heading or list, mention someone, link, or open an HTML tag or comment (our own comment
 * marker included).
 *
 * Every such string goes through `escapeMarkdown` before it reaches a report; tests feed it
 * hostile strings.
 *
 * @example escapeMarkdown('a|b <!-- ml-gate --> @octocat *x*') // 'a&#124;b &lt;!-- ml-gate --&gt; &#64;octocat \\*x\\*'
 */
export function escapeMarkdown(text: string): string {
  // Backslash escapes first: the entities written next contain `#`, which must stay as it is.
  return text
    .replace(/[\\`*_{}[\]()#+\-!~=:]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/@/g, '&#64;')
    .replace(/\r?\n|\r/g, ' ')
}

/** Longest text from data shown in a table cell; longer text ends in `…`. */
export const CELL_LENGTH = 120

/**
 * Data text for a markdown cell or line: clipped to `length` characters (the last one `…`), then
 * escaped, so a 1 MB cell cannot push a report past GitHub's size limits.
 *
 * @example escapeClipped('a'.repeat(200), 5) // 'aaaa…'
 */
export function escapeClipped(text: string, length = CELL_LENGTH): string {
  return escapeMarkdown(text.length > length ? `${text.slice(0, length - 1)}…` : text)
}
