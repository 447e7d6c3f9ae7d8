import { E as ExitCode } from './suggest.js';
import { o as openTable } from './open.js';
import { T as TableProfile } from './profile2.js';
import { p as parseCommandArgs } from './args.js';
import { R as READ_OPTIONS_USAGE, r as readOptionsFromArgs, a as readOptionFlags } from './read-options.js';
import { b as writeOutput } from './write-output.js';
import 'node:path';
import 'node:fs';
import 'node:fs/promises';
import 'node:stream';
import 'node:zlib';
import './hash.js';
import 'node:buffer';
import './count-table.js';
import 'node:util';

/** Strings with at most this many distinct values get an allowed set (`in`). */
const MAX_INFERRED_SET = 25;
/**
 * Drafts a contract from a profile of data believed to be good, as YAML with a comment on every
 * inferred rule so that a person can review it before committing it:
 *
 * - `type` is the profiled type;
 * - `nullable: false` when no value was missing, otherwise `max_missing` at twice the observed
 *   share (rounded up to a whole percent) so that ordinary variation passes;
 * - `min` / `max` are the observed range of numeric columns that are not id-like;
 * - `in` lists every value of a string or boolean column with at most `MAX_INFERRED_SET` distinct
 *   values that repeat (fewer distinct values than half the count);
 * - `unique: true` for integer or string columns whose every value was distinct (id-like);
 * - `rows.min: 1` and `extra_columns: error`.
 */
function inferContract(profile, source) {
    const lines = [
        `# Data contract drafted by \`ml-gate infer\` from ${source} (${profile.rows} rows).`,
        '# Every rule below was inferred from that data: review each before committing.',
        '# Reference: schemas/contract.schema.json',
        'rows: { min: 1 }',
        'extra_columns: error   # a column the contract does not name fails validation',
        'columns:'
    ];
    for (const column of profile.columns) {
        const summary = column.summary(MAX_INFERRED_SET);
        const { rules, notes } = inferColumn(summary, profile.rows);
        lines.push(`  # ${notes.join('; ')}`);
        lines.push(`  ${yamlKey(summary.name)}: { ${rules.join(', ')} }`);
    }
    return `${lines.join('\n')}\n`;
}
const TYPE_NOTES = {
    integer: 'every present value is a whole number',
    number: 'every present value is a number',
    boolean: 'every present value is true or false',
    string: 'text (or mixed) values'
};
function inferColumn(c, rows) {
    const rules = [`type: ${c.type}`];
    const notes = [TYPE_NOTES[c.type]];
    const idLike = (c.type === 'integer' || c.type === 'string') && c.distinct_exact && c.count > 1 && c.distinct === c.count;
    if (c.missing === 0) {
        rules.push('nullable: false');
        notes.push('no missing values');
    }
    else {
        const share = c.missing / rows;
        const bound = Math.min(1, Math.ceil(share * 200) / 100);
        rules.push(bound >= 1 ? 'nullable: true' : `max_missing: ${bound}`);
        notes.push(`${Number((share * 100).toPrecision(2))}% missing${bound < 1 ? `, allowed up to ${Math.round(bound * 100)}%` : ''}`);
    }
    // An id's range says nothing about the next batch, whose ids are new.
    if (c.min !== null && c.max !== null && !idLike) {
        rules.push(`min: ${c.min}`, `max: ${c.max}`);
        notes.push(`observed range [${c.min}, ${c.max}]: widen it if valid values can fall outside`);
    }
    const categorical = c.type === 'string' || c.type === 'boolean';
    if (categorical && c.distinct_exact && c.distinct <= MAX_INFERRED_SET && c.distinct * 2 < c.count) {
        rules.push(`in: [${c.top.map((t) => yamlScalar(t.value)).join(', ')}]`);
        notes.push(`${c.distinct} distinct values seen`);
    }
    if ((c.type === 'integer' || c.type === 'string') &&
        c.distinct_exact &&
        c.count > 1 &&
        c.distinct === c.count) {
        rules.push('unique: true');
        notes.push(`all ${c.count} values distinct (id-like)`);
    }
    return { rules, notes };
}
const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|y|n|~)$/i;
function yamlKey(name) {
    return PLAIN.test(name) && !YAML_WORDS.test(name) ? name : JSON.stringify(name);
}
function yamlScalar(value) {
    return typeof value === 'string' ? yamlKey(value) : String(value);
}

const usage = `Usage: ml-gate infer FILE [--out CONTRACT] [read options]

Drafts a data contract from FILE (data you trust): types, nullability, observed ranges,
allowed sets for low-cardinality strings and uniqueness for id-like columns, each rule with
a comment saying what it was inferred from. Review it before committing it.

  --out CONTRACT   write the contract there (default: stdout)
${READ_OPTIONS_USAGE}`;
const inferCommand = {
    name: 'infer',
    usage,
    async run(args, console) {
        const { values, positionals } = parseCommandArgs('infer', args, { out: { type: 'string' }, ...readOptionFlags }, { min: 1, max: 1, names: 'one FILE' });
        const table = await openTable(positionals[0], readOptionsFromArgs(values));
        const contract = inferContract(await TableProfile.of(table), table.file);
        if (values.out === undefined) {
            console.stdout(contract);
            return ExitCode.Pass;
        }
        await writeOutput(values.out, contract, console);
        console.stderr(`wrote ${values.out}: review every rule before committing it\n`);
        return ExitCode.Pass;
    }
};

export { inferCommand };
