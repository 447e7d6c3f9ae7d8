import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { l as loadContract, D as DataValidation } from './validate2.js';
import { U as UserInputError } from './suggest.js';
import { t as tableFormatOf, i as isGzipFile } from './open.js';
import { i as inputFiles } from './glob.js';
import { b as byteShard, s as shardFiles, w as wholeFilePart, a as pieceRange } from './partition.js';
import { h as headerOf, b as validatePiece, r as referencePiece } from './validate3.js';

const VALIDATION_STATE_SCHEMA = 'ml-gate/validation-state@1';
/** The read options as the state records them. */
function readSettings(read) {
    return { format: read.format ?? null, delimiter: read.delimiter ?? null, missing: read.missing ?? null };
}

/**
 * `ml-gate validate --shard K/N`: shard K of N of the data and of the reference, each split as
 * evaluate and profile split their input (`io/partition.ts`), to its `ml-gate/validation-state@1`
 * (`contract/validation-state.ts`). `ml-gate merge` joins the N states (`steps/merge.ts`).
 */
/**
 * Validates shard K of N: its part of the data (a byte range of one CSV or JSON Lines file, or every
 * Nth file of several) and, independently, of the reference (the same, except that one reference
 * file that cannot be split by bytes — gzip, Parquet, a JSON array — is read whole by shard 1).
 * @throws UserInputError as `validateFile`, and for data that is one file not split by bytes
 */
async function validateShardStep(request) {
    const { shard, read = {} } = request;
    const contract = request.contract === undefined ? undefined : await loadContract(request.contract);
    const settings = { ...request, contract };
    const files = await inputFiles(request.data);
    const first = await headerOf(files[0], read);
    // Made before any row is read: a missing contract column fails every shard alike.
    const base = new DataValidation(contract, first, request.reference !== undefined, request.seed, true);
    const data = files.length === 1 ? [await bytePart(files[0], shard, read)] : fileParts(files, shard);
    const pieces = [];
    for (const { file, index, part } of data) {
        const piece = await validatePiece(file, part, first, settings);
        pieces.push({ ...pieceOf(file, index, part, piece.rows), ...piece });
    }
    const referencePieces = [];
    if (request.reference !== undefined) {
        const referenceFiles = await inputFiles(request.reference);
        const head = await headerOf(referenceFiles[0], read);
        for (const { file, index, part } of await referenceParts(referenceFiles, shard, read)) {
            const piece = await referencePiece(file, part, head, read, base.reference(head.columns));
            referencePieces.push({ ...pieceOf(file, index, part, piece.rows), drift: piece.drift });
        }
    }
    const state = {
        schema: VALIDATION_STATE_SCHEMA,
        input: request.data,
        reference: request.reference ?? null,
        shard: { ...shard, by: files.length === 1 ? 'bytes' : 'files' },
        settings: await settingsState(request, read),
        format: first.format,
        unit: first.unit,
        columns: first.columns,
        pieces,
        reference_pieces: referencePieces
    };
    const of = request.reference === undefined ? null : referencePieces;
    return { state, stated: stated(shard, files.length, pieces, of) };
}
async function bytePart(file, shard, read) {
    return { file, index: 0, part: (await byteShard(file, shard, read)).part };
}
function fileParts(files, shard) {
    return shardFiles(files, shard).map(({ file, index }) => ({
        file,
        index,
        part: wholeFilePart(index, files.length)
    }));
}
/** The reference's part: as the data's, but one file that bytes cannot split goes whole to shard 1. */
async function referenceParts(files, shard, read) {
    if (files.length > 1)
        return fileParts(files, shard);
    const [file] = files;
    const { format } = tableFormatOf(file, read);
    if ((format === 'csv' || format === 'jsonl') && !(await isGzipFile(file))) {
        return [await bytePart(file, shard, read)];
    }
    return shard.index === 1 ? [{ file, index: 0, part: wholeFilePart(0, 1) }] : [];
}
function pieceOf(file, index, part, rows) {
    return { file, file_index: index, range: part.bytes === null ? null : pieceRange(part.bytes), rows };
}
/** The settings every shard of one merge must share. */
async function settingsState(request, read) {
    return {
        contract: request.contract ?? null,
        contract_sha256: request.contract === undefined ? null : await contractDigest(request.contract),
        drift_method: request.driftMethod ?? null,
        drift: request.drift ?? null,
        correction: request.driftCorrection ?? 'holm',
        seed: request.seed ?? 42,
        fail_on: request.failOn ?? 'error',
        read: readSettings(read)
    };
}
/**
 * Hex sha256 of the contract file's bytes.
 * @throws UserInputError for an unreadable file
 */
async function contractDigest(file) {
    let bytes;
    try {
        bytes = await readFile(file);
    }
    catch (error) {
        const reason = error.code ?? 'unreadable';
        throw new UserInputError(`cannot read the contract: ${reason}`, { file });
    }
    return createHash('sha256').update(bytes).digest('hex');
}
function stated(shard, files, pieces, referencePieces) {
    const name = `shard ${shard.index}/${shard.count}`;
    const describe = (list) => list.length === 0
        ? 'nothing'
        : list
            .map(({ file, range, rows }) => range === null
            ? `${file} (${rows} rows)`
            : `${file} bytes ${range.start}-${range.end}, from line ${range.line} (${rows} rows)`)
            .join(', ');
    const of = files > 1 ? ` of ${files} files` : '';
    const reference = referencePieces === null ? '' : `; reference ${describe(referencePieces)}`;
    return `${name}: data ${describe(pieces)}${of}${reference}`;
}

export { contractDigest as c, validateShardStep as v };
