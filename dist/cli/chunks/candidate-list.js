import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { l as loadConfig, c as configuredBaselineArtifact, a as configuredBaselineFile, u as unfetchedArtifact } from './load.js';
import { e as evaluateSettingsFromConfig } from './config.schema.js';
import { c as candidateResultFile, R as RESULT_FILES, r as readEvaluationFile, a as RESULT_NAME } from './result-names.js';
import { U as UserInputError, E as ExitCode } from './suggest.js';
import { b as asEvaluationDocument, e as evaluatePredictions, d as documentSettings } from './evaluate2.js';
import { h as holmAdjust, a as checkGates, c as checkSegmentKeys } from './family.js';
import { m as measure, b as boundPValue, c as pairModels, d as judgeCandidates, i as isDocument } from './pairing.js';
import { d as describeMetric, O as OVERALL } from './segmentation.js';
import { s as showNumber, a as showSigned, c as showLevel, b as showInterval } from './multiple-testing.js';
import { s as settingDifferences, d as describeDifferences } from './same-settings.js';
import { v as verdictDocument } from './candidate-board.js';
import { c as writeDocument } from './write-output.js';

/**
 * The selection of `loaded`: its `select`, or by default the metric of the first gate whose metric
 * has a better direction, on `all`, in point mode.
 * @throws UserInputError at `model` when there is no `select` and no gate to take a metric from
 */
function selectionSettings(loaded) {
    const { config } = loaded;
    if (config.select !== undefined)
        return config.select;
    const gate = config.gates.find((g) => describeMetric(g.metric)?.direction !== 'none');
    if (gate !== undefined)
        return { metric: gate.metric, segment: OVERALL, mode: 'point' };
    throw new UserInputError('model: several named candidates are ranked by a metric, and no gate has one with a better ' +
        'direction to default to; add `select: { metric: roc_auc }` (or another metric) to the config', loaded.locate(['model'], 'key'));
}
/** Ranks `contenders` and names the winner, as the module comment says. */
function selectWinner(contenders, settings, confidence) {
    const { metric, segment, mode } = settings;
    const higher = describeMetric(metric).direction === 'higher';
    const values = contenders.map((c) => {
        const value = c.results.metric(segment, metric, confidence);
        const v = value?.value ?? null;
        const finite = v !== null && Number.isFinite(v) && value?.defined !== false;
        return { value: finite ? v : null, ci: finite ? (value?.ci ?? null) : null };
    });
    const eligible = contenders.map((_, i) => i).filter((i) => contenders[i].verdict !== 'fail');
    const ranked = eligible
        .filter((i) => values[i].value !== null)
        .sort((a, b) => (higher ? values[b].value - values[a].value : values[a].value - values[b].value) || a - b);
    const placings = contenders.map((_, i) => {
        const at = ranked.indexOf(i);
        return { rank: at < 0 ? null : at + 1, select_value: values[i].value, select_ci: values[i].ci };
    });
    const about = `${metric} for ${segment} (${higher ? 'higher' : 'lower'} is better)`;
    const base = { metric, segment, mode, higher_is_better: higher };
    const unranked = eligible.filter((i) => values[i].value === null).map((i) => contenders[i].name);
    const unrankedText = unranked.length === 0
        ? ''
        : `; not ranked, their ${metric} for ${segment} being undefined: ${unranked.join(', ')}`;
    if (ranked.length === 0) {
        const why = eligible.length === 0
            ? 'no candidate passes or warns'
            : `no candidate that passes or warns has a defined ${metric} for ${segment}`;
        return {
            placings,
            winner: null,
            selection: { ...base, tie: false, reason: `${why}: no winner${unrankedText}` }
        };
    }
    const leader = ranked[0];
    const name = contenders[leader].name;
    const leads = `${name} leads on ${about} with ${showNumber(values[leader].value)}`;
    if (mode === 'point') {
        const tied = ranked.slice(1).filter((i) => values[i].value === values[leader].value);
        const tie = tied.map((i) => contenders[i].name);
        const reason = ranked.length === 1
            ? `${leads}, the only candidate ranked${unrankedText}`
            : `${leads}` +
                (tie.length > 0
                    ? `, the same value as ${tie.join(', ')}: a tie, broken by config order`
                    : `, ahead of ${contenders[ranked[1]].name} (${showNumber(values[ranked[1]].value)})`) +
                ` (point values)${unrankedText}`;
        return { placings, winner: name, selection: { ...base, tie: tie.length > 0, reason } };
    }
    const { tie, text } = significantLead(contenders, leader, ranked.slice(1), settings, confidence);
    const reason = ranked.length === 1 && unranked.length === 0
        ? `${leads}, the only candidate that passes or warns`
        : `${leads}; ${text}${unranked.length > 0 ? `; not shown better than ${unranked.join(', ')} (undefined ${metric}): a tie` : ''}`;
    return {
        placings,
        winner: name,
        selection: { ...base, tie: tie || unranked.length > 0, reason }
    };
}
/** The leader's advantage over each of `others` (significant mode), Holm over the comparisons. */
function significantLead(contenders, leader, others, settings, confidence) {
    if (others.length === 0)
        return { tie: false, text: 'no other candidate is ranked' };
    const { metric, segment } = settings;
    // The leader's drop against the other, bounded by 0: negative = the leader is better.
    const rule = { kind: 'max_drop', threshold: 0 };
    const direction = describeMetric(metric).direction;
    const compared = others.map((i) => {
        const measured = measure({
            candidate: contenders[leader].results,
            baseline: contenders[i].results,
            key: segment,
            metric,
            direction,
            rule,
            confidence
        });
        if ('undefinedBecause' in measured)
            return { i, quantity: null, p: 1 };
        const q = measured.quantity;
        const ci = q.interval(confidence);
        return { i, quantity: q, p: ci === null ? 1 : boundPValue(rule, q.value, ci, confidence) };
    });
    const holm = holmAdjust(compared.map((c) => c.p), confidence);
    let tie = false;
    const parts = compared.map((c, k) => {
        const other = contenders[c.i].name;
        if (c.quantity === null) {
            tie = true;
            return `not comparable with ${other}: a tie`;
        }
        const level = holm.confidence[k];
        const drop = c.quantity.interval(level);
        if (drop === null) {
            tie = true;
            return `no interval of the difference with ${other} (${c.quantity.method}): a tie`;
        }
        // The advantage is −drop: its interval is the drop's, negated and reversed.
        const advantage = [-drop[1], -drop[0]];
        const better = advantage[0] > 0;
        if (!better)
            tie = true;
        const method = c.quantity.method === 'paired bootstrap'
            ? `paired bootstrap (on the ${contenders[leader].results.segment(segment)?.n} ids of ${segment})`
            : c.quantity.method;
        return (`advantage over ${other} ${showSigned(-c.quantity.value)}, ${showLevel(level)} ${method} ` +
            `interval ${showInterval(advantage)} ${better ? 'lies wholly above 0: better' : 'includes 0 or less: a tie'}`);
    });
    const family = `Holm over ${compared.length} comparison${compared.length === 1 ? '' : 's'} at family-wise ${showLevel(confidence)}`;
    return {
        tie,
        text: `${parts.join('; ')} (${family})${tie ? '; the leader wins by point value, flagged tie' : ''}`
    };
}

