import { parentPort } from 'node:worker_threads';
import { K as Kind, U as UserInputError, g as BatchBuilder, i as countLines, j as gzipError, k as fileError, l as firstInvalidUtf8, I as INVALID_UTF8, n as locate, T as TextWindow, D as DEFAULT_BATCH_SIZE, V as ValueParser, o as DEFAULT_MISSING_TOKENS, p as openByteSource, C as CSV_DELIMITERS, q as CsvReader, r as openRangeSource, t as privateArrays, h as hashFloat64, R as RowDigest, f as fmix32, u as rowKeyOf, v as segmentColumns, s as segmentFamilies, w as BinaryRows, x as MulticlassRows, y as RegressionRows, z as rowHash, A as segmentKey, F as combineBuckets, G as attachedArrays } from './segmentation.js';
import { extname } from 'node:path';
import { isUtf8 } from 'node:buffer';

/**
 * Bounds on how deep parsed JSON may nest. JSON.parse itself is iterative, but what follows it
 * (JSON.stringify of a nested cell, ajv compiling a schema) recurses and ends in a RangeError past
 * a few thousand levels: a value nested deeper than `MAX_JSON_DEPTH` is refused first, by the
 * walks below, which use a stack of their own instead of the call stack.
 */
/** Deep enough for any data or schema people write; far below where recursion fails. */
const MAX_JSON_DEPTH = 256;
/** How deep `value` nests (a scalar is 0, `[]` and `{}` are 1), counting no further than `limit + 1`. */
function jsonDepth(value, limit = MAX_JSON_DEPTH) {
    let deepest = 0;
    const stack = [[value, 0]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (typeof node !== 'object' || node === null)
            continue;
        if (depth + 1 > deepest)
            deepest = depth + 1;
        if (deepest > limit)
            return deepest;
        for (const child of Object.values(node))
            stack.push([child, depth + 1]);
    }
    return deepest;
}
/**
 * Where in `text` (a string index) the brackets of JSON first nest deeper than `limit`, or -1.
 * Brackets inside strings do not count. For messages: JSON.parse does not say where.
 */
function tooDeepAt(text, limit = MAX_JSON_DEPTH, from = 0, to = text.length) {
    let depth = 0;
    let inString = false;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > limit)
                return i;
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
    return -1;
}

class JsonRowWriter {
    parser;
    columns;
    index;
    /** @param first the first object of the file: its keys are the columns */
    constructor(first, parser) {
        this.parser = parser;
        this.columns = Object.keys(first);
        this.index = new Map(this.columns.map((name, c) => [name, c]));
    }
    /** Writes `record` at row `builder.size` (the caller commits it), or says why it cannot. */
    write(record, builder) {
        const row = builder.size;
        const { values, kinds } = builder;
        for (let c = 0; c < this.columns.length; c++) {
            values[c][row] = null;
            kinds[c][row] = Kind.Missing;
        }
        let position = 0;
        for (const key in record) {
            // Objects usually list their keys in the header's order: check that before the map.
            const c = this.columns[position] === key ? position : this.index.get(key);
            if (c === undefined)
                return { kind: 'unknown-key', key };
            position = c + 1;
            const value = record[key];
            // The record is one level: its cell may nest MAX_JSON_DEPTH - 1 more.
            if (typeof value === 'object' &&
                value !== null &&
                jsonDepth(value, MAX_JSON_DEPTH - 1) >= MAX_JSON_DEPTH)
                return { kind: 'too-deep', key };
            if (!this.writeValue(value, values[c], kinds[c], row))
                return { kind: 'out-of-range', key };
        }
        return null;
    }
    /**
     * The message for a problem `write` reported.
     *
     * @param firstRecord where the first object is, e.g. `line 1` or `row 1`
     */
    explain(problem, firstRecord) {
        if (problem.kind === 'out-of-range') {
            return `the number in "${problem.key}" is out of range: expected a finite number (at most about 1.8e308)`;
        }
        if (problem.kind === 'too-deep') {
            return `the value of "${problem.key}" nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels: expected at most ${MAX_JSON_DEPTH}`;
        }
        const names = this.columns.slice(0, 10).map((name) => `"${name}"`);
        const expected = this.columns.length > 10 ? `${names.join(', ')}, … (${this.columns.length} columns)` : names.join(', ');
        return `key "${problem.key}" is not a column: the columns are fixed by the first record (${firstRecord}); expected only ${expected}`;
    }
    /** False for a number JSON.parse could only read as an infinity. */
    writeValue(value, values, kinds, row) {
        switch (typeof value) {
            case 'number':
                if (!Number.isFinite(value))
                    return false;
                values[row] = value;
                kinds[row] = Number.isSafeInteger(value) ? Kind.Integer : Kind.Number;
                return true;
            case 'string':
                this.parser.parseString(value, values, kinds, row);
                return true;
            case 'boolean':
                values[row] = value;
                kinds[row] = Kind.Boolean;
                return true;
            default:
                if (value !== null) {
                    values[row] = JSON.stringify(value);
                    kinds[row] = Kind.String;
                }
                return true;
        }
    }
}
/** How a parsed JSON value reads in a message: "an array", "a number", ... */
function describeJson(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    return `a ${typeof value}`;
}
/** Whether a parsed JSON value is a plain object (not an array, not null). */
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The text of a JSON.parse error without V8's position suffix, and that position when given. */
function jsonSyntaxError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = / in JSON at position (\d+)/.exec(message);
    return {
        reason: match ? message.slice(0, match.index) : message,
        position: match ? Number(match[1]) : null
    };
}

/**
 * The JSON array reader: a file holding `[{...}, {...}]`.
 *
 * Not streamed: the whole text is decoded and parsed with JSON.parse, so memory grows with the
 * file (about 3-5 times its size while parsing). That is fine for the small files people write
 * by hand or export from a notebook; for big data use JSON Lines (one object per line), which is
 * streamed. Rows follow `json-rows.ts` and are located by their 1-based position in the array
 * (unit `row`), since one line may hold many objects.
 */
