import { U as UserInputError, E as ExitCode } from './suggest.js';
import { s as schema, D as DEFAULT_MIN_SUPPORT, e as evaluateSettingsFromConfig } from './config.schema.js';
import { v as validateBins } from './segmentation.js';
import { r as rangeText } from './schema-errors.js';
import { a as parseNumber, p as parseInteger } from './parse-values.js';
import { b as byteShard, a as pieceRange, s as shardFiles, w as wholeFilePart, p as parseShard } from './partition.js';
import { r as renderEvaluationText } from './evaluation.js';
import { join } from 'node:path';
import { e as evaluatePredictions, i as inputClasses, a as evaluationDocument } from './evaluate2.js';
import { e as evaluationState, p as pieceState, m as mergeEvaluations } from './evaluation-state.js';
import { i as inputFiles } from './glob.js';
import { c as writeDocument, w as writeState, a as writeJson } from './write-output.js';
import { p as parseCommandArgs } from './args.js';
import { R as READ_OPTIONS_USAGE, r as readOptionsFromArgs, a as readOptionFlags } from './read-options.js';
import { l as logText } from './log-text.js';
import './base64.js';
import './hash.js';
import 'node:fs/promises';
import 'process';
import 'buffer';
import 'node:fs';
import './open.js';
import 'node:stream';
import 'node:zlib';
import 'node:buffer';
import './text-table.js';
import './binary.js';
import './selection.js';
import './staging-thread.js';
import 'node:worker_threads';
import './thread-script.js';
import './number-set.js';
import 'node:util';

/**
 * The bounds of the evaluation settings, read from schemas/config.schema.json, so that the
 * config (checked against the schema), the CLI's flags and the evaluate action's inputs accept
 * exactly the same values and say so in the same words. Past them the numbers stop meaning
 * anything: a confidence whose critical value overflows, more replicates or a wider seed than the
 * Poisson bootstrap streams take.
 */
const settings = schema.$defs.evaluation.properties;
/** `evaluation.confidence`, `evaluation.bootstrap` and `evaluation.seed` of the config. */
const EVALUATION_BOUNDS = {
    confidence: settings.confidence,
    bootstrap: settings.bootstrap,
    seed: settings.seed
};
/**
 * `text` as a number within `bounds`.
 *
 * @throws UserInputError `--bootstrap: expected an integer >= 100 and <= 100000, got '10000000'`
 */
function parseBounded(flag, text, bounds) {
    const n = Number(text);
    const within = text.trim() !== '' &&
        Number.isFinite(n) &&
        (bounds.type === 'number' || Number.isInteger(n)) &&
        (bounds.minimum === undefined || n >= bounds.minimum) &&
        (bounds.maximum === undefined || n <= bounds.maximum) &&
        (bounds.exclusiveMinimum === undefined || n > bounds.exclusiveMinimum) &&
        (bounds.exclusiveMaximum === undefined || n < bounds.exclusiveMaximum);
    if (!within) {
        throw new UserInputError(`${flag}: expected ${rangeText({ ...bounds })}, got '${text}'`);
    }
    return n;
}

const TASKS = ['binary', 'multiclass', 'regression'];
/**
 * The options by name, with their kind: CLI flags (`--name`, lists repeatable) and action inputs
 * (lists one item per line). The shape is `util.parseArgs`'s.
 */
const EVALUATE_OPTIONS = {
    task: { type: 'string' },
    label: { type: 'string' },
    score: { type: 'string' },
    'score-prefix': { type: 'string' },
    prediction: { type: 'string' },
    positive: { type: 'string' },
    threshold: { type: 'string' },
    weight: { type: 'string' },
    id: { type: 'string' },
    segment: { type: 'string', multiple: true },
    bins: { type: 'string', multiple: true },
    cross: { type: 'string', multiple: true },
    'min-support': { type: 'string' },
    confidence: { type: 'string' },
    bootstrap: { type: 'string' },
    seed: { type: 'string' }
};
/**
 * Settings from text options laid over `base` (from ml-gate.yml, when there is one).
 *
 * @param name how an option is named in messages: `--bins` for the CLI, `input 'bins'` for an action
 * @throws UserInputError naming the option and what it expected
 */
