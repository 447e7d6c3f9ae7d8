import { dirname, isAbsolute, join } from 'node:path';
import { e as explainSchemaErrors, _ as _2020Exports, a as readYamlFile, p as parseYaml, f as formatPath, o as outsideWorkspace, s as schema } from './2020.js';
import { U as UserInputError } from './errors.js';
import { f as firstUnorderedEdge } from './suggest.js';
import 'node:fs/promises';
import 'process';
import 'buffer';
import 'node:fs';

/**
 * JSON Schema validation of YAML files a user writes, with one clear error at the right line.
 *
 * Schemas are JSON Schema draft 2020-12, compiled by ajv in strict mode (a typo in a schema
 * keyword is an error when the schema compiles, not a silently ignored rule). Two additions,
 * both understood by the VS Code / YAML language server editors as well:
 *
 * - `errorMessage` (a string) on a subschema replaces the generated message for the errors of
 *   the keywords of that subschema. A message that starts with "expected " (e.g. "expected a date
 *   as YYYY-MM-DD") gets ", got <value>" appended for value checks (type, enum, range...).
 * - `format: "date"` is a calendar date written YYYY-MM-DD.
 *
 * `default`s in the schema are applied to the validated value, so defaults are written once,
 * in the schema the user reads.
 */
/**
 * Compile `schema` once; the validator can be called for many files.
 *
 * The caller asserts that `T` is the type the schema describes (with its defaults applied); a
 * test that loads a full document and compares it with a typed literal keeps the two in step.
 *
 * @throws Error when the schema itself is invalid (a bug in ml-gate, not a user error)
 *
 * @example
 * const validateConfig = compileSchema<Config>(schema)
 * const config = validateConfig(parseYaml(text, 'ml-gate.yml'))
 */
function compileSchema(schema) {
    const validate = createAjv().compile(schema);
    return (source) => {
        // ajv applies defaults in place: validate a copy so the source keeps what the user wrote.
        const value = structuredClone(source.value);
        if (validate(value))
            return value;
        throw explainSchemaErrors(validate.errors ?? [], value, source.locate);
    };
}
function createAjv() {
    const ajv = new _2020Exports.Ajv2020({
        strict: true,
        // `type: [string, number, boolean]` is clearer than the equivalent anyOf, for editors too.
        allowUnionTypes: true,
        // ajv checks that keys named in `required` are declared in `properties` of the same schema;
        // rules such as "at least one of min, max..." are `anyOf: [{required: [min]}, ...]` inside
        // `allOf`, whose keys are declared by the enclosing object. `additionalProperties: false`
        // on every object keeps undeclared keys out anyway.
        strictRequired: false,
        allErrors: true,
        // Gives each error its schema and data, from which the message is written.
        verbose: true,
        useDefaults: true
    });
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
    return ajv;
}
/** `YYYY-MM-DD` naming a day that exists (no 2027-02-30). */
function isCalendarDate(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match)
        return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
 * - `data[].path`, `contract`, `reference`, `model.predictions`, `model.baseline` and
 *   `report.output` are relative to the config's directory: they are joined to it (a config
 *   given as `examples/credit/ml-gate.yml` naming `data/train.csv` gives
 *   `examples/credit/data/train.csv`). Absolute paths are kept.
 * - Checked beyond the schema: bin edges are strictly increasing.
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
        [['model', 'baseline'], config.model?.baseline],
        [['report', 'output'], config.report.output]
    ];
    for (const [path, value] of paths) {
        const outside = value === undefined ? null : outsideWorkspace(value, workspace);
        if (outside !== null) {
            throw new UserInputError(`${formatPath(path)}: ${outside}; in a workflow ml-gate reads and writes only inside the workspace. ` +
                "Set the action input 'allow-outside-workspace: true' in the workflow to allow it", source.locate(path));
        }
    }
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
        ...(config.model && { model: resolveKeys(config.model, ['predictions', 'baseline'], dir) }),
        report: resolveKeys(config.report, ['output'], dir)
    };
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

export { loadConfig, parseConfig };