const EXPECTED = 'expected a JSON array of objects, like [{"a": 1}, {"a": 2}]';
class JsonArrayReader {
    file;
    source;
    options;
    gzip;
    records = [];
    writer = null;
    constructor(file, source, options) {
        this.file = file;
        this.source = source;
        this.options = options;
        this.gzip = source.gzip;
    }
    /**
     * Reads and parses the whole file; the first object's keys are the columns.
     *
     * @throws UserInputError for invalid UTF-8 or JSON (with line and column), a top level that
     *   is not an array, or an empty array
     */
    async readHeader() {
        const text = await this.readText();
        if (text.trim() === '')
            throw new UserInputError(`empty file: ${EXPECTED}`, { file: this.file });
        // The array is one level, each object another: a cell may nest MAX_JSON_DEPTH - 1 more.
        const deep = tooDeepAt(text, MAX_JSON_DEPTH + 1);
        if (deep >= 0) {
            throw new UserInputError(`arrays and objects nest deeper than ${MAX_JSON_DEPTH + 1} levels: expected the array, its objects, and values nested at most ${MAX_JSON_DEPTH - 1} levels within them`, { file: this.file, ...textPosition(text, deep) });
        }
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            const { reason, position } = jsonSyntaxError(error);
            throw new UserInputError(`invalid JSON (${reason}): ${EXPECTED}`, {
                file: this.file,
                ...(position === null ? {} : textPosition(text, position))
            });
        }
        if (!Array.isArray(value)) {
            const hint = isJsonObject(value) ? ' (for one object per line, name the file .jsonl)' : '';
            throw new UserInputError(`found ${describeJson(value)}: ${EXPECTED}${hint}`, { file: this.file });
        }
        if (value.length === 0) {
            throw new UserInputError(`empty array: ${EXPECTED} (the first object defines the columns)`, {
                file: this.file
            });
        }
        this.records = value;
        this.writer = new JsonRowWriter(this.objectAt(0), this.options.parser);
        return this.writer.columns;
    }
    /**
     * @throws UserInputError for an element that is not an object or has a key that is not a column
     */
    async *rows() {
        const writer = this.writer;
        const builder = new BatchBuilder(writer.columns.length, this.options.batchSize);
        for (let r = 0; r < this.records.length; r++) {
            const problem = writer.write(this.objectAt(r), builder);
            if (problem !== null) {
                throw new UserInputError(`row ${r + 1}: ${writer.explain(problem, 'row 1')}`, { file: this.file });
            }
            if (builder.commit(r + 1))
                yield builder.take();
        }
        // The parsed array is the one big allocation of this reader: let it go.
        this.records = [];
        if (builder.size > 0)
            yield builder.take();
    }
    async close() {
        this.records = [];
    }
    objectAt(r) {
        const record = this.records[r];
        if (!isJsonObject(record)) {
            throw new UserInputError(`row ${r + 1} is ${describeJson(record)}: ${EXPECTED}`, { file: this.file });
        }
        return record;
    }
    /** The file as text: decompressed, checked as UTF-8, without a byte order mark. */
    async readText() {
        const chunks = [];
        try {
            for await (const chunk of this.source.chunks)
                chunks.push(chunk);
        }
        catch (error) {
            const lines = chunks.reduce((sum, chunk) => sum + countLines(chunk, 0, chunk.length), 0);
            throw gzipError(this.file, fileError(this.file, error), lines);
        }
        const bytes = Buffer.concat(chunks);
        if (!isUtf8(bytes)) {
            const offset = firstInvalidUtf8(bytes, 0, bytes.length);
            throw new UserInputError(INVALID_UTF8, { file: this.file, ...locate(bytes, 0, offset, 1) });
        }
        const text = bytes.toString('utf8');
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
}
/** Line and column (1-based) of a string index, as JSON.parse reports positions. */
function textPosition(text, index) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < index && i < text.length; i++) {
        if (text.charCodeAt(i) === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: index - lineStart + 1 };
}

/**
 * The JSON Lines reader: one JSON object per line, streamed.
 *
 * Lines end at LF (a CR before it is JSON whitespace). Blank lines are skipped but counted, so
 * `lines[i]` is the physical line of the object. Rows follow `json-rows.ts`. Each line is decoded
 * to a string for JSON.parse, one line at a time: memory is one chunk plus one batch.
 */
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
/** Reads one JSON Lines file once: `readHeader()`, then `rows()`. */
class JsonLinesReader {
    file;
    options;
    gzip;
    window;
    writer = null;
    firstLine = 0;
    /** Offset in `window.data` of the next line, and its number. */
    pos = 0;
    line = 1;
    constructor(file, source, options) {
        this.file = file;
        this.options = options;
        this.window = new TextWindow(file, source, options.source);
        this.gzip = source.gzip;
    }
    /**
     * Reads up to the first object, whose keys are the columns. The object stays unread: it is
     * the first row.
     *
     * @throws UserInputError when there is no object, or the first non-blank line is not one
     */
    async readHeader() {
        const window = this.window;
        await window.start();
        for (;;) {
            const data = window.data;
            const found = this.nextLine(data, window.final);
            if (found !== null) {
                const record = this.parseLine(data, found.start, found.end);
                this.writer = new JsonRowWriter(record, this.options.parser);
                this.firstLine = this.line;
                const range = this.options.range;
                if (range && range.start > 0) {
                    // A later shard: the first object (the prefix) named the columns; its rows follow it.
                    this.pos = found.next;
                    this.line = range.line;
                }
                return this.writer.columns;
            }
            if (window.final) {
                throw new UserInputError('empty file: expected one JSON object per line', { file: this.file });
            }
            await window.advance(this.pos, this.line);
            this.pos = 0;
        }
    }
    /**
     * Streams the objects as batches of `batchSize` rows.
     *
     * @throws UserInputError for invalid JSON, a line that is not an object, a key that is not a
     *   column, invalid UTF-8, or a truncated gzip file
     */
    async *rows() {
        const writer = this.writer;
        const builder = new BatchBuilder(writer.columns.length, this.options.batchSize);
        const window = this.window;
        for (;;) {
            const data = window.data;
            let found;
            while ((found = this.nextLine(data, window.final)) !== null) {
                const problem = writer.write(this.parseLine(data, found.start, found.end), builder);
                if (problem !== null) {
                    const at = problem.kind === 'too-deep' ? tooDeepAt(data.toString('utf8', found.start, found.end)) : -1;
                    throw new UserInputError(writer.explain(problem, `line ${this.firstLine}`), {
                        file: this.file,
                        line: this.line,
                        column: at < 0 ? undefined : at + 1
                    });
                }
                const full = builder.commit(this.line);
                this.line++;
                this.pos = found.next;
                if (full)
                    yield builder.take();
            }
            if (window.final)
                break;
            await window.advance(this.pos, this.line);
            this.pos = 0;
        }
        if (builder.size > 0)
            yield builder.take();
    }
    async close() {
        await this.window.close();
    }
    /**
     * Finds the next non-blank line from `pos`, skipping (and counting) blank ones; `line` is then
     * its number. Null when no complete line is left in `data`.
     */
    nextLine(data, final) {
        while (this.pos < data.length) {
            const start = this.pos;
            let next = data.indexOf(LF, start);
            if (next < 0) {
                if (!final)
                    return null;
                next = data.length;
            }
            else {
                next++;
            }
            let end = next;
            while (end > start && isSpace(data[end - 1]))
                end--;
            if (end > start)
                return { start, end, next };
            this.pos = next;
            this.line++;
        }
        return null;
    }
    /** Parses one line as a JSON object. */
    parseLine(data, start, end) {
        let value;
        try {
            value = JSON.parse(data.toString('utf8', start, end));
        }
        catch (error) {
            const { reason, position } = jsonSyntaxError(error);
            throw new UserInputError(`invalid JSON (${reason}): expected one JSON object per line`, {
                file: this.file,
                line: this.line,
                column: position === null ? undefined : position + 1
            });
        }
        if (!isJsonObject(value)) {
            throw new UserInputError(`found ${describeJson(value)}: expected one JSON object per line`, {
                file: this.file,
                line: this.line
            });
        }
        return value;
    }
}
function isSpace(byte) {
    return byte === SPACE || byte === TAB || byte === CR || byte === LF;
}

