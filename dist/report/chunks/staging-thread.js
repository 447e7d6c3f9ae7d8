import { parentPort } from 'node:worker_threads';
import { K as Kind, U as UserInputError, B as BatchBuilder, c as countLines, g as gzipError, f as fileError, a as firstInvalidUtf8, I as INVALID_UTF8, l as locate, T as TextWindow, D as DEFAULT_BATCH_SIZE, V as ValueParser, b as DEFAULT_MISSING_TOKENS, o as openByteSource, C as CSV_DELIMITERS, d as CsvReader, h as hashFloat64, e as fmix32 } from './value-parser.js';
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
    switch (format) {
        case 'csv': {
            const delimiter = options.delimiter ?? DELIMITER_BY_EXTENSION[extension] ?? null;
            if (delimiter !== null && !CSV_DELIMITERS.includes(delimiter)) {
                throw new UserInputError(`delimiter ${JSON.stringify(delimiter)}: expected one of "," ";" "|" or a tab ("\\t")`, { file });
            }
            return new CsvReader(file, await openByteSource(file, source), { delimiter, parser, batchSize, source });
        }
        case 'jsonl':
            return new JsonLinesReader(file, await openByteSource(file, source), { parser, batchSize, source });
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

/** The characters a name or value is escaped for, and their escapes. */
const ESCAPES = { '%': '%25', '&': '%26', '=': '%3D', '"': '%22' };
const SPECIAL = /[%&="]/g;
/** A column name or a value's text as it is written in keys (see the grammar above). */
function escapeKeyText(text) {
    if (text === '')
        return '""';
    return text.replace(SPECIAL, (c) => ESCAPES[c]);
}
/** The key of a segment of a family, from its parts' labels (`Home=rent`, `Job=partime`). */
function segmentKey(labels) {
    return labels.length === 1 ? labels[0] : labels.join('&');
}
class ValuePart {
    column;
    cache = new Map();
    name;
    constructor(column) {
        this.column = column;
        this.name = escapeKeyText(column);
    }
    label(value) {
        let label = this.cache.get(value);
        if (label === undefined) {
            label = `${this.name}=${value === null ? '' : escapeKeyText(String(value))}`;
            this.cache.set(value, label);
        }
        return label;
    }
    rank() {
        return 0;
    }
}
class BinPart {
    column;
    edges;
    labels;
    missing;
    constructor(column, edges) {
        this.column = column;
        this.edges = edges;
        const e = edges;
        const name = escapeKeyText(column);
        this.labels = [
            `${name}=(-inf,${e[0]})`,
            ...e.slice(1).map((hi, i) => `${name}=[${e[i]},${hi})`),
            `${name}=[${e[e.length - 1]},inf)`
        ];
        this.missing = `${name}=`;
    }
    label(value) {
        if (value === null)
            return this.missing;
        if (typeof value !== 'number')
            return undefined;
        // Binary search for the first edge greater than the value: bins are left-closed.
        let lo = 0;
        let hi = this.edges.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.edges[mid] <= value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return this.labels[lo];
    }
    rank(label) {
        // The missing value ranks first, like the empty value of a value column.
        return label === this.missing ? -1 : this.labels.indexOf(label);
    }
}
/**
 * The families of a spec, in a stable order: value columns, then binned columns (a column listed
 * in both is binned once), then crosses. A family listed twice (a cross repeated, or a cross of one
 * column) is kept once: its segments would have the same keys, and its rows would count twice.
 */
function segmentFamilies(spec) {
    // Own properties only: a column named `constructor` is not binned by Object.prototype's.
    const part = (column) => Object.hasOwn(spec.bins, column) ? new BinPart(column, spec.bins[column]) : new ValuePart(column);
    const singles = [...new Set([...spec.columns, ...Object.keys(spec.bins)])].map((column) => [column]);
    const families = new Map();
    for (const columns of [...singles, ...spec.cross]) {
        const name = columns.map(escapeKeyText).join('&');
        if (!families.has(name))
            families.set(name, { name, parts: columns.map(part) });
    }
    return [...families.values()];
}
/** Every column a spec reads, each once. */
function segmentColumns(spec) {
    return [...new Set([...spec.columns, ...Object.keys(spec.bins), ...spec.cross.flat()])];
}

/**
 * Where the typed arrays of a block of staged rows live. A block filled by a worker thread and
 * added up by the main thread is shared memory, made once on the main thread (`sharedArrays`) and
 * taken up by the worker in the same order (`attachedArrays`): the two sides construct the same
 * classes, which ask for the same arrays, and pass nothing but the block's number afterwards.
 */
/** Arrays of this thread alone. */
const privateArrays = (Type, length) => new Type(new ArrayBuffer(length * Type.BYTES_PER_ELEMENT));
/** The arrays `sharedArrays` made into `buffers`, asked for in the same order with the same sizes. */
function attachedArrays(buffers) {
    let next = 0;
    return (Type, length) => {
        const buffer = buffers[next++];
        if (buffer === undefined || buffer.byteLength !== length * Type.BYTES_PER_ELEMENT) {
            throw new Error(`shared block arrays: array ${next - 1} does not match (${length} × ${Type.name})`);
        }
        return new Type(buffer);
    };
}

// Generated by `npm run wasm` from replicate-sums.wat; do not edit.
const REPLICATE_SUMS_WASM = 'AGFzbQEAAAABDQFgCX9/f39/f39/fwADAgEABQMBAAEHGwIGbWVtb3J5AgAOc3VtRGVuc2VCbG9ja3MAAAqXBQGUBQILfwt7IAFBA3QhEiAHIANBBXRqIRMCQANAIAkgBU8NASAEIAlBCnRqIQwgByEOIAIhDwJAA0AgDiATTw0BIAwgDygCAGohDSAOIA0tAAC4OQMAIA4gDS0AgAi4OQMIIA4gDS0AgBC4OQMQIA4gDS0AgBi4OQMYIA5BIGohDiAPQQRqIQ8MAAsLIAggCSASbGohEUEAIQoCQANAIAogBk8NAf0MAAAAAAAAAAAAAAAAAAAAACEX/QwAAAAAAAAAAAAAAAAAAAAAIRj9DAAAAAAAAAAAAAAAAAAAAAAhGf0MAAAAAAAAAAAAAAAAAAAAACEa/QwAAAAAAAAAAAAAAAAAAAAAIRv9DAAAAAAAAAAAAAAAAAAAAAAhHP0MAAAAAAAAAAAAAAAAAAAAACEd/QwAAAAAAAAAAAAAAAAAAAAAIR4gACAKQQN0aiEQIAchDiACIQ8CQANAIA4gE08NASAQIA8oAgAgEmxqIQsgC/0ABAAhFSAL/QAEECEWIA79CgMAIRQgFyAUIBX98gH98AEhFyAYIBQgFv3yAf3wASEYIA79CgMIIRQgGSAUIBX98gH98AEhGSAaIBQgFv3yAf3wASEaIA79CgMQIRQgGyAUIBX98gH98AEhGyAcIBQgFv3yAf3wASEcIA79CgMYIRQgHSAUIBX98gH98AEhHSAeIBQgFv3yAf3wASEeIA5BIGohDiAPQQRqIQ8MAAsLIBEgCkEDdGohCyALIBf9CwQAIAsgGP0LBBAgCyASaiELIAsgGf0LBAAgCyAa/QsEECALIBJqIQsgCyAb/QsEACALIBz9CwQQIAsgEmohCyALIB39CwQAIAsgHv0LBBAgCkEEaiEKDAALCyAJQQRqIQkMAAsLCw==';

/**
 * The bootstrap's replicate sums: out[b·width + f] = Σ_j W[b, j]·sums[j·width + f] over the occupied
 * buckets j with W[b, j] ≠ 0, in ascending j: the same additions in the same order as the plain
 * triple loop, so the same bits (test/metrics/combine-buckets.test.ts holds it to that loop).
 *
 * It is the dominant cost of finalize and does not depend on the rows: B·K·width = 16M multiply-adds
 * per binary segment, 1.4G for the benchmark's 86 segments. When every sum is finite, blocks of 4
 * replicates × 4 fields go to a WebAssembly SIMD kernel (replicate-sums.wat): each lane adds its
 * products in bucket order, zero weights included (adding 0·x to a running sum that starts at +0
 * changes no bit in round-to-nearest), about 3x faster than the same blocking in JavaScript. A
 * non-finite sum (0·∞ is NaN), the replicates left over (B mod 4) and the fields left over
 * (width mod 4) take `sparseReplicate`, which skips zero weights.
 *
 * V8 reserves about 10 GB of address space for any WebAssembly memory on 64-bit hosts (guard
 * regions), whatever its size: under `ulimit -v` below that, or when growing the memory fails, the
 * kernel is unavailable and every replicate takes `sparseReplicate`, with the same bits, slower.
 */
/** K of poisson-bootstrap.ts, which lays the weights out as W[b·K + j]; the kernel is written for it. */
const BUCKETS$1 = 1024;
function sumReplicates(sums, width, replicates, weights, occupied) {
    const out = new Float64Array(replicates * width);
    const gathered = { offsets: new Int32Array(occupied.length), counts: new Float64Array(occupied.length) };
    const denseWidth = width - (width % 4);
    let blocked = sums.every(Number.isFinite) ? replicates - (replicates % 4) : 0;
    if (blocked > 0 && denseWidth > 0 && occupied.length > 0) {
        if (!denseBlocks(sums, width, occupied, weights, blocked, denseWidth, out))
            blocked = 0;
    }
    for (let b = 0; b < replicates; b++) {
        const from = b < blocked ? denseWidth : 0;
        if (from < width)
            sparseReplicate(sums, width, b, weights, occupied, from, gathered, out);
    }
    return out;
}
/** The kernel once instantiated; `unavailable` once the address space refused its memory. */
let kernel = null;
function instantiate() {
    const module = new WebAssembly.Module(Buffer.from(REPLICATE_SUMS_WASM, 'base64'));
    let exports;
    try {
        exports = new WebAssembly.Instance(module).exports;
    }
    catch (error) {
        if (error instanceof RangeError)
            return 'unavailable';
        throw error;
    }
    return { memory: exports.memory, sumDenseBlocks: exports.sumDenseBlocks, loaded: null };
}
/**
 * Replicates [0, blocked) × fields [0, denseWidth) of `out`, by the kernel; false (nothing
 * written) when the kernel or the memory it needs cannot be had.
 */
function denseBlocks(sums, width, occupied, weights, blocked, denseWidth, out) {
    const k = (kernel ??= instantiate());
    if (k === 'unavailable')
        return false;
    const n = occupied.length;
    // Memory: weights | sums | occupied | block (4 float64 per bucket) | out, 16-byte aligned.
    const weightBytes = blocked * BUCKETS$1;
    const sumsAt = align(weightBytes);
    const occupiedAt = sumsAt + align(sums.byteLength);
    const blockAt = occupiedAt + align(4 * n);
    const outAt = blockAt + 32 * n;
    const end = outAt + 8 * blocked * width;
    const pages = Math.ceil((end - k.memory.buffer.byteLength) / 65536);
    if (pages > 0) {
        try {
            k.memory.grow(pages);
        }
        catch (error) {
            if (error instanceof RangeError)
                return false;
            throw error;
        }
    }
    const buffer = k.memory.buffer;
    if (k.loaded?.weights !== weights || k.loaded.bytes !== weightBytes) {
        new Uint8Array(buffer, 0, weightBytes).set(weights.subarray(0, weightBytes));
        k.loaded = { weights, bytes: weightBytes };
    }
    new Float64Array(buffer, sumsAt, sums.length).set(sums);
    new Uint32Array(buffer, occupiedAt, n).set(occupied);
    k.sumDenseBlocks(sumsAt, width, occupiedAt, n, 0, blocked, denseWidth, blockAt, outAt);
    // Fields from denseWidth on hold stale values here; `sparseReplicate` overwrites them.
    out.set(new Float64Array(buffer, outAt, blocked * width));
    return true;
}
function align(bytes) {
    return Math.ceil(bytes / 16) * 16;
}
/**
 * Fields `from` … width − 1 of replicate b: the non-zero weights of the replicate are gathered once,
 * then four fields at a time are summed in locals instead of read-modify-writing `out` per bucket.
 * `offsets` and `counts` are scratch space of one entry per occupied bucket.
 */
function sparseReplicate(sums, width, b, weights, occupied, from, { offsets, counts }, out) {
    const row = b * BUCKETS$1;
    const o = b * width;
    let m = 0;
    for (let i = 0; i < occupied.length; i++) {
        const k = weights[row + occupied[i]];
        if (k !== 0) {
            offsets[m] = occupied[i] * width;
            counts[m++] = k;
        }
    }
    let f = from;
    for (; f + 4 <= width; f += 4) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let t = 0; t < m; t++) {
            const s = offsets[t] + f;
            const k = counts[t];
            s0 += k * sums[s];
            s1 += k * sums[s + 1];
            s2 += k * sums[s + 2];
            s3 += k * sums[s + 3];
        }
        out[o + f] = s0;
        out[o + f + 1] = s1;
        out[o + f + 2] = s2;
        out[o + f + 3] = s3;
    }
    for (; f < width; f++) {
        let s0 = 0;
        for (let t = 0; t < m; t++)
            s0 += counts[t] * sums[offsets[t] + f];
        out[o + f] = s0;
    }
}

