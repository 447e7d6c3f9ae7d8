import { D as DRIFT_METHODS } from './detect.js';
import { U as UserInputError, d as didYouMean, E as ExitCode } from './suggest.js';
import { p as parseShard } from './partition.js';
import { r as renderValidationText } from './validate2.js';
import { v as validateStep } from './validate3.js';
import { v as validateShardStep } from './validate-shard.js';
import { p as parseCommandArgs } from './args.js';
import { R as READ_OPTIONS_USAGE, r as readOptionsFromArgs, a as readOptionFlags } from './read-options.js';
import { w as writeState, a as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import './multiple-testing.js';
import './text-table.js';
import 'node:fs';
import 'node:fs/promises';
import './open.js';
import 'node:path';
import 'node:stream';
import 'node:zlib';
import './hash.js';
import 'node:buffer';
import './count-table.js';
import './selection.js';
import './schema-validator.js';
import './schema-errors.js';
import 'process';
import 'buffer';
import './number-set.js';
import './base64.js';
import './glob.js';
import 'node:crypto';
import 'node:util';

/**
 * Validation settings written as text, as the CLI's flags and the validate-data action's inputs
 * are; `flag` names the option in errors (`--fail-on`, `input 'fail-on'`).
 */
/** The drift methods an option may name: `auto` (chosen per column) and every method. */
const DRIFT_METHOD_NAMES = ['auto', ...Object.keys(DRIFT_METHODS)];
function parseDriftMethod(text, flag) {
    if (text === undefined)
        return undefined;
    if (!DRIFT_METHOD_NAMES.includes(text)) {
        throw new UserInputError(`${flag}: expected one of ${DRIFT_METHOD_NAMES.join(', ')}, got '${text}'${didYouMean(text, DRIFT_METHOD_NAMES)}`);
    }
    return text;
}
function parseFailOn(text, flag) {
    if (text === undefined)
        return 'error';
    if (text !== 'error' && text !== 'warn' && text !== 'never') {
        throw new UserInputError(`${flag}: expected one of error, warn, never, got '${text}'`);
    }
    return text;
}

const usage = `Usage: ml-gate validate --data FILE|GLOB [--contract CONTRACT] [--reference REF]
                        [--drift-method M] [--fail-on LEVEL] [--shard K/N] [--json OUT]
                        [read options]

Checks FILE against a data contract (YAML, see schemas/contract.schema.json) and, with
--reference, measures drift of every contract column against REF.

  --data FILE          the data to validate
  --data GLOB          several files (quote the glob): validated as one table in sorted order
                       (every file with the first file's columns; unique across all; each failure
                       names its file and its line there)
  --contract FILE      the data contract
  --reference FILE     drift is measured against this file or glob (same format rules as --data)
  --drift-method M     ${DRIFT_METHOD_NAMES.join(' | ')} (default: the contract's, else auto)
  --fail-on LEVEL      error (default): exit 1 when an error check fails or a column drifted;
                       warn: also when a warning check fails; never: always exit 0
  --shard K/N          validate only shard K of N and write its ml-gate/validation-state@1 to --json
                       (merge them with 'ml-gate merge'): with a glob every Nth file, with one CSV or
                       JSON Lines file a byte range aligned to records; the reference is split alike
  --json OUT           also write the ml-gate/validation@1 document to OUT ('-' for stdout)
${READ_OPTIONS_USAGE}`;
const validateCommand = {
    name: 'validate',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('validate', args, {
            data: { type: 'string' },
            contract: { type: 'string' },
            reference: { type: 'string' },
            'drift-method': { type: 'string' },
            'fail-on': { type: 'string' },
            shard: { type: 'string' },
            json: { type: 'string' },
            ...readOptionFlags
        }, { min: 0, max: 0, names: 'no positional arguments' });
        if (values.data === undefined)
            throw new UserInputError('ml-gate validate: --data FILE is required');
        if (values.contract === undefined && values.reference === undefined) {
            throw new UserInputError('ml-gate validate: give --contract, --reference or both; there is nothing to check');
        }
        const failOn = parseFailOn(values['fail-on'], '--fail-on');
        const driftMethod = parseDriftMethod(values['drift-method'], '--drift-method');
        const request = {
            contract: values.contract,
            reference: values.reference,
            driftMethod,
            read: readOptionsFromArgs(values),
            failOn,
            globs: true
        };
        if (values.shard !== undefined) {
            const shard = parseShard(values.shard, '--shard');
            if (values.json === undefined) {
                throw new UserInputError('ml-gate validate: --shard needs --json OUT, where the shard state is written');
            }
            const { state, stated } = await validateShardStep({ ...request, data: values.data, shard });
            if (values.json !== '-')
                console.stdout(logText(`${stated}\n`));
            await writeState(values.json, state, console);
            return ExitCode.Pass;
        }
        const { documents, code } = await validateStep({ ...request, files: [values.data] });
        const [document] = documents;
        if (values.json !== '-')
            console.stdout(logText(renderValidationText(document)));
        if (values.json !== undefined)
            await writeJson(values.json, document, console);
        return code;
    }
};

export { validateCommand };
