import { relative, sep, isAbsolute, join, resolve, dirname } from 'node:path';
import { s as schema } from './config.schema.js';
import { U as UserInputError } from './suggest.js';
import { realpathSync } from 'node:fs';
import { P as firstUnorderedEdge } from './segmentation.js';
import { l as compileSchema } from './schema-validator.js';
import { a as readYamlFile, b as parseYaml, f as formatPath } from './schema-errors.js';

/**
 * Path confinement: in a workflow, every file ml-gate reads or writes must lie inside the
 * workspace (`GITHUB_WORKSPACE`), unless the user explicitly allowed otherwise. A pull request can
 * change ml-gate.yml; without this check it could name `../../home/runner/.ssh/id_rsa` or a
 * symlink to `/proc/self/environ` and have its content shown in the job summary or the comment.
 *
 * The CLI does not confine: on a laptop the user is the workspace owner and reads what they type.
 * Neither is the actions' `results-dir` input: that folder holds only ml-gate's own documents
 * (fixed names, schema-checked when read back), and workflows often put it in `runner.temp`.
 */
/** Characters that make a path a glob (see `glob.ts`). */
const MAGIC = /[*?[]/;
/**
 * Why `path` is outside `workspace.root` (or inside its `.git` folder), or `null` when it is
 * inside (or confinement is off).
 *
 * `path` is taken relative to the current directory, as every reader takes it. Symbolic links are
 * resolved (realpath) before the check, through the longest part of the path that exists, so a
 * link inside the workspace that points out is outside, and a file not written yet (an output
 * folder) is checked by its nearest existing parent. A glob is checked by its folder part before
 * the first wildcard, and may not hold `..` after a wildcard (globs never follow symbolic links).
 *
 * @returns `null`, or e.g. `'../secrets.csv' resolves to /home/runner/secrets.csv, outside the
 *   workspace /home/runner/work/repo'`
 *
 * @example
 * outsideWorkspace('data/train.csv', { root: '/w', allowOutside: false }) // null (cwd /w)
 * outsideWorkspace('/etc/passwd', { root: '/w', allowOutside: false }) // "'/etc/passwd' resolves to /etc/passwd, outside the workspace /w"
 */
function outsideWorkspace(path, workspace) {
    if (workspace.allowOutside)
        return null;
    const segments = path.split(/[\\/]/);
    const firstMagic = segments.findIndex((s) => MAGIC.test(s));
    if (firstMagic >= 0 && segments.slice(firstMagic).includes('..')) {
        return `'${path}' has '..' after a wildcard, which could leave the workspace ${realPath(workspace.root)}`;
    }
    const literal = firstMagic < 0 ? path : segments.slice(0, firstMagic).join('/') || '.';
    const root = realPath(workspace.root);
    const target = realPath(literal);
    const rel = relative(root, target);
    const inside = rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
    if (!inside)
        return `'${path}' resolves to ${target}, outside the workspace ${root}`;
    // actions/checkout keeps the token in .git/config (persist-credentials): never data.
    if (rel.split(sep)[0] === '.git')
        return `'${path}' is in the workspace's .git folder, which can hold credentials`;
    return null;
}
/**
 * The real path of `path` (symbolic links resolved) when it exists; otherwise the real path of
 * its nearest existing parent joined with the rest, so that a link anywhere on the way counts.
 * `..` is left to the operating system (realpath(3)): `link/..` is the parent of the link's
 * target, not the folder holding the link, so it cannot be normalised away first.
 */
function realPath(path) {
    let head = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
    const rest = [];
    for (;;) {
        try {
            return join(realpathSync.native(head), ...rest);
        }
        catch {
            const cut = head.lastIndexOf(sep);
            if (cut <= 0)
                return resolve(path);
            rest.unshift(head.slice(cut + 1));
            head = head.slice(0, cut);
        }
    }
}

/** The baseline file the config names; `undefined` for none or an artifact. */
function configuredBaselineFile(model) {
    return typeof model?.baseline === 'string' ? model.baseline : undefined;
}
/** The artifact name the config gives (`model.baseline: { artifact: NAME }`); `undefined` otherwise. */
function configuredBaselineArtifact(model) {
    return typeof model?.baseline === 'object' ? model.baseline.artifact : undefined;
}
/**
 * Why there is no baseline when the config names an artifact and nothing fetched it: the CLI (or
 * a step without GitHub) cannot reach the Actions artifacts API.
 */
function unfetchedArtifact(name) {
    return (`model.baseline names the Actions artifact '${name}', which only the gate and root actions ` +
        'fetch from GitHub; give the baseline as a file (--baseline FILE) to compare with it here');
}

/**
 * Load ml-gate.yml: parse, validate against schemas/config.schema.json, apply defaults, resolve
 * paths. Every mistake a user can make in the file is one `UserInputError` at its line and column.
 */
let validateConfig;
/**
 * Read, validate and complete the config file `file`.
 *
 * - Defaults come from the schema (`evaluation.confidence` 0.95, `gates[].severity` fail...);
 *   `report.comment_key` defaults to `file`.
 * - `data[].path`, `contract`, `reference`, `model.predictions`, `model.candidates[].predictions`,
 *   `model.baseline`, `report.output`, `monitor.logs` and a file `monitor.reference` are relative
 *   to the config's directory: they are joined to it (a config
 *   given as `examples/credit/ml-gate.yml` naming `data/train.csv` gives
 *   `examples/credit/data/train.csv`). Absolute paths are kept.
 * - Checked beyond the schema: bin edges are strictly increasing; `model.candidates` comes without
 *   `predictions` and with unique names.
 * - Not checked here: metric names and column names (the gates and metrics modules know them;
 *   they use `locate` to point at the config line).
 * - `options.workspace` (the actions pass `GITHUB_WORKSPACE`; the CLI passes nothing): every path
 *   above, once resolved, must lie inside it, symbolic links followed, unless the workspace allows
 *   outside paths (the action input `allow-outside-workspace`). There is deliberately no key for
 *   it in this file: a pull request can edit the config, but not the workflow of its base.
 *
 * @throws UserInputError for a missing file, invalid YAML, an empty file, or a config that does
 *   not match the schema, e.g.
 *   `ml-gate.yml:9:3: segments: unknown key 'min_suport' (did you mean 'min_support'?); allowed keys: columns, bins, cross, min_support`
 */
async function loadConfig(file, options = {}) {
    return configFromSource(await readYamlFile(file), options);
}
/** `loadConfig` for text already read; `file` is used for messages and to resolve paths. */
function parseConfig(text, file, options = {}) {
    return configFromSource(parseYaml(text, file), options);
}
function configFromSource(source, options) {
    const { file } = source;
    if (source.value === null) {
        throw new UserInputError('empty config: expected at least `version: 1`', source.locate([]));
    }
    validateConfig ??= compileSchema(schema);
    const validated = validateConfig(source);
    checkBinEdges(validated, source);
    checkCandidates(validated, source);
    const dir = dirname(file);
    const config = resolvePaths({ ...validated, report: { comment_key: file, ...validated.report } }, dir);
    if (options.workspace !== undefined)
        checkConfined(config, options.workspace, source);
    return { config, file, dir, locate: source.locate };
}
/** Every path of the config inside the workspace; the first one outside is the error. */
function checkConfined(config, workspace, source) {
    const paths = [
        ...config.data.flatMap((data, i) => ['path', 'contract', 'reference'].map((key) => [
            ['data', i, key],
            data[key]
        ])),
        [['model', 'predictions'], config.model?.predictions],
        ...(config.model?.candidates ?? []).map((c, i) => [
            ['model', 'candidates', i, 'predictions'],
            c.predictions
        ]),
        [['model', 'baseline'], configuredBaselineFile(config.model)],
        [['report', 'output'], config.report.output],
        [['monitor', 'logs'], config.monitor?.logs],
        [['monitor', 'reference'], monitorReferenceFile(config)]
    ];
    for (const [path, value] of paths) {
        const outside = value === undefined ? null : outsideWorkspace(value, workspace);
        if (outside !== null) {
            throw new UserInputError(`${formatPath(path)}: ${outside}; in a workflow ml-gate reads and writes only inside the workspace. ` +
                "Set the action input 'allow-outside-workspace: true' in the workflow to allow it", source.locate(path));
        }
    }
}
/**
 * `model.candidates` replaces `predictions` (both would leave it unclear which is gated), and its
 * names are unique (they name result files): what the schema does not say.
 */
function checkCandidates(config, source) {
    const candidates = config.model?.candidates;
    if (candidates === undefined)
        return;
    if (config.model.predictions !== undefined) {
        throw new UserInputError('model: both `predictions` and `candidates`; give one candidate as `predictions: FILE`, ' +
            'or several as `candidates: [{name, predictions}]`, not both', source.locate(['model', 'candidates'], 'key'));
    }
    const seen = new Map();
    candidates.forEach(({ name }, i) => {
        const first = seen.get(name);
        if (first !== undefined) {
            const path = ['model', 'candidates', i, 'name'];
            throw new UserInputError(`${formatPath(path)}: the candidate name '${name}' is already used by model.candidates[${first}]; ` +
                'names must be unique (each names its result file)', source.locate(path));
        }
        seen.set(name, i);
    });
}
/** Bin edges must be strictly increasing: the schema cannot say so. */
function checkBinEdges(config, source) {
    for (const [column, edges] of Object.entries(config.segments?.bins ?? {})) {
        const i = firstUnorderedEdge(edges);
        if (i >= 0) {
            const path = ['segments', 'bins', column, i];
            throw new UserInputError(`${formatPath(path)}: bin edges must be strictly increasing, got ${edges[i]} after ${edges[i - 1]}`, source.locate(path));
        }
    }
}
function resolvePaths(config, dir) {
    return {
        ...config,
        data: config.data.map((data) => resolveKeys(data, ['path', 'contract', 'reference'], dir)),
        ...(config.model && { model: resolveModel(config.model, dir) }),
        report: resolveKeys(config.report, ['output'], dir),
        // A period reference is an object, which resolveKeys leaves alone; a file is joined.
        ...(config.monitor && { monitor: resolveKeys(config.monitor, ['logs', 'reference'], dir) })
    };
}
function monitorReferenceFile(config) {
    const reference = config.monitor?.reference;
    return typeof reference === 'string' ? reference : undefined;
}
function resolveModel(model, dir) {
    const resolved = resolveKeys(model, ['predictions', 'baseline'], dir);
    const candidates = model.candidates?.map((c) => resolveKeys(c, ['predictions'], dir));
    return candidates === undefined ? resolved : { ...resolved, candidates };
}
/** A copy of `value` whose relative paths under `keys` are joined to `dir`. */
function resolveKeys(value, keys, dir) {
    const copy = { ...value };
    for (const key of keys) {
        const path = copy[key];
        if (typeof path === 'string' && !isAbsolute(path))
            copy[key] = join(dir, path);
    }
    return copy;
}

var load = /*#__PURE__*/Object.freeze({
    __proto__: null,
    loadConfig: loadConfig,
    parseConfig: parseConfig
});

export { configuredBaselineFile as a, load as b, configuredBaselineArtifact as c, loadConfig as l, unfetchedArtifact as u };