/**
 * The document of several named candidates (at least one), as the `VerdictDocument` fields
 * `candidates`, `winner` and `selection` describe.
 *
 * Headline: `<winner> wins: <why>; <its headline>` (with `(tie)` when flagged), or
 * `no candidate passes: <name>: <its headline>; …`.
 */
function candidatesVerdict(judged, settings, confidence) {
    const outcome = selectWinner(judged.map((j) => ({ name: j.name, verdict: j.verdict.verdict, results: j.results })), settings, confidence);
    const candidates = judged.map(({ name, verdict: v }, i) => ({
        name,
        file: v.candidate,
        verdict: v.verdict,
        ...outcome.placings[i],
        headline: v.headline,
        no_evidence: v.no_evidence,
        counts: v.counts,
        pairing: v.pairing,
        results: v.results
    }));
    const index = judged.findIndex((j) => j.name === outcome.winner);
    const top = judged[Math.max(index, 0)].verdict;
    const { selection, winner } = outcome;
    const headline = winner === null
        ? `no candidate passes: ${judged.map((j) => `${j.name}: ${j.verdict.headline}`).join('; ')}`
        : `${winner} wins${selection.tie ? ' (tie)' : ''} on ${selection.metric} for ${selection.segment} ` +
            `(${describeRank(candidates, winner)}); ${top.headline}`;
    return {
        ...top,
        verdict: winner === null ? 'fail' : top.verdict,
        headline,
        candidates,
        winner,
        selection
    };
}
/** `0.812, best of 2 that pass or warn; 1 fails` */
function describeRank(candidates, winner) {
    const value = candidates.find((c) => c.name === winner).select_value;
    const ranked = candidates.filter((c) => c.rank !== null).length;
    const failing = candidates.filter((c) => c.verdict === 'fail').length;
    const of = ranked === 1 ? 'the only one ranked' : `best of ${ranked} ranked`;
    return `${showNumber(value)}, ${of}${failing > 0 ? `; ${failing} fail${failing === 1 ? 's' : ''}` : ''}`;
}

