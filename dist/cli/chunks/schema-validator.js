import { _ as _2020Exports } from './2020.js';
import { e as explainSchemaErrors } from './schema-errors.js';

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

export { compileSchema as c, isCalendarDate as i };
