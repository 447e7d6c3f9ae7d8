import { createReadStream } from 'node:fs';
import { stat, open } from 'node:fs/promises';
import { U as UserInputError } from './suggest.js';
import { t as tableFormatOf, i as isGzipFile, f as fileError, c as csvDelimiter } from './open.js';

/**
 * Shards: `--shard K/N` names the part of the input that one of N jobs reads.
 *
 * - Several files (a glob or a list): shard K reads the files at positions K, K + N, K + 2N, … of
 *   the sorted list (1-based), whole. Any format, gzip included.
 * - One CSV or JSON Lines file: shard K reads the bytes from boundary K − 1 to boundary K, where
 *   boundary k is the first record start at or after byte ⌊k·size/N⌋ (a CSV record whose line ends
 *   the previous record is not blank, so that blank lines travel with the record after them, as a
 *   single run sees them). The shard finds its boundaries by scanning the bytes before its end for
 *   line breaks outside quotes (a quote opens a field only at its start, as `csv-tokenizer.ts`
 *   reads it), which also gives the line its first record is on and the records before it: every
 *   failure names the line a single run names, and every row keeps the bootstrap key it has there.
 *   Gzip data, Parquet and JSON arrays cannot be split by bytes: give them as several files.
 *
 * A row's key without an id column is its position: `fileIndex · 2³² + its 0-based row in the file`,
 * so that the shards of a list of files and a single run over the list key every row alike.
 */
/** At most this many shards: a GitHub Actions matrix has at most 256 jobs; room for more. */
const MAX_SHARDS = 10_000;
/** The key of row 0 of the file at `index` of the sorted list. */
const FILE_KEY_STRIDE = 2 ** 32;
/** Files in one list: keys stay safe integers (2²¹ · 2³² = 2⁵³). */
const MAX_FILES = 2 ** 21;
/**
 * Parses `K/N` (1 ≤ K ≤ N ≤ 10,000).
 * @param where how the message names the option: `--shard` or `input 'shard'`
 * @throws UserInputError saying what was expected
 */
function parseShard(text, where) {
    const match = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
    const index = match ? Number(match[1]) : NaN;
    const count = match ? Number(match[2]) : NaN;
    if (!(index >= 1 && count >= index && count <= MAX_SHARDS)) {
        throw new UserInputError(`${where} ${JSON.stringify(text)}: expected K/N with 1 <= K <= N <= ${MAX_SHARDS}, ` +
            'e.g. 2/8 for the second of 8 shards');
    }
    return { index, count };
}
function pieceRange(bytes) {
    return { start: bytes.start, end: bytes.end, line: bytes.line };
}
/**
 * The files of `files` (sorted, as `expandGlob` returns them) that shard K of N reads: positions
 * K − 1, K − 1 + N, … (0-based). A shard may get none when there are fewer files than shards.
 */
function shardFiles(files, shard) {
    // Before any file is read, and in a shard that gets none, as in the shards that read them.
    checkListLength(files.length);
    const out = [];
    for (let i = shard.index - 1; i < files.length; i += shard.count)
        out.push({ file: files[i], index: i });
    return out;
}
/**
 * The part the whole file at `index` of a list of `count` is: only its row keys move.
 * @throws UserInputError for a list of more than MAX_FILES, whose keys would pass 2⁵³
 */
function wholeFilePart(index, count) {
    checkListLength(count);
    return { rowBase: index * FILE_KEY_STRIDE, bytes: null };
}
function checkListLength(count) {
    if (count > MAX_FILES)
        throw new UserInputError(`${count} files: expected at most ${MAX_FILES} in one list`);
}
/**
 * The byte range shard K of N reads in one CSV or JSON Lines file (see the module comment).
 * @throws UserInputError for gzip data, Parquet or a JSON array (split by file instead), or an
 *   unreadable file
 */
