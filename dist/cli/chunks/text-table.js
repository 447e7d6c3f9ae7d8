/**
 * Text that came from data, config or an untrusted result document (column names, category
 * values, file names, reasons) made safe for GitHub-flavoured markdown and HTML: it shows as the
 * same text, and cannot break a table, start a heading or list, mention someone, reference an
 * issue, link, open an HTML tag or comment (our own comment marker included), or reorder or hide
 * text with control characters.
 *
 * Backslash escapes and entities are not enough on GitHub: mentions (`@octocat`), issue
 * references (`#12`, `GH-12`) and autolinks (`www.x.com`, `https://x`) are found in the text
 * *after* markdown is rendered, when `\#` and `&#64;` have become `#` and `@` again. So a zero-width
 * joiner (U+200D) goes right after `@` and `#`, inside `GH-`, `www.` and `://`: the text reads the
 * same, and no pattern of GitHub's (or any GFM renderer's) matches across it.
 *
 * Every such string goes through `escapeMarkdown` before it reaches a report; tests render hostile
 * strings through every report with a real GFM renderer (micromark).
 *
 * @example escapeMarkdown('a|b <b> @octocat *x*') // 'a&#124;b &lt;b&gt; @\u200doctocat \\*x\\*'
 */
function escapeMarkdown(text) {
    // Backslash escapes first, joiners next, entities last: the entities contain `#`, which must
    // stay as it is.
    return plainText(text)
        .replace(/[\\`*_{}[\]()#+\-!~=:]/g, '\\$&')
        .replace(/[@#]/g, `$&${JOINER}`)
        .replace(/(gh)(\\-)/gi, `$1${JOINER}$2`)
        .replace(/(www)(\.)/gi, `$1${JOINER}$2`)
        .replace(/\\:(?=\/\/)/g, `\\:${JOINER}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '&#124;');
}
/** U+200D ZERO WIDTH JOINER: invisible, kept by GitHub, and no word character. */
const JOINER = '\u200d';
/**
 * C0 and C1 controls (tab and line breaks become spaces), DEL, bidirectional overrides, embeddings
 * and isolates (U+202A–U+202E, U+2066–U+2069), directional marks, line and paragraph separators,
 * the byte-order mark and interlinear annotations: they can hide or reorder text
 * ("Trojan Source"), or end a line where we do not.
 */
const CONTROLS = 
// eslint-disable-next-line no-control-regex -- finding control characters is the point
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
const LINE_BREAKS = /\r\n|[\t\n\r\u2028\u2029]/g;
/**
 * Data text for plain-text places (annotations, log lines, check-run titles): line breaks and tabs
 * become spaces, every other control or bidirectional character becomes U+FFFD (�), visibly.
 *
 * @example plainText('a\u202eb\nc') // 'a�b c'
 */
function plainText(text) {
    return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '\ufffd');
}
/** Longest text from data shown in a table cell; longer text ends in `…`. */
const CELL_LENGTH = 120;
/**
 * Data text for a markdown cell or line: clipped to `length` characters (the last one `…`), then
 * escaped, so a 1 MB cell cannot push a report past GitHub's size limits.
 *
 * @example escapeClipped('a'.repeat(200), 5) // 'aaaa…'
 */
function escapeClipped(text, length = CELL_LENGTH) {
    return escapeMarkdown(text.length > length ? `${text.slice(0, length - 1)}…` : text);
}

/**
 * Numbers for people: integers in full, other values to `digits` significant digits without
 * trailing zeros or exponent noise for everyday magnitudes. `null` reads as an em dash.
 *
 * @example formatNumber(0.83019639) // '0.830196'
 * @example formatNumber(12345678.9) // '1.23457e+7'
 */
function formatNumber(value, digits = 6) {
    if (value === null)
        return '—';
    // Documents are schema-checked when read; should a value that is no number slip through
    // anyway, it is shown as the data text it is, escaped.
    if (typeof value !== 'number')
        return escapeMarkdown(String(value));
    if (Number.isInteger(value) && Math.abs(value) < 1e15)
        return String(value);
    const magnitude = Math.abs(value);
    if (magnitude !== 0 && (magnitude >= 10 ** digits || magnitude < 1e-4)) {
        return value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
    }
    return String(Number(value.toPrecision(digits)));
}

/**
 * A plain-text table for terminals and CI logs: columns padded to their widest cell, a rule
 * under the header. Cells are shown as given (callers format numbers first), except that line breaks
 * and controls from data go as `plainText` has them, so a cell cannot start a line of its own.
 */
function renderTextTable(header, rows, align) {
    const cells = rows.map((row) => row.map(plainText));
    const widths = header.map((h, c) => cells.reduce((w, row) => Math.max(w, row[c].length), h.length));
    const line = (row) => row
        .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd();
    return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

export { escapeMarkdown as a, escapeClipped as e, formatNumber as f, renderTextTable as r };