/**
 * The streaming Poisson bootstrap, over hash buckets of rows (a grouped Poisson bootstrap).
 *
 * The textbook Poisson bootstrap gives each row a multiplicity k ~ Poisson(1) in each of B
 * replicates, which costs B updates per row. Here each row is first assigned to one of K = 1024
 * buckets by a hash of (seed, rowKey), and the multiplicity is drawn per BUCKET: replicate b weighs
 * every row of bucket j by W[b, j] ~ Poisson(1), computed from (seed, j, b) by a counter-based hash.
 * So `add` updates one bucket's sums (O(1), independent of B), and finalize combines the K bucket
 * sums under B weightings (O(B·K), independent of n). This is the streaming Poisson bootstrap of
 * Chamandy et al. (2012, "Estimating uncertainty for massive data streams") applied to random buckets
 * of rows instead of rows, the way online-experimentation platforms resample hash buckets of users.
 *
 *   state  = H1(seed, rowKey)          (murmur3's 32-bit finaliser chained over seed and key)
 *   bucket = top 10 bits of state
 *   u[b,j] = H2(H1(seed, j) + (b + 1)·γ)  (lowbias32, γ = 0x6D2B79F5), a uniform 32-bit integer
 *   W[b,j] = min { k : u < 2³²·P(Poisson(1) ≤ k) }
 *
 * Why it estimates the same thing. Rows are assigned to buckets at random (by the hash), so the
 * buckets are iid random groups of rows, and resampling iid groups is a valid bootstrap of any
 * statistic that is a smooth function of sums (means, ratios, F1, MCC, R², …): the variance of a
 * linearised statistic Σ r_i (Σ r_i = 0) is estimated by Σ_j (Σ_{i∈j} r_i)², whose expectation over
 * the random assignment is (1 − 1/K)·Σ r_i², the row-level estimate. When a segment has fewer rows
 * than buckets, most buckets hold 0 or 1 row and this IS the row-level Poisson bootstrap.
 *
 * The limit. With n ≫ K the variance is estimated from K groups, so it carries a relative error of
 * about √(2/K) (4.4% in the variance, 2.2% in the interval's width at K = 1024). That is the size of
 * the Monte Carlo error of B = 1000 replicates themselves (≈ 1/√(2B) = 2.2% in a standard deviation),
 * which is why K = 1024: more buckets would not make B = 1000 intervals more accurate, and the cost
 * of finalize (B·K·width multiply-adds: 16M for binary, ~15 ms) and the memory of an accumulator
 * (K·width float64: 128 KiB for binary) grow with K. The statistic must also be a function of sums:
 * rank statistics (AUC, average precision, the median) are not; see `hash-sample.ts` for them.
 *
 * Consequences, all tested: a row's bucket and the bucket weights depend on (seed, rowKey, b) only,
 * so `merge` of shards is exact addition of bucket sums, permuting rows changes nothing, the same
 * seed gives the same intervals, and two models scored on the same rows put every row in the same
 * bucket and so share their replicate weights: `pairedDifference` is a paired bootstrap.
 *
 * Intervals are percentile intervals over the B replicate values (quantile rule: `quantileOfSorted`).
 */
