import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { _ as _2020Exports } from './schema-validator.js';
import { U as UserInputError } from './suggest.js';
import { p as parseJson, l as locateOffset, j as jsonValueOffset, t as toPath } from './schema-errors.js';

/**
 * Reading a result document that may come from someone else (a fork's artifact, a file given to
 * `ml-gate gate --candidate`): JSON, then its published schema (schemas/*.schema.json), before
 * any field is used. Nothing of the file's content is quoted in an error: a `verdict.json` could
 * be a symbolic link to a secret. Errors name the file, the line and column, and the JSON path of
 * the first problem, and say what was expected and what kind of value was found.
 */
/**
 * A kind of document from its published schema: the schema's own `schema` const names it, so the
 * name and the rules come from the one file users read. `T` is the type the schema describes; the
 * tests that validate every document ml-gate writes keep the two in step.
 *
 * @throws Error when the schema does not compile (a bug in ml-gate, found by the tests)
 */
function documentKind(schema, origin) {
    const name = schema.properties.schema.const;
    // `verbose`: each error carries the value it is about, whose kind (never content) is shown.
    const ajv = new _2020Exports.Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, verbose: true });
    const validate = ajv.compile(schema);
    return {
        name,
        origin,
        check: (value) => validate(value)
            ? { valid: true, document: value }
            : { valid: false, problems: validate.errors ?? [] }
    };
}
/**
 * Reads `file` as a document of `kind`.
 *
 * @throws UserInputError when the file cannot be read, is not JSON, or does not match the schema
 */
async function readDocument(file, kind) {
    const bytes = await readDocumentBytes(file, `an ${kind.name} document`);
    const document = parseDocument(bytes.toString('utf8'), file, kind);
    return { path: file, sha256: createHash('sha256').update(bytes).digest('hex'), document };
}
/**
 * The bytes of the document file `file`.
 * @param expected what the file should be, for the message: `an ml-gate/verdict@1 document`
 * @throws UserInputError naming the file and the error code when it cannot be read
 */
async function readDocumentBytes(file, expected) {
    try {
        return await readFile(file);
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new UserInputError(`cannot read the file (${code}); expected ${expected}`, { file });
    }
}
/**
 * The text of a file as a document of `kind`: valid JSON whose `schema` key is `kind.name`, valid
 * against the kind's schema.
 *
 * @throws UserInputError at the first problem, e.g.
 *   `verdict.json:12:15: results[0].n: expected an integer >= 0, got a string`
 */
function parseDocument(text, file, kind) {
    const value = parseJson(text, file, `an ${kind.name} document`);
    const found = isObject(value) ? value.schema : undefined;
    if (found !== kind.name) {
        throw new UserInputError(`expected an ${kind.name} document (its "schema" key; ${kind.origin}), found ${describeKind(found, isObject(value))}`, locateOffset(file, text, jsonValueOffset(text, isObject(value) && 'schema' in value ? ['schema'] : [])));
    }
    const checked = kind.check(value);
    if (checked.valid)
        return checked.document;
    const first = deepest(checked.problems);
    const path = toPath(first.instancePath, value);
    throw new UserInputError(`${path.length === 0 ? '' : `${formatPath(path)}: `}${describeError(first, checked.problems)}`, locateOffset(file, text, jsonValueOffset(text, path)));
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** What the `schema` key holds: another ml-gate kind by name, anything else by its type only. */
function describeKind(found, isDocument) {
    if (!isDocument)
        return `${kindOf(found)} instead of an object`;
    if (found === undefined)
        return 'no "schema" key';
    if (typeof found === 'string' && /^ml-gate\/[a-z]{1,20}@[0-9]{1,3}$/.test(found))
        return `"${found}"`;
    return `another "schema" (${kindOf(found)})`;
}
/** The kind of a JSON value, never its content. */
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'an integer' : 'a number';
    return `a ${typeof value}`;
}
const TYPE_NAMES = {
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    array: 'an array',
    object: 'an object',
    null: 'null'
};
/** The first of the deepest problems: the most precise place; `oneOf` itself only if alone. */
function deepest(errors) {
    const concrete = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
    const depth = (e) => (e.instancePath === '' ? 0 : e.instancePath.split('/').length);
    return (concrete.length > 0 ? concrete : errors).reduce((a, b) => (depth(b) > depth(a) ? b : a));
}
/**
 * A problem in words, without the value; the types every branch of a `oneOf` accepts at its place
 * are listed together (`expected null or an array, got a string`).
 */
function describeError(first, errors) {
    const params = first.params;
    const got = (data) => `, got ${kindOf(data)}`;
    switch (first.keyword) {
        case 'type': {
            const types = errors
                .filter((e) => e.keyword === 'type' && e.instancePath === first.instancePath)
                .flatMap((e) => String(e.params.type).split(','));
            const names = [...new Set(types)].map((t) => TYPE_NAMES[t] ?? t);
            return `expected ${names.join(' or ')}${got(first.data)}`;
        }
        case 'required':
            return `missing required key "${String(params.missingProperty)}"`;
        case 'additionalProperties':
            return 'an unknown key (this object has a fixed set of keys)';
        case 'enum':
            return `expected one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}, got another value`;
        case 'const':
            return `expected ${JSON.stringify(params.allowedValue)}, got another value`;
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            return `expected a number ${String(params.comparison)} ${String(params.limit)}, got one out of range`;
        case 'maxLength':
            return `expected at most ${String(params.limit)} characters, got ${String(first.data.length)}`;
        case 'minLength':
            return `expected at least ${String(params.limit)} characters, got ${String(first.data.length)}`;
        case 'maxItems':
        case 'minItems':
            return `expected ${first.keyword === 'maxItems' ? 'at most' : 'at least'} ${String(params.limit)} items, got ${String(first.data.length)}`;
        default:
            return `does not match the schema (${first.keyword})`;
    }
}
/** `['results', 2, 'n']` -> `results[2].n`; keys that are not identifiers are shown as `[…]`. */
function formatPath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else if (/^[A-Za-z_][\w-]{0,40}$/.test(segment))
            text += text === '' ? segment : `.${segment}`;
        else
            text += '[…]';
    }
    return text;
}

export { readDocument as a, documentKind as d, parseDocument as p, readDocumentBytes as r };
