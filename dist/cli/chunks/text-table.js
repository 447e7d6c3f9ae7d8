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
 * under the header. Cells are shown as given; callers format numbers first.
 */
function renderTextTable(header, rows, align) {
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
    const line = (cells) => cells
        .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd();
    return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

export { formatNumber as f, renderTextTable as r };