/** The number of buckets K (a power of two: the bucket is the top bits of the row hash). */
const BUCKETS = 1024;
/** Wellons' lowbias32: another bijective mixer, so the two stages are unrelated. */
function lowbias32(x) {
    x ^= x >>> 16;
    x = Math.imul(x, 0x7feb352d);
    x ^= x >>> 15;
    x = Math.imul(x, 0x846ca68b);
    return (x ^ (x >>> 16)) >>> 0;
}
const TWO_32 = 4294967296;
/**
 * H1(seed, rowKey): the 32-bit hash of a row, from which its bucket (`bucketOf`) and its rank in the
 * hash sample (`sampleRank`) are derived. `rowKey` is a safe integer (see `rowKeyOf` for text ids).
 */
function rowHash(seed, rowKey) {
    const low = rowKey >>> 0;
    const high = Math.floor(rowKey / TWO_32) >>> 0;
    let h = fmix32(seed ^ 0x9e3779b9);
    h = fmix32(h ^ low);
    return fmix32((h + 0x27d4eb2f) ^ high);
}
/** A second uniform 32-bit value of a row, unrelated to its bucket (a bijective remix of the hash). */
function sampleRank(hash) {
    return lowbias32(hash ^ 0xa5a5a5a5);
}
/** 2³²·P(Poisson(1) ≤ k), k = 0, 1, …; the last threshold is +∞ so the search always stops. */
const POISSON_THRESHOLDS = (() => {
    const thresholds = [];
    const inverseE = 0.36787944117144233; // e⁻¹, written out so no libm rounding can differ
    let term = inverseE;
    let cdf = 0;
    for (let k = 0; k < 20; k++) {
        cdf += term;
        thresholds.push(Math.floor(cdf * TWO_32));
        term /= k + 1;
    }
    thresholds.push(Infinity);
    return Float64Array.from(thresholds);
})();
/**
 * Writes the Poisson(1) weights of `bucket` in replicates 0 … out.length − 1 into `out`.
 *
 * @example poissonCounts(42, 7, new Uint8Array(1000)) // the same 1000 weights on every call
 */
