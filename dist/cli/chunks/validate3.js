import { basename, extname, join } from 'node:path';
import { l as loadContract, f as failsUnder, D as DataValidation } from './validate2.js';
import { E as ExitCode, U as UserInputError } from './suggest.js';
import { i as inputFiles } from './glob.js';
import { o as openTable } from './open.js';
import { w as wholeFilePart } from './partition.js';
import { c as writeDocument } from './write-output.js';

/**
 * The validate step: data files against a contract, and drift against a reference. Shared by
 * `ml-gate validate`, the validate-data action and `ml-gate run`. The checks themselves are pure
 * (src/contract/validate.ts); this step opens the files and streams them through.
 */
/**
 * Validates the data (a file, or a glob of files validated as one table in sorted order) against a
 * contract and, with a reference (a file or a glob), measures drift, in one pass over each file (see
 * `DataValidation`). Several files are validated one at a time, each with its rows keyed by its
 * position in the list (`wholeFilePart`), and merged in order: `unique` holds across them, and the
 * shards of the list (`validateShardStep`) merge into the same document.
 *
 * @throws UserInputError when the data lacks a required contract column (at the contract's line),
 *   for a file without the first file's columns, and for any unreadable row of either input
 */
async function validateFile(request) {
    const files = await filesOf(request.data, request.globs);
    const measuresDrift = request.reference !== undefined;
    let validation;
    let input;
    if (files.length === 1) {
        const table = await openTable(files[0], request.read);
        validation = new DataValidation(request.contract, table, measuresDrift, request.seed);
        await stream(table, 0, (batch, firstRow) => validation.add(batch, firstRow));
    }
    else {
        const first = await headerOf(files[0], request.read);
        validation = new DataValidation(request.contract, first, measuresDrift, request.seed, true);
        const rows = [];
        for (const [index, file] of files.entries()) {
            const piece = await validatePiece(file, wholeFilePart(index, files.length), first, request);
            validation.merge(piece, file);
            rows.push({ file, rows: piece.rows });
        }
        input = { file: request.data, files: rows };
    }
    let reference = null;
    if (request.reference !== undefined) {
        const referenceFiles = await filesOf(request.reference, request.globs);
        const first = await headerOf(referenceFiles[0], request.read);
        const sample = validation.reference(first.columns);
        for (const [index, file] of referenceFiles.entries()) {
            const part = wholeFilePart(index, referenceFiles.length);
            if (index === 0)
                await referencePiece(file, part, first, request.read, sample);
            else {
                const piece = validation.reference(first.columns);
                sample.merge((await referencePiece(file, part, first, request.read, piece)).drift);
            }
        }
        reference = { file: request.reference, sample };
    }
    return validation.document(reference, driftRequest(request), request.failOn, input);
}
/** The files `input` names: with `globs` the files of a glob (sorted), else the file itself. */
async function filesOf(input, globs) {
    return globs === true ? inputFiles(input) : [input];
}
/** The settings of a request that drift is measured with. */
function driftRequest(request) {
    return { method: request.driftMethod, settings: request.drift, correction: request.driftCorrection };
}
/** The header of `file` (only its first record is read). */
async function headerOf(file, read) {
    const table = await openTable(file, read);
    await table.close();
    return { file: table.file, format: table.format, unit: table.unit, columns: table.columns };
}
/** @throws UserInputError naming the file, unless its columns are the first file's */
function sameColumns(table, first) {
    const same = table.columns.length === first.columns.length && table.columns.every((c, i) => c === first.columns[i]);
    if (same)
        return;
    throw new UserInputError(`its columns are ${table.columns.join(', ')}: expected the columns of ${first.file}, ` +
        `the first file of the input: ${first.columns.join(', ')}`, { file: table.file });
}
/**
 * One piece of the data (a whole file of a list, or a byte range of one file): its checks and drift
 * samples, each row keyed `part.rowBase` + its row in the piece.
 */
async function validatePiece(file, part, first, request) {
    const table = await openTable(file, { ...request.read, part });
    sameColumns(table, first);
    const piece = new DataValidation(request.contract, table, request.reference !== undefined, request.seed, true);
    await stream(table, part.rowBase, (batch, firstRow) => piece.add(batch, firstRow));
    return piece.state();
}
/** One piece of the reference, into `sample` (made by `DataValidation.reference`); its state. */
async function referencePiece(file, part, first, read, sample) {
    const table = await openTable(file, { ...read, part });
    sameColumns(table, first);
    const rows = await stream(table, part.rowBase, (batch, firstRow) => sample.add(batch, firstRow));
    return { rows, drift: sample.state() };
}
/** Streams the table's batches, the first row keyed `rowBase`; the rows read. */
async function stream(table, rowBase, onBatch) {
    let rows = 0;
    for await (const batch of table.batches()) {
        onBatch(batch, rowBase + rows);
        rows += batch.size;
    }
    return rows;
}
/**
 * Validates every file of `request.files` (see `validateFile`) and writes each document.
 * @throws UserInputError for a bad contract (at its line) or any unreadable file
 */
async function validateStep(request) {
    const { files, contract: contractFile, results, onStart, onDone, ...settings } = request;
    let contract;
    const documents = [];
    const paths = [];
    for (const file of files) {
        onStart?.(file);
        if (contractFile !== undefined)
            contract ??= await loadContract(contractFile);
        const document = await validateFile({ ...settings, data: file, contract });
        if (results !== undefined) {
            const path = validationPath(results.dir, file, results.taken);
            await writeDocument(path, document);
            paths.push(path);
        }
        documents.push(document);
        onDone?.(file, document);
    }
    const code = documents.reduce((worst, d) => Math.max(worst, validationExitCode(d, request.failOn ?? 'error')), ExitCode.Pass);
    return { documents, paths, code };
}
/** Exit code for a validation result under a fail-on policy. */
function validationExitCode(document, failOn) {
    return failsUnder(document, failOn) ? ExitCode.GateFailed : ExitCode.Pass;
}
/**
 * Where the validation document of a data file goes: `<output>/validation-<stem>.json`, with
 * `-2`, `-3`… for files of the same name in other folders. `taken` collects the names used.
 */
function validationPath(output, file, taken) {
    const stem = `validation-${basename(file, extname(file))}`;
    let name = `${stem}.json`;
    for (let i = 2; taken.has(name); i++)
        name = `${stem}-${i}.json`;
    taken.add(name);
    return join(output, name);
}

export { validationExitCode as a, validatePiece as b, headerOf as h, referencePiece as r, validateStep as v };