/**
 * Reads the header and returns a `Table` whose `batches()` continues the same pass over the file
 * (so pipes work, and the header is not read twice). The file stays open until the rows are
 * iterated to the end (or the iteration stops early), or the header fails.
 */
async function tableFrom(file, format, reader) {
    let columns;
    try {
        columns = await reader.readHeader();
    }
    catch (error) {
        await reader.close();
        throw error;
    }
    let iterated = false;
    return {
        file,
        format,
        gzip: reader.gzip,
        unit: format === 'csv' || format === 'jsonl' ? 'line' : 'row',
        columns,
        batches() {
            if (iterated)
                throw new Error(`${file}: a table can be iterated once; open it again to read it again`);
            iterated = true;
            return rowsThenClose(reader);
        },
        close: () => reader.close()
    };
}
async function* rowsThenClose(reader) {
    try {
        yield* reader.rows();
    }
    finally {
        await reader.close();
    }
}

/**
 * Opening a tabular file: CSV, JSON Lines, JSON array or Parquet, optionally gzipped.
 */
/** Extensions (after removing `.gz`) and the format each one means. */
const FORMAT_BY_EXTENSION = {
    '.csv': 'csv',
    '.tsv': 'csv',
    '.txt': 'csv',
    '.psv': 'csv',
    '.jsonl': 'jsonl',
    '.ndjson': 'jsonl',
    '.json': 'json',
    '.parquet': 'parquet',
    '.pq': 'parquet'
};
/** Extensions that name the delimiter; other CSV files have it detected from the header. */
const DELIMITER_BY_EXTENSION = { '.tsv': '\t', '.psv': '|' };
const FORMATS = ['csv', 'jsonl', 'json', 'parquet'];
/**
 * Opens a table file and reads its header; the rows are then streamed by `table.batches()`.
 *
 * Format: from the extension once a final `.gz` is removed — `.csv` `.tsv` `.txt` `.psv` (CSV),
 * `.jsonl` `.ndjson` (JSON Lines), `.json` (a JSON array of objects), `.parquet` `.pq` —
 * unless `options.format` says otherwise. Gzip: any file that starts with the gzip magic bytes
 * is decompressed while it is read, whatever its name.
 *
 * Defaults: the CSV delimiter is detected from the header line (`.tsv` means tab, `.psv` means
 * `|`); missing tokens `DEFAULT_MISSING_TOKENS` (`'' NA N/A null NaN`); batches of
 * `DEFAULT_BATCH_SIZE` (8192) rows. How each cell is typed: `value-parser.ts`; the rules of
 * each format: `csv.ts`, `jsonl.ts`, `json-array.ts`, `parquet.ts`.
 *
 * Memory: CSV, JSON Lines and Parquet are streamed (one chunk or one row group, plus one
 * batch); a JSON array is parsed whole (use JSON Lines for big files).
 *
 * @param file path, used as given in every message
 * @param options format, delimiter, missing tokens, batch size
 * @param source how bytes are read (tests use tiny chunks)
 * @returns the open table: its columns are known, its rows can be iterated once
 * @throws UserInputError for an unknown extension or invalid option, a missing file, or a
 *   header that cannot be read (empty file, duplicate column names, not Parquet, ...). Rows are
 *   checked as they stream: `batches()` throws `UserInputError`s that name the line.
 *
 * @example
 * const table = await openTable('data/train.csv.gz')
 * table.columns // ['id', 'Status', 'Seniority', ...]
 * for await (const batch of table.batches()) {
 *   for (let i = 0; i < batch.size; i++) batch.columns[0].values[i] // with batch.lines[i]
 * }
 */