function poissonCounts(seed, bucket, out) {
    const state = rowHash(seed, bucket);
    for (let b = 0; b < out.length; b++) {
        const u = lowbias32((state + Math.imul(b + 1, 0x6d2b79f5)) | 0);
        let k = 0;
        while (u >= POISSON_THRESHOLDS[k])
            k++;
        out[b] = k;
    }
}
const weightCache = new Map();
/**
 * The B × K bucket weights W[b·K + j] of a seed: computed once (B·K hashes) and kept, since every
 * accumulator of a run (every segment, candidate and baseline) shares them. 1 MB at B = 1000.
 */
function bucketWeights(settings) {
    const key = `${settings.seed}/${settings.replicates}`;
    let weights = weightCache.get(key);
    if (!weights) {
        const b = settings.replicates;
        weights = new Uint8Array(b * BUCKETS);
        const column = new Uint8Array(b);
        for (let j = 0; j < BUCKETS; j++) {
            poissonCounts(settings.seed, j, column);
            for (let r = 0; r < b; r++)
                weights[r * BUCKETS + j] = column[r];
        }
        if (weightCache.size >= 4)
            weightCache.delete(weightCache.keys().next().value);
        weightCache.set(key, weights);
    }
    return weights;
}
/** The buckets holding any non-zero sum (an empty bucket contributes nothing to any replicate). */
function occupiedBuckets(sums, width) {
    const occupied = [];
    for (let j = 0; j < BUCKETS; j++) {
        for (let f = 0; f < width; f++) {
            if (sums[j * width + f] !== 0) {
                occupied.push(j);
                break;
            }
        }
    }
    return Uint32Array.from(occupied);
}
/**
 * The replicate statistics: replicate b at `[b·width, (b+1)·width)` combines the buckets under the
 * weights W[b, ·]. `sums` holds BUCKETS blocks of `width`. By default the statistics are sums, so
 * replicate b is Σ_j W[b, j]·(sums of bucket j) (`sumReplicates`, the B·K·width hot spot);
 * statistics that do not add up (a mean and a spread) pass how to add k copies of a bucket.
 */
