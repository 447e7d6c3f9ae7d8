import { U as UserInputError, E as ExitCode } from './suggest.js';
import { b as byteShard, s as shardFiles, p as parseShard } from './partition.js';
import { i as inputFiles } from './glob.js';
import { o as openTable } from './open.js';
import { T as TableProfile } from './profile2.js';
import { p as profilePieceState, P as PROFILE_STATE_SCHEMA, r as renderProfileText } from './profile-text.js';
import { p as parseCommandArgs } from './args.js';
import { p as parseInteger } from './parse-values.js';
import { R as READ_OPTIONS_USAGE, r as readOptionsFromArgs, a as readOptionFlags } from './read-options.js';
import { w as writeState, a as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import 'node:fs';
import 'node:fs/promises';
import 'node:path';
import 'node:stream';
import 'node:zlib';
import './hash.js';
import 'node:buffer';
import './count-table.js';
import './base64.js';
import './text-table.js';
import 'node:util';

/**
 * The profile step: one file, a glob of files (profiled one at a time, merged in sorted order), or
 * one shard of either (`io/partition.ts`) to its `ml-gate/profile-state@1`.
 */
async function profileOf(file, read, top) {
    const table = await openTable(file, read);
    return { profile: await TableProfile.of(table, { topValues: top }), format: table.format };
}
/** The profile of every file of `input` (a file or a glob), as one table. */
async function profileStep(input, read, top) {
    const files = await inputFiles(input);
    const [first, ...rest] = files;
    const whole = await profileOf(first, read, top);
    for (const file of rest) {
        const next = await profileOf(file, read, top);
        whole.profile.merge(next.profile, file);
    }
    return whole.profile.document(files.length === 1 ? first : input, whole.format);
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

const usage = `Usage: ml-gate profile FILE|GLOB [--json OUT] [--top N] [--shard K/N] [read options]

Profiles every column of FILE (or of every file of a quoted GLOB, as one table) in one streaming
pass: inferred type, count, missing, distinct, min, max, mean, standard deviation (ddof=1) and the
most frequent values.

  --json OUT     also write the ml-gate/profile@1 document to OUT ('-' for stdout)
  --top N        most frequent values to list per column (default 5)
  --shard K/N    profile only shard K of N and write its ml-gate/profile-state@1 to --json (merge
                 them with 'ml-gate merge'): with a glob every Nth file, with one CSV or JSON Lines
                 file a byte range aligned to records
${READ_OPTIONS_USAGE}`;
const profileCommand = {
    name: 'profile',
    usage,
    async run(args, console) {
        const { values, positionals } = parseCommandArgs('profile', args, { json: { type: 'string' }, top: { type: 'string' }, shard: { type: 'string' }, ...readOptionFlags }, { min: 1, max: 1, names: 'one FILE' });
        const top = values.top === undefined ? 5 : parseInteger('--top', values.top, 0);
        const read = readOptionsFromArgs(values);
        if (values.shard !== undefined) {
            const shard = parseShard(values.shard, '--shard');
            if (values.json === undefined) {
                throw new UserInputError('ml-gate profile: --shard needs --json OUT, where the shard state is written');
            }
            const { state, stated } = await profileShardStep(positionals[0], shard, read, top);
            if (values.json !== '-')
                console.stdout(logText(`${stated}\n`));
            await writeState(values.json, state, console);
            return ExitCode.Pass;
        }
        const document = await profileStep(positionals[0], read, top);
        if (values.json !== '-')
            console.stdout(logText(renderProfileText(document)));
        if (values.json !== undefined)
            await writeJson(values.json, document, console);
        return ExitCode.Pass;
    }
};

export { profileCommand };
