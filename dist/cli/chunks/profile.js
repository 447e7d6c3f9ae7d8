import { E as ExitCode } from './suggest.js';
import { o as openTable } from './open.js';
import { T as TableProfile } from './profile2.js';
import { f as formatNumber, r as renderTextTable } from './text-table.js';
import { p as parseCommandArgs } from './args.js';
import { p as parseInteger } from './parse-values.js';
import { R as READ_OPTIONS_USAGE, r as readOptionsFromArgs, a as readOptionFlags } from './read-options.js';
import { w as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import 'node:path';
import 'node:fs';
import 'node:fs/promises';
import 'node:stream';
import 'node:zlib';
import './hash.js';
import 'node:buffer';
import './count-table.js';
import 'node:util';

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

const usage = `Usage: ml-gate profile FILE [--json OUT] [--top N] [read options]

Profiles every column of FILE in one streaming pass: inferred type, count, missing,
distinct, min, max, mean, standard deviation (ddof=1) and the most frequent values.

  --json OUT     also write the ml-gate/profile@1 document to OUT ('-' for stdout)
  --top N        most frequent values to list per column (default 5)
${READ_OPTIONS_USAGE}`;
const profileCommand = {
    name: 'profile',
    usage,
    async run(args, console) {
        const { values, positionals } = parseCommandArgs('profile', args, { json: { type: 'string' }, top: { type: 'string' }, ...readOptionFlags }, { min: 1, max: 1, names: 'one FILE' });
        const top = values.top === undefined ? 5 : parseInteger('--top', values.top, 0);
        const table = await openTable(positionals[0], readOptionsFromArgs(values));
        const profile = await TableProfile.of(table, { topValues: top });
        const document = profile.document(table.file, table.format);
        if (values.json !== '-')
            console.stdout(logText(renderProfileText(document)));
        if (values.json !== undefined)
            await writeJson(values.json, document, console);
        return ExitCode.Pass;
    }
};

export { profileCommand };