function combineBuckets(sums, width, settings, addScaled = null) {
    const replicates = settings.replicates;
    const weights = bucketWeights(settings);
    const occupied = occupiedBuckets(sums, width);
    if (!addScaled)
        return sumReplicates(sums, width, replicates, weights, occupied);
    const out = new Float64Array(replicates * width);
    for (let b = 0; b < replicates; b++) {
        const row = b * BUCKETS;
        const o = b * width;
        for (let i = 0; i < occupied.length; i++) {
            const j = occupied[i];
            const k = weights[row + j];
            if (k !== 0)
                addScaled(out, o, sums, j * width, k);
        }
    }
    return out;
}
/**
 * A 53-bit row key for a text id (cyrb53 hash), for ids that are not integers, e.g. `'A-0042'`.
 * Collisions are possible (about n²/2⁵⁴) and only make two rows share their bootstrap bucket.
 */
function rowKeyOf(text) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0) * 2097152 + ((h1 >>> 0) >>> 11);
}
/**
 * An order-independent fingerprint of the rows an accumulator has seen: two sums modulo 2³² of two
 * hashes of each row, plus the row count. Equal fingerprints of two accumulators with the same seed
 * mean "the same rows" (up to a 2⁻⁶⁴ accident); `pairedDifference` relies on it.
 */
class RowDigest {
    rows = 0;
    first = 0;
    second = 0;
    /** Adds a row by its `rowHash(seed, rowKey)`, which the accumulator has computed anyway. */
    add(hash) {
        this.rows++;
        this.first = (this.first + hash) >>> 0;
        this.second = (this.second + lowbias32(hash ^ 0x5eed5eed)) >>> 0;
    }
    merge(other) {
        this.rows += other.rows;
        this.first = (this.first + other.first) >>> 0;
        this.second = (this.second + other.second) >>> 0;
    }
    equals(other) {
        return this.rows === other.rows && this.first === other.first && this.second === other.second;
    }
    toState() {
        return { rows: this.rows, first: this.first, second: this.second };
    }
    static fromState(state) {
        const digest = new RowDigest();
        for (const field of ['rows', 'first', 'second']) {
            const value = state?.[field];
            if (!Number.isSafeInteger(value) || value < 0 || (field !== 'rows' && value >= TWO_32)) {
                throw new Error(`invalid metric state: digest.${field} must be an unsigned integer, got ${value}`);
            }
        }
        digest.rows = state.rows;
        digest.first = state.first;
        digest.second = state.second;
        return digest;
    }
}

/**
 * The serialized state of an accumulator, for sharding across jobs: each job writes the state of its
 * shard, one job restores and merges them, and the merge equals the whole (see `merge`).
 *
 * A state is a plain JSON object `{ "schema": "ml-gate/metric-state@1", "task", …options, …arrays }`.
 * Arrays of numbers are base64 of the typed arrays' little-endian bytes rather than JSON arrays:
 * every float64 round-trips bit for bit (JSON would turn −0 into 0 and cannot hold ±Infinity or NaN),
 * the text is about half the size of decimal numbers (10.7 characters per float64), and decoding
 * 1M scores is one `Buffer` copy instead of parsing 1M numbers.
 *
 * Loading validates everything it reads and throws a plain `Error` naming the field and what was
 * expected; the caller, which knows the file, turns it into a user error.
 */
if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
    throw new Error('ml-gate metric states are little-endian; this platform is big-endian');
}

