import { U as UserInputError } from './suggest.js';
import { r as renderVerdictText } from './pairing.js';
import { g as gateStep, p as parseCandidates } from './candidate-list.js';
import { p as parseCommandArgs } from './args.js';
import { a as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import './candidate-board.js';
import './segmentation.js';
import './base64.js';
import './hash.js';
import './rules.js';
import './multiple-testing.js';
import './text-table.js';
import './config.schema.js';
import './family.js';
import './schema-errors.js';
import 'node:fs/promises';
import 'process';
import 'buffer';
import './binary.js';
import './selection.js';
import './open.js';
import 'node:path';
import 'node:fs';
import 'node:stream';
import 'node:zlib';
import 'node:buffer';
import './evaluate2.js';
import './staging-thread.js';
import 'node:worker_threads';
import './thread-script.js';
import './number-set.js';
import './load.js';
import './schema-validator.js';
import './result-names.js';
import './read-document.js';
import 'node:crypto';
import './same-settings.js';
import 'node:util';

const usage = `Usage: ml-gate gate --config CONFIG [--candidate FILE | --candidate NAME=FILE ...]
                    [--baseline FILE] [--json OUT]

Judges the candidate model against the gates of CONFIG (ml-gate.yml): absolute bounds, the
maximum drop against the baseline, disparity across segments; overall and per segment.

  --config CONFIG    the ml-gate.yml file
  --candidate FILE   the candidate's predictions (evaluated with the config's model and segments)
                     or its ml-gate/evaluation@1 JSON document (default: model.predictions or
                     model.candidates; one of them is required)
  --candidate NAME=FILE
                     repeatable: several named candidates instead (overrides model.candidates),
                     each gated, the best that passes picked by the config's select; NAME is
                     letters, digits, '.', '_', '-' (write ./a=b.csv for a file with a '=')
  --baseline FILE    the baseline's, likewise (default: model.baseline; none: change gates
                     are skipped, or fail with on_missing_baseline: fail; a baseline
                     artifact in the config is fetched only by the actions: give its file here)
  --json OUT         also write the ml-gate/verdict@1 document to OUT ('-' for stdout)

Exit codes: 0 pass or warn, 1 a gate failed, 2 bad input.`;
const gateCommand = {
    name: 'gate',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('gate', args, {
            config: { type: 'string' },
            candidate: { type: 'string', multiple: true },
            baseline: { type: 'string' },
            json: { type: 'string' }
        }, { min: 0, max: 0, names: 'no positional arguments' });
        if (values.config === undefined)
            throw new UserInputError('ml-gate gate: --config CONFIG is required');
        const { verdict, code } = await gateStep({
            config: values.config,
            ...parseCandidates(values.candidate ?? [], (i) => `--candidate '${values.candidate[i]}'`),
            baseline: values.baseline,
            now: new Date()
        });
        if (values.json !== '-')
            console.stdout(logText(renderVerdictText(verdict)));
        if (values.json !== undefined)
            await writeJson(values.json, verdict, console);
        return code;
    }
};

export { gateCommand };
