import { join } from 'node:path';
import { r as renderEvaluationText } from './evaluation.js';
import { d as reportStep, b as renderReport, r as reportHeadline, S as SUMMARY_LIMITS } from './report2.js';
import { r as renderValidationText } from './validate2.js';
import { r as renderVerdictText } from './pairing.js';
import { l as loadConfig } from './load.js';
import { U as UserInputError } from './suggest.js';
import { a as checkGates } from './family.js';
import { e as expandGlob } from './glob.js';
import { c as configuredCandidates, a as candidateInput, b as baselineInput, r as runGate, w as writeGateDocuments, p as parseCandidates } from './candidate-list.js';
import { v as validateStep } from './validate3.js';
import { p as parseCommandArgs } from './args.js';
import { b as writeOutput, a as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import './text-table.js';
import 'node:crypto';
import 'node:fs';
import './candidate-board.js';
import './segmentation.js';
import './base64.js';
import './hash.js';
import './rules.js';
import './multiple-testing.js';
import 'node:fs/promises';
import './result-names.js';
import './read-document.js';
import './schema-validator.js';
import './schema-errors.js';
import 'process';
import 'buffer';
import './version.js';
import './count-table.js';
import './selection.js';
import './detect.js';
import './number-set.js';
import './config.schema.js';
import './binary.js';
import './open.js';
import 'node:stream';
import 'node:zlib';
import 'node:buffer';
import './evaluate2.js';
import './staging-thread.js';
import 'node:worker_threads';
import './thread-script.js';
import './same-settings.js';
import './partition.js';
import 'node:util';

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
 * (`validation-<name>.json`, `evaluation-candidate.json` or with named candidates
 * `evaluation-candidate-<name>.json` each, `evaluation-baseline.json`, `verdict.json`). Sends nothing anywhere.
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
    if (!config.model &&
        (options.candidate ?? options.candidates ?? options.baseline ?? undefined) !== undefined) {
        throw new UserInputError('a candidate or baseline was given, but the config has no `model` section to evaluate it with: add one naming the task and label', loaded.locate([], 'key'));
    }
    // Before any data is read: a config without predictions needs them by flag.
    const named = options.candidates ?? (options.candidate === undefined ? configuredCandidates(config) : undefined);
    const candidateFile = config.model && named === undefined ? candidateInput(loaded, options.candidate) : undefined;
    const candidateFiles = named?.map((c) => c.input).join(', ') ?? candidateFile;
    const baselineFile = baselineInput(config, options.baseline) ?? undefined;
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
    let candidates = [];
    let baseline = null;
    let verdict = null;
    if (config.model) {
        progress(`evaluating ${candidateFiles}${baselineFile ? ` and ${baselineFile}` : ''}`);
        const gate = await runGate({
            config: loaded,
            ...(named === undefined ? { candidate: candidateFile } : { candidates: named }),
            baseline: baselineFile ?? null,
            baselineSource: options.baselineSource,
            baselineMissing: options.baselineMissing,
            now: options.now
        });
        const gated = named === undefined ? 'the candidate' : `${named.length} candidates`;
        if (baselineFile)
            progress(`gating ${gated} against the thresholds and the baseline`);
        const written = await writeGateDocuments(output, gate, () => progress('writing the verdict'));
        const { documents } = written;
        if (written.candidate !== null && documents.candidate !== null)
            candidate = { path: written.candidate, document: documents.candidate };
        candidates = written.candidates.map(({ name, input: path }, i) => ({
            name,
            path,
            document: documents.candidates[i]
        }));
        if (written.baseline !== null && documents.baseline !== null)
            baseline = { path: written.baseline, document: documents.baseline };
        verdict = { path: written.verdict, document: gate.verdict };
    }
    return { output, validations, candidate, candidates, baseline, verdict };
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
                   [--candidate FILE | --candidate NAME=FILE ...] [--baseline FILE]
                   [--json OUT]

Runs what ml-gate.yml describes, as the root action does in CI: validates every dataset
(contract and drift), evaluates the candidate and the baseline, gates the candidate, and
renders the report. Every result document is written to one folder; nothing is uploaded.

  --config FILE     the config (default ml-gate.yml)
  --output DIR      folder for the result documents (default: the config's report.output,
                    ml-gate-results next to the config)
  --markdown FILE   where the markdown report goes (default DIR/report.md)
  --candidate FILE  the candidate's predictions (evaluated with the config's model and segments)
                    or its ml-gate/evaluation@1 JSON document (default: model.predictions or
                    model.candidates; one of them is required when the config has a model)
  --candidate NAME=FILE
                    repeatable: several named candidates instead (overrides model.candidates),
                    each gated, the best that passes picked by the config's select
  --baseline FILE   the baseline's, likewise (default: model.baseline; none: change gates
                    are skipped, or fail with on_missing_baseline: fail; a baseline
                    artifact in the config is fetched only by the actions: give its file here)
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
            candidate: { type: 'string', multiple: true },
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
            ...parseCandidates(values.candidate ?? [], (i) => `--candidate '${values.candidate[i]}'`),
            baseline: values.baseline,
            now: new Date(),
            progress: progress.update
        }).finally(progress.done);
        for (const { document } of result.validations)
            text(`${renderValidationText(document)}\n`);
        if (result.candidate)
            text(`${renderEvaluationText(result.candidate.document)}\n`);
        for (const { name, document } of result.candidates)
            text(`${name}: ${renderEvaluationText(document)}\n`);
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
