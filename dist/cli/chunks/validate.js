import { v as validateData, l as loadContract, r as renderValidationText, f as failsUnder, D as DRIFT_METHODS } from './validation.js';
import { U as UserInputError, d as didYouMean, E as ExitCode } from './suggest.js';
import { p as parseCommandArgs } from './args.js';
import { R as READ_OPTIONS_USAGE, r as readOptionsFromArgs, a as readOptionFlags } from './read-options.js';
import { w as writeJson } from './write-output.js';
import './hash.js';
import 'node:path';
import 'node:fs';
import 'node:fs/promises';
import 'node:stream';
import 'node:zlib';
import 'node:buffer';
import './count-table.js';
import './number-set.js';
import './special-functions.js';
import './schema-validator.js';
import 'process';
import 'buffer';
import './text-table.js';
import 'node:util';

const METHODS = ['auto', ...Object.keys(DRIFT_METHODS)];
const usage = `Usage: ml-gate validate --data FILE [--contract CONTRACT] [--reference REF]
                        [--drift-method M] [--fail-on LEVEL] [--json OUT] [read options]

Checks FILE against a data contract (YAML, see schemas/contract.schema.json) and, with
--reference, measures drift of every contract column against REF.

  --data FILE          the data to validate
  --contract FILE      the data contract
  --reference FILE     drift is measured against this file (same format rules as --data)
  --drift-method M     ${METHODS.join(' | ')} (default: the contract's, else auto)
  --fail-on LEVEL      error (default): exit 1 when an error check fails or a column drifted;
                       warn: also when a warning check fails; never: always exit 0
  --json OUT           also write the ml-gate/validation@1 document to OUT ('-' for stdout)
${READ_OPTIONS_USAGE}`;
/** Exit code for a validation result under a fail-on policy. */
function validationExitCode(document, failOn) {
    return failsUnder(document, failOn) ? ExitCode.GateFailed : ExitCode.Pass;
}
function parseDriftMethod(text, flag) {
    if (text === undefined)
        return undefined;
    if (!METHODS.includes(text)) {
        throw new UserInputError(`${flag}: expected one of ${METHODS.join(', ')}, got '${text}'${didYouMean(text, METHODS)}`);
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
            json: { type: 'string' },
            ...readOptionFlags
        }, { min: 0, max: 0, names: 'no positional arguments' });
        if (values.data === undefined)
            throw new UserInputError('ml-gate validate: --data FILE is required');
        if (values.contract === undefined && values.reference === undefined) {
            throw new UserInputError('ml-gate validate: give --contract, --reference or both; there is nothing to check');
        }
        const failOn = parseFailOn(values['fail-on'], '--fail-on');
        const document = await validateData({
            data: values.data,
            contract: values.contract === undefined ? undefined : await loadContract(values.contract),
            reference: values.reference,
            driftMethod: parseDriftMethod(values['drift-method'], '--drift-method'),
            read: readOptionsFromArgs(values),
            failOn
        });
        if (values.json !== '-')
            console.stdout(renderValidationText(document));
        if (values.json !== undefined)
            await writeJson(values.json, document, console);
        return validationExitCode(document, failOn);
    }
};

export { parseDriftMethod, parseFailOn, validateCommand, validationExitCode };
