import { existsSync } from 'node:fs';
import { E as ExitCode } from './suggest.js';
import { R as RESULT_FILES, r as readResults, c as collectAuditTrail, a as reportContent, b as renderReport, d as reportVerdict, S as SUMMARY_LIMITS } from './result-files.js';
import { p as parseCommandArgs } from './args.js';
import { V as VERSION } from './version.js';
import { a as writeOutput } from './write-output.js';
import 'node:crypto';
import './validation.js';
import './hash.js';
import 'node:path';
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
import './verdict-document.js';
import './segmentation.js';
import 'node:util';

const usage = `Usage: ml-gate report [--results DIR] [--markdown OUT] [--config FILE]

Renders the report the report action posts on a pull request and in the job summary, from
the result documents in DIR (verdict.json, evaluation-*.json, validation*.json), without
talking to GitHub.

  --results DIR    the results folder (default ${RESULT_FILES.folder})
  --markdown OUT   write the markdown to OUT instead of stdout ('-' for stdout)
  --config FILE    the config, listed with its sha256 in the audit trail (default ml-gate.yml
                   when it exists)

Exit code: 1 when the verdict is fail, as in the job.`;
const reportCommand = {
    name: 'report',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('report', args, { results: { type: 'string' }, markdown: { type: 'string' }, config: { type: 'string' } }, { min: 0, max: 0, names: 'no positional arguments' });
        const results = await readResults(values.results ?? RESULT_FILES.folder);
        const audit = await collectAuditTrail(results, {
            config: values.config ?? (existsSync('ml-gate.yml') ? 'ml-gate.yml' : null),
            commit: console.env.GITHUB_SHA ?? null,
            version: VERSION
        });
        const content = reportContent(results, audit);
        await writeOutput(values.markdown ?? '-', renderReport(content, SUMMARY_LIMITS), console);
        return reportVerdict(content) === 'fail' ? ExitCode.GateFailed : ExitCode.Pass;
    }
};

export { reportCommand };