async function byteShard(file, shard, read = {}) {
    const { format, delimiter } = tableFormatOf(file, read);
    if (format !== 'csv' && format !== 'jsonl') {
        throw new UserInputError(`a ${format === 'json' ? 'JSON array' : 'Parquet'} file cannot be split into byte ranges: ` +
            'expected a CSV or JSON Lines file, or several files (a glob or a list), which shards split by file', { file });
    }
    if (await isGzipFile(file)) {
        throw new UserInputError('gzip data cannot be split into byte ranges (a shard would have to decompress everything before ' +
            'its part): expected an uncompressed file, or several files (a glob or a list), which shards split by file', { file });
    }
    let size;
    try {
        size = (await stat(file)).size;
    }
    catch (error) {
        throw fileError(file, error);
    }
    const targets = [shard.index - 1, shard.index].map((k) => Math.floor((k * size) / shard.count));
    const scanner = new RecordScanner(format, format === 'csv' ? await delimiterOf(file, delimiter) : '');
    const [first, last] = await scanner.boundaries(file, targets, size);
    const jsonFirst = format === 'jsonl' && shard.index === 1;
    const bytes = {
        prefix: jsonFirst ? 0 : scanner.headerEnd,
        start: jsonFirst ? 0 : first.offset,
        end: last.offset,
        line: jsonFirst ? 1 : first.line
    };
    // The scanner reads a JSON Lines file's first line as a CSV header, so its count of the records
    // before the first shard's start is one too many: the first shard's rows start at key 0.
    const rowBase = jsonFirst ? 0 : first.rows;
    return { part: { rowBase, bytes }, size, scanned: scanner.scanned };
}
/** The delimiter given (by the options or the extension), else the one the reader detects. */
async function delimiterOf(file, given) {
    if (given !== null)
        return given;
    const handle = await open(file, 'r');
    try {
        const head = Buffer.alloc(1 << 20);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        return csvDelimiter(head.subarray(0, bytesRead));
    }
    finally {
        await handle.close();
    }
}
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
/** Reads a file from its start, record by record, until it has found the boundaries asked for. */
class RecordScanner {
    format;
    /** Where the header ends (CSV: its record; JSON Lines: the first object's line); -1 until found. */
    headerEnd = -1;
    scanned = 0;
    delimiter;
    constructor(format, delimiter) {
        this.format = format;
        this.delimiter = delimiter === '' ? -1 : delimiter.charCodeAt(0);
    }
    /** The boundary at or after each target (ascending), scanning no further than the last. */
    async boundaries(file, targets, size) {
        const found = [];
        const csv = this.format === 'csv';
        const delimiter = this.delimiter;
        let quoted = false;
        let closed = false; // just after a closing quote: a second quote is an escaped one
        let fieldStart = true;
        let blank = true; // the current line has only whitespace (JSON Lines) / nothing (CSV) so far
        let line = 1;
        let rows = 0;
        let offset = 0;
        const atBoundary = (at, previousBlank) => {
            while (found.length < targets.length && at >= targets[found.length] && !(csv && previousBlank)) {
                found.push({ offset: at, line, rows });
            }
        };
        const stream = createReadStream(file, { highWaterMark: 1 << 20 });
        try {
            for await (const chunk of stream) {
                for (let i = 0; i < chunk.length; i++) {
                    const c = chunk[i];
                    if (c === LF) {
                        line++;
                        if (quoted)
                            continue;
                        const at = offset + i + 1;
                        fieldStart = true;
                        closed = false;
                        if (this.headerEnd < 0) {
                            if (csv || !blank) {
                                this.headerEnd = at;
                                if (!csv)
                                    rows = 1;
                                atBoundary(at, false);
                            }
                        }
                        else {
                            if (csv || !blank)
                                rows++;
                            atBoundary(at, blank);
                        }
                        blank = true;
                        continue;
                    }
                    if (!csv) {
                        if (c !== SPACE && c !== TAB && c !== CR)
                            blank = false;
                        continue;
                    }
                    if (c !== CR)
                        blank = false;
                    if (quoted) {
                        if (c === QUOTE) {
                            quoted = false;
                            closed = true;
                        }
                        continue;
                    }
                    if (c === QUOTE && (fieldStart || closed)) {
                        quoted = true;
                        closed = false;
                        fieldStart = false;
                        continue;
                    }
                    closed = false;
                    fieldStart = c === delimiter;
                }
                offset += chunk.length;
                if (found.length === targets.length)
                    break;
            }
        }
        catch (error) {
            throw fileError(file, error);
        }
        finally {
            stream.destroy();
        }
        this.scanned = Math.min(offset, size);
        if (this.headerEnd < 0)
            this.headerEnd = size;
        while (found.length < targets.length)
            found.push({ offset: size, line, rows });
        return found;
    }
}

export { pieceRange as a, byteShard as b, parseShard as p, shardFiles as s, wholeFilePart as w };