async function openTable(file, options = {}, source = {}) {
    const extension = extensionOf(file);
    const format = options.format ?? detectFormat(file, extension);
    if (!FORMATS.includes(format)) {
        throw new UserInputError(`unknown format "${format}": expected one of ${FORMATS.join(', ')}`, { file });
    }
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new UserInputError(`batch size ${batchSize}: expected a positive integer`, { file });
    }
    const parser = new ValueParser(options.missing ?? DEFAULT_MISSING_TOKENS);
    const reader = await readerFor(file, format, { ...options, batchSize }, parser, extension, source);
    return tableFrom(file, format, reader);
}
async function readerFor(file, format, options, parser, extension, source) {
    const { batchSize } = options;
    const range = options.part?.bytes ?? null;
    const bytes = () => range === null ? openByteSource(file, source) : openRangeSource(file, range, source);
    switch (format) {
        case 'csv': {
            const delimiter = options.delimiter ?? DELIMITER_BY_EXTENSION[extension] ?? null;
            if (delimiter !== null && !CSV_DELIMITERS.includes(delimiter)) {
                throw new UserInputError(`delimiter ${JSON.stringify(delimiter)}: expected one of "," ";" "|" or a tab ("\\t")`, { file });
            }
            return new CsvReader(file, await bytes(), { delimiter, parser, batchSize, source, range });
        }
        case 'jsonl':
            return new JsonLinesReader(file, await bytes(), { parser, batchSize, source, range });
        case 'json':
            return new JsonArrayReader(file, await openByteSource(file, source), { parser, batchSize });
        case 'parquet': {
            // hyparquet and its codecs are loaded for Parquet files only, not parsed at every start.
            const { ParquetReader } = await import('./parquet.js');
            return new ParquetReader(file, { parser, batchSize });
        }
    }
}
/** The extension that names the format: `.csv` for `data.CSV.gz`. */
function extensionOf(file) {
    const name = file.toLowerCase().replace(/\.gz$/, '');
    return extname(name);
}
function detectFormat(file, extension) {
    const format = FORMAT_BY_EXTENSION[extension];
    if (format === undefined) {
        const known = Object.keys(FORMAT_BY_EXTENSION).join(' ');
        const found = extension === '' ? 'no file extension' : `unknown file extension "${extension}"`;
        throw new UserInputError(`${found}: expected one of ${known} (optionally followed by .gz), or give the format explicitly`, { file });
    }
    return format;
}

/**
 * "Did you mean" for names a user types: config keys, metric names, commands, columns.
 */
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = new Array(rows * cols);
    for (let i = 0; i < rows; i++)
        d[i * cols] = i;
    for (let j = 0; j < cols; j++)
        d[j] = j;
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
            }
            d[i * cols + j] = best;
        }
    }
    return d[rows * cols - 1];
}
/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third of
 * the word's length in edits (at least 1, at most 3). Ties go to the first candidate. Case is ignored.
 *
 * @example closest('min_suport', ['min_support', 'columns']) // 'min_support'
 */