function evaluateSettingsFromOptions(values, base, name) {
    const task = values.task ?? base?.model.task;
    if (task === undefined)
        throw new UserInputError(`${name('task')} is required (binary, multiclass or regression)`);
    if (!TASKS.includes(task)) {
        throw new UserInputError(`${name('task')}: expected one of ${TASKS.join(', ')}, got '${task}'`);
    }
    const label = values.label ?? base?.model.label;
    if (label === undefined)
        throw new UserInputError(`${name('label')} is required: the column holding the true label`);
    const m = base?.model;
    // Null prototype: `--bins __proto__=…` is a column like any other, not the object's prototype.
    const bins = Object.assign(Object.create(null), base?.segments.bins);
    for (const text of values.bins ?? []) {
        const at = text.indexOf('=');
        if (at <= 0)
            throw new UserInputError(`${name('bins')}: expected COL=e1,e2,..., got '${text}'`);
        const column = text.slice(0, at);
        const edges = text
            .slice(at + 1)
            .split(',')
            .map((e) => parseNumber(name('bins'), e));
        validateBins(column, edges, `${name('bins')} ${column}`);
        bins[column] = edges;
    }
    const option = (key, parse, fallback) => {
        const text = values[key];
        return typeof text === 'string' ? parse(name(key), text) : fallback;
    };
    return {
        model: {
            task: task,
            label,
            score: values.score ?? m?.score,
            score_prefix: values['score-prefix'] ?? m?.score_prefix ?? 'score_',
            prediction: values.prediction ?? m?.prediction,
            positive: values.positive ?? m?.positive ?? 1,
            threshold: option('threshold', (f, t) => parseNumber(f, t, 0, 1), m?.threshold ?? 0.5),
            weight: values.weight ?? m?.weight,
            id: values.id ?? m?.id
        },
        segments: {
            columns: values.segment ?? base?.segments.columns ?? [],
            bins,
            cross: values.cross?.map((c) => c.split(',').map((s) => s.trim())) ?? base?.segments.cross ?? []
        },
        minSupport: option('min-support', (f, t) => parseInteger(f, t, 1), base?.minSupport ?? DEFAULT_MIN_SUPPORT),
        confidence: option('confidence', (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.confidence), base?.confidence ?? 0.95),
        bootstrap: {
            replicates: option('bootstrap', (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.bootstrap), base?.bootstrap.replicates ?? 1000),
            seed: option('seed', (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.seed), base?.bootstrap.seed ?? 42)
        }
    };
}

/**
 * The evaluation of every file of `files` (sorted, at least one: `inputFiles`) as one input named
 * `input`; one file is evaluated exactly as `evaluatePredictions` does.
 */
async function evaluateFiles(input, files, settings, read = {}, options = {}) {
    if (files.length === 1)
        return evaluatePredictions(files[0], settings, read, options);
    const classes = await inputClasses(files, settings, read);
    const pieces = [];
    for (const [index, file] of files.entries()) {
        pieces.push(await evaluatePredictions(file, settings, { ...read, part: wholeFilePart(index, files.length) }, { ...options, classes }));
    }
    return mergeEvaluations(input, pieces);
}
/**
 * Evaluates shard K of N of the input: every Nth file of several, or a byte range of one CSV or
 * JSON Lines file, and returns its state document. `files`: at least one, as `evaluateFiles`.
 * @throws UserInputError as `evaluatePredictions`, and for a byte range of gzip, Parquet or JSON
 */
