import { U as UserInputError } from './suggest.js';
import { g as gateStep, r as renderVerdictText } from './gate2.js';
import { p as parseCommandArgs } from './args.js';
import { w as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import './result-names.js';
import './segmentation.js';
import './hash.js';
import './multiple-testing.js';
import './text-table.js';
import 'node:crypto';
import 'node:fs/promises';
import './schema-validator.js';
import './schema-errors.js';
import 'process';
import 'buffer';
import 'node:path';
import './load.js';
import './evaluate2.js';
import './open.js';
import 'node:fs';
import 'node:stream';
import 'node:zlib';
import 'node:buffer';
import './staging-thread.js';
import 'node:worker_threads';
import './thread-script.js';
import './number-set.js';
import 'node:util';

const usage = `Usage: ml-gate gate --config CONFIG [--candidate FILE] [--baseline FILE] [--json OUT]

Judges the candidate model against the gates of CONFIG (ml-gate.yml): absolute bounds, the
maximum drop against the baseline, disparity across segments; overall and per segment.

  --config CONFIG    the ml-gate.yml file
  --candidate FILE   the candidate's predictions (evaluated with the config's model and segments)
                     or its ml-gate/evaluation@1 JSON document (default: model.predictions;
                     one of the two is required)
  --baseline FILE    the baseline's, likewise (default: model.baseline; none: change gates
                     are skipped, or fail with on_missing_baseline: fail)
  --json OUT         also write the ml-gate/verdict@1 document to OUT ('-' for stdout)

Exit codes: 0 pass or warn, 1 a gate failed, 2 bad input.`;
const gateCommand = {
    name: 'gate',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('gate', args, {
            config: { type: 'string' },
            candidate: { type: 'string' },
            baseline: { type: 'string' },
            json: { type: 'string' }
        }, { min: 0, max: 0, names: 'no positional arguments' });
        if (values.config === undefined)
            throw new UserInputError('ml-gate gate: --config CONFIG is required');
        const { verdict, code } = await gateStep({
            config: values.config,
            candidate: values.candidate,
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