function closest(word, candidates) {
    const target = word.toLowerCase();
    const limit = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(target, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
/** ` (did you mean 'x'?)` or an empty string. */
function didYouMean(word, candidates) {
    const match = closest(word, candidates);
    return match === undefined ? '' : ` (did you mean '${match}'?)`;
}

/**
 * The numbers a predictions file may hold, so that every metric of a valid file is finite.
 *
 * Why bounds rather than rescaling: the accumulators stream, so the scale of the weights is not
 * known until the last row. Their sums multiply up to four totals of weights (MCC's denominator,
 * the (Σw)² of ROC AUC and of Kish's effective size) and regression keeps Σw·e². With weights in
 * [1e-50, 1e50] and regression values within ±1e100, each of those stays inside float64's normal
 * range (about 2.2e-308 to 1.8e308) for any number of rows up to 2^53: (2^53·1e50)^4 ≈ 7e263,
 * 2^53·1e50·(2e100)² ≈ 4e266, (1e-50)^4 = 1e-200. Inside these bounds weights are scale-free:
 * multiplying them all by a constant changes no metric beyond rounding (test/metrics/input-range).
 */
/** The largest sample weight. */
const MAX_WEIGHT = 1e50;
/** The smallest positive sample weight (0 is allowed: the row counts for nothing). */
const MIN_POSITIVE_WEIGHT = 1e-50;
/** The largest magnitude of a regression label or prediction. */
const MAX_REGRESSION_MAGNITUDE = 1e100;
/** `weight` (finite, checked before) is 0 or within [MIN_POSITIVE_WEIGHT, MAX_WEIGHT]. */
function isWeightInRange(weight) {
    return weight === 0 || (weight >= MIN_POSITIVE_WEIGHT && weight <= MAX_WEIGHT);
}
/** What a weight must be, in the words of error messages. */
const WEIGHT_RANGE_TEXT = '0 or a number in [1e-50, 1e50]';
/** What a regression value must be, in the words of error messages. */
const REGRESSION_RANGE_TEXT = 'a number in [-1e100, 1e100]';

/**
 * Which segments the rows of a block belong to, so that rows can be added segment by segment.
 *
 * Why: every row lands in several segment accumulators (`all` and one per family), and each adds it
 * to one of its 1024 bootstrap buckets (128 KiB of sums per segment). Adding row by row visits the
 * buckets of every segment in turn, so nearly every add misses the cache once there are more than
 * a few segments. Adding a block's rows one segment at a time keeps that segment's buckets in cache,
 * and still adds each segment's rows in file order: the same sums, bit for bit.
 */
class RowBlock {
    perRow;
    capacity;
    /** Rows staged in the block. */
    size = 0;
    /** Row r's segments: `ordinals[r·perRow + slot]`, one slot per family (and one for `all`). */
    ordinals;
    /** One slot's row indices grouped by segment (filled by `drain`). */
    members;
    counts = new Uint32Array(0);
    /**
     * @param largestOrdinal an upper bound of the ordinals: 16 bits a slot when it fits
     * @param allocate where the ordinals live (shared memory when a worker thread stages the rows)
     */
    constructor(perRow, capacity, largestOrdinal = 0xffffffff, allocate = privateArrays) {
        this.perRow = perRow;
        this.capacity = capacity;
        this.ordinals =
            largestOrdinal <= 0xffff
                ? allocate(Uint16Array, perRow * capacity)
                : allocate(Uint32Array, perRow * capacity);
        this.members = new Uint32Array(capacity);
    }
    get full() {
        return this.size === this.capacity;
    }
    /** Row `row` belongs to the segment numbered `ordinal` through family slot `slot`. */
    assign(row, slot, ordinal) {
        this.ordinals[row * this.perRow + slot] = ordinal;
    }
    /** The staged rows' segment ordinals, row after row (a view, valid until the next drain). */
    slots() {
        return this.ordinals.subarray(0, this.size * this.perRow);
    }
    /**
     * Calls `visit(ordinal, rows)` for each segment with rows in the block, slot by slot and by
     * ordinal within a slot, with the segment's row indices ascending (a counting sort per slot);
     * then empties the block.
     */
    drain(segmentCount, visit) {
        if (this.counts.length < segmentCount + 1)
            this.counts = new Uint32Array(2 * segmentCount + 1);
        const next = this.counts;
        const { ordinals, members, perRow, size } = this;
        for (let slot = 0; slot < perRow; slot++) {
            next.fill(0, 0, segmentCount + 1);
            for (let k = slot; k < size * perRow; k += perRow)
                next[ordinals[k] + 1]++;
            for (let s = 0; s < segmentCount; s++)
                next[s + 1] += next[s];
            // next[s] is now where segment s's rows start; it advances as they are placed.
            for (let row = 0, k = slot; row < size; row++, k += perRow)
                members[next[ordinals[k]]++] = row;
            // next[s] is now where segment s's rows end, which is where segment s + 1's start.
            for (let s = 0, start = 0; s < segmentCount; s++) {
                const end = next[s];
                if (end > start)
                    visit(s, members.subarray(start, end));
                start = end;
            }
        }
        this.size = 0;
    }
}

/** Integers below this are bits (see `NumberSet`); a page holds 2^PAGE_SHIFT of them. */
const BITMAP_LIMIT = 2 ** 27;
const PAGE_SHIFT = 19;
const PAGE_MASK = (1 << PAGE_SHIFT) - 1;
const PAGE_WORDS = (1 << PAGE_SHIFT) / 32;
/**
 * An exact set of numbers with the semantics of `Set<number>` (SameValueZero: −0 is 0, NaN is one
 * value), for the `unique` check.
 *
 * Why not a `Set`: a `Set` of 10 million ids costs about 1 GB (a boxed number or a key string per
 * entry, plus the table), and every insert allocates. Here the numbers sit in one Float64Array,
 * an open-addressing table (linear probing, at most 3/4 full): 8 to 16 bytes per number, no
 * allocation per insert. An empty slot holds NaN, so NaN itself is kept in a flag.
 *
 * Integers in [0, 2^27), the usual row ids, are bits of a bitmap instead, allocated 64 KiB (2^19
 * integers) at a time as they are used: at most 16 MB, 1.25 MB for ids 1 to 10 million, and a run
 * of ids touches memory in order where the table is touched at random (a cache miss per id once
 * the table outgrows the caches: 3 s for 10 million ids).
 *
 * @example
 * const seen = new NumberSet()
 * seen.add(1) // true: new
 * seen.add(1) // false: already there
 * seen.add(-0) && seen.add(0) // true, then false
 */
class NumberSet {
    slots = new Float64Array(16).fill(NaN);
    /** Numbers in the table and in the bitmap. */
    count = 0;
    hasNaN = false;
    pages = [];
    /** Numbers in the table. */
    used = 0;
    /** Distinct numbers added. */
    get size() {
        return this.count + (this.hasNaN ? 1 : 0);
    }
    /** Adds `value`; true if it was absent, false if the set already had it. */
    add(value) {
        if (value >= 0 && value < BITMAP_LIMIT && Number.isInteger(value)) {
            const page = (this.pages[value >>> PAGE_SHIFT] ??= new Int32Array(PAGE_WORDS));
            const word = (value & PAGE_MASK) >>> 5;
            const bit = 1 << (value & 31);
            if ((page[word] & bit) !== 0)
                return false;
            page[word] |= bit;
            this.count++;
            return true;
        }
        if (value !== value) {
            if (this.hasNaN)
                return false;
            this.hasNaN = true;
            return true;
        }
        // Not 0 (nor −0): that is in the bitmap.
        const key = value;
        const slots = this.slots;
        const mask = slots.length - 1;
        let i = hashFloat64(key) & mask;
        for (;;) {
            const slot = slots[i];
            if (slot === key)
                return false;
            if (slot !== slot)
                break;
            i = (i + 1) & mask;
        }
        slots[i] = key;
        this.count++;
        if (4 * ++this.used > 3 * slots.length)
            this.grow();
        return true;
    }
    has(value) {
        if (value >= 0 && value < BITMAP_LIMIT && Number.isInteger(value)) {
            const page = this.pages[value >>> PAGE_SHIFT];
            return page !== undefined && (page[(value & PAGE_MASK) >>> 5] & (1 << (value & 31))) !== 0;
        }
        if (value !== value)
            return this.hasNaN;
        const key = value;
        const slots = this.slots;
        const mask = slots.length - 1;
        for (let i = hashFloat64(key) & mask;; i = (i + 1) & mask) {
            const slot = slots[i];
            if (slot === key)
                return true;
            if (slot !== slot)
                return false;
        }
    }
    grow() {
        const old = this.slots;
        const slots = new Float64Array(2 * old.length).fill(NaN);
        const mask = slots.length - 1;
        for (let j = 0; j < old.length; j++) {
            const key = old[j];
            if (key !== key)
                continue;
            let i = hashFloat64(key) & mask;
            while (slots[i] === slots[i])
                i = (i + 1) & mask;
            slots[i] = key;
        }
        this.slots = slots;
    }
}

/**
 * The ids of one predictions file (`model.id`), checked as the rows are staged: each id at most
 * once, and a fingerprint of the (id, label) pairs, so that two files can be told to hold the same
 * rows with the same labels without a second pass over either.
 *
 * Why ids must be distinct: a row's id keys its bootstrap resamples (`poisson-bootstrap.ts`), so
 * rows sharing an id are resampled together, which narrows no interval honestly (n copies of a
 * row collapse an interval towards a point), and a repeated id cannot be matched with one row of
 * the other model's file.
 */
/**
 * Distinct ids. Numbers sit in a `NumberSet` (a paged bitmap for the usual integer ids: about
 * 1.25 MB for ids 1 to 10 million, no allocation per row), text in a `Set`.
 */
class IdSet {
    numbers = new NumberSet();
    texts = new Set();
    /** Adds `id`; false when the set already had it. */
    add(id) {
        if (typeof id === 'number')
            return this.numbers.add(id);
        const text = typeof id === 'string' ? id : String(id);
        const size = this.texts.size;
        return this.texts.add(text).size > size;
    }
    has(id) {
        return typeof id === 'number' ? this.numbers.has(id) : this.texts.has(String(id));
    }
    get size() {
        return this.numbers.size + this.texts.size;
    }
}
/**
 * An order-independent fingerprint of the (id, label) pairs of a file: a `RowDigest` of
 * `fmix32(rowHash ^ labelHash)` per row. Two files with the same ids (equal row digests) and equal
 * label digests have the same label for every id (up to a 2⁻⁶⁴ accident).
 *
 * Labels are hashed by value: a regression label by its float bits; a classification label by its
 * text (`1` read as a number and `"1"` read as text are the same label, as the binary task's
 * positive label treats them), computed once per distinct value.
 */
class LabelDigest {
    numeric;
    digest = new RowDigest();
    texts = new Map();
    constructor(numeric) {
        this.numeric = numeric;
    }
    /** Adds a row: its `rowHash(seed, rowKey)` and its label's raw value. */
    add(rowHash, label) {
        this.digest.add(fmix32(rowHash ^ this.labelHash(label)));
    }
    labelHash(label) {
        if (this.numeric && typeof label === 'number')
            return hashFloat64(label === 0 ? 0 : label);
        let hash = this.texts.get(label);
        if (hash === undefined) {
            hash = rowKeyOf(String(label)) >>> 0;
            if (this.texts.size < 10_000)
                this.texts.set(label, hash);
        }
        return hash;
    }
    toState() {
        return this.digest.toState();
    }
}

/**
 * Reading a predictions file into blocks of staged rows: each row checked, decoded into typed
 * arrays (`BinaryRows`, `MulticlassRows`, `RegressionRows`) and assigned its segments (`RowBlock`).
 * This is the half of `evaluatePredictions` that reads; the other half adds the blocks up. The two
 * halves share nothing but the blocks and the segments announced along the way, so this one can
 * run on a worker thread (`staging-thread.ts`) while the main thread adds the previous block.
 */
/**
 * Segments one family (a column, a binned column or a cross) may have. Each segment's accumulator
 * holds about 130 KB of bootstrap buckets, so 1,000 segments cost about 130 MB; a column with
 * 10,000 values would need 1.3 GB and is almost always an id or free text by mistake.
 */
const MAX_SEGMENTS_PER_FAMILY = 1000;
/**
 * An empty block for the plan; `allocate` says where its arrays live. Built the same way on both
 * sides of a thread, so both see the same arrays (see `block-memory.ts`).
 */
function stagedBlock(plan, columns, allocate = privateArrays) {
    const families = segmentFamilies(plan.settings.segments).length;
    const capacity = plan.blockRows;
    const block = new RowBlock(families + 1, capacity, families * MAX_SEGMENTS_PER_FAMILY, allocate);
    const task = plan.settings.model.task;
    const rows = task === 'binary'
        ? new BinaryRows(capacity, allocate)
        : task === 'multiclass'
            ? new MulticlassRows(capacity, plan.classes.length, columns.probabilities.length > 0, allocate)
            : new RegressionRows(capacity, allocate);
    return { block, rows };
}
/**
 * Reads every row of `table`, stages it into `first` (then into the blocks `sink.full` returns) and
 * announces each new segment to `sink` before handing over a block with its rows. With `only`
 * (ids), the rows whose id is not in it are checked but not staged.
 *
 * @throws UserInputError for a row whose label, score, prediction, weight, id or binned value
 *   cannot be used (weights and regression values out of `input-range.ts`' bounds too), at that
 *   row's line; for an id seen before (naming both lines); for a family with more than 1,000
 *   segments; for a file without rows or without a positive weight
 */
async function stageRows(table, plan, columns, first, sink, only = null) {
    const { settings } = plan;
    const model = settings.model;
    const families = segmentFamilies(settings.segments);
    const familyColumns = families.map((f) => f.parts.map((p) => table.columns.indexOf(p.column)));
    const totals = { weight: 0 };
    const decode = rowDecoder(table.file, model, columns, plan.classes, settings.bootstrap.seed, totals);
    const ordinals = new Map();
    let segmentCount = 1; // `all`
    // A one-column family's segment is a function of the row's value: looked up by the value itself,
    // skipping the label, key and Map of `segmentOf` for every row (a binned column's cache is capped:
    // its values may all differ).
    const byValue = families.map((f) => (f.parts.length === 1 ? new Map() : null));
    const familySizes = new Array(families.length).fill(0);
    let staged = first;
    // The first blocks are smaller (1/8, 1/4, 1/2 of a block), so that the rows can start being added
    // while the rest are still read: a worker thread's first block arrives in 1/8 of the time.
    let limit = Math.max(1, first.block.capacity >> 3);
    let rows = 0;
    let skipped = 0;
    const ids = columns.id < 0 ? null : new IdSet();
    const labels = columns.id < 0 ? null : new LabelDigest(model.task === 'regression');
    const seed = settings.bootstrap.seed;
    // A shard's rows keep the keys they have in a single run (`partition.ts`).
    const rowBase = plan.read.part?.rowBase ?? 0;
    // A byte range may hold no rows, or only rows of weight 0: the merge of the shards judges that.
    const whole = (plan.read.part?.bytes ?? null) === null;
    // The batch's values of each one-column family's column.
    const familyValues = new Array(families.length);
    for await (const batch of table.batches()) {
        for (let f = 0; f < families.length; f++)
            familyValues[f] = batch.columns[familyColumns[f][0]].values;
        const idValues = ids === null ? null : batch.columns[columns.id].values;
        const labelValues = batch.columns[columns.label].values;
        for (let i = 0; i < batch.size; i++) {
            let rowKey = rowBase + rows + i;
            if (idValues !== null) {
                const id = idValues[i];
                if (id === null) {
                    throw new UserInputError(`the id column '${model.id}' is empty; every row needs an id`, {
                        file: table.file,
                        line: batch.lines[i]
                    });
                }
                rowKey = idKey(id);
                if (!ids.add(id))
                    await repeatedId(plan, columns.id, id, batch.lines[i]);
                if (only !== null && !only.has(id)) {
                    skipped++;
                    continue;
                }
                labels.add(rowHash(seed, rowKey), labelValues[i]);
            }
            const block = staged.block;
            const r = block.size;
            block.assign(r, 0, 0);
            for (let f = 0; f < families.length; f++) {
                const cache = byValue[f];
                let ordinal;
                if (cache === null) {
                    ordinal = segmentOf(families, f, familyColumns[f], batch, i);
                }
                else {
                    const value = familyValues[f][i];
                    ordinal = cache.get(value);
                    if (ordinal === undefined) {
                        ordinal = segmentOf(families, f, familyColumns[f], batch, i);
                        if (cache.size < VALUE_CACHE_LIMIT)
                            cache.set(value, ordinal);
                    }
                }
                block.assign(r, f + 1, ordinal);
            }
            decode(batch, i, rowKey, r, staged.rows);
            block.size++;
            if (block.size === limit) {
                staged = await sink.full(staged);
                limit = Math.min(2 * limit, staged.block.capacity);
            }
        }
        rows += batch.size;
    }
    // Nothing to evaluate is bad input, not a run whose every gate has no evidence.
    if (rows === 0 && whole)
        throw new UserInputError('no rows to evaluate: expected at least one row of predictions', {
            file: table.file
        });
    if (columns.weight >= 0 && totals.weight === 0 && whole) {
        throw new UserInputError(`every row's weight '${model.weight}' is 0: there is nothing to evaluate; expected at least one positive weight`, { file: table.file });
    }
    await sink.full(staged);
    return { rows: rows - skipped, labels: labels?.toState() ?? null };
    /** The ordinal of row i's segment in family f, announced at its first row. */
    function segmentOf(all, f, cols, batch, i) {
        const parts = all[f].parts;
        const labels = new Array(parts.length);
        for (let p = 0; p < parts.length; p++) {
            const value = batch.columns[cols[p]].values[i];
            const label = parts[p].label(value);
            if (label === undefined) {
                throw new UserInputError(`column '${parts[p].column}' is binned, so it must hold numbers; found ${JSON.stringify(value)}`, { file: table.file, line: batch.lines[i] });
            }
            labels[p] = label;
        }
        const key = segmentKey(labels);
        let ordinal = ordinals.get(key);
        if (ordinal === undefined) {
            if (++familySizes[f] > MAX_SEGMENTS_PER_FAMILY) {
                throw new UserInputError(`segments of '${all[f].name}': more than ${MAX_SEGMENTS_PER_FAMILY} distinct segments (this row brings ` +
                    `${JSON.stringify(key)}); each segment keeps its own metrics (about 130 KB), so a column of ids or ` +
                    'free text cannot be a segment. Segment by a column with fewer values, or bin a numeric one (`bins`)', { file: table.file, line: batch.lines[i] });
            }
            ordinal = segmentCount++;
            ordinals.set(key, ordinal);
            sink.segment({ key, family: f, labels });
        }
        return ordinal;
    }
}
/** Distinct values remembered per one-column segment family (see `byValue`). */
const VALUE_CACHE_LIMIT = 10_000;
/**
 * Where the settings' columns are in the table.
 * @throws UserInputError for a missing column, with the closest name
 */
function resolveColumns(table, settings) {
    const { model } = settings;
    const find = (column, role, required) => {
        if (column === undefined) {
            if (required)
                throw new UserInputError(`the ${model.task} task needs ${role}`);
            return -1;
        }
        const index = table.columns.indexOf(column);
        if (index < 0) {
            throw new UserInputError(`${role} '${column}' is not a column of ${table.file}${didYouMean(column, table.columns)}; ` +
                `its columns are ${table.columns.join(', ')}`, { file: table.file, line: 1 });
        }
        return index;
    };
    for (const column of segmentColumns(settings.segments))
        find(column, 'the segment column', true);
    const prefix = model.score_prefix;
    const probabilities = [];
    const probabilityClasses = [];
    if (model.task === 'multiclass') {
        table.columns.forEach((name, index) => {
            if (name.startsWith(prefix) && name.length > prefix.length) {
                probabilities.push(index);
                probabilityClasses.push(name.slice(prefix.length));
            }
        });
        if (probabilities.length === 0 && model.prediction === undefined) {
            throw new UserInputError(`no probability columns named '${prefix}<class>' and no prediction column in ${table.file}; ` +
                `set the score prefix or the prediction column`, { file: table.file, line: 1 });
        }
    }
    return {
        label: find(model.label, 'the label column', true),
        score: model.task === 'binary'
            ? find(model.score, 'a score column (the probability of the positive class)', true)
            : -1,
        prediction: model.task === 'regression'
            ? find(model.prediction, 'a prediction column', true)
            : model.task === 'multiclass'
                ? find(model.prediction, 'the prediction column', false)
                : -1,
        weight: find(model.weight, 'the weight column', false),
        id: find(model.id, 'the id column', false),
        probabilities,
        probabilityClasses
    };
}
function idKey(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? value
        : rowKeyOf(String(value));
}
/**
 * Throws for `id`, seen again at line `again`, naming the line it was first seen at: found by
 * reading the file again from the start, so that the rows' pass keeps no line per id.
 */
async function repeatedId(plan, column, id, again) {
    const table = await openTable(plan.file, plan.read);
    let first;
    try {
        search: for await (const batch of table.batches()) {
            const values = batch.columns[column].values;
            for (let i = 0; i < batch.size; i++) {
                if (values[i] === id) {
                    first = batch.lines[i];
                    break search;
                }
            }
        }
    }
    finally {
        await table.close();
    }
    throw new UserInputError(`the id column '${plan.settings.model.id}' repeats the id ${JSON.stringify(id)}, first seen at line ${first}; ` +
        'every row needs a distinct id (rows sharing an id cannot be matched one to one with the other ' +
        "model's rows, and would be resampled together, narrowing every interval)", { file: table.file, line: again });
}
/**
 * Checks each row's label, score or prediction and weight. Every problem is a `UserInputError` at
 * the row's line that says what was expected.
 */
function rowDecoder(file, model, columns, classes, seed, totals) {
    const fail = (batch, i, message) => {
        throw new UserInputError(message, { file, line: batch.lines[i] });
    };
    const number = (batch, i, column, name, what) => {
        const value = batch.columns[column].values[i];
        if (typeof value !== 'number' || !Number.isFinite(value)) {
            fail(batch, i, `${name} '${model[name]}' must be ${what}; found ${describe(value)}`);
        }
        return value;
    };
    const regressionValue = (batch, i, column, name) => {
        const v = number(batch, i, column, name, REGRESSION_RANGE_TEXT);
        if (!(Math.abs(v) <= MAX_REGRESSION_MAGNITUDE)) {
            fail(batch, i, `${name} '${model[name]}' must be ${REGRESSION_RANGE_TEXT}; found ${v}`);
        }
        return v;
    };
    const weightOf = (batch, i) => {
        if (columns.weight < 0)
            return 1;
        const w = number(batch, i, columns.weight, 'weight', WEIGHT_RANGE_TEXT);
        if (!isWeightInRange(w))
            fail(batch, i, `weight '${model.weight}' must be ${WEIGHT_RANGE_TEXT}; found ${w}`);
        totals.weight += w;
        return w;
    };
    const labelText = (batch, i) => {
        const value = batch.columns[columns.label].values[i];
        if (value === null)
            fail(batch, i, `label '${model.label}' is missing; every row needs a label`);
        return String(value);
    };
    if (model.task === 'binary') {
        const positive = String(model.positive);
        let negative;
        // The 0/1 label of each raw value seen (at most two: a third fails), so that the text of a
        // label is built and checked once per distinct value, not once per row.
        const labels = new Map();
        return (batch, i, rowKey, r, rows) => {
            let label = labels.get(batch.columns[columns.label].values[i]);
            if (label === undefined) {
                label = binaryLabel(batch, i);
                labels.set(batch.columns[columns.label].values[i], label);
            }
            const score = number(batch, i, columns.score, 'score', 'a probability in [0, 1]');
            if (score < 0 || score > 1)
                fail(batch, i, `score '${model.score}' must be a probability in [0, 1]; found ${score}`);
            rows.set(r, label, score, rowHash(seed, rowKey), weightOf(batch, i));
        };
        function binaryLabel(batch, i) {
            const text = labelText(batch, i);
            if (text !== positive) {
                negative ??= text;
                if (text !== negative) {
                    fail(batch, i, `label '${model.label}' has a third value ${JSON.stringify(text)}; a binary task expects two: ` +
                        `the positive label ${JSON.stringify(positive)} and one other (seen: ${JSON.stringify(negative)}). ` +
                        `Set the positive label, or use the multiclass task`);
                }
            }
            return text === positive ? 1 : 0;
        }
    }
    if (model.task === 'multiclass') {
        const index = new Map(classes.map((c, k) => [c, k]));
        const probabilities = new Float64Array(columns.probabilities.length);
        const hasProbabilities = columns.probabilities.length > 0;
        const classOf = (batch, i, text, role) => {
            const k = index.get(text);
            if (k === undefined) {
                fail(batch, i, `${role} ${JSON.stringify(text)} is not one of the classes ${classes.join(', ')}`);
            }
            return k;
        };
        return (batch, i, rowKey, r, rows) => {
            const label = classOf(batch, i, labelText(batch, i), `label '${model.label}'`);
            let prediction = null;
            if (columns.prediction >= 0) {
                const value = batch.columns[columns.prediction].values[i];
                if (value === null)
                    fail(batch, i, `prediction '${model.prediction}' is missing`);
                prediction = classOf(batch, i, String(value), `prediction '${model.prediction}'`);
            }
            for (let k = 0; k < columns.probabilities.length; k++) {
                const p = batch.columns[columns.probabilities[k]].values[i];
                if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
                    fail(batch, i, `'${model.score_prefix}${classes[k]}' must be a probability in [0, 1]; found ${describe(p)}`);
                }
                probabilities[k] = p;
            }
            const staged = rows;
            staged.set(r, label, prediction, hasProbabilities ? probabilities : null, rowKey, weightOf(batch, i));
        };
    }
    return (batch, i, rowKey, r, rows) => {
        const y = regressionValue(batch, i, columns.label, 'label');
        const prediction = regressionValue(batch, i, columns.prediction, 'prediction');
        rows.set(r, y, prediction, rowKey, weightOf(batch, i));
    };
}
function describe(value) {
    return value === null ? 'a missing value' : JSON.stringify(value);
}

/**
 * Where the rows of a predictions file are read and staged (`row-stager.ts`): on a worker thread
 * when the file is big, so that reading block k + 1 overlaps adding block k up on the main thread.
 * Reading is about half of an evaluation's time on a large file, and a GitHub runner has 2 cores.
 *
 * The two threads share BLOCKS blocks in shared memory (`block-memory.ts`). The worker fills a free
 * block and posts its number with the segments met since the last one; the main thread adds the
 * block up and posts the number back. Each block is added in file order and each segment gets its
 * rows in file order, so the results are those of reading on one thread, bit for bit.
 *
 * After reading, the reading worker is ended (its heap holds the reader's garbage) and a fresh one
 * takes work the main thread would do next: the bootstrap replicate sums (`SpareThread`), while the
 * main thread sorts the scores.
 */
/** A worker's side: the work its `workerData` names. */
async function serveThread(data) {
    if (data.role === 'stage')
        return serveStaging(data.plan, data.buffers);
    const port = parentPort;
    port.on('message', (message) => {
        if (message.type !== 'combine')
            return;
        const replicates = message.sums.map((sums) => combineBuckets(sums, message.width, message.bootstrap));
        port.postMessage({ type: 'combined', replicates }, replicates.map((r) => r.buffer));
    });
}
/** Reads the file into the shared blocks as the main thread frees them. */
async function serveStaging(plan, buffers) {
    const port = parentPort;
    const free = [];
    let wake = null;
    port.on('message', (message) => {
        if (message.type !== 'free')
            return;
        free.push(message.block);
        wake?.();
        wake = null;
    });
    try {
        const table = await openTable(plan.file, plan.read);
        const columns = resolveColumns(table, plan.settings);
        const blocks = buffers.map((shared) => stagedBlock(plan, columns, attachedArrays(shared)));
        for (const block of blocks.keys())
            free.push(block);
        let segments = [];
        const next = async () => {
            while (free.length === 0)
                await new Promise((resolve) => (wake = resolve));
            return blocks[free.shift()];
        };
        const read = await stageRows(table, plan, columns, await next(), {
            segment: (segment) => segments.push(segment),
            full: (staged) => {
                const message = {
                    type: 'block',
                    block: blocks.indexOf(staged),
                    size: staged.block.size,
                    segments
                };
                port.postMessage(message);
                segments = [];
                // The main thread empties its own view of the block; this one must start again at row 0.
                staged.block.size = 0;
                return next();
            }
        });
        port.postMessage({ type: 'done', ...read });
    }
    catch (error) {
        port.postMessage((error instanceof UserInputError
            ? { type: 'failed', message: error.message, location: error.location }
            : {
                type: 'crashed',
                message: error instanceof Error ? error.message : String(error),
                stack: error instanceof Error ? error.stack : undefined
            }));
    }
    finally {
        port.close();
    }
}

var stagingThread = /*#__PURE__*/Object.freeze({
    __proto__: null,
    serveThread: serveThread
});

export { MAX_JSON_DEPTH as M, stagingThread as s };