/**
 * What every metric means: the single source of truth that gates, reports and the config validator
 * read, so that a gate can never compare the wrong way and every failure can state its formula.
 *
 * Names follow scikit-learn and the oracle files (`roc_auc`, `macro_f1`, `median_ae`). Per-class
 * multiclass metrics are written `precision[Adelie]`: the metric, then the class name in square
 * brackets, exactly as it appears in the data. `describeMetric` resolves them to their template.
 */
/** The metrics whose support is not `rows` (see `Support`). */
const OWN_SUPPORT = {
    precision: 'predicted_positives',
    recall: 'positives',
    f1: 'positive_or_predicted',
    specificity: 'negatives',
    balanced_accuracy: 'smaller_class',
    mcc: 'smaller_class',
    roc_auc: 'smaller_class',
    average_precision: 'smaller_class',
    'precision[<class>]': 'class_predicted',
    'recall[<class>]': 'class_rows',
    'f1[<class>]': 'class_or_predicted'
};
const ONE_CLASS = 'null when y_true holds only one class';
const ZERO_DIVISION = 'zero_division=0: 0 when the denominator is 0 (as scikit-learn)';
function metric(name, title, tasks, direction, range, formula, undefinedWhen, interval) {
    const support = OWN_SUPPORT[name] ?? 'rows';
    return { name, title, tasks, direction, range, formula, undefinedWhen, interval, support };
}
const ALL = ['binary', 'multiclass', 'regression'];
const BINARY = ['binary'];
const MULTICLASS = ['multiclass'];
const CLASSIFICATION = ['binary', 'multiclass'];
const REGRESSION = ['regression'];
const UNIT = [0, 1];
const COUNT = [0, Infinity];
/** Every metric, in the order results are reported. Weighted sums use the sample weights `w`. */
const METRICS = [
    metric('n', 'Rows', ALL, 'none', COUNT, 'n = number of rows (unweighted)', 'never', 'none'),
    metric('positives', 'Positives', BINARY, 'none', COUNT, 'positives = Σ w·y', 'never', 'none'),
    metric('tp', 'True positives', BINARY, 'none', COUNT, 'TP = Σ w·[y = 1 ∧ ŷ = 1]', 'never', 'none'),
    metric('fp', 'False positives', BINARY, 'none', COUNT, 'FP = Σ w·[y = 0 ∧ ŷ = 1]', 'never', 'none'),
    metric('tn', 'True negatives', BINARY, 'none', COUNT, 'TN = Σ w·[y = 0 ∧ ŷ = 0]', 'never', 'none'),
    metric('fn', 'False negatives', BINARY, 'none', COUNT, 'FN = Σ w·[y = 1 ∧ ŷ = 0]', 'never', 'none'),
    metric('accuracy', 'Accuracy', CLASSIFICATION, 'higher', UNIT, 'accuracy = Σ w·[ŷ = y] / Σ w', 'null when there are no rows', 'wilson'),
    metric('precision', 'Precision', BINARY, 'higher', UNIT, 'precision = TP / (TP + FP), ŷ = [score ≥ threshold]', ZERO_DIVISION + ' (no predicted positives)', 'wilson'),
    metric('recall', 'Recall', BINARY, 'higher', UNIT, 'recall = TP / (TP + FN)', ZERO_DIVISION + ' (no positives)', 'wilson'),
    metric('f1', 'F1', BINARY, 'higher', UNIT, 'f1 = 2·precision·recall / (precision + recall)', ZERO_DIVISION + ' (precision + recall = 0)', 'bootstrap'),
    metric('specificity', 'Specificity', BINARY, 'higher', UNIT, 'specificity = TN / (TN + FP)', 'null when there are no negatives', 'wilson'),
    metric('balanced_accuracy', 'Balanced accuracy', BINARY, 'higher', UNIT, 'balanced_accuracy = (recall + specificity) / 2', ONE_CLASS, 'bootstrap'),
    metric('mcc', 'Matthews correlation', BINARY, 'higher', [-1, 1], 'mcc = (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN))', '0 when the denominator is 0 (as scikit-learn)', 'bootstrap'),
    metric('positive_rate', 'Positive rate', BINARY, 'none', UNIT, 'positive_rate = (TP + FP) / Σ w', 'null when there are no rows', 'wilson'),
    metric('brier', 'Brier score', BINARY, 'lower', UNIT, 'brier = Σ w·(score − y)² / Σ w', 'null when there are no rows or a score lies outside [0, 1]', 'bootstrap'),
    metric('roc_auc', 'ROC AUC', BINARY, 'higher', UNIT, 'roc_auc = Σ_{y_i=1, y_j=0} w_i·w_j·([s_i > s_j] + ½[s_i = s_j]) / (Σ_{y=1} w · Σ_{y=0} w)', ONE_CLASS, 'delong'),
    metric('average_precision', 'Average precision', BINARY, 'higher', UNIT, 'average_precision = Σ_k (R_k − R_{k−1})·P_k over distinct score thresholds, descending (step-wise, not trapezoid)', ONE_CLASS, 'bootstrap-or-logit'),
    metric('log_loss', 'Log loss', CLASSIFICATION, 'lower', [0, Infinity], 'log_loss = −Σ w·log(p̃_y) / Σ w, p̃ = clip(p, ε, 1 − ε) / Σ_k clip(p_k, ε, 1 − ε), ε = 2.220446049250313e-16', 'binary: ' +
        ONE_CLASS +
        ' (scikit-learn refuses it) or a score lies outside [0, 1]; ' +
        'multiclass: null when rows came without probabilities', 'bootstrap'),
    metric('ece', 'Expected calibration error', BINARY, 'lower', UNIT, 'ece = Σ_b |Σ_{i∈b} w_i·(y_i − score_i)| / Σ w, bin b = min(⌊10·score⌋, 9): [0, 0.1), …, [0.9, 1]', 'null when there are no rows or a score lies outside [0, 1]', 'bootstrap'),
    ...['precision', 'recall', 'f1'].flatMap((base) => averaged(base)),
    metric('precision[<class>]', 'Precision of one class', MULTICLASS, 'higher', UNIT, 'precision[c] = TP_c / (TP_c + FP_c)', ZERO_DIVISION + ' (class never predicted)', 'wilson'),
    metric('recall[<class>]', 'Recall of one class', MULTICLASS, 'higher', UNIT, 'recall[c] = TP_c / (TP_c + FN_c)', ZERO_DIVISION + ' (class absent from y_true)', 'wilson'),
    metric('f1[<class>]', 'F1 of one class', MULTICLASS, 'higher', UNIT, 'f1[c] = 2·precision[c]·recall[c] / (precision[c] + recall[c])', ZERO_DIVISION, 'bootstrap'),
    metric('mae', 'Mean absolute error', REGRESSION, 'lower', [0, Infinity], 'mae = Σ w·|y − ŷ| / Σ w', 'null when there are no rows', 'bootstrap'),
    metric('rmse', 'Root mean squared error', REGRESSION, 'lower', [0, Infinity], 'rmse = √(Σ w·(y − ŷ)² / Σ w)', 'null when there are no rows', 'bootstrap'),
    metric('r2', 'R²', REGRESSION, 'higher', [-Infinity, 1], 'r2 = 1 − SS_res / SS_tot, SS_res = Σ w·(y − ŷ)², SS_tot = Σ w·(y − ȳ_w)²', 'null with fewer than 2 rows or when y is constant (SS_tot = 0; scikit-learn would print 0 or 1)', 'bootstrap'),
    metric('mape', 'Mean absolute percentage error', REGRESSION, 'lower', [0, Infinity], 'mape = Σ w·|y − ŷ| / max(|y|, ε) / Σ w, ε = 2.220446049250313e-16 (a fraction, not a percent)', 'null when there are no rows', 'bootstrap'),
    metric('median_ae', 'Median absolute error', REGRESSION, 'lower', [0, Infinity], 'median_ae = median |y − ŷ|: the ordinary median when all weights are equal, otherwise the ' +
        'weighted lower median (smallest error whose cumulative weight reaches half the total), as scikit-learn', 'null when there are no rows', 'bootstrap-or-order-statistic')
];
/** macro_, micro_ and weighted_ averages of a per-class metric, as scikit-learn's `average=`. */
function averaged(base) {
    const perClass = `${base}[c]`;
    return [
        metric(`macro_${base}`, `Macro ${base}`, MULTICLASS, 'higher', UNIT, `macro_${base} = mean over all declared classes c of ${perClass} (absent classes count, as 0)`, 'null when there are no rows', 'bootstrap'),
        metric(`micro_${base}`, `Micro ${base}`, MULTICLASS, 'higher', UNIT, base === 'f1'
            ? 'micro_f1 = 2·micro_precision·micro_recall / (micro_precision + micro_recall) (= accuracy)'
            : `micro_${base} = Σ_c TP_c / Σ_c (TP_c + ${base === 'precision' ? 'FP_c' : 'FN_c'}) (= accuracy)`, 'null when there are no rows', 'wilson'),
        metric(`weighted_${base}`, `Weighted ${base}`, MULTICLASS, 'higher', UNIT, `weighted_${base} = Σ_c support_c·${perClass} / Σ_c support_c, support_c = Σ w·[y = c]`, 'null when there are no rows', 'bootstrap')
    ];
}
new Map(METRICS.map((info) => [info.name, info]));

