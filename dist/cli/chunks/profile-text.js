import { U as UserInputError } from './suggest.js';
import { e as expandGlob } from './glob.js';
import { o as openTable } from './open.js';
import { b as byteShard, s as shardFiles } from './partition.js';
import { T as TableProfile, C as ColumnProfile } from './profile2.js';
import { f as formatNumber, r as renderTextTable } from './text-table.js';

const PROFILE_STATE_SCHEMA = 'ml-gate/profile-state@1';
/** A piece of a shard's state: the profile of one file, or of one byte range. */
function profilePieceState(profile, file, fileIndex, range) {
    return {
        file,
        file_index: fileIndex,
        range: range === null ? null : { start: range.start, end: range.end, line: range.line },
        rows: profile.rows,
        columns: profile.columns.map((column) => {
            const state = column.toState();
            return {
                name: state.name,
                kinds: state.kinds,
                moments: Buffer.from(Float64Array.from(state.moments).buffer).toString('base64'),
                limit: state.values.limit,
                values: state.values.values,
                counts: state.values.counts,
                sketch: state.values.sketch === null ? null : Buffer.from(state.values.sketch).toString('base64')
            };
        })
    };
}
/**
 * The profile a piece's state describes.
 * @throws Error ("invalid profile state: …") for a field that cannot be restored
 */
function restoreProfilePiece(piece, top) {
    const profile = new TableProfile(piece.columns.map((c) => c.name), { topValues: top });
    profile.rows = piece.rows;
    piece.columns.forEach((c, i) => {
        const bytes = Buffer.from(c.moments, 'base64');
        if (bytes.length !== 40)
            throw new Error(`invalid profile state: columns[${i}].moments must hold 5 float64`);
        const moments = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 40));
        if (c.counts.length !== c.values.length) {
            throw new Error(`invalid profile state: columns[${i}] needs one count per value`);
        }
        profile.columns[i] = ColumnProfile.fromState({
            name: c.name,
            kinds: c.kinds,
            moments: [moments[0], moments[1], moments[2], moments[3], moments[4]],
            values: {
                limit: c.limit,
                values: c.values,
                counts: c.counts,
                sketch: c.sketch === null ? null : Uint8Array.from(Buffer.from(c.sketch, 'base64'))
            }
        });
    });
    return profile;
}

/**
 * The profile step: one file, a glob of files (profiled one at a time, merged in sorted order), or
 * one shard of either (`io/partition.ts`) to its `ml-gate/profile-state@1`.
 */
async function profileOf(file, read, top) {
    const table = await openTable(file, read);
    return { profile: await TableProfile.of(table, { topValues: top }), format: table.format };
}
/** The files a path or glob names; a glob matching nothing: the path (the reader reports it). */
async function inputFiles(input) {
    const files = await expandGlob(input);
    return files.length > 0 ? files : [input];
}
/** The profile of every file of `input` (a file or a glob), as one table. */
async function profileStep(input, read, top) {
    const files = await inputFiles(input);
    const [first, ...rest] = files;
    const whole = await profileOf(first, read, top);
    for (const file of rest) {
        const next = await profileOf(file, read, top);
        mergeProfiles(whole.profile, next.profile, file);
    }
    return whole.profile.document(files.length === 1 ? first : input, whole.format);
}
/**
 * Adds `other` to `into`.
 * @throws UserInputError naming `file` when its columns are not the first file's
 */
function mergeProfiles(into, other, file) {
    if (other.names.join('\u0000') !== into.names.join('\u0000')) {
        throw new UserInputError(`columns ${JSON.stringify(other.names)} are not the first file's ${JSON.stringify(into.names)}: ` +
            'expected every file of the input with the same header', { file });
    }
    into.merge(other);
}
/** Shard K of N of `input`: its state and what it read. */
async function profileShardStep(input, shard, read, top) {
    const files = await inputFiles(input);
    const name = `shard ${shard.index}/${shard.count}`;
    const pieces = [];
    let format = 'csv';
    let stated;
    if (files.length === 1) {
        const [file] = files;
        const { part, size } = await byteShard(file, shard, read);
        const range = part.bytes;
        const { profile, format: found } = await profileOf(file, { ...read, part }, top);
        format = found;
        pieces.push(profilePieceState(profile, file, 0, range));
        stated = `${name}: ${file} bytes ${range.start}-${range.end} of ${size}, from line ${range.line}: ${profile.rows} rows`;
    }
    else {
        const mine = shardFiles(files, shard);
        for (const { file, index } of mine) {
            const { profile, format: found } = await profileOf(file, read, top);
            format = found;
            pieces.push(profilePieceState(profile, file, index, null));
        }
        stated = `${name}: ${mine.length} of ${files.length} files${mine.length === 0 ? '' : ` (${mine.map((f) => f.file).join(', ')})`}`;
    }
    const by = files.length === 1 ? 'bytes' : 'files';
    return {
        state: { schema: PROFILE_STATE_SCHEMA, input, format, shard: { ...shard, by }, top, pieces },
        stated
    };
}

const MAX_CELL = 40;
function clip(text) {
    return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
/** The profile as a terminal table, one row per column. */
function renderProfileText(profile) {
    const header = ['column', 'type', 'count', 'missing', 'distinct', 'min', 'max', 'mean', 'std', 'top values'];
    const rows = profile.columns.map((c) => [
        clip(c.name),
        c.type,
        String(c.count),
        String(c.missing),
        (c.distinct_exact ? '' : '~') + String(c.distinct),
        formatNumber(c.min),
        formatNumber(c.max),
        formatNumber(c.mean),
        formatNumber(c.std),
        clip(c.top.map((t) => `${JSON.stringify(t.value)} (${t.count})`).join(', '))
    ]);
    const align = header.map((_, i) => (i >= 2 && i <= 8 ? 'right' : 'left'));
    return `${profile.file}: ${profile.rows} rows, ${profile.columns.length} columns (${profile.format})\n\n${renderTextTable(header, rows, align)}`;
}

export { profileStep as a, restoreProfilePiece as b, mergeProfiles as m, profileShardStep as p, renderProfileText as r };
