import { join } from 'node:path';
import { r as renderEvaluationText } from './evaluation.js';
import { d as reportStep, b as renderReport, r as reportHeadline, S as SUMMARY_LIMITS } from './report2.js';
import { r as renderValidationText } from './validate2.js';
import { c as checkGates, a as candidateInput, b as runGate, w as writeGateDocuments, r as renderVerdictText } from './gate2.js';
import { loadConfig } from './load.js';
import { U as UserInputError } from './suggest.js';
import { readdir, stat } from 'node:fs/promises';
import { c as asEvaluationDocument } from './evaluate2.js';
import { v as validateStep } from './validate3.js';
import { p as parseCommandArgs } from './args.js';
import { a as writeOutput, w as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import './text-table.js';
import 'node:crypto';
import 'node:fs';
import './result-names.js';
import './segmentation.js';
import './hash.js';
import './multiple-testing.js';
import './schema-validator.js';
import './schema-errors.js';
import 'process';
import 'buffer';
import './version.js';
import './count-table.js';
import './number-set.js';
import './staging-thread.js';
import 'node:worker_threads';
import './open.js';
import 'node:stream';
import 'node:zlib';
import 'node:buffer';
import './thread-script.js';
import 'node:util';

const MAGIC = /[*?[]/;
/** A glob segment as a regular expression: `*` any run within a name, `?` one character, `[..]` a class. */
function segmentPattern(segment) {
    let source = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else if (c === '[') {
            const end = segment.indexOf(']', i + 1);
            if (end < 0)
                source += '\\[';
            else {
                source += `[${segment
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\')}]`;
                i = end;
            }
        }
        else
            source += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
/**
 * The files a path or glob names, sorted. A path without `*`, `?` or `[` is returned as it is
 * (the reader reports it if it does not exist). `**` matches any number of folders. Names that
 * start with a dot are matched only by patterns that start with one.
 *
 * @example expandGlob('data/*.csv') // ['data/holdout.csv', 'data/train.csv']
 */
async function expandGlob(pattern) {
    if (!MAGIC.test(pattern))
        return [pattern];
    const absolute = pattern.startsWith('/');
    const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
    const matches = [];
    async function walk(dir, index) {
        if (index === segments.length) {
            // Literal segments after a wildcard were appended unchecked: keep only files that exist.
            if (await isFile(dir))
                matches.push(dir);
            return;
        }
        const segment = segments[index];
        if (!MAGIC.test(segment))
            return walk(dir === '' ? segment : join(dir, segment), index + 1);
        let entries;
        try {
            entries = await readdir(dir === '' ? '.' : dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        const last = index === segments.length - 1;
        if (segment === '**') {
            await walk(dir, index + 1);
            for (const e of entries)
                if (e.isDirectory() && !e.name.startsWith('.'))
                    await walk(join(dir, e.name), index);
            return;
        }
        const regex = segmentPattern(segment);
        for (const e of entries) {
            if (e.name.startsWith('.') && !segment.startsWith('.'))
                continue;
            if (!regex.test(e.name))
                continue;
            if (last ? e.isFile() : e.isDirectory())
                await walk(join(dir, e.name), index + 1);
        }
    }
    await walk(absolute ? '/' : '', absolute ? 1 : 0);
    return [...new Set(matches)].sort();
}
async function isFile(path) {
    try {
        return (await stat(path)).isFile();
    }
    catch {
        return false;
    }
}

/**
 * The run step: what ml-gate.yml describes, end to end (validate, evaluate, gate), every result
 * document written into one folder. Shared by `ml-gate run` and the root action, which then report.
 */
/**
 * Loads ml-gate.yml and runs what it describes (`runPipeline`).
 * @throws UserInputError for any bad input, naming the file and line
 */
async function runStep(request) {
    const { config: file, workspace, modelRequiredBy, ...options } = request;
    const loaded = await loadConfig(file, { workspace });
    if (modelRequiredBy !== undefined && loaded.config.model === undefined) {
        throw new UserInputError(`${modelRequiredBy}, but ${file} has no \`model\` section to gate`);
    }
    return runPipeline(loaded, options);
}
/**
 * Runs what `ml-gate.yml` describes: validate every dataset (contract and drift), evaluate the
 * candidate and the baseline, gate, writing every result document into one folder
 * (`validation-<name>.json`, `evaluation-candidate.json`, `evaluation-baseline.json`,
 * `verdict.json`). Sends nothing anywhere.
 *
 * The gates are checked against the metric catalog before any data is read, so a config typo
 * fails in milliseconds.
 *
 * @throws UserInputError for any bad input, naming the file and line
 */
async function runPipeline(loaded, options) {
    const { config } = loaded;
    if (config.model)
        checkGates(loaded);
    const output = options.output ?? config.report.output;
    const datasets = await Promise.all(config.data.map((data, i) => expandDataset(data, i, loaded)));
    if (!config.model && (options.candidate ?? options.baseline) !== undefined) {
        throw new UserInputError('a candidate or baseline was given, but the config has no `model` section to evaluate it with: add one naming the task and label', loaded.locate([], 'key'));
    }
    // Before any data is read: a config without predictions needs them by flag.
    const candidateFile = config.model ? candidateInput(loaded, options.candidate) : undefined;
    const baselineFile = options.baseline ?? config.model?.baseline;
    const files = datasets.reduce((n, d) => n + d.files.length, 0);
    const steps = files + (config.model ? 2 : 0) + (baselineFile ? 1 : 0);
    let step = 0;
    const progress = (message) => options.progress?.({ step: ++step, steps, message });
    const validations = [];
    const taken = new Set();
    for (const { files, data } of datasets) {
        const validated = await validateStep({
            files,
            contract: data.contract,
            reference: data.reference,
            drift: data.drift,
            driftCorrection: data.drift?.correction,
            read: readOptions(data),
            failOn: data.fail_on,
            results: { dir: output, taken },
            onStart: (file) => progress(`validating ${file}`)
        });
        validated.documents.forEach((document, i) => validations.push({ path: validated.paths[i], document }));
    }
    let candidate = null;
    let baseline = null;
    let verdict = null;
    if (config.model) {
        progress(`evaluating ${candidateFile}${baselineFile ? ` and ${baselineFile}` : ''}`);
        const gate = await runGate({
            config: loaded,
            candidate: candidateFile,
            baseline: baselineFile,
            now: options.now
        });
        if (baselineFile)
            progress('gating the candidate against the thresholds and the baseline');
        const written = await writeGateDocuments(output, gate, () => progress('writing the verdict'));
        candidate = { path: written.candidate, document: asEvaluationDocument(gate.candidate) };
        if (gate.baseline && written.baseline !== null)
            baseline = { path: written.baseline, document: asEvaluationDocument(gate.baseline) };
        verdict = { path: written.verdict, document: gate.verdict };
    }
    return { output, validations, candidate, baseline, verdict };
}
async function expandDataset(data, index, loaded) {
    const files = await expandGlob(data.path);
    if (files.length === 0) {
        throw new UserInputError(`data[${index}].path: no file matches '${data.path}'`, loaded.locate(['data', index, 'path']));
    }
    return { files, data };
}
function readOptions(data) {
    return { format: data.format, delimiter: data.delimiter, missing: data.missing };
}

const WIDTH = 24;
/**
 * Shows pipeline progress: on a terminal a bar redrawn in place, in CI logs (no terminal) one
 * plain line per step, which log viewers keep readable.
 */
function progressReporter(console) {
    let drawn = false;
    return {
        update({ step, steps, message }) {
            if (!console.isTTY) {
                console.stderr(`ml-gate [${step}/${steps}] ${message}\n`);
                return;
            }
            const filled = Math.round((WIDTH * (step - 1)) / steps);
            const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
            console.stderr(`\r\x1b[2K[${bar}] ${step}/${steps} ${message}`);
            drawn = true;
        },
        done() {
            if (drawn)
                console.stderr('\r\x1b[2K');
        }
    };
}

const usage = `Usage: ml-gate run [--config ml-gate.yml] [--output DIR] [--markdown FILE]
                   [--candidate FILE] [--baseline FILE] [--json OUT]

Runs what ml-gate.yml describes, as the root action does in CI: validates every dataset
(contract and drift), evaluates the candidate and the baseline, gates the candidate, and
renders the report. Every result document is written to one folder; nothing is uploaded.

  --config FILE     the config (default ml-gate.yml)
  --output DIR      folder for the result documents (default: the config's report.output,
                    ml-gate-results next to the config)
  --markdown FILE   where the markdown report goes (default DIR/report.md)
  --candidate FILE  the candidate's predictions (evaluated with the config's model and segments)
                    or its ml-gate/evaluation@1 JSON document (default: model.predictions;
                    one of the two is required when the config has a model)
  --baseline FILE   the baseline's, likewise (default: model.baseline; none: change gates
                    are skipped, or fail with on_missing_baseline: fail)
  --json OUT        also write the ml-gate/verdict@1 document to OUT ('-' for stdout, and
                    nothing else there)

The last line is the verdict, as the root action's job has it: data that fails its contract
(under its fail_on) fails it whatever the gates say.

Exit codes: 0 the gate passed (or only warned), 1 a dataset or the gate failed, 2 bad input.
`;
const runCommand = {
    name: 'run',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('run', args, {
            config: { type: 'string' },
            output: { type: 'string' },
            markdown: { type: 'string' },
            candidate: { type: 'string' },
            baseline: { type: 'string' },
            json: { type: 'string' }
        }, { min: 0, max: 0, names: 'no positional arguments' });
        const configFile = values.config ?? 'ml-gate.yml';
        // With `--json -`, stdout is the verdict document alone.
        const text = values.json === '-' ? () => undefined : (line) => console.stdout(logText(line));
        const progress = progressReporter(console);
        const result = await runStep({
            config: configFile,
            modelRequiredBy: values.json === undefined ? undefined : 'ml-gate run: --json writes the verdict',
            output: values.output,
            candidate: values.candidate,
            baseline: values.baseline,
            now: new Date(),
            progress: progress.update
        }).finally(progress.done);
        for (const { document } of result.validations)
            text(`${renderValidationText(document)}\n`);
        if (result.candidate)
            text(`${renderEvaluationText(result.candidate.document)}\n`);
        if (result.verdict)
            text(`${renderVerdictText(result.verdict.document)}\n`);
        const { content, verdict, code } = await reportStep({
            results: result.output,
            config: configFile,
            commit: null
        });
        const markdown = values.markdown ?? join(result.output, 'report.md');
        await writeOutput(markdown, renderReport(content, SUMMARY_LIMITS), console);
        text(`Result documents in ${result.output}/; the markdown report is ${markdown}.\n`);
        // The report's verdict, as the root action's job would have it: data failures included.
        text(`ml-gate: ${verdict} — ${reportHeadline(content)}\n`);
        if (values.json !== undefined && result.verdict)
            await writeJson(values.json, result.verdict.document, console);
        return code;
    }
};

export { runCommand };