/** `fail` exits 1; `warn` is reported but exits 0, like `pass`. */
function verdictExitCode(verdict) {
    return verdict === 'fail' ? ExitCode.GateFailed : ExitCode.Pass;
}

/**
 * The gate step end to end: check the config, evaluate (or read) the candidate and the baseline,
 * judge every gate, and return the verdict document. Shared by `ml-gate gate`, the `gate` action
 * and `ml-gate run`.
 */
async function gateStep(request) {
    const { config, workspace, results, ...options } = request;
    const gate = await runGate({ ...options, config: await loadConfig(config, { workspace }) });
    const written = results === undefined ? null : await writeGateDocuments(results, gate);
    return { ...gate, written, code: verdictExitCode(gate.verdict.verdict) };
}
/**
 * Writes a gate run's documents into `dir`, as every step that gates names them (`RESULT_FILES`;
 * named candidates as `candidateResultFile(name)` instead of `evaluation-candidate.json`);
 * `beforeVerdict` is told when the evaluations are written (progress).
 */
async function writeGateDocuments(dir, gate, beforeVerdict) {
    const write = async (name, document) => {
        const path = join(dir, name);
        await writeDocument(path, document);
        return path;
    };
    const documents = {
        candidate: gate.candidates === null ? asEvaluationDocument(gate.candidate) : null,
        candidates: (gate.candidates ?? []).map(({ input }) => asEvaluationDocument(input)),
        baseline: gate.baseline ? asEvaluationDocument(gate.baseline) : null
    };
    const candidates = [];
    for (const [i, { name }] of (gate.candidates ?? []).entries()) {
        candidates.push({ name, input: await write(candidateResultFile(name), documents.candidates[i]) });
    }
    const candidate = documents.candidate === null ? null : await write(RESULT_FILES.candidate, documents.candidate);
    const baseline = documents.baseline === null ? null : await write(RESULT_FILES.baseline, documents.baseline);
    beforeVerdict?.();
    const verdict = await write(RESULT_FILES.verdict, gate.verdict);
    return { candidate, candidates, baseline, verdict, documents };
}
/**
 * Runs the gates of `options.config`.
 *
 * Several named candidates (`options.candidates`, or the config's `model.candidates` when no
 * `options.candidate` is given) are each evaluated and paired with the one baseline, judged in
 * families that span them all (`judgeCandidates`), and ranked (`candidatesVerdict`, `select.ts`).
 *
 * Order: the gates and waivers are checked against the metric catalog and the segment columns
 * first (`checkGates`), so a typo fails in milliseconds, before any file is read. Then the
 * candidate and baseline are evaluated with the config's `model` and `segments` (or read, for
 * evaluation documents), their settings checked, paired (`pairModels`: on which rows changes are
 * computed); the segment keys the gates and waivers name are checked against the candidate's
 * segments (`checkSegmentKeys`), and the gates judged (`judgeGates`).
 *
 * @throws UserInputError for a config mistake (at its line), an unreadable or invalid file, a
 *   document evaluated with other settings than the config's or the other document's
 *   (`same-settings.ts`), listing each setting that differs, or two files that are not the same
 *   evaluation set (`pairing.ts`)
 */