/**
 * Binary classification metrics from (label, score) rows, in one streaming pass, mergeable.
 *
 * Threshold metrics (accuracy … positive_rate) come from the weighted confusion counts; brier,
 * log_loss and ece from running sums; roc_auc and average_precision from the stored scores, sorted
 * once at finalize. Definitions follow scikit-learn 1.2 (see `catalog.ts`).
 */
/** log_loss clipping, as scikit-learn 1.2's `eps='auto'`: float64 machine epsilon. */
const LOG_LOSS_EPS = 2.220446049250313e-16;
const ECE_BINS = 10;
const ECE = 6; // ECE_BINS sums of w·(y − score), one per bin
/**
 * Binary rows decoded once for every segment accumulator they are added to (see `row-block.ts`):
 * the arguments of `addHashed`, one typed array each.
 */
class BinaryRows {
    label;
    score;
    hash;
    weight;
    loss;
    /** What every segment would compute again: the ECE bin's field and the hash sample rank. */
    bin;
    rank;
    constructor(capacity, allocate = privateArrays) {
        this.label = allocate(Uint8Array, capacity);
        this.score = allocate(Float64Array, capacity);
        this.hash = allocate(Uint32Array, capacity);
        this.weight = allocate(Float64Array, capacity);
        this.loss = allocate(Float64Array, capacity);
        this.bin = allocate(Uint8Array, capacity);
        this.rank = allocate(Uint32Array, capacity);
    }
    /** Row `r`: as `addHashed(label, score, hash, weight)`, its log loss computed here. */
    set(r, label, score, hash, weight) {
        this.label[r] = label;
        this.score[r] = score;
        this.hash[r] = hash;
        this.weight[r] = weight;
        this.loss[r] = binaryLogLoss(label, score);
        this.bin[r] = eceBin(score);
        this.rank[r] = sampleRank(hash);
    }
}
/** scikit-learn 1.2's per-row log loss: probabilities [1 − p, p] clipped to [ε, 1 − ε], renormalised. */
function binaryLogLoss(label, score) {
    const positive = Math.min(Math.max(score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    const negative = Math.min(Math.max(1 - score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    return -Math.log((label === 1 ? positive : negative) / (positive + negative));
}
/** The field of the ECE bin of a score: 10 equal-width bins over [0, 1], the ends included. */
function eceBin(score) {
    return ECE + Math.max(0, Math.min(Math.floor(score * ECE_BINS), ECE_BINS - 1));
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
 * Multiclass classification metrics from (true class, predicted class, probabilities) rows, in one
 * streaming pass, mergeable. Every average runs over all declared classes, present or not, as
 * scikit-learn does when given `labels=classes` (a class absent from a segment counts as 0).
 */
/**
 * Multiclass rows decoded once for every segment accumulator they are added to: `add`'s arguments,
 * a prediction of -1 standing for `null` and row r's probabilities at `[r·K, (r + 1)·K)`.
 */
class MulticlassRows {
    classes;
    label;
    prediction;
    probabilities;
    rowKey;
    weight;
    constructor(capacity, classes, withProbabilities, allocate = privateArrays) {
        this.classes = classes;
        this.label = allocate(Int32Array, capacity);
        this.prediction = allocate(Int32Array, capacity);
        this.probabilities = withProbabilities ? allocate(Float64Array, capacity * classes) : null;
        this.rowKey = allocate(Float64Array, capacity);
        this.weight = allocate(Float64Array, capacity);
    }
    set(r, label, prediction, probabilities, rowKey, weight) {
        this.label[r] = label;
        this.prediction[r] = prediction ?? -1;
        if (this.probabilities && probabilities) {
            for (let c = 0; c < this.classes; c++)
                this.probabilities[r * this.classes + c] = probabilities[c];
        }
        this.rowKey[r] = rowKey;
        this.weight[r] = weight;
    }
}

/**
 * Regression metrics from (y, prediction) rows, in one streaming pass, mergeable.
 *
 * mae, rmse, mape and r2 come from running sums (the mean and spread of y by West's weighted
 * update, so r2 stays exact when y is large and nearly constant), kept also per bootstrap bucket;
 * median_ae from the stored absolute errors, sorted once at finalize.
 */
/** Regression rows decoded once for every segment accumulator they are added to: `add`'s arguments. */
class RegressionRows {
    y;
    prediction;
    rowKey;
    weight;
    constructor(capacity, allocate = privateArrays) {
        this.y = allocate(Float64Array, capacity);
        this.prediction = allocate(Float64Array, capacity);
        this.rowKey = allocate(Float64Array, capacity);
        this.weight = allocate(Float64Array, capacity);
    }
    set(r, y, prediction, rowKey, weight) {
        this.y[r] = y;
        this.prediction[r] = prediction;
        this.rowKey[r] = rowKey;
        this.weight[r] = weight;
    }
}

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
    // The batch's values of each one-column family's column.
    const familyValues = new Array(families.length);
    for await (const batch of table.batches()) {
        for (let f = 0; f < families.length; f++)
            familyValues[f] = batch.columns[familyColumns[f][0]].values;
        const idValues = ids === null ? null : batch.columns[columns.id].values;
        const labelValues = batch.columns[columns.label].values;
        for (let i = 0; i < batch.size; i++) {
            let rowKey = rows + i;
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
    if (rows === 0)
        throw new UserInputError('no rows to evaluate: expected at least one row of predictions', {
            file: table.file
        });
    if (columns.weight >= 0 && totals.weight === 0) {
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