async function evaluateShard(input, files, shard, settings, read = {}, options = {}) {
    const name = `shard ${shard.index}/${shard.count}`;
    if (files.length === 1) {
        const [file] = files;
        const started = performance.now();
        const scan = await byteShard(file, shard, read);
        const ms = performance.now() - started;
        const bytes = scan.part.bytes;
        const classes = await shardClasses([file], files, settings, read, { ...read, part: scan.part });
        const evaluation = await evaluatePredictions(file, settings, { ...read, part: scan.part }, { ...options, classes });
        const state = evaluationState(settings, input, { ...shard, by: 'bytes' }, classes ? [] : evaluation.classes, [pieceState(evaluation, 0, pieceRange(bytes))]);
        const stated = `${name}: ${file} bytes ${bytes.start}-${bytes.end} of ${scan.size}, from line ${bytes.line}: ` +
            `${evaluation.rows} rows (the range found by scanning ${scan.scanned} bytes in ${ms.toFixed(0)} ms)`;
        return { state, stated };
    }
    const mine = shardFiles(files, shard);
    const classes = await shardClasses(mine.map((f) => f.file), files, settings, read, read);
    const pieces = [];
    let found = [];
    for (const { file, index } of mine) {
        const evaluation = await evaluatePredictions(file, settings, { ...read, part: wholeFilePart(index, files.length) }, { ...options, classes });
        if (classes === null)
            found = evaluation.classes;
        pieces.push(pieceState(evaluation, index, null));
    }
    const state = evaluationState(settings, input, { ...shard, by: 'files' }, found, pieces);
    const names = mine.map((f) => f.file).join(', ');
    const stated = `${name}: ${mine.length} of ${files.length} files, every ${shard.count}th of the sorted list${names === '' ? '' : ` (${names})`}`;
    return { state, stated };
}
/**
 * Multiclass without probability columns: the classes of the shard's own rows (`mine`, read with
 * `part`), sorted; or, when those are fewer than 2 (an accumulator needs 2), the whole input's.
 * The state then states no classes (`[]`) and the merge widens every piece to the sorted union of
 * the pieces' classes (`evaluation-state.ts`): the list a single run finds, as it sorts them too.
 * `null` for another task, with probability columns (which name the classes), or no file.
 */
async function shardClasses(mine, all, settings, read, part) {
    if (mine.length === 0)
        return null;
    const own = await inputClasses(mine, settings, part);
    return own === null || own.length >= 2 ? own : inputClasses(all, settings, read);
}

/**
 * The evaluate step: a predictions file to an `ml-gate/evaluation@1` document, with the settings
 * of ml-gate.yml (when given) under those written as options. Shared by `ml-gate evaluate` and the
 * evaluate action.
 */
async function evaluateStep(request) {
    const { predictions, settings } = await resolveRequest(request);
    const files = await inputFiles(predictions);
    const document = evaluationDocument(await evaluateFiles(predictions, files, settings, request.read));
    if (request.results === undefined)
        return { document, path: null };
    const path = join(request.results.dir, `evaluation-${request.results.name}.json`);
    await writeDocument(path, document);
    return { document, path };
}
/**
 * Evaluates shard K of N of the predictions (a glob: every Nth file; one file: a byte range) to its
 * `ml-gate/evaluation-state@1` document, which `ml-gate merge` joins with the other shards'.
 * @throws UserInputError as `evaluateStep`, and for a byte range of gzip, Parquet or JSON data
 */
async function evaluateShardStep(request, shard) {
    const { predictions, settings } = await resolveRequest(request);
    return evaluateShard(predictions, await inputFiles(predictions), shard, settings, request.read);
}
async function resolveRequest(request) {
    // The config loader (the YAML parser and ajv) is loaded only when there is a config to read.
    const config = request.config === undefined
        ? undefined
        : (await (await import('./load.js').then(function (n) { return n.b; })).loadConfig(request.config, { workspace: request.workspace })).config;
    const base = config?.model ? evaluateSettingsFromConfig(config) : undefined;
    const predictions = request.predictions ?? config?.model?.predictions;
    if (predictions === undefined)
        throw new UserInputError(request.noPredictions);
    return { predictions, settings: evaluateSettingsFromOptions(request.options, base, request.optionName) };
}