async function runGate(options) {
    const { config } = options.config;
    checkGates(options.config);
    const named = namedCandidates(options.config, options);
    const select = named === null ? null : selectionSettings(options.config);
    const settings = evaluateSettingsFromConfig(config);
    const inputs = named ?? [
        { name: 'candidate', input: candidateInput(options.config, options.candidate) }
    ];
    const loaded = [];
    for (const { name, input } of inputs) {
        const model = await loadModel(input, settings, options.read);
        loaded.push({ name, model: { model, file: fileOf(input, model) } });
    }
    const given = baselineInput(config, options.baseline);
    const baseline = given == null ? null : await loadModel(given, settings, options.read);
    const artifact = configuredBaselineArtifact(config.model);
    const baselineMissing = baseline !== null
        ? undefined
        : (options.baselineMissing ?? (artifact === undefined ? undefined : unfetchedArtifact(artifact)));
    const loadedBaseline = baseline === null ? null : { model: baseline, file: fileOf(given, baseline) };
    // Settings first: a document of other settings is told as such, before its state is read.
    for (const { model } of loaded)
        checkSettings(settings, model, loadedBaseline);
    const paired = [];
    for (const { model } of loaded) {
        const pair = await pairModels(model, loadedBaseline, settings, options.read);
        checkSegmentKeys(options.config, pair.candidate);
        paired.push(pair);
    }
    const results = judgeCandidates({
        config,
        candidates: paired.map((p) => ({
            candidate: p.candidate,
            comparedCandidate: p.compared,
            baseline: p.baseline
        })),
        baselineMissing,
        now: options.now
    });
    const verdicts = paired.map((p, i) => verdictDocument({
        config,
        results: results[i],
        candidate: p.candidate.file,
        baseline: p.baseline?.file ?? null,
        pairing: p.pairing,
        baselineMissing,
        baselineSource: baseline === null ? undefined : options.baselineSource,
        now: options.now
    }));
    const models = loaded.map(({ name, model }) => ({ name, input: model.model }));
    if (select === null)
        return { verdict: verdicts[0], candidate: models[0].input, baseline, candidates: null };
    const verdict = candidatesVerdict(verdicts.map((v, i) => ({ name: models[i].name, verdict: v, results: paired[i].candidate })), select, config.evaluation.confidence);
    const top = models.find((m) => m.name === verdict.winner) ?? models[0];
    return { verdict, candidate: top.input, baseline, candidates: models };
}
/**
 * The named candidates to gate: `options.candidates`, else (without `options.candidate`) the
 * config's `model.candidates`; `null` for one unnamed candidate.
 * @throws UserInputError for both `candidate` and `candidates`, or duplicate names
 */
function namedCandidates(loaded, options) {
    if (options.candidates !== undefined) {
        if (options.candidate !== undefined) {
            throw new UserInputError('give one unnamed candidate or several named ones, not both');
        }
        const names = options.candidates.map((c) => c.name);
        const twice = names.find((name, i) => names.indexOf(name) !== i);
        if (twice !== undefined) {
            throw new UserInputError(`the candidate name '${twice}' is given twice; names must be unique`);
        }
        if (options.candidates.length === 0)
            throw new UserInputError('an empty list of named candidates');
        return [...options.candidates];
    }
    if (options.candidate !== undefined)
        return null;
    return configuredCandidates(loaded.config) ?? null;
}
/** The config's `model.candidates` as named inputs; `undefined` without them. */
function configuredCandidates(config) {
    return config.model?.candidates?.map((c) => ({ name: c.name, input: c.predictions }));
}
/**
 * The baseline: `given` (`null`: none), else the config's `model.baseline` file (not an artifact,
 * which only the actions fetch).
 */
function baselineInput(config, given) {
    return given === undefined ? configuredBaselineFile(config.model) : given;
}
/**
 * The candidate: `given`, else the config's `model.predictions`.
 * @throws UserInputError at the config's `model` when there is neither
 */
