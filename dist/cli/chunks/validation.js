import { r as renderTextTable, f as formatNumber } from './text-table.js';

// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {};
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = [];
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = [];
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = [];
  /** @type {Array<number>} */
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = [];
    /** @type {Array<number>} */
    const sizes = [];
    let columnIndex = -1;

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex]);

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes[columnIndex] = size;

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size;
        }
      }

      row.push(cell);
    }

    cellMatrix[rowIndex] = row;
    sizeMatrix[rowIndex] = sizes;
  }

  // Figure out which alignments to use.
  let columnIndex = -1;

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }

  // Inject the alignment row.
  columnIndex = -1;
  /** @type {Array<string>} */
  const row = [];
  /** @type {Array<number>} */
  const sizes = [];

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = '';
    let after = '';

    if (code === 99 /* `c` */) {
      before = ':';
      after = ':';
    } else if (code === 108 /* `l` */) {
      before = ':';
    } else if (code === 114 /* `r` */) {
      after = ':';
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          );

    const cell = before + '-'.repeat(size) + after;

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }

      sizes[columnIndex] = size;
    }

    row[columnIndex] = cell;
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);

  rowIndex = -1;
  /** @type {Array<string>} */
  const lines = [];

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex];
    const sizes = sizeMatrix[rowIndex];
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow;
    columnIndex = -1;
    /** @type {Array<string>} */
    const line = [];

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || '';
      let before = '';
      let after = '';

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0);
        const code = alignments[columnIndex];

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size);
        } else if (code === 99 /* `c` */) {
          const half = size / 2;

          if (size % 2) {
            before = ' '.repeat(half + 0.5);
            after = ' '.repeat(half - 0.5);
          } else {
            before = ' '.repeat(half);
            after = before;
          }
        } else {
          after = ' '.repeat(size);
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|');
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ');
      }

      if (settings.alignDelimiters !== false) {
        line.push(before);
      }

      line.push(cell);

      if (settings.alignDelimiters !== false) {
        line.push(after);
      }

      if (settings.padding !== false) {
        line.push(' ');
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|');
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    );
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

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
function escapeMarkdown(text) {
    // Backslash escapes first: the entities written next contain `#`, which must stay as it is.
    return text
        .replace(/[\\`*_{}[\]()#+\-!~=:]/g, '\\$&')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '&#124;')
        .replace(/@/g, '&#64;')
        .replace(/\r?\n|\r/g, ' ');
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

/** Failing checks first (errors before warnings, most failures first), then the rest in order. */
function failingChecks(document) {
    return document.checks
        .filter((c) => !c.passed)
        .sort((a, b) => (a.severity === b.severity ? b.failures - a.failures : a.severity === 'error' ? -1 : 1));
}
function showValue(value) {
    return value === null ? 'missing' : JSON.stringify(value);
}
function where(document, check, limit) {
    const shown = check.examples.slice(0, limit).map((e) => `${document.unit} ${e.line}: ${showValue(e.value)}`);
    const more = check.failures - shown.length;
    return shown.join(', ') + (more > 0 ? ` (+${more} more)` : '');
}
function headline(document) {
    const { errors, warnings, drifted } = document.summary;
    const passedChecks = document.checks.filter((c) => c.passed).length;
    const parts = [
        `${errors} failing check${errors === 1 ? '' : 's'}`,
        `${warnings} warning${warnings === 1 ? '' : 's'}`,
        `${passedChecks} passed`
    ];
    if (document.reference !== null)
        parts.push(`${drifted} drifted column${drifted === 1 ? '' : 's'}`);
    return `${document.passed ? 'PASSED' : 'FAILED'}: ${parts.join(', ')}`;
}
function driftCells(d) {
    return [
        d.method ?? '—',
        formatNumber(d.statistic, 3),
        formatNumber(d.p_value, 3),
        formatNumber(d.threshold),
        d.drifted === null ? 'no verdict' : d.drifted ? 'DRIFT' : 'ok'
    ];
}
/** The validation result for a terminal: a headline, the failing checks, the drift table. */
function renderValidationText(document) {
    const out = [
        `${document.file}: ${document.rows} rows` +
            (document.contract ? `, contract ${document.contract}` : '') +
            (document.reference ? `, reference ${document.reference}` : ''),
        headline(document),
        ''
    ];
    const failing = failingChecks(document);
    if (failing.length > 0) {
        out.push(renderTextTable(['column', 'check', 'severity', 'failures', 'expected', 'first failures'], failing.map((c) => [
            c.column ?? '(table)',
            c.check,
            c.severity,
            String(c.failures),
            c.expected,
            where(document, c, 3)
        ]), ['left', 'left', 'left', 'right', 'left', 'left']));
    }
    if (document.drift.length > 0) {
        out.push(`Drift against ${document.reference}:`);
        out.push(renderTextTable(['column', 'method', 'statistic', 'p-value', 'threshold', 'verdict'], document.drift.map((d) => [d.column, ...driftCells(d)]), ['left', 'left', 'right', 'right', 'right', 'left']));
        for (const d of document.drift.filter((d) => d.drifted !== false))
            out.push(`  ${d.column}: ${d.reason}`);
        if (document.drift.some((d) => d.drifted !== false))
            out.push('');
    }
    return out.join('\n');
}
/** Longest file name shown in the heading. */
const LINE_LENGTH = 300;
/**
 * Rows per table in markdown: a contract of thousands of columns still gives a section well under
 * GitHub's 1 MiB summary (a row is at most about 1 KB once cells are clipped).
 */
const MAX_ROWS = 200;
function moreRows(count, what) {
    return `… and ${count} more ${what}: the validation document lists them all.`;
}
/**
 * The validation result as a markdown section (job summary, PR comment). Data is escaped and
 * clipped: 120 characters per cell (`escapeClipped`), 300 for a file name in a line, 200 rows
 * per table.
 */
function renderValidationMarkdown(document) {
    const e = (text) => escapeClipped(text);
    const line = (text) => escapeClipped(text, LINE_LENGTH);
    const out = [
        `### Data validation: ${line(document.file)}`,
        '',
        `**${headline(document)}** (${document.rows} rows` +
            (document.contract ? `, contract ${line(document.contract)}` : '') +
            (document.reference ? `, reference ${line(document.reference)}` : '') +
            ')',
        ''
    ];
    const failing = failingChecks(document);
    if (failing.length > 0) {
        out.push(markdownTable([
            ['column', 'check', 'severity', 'failures', 'expected', 'first failures'],
            ...failing
                .slice(0, MAX_ROWS)
                .map((c) => [
                e(c.column ?? '(table)'),
                c.check,
                c.severity,
                String(c.failures),
                e(c.expected),
                e(where(document, c, 5))
            ])
        ], { align: ['l', 'l', 'l', 'r', 'l', 'l'] }), '');
        if (failing.length > MAX_ROWS)
            out.push(moreRows(failing.length - MAX_ROWS, 'failing checks'), '');
    }
    if (document.drift.length > 0) {
        out.push(`<details${document.summary.drifted > 0 ? ' open' : ''}><summary>Drift against ${line(document.reference ?? '')}: ` +
            `${document.summary.drifted} of ${document.drift.length} columns drifted</summary>`, '', markdownTable([
            ['column', 'method', 'statistic', 'p-value', 'threshold', 'verdict', 'why'],
            ...document.drift.slice(0, MAX_ROWS).map((d) => [e(d.column), ...driftCells(d), e(d.reason)])
        ], { align: ['l', 'l', 'r', 'r', 'r', 'l', 'l'] }), '', ...(document.drift.length > MAX_ROWS
            ? [moreRows(document.drift.length - MAX_ROWS, 'columns'), '']
            : []), '</details>', '');
    }
    return out.join('\n');
}

export { renderValidationMarkdown as a, escapeClipped as e, markdownTable as m, renderValidationText as r };
