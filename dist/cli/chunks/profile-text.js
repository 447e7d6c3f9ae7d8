import { e as encode } from './base64.js';
import { a as pieceRange } from './partition.js';
import { T as TableProfile, C as ColumnProfile } from './profile2.js';
import { f as formatNumber, r as renderTextTable } from './text-table.js';

/**
 * Profiles in pieces: what `ml-gate profile --shard K/N` writes (`ml-gate/profile-state@1`,
 * schemas/profile-state.schema.json) and how the pieces merge into the profile of the whole input.
 *
 * Merged in input order (file index, then byte offset), the count tables hold the same values in the
 * same first-seen order as a single run's, so counts, missing, types, distinct counts, min, max and
 * the most frequent values are the single run's exactly (while a column stays under the exact bound;
 * past it the HyperLogLog registers merge exactly and the Misra–Gries counts keep their bound, not
 * the single run's values). Mean and standard deviation are merged by Chan et al.'s pairwise update
 * where a single run applies Welford's row by row: equal to rounding (relative 1e-15), not bit for
 * bit.
 */
const PROFILE_STATE_SCHEMA = 'ml-gate/profile-state@1';
/** A piece of a shard's state: the profile of one file, or of one byte range. */
function profilePieceState(profile, file, fileIndex, range) {
    return {
        file,
        file_index: fileIndex,
        range: range === null ? null : pieceRange(range),
        rows: profile.rows,
        columns: profile.columns.map((column) => {
            const state = column.toState();
            return {
                name: state.name,
                kinds: state.kinds,
                moments: encode(Float64Array.from(state.moments)),
                limit: state.values.limit,
                values: state.values.values,
                counts: state.values.counts,
                sketch: state.values.sketch === null ? null : encode(state.values.sketch)
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

export { PROFILE_STATE_SCHEMA as P, restoreProfilePiece as a, profilePieceState as p, renderProfileText as r };