function candidateInput(loaded, given) {
    const input = given ?? loaded.config.model?.predictions;
    if (input !== undefined)
        return input;
    throw new UserInputError("model: no candidate to gate: the config's model has no `predictions`, and none was given; " +
        'add `predictions: FILE` to the model section, or pass --candidate FILE (ml-gate gate, ml-gate run) ' +
        "or the actions' candidate input", loaded.locate(['model'], 'key'));
}
async function loadModel(input, settings, read) {
    if (typeof input !== 'string')
        return input;
    if (await looksLikeDocument(input))
        return readEvaluationDocument(input);
    return evaluatePredictions(input, settings, read);
}
/** A JSON object whose first 4 KiB name a `schema`: a result document, not rows of predictions. */
async function looksLikeDocument(file) {
    let handle;
    try {
        handle = await open(file, 'r');
    }
    catch {
        return false; // the table reader reports the missing file in its own words
    }
    try {
        const buffer = Buffer.alloc(4096);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        const head = buffer.toString('utf8', 0, bytesRead);
        return /^\s*\{/.test(head) && head.includes('"schema"');
    }
    finally {
        await handle.close();
    }
}
/**
 * Reads an `ml-gate/evaluation@1` document, valid against its schema (src/documents/evaluation.ts).
 * @throws UserInputError naming the file, the place and what was expected
 */
async function readEvaluationDocument(file) {
    return (await readEvaluationFile(file)).document;
}
function stated(model) {
    return isDocument(model)
        ? model
        : { task: model.settings.model.task, settings: documentSettings(model.settings) };
}
function fileOf(input, model) {
    return typeof input === 'string' ? input : model.file;
}
/**
 * Two documents must have been evaluated alike, and each model like the config says.
 * @throws UserInputError at the first model that differs, listing each differing setting
 */
function checkSettings(settings, candidate, baseline) {
    if (baseline !== null && isDocument(candidate.model) && isDocument(baseline.model)) {
        const differences = settingDifferences(candidate.model, baseline.model);
        if (differences.length > 0) {
            throw new UserInputError(`was evaluated with other settings than the baseline ${baseline.file}: ` +
                `${describeDifferences(differences, "this document's", "the baseline's")} ` +
                '(evaluate both with the same config)', { file: candidate.file });
        }
    }
    const config = { task: settings.model.task, settings: documentSettings(settings) };
    for (const { model, file } of baseline === null ? [candidate] : [candidate, baseline]) {
        const differences = settingDifferences(stated(model), config);
        if (differences.length > 0) {
            const mine = isDocument(model) ? "the document's" : "the evaluation's";
            throw new UserInputError(`was evaluated with other settings than the config: ` +
                `${describeDifferences(differences, mine, "the config's")} (evaluate it again with this config)`, { file });
        }
    }
}

/**
 * The candidates given by flag or input: `FILE` (one unnamed candidate) or `NAME=FILE` entries
 * (several named ones), as `ml-gate gate --candidate`, `ml-gate run --candidate` and the actions'
 * `candidate` input (one entry a line) take them. Shared so that all three read them alike.
 */
/**
 * Reads `entries`: an entry is `NAME=FILE` when it has a `=` before any `/` or `\`, else a FILE
 * (so `./a=b.csv` is a file). One FILE alone is the unnamed candidate; otherwise every entry must
 * be `NAME=FILE`, names unique.
 *
 * @param where names entry i in messages, e.g. `--candidate 'x'` or `input 'candidate', line 2`
 * @throws UserInputError for an empty name or file, a name outside `[A-Za-z0-9._-]+`, a name
 *   given twice, or a FILE among several entries
 * @example parseCandidates(['gbm=preds/gbm.csv', 'l1=preds/l1.csv'], …)
 * // { candidates: [{ name: 'gbm', input: 'preds/gbm.csv' }, { name: 'l1', input: 'preds/l1.csv' }] }
 */
function parseCandidates(entries, where) {
    if (entries.length === 0)
        return {};
    const parsed = entries.map((entry, i) => {
        const at = entry.indexOf('=');
        const slash = entry.search(/[/\\]/);
        if (at < 0 || (slash >= 0 && slash < at))
            return { name: null, file: entry };
        const name = entry.slice(0, at);
        const file = entry.slice(at + 1);
        const bad = (problem) => {
            throw new UserInputError(`${where(i)}: ${problem}; expected NAME=FILE, e.g. gbm-depth4=preds/gbm4.csv`);
        };
        if (name === '')
            bad('the name before = is empty');
        if (!RESULT_NAME.test(name))
            bad(`the name '${name}' may hold only letters, digits, '.', '_' and '-'`);
        if (file.trim() === '')
            bad(`no file after '${name}='`);
        return { name, file };
    });
    if (parsed.length === 1 && parsed[0].name === null)
        return { candidate: parsed[0].file };
    const seen = new Map();
    const candidates = parsed.map(({ name, file }, i) => {
        if (name === null) {
            throw new UserInputError(`${where(i)}: several candidates must each be named, NAME=FILE (e.g. gbm-depth4=${file}); ` +
                'one FILE alone is the unnamed candidate');
        }
        const first = seen.get(name);
        if (first !== undefined) {
            throw new UserInputError(`${where(i)}: the name '${name}' is already given by ${where(first)}; names must be unique`);
        }
        seen.set(name, i);
        return { name, input: file };
    });
    return { candidates };
}

export { candidateInput as a, baselineInput as b, configuredCandidates as c, gateStep as g, parseCandidates as p, runGate as r, writeGateDocuments as w };