const usage = `Usage: ml-gate evaluate --predictions FILE --task binary|multiclass|regression --label COL
                        [--score COL | --score-prefix P | --prediction COL] [--positive LABEL]
                        [--threshold T] [--weight COL] [--id COL] [--segment COL]...
                        [--bins COL=e1,e2,...]... [--cross COL,COL]... [--min-support N]
                        [--confidence C] [--bootstrap B] [--seed S] [--config ml-gate.yml]
                        [--shard K/N] [--json OUT] [read options]

Computes every metric of the task, overall and per segment, with confidence intervals
(Wilson for proportions, DeLong for ROC AUC, a seeded bootstrap for the rest).

  --predictions FILE   predictions with a label column (default with --config: model.predictions)
  --task T             binary | multiclass | regression
  --label COL          the true label
  --score COL          binary: probability of the positive class
  --score-prefix P     multiclass: probability columns are named P<class> (default score_)
  --prediction COL     multiclass: predicted class; regression: predicted value
  --positive LABEL     binary: the positive label (default 1)
  --threshold T        binary: predicted positive when score >= T (default 0.5)
  --weight COL         sample weights, honoured by every metric: 0 or in [1e-50, 1e50]
  --id COL             row id; keys the bootstrap so two models can be compared pairwise
  --segment COL        segment by the values of COL (repeatable)
  --bins COL=E,...     segment numeric COL into left-closed bins [E1,E2), ... (repeatable)
  --cross A,B          segment by every combination of A and B (repeatable)
  --min-support N      segments with fewer rows are flagged insufficient (default ${DEFAULT_MIN_SUPPORT})
  --confidence C       interval confidence level (default 0.95)
  --bootstrap B        bootstrap replicates (default 1000)
  --seed S             bootstrap seed (default 42)
  --config FILE        take the settings from ml-gate.yml; flags override them
  --predictions GLOB   several files (quote the glob): evaluated as one input, each file's rows keyed
                       by its place in the sorted list
  --shard K/N          evaluate only shard K of N and write its ml-gate/evaluation-state@1 to --json
                       (merge them with 'ml-gate merge'): with a glob every Nth file, with one CSV or
                       JSON Lines file a byte range aligned to records
  --json OUT           also write the ml-gate/evaluation@1 document to OUT ('-' for stdout)
${READ_OPTIONS_USAGE}`;
const flags = {
    predictions: { type: 'string' },
    ...EVALUATE_OPTIONS,
    config: { type: 'string' },
    shard: { type: 'string' },
    json: { type: 'string' },
    ...readOptionFlags
};
const evaluateCommand = {
    name: 'evaluate',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('evaluate', args, flags, {
            min: 0,
            max: 0,
            names: 'no positional arguments'
        });
        const request = {
            config: values.config,
            predictions: values.predictions,
            options: values,
            optionName: (option) => `--${option}`,
            noPredictions: 'ml-gate evaluate: --predictions FILE is required',
            read: readOptionsFromArgs(values)
        };
        if (values.shard !== undefined) {
            const shard = parseShard(values.shard, '--shard');
            if (values.json === undefined) {
                throw new UserInputError('ml-gate evaluate: --shard needs --json OUT, where the shard state is written');
            }
            const { state, stated } = await evaluateShardStep(request, shard);
            if (values.json !== '-')
                console.stdout(logText(`${stated}\n`));
            await writeState(values.json, state, console);
            return ExitCode.Pass;
        }
        const { document } = await evaluateStep(request);
        if (values.json !== '-')
            console.stdout(logText(renderEvaluationText(document)));
        if (values.json !== undefined)
            await writeJson(values.json, document, console);
        return ExitCode.Pass;
    }
};

export { evaluateCommand };
