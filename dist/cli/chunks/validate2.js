import { h as hashFloat64, K as Kind, f as fmix32, o as openTable } from './hash.js';
import { C as CountTable } from './count-table.js';
import { s as sortNumbers, k as kthSmallest } from './selection.js';
import { c as chiSquareSf, k as kolmogorovSmirnovSf, n as normalTwoSidedP } from './special-functions.js';
import { U as UserInputError, d as didYouMean } from './suggest.js';
import { r as requireCore, a as requireValidation, b as requireFormat, c as requireMetadata, d as requireApplicator, e as requireValidate, f as requireCodegen, g as requireValidation_error, h as requireRef_error, i as requireCore$1, j as requireDiscriminator, k as isCalendarDate, _ as _2020Exports, l as readYamlFile, m as compileSchema, n as formatPath } from './schema-validator.js';
import { extname } from 'node:path';
import { readFile } from 'node:fs/promises';

var $schema$1 = "https://json-schema.org/draft/2020-12/schema";
var $id$1 = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/contract.schema.json";
var title$1 = "ml-gate data contract";
var description = "What every row and column of a dataset must satisfy. Checked by `ml-gate validate` and the validate-data action; drafted by `ml-gate infer`.";
var type$1 = "object";
var required = [
	"columns"
];
var additionalProperties = false;
var properties$1 = {
	columns: {
		type: "object",
		description: "The columns, by name, with their rules.",
		additionalProperties: {
			$ref: "#/$defs/column"
		}
	},
	rows: {
		type: "object",
		description: "Bounds on the number of data rows.",
		additionalProperties: false,
		properties: {
			min: {
				type: "integer",
				minimum: 0,
				description: "At least this many rows."
			},
			max: {
				type: "integer",
				minimum: 0,
				description: "At most this many rows."
			}
		}
	},
	extra_columns: {
		"enum": [
			"error",
			"warn",
			"ignore"
		],
		"default": "error",
		description: "What a column that the contract does not name is: a failing check (error), a warning, or nothing."
	},
	drift: {
		$ref: "#/$defs/drift",
		description: "Drift settings for every column that does not set its own."
	}
};
var $defs = {
	severity: {
		"enum": [
			"error",
			"warn"
		],
		description: "error: a failure fails validation (exit 1). warn: it is reported but does not fail."
	},
	mostly: {
		type: "number",
		minimum: 0,
		maximum: 1,
		description: "Fraction of the values checked that must pass (missing values are not checked). 0.99 lets 1% fail."
	},
	max_failures: {
		type: "integer",
		minimum: 0,
		description: "Number of failing values tolerated."
	},
	settings: {
		type: "object",
		description: "Severity and tolerance of one check, overriding the column's.",
		additionalProperties: false,
		properties: {
			severity: {
				$ref: "#/$defs/severity"
			},
			mostly: {
				$ref: "#/$defs/mostly"
			},
			max_failures: {
				$ref: "#/$defs/max_failures"
			}
		}
	},
	bound: {
		type: [
			"number",
			"string"
		],
		description: "Inclusive bound: a number, or an ISO date (YYYY-MM-DD) / date-time for date and datetime columns."
	},
	drift: {
		type: "object",
		additionalProperties: false,
		properties: {
			method: {
				"enum": [
					"auto",
					"ks",
					"chi2",
					"z",
					"wasserstein",
					"jensen_shannon",
					"psi"
				],
				description: "Drift method; auto chooses by type and sample size."
			},
			threshold: {
				type: "number",
				minimum: 0,
				description: "For tests (ks, chi2, z): the p-value below which the column has drifted. For distances (wasserstein, jensen_shannon, psi): the value above which it has."
			}
		}
	},
	column: {
		type: "object",
		additionalProperties: false,
		properties: {
			type: {
				"enum": [
					"integer",
					"number",
					"string",
					"boolean",
					"date",
					"datetime"
				],
				description: "integer accepts whole numbers (also written 12.0); number accepts any number; date is YYYY-MM-DD; datetime is ISO 8601."
			},
			min: {
				$ref: "#/$defs/bound"
			},
			max: {
				$ref: "#/$defs/bound"
			},
			"in": {
				type: "array",
				minItems: 1,
				items: {
					type: [
						"string",
						"number",
						"boolean"
					]
				},
				description: "The allowed values."
			},
			pattern: {
				type: "string",
				description: "A regular expression every value must match (JavaScript syntax; anchor it with ^ and $ to match whole values)."
			},
			min_length: {
				type: "integer",
				minimum: 0,
				description: "At least this many characters."
			},
			max_length: {
				type: "integer",
				minimum: 0,
				description: "At most this many characters."
			},
			nullable: {
				type: "boolean",
				"default": true,
				description: "false forbids missing values."
			},
			max_missing: {
				type: "number",
				minimum: 0,
				description: "Missing values allowed: a fraction of the rows when below 1 (0.05 = 5%), a count from 1 up."
			},
			unique: {
				type: "boolean",
				description: "true forbids duplicate values (missing values are not compared)."
			},
			required: {
				type: "boolean",
				"default": true,
				description: "false lets the column be absent from the data."
			},
			severity: {
				$ref: "#/$defs/severity"
			},
			mostly: {
				$ref: "#/$defs/mostly"
			},
			max_failures: {
				$ref: "#/$defs/max_failures"
			},
			checks: {
				type: "object",
				description: "Per-check severity and tolerance, e.g. { min: { severity: warn } }.",
				additionalProperties: false,
				properties: {
					type: {
						$ref: "#/$defs/settings"
					},
					min: {
						$ref: "#/$defs/settings"
					},
					max: {
						$ref: "#/$defs/settings"
					},
					"in": {
						$ref: "#/$defs/settings"
					},
					pattern: {
						$ref: "#/$defs/settings"
					},
					min_length: {
						$ref: "#/$defs/settings"
					},
					max_length: {
						$ref: "#/$defs/settings"
					},
					nullable: {
						$ref: "#/$defs/settings"
					},
					max_missing: {
						$ref: "#/$defs/settings"
					},
					unique: {
						$ref: "#/$defs/settings"
					}
				}
			},
			drift: {
				oneOf: [
					{
						$ref: "#/$defs/drift"
					},
					{
						"const": false
					}
				],
				description: "Drift settings for this column, or false to skip drift for it."
			}
		}
	}
};
var schema = {
	$schema: $schema$1,
	$id: $id$1,
	title: title$1,
	description: description,
	type: type$1,
	required: required,
	additionalProperties: additionalProperties,
	properties: properties$1,
	$defs: $defs
};

/**
 * The drift methods ml-gate knows, with the metadata a gate and a report need: which column kinds
 * each applies to, whether it is a test (decides on a p-value) or a distance (decides on an
 * effect size), and its default threshold with the reason for it.
 */
const DRIFT_METHODS = {
    ks: {
        label: 'Kolmogorov–Smirnov test',
        decision: 'test',
        kinds: ['numeric'],
        defaultThreshold: 0.05,
        thresholdReason: 'the conventional 5% significance level'
    },
    chi2: {
        label: 'chi-square test',
        decision: 'test',
        kinds: ['categorical', 'boolean'],
        defaultThreshold: 0.05,
        thresholdReason: 'the conventional 5% significance level'
    },
    z: {
        label: 'two-proportion z-test',
        decision: 'test',
        kinds: ['boolean'],
        defaultThreshold: 0.05,
        thresholdReason: 'the conventional 5% significance level'
    },
    wasserstein: {
        label: 'normalized Wasserstein distance',
        decision: 'distance',
        kinds: ['numeric'],
        defaultThreshold: 0.1,
        thresholdReason: 'a shift of a tenth of a reference standard deviation (the default of Evidently, same normalization)'
    },
    jensen_shannon: {
        label: 'Jensen–Shannon distance',
        decision: 'distance',
        kinds: ['numeric', 'categorical', 'boolean'],
        defaultThreshold: 0.1,
        thresholdReason: 'the default of Evidently; e.g. a 50/50 split moving to about 62/38'
    },
    psi: {
        label: 'population stability index',
        decision: 'distance',
        kinds: ['numeric', 'categorical', 'boolean'],
        defaultThreshold: 0.2,
        thresholdReason: 'the conventional reading of PSI: 0.1–0.2 moderate, >= 0.2 a significant shift'
    }
};
/** The methods that apply to a kind of column, in the order of DRIFT_METHODS. */
function methodsFor(kind) {
    return Object.keys(DRIFT_METHODS).filter((m) => DRIFT_METHODS[m].kinds.includes(kind));
}

var ajv = {exports: {}};

var draft7 = {};

var hasRequiredDraft7;

function requireDraft7 () {
	if (hasRequiredDraft7) return draft7;
	hasRequiredDraft7 = 1;
	Object.defineProperty(draft7, "__esModule", { value: true });
	const core_1 = /*@__PURE__*/ requireCore();
	const validation_1 = /*@__PURE__*/ requireValidation();
	const applicator_1 = /*@__PURE__*/ requireApplicator();
	const format_1 = /*@__PURE__*/ requireFormat();
	const metadata_1 = /*@__PURE__*/ requireMetadata();
	const draft7Vocabularies = [
	    core_1.default,
	    validation_1.default,
	    (0, applicator_1.default)(),
	    format_1.default,
	    metadata_1.metadataVocabulary,
	    metadata_1.contentVocabulary,
	];
	draft7.default = draft7Vocabularies;
	
	return draft7;
}

var $schema = "http://json-schema.org/draft-07/schema#";
var $id = "http://json-schema.org/draft-07/schema#";
var title = "Core schema meta-schema";
var definitions = {
	schemaArray: {
		type: "array",
		minItems: 1,
		items: {
			$ref: "#"
		}
	},
	nonNegativeInteger: {
		type: "integer",
		minimum: 0
	},
	nonNegativeIntegerDefault0: {
		allOf: [
			{
				$ref: "#/definitions/nonNegativeInteger"
			},
			{
				"default": 0
			}
		]
	},
	simpleTypes: {
		"enum": [
			"array",
			"boolean",
			"integer",
			"null",
			"number",
			"object",
			"string"
		]
	},
	stringArray: {
		type: "array",
		items: {
			type: "string"
		},
		uniqueItems: true,
		"default": [
		]
	}
};
var type = [
	"object",
	"boolean"
];
var properties = {
	$id: {
		type: "string",
		format: "uri-reference"
	},
	$schema: {
		type: "string",
		format: "uri"
	},
	$ref: {
		type: "string",
		format: "uri-reference"
	},
	$comment: {
		type: "string"
	},
	title: {
		type: "string"
	},
	description: {
		type: "string"
	},
	"default": true,
	readOnly: {
		type: "boolean",
		"default": false
	},
	examples: {
		type: "array",
		items: true
	},
	multipleOf: {
		type: "number",
		exclusiveMinimum: 0
	},
	maximum: {
		type: "number"
	},
	exclusiveMaximum: {
		type: "number"
	},
	minimum: {
		type: "number"
	},
	exclusiveMinimum: {
		type: "number"
	},
	maxLength: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minLength: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	pattern: {
		type: "string",
		format: "regex"
	},
	additionalItems: {
		$ref: "#"
	},
	items: {
		anyOf: [
			{
				$ref: "#"
			},
			{
				$ref: "#/definitions/schemaArray"
			}
		],
		"default": true
	},
	maxItems: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minItems: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	uniqueItems: {
		type: "boolean",
		"default": false
	},
	contains: {
		$ref: "#"
	},
	maxProperties: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minProperties: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	required: {
		$ref: "#/definitions/stringArray"
	},
	additionalProperties: {
		$ref: "#"
	},
	definitions: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		"default": {
		}
	},
	properties: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		"default": {
		}
	},
	patternProperties: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		propertyNames: {
			format: "regex"
		},
		"default": {
		}
	},
	dependencies: {
		type: "object",
		additionalProperties: {
			anyOf: [
				{
					$ref: "#"
				},
				{
					$ref: "#/definitions/stringArray"
				}
			]
		}
	},
	propertyNames: {
		$ref: "#"
	},
	"const": true,
	"enum": {
		type: "array",
		items: true,
		minItems: 1,
		uniqueItems: true
	},
	type: {
		anyOf: [
			{
				$ref: "#/definitions/simpleTypes"
			},
			{
				type: "array",
				items: {
					$ref: "#/definitions/simpleTypes"
				},
				minItems: 1,
				uniqueItems: true
			}
		]
	},
	format: {
		type: "string"
	},
	contentMediaType: {
		type: "string"
	},
	contentEncoding: {
		type: "string"
	},
	"if": {
		$ref: "#"
	},
	then: {
		$ref: "#"
	},
	"else": {
		$ref: "#"
	},
	allOf: {
		$ref: "#/definitions/schemaArray"
	},
	anyOf: {
		$ref: "#/definitions/schemaArray"
	},
	oneOf: {
		$ref: "#/definitions/schemaArray"
	},
	not: {
		$ref: "#"
	}
};
var require$$3 = {
	$schema: $schema,
	$id: $id,
	title: title,
	definitions: definitions,
	type: type,
	properties: properties,
	"default": true
};

var hasRequiredAjv;

function requireAjv () {
	if (hasRequiredAjv) return ajv.exports;
	hasRequiredAjv = 1;
	(function (module, exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
		const core_1 = /*@__PURE__*/ requireCore$1();
		const draft7_1 = /*@__PURE__*/ requireDraft7();
		const discriminator_1 = /*@__PURE__*/ requireDiscriminator();
		const draft7MetaSchema = require$$3;
		const META_SUPPORT_DATA = ["/properties"];
		const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
		class Ajv extends core_1.default {
		    _addVocabularies() {
		        super._addVocabularies();
		        draft7_1.default.forEach((v) => this.addVocabulary(v));
		        if (this.opts.discriminator)
		            this.addKeyword(discriminator_1.default);
		    }
		    _addDefaultMetaSchema() {
		        super._addDefaultMetaSchema();
		        if (!this.opts.meta)
		            return;
		        const metaSchema = this.opts.$data
		            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
		            : draft7MetaSchema;
		        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
		        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
		    }
		    defaultMeta() {
		        return (this.opts.defaultMeta =
		            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
		    }
		}
		exports.Ajv = Ajv;
		module.exports = exports = Ajv;
		module.exports.Ajv = Ajv;
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.default = Ajv;
		var validate_1 = /*@__PURE__*/ requireValidate();
		Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function () { return validate_1.KeywordCxt; } });
		var codegen_1 = /*@__PURE__*/ requireCodegen();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return codegen_1._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return codegen_1.str; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return codegen_1.stringify; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return codegen_1.nil; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return codegen_1.Name; } });
		Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function () { return codegen_1.CodeGen; } });
		var validation_error_1 = /*@__PURE__*/ requireValidation_error();
		Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function () { return validation_error_1.default; } });
		var ref_error_1 = /*@__PURE__*/ requireRef_error();
		Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function () { return ref_error_1.default; } });
		
	} (ajv, ajv.exports));
	return ajv.exports;
}

var ajvExports = /*@__PURE__*/ requireAjv();

/** Integers below this are bits (see `NumberSet`); a page holds 2^PAGE_SHIFT of them. */
const BITMAP_LIMIT = 2 ** 27;
const PAGE_SHIFT = 19;
const PAGE_MASK = (1 << PAGE_SHIFT) - 1;
const PAGE_WORDS = (1 << PAGE_SHIFT) / 32;
/**
 * An exact set of numbers with the semantics of `Set<number>` (SameValueZero: −0 is 0, NaN is one
 * value), for the `unique` check.
 *
 * Why not a `Set`: a `Set` of 10 million ids costs about 1 GB (a boxed number or a key string per
 * entry, plus the table), and every insert allocates. Here the numbers sit in one Float64Array,
 * an open-addressing table (linear probing, at most 3/4 full): 8 to 16 bytes per number, no
 * allocation per insert. An empty slot holds NaN, so NaN itself is kept in a flag.
 *
 * Integers in [0, 2^27), the usual row ids, are bits of a bitmap instead, allocated 64 KiB (2^19
 * integers) at a time as they are used: at most 16 MB, 1.25 MB for ids 1 to 10 million, and a run
 * of ids touches memory in order where the table is touched at random (a cache miss per id once
 * the table outgrows the caches: 3 s for 10 million ids).
 *
 * @example
 * const seen = new NumberSet()
 * seen.add(1) // true: new
 * seen.add(1) // false: already there
 * seen.add(-0) && seen.add(0) // true, then false
 */
class NumberSet {
    slots = new Float64Array(16).fill(NaN);
    /** Numbers in the table and in the bitmap. */
    count = 0;
    hasNaN = false;
    pages = [];
    /** Numbers in the table. */
    used = 0;
    /** Distinct numbers added. */
    get size() {
        return this.count + (this.hasNaN ? 1 : 0);
    }
    /** Adds `value`; true if it was absent, false if the set already had it. */
    add(value) {
        if (value >= 0 && value < BITMAP_LIMIT && Number.isInteger(value)) {
            const page = (this.pages[value >>> PAGE_SHIFT] ??= new Int32Array(PAGE_WORDS));
            const word = (value & PAGE_MASK) >>> 5;
            const bit = 1 << (value & 31);
            if ((page[word] & bit) !== 0)
                return false;
            page[word] |= bit;
            this.count++;
            return true;
        }
        if (value !== value) {
            if (this.hasNaN)
                return false;
            this.hasNaN = true;
            return true;
        }
        // Not 0 (nor −0): that is in the bitmap.
        const key = value;
        const slots = this.slots;
        const mask = slots.length - 1;
        let i = hashFloat64(key) & mask;
        for (;;) {
            const slot = slots[i];
            if (slot === key)
                return false;
            if (slot !== slot)
                break;
            i = (i + 1) & mask;
        }
        slots[i] = key;
        this.count++;
        if (4 * ++this.used > 3 * slots.length)
            this.grow();
        return true;
    }
    has(value) {
        if (value >= 0 && value < BITMAP_LIMIT && Number.isInteger(value)) {
            const page = this.pages[value >>> PAGE_SHIFT];
            return page !== undefined && (page[(value & PAGE_MASK) >>> 5] & (1 << (value & 31))) !== 0;
        }
        if (value !== value)
            return this.hasNaN;
        const key = value;
        const slots = this.slots;
        const mask = slots.length - 1;
        for (let i = hashFloat64(key) & mask;; i = (i + 1) & mask) {
            const slot = slots[i];
            if (slot === key)
                return true;
            if (slot !== slot)
                return false;
        }
    }
    grow() {
        const old = this.slots;
        const slots = new Float64Array(2 * old.length).fill(NaN);
        const mask = slots.length - 1;
        for (let j = 0; j < old.length; j++) {
            const key = old[j];
            if (key !== key)
                continue;
            let i = hashFloat64(key) & mask;
            while (slots[i] === slots[i])
                i = (i + 1) & mask;
            slots[i] = key;
        }
        this.slots = slots;
    }
}

const MAX_EXAMPLES = 20;
/** Counts failures of one check and keeps the first examples. */
class Tally {
    failures = 0;
    checked = 0;
    examples = [];
    fail(line, value) {
        this.failures++;
        if (this.examples.length < MAX_EXAMPLES)
            this.examples.push({ line, value });
    }
}
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
function isDateTime(text) {
    return (DATETIME.test(text) &&
        isCalendarDate(text.slice(0, 10)) &&
        !Number.isNaN(Date.parse(text.replace(' ', 'T'))));
}
/** The type rule: each type's test in its own loop (see `ValueRule`). */
function typeRule(type) {
    const check = ({ values, kinds }, size, lines, skip, tally) => {
        const fail = (i) => {
            tally.fail(lines[i], values[i]);
            skip[i] = 1;
        };
        switch (type) {
            case 'integer':
                // A whole number written as `12.0` counts: pandas writes integer columns that have missing
                // values that way.
                for (let i = 0; i < size; i++) {
                    const kind = kinds[i];
                    if (skip[i] === 0 &&
                        kind !== Kind.Integer &&
                        !(kind === Kind.Number && Number.isInteger(values[i])))
                        fail(i);
                }
                return;
            case 'number':
                for (let i = 0; i < size; i++) {
                    const kind = kinds[i];
                    if (skip[i] === 0 && kind !== Kind.Integer && kind !== Kind.Number)
                        fail(i);
                }
                return;
            case 'boolean':
                for (let i = 0; i < size; i++)
                    if (skip[i] === 0 && kinds[i] !== Kind.Boolean)
                        fail(i);
                return;
            case 'string':
                return;
            case 'date':
                for (let i = 0; i < size; i++) {
                    if (skip[i] === 0 && !(kinds[i] === Kind.String && isCalendarDate(values[i])))
                        fail(i);
                }
                return;
            case 'datetime':
                for (let i = 0; i < size; i++) {
                    if (skip[i] !== 0)
                        continue;
                    const value = values[i];
                    if (!(kinds[i] === Kind.String && (isDateTime(value) || isCalendarDate(value))))
                        fail(i);
                }
        }
    };
    return { name: 'type', expected: type, check };
}
/** A rule tested value by value with `test` (the rarer rules: dates, patterns). */
function testedRule(name, expected, test) {
    const check = ({ values }, size, lines, skip, tally) => {
        for (let i = 0; i < size; i++)
            if (skip[i] === 0 && !test(values[i]))
                tally.fail(lines[i], values[i]);
    };
    return { name, expected, check };
}
/** `min` or `max` of a numeric column: a value passes when it is a number in [low, high]. */
function numberRangeRule(name, expected, low, high) {
    const check = ({ values }, size, lines, skip, tally) => {
        for (let i = 0; i < size; i++) {
            if (skip[i] !== 0)
                continue;
            const value = values[i];
            if (!(typeof value === 'number' && value >= low && value <= high))
                tally.fail(lines[i], value);
        }
    };
    return { name, expected, check };
}
/** `in`: the value's text is one of `allowed`; a short list is scanned, a long one hashed. */
function inRule(expected, allowed) {
    const set = new Set(allowed);
    const scan = allowed.length <= 8;
    const check = ({ values }, size, lines, skip, tally) => {
        for (let i = 0; i < size; i++) {
            if (skip[i] !== 0)
                continue;
            const value = values[i];
            const text = typeof value === 'string' ? value : String(value);
            let found = false;
            if (scan) {
                for (let j = 0; j < allowed.length && !found; j++)
                    found = allowed[j] === text;
            }
            else
                found = set.has(text);
            if (!found)
                tally.fail(lines[i], value);
        }
    };
    return { name: 'in', expected, check };
}
/**
 * The number of code points of `text`, as `[...text].length` counts them (a surrogate pair is
 * one, a lone surrogate one), without building the array.
 */
function codePoints(text) {
    let pairs = 0;
    for (let i = 0; i + 1 < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                pairs++;
                i++;
            }
        }
    }
    return text.length - pairs;
}
/** `min_length` / `max_length`: the text's code points in [low, high]. */
function lengthRule(name, expected, low, high) {
    const check = ({ values }, size, lines, skip, tally) => {
        for (let i = 0; i < size; i++) {
            if (skip[i] !== 0)
                continue;
            const value = values[i];
            const text = typeof value === 'string' ? value : String(value);
            // A text has between length / 2 and length code points: count them only when that decides.
            const passes = text.length <= high && text.length >= 2 * low ? true : codePointsWithin(text, low, high);
            if (!passes)
                tally.fail(lines[i], value);
        }
    };
    return { name, expected, check };
}
function codePointsWithin(text, low, high) {
    const n = codePoints(text);
    return n >= low && n <= high;
}
/** A comparable number for min/max: the value itself, or the time of a date. */
function comparable(type, value) {
    if (type === 'date' || type === 'datetime') {
        if (typeof value !== 'string')
            return undefined;
        const time = Date.parse(value.replace(' ', 'T'));
        return Number.isNaN(time) ? undefined : time;
    }
    return typeof value === 'number' ? value : undefined;
}
function listed(values) {
    const shown = values.slice(0, 10).map((v) => String(v));
    return values.length > 10 ? `${shown.join(', ')}, … (${values.length} values)` : shown.join(', ');
}
function valueRules(rules) {
    const out = [];
    const type = rules.type;
    if (type !== undefined)
        out.push(typeRule(type));
    for (const [name, bound] of [
        ['min', rules.min],
        ['max', rules.max]
    ]) {
        if (bound === undefined)
            continue;
        const limit = comparable(type, bound);
        const expected = `${name === 'min' ? '>=' : '<='} ${bound}`;
        if (type === 'date' || type === 'datetime') {
            const ok = name === 'min' ? (x) => x >= limit : (x) => x <= limit;
            out.push(testedRule(name, expected, (value) => {
                const x = comparable(type, value);
                return x !== undefined && ok(x);
            }));
        }
        else if (name === 'min')
            out.push(numberRangeRule(name, expected, limit, Infinity));
        else
            out.push(numberRangeRule(name, expected, -Infinity, limit));
    }
    if (rules.in !== undefined) {
        out.push(inRule(`one of: ${listed(rules.in)}`, rules.in.map((v) => String(v))));
    }
    if (rules.pattern !== undefined) {
        const regex = new RegExp(rules.pattern, 'u');
        out.push(testedRule('pattern', `matches /${rules.pattern}/`, (value) => regex.test(String(value))));
    }
    if (rules.min_length !== undefined) {
        const n = rules.min_length;
        out.push(lengthRule('min_length', `at least ${n} characters`, n, Infinity));
    }
    if (rules.max_length !== undefined) {
        const n = rules.max_length;
        out.push(lengthRule('max_length', `at most ${n} characters`, 0, n));
    }
    return out;
}
/**
 * The values a `unique` column has shown, by kind: the string "1" and the number 1 are distinct,
 * and so are the integer 1 and the decimal 1.0 (as `${kind}:${String(value)}` keys would be: a
 * number's shortest text tells every float64 apart except −0 from 0, which SameValueZero equates
 * too). Numbers go in a `NumberSet` per kind (8-16 bytes each instead of a key string and a `Set`
 * entry); anything else keeps its text key.
 */
class DistinctValues {
    integers = new NumberSet();
    decimals = new NumberSet();
    others = new Set();
    /** Adds a present value; true if it was new. */
    add(value, kind) {
        if (typeof value === 'number') {
            if (kind === Kind.Integer)
                return this.integers.add(value);
            if (kind === Kind.Number)
                return this.decimals.add(value);
        }
        const key = `${kind}:${String(value)}`;
        if (this.others.has(key))
            return false;
        this.others.add(key);
        return true;
    }
}
/** Checks that one column's values pass its contract, batch by batch. */
class ColumnChecker {
    name;
    index;
    contract;
    rules;
    tallies;
    missing = new Tally();
    rows = 0;
    seen;
    duplicates = new Tally();
    /** Rows of the batch that the value rules pass over: missing, or of the wrong type. */
    skip = new Uint8Array(0);
    constructor(name, index, contract) {
        this.name = name;
        this.index = index;
        this.contract = contract;
        this.rules = valueRules(contract);
        this.tallies = this.rules.map(() => new Tally());
        this.seen = contract.unique ? new DistinctValues() : null;
    }
    add(batch) {
        const chunk = batch.columns[this.index];
        const { values, kinds } = chunk;
        const { size, lines } = batch;
        const { rules, tallies, seen } = this;
        this.rows += size;
        if (this.skip.length < size)
            this.skip = new Uint8Array(size);
        const skip = this.skip;
        for (let i = 0; i < size; i++) {
            if (kinds[i] === Kind.Missing) {
                this.missing.fail(lines[i], null);
                skip[i] = 1;
            }
            else
                skip[i] = 0;
        }
        for (let r = 0; r < rules.length; r++)
            rules[r].check(chunk, size, lines, skip, tallies[r]);
        if (seen === null)
            return;
        const duplicates = this.duplicates;
        for (let i = 0; i < size; i++) {
            const kind = kinds[i];
            if (kind !== Kind.Missing && !seen.add(values[i], kind))
                duplicates.fail(lines[i], values[i]);
        }
    }
    results() {
        const c = this.contract;
        // Every present value meets the first rule; the type rule (always first) holds back its failures.
        const present = this.rows - this.missing.failures;
        this.tallies.forEach((tally, r) => {
            tally.checked = r > 0 && this.rules[0].name === 'type' ? present - this.tallies[0].failures : present;
        });
        this.duplicates.checked = present;
        const out = this.rules.map((rule, r) => this.result(rule.name, rule.expected, this.tallies[r]));
        this.missing.checked = this.rows;
        if (c.nullable === false)
            out.push(this.result('nullable', 'no missing values', this.missing, 0));
        if (c.max_missing !== undefined) {
            const allowed = c.max_missing < 1 ? Math.floor(c.max_missing * this.rows) : c.max_missing;
            const expected = c.max_missing < 1 ? `at most ${c.max_missing * 100}% missing` : `at most ${allowed} missing`;
            out.push(this.result('max_missing', expected, this.missing, allowed));
        }
        if (this.seen !== null)
            out.push(this.result('unique', 'unique values', this.duplicates));
        return out;
    }
    result(check, expected, tally, fixedAllowance) {
        const settings = { ...this.contract, ...this.contract.checks?.[check] };
        const allowed = fixedAllowance ?? allowance(settings, tally.checked);
        return {
            column: this.name,
            check,
            severity: settings.severity ?? 'error',
            passed: tally.failures <= allowed,
            failures: tally.failures,
            checked: tally.checked,
            allowed,
            expected,
            examples: tally.examples
        };
    }
}
/** Failures tolerated: `max_failures`, or the share `1 - mostly` of the values checked (rounded down). */
function allowance(settings, checked) {
    if (settings.max_failures !== undefined)
        return settings.max_failures;
    if (settings.mostly !== undefined)
        return Math.floor((1 - settings.mostly) * checked + 1e-9);
    return 0;
}
/**
 * Streams a table through a contract. Memory is constant in the number of rows except for
 * `unique` columns, which keep one set entry per distinct value.
 *
 * @param header the table's columns; every contract column must be among them, or absent with
 *   `required: false` (the loader checks this before any row is read)
 */
class ContractChecker {
    contract;
    header;
    columns;
    rows = 0;
    constructor(contract, header) {
        this.contract = contract;
        this.header = header;
        this.columns = Object.entries(contract.columns)
            .filter(([name]) => header.includes(name))
            .map(([name, rules]) => new ColumnChecker(name, header.indexOf(name), rules));
    }
    add(batch) {
        this.rows += batch.size;
        for (const column of this.columns)
            column.add(batch);
    }
    /** Every check's result: table checks first, then columns in contract order. */
    results() {
        const out = [];
        const { rows, extra_columns: extra = 'error' } = this.contract;
        if (rows?.min !== undefined || rows?.max !== undefined) {
            const tooFew = rows.min !== undefined && this.rows < rows.min;
            const tooMany = rows.max !== undefined && this.rows > rows.max;
            const expected = [
                rows.min !== undefined ? `>= ${rows.min}` : '',
                rows.max !== undefined ? `<= ${rows.max}` : ''
            ]
                .filter(Boolean)
                .join(' and ');
            out.push({
                column: null,
                check: 'rows',
                severity: 'error',
                passed: !tooFew && !tooMany,
                failures: tooFew || tooMany ? 1 : 0,
                checked: this.rows,
                allowed: 0,
                expected: `${expected} rows`,
                examples: []
            });
        }
        if (extra !== 'ignore') {
            for (const name of this.header) {
                if (this.contract.columns[name] !== undefined)
                    continue;
                out.push({
                    column: name,
                    check: 'extra_columns',
                    severity: extra,
                    passed: false,
                    failures: 1,
                    checked: 1,
                    allowed: 0,
                    expected: 'only the columns the contract names',
                    examples: []
                });
            }
        }
        for (const column of this.columns)
            out.push(...column.results());
        return out;
    }
    get rowCount() {
        return this.rows;
    }
}

/**
 * Reads and compiles a per-record JSON Schema contract once. Draft 2020-12 unless `$schema`
 * names draft-07 (the two drafts ajv supports side by side).
 *
 * @throws UserInputError when the file is not JSON or not a valid schema
 */
async function loadRecordSchema(file) {
    let schema;
    try {
        schema = JSON.parse(await readFile(file, 'utf8'));
    }
    catch (error) {
        const reason = error.code ?? error.message;
        throw new UserInputError(`cannot read the JSON Schema contract: ${reason}`, { file });
    }
    const draft7 = typeof schema.$schema === 'string' && schema.$schema.includes('draft-07');
    const ajv = draft7
        ? new ajvExports.Ajv({ allErrors: true, strict: false })
        : new _2020Exports.Ajv2020({ allErrors: true, strict: false });
    try {
        return {
            file,
            validate: ajv.compile(schema),
            columns: Object.keys(schema.properties ?? {})
        };
    }
    catch (error) {
        throw new UserInputError(`not a valid JSON Schema: ${error.message}`, { file });
    }
}
/** JSON Schema keywords and the contract checks they correspond to, for uniform reports. */
const CHECK_OF_KEYWORD = {
    type: 'type',
    minimum: 'min',
    exclusiveMinimum: 'min',
    maximum: 'max',
    exclusiveMaximum: 'max',
    enum: 'in',
    const: 'in',
    pattern: 'pattern',
    minLength: 'min_length',
    maxLength: 'max_length',
    required: 'nullable'
};
/**
 * Checks every row against a record schema. A row is the object of its present values (missing
 * values are left out, so `required` catches them). Each failing keyword of each column is
 * counted as one contract check, with the first examples at their lines.
 */
class RecordSchemaChecker {
    schema;
    header;
    tallies = new Map();
    rows = 0;
    constructor(schema, header) {
        this.schema = schema;
        this.header = header;
    }
    add(batch) {
        const { header } = this;
        this.rows += batch.size;
        for (let i = 0; i < batch.size; i++) {
            const record = {};
            for (let c = 0; c < header.length; c++) {
                const value = batch.columns[c].values[i];
                if (value !== null)
                    record[header[c]] = value;
            }
            if (this.schema.validate(record))
                continue;
            for (const error of this.schema.validate.errors ?? [])
                this.count(error, record, batch.lines[i]);
        }
    }
    results() {
        return [...this.tallies.values()].map((t) => ({
            column: t.column,
            check: t.check,
            severity: 'error',
            passed: false,
            failures: t.failures,
            checked: this.rows,
            allowed: 0,
            expected: t.expected,
            examples: t.examples
        }));
    }
    count(error, record, line) {
        const column = error.keyword === 'required'
            ? String(error.params.missingProperty)
            : (error.instancePath.split('/')[1] ?? null);
        const check = CHECK_OF_KEYWORD[error.keyword] ?? 'schema';
        const key = `${column}\u0000${check}`;
        let tally = this.tallies.get(key);
        if (tally === undefined) {
            const expected = check === 'schema' ? `${error.keyword}: ${error.message}` : (error.message ?? error.keyword);
            tally = { column: column || null, check, expected, failures: 0, examples: [] };
            this.tallies.set(key, tally);
        }
        tally.failures++;
        if (tally.examples.length < MAX_EXAMPLES)
            tally.examples.push({ line, value: column ? (record[column] ?? null) : null });
    }
}

let validateContract;
/**
 * Reads a data contract. A `.json` file is a per-record JSON Schema (see `record-schema.ts`);
 * anything else is a YAML contract, checked against schemas/contract.schema.json, then what the
 * schema cannot say — every `pattern` compiles, bounds fit the column type (numbers, or ISO dates
 * for date columns), `min <= max`, and a drift method fits the column type.
 *
 * @throws UserInputError at the contract's line for every problem, e.g.
 *   `contracts/credit.yml:7:25: columns.Age.pattern: invalid regular expression: ...`
 */
async function loadContract(file) {
    if (extname(file).toLowerCase() === '.json') {
        const recordSchema = await loadRecordSchema(file);
        return {
            contract: { columns: {}, extra_columns: 'ignore' },
            file,
            locate: () => ({ file }),
            recordSchema
        };
    }
    const source = await readYamlFile(file);
    if (source.value === null) {
        throw new UserInputError('empty contract: expected `columns:` with at least one column', source.locate([]));
    }
    validateContract ??= compileSchema(schema);
    const contract = validateContract(source);
    for (const [name, column] of Object.entries(contract.columns))
        checkColumn(name, column, source);
    if (contract.drift?.method !== undefined)
        checkDriftMethod(contract.drift.method, undefined, ['drift', 'method'], source);
    return { contract, file, locate: source.locate };
}
/** The drift kind a contract type implies, or undefined when the data must decide. */
function driftKindOf(type) {
    if (type === 'integer' || type === 'number')
        return 'numeric';
    if (type === 'boolean')
        return 'boolean';
    if (type === 'string' || type === 'date' || type === 'datetime')
        return 'categorical';
    return undefined;
}
function checkColumn(name, column, source) {
    const at = (...rest) => ['columns', name, ...rest];
    const fail = (path, message) => {
        throw new UserInputError(`${formatPath(path)}: ${message}`, source.locate(path));
    };
    if (column.pattern !== undefined) {
        try {
            new RegExp(column.pattern, 'u');
        }
        catch (error) {
            fail(at('pattern'), `${error.message}; expected a JavaScript regular expression`);
        }
    }
    const dated = column.type === 'date' || column.type === 'datetime';
    const bounds = [];
    for (const key of ['min', 'max']) {
        const bound = column[key];
        if (bound === undefined)
            continue;
        if (dated) {
            const time = typeof bound === 'string' ? Date.parse(bound) : NaN;
            if (Number.isNaN(time))
                fail(at(key), `expected an ISO date for a ${column.type} column, got ${JSON.stringify(bound)}`);
            bounds.push(time);
        }
        else {
            if (typeof bound !== 'number')
                fail(at(key), `expected a number, got ${JSON.stringify(bound)}`);
            bounds.push(bound);
        }
    }
    if (bounds.length === 2 && bounds[0] > bounds[1])
        fail(at('max'), `max (${column.max}) is below min (${column.min})`);
    if (column.drift !== undefined && column.drift !== false && column.drift.method !== undefined) {
        checkDriftMethod(column.drift.method, column.type, at('drift', 'method'), source);
    }
}
function checkDriftMethod(method, type, path, source) {
    const kind = driftKindOf(type);
    if (method === 'auto' || kind === undefined)
        return;
    const allowed = methodsFor(kind);
    if (!allowed.includes(method)) {
        throw new UserInputError(`${formatPath(path)}: '${method}' does not apply to ${/^[aeiou]/.test(type ?? '') ? 'an' : 'a'} ${type} column; use one of ${allowed.join(', ')} or auto`, source.locate(path));
    }
}

/**
 * Bounded-memory counts per category of a categorical column, mergeable across shards.
 */
/** Default cap on distinct categories counted exactly. */
const DEFAULT_MAX_CATEGORIES = 10000;
/**
 * Counts values per category, exactly for the first `maxCategories` distinct categories. Values of
 * any further category are counted together in `other` (reported as `(other)`), and `capped` says
 * so: a column with that many distinct values is closer to an identifier than to a category, and
 * its drift is measured on the frequent categories plus one lump.
 *
 * Merging adds counts; it equals counting the whole data as long as the merged counter stays under
 * the cap. Past the cap, which categories are exact depends on arrival order.
 *
 * @example
 * const counter = new CategoryCounter()
 * for (const home of ['rent', 'owner', 'rent']) counter.add(home)
 * counter.snapshot() // { counts: Map { 'rent' => 2, 'owner' => 1 }, other: 0 }
 */
class CategoryCounter {
    maxCategories;
    /**
     * The exact counts, in first-seen order. A `CountTable` rather than a `Map`: one lookup per value
     * instead of a get and a set, with a hash computed in JS on a small index that stays in cache.
     */
    exact = new CountTable();
    otherCount = 0;
    constructor(options = {}) {
        this.maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
        if (!Number.isInteger(this.maxCategories) || this.maxCategories < 1) {
            throw new RangeError(`CategoryCounter: maxCategories must be an integer >= 1, got ${this.maxCategories}`);
        }
    }
    /** Whether some values were lumped into `other`. */
    get capped() {
        return this.otherCount > 0;
    }
    /** Counts `count` (default 1) occurrences of `category`. */
    add(category, count = 1) {
        const exact = this.exact;
        const e = exact.find(category);
        if (e >= 0)
            exact.counts[e] += count;
        else if (exact.size < this.maxCategories)
            exact.append(category, count);
        else
            this.otherCount += count;
    }
    merge(other) {
        const { values, counts, size } = other.exact;
        for (let e = 0; e < size; e++)
            this.add(values[e], counts[e]);
        this.otherCount += other.otherCount;
    }
    /** A copy of the counts, in the shape the drift functions take. */
    snapshot() {
        const { values, counts, size } = this.exact;
        const copy = new Map();
        for (let e = 0; e < size; e++)
            copy.set(values[e], counts[e]);
        return { counts: copy, other: this.otherCount };
    }
}

/**
 * Bounded-memory samples of a numeric column, mergeable across shards.
 *
 * Bottom-k sampling: every row gets a pseudo-random key `hash(seed, rowKey)` in [0, 1) and the
 * reservoir keeps the `capacity` values with the smallest keys. The kept rows are a uniform random
 * sample without replacement of all rows offered, and because a row's key depends only on the seed
 * and the row, never on arrival order, merging the reservoirs of any split of the rows yields
 * exactly the reservoir of the whole (given the same seed and capacity, and row keys unique across
 * shards — e.g. a global row index).
 *
 * Cost: O(1) per row. Rows are appended as candidates while they rank below the largest (key,
 * rowKey) kept at the last trim; when 2·capacity candidates are held they are trimmed to the
 * `capacity` smallest by a linear-time selection. A trim's bound lets through about `capacity` more
 * rows only once the rows seen have doubled, so n rows cost about log2(n / capacity) trims, where a
 * heap paid O(log capacity) cache misses for each of its ~capacity·ln(n / capacity) insertions. At
 * most 2·capacity values in memory (arrays grow as needed, so small columns stay small).
 *
 * Drift on a full reservoir is drift between samples: the KS p-value, for instance, then refers
 * to the samples (of up to `capacity` values each), not to the full columns.
 */
/** Default capacity: 100,000 values (2.4 MB), enough for any drift statistic's precision. */
const DEFAULT_RESERVOIR_CAPACITY = 100000;
class NumericReservoir {
    capacity;
    seed;
    seenCount = 0;
    length = 0;
    // The candidates in three parallel arrays: the rows kept at the last trim, then those offered since.
    keys = new Float64Array(0);
    rowKeys = new Float64Array(0);
    items = new Float64Array(0);
    // The largest (key, rowKey) kept at the last trim: a row that does not rank below it is not kept.
    boundKey = Infinity;
    boundRowKey = Infinity;
    constructor(options = {}) {
        this.capacity = options.capacity ?? DEFAULT_RESERVOIR_CAPACITY;
        this.seed = options.seed ?? 0;
        if (!Number.isInteger(this.capacity) || this.capacity < 1) {
            throw new RangeError(`NumericReservoir: capacity must be an integer >= 1, got ${this.capacity}`);
        }
        if (!Number.isInteger(this.seed) || this.seed < 0 || this.seed > 0xffffffff) {
            throw new RangeError(`NumericReservoir: seed must be an integer in [0, 2^32), got ${this.seed}`);
        }
    }
    /** Number of values offered so far (all shards, after merges). */
    get seen() {
        return this.seenCount;
    }
    /** Number of values kept: `min(seen, capacity)`. */
    get size() {
        return Math.min(this.length, this.capacity);
    }
    /** Whether values were dropped, i.e. `values()` is a sample rather than the whole column. */
    get sampled() {
        return this.seenCount > this.size;
    }
    /**
     * Offers one value.
     * @param value a finite number (leave missing values out)
     * @param rowKey the row's identity, an integer in [0, 2^53) unique across everything that will be
     *   merged (e.g. the global row index)
     */
    add(value, rowKey) {
        if (!Number.isFinite(value))
            throw new RangeError(`NumericReservoir.add: value must be finite, got ${value}`);
        if (!Number.isSafeInteger(rowKey) || rowKey < 0) {
            throw new RangeError(`NumericReservoir.add: rowKey must be an integer in [0, 2^53), got ${rowKey}`);
        }
        this.addHashed(value, rowKey, rowKeyHash(this.seed, rowKey));
    }
    /**
     * `add` for a row whose key `rowKeyHash(seed, rowKey)` the caller has computed: every numeric
     * column of a row shares it (see `batchRowKeys`), so a table's rows are hashed once, not per column.
     */
    addHashed(value, rowKey, key) {
        if (!Number.isFinite(value))
            throw new RangeError(`NumericReservoir.add: value must be finite, got ${value}`);
        this.seenCount++;
        this.offer(key, rowKey, value);
    }
    /** Adds `other`'s rows into this reservoir. Both must have the same seed and capacity. */
    merge(other) {
        this.checkCompatible(other.seed, other.capacity);
        this.seenCount += other.seenCount;
        for (let i = 0; i < other.length; i++)
            this.offer(other.keys[i], other.rowKeys[i], other.items[i]);
    }
    /** The kept values in a canonical order (by key), so equal reservoirs give equal arrays. */
    values() {
        this.trim();
        const order = this.canonicalOrder();
        const values = new Float64Array(order.length);
        for (let i = 0; i < order.length; i++)
            values[i] = this.items[order[i]];
        return values;
    }
    state() {
        this.trim();
        const order = this.canonicalOrder();
        return {
            capacity: this.capacity,
            seed: this.seed,
            seen: this.seenCount,
            rowKeys: order.map((i) => this.rowKeys[i]),
            values: order.map((i) => this.items[i])
        };
    }
    static fromState(state) {
        const reservoir = new NumericReservoir({ capacity: state.capacity, seed: state.seed });
        if (state.rowKeys.length !== state.values.length ||
            state.values.length > state.capacity ||
            state.seen < state.values.length) {
            throw new RangeError('NumericReservoir.fromState: inconsistent state');
        }
        state.rowKeys.forEach((rowKey, i) => reservoir.offer(rowKeyHash(state.seed, rowKey), rowKey, state.values[i]));
        reservoir.seenCount = state.seen;
        return reservoir;
    }
    checkCompatible(seed, capacity) {
        if (seed !== this.seed || capacity !== this.capacity) {
            throw new RangeError(`NumericReservoir.merge: reservoirs differ (seed ${seed} vs ${this.seed}, capacity ${capacity} vs ${this.capacity}); only reservoirs with the same seed and capacity merge exactly`);
        }
    }
    /**
     * The candidates' positions by (key, rowKey). The keys are radix-sorted with the positions as payload (no
     * comparator calls: 100,000 values per column and file); the rare runs of equal keys are then
     * ordered by row key.
     */
    canonicalOrder() {
        const n = this.length;
        const keys = this.keys.slice(0, n);
        const positions = new Float64Array(n);
        for (let i = 0; i < n; i++)
            positions[i] = i;
        sortNumbers(keys, positions);
        const order = Array.from(positions);
        for (let start = 0, end = 1; start < n; start = end++) {
            while (end < n && keys[end] === keys[start])
                end++;
            if (end - start > 1) {
                const run = order.slice(start, end).sort((a, b) => this.rowKeys[a] - this.rowKeys[b]);
                order.splice(start, run.length, ...run);
            }
        }
        return order;
    }
    offer(key, rowKey, value) {
        // Not below the largest kept at the last trim (or the very same row again): not in the bottom k.
        if (!ranksAfter(this.boundKey, this.boundRowKey, key, rowKey))
            return;
        if (this.length === this.keys.length) {
            if (this.length < 2 * this.capacity)
                this.grow();
            else {
                this.trim();
                if (!ranksAfter(this.boundKey, this.boundRowKey, key, rowKey))
                    return;
            }
        }
        const i = this.length++;
        this.keys[i] = key;
        this.rowKeys[i] = rowKey;
        this.items[i] = value;
    }
    /**
     * Keeps the `capacity` candidates with the smallest (key, rowKey), in place: the capacity-th
     * smallest key T is selected in linear time (the keys are hashes, so a middle pivot is a random
     * one), then the rows below T stay, and of those at T (rare) the smallest row keys.
     */
    trim() {
        const n = this.length;
        const k = this.capacity;
        if (n <= k)
            return;
        const { keys, rowKeys, items } = this;
        const bound = kthSmallest(keys.slice(0, n), k - 1);
        let below = 0;
        const tied = [];
        for (let i = 0; i < n; i++) {
            if (keys[i] < bound)
                below++;
            else if (keys[i] === bound)
                tied.push(rowKeys[i]);
        }
        const lastTied = tied.sort((a, b) => a - b)[k - below - 1];
        // Copies of the last row kept (the same row offered twice) fill only the places left.
        let copiesLeft = k - below - tied.indexOf(lastTied);
        let kept = 0;
        for (let i = 0; i < n; i++) {
            const key = keys[i];
            const rowKey = rowKeys[i];
            if (key < bound ||
                (key === bound && (rowKey < lastTied || (rowKey === lastTied && copiesLeft-- > 0)))) {
                keys[kept] = keys[i];
                rowKeys[kept] = rowKeys[i];
                items[kept++] = items[i];
            }
        }
        this.length = kept;
        this.boundKey = bound;
        this.boundRowKey = lastTied;
    }
    grow() {
        const size = Math.min(2 * this.capacity, Math.max(1024, this.keys.length * 2));
        const keys = new Float64Array(size);
        const rowKeys = new Float64Array(size);
        const items = new Float64Array(size);
        keys.set(this.keys);
        rowKeys.set(this.rowKeys);
        items.set(this.items);
        this.keys = keys;
        this.rowKeys = rowKeys;
        this.items = items;
    }
}
function ranksAfter(key, rowKey, otherKey, otherRowKey) {
    return key > otherKey || (key === otherKey && rowKey > otherRowKey);
}
const lastBatch = { seed: -1, firstRow: -1, size: 0, keys: new Float64Array(0) };
/**
 * The keys `rowKeyHash(seed, firstRow + i)` of the rows of a batch, i < size. Every numeric column
 * of a batch needs the same keys, so the last batch's are kept (they depend on the seed and the row
 * only): the columns after the first reuse them. A view, valid until the next call.
 */
function batchRowKeys(seed, firstRow, size) {
    if (lastBatch.seed === seed && lastBatch.firstRow === firstRow && lastBatch.size === size)
        return lastBatch.keys;
    const keys = new Float64Array(size);
    for (let i = 0; i < size; i++)
        keys[i] = rowKeyHash(seed, firstRow + i);
    Object.assign(lastBatch, { seed, firstRow, size, keys });
    return keys;
}
/**
 * A key in [0, 1) with 53 random-looking bits from (seed, rowKey): murmur3's 32-bit finalizer
 * applied to the two halves of the row key mixed with the seed.
 */
function rowKeyHash(seed, rowKey) {
    const low = rowKey >>> 0;
    const high = Math.floor(rowKey / 0x100000000) >>> 0;
    const a = fmix32(low ^ fmix32(high ^ fmix32(seed ^ 0x9e3779b9)));
    const b = fmix32(a ^ 0x85ebca6b ^ high);
    return ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
}

/**
 * Gathers what drift needs of one column of one file, in bounded memory: numbers into a seeded
 * reservoir (at most 100,000 values), other values into a category counter (at most 10,000
 * categories), booleans as counts.
 *
 * The column's kind is given by the contract, or else found from the data: numeric when every
 * present value is a number, boolean when every one is true/false, categorical when none is a
 * number or boolean. A column that mixes numbers with text has no drift kind.
 */
class DriftCollector {
    kind;
    reservoir;
    categories = new CategoryCounter();
    numbers = 0;
    trues = 0;
    booleans = 0;
    others = 0;
    /**
     * @param kind forced by the contract; `categorical` counts numbers as categories too
     * @param seed seed of the reservoir's row keys; reference and current must share it
     */
    constructor(kind, seed) {
        this.kind = kind;
        this.reservoir = new NumericReservoir({ seed });
    }
    /** Adds a batch; `firstRow` is the 0-based index of its first row in the file (the row key). */
    add(chunk, size, firstRow) {
        const { kinds, values } = chunk;
        const categorical = this.kind === 'categorical';
        let keys = null; // the rows' reservoir keys, on the first number of the batch
        for (let i = 0; i < size; i++) {
            const kind = kinds[i];
            if (kind === Kind.Missing)
                continue;
            if (!categorical && (kind === Kind.Integer || kind === Kind.Number)) {
                this.numbers++;
                keys ??= batchRowKeys(this.reservoir.seed, firstRow, size);
                this.reservoir.addHashed(values[i], firstRow + i, keys[i]);
            }
            else if (!categorical && kind === Kind.Boolean) {
                this.booleans++;
                if (values[i] === true)
                    this.trues++;
            }
            else {
                this.others++;
                this.categories.add(String(values[i]));
            }
        }
    }
    /** The kind the values show (or the contract forced), or undefined for a mixed column. */
    observedKind() {
        if (this.kind !== undefined)
            return this.kind;
        const present = this.numbers + this.booleans + this.others;
        if (this.numbers === present)
            return 'numeric';
        if (this.booleans === present)
            return 'boolean';
        if (this.others === present)
            return 'categorical';
        return undefined;
    }
    /** The sample for a kind (the kind both sides agree on). */
    sample(kind) {
        if (kind === 'numeric')
            return { kind, values: this.reservoir.values() };
        if (kind === 'boolean')
            return { kind, trues: this.trues, total: this.booleans };
        return { kind, counts: this.categories.snapshot() };
    }
}

/**
 * Chi-square test of homogeneity between the category counts of a reference and a current sample,
 * as scipy.stats.chi2_contingency([reference, current]) with its default `correction=True`.
 */
/**
 * Chi-square test of `H0: reference and current share one categorical distribution`, on the 2 × k
 * contingency table whose rows are the two samples' counts per category (aligned by index).
 *
 * `E_ij = row_i · col_j / total`; statistic `Σ (O_ij - E_ij)² / E_ij`; `dof = k - 1`;
 * p-value `= chi2.sf(statistic, dof)`. For `dof = 1` (two categories), Yates' continuity
 * correction moves each observed count towards its expected count by `min(0.5, |O - E|)`, as scipy.
 * A single category (`dof = 0`) gives statistic 0 and p-value 1, as scipy.
 *
 * Categories seen in only one sample belong in the table (count 0 on the other side): they are
 * evidence of drift. Agreement with scipy 1.17: statistic to 1e-12 relative, p-value to 1e-12.
 *
 * Undefined: a category with zero counts on both sides, or a sample with no counts at all (scipy
 * raises: an expected count would be zero) — a caller bug, `RangeError`.
 *
 * @param reference count per category in the reference sample
 * @param current count per category in the current sample, same categories in the same order
 * @example chiSquareHomogeneity([10, 20, 30], [30, 20, 10]) // { statistic: 20, pValue: 4.5399929762484854e-5, dof: 2, … }
 */
function chiSquareHomogeneity(reference, current) {
    const k = reference.length;
    if (current.length !== k) {
        throw new RangeError(`chiSquareHomogeneity: ${k} reference counts but ${current.length} current counts`);
    }
    const refTotal = sumOf(reference);
    const curTotal = sumOf(current);
    const total = refTotal + curTotal;
    if (refTotal === 0 || curTotal === 0)
        throw new RangeError('chiSquareHomogeneity: a sample has no counts');
    const expRef = new Float64Array(k);
    const expCur = new Float64Array(k);
    for (let j = 0; j < k; j++) {
        const column = reference[j] + current[j];
        if (!(column > 0))
            throw new RangeError(`chiSquareHomogeneity: category ${j} has no counts in either sample`);
        // scipy's expected_freq: the product of the margins divided by total^(ndim - 1).
        expRef[j] = (refTotal * column) / total;
        expCur[j] = (curTotal * column) / total;
    }
    const dof = k - 1;
    if (dof === 0)
        return { statistic: 0, pValue: 1, dof, expected: [expRef, expCur] };
    const statistic = pearson(reference, expRef, dof) + pearson(current, expCur, dof);
    return { statistic, pValue: chiSquareSf(statistic, dof), dof, expected: [expRef, expCur] };
}
function pearson(observed, expected, dof) {
    let sum = 0;
    for (let j = 0; j < expected.length; j++) {
        let o = observed[j];
        if (dof === 1) {
            const diff = expected[j] - o;
            o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
        }
        sum += ((o - expected[j]) * (o - expected[j])) / expected[j];
    }
    return sum;
}
function sumOf(values) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!(v >= 0) || !Number.isFinite(v))
            throw new RangeError(`chiSquareHomogeneity: invalid count ${v}`);
        sum += v;
    }
    return sum;
}

/**
 * What the drift functions receive for one column on one side (reference or current): the numeric
 * values (all of them, or a reservoir sample), the counts per category, or the count of trues.
 */
/** Number of (non-missing) values the sample holds. */
function sampleSize(sample) {
    switch (sample.kind) {
        case 'numeric':
            return sample.values.length;
        case 'boolean':
            return sample.total;
        case 'categorical': {
            let n = sample.counts.other ?? 0;
            for (const count of sample.counts.counts.values())
                n += count;
            return n;
        }
    }
}
/**
 * `n_ref · n_cur / (n_ref + n_cur)`: the size that governs a two-sample test's power (two samples
 * of 5,000 have an effective size of 2,500). 0 when either sample is empty.
 */
function effectiveSampleSize(nReference, nCurrent) {
    return nReference === 0 || nCurrent === 0 ? 0 : (nReference * nCurrent) / (nReference + nCurrent);
}
/** Label of the cell that holds lumped categories, in messages. */
const OTHER_CATEGORY_LABEL = '(other)';
/**
 * Aligns two category count tables on the union of their categories (sorted by code unit, so the
 * result does not depend on arrival order), dropping categories counted 0 on both sides. Lumped
 * `other` counts form one last cell, present when either side has some: the two lumps are compared
 * as if they were one category, an approximation that only arises past a counter's cap.
 */
function alignCategories(reference, current) {
    const names = new Set();
    for (const [name, count] of reference.counts)
        if (count > 0)
            names.add(name);
    for (const [name, count] of current.counts)
        if (count > 0)
            names.add(name);
    const labels = [...names].sort();
    const refOther = reference.other ?? 0;
    const curOther = current.other ?? 0;
    const cells = labels.length + (refOther + curOther > 0 ? 1 : 0);
    const ref = new Float64Array(cells);
    const cur = new Float64Array(cells);
    labels.forEach((name, i) => {
        ref[i] = reference.counts.get(name) ?? 0;
        cur[i] = current.counts.get(name) ?? 0;
    });
    if (cells > labels.length) {
        ref[cells - 1] = refOther;
        cur[cells - 1] = curOther;
        labels.push(OTHER_CATEGORY_LABEL);
    }
    return { labels, reference: ref, current: cur };
}
/** A boolean sample as two categories, `false` and `true`. */
function booleanAsCategories(trues, total) {
    return {
        counts: new Map([
            ['false', total - trues],
            ['true', trues]
        ])
    };
}
/** The counts per category of a categorical or boolean sample (a numeric sample has none). */
function categoryCountsOf(sample) {
    if (sample.kind === 'categorical')
        return sample.counts;
    if (sample.kind === 'boolean')
        return booleanAsCategories(sample.trues, sample.total);
    throw new RangeError('a numeric sample has no category counts; bin it with quantileEdges and binCounts');
}

/**
 * The default drift method for a column, from its kind and the sizes of the two samples, with the
 * reason in words.
 *
 * Policy:
 * - fewer than `minSamples` (30) values on either side: insufficient data, no verdict;
 * - small samples (effective size `n_ref·n_cur/(n_ref+n_cur)` <= 2,500, e.g. 5,000 vs 5,000 or
 *   100,000 vs 2,560): a significance test — `ks` for numeric, `chi2` for categorical, `z` for
 *   boolean — which is exact or well calibrated there;
 * - large samples: an effect size with a threshold — `wasserstein` (normalized) for numeric,
 *   `jensen_shannon` for categorical and boolean. A test's power grows with n: at an effective
 *   size of 2,500, KS already rejects at α = 0.05 for CDFs 2.7 points apart (1.358/√2500) and the
 *   z-test for a 50% rate moving by 2 points; beyond, tests flag differences too small to matter
 *   ("drift tests that flag everything on large samples"), while a distance does not grow with n;
 * - chi2 / z whose expected counts are too small for the chi-square approximation (Cochran: an
 *   expected count below 1, or more than 20% of them below 5 — typical with rare categories):
 *   `jensen_shannon` instead, which needs no expected counts.
 */
/** Fewer values than this on either side: insufficient data. */
const MIN_SAMPLE_SIZE = 30;
/** Above this effective sample size, distances replace tests. */
const LARGE_EFFECTIVE_SAMPLE_SIZE = 2500;
/**
 * Chooses the default method for a column (see the module comment for the policy).
 *
 * @param minSamples values needed on each side (default `MIN_SAMPLE_SIZE` = 30)
 * @example chooseMethod({ kind: 'boolean', trues: 10, total: 100 }, { kind: 'boolean', trues: 20, total: 100 })
 *   // { method: 'z', why: 'boolean column, effective sample size 50 <= 2500', insufficient: null }
 */
function chooseMethod(reference, current, minSamples = MIN_SAMPLE_SIZE) {
    if (reference.kind !== current.kind) {
        throw new RangeError(`chooseMethod: reference is ${reference.kind} but current is ${current.kind}`);
    }
    const nRef = sampleSize(reference);
    const nCur = sampleSize(current);
    const en = effectiveSampleSize(nRef, nCur);
    const size = `effective sample size ${formatSize(en)}`;
    const kind = reference.kind;
    const large = en > LARGE_EFFECTIVE_SAMPLE_SIZE;
    let method;
    let why;
    if (large) {
        method = kind === 'numeric' ? 'wasserstein' : 'jensen_shannon';
        why = `${kind} column, ${size} > ${LARGE_EFFECTIVE_SAMPLE_SIZE}: a significance test would flag immaterial differences, so an effect size is used`;
    }
    else {
        method = kind === 'numeric' ? 'ks' : kind === 'categorical' ? 'chi2' : 'z';
        why = `${kind} column, ${size} <= ${LARGE_EFFECTIVE_SAMPLE_SIZE}`;
    }
    const insufficient = insufficientData(nRef, nCur, minSamples);
    if (insufficient === null && (method === 'chi2' || method === 'z')) {
        const sparse = sparseExpectedCounts(reference, current);
        if (sparse !== null) {
            method = 'jensen_shannon';
            why = `${kind} column, ${size}, but ${sparse}: too few for the chi-square approximation (Cochran's rule), so ${DRIFT_METHODS.jensen_shannon.label}`;
        }
    }
    return { method, why, insufficient };
}
/** The reason why `nRef` and `nCur` values are too few, or `null`. */
function insufficientData(nRef, nCur, minSamples = MIN_SAMPLE_SIZE) {
    const needed = Math.max(minSamples, 1);
    const short = [];
    if (nRef < needed)
        short.push(`the reference has ${values(nRef)}`);
    if (nCur < needed)
        short.push(`the current data has ${values(nCur)}`);
    if (short.length === 0)
        return null;
    return `insufficient data: ${short.join(' and ')}, at least ${needed} needed on each side`;
}
/**
 * Cochran's rule on the 2 × k table of expected counts: `null` when every expected count is >= 1
 * and at most 20% are below 5; otherwise a description such as `3 of 12 expected counts below 5`.
 */
function sparseExpectedCounts(reference, current) {
    const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current));
    let refTotal = 0;
    let curTotal = 0;
    for (let j = 0; j < table.labels.length; j++) {
        refTotal += table.reference[j];
        curTotal += table.current[j];
    }
    const total = refTotal + curTotal;
    let belowOne = 0;
    let belowFive = 0;
    for (let j = 0; j < table.labels.length; j++) {
        const column = table.reference[j] + table.current[j];
        for (const rowTotal of [refTotal, curTotal]) {
            const expected = (rowTotal * column) / total;
            if (expected < 1)
                belowOne++;
            if (expected < 5)
                belowFive++;
        }
    }
    const cells = 2 * table.labels.length;
    if (belowOne === 0 && belowFive <= 0.2 * cells)
        return null;
    return belowOne > 0
        ? `${belowOne} of ${cells} expected counts below 1`
        : `${belowFive} of ${cells} expected counts below 5`;
}
function formatSize(n) {
    return String(Math.round(n));
}
function values(n) {
    return n === 1 ? '1 value' : `${n} values`;
}

/**
 * Jensen–Shannon distance between two distributions given as counts (or weights) per bin or
 * category.
 */
/**
 * Jensen–Shannon DISTANCE in base 2, exactly scipy.spatial.distance.jensenshannon(p, q, base=2):
 * normalize `p` and `q` to sum 1, `m = (p + q) / 2`, divergence
 * `JSD = (KL(p‖m) + KL(q‖m)) / 2` in bits, distance `= √JSD`.
 *
 * Range [0, 1]: 0 for identical distributions, 1 for distributions with disjoint support. Symmetric
 * and finite even when a category is absent from one side (no smoothing needed), which is why it
 * serves large categorical samples. (The divergence is the square of this value.) A rounding-level
 * negative divergence is clamped to 0 so the result is never NaN.
 *
 * For numeric columns, call it on `binCounts` of both samples over the reference's `quantileEdges`;
 * for categorical columns, on the counts per category (union of both sides' categories).
 *
 * Undefined: all-zero weights on a side, negative or non-finite weights, or lengths that differ are
 * caller bugs (`RangeError`). Agreement with scipy 1.17: 1e-12 relative.
 *
 * @example jensenShannonDistance([1, 0], [0, 1]) // 1
 */
function jensenShannonDistance(p, q) {
    if (p.length !== q.length)
        throw new RangeError(`jensenShannonDistance: lengths differ (${p.length} vs ${q.length})`);
    const pTotal = total$1(p, 'p');
    const qTotal = total$1(q, 'q');
    let left = 0;
    let right = 0;
    for (let i = 0; i < p.length; i++) {
        const pi = p[i] / pTotal;
        const qi = q[i] / qTotal;
        const m = (pi + qi) / 2;
        // scipy's rel_entr: x ln(x / y), 0 when x = 0.
        if (pi > 0)
            left += pi * Math.log(pi / m);
        if (qi > 0)
            right += qi * Math.log(qi / m);
    }
    const divergence = (left + right) / Math.LN2;
    return Math.sqrt(Math.max(0, divergence / 2));
}
function total$1(weights, name) {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
        const w = weights[i];
        if (!(w >= 0) || !Number.isFinite(w))
            throw new RangeError(`jensenShannonDistance: ${name}[${i}] = ${w} is not a weight >= 0`);
        sum += w;
    }
    if (sum === 0)
        throw new RangeError(`jensenShannonDistance: ${name} has no weight`);
    return sum;
}

/**
 * Two-sample Kolmogorov–Smirnov test, as scipy.stats.ks_2samp(reference, current) with its defaults
 * (alternative='two-sided', method='auto').
 */
/** scipy's MAX_AUTO_N: the exact distribution is used when both samples have at most this many values. */
const KS_EXACT_MAX_N = 10000;
/**
 * Two-sample Kolmogorov–Smirnov test of `H0: both samples come from the same continuous
 * distribution`.
 *
 * Statistic: `D = max_x |F_ref(x) - F_cur(x)|` over the empirical CDFs (ties handled as scipy: both
 * CDFs are evaluated at every observed value).
 *
 * p-value, as scipy's `method='auto'`:
 * - both sizes <= 10,000: the exact `P(D >= d)` under H0, counting lattice paths (Hodges 1958;
 *   scipy's `_compute_prob_outside_square` when the sizes are equal, the "inside" recursion for
 *   `1 - p` of Viehmann 2021 otherwise). As in scipy, the statistic is then rounded to the nearest
 *   multiple of `1 / lcm(n1, n2)` (removing floating-point noise), and if the recursion ever left
 *   [0, 1] the asymptotic p-value is used instead;
 * - larger: `kstwo.sf(D, round(n1·n2 / (n1 + n2)))`.
 *
 * When the values are samples (e.g. from a full reservoir), the p-value is about those samples,
 * not about the full columns they were drawn from.
 *
 * Undefined cases: an empty sample, or a value that is not finite, is a caller bug (`RangeError`);
 * filter missing values out first. Identical samples give `D = 0, p = 1`.
 *
 * Agreement with scipy 1.17: statistic exactly (same floating-point operations); p-values within 5e-12
 * relative (exact range) and 1e-9 (asymptotic range) over 300+ random cases and the tests in
 * test/drift/ks.test.ts.
 *
 * @param reference values of the reference column (not modified)
 * @param current values of the current column (not modified)
 * @example ksTwoSample([1, 2, 3, 4], [5, 6, 7, 8]) // { statistic: 1, pValue: 0.028571428571428577, method: 'exact' }
 */
function ksTwoSample(reference, current) {
    const a = sortedCopy(reference, 'reference');
    const b = sortedCopy(current, 'current');
    const n1 = a.length;
    const n2 = b.length;
    let d = statistic(a, b);
    if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
        const g = gcd(n1, n2);
        const lcm = (n1 / g) * n2;
        const h = roundHalfEven(d * lcm);
        d = h / lcm;
        if (h === 0)
            return { statistic: d, pValue: 1, method: 'exact' };
        const p = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideInsideMethod(n1, n2, g, h);
        if (p >= 0 && p <= 1)
            return { statistic: d, pValue: p, method: 'exact' };
    }
    const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
    const en = (m * n) / (m + n);
    return { statistic: d, pValue: kolmogorovSmirnovSf(roundHalfEven(en), d), method: 'asymptotic' };
}
function sortedCopy(values, name) {
    if (values.length === 0)
        throw new RangeError(`ksTwoSample: the ${name} sample is empty`);
    const copy = Float64Array.from(values);
    for (let i = 0; i < copy.length; i++) {
        if (!Number.isFinite(copy[i])) {
            throw new RangeError(`ksTwoSample: the ${name} sample holds a non-finite value (${copy[i]}) at index ${i}`);
        }
    }
    return copy.sort();
}
/** `max(max(F_a - F_b), max(F_b - F_a))` over all observed values, by one merge of the sorted samples. */
function statistic(a, b) {
    let i = 0;
    let j = 0;
    let maxDiff = 0;
    let minDiff = 0;
    while (i < a.length || j < b.length) {
        const value = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
        while (i < a.length && a[i] === value)
            i++;
        while (j < b.length && b[j] === value)
            j++;
        // Same operations as scipy (count / n for each CDF, then the difference), so the same double.
        const diff = i / a.length - j / b.length;
        if (diff > maxDiff)
            maxDiff = diff;
        if (diff < minDiff)
            minDiff = diff;
    }
    const minS = Math.min(-minDiff, 1);
    return minS > maxDiff ? minS : maxDiff;
}
/**
 * `P(D_{n,n} >= h/n)` for equal sizes: `2 Σ_k (-1)^k binom(2n, n - (k+1)h) / binom(2n, n)`,
 * evaluated as scipy does with each ratio as a product of h factors and a Horner scheme.
 */
function probOutsideSquare(n, h) {
    let p = 0;
    for (let k = Math.floor(n / h); k >= 0; k--) {
        let p1 = 1;
        for (let j = 0; j < h; j++)
            p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
        p = p1 * (1 - p);
    }
    return 2 * p;
}
/**
 * `P(D_{m,n} >= h/lcm(m, n))` for unequal sizes: the proportion of lattice paths from (0,0) to (m,n)
 * that leave the band `|x/m - y/n| < h/lcm`, computed directly (not as 1 minus the inside
 * proportion) by a column-by-column recursion on a sliding window — scipy's
 * `_compute_outer_prob_inside_method`.
 */
function probOutsideInsideMethod(m0, n0, g, h) {
    const [m, n] = m0 >= n0 ? [m0, n0] : [n0, m0];
    const mg = m / g;
    const ng = n / g;
    let minj = 0;
    let maxj = Math.min(Math.ceil(h / mg), n + 1);
    let curlen = maxj - minj;
    const lenA = Math.min(2 * maxj + 2, n + 1);
    const A = new Float64Array(lenA).fill(1);
    A.fill(0, minj, maxj);
    for (let i = 1; i <= m; i++) {
        const lastminj = minj;
        const lastlen = curlen;
        minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
        maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
        if (maxj <= minj)
            return 1;
        let val = minj === 0 ? 0 : 1;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            A.fill(1, maxj - minj, Math.min(maxj - minj + (lastlen - curlen), lenA));
    }
    return A[maxj - minj - 1];
}
function gcd(a, b) {
    while (b !== 0)
        [a, b] = [b, a % b];
    return a;
}
/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x) {
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Two-proportion z-test for boolean (binary) columns.
 */
/**
 * Pooled two-proportion z-test of `H0: the rate of true is the same in reference and current`.
 *
 * `p_ref = trues_ref / n_ref`, `p_cur = trues_cur / n_cur`, pooled `p̂ = (trues_ref + trues_cur) /
 * (n_ref + n_cur)`, `z = (p_cur - p_ref) / √(p̂ (1 - p̂) (1/n_ref + 1/n_cur))`, two-sided p-value
 * `erfc(|z| / √2)`. `z²` equals scipy.stats.chi2_contingency(table, correction=False).statistic and
 * the p-values agree (to 1e-12 in the tests); statsmodels' proportions_ztest gives the same numbers.
 *
 * Both samples all true or all false (`p̂ = 0` or `1`): the proportions are identical, so
 * `z = 0, p = 1` (the formula would be 0/0).
 *
 * @example twoProportionZTest(40, 100, 60, 100) // { statistic: 2.8284271247461903, pValue: 0.004677734981047177, … }
 */
function twoProportionZTest(referenceTrues, referenceTotal, currentTrues, currentTotal) {
    checkCounts(referenceTrues, referenceTotal, 'reference');
    checkCounts(currentTrues, currentTotal, 'current');
    const referenceRate = referenceTrues / referenceTotal;
    const currentRate = currentTrues / currentTotal;
    const pooled = (referenceTrues + currentTrues) / (referenceTotal + currentTotal);
    if (pooled === 0 || pooled === 1)
        return { statistic: 0, pValue: 1, referenceRate, currentRate };
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal));
    const statistic = (currentRate - referenceRate) / se;
    return { statistic, pValue: normalTwoSidedP(statistic), referenceRate, currentRate };
}
function checkCounts(trues, total, name) {
    if (!Number.isInteger(total) || total < 1 || !Number.isInteger(trues) || trues < 0 || trues > total) {
        throw new RangeError(`twoProportionZTest: ${name} needs integers 0 <= trues <= total, total >= 1; got ${trues} of ${total}`);
    }
}

/**
 * Population stability index between two distributions given as counts per bin or category.
 */
/**
 * Share that replaces an empty bin's share (0) before taking logarithms, as common PSI
 * implementations (e.g. Evidently) do: small enough not to matter when the bin really is
 * negligible, large enough that one empty bin adds a bounded, visible amount instead of ∞.
 */
const PSI_EMPTY_BIN_SHARE = 1e-4;
/**
 * `PSI = Σ_i (c_i - r_i) · ln(c_i / r_i)` over bins or categories, where `r_i` and `c_i` are the
 * reference's and the current sample's shares of bin `i`, and a share of 0 is replaced by
 * `PSI_EMPTY_BIN_SHARE` (1e-4; the shares are not renormalized).
 *
 * Range [0, ∞): 0 for identical shares. Conventional reading: < 0.1 no significant change,
 * 0.1–0.2 moderate, >= 0.2 significant shift (ml-gate's default threshold).
 *
 * For numeric columns, call it on `binCounts` over the reference's `quantileEdges` (deciles by
 * default); for categorical columns, on counts per category (union of both sides' categories: a
 * category present on one side only contributes through the empty-bin share).
 *
 * Undefined: all-zero counts on a side, negative or non-finite counts, or lengths that differ are
 * caller bugs (`RangeError`).
 *
 * @example populationStabilityIndex([50, 50], [60, 40]) // 0.04054651081081645 (= 0.2 · ln 1.5)
 */
function populationStabilityIndex(reference, current) {
    if (reference.length !== current.length) {
        throw new RangeError(`populationStabilityIndex: lengths differ (${reference.length} vs ${current.length})`);
    }
    const refTotal = total(reference, 'reference');
    const curTotal = total(current, 'current');
    let psi = 0;
    for (let i = 0; i < reference.length; i++) {
        const r = reference[i] / refTotal || PSI_EMPTY_BIN_SHARE;
        const c = current[i] / curTotal || PSI_EMPTY_BIN_SHARE;
        psi += (c - r) * Math.log(c / r);
    }
    return psi;
}
function total(counts, name) {
    let sum = 0;
    for (let i = 0; i < counts.length; i++) {
        const c = counts[i];
        if (!(c >= 0) || !Number.isFinite(c))
            throw new RangeError(`populationStabilityIndex: ${name}[${i}] = ${c} is not a count >= 0`);
        sum += c;
    }
    if (sum === 0)
        throw new RangeError(`populationStabilityIndex: the ${name} sample has no counts`);
    return sum;
}

/**
 * Histogram bins cut at the reference's quantiles, shared by PSI and Jensen–Shannon on numeric
 * columns: each bin holds about the same share of the reference, so no bin is empty by design
 * and the bins follow the reference's shape whatever its scale.
 */
/** Default number of bins: deciles, the usual choice for PSI. */
const DEFAULT_BIN_COUNT = 10;
/**
 * The interior edges of `bins` reference-quantile bins: the quantiles at `1/bins, 2/bins, …,
 * (bins-1)/bins` by numpy's default linear interpolation (`np.quantile(reference, q)`), with
 * repeated edges removed (heavily tied data gives fewer, wider bins).
 *
 * The bins are right-closed: `(-∞, e₀], (e₀, e₁], …, (e_last, +∞)`, so values outside the
 * reference's range fall into the outer bins.
 *
 * @example quantileEdges([1, 2, 3, 4, 5], 4) // Float64Array [2, 3, 4]
 */
function quantileEdges(reference, bins = DEFAULT_BIN_COUNT) {
    if (!Number.isInteger(bins) || bins < 2)
        throw new RangeError(`quantileEdges: bins must be an integer >= 2, got ${bins}`);
    if (reference.length === 0)
        throw new RangeError('quantileEdges: the reference sample is empty');
    const sorted = Float64Array.from(reference).sort();
    const edges = [];
    for (let b = 1; b < bins; b++) {
        const edge = linearQuantile(sorted, b / bins);
        if (edges.length === 0 || edge > edges[edges.length - 1])
            edges.push(edge);
    }
    return Float64Array.from(edges);
}
/** numpy's 'linear' quantile of sorted data, including its symmetric lerp for t >= 0.5. */
function linearQuantile(sorted, q) {
    const position = (sorted.length - 1) * q;
    const lower = Math.floor(position);
    const upper = Math.min(lower + 1, sorted.length - 1);
    const t = position - lower;
    const a = sorted[lower];
    const b = sorted[upper];
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
/**
 * Counts of `values` per bin for the given interior edges (`edges.length + 1` bins, right-closed):
 * value `x` goes to bin `#{edges < x}` (`np.searchsorted(edges, x, side='left')`).
 */
function binCounts(values, edges) {
    const counts = new Float64Array(edges.length + 1);
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        let lo = 0;
        let hi = edges.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (edges[mid] < x)
                lo = mid + 1;
            else
                hi = mid;
        }
        counts[lo]++;
    }
    return counts;
}

/**
 * First Wasserstein (earth mover's) distance between two numeric samples, normalized by the
 * reference's spread so that one threshold fits every column.
 */
/**
 * `W1(ref, cur) = ∫ |F_ref(x) - F_cur(x)| dx` over the empirical CDFs — the average distance each
 * unit of probability mass must move — divided by the reference's standard deviation.
 *
 * The standard deviation uses ddof = 0 (`np.std(reference)`), as Evidently's "normed Wasserstein
 * distance" whose default threshold of 0.1 ml-gate adopts: 0.1 means the current distribution is,
 * on average, a tenth of a reference standard deviation away.
 *
 * Range: [0, ∞). Identical samples give 0. Undefined: `normalized` is `null` for a constant
 * reference. An empty sample or a non-finite value is a caller bug (`RangeError`).
 * Agreement with scipy 1.17: 1e-12 relative (summation order differs).
 *
 * @example wassersteinDistance([0, 1, 3], [5, 6, 8]) // { distance: 5, referenceStd: 1.247…, normalized: 4.009… }
 */
function wassersteinDistance(reference, current) {
    const u = sortedFinite(reference, 'reference');
    const v = sortedFinite(current, 'current');
    let i = 0;
    let j = 0;
    let distance = 0;
    let previous = Math.min(u[0], v[0]);
    while (i < u.length || j < v.length) {
        const value = j >= v.length || (i < u.length && u[i] <= v[j]) ? u[i] : v[j];
        // Between two consecutive distinct values both CDFs are flat: add |F_u - F_v| × width.
        distance += Math.abs(i / u.length - j / v.length) * (value - previous);
        while (i < u.length && u[i] === value)
            i++;
        while (j < v.length && v[j] === value)
            j++;
        previous = value;
    }
    const referenceStd = populationStd(u);
    return { distance, referenceStd, normalized: referenceStd > 0 ? distance / referenceStd : null };
}
/** numpy's `np.std(x)`: two passes, `√(mean((x - mean)²))`. */
function populationStd(values) {
    let sum = 0;
    for (let i = 0; i < values.length; i++)
        sum += values[i];
    const mean = sum / values.length;
    let squares = 0;
    for (let i = 0; i < values.length; i++)
        squares += (values[i] - mean) ** 2;
    return Math.sqrt(squares / values.length);
}
function sortedFinite(values, name) {
    if (values.length === 0)
        throw new RangeError(`wassersteinDistance: the ${name} sample is empty`);
    const copy = Float64Array.from(values);
    for (let i = 0; i < copy.length; i++) {
        if (!Number.isFinite(copy[i])) {
            throw new RangeError(`wassersteinDistance: the ${name} sample holds a non-finite value (${copy[i]}) at index ${i}`);
        }
    }
    return copy.sort();
}

/**
 * Drift of one column: reference vs current, with a method chosen by default or requested, a
 * threshold, a verdict and the reason for both. This is what the contract/validate command calls.
 */
/**
 * Measures the drift of one column from `reference` to `current` (both of the same kind, missing
 * values left out) and decides it against a threshold.
 *
 * Tests (`ks`, `chi2`, `z`) drift when `p_value < threshold`; distances (`wasserstein`,
 * `jensen_shannon`, `psi`) drift when `statistic >= threshold`. Numeric PSI and Jensen–Shannon use
 * `bins` reference-quantile bins (`quantileEdges`). When the numeric values are reservoir samples,
 * the statistic and p-value are those of the samples.
 *
 * Undefined: fewer than `minSamples` values on either side gives `statistic`, `p_value` and
 * `drifted` all `null` with the reason. A method that does not apply to the column's kind, a bad
 * threshold or samples of different kinds throw `RangeError` (the config layer validates these
 * first and reports them to the user; `methodsFor(kind)` lists the valid methods).
 *
 * @example
 * detectDrift({ kind: 'boolean', trues: 40, total: 100 }, { kind: 'boolean', trues: 60, total: 100 })
 * // { method: 'z', statistic: 2.828…, p_value: 0.00468, threshold: 0.05, drifted: true,
 * //   reason: 'two-proportion z-test (boolean column, effective sample size 50 <= 2500): z = 2.83, p = 0.00468 < 0.05: drift' }
 */
function detectDrift(reference, current, options = {}) {
    if (reference.kind !== current.kind) {
        throw new RangeError(`detectDrift: reference is ${reference.kind} but current is ${current.kind}`);
    }
    const minSamples = options.minSamples ?? MIN_SAMPLE_SIZE;
    const choice = options.method === undefined
        ? chooseMethod(reference, current, minSamples)
        : {
            method: options.method,
            why: 'requested',
            insufficient: insufficientData(sampleSize(reference), sampleSize(current), minSamples)
        };
    const method = choice.method;
    const info = DRIFT_METHODS[method];
    if (!info.kinds.includes(reference.kind)) {
        throw new RangeError(`detectDrift: ${method} does not apply to a ${reference.kind} column; use one of ${methodsFor(reference.kind).join(', ')}`);
    }
    const threshold = options.threshold ?? info.defaultThreshold;
    if (!(threshold > 0) || (info.decision === 'test' && !(threshold < 1)) || !Number.isFinite(threshold)) {
        throw new RangeError(`detectDrift: threshold ${threshold} for ${method} must be ${info.decision === 'test' ? 'in (0, 1)' : '> 0'}`);
    }
    const head = `${info.label} (${choice.why})`;
    if (choice.insufficient !== null) {
        return {
            method,
            statistic: null,
            p_value: null,
            threshold,
            drifted: null,
            reason: `${head}: ${choice.insufficient}`
        };
    }
    const measured = measure$1(method, reference, current, options.bins ?? DEFAULT_BIN_COUNT);
    if (measured.statistic === null) {
        return {
            method,
            statistic: null,
            p_value: null,
            threshold,
            drifted: measured.drifted,
            reason: `${head}: ${measured.text}`
        };
    }
    if (info.decision === 'test') {
        const p = measured.pValue;
        const drifted = p < threshold;
        const decision = `${measured.text}, p = ${formatAgainst(p, threshold)} ${drifted ? '<' : '>='} ${threshold}: ${drifted ? 'drift' : 'no drift'}`;
        return {
            method,
            statistic: measured.statistic,
            p_value: p,
            threshold,
            drifted,
            reason: `${head}: ${decision}`
        };
    }
    const drifted = measured.statistic >= threshold;
    const decision = `${measured.text} ${drifted ? '>=' : '<'} ${threshold}: ${drifted ? 'drift' : 'no drift'}`;
    return {
        method,
        statistic: measured.statistic,
        p_value: null,
        threshold,
        drifted,
        reason: `${head}: ${decision}`
    };
}
function measure$1(method, reference, current, bins) {
    switch (method) {
        case 'ks': {
            const r = ksTwoSample(numericValues(reference), numericValues(current));
            return { statistic: r.statistic, pValue: r.pValue, text: `D = ${format(r.statistic)}` };
        }
        case 'wasserstein': {
            const r = wassersteinDistance(numericValues(reference), numericValues(current));
            if (r.normalized === null) {
                const differs = r.distance > 0;
                return {
                    statistic: null,
                    drifted: differs,
                    text: 'the reference is constant (standard deviation 0), so the normalized distance is undefined; ' +
                        (differs
                            ? `the current data differs from it (W1 = ${format(r.distance)}): drift`
                            : 'the current data equals it: no drift')
                };
            }
            return { statistic: r.normalized, pValue: null, text: `W1 / std = ${format(r.normalized)}` };
        }
        case 'z': {
            const ref = booleanOf(reference);
            const cur = booleanOf(current);
            const r = twoProportionZTest(ref.trues, ref.total, cur.trues, cur.total);
            return {
                statistic: r.statistic,
                pValue: r.pValue,
                text: `rate ${format(r.referenceRate)} -> ${format(r.currentRate)}, z = ${format(r.statistic)}`
            };
        }
        case 'chi2': {
            const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current));
            const r = chiSquareHomogeneity(table.reference, table.current);
            return {
                statistic: r.statistic,
                pValue: r.pValue,
                text: `chi2 = ${format(r.statistic)}, dof = ${r.dof}`
            };
        }
        case 'jensen_shannon': {
            const [ref, cur] = distributions(reference, current, bins);
            const d = jensenShannonDistance(ref, cur);
            return { statistic: d, pValue: null, text: `JS distance = ${format(d)}` };
        }
        case 'psi': {
            const [ref, cur] = distributions(reference, current, bins);
            const psi = populationStabilityIndex(ref, cur);
            return { statistic: psi, pValue: null, text: `PSI = ${format(psi)}` };
        }
    }
}
/** Counts per reference-quantile bin (numeric) or per category (categorical, boolean), aligned. */
function distributions(reference, current, bins) {
    if (reference.kind === 'numeric' && current.kind === 'numeric') {
        const edges = quantileEdges(reference.values, bins);
        return [binCounts(reference.values, edges), binCounts(current.values, edges)];
    }
    const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current));
    return [table.reference, table.current];
}
function numericValues(sample) {
    if (sample.kind !== 'numeric')
        throw new RangeError(`expected a numeric sample, got ${sample.kind}`);
    return sample.values;
}
function booleanOf(sample) {
    if (sample.kind !== 'boolean')
        throw new RangeError(`expected a boolean sample, got ${sample.kind}`);
    return sample;
}
/** Three significant digits; plain notation down to 1e-6, then exponent (JS's own switch). */
function format(x) {
    return String(Number(x.toPrecision(3)));
}
/** Like `format`, but with as many digits as needed for the shown value to fall on the same side of `threshold`. */
function formatAgainst(p, threshold) {
    for (let digits = 3; digits < 17; digits++) {
        const shown = Number(p.toPrecision(digits));
        if (p < threshold === shown < threshold && (shown !== threshold || p === threshold))
            return String(shown);
    }
    return String(p);
}

/**
 * Validates a data file against a contract and, with a reference, measures drift, in one pass
 * over each file.
 *
 * Drift covers the contract's columns (all shared columns without a contract), except those with
 * `drift: false` and `unique: true` (identifiers drift by construction). A column's kind comes from
 * its contract type, else from the values on both sides.
 *
 * @throws UserInputError when the data lacks a required contract column (at the contract's line),
 *   and for any unreadable row of either file
 */
async function validateData(request) {
    const contract = request.contract?.contract ?? null;
    const seed = request.seed ?? 42;
    const table = await openTable(request.data, request.read);
    if (request.contract)
        requireColumns(request.contract, table);
    const recordSchema = request.contract?.recordSchema;
    const driftColumns = request.reference === undefined
        ? []
        : recordSchema
            ? recordSchema.columns.filter((c) => table.columns.includes(c))
            : driftColumnsOf(contract, table.columns);
    const collectors = new Map(driftColumns.map((c) => [c, new DriftCollector(driftKind(contract, c), seed)]));
    const checker = recordSchema
        ? new RecordSchemaChecker(recordSchema, table.columns)
        : contract
            ? new ContractChecker(contract, table.columns)
            : null;
    const rows = await stream(table, (batch, firstRow) => {
        checker?.add(batch);
        for (const [column, collector] of collectors) {
            collector.add(batch.columns[table.columns.indexOf(column)], batch.size, firstRow);
        }
    });
    let drift = [];
    if (request.reference !== undefined) {
        const reference = await openTable(request.reference, request.read);
        const shared = driftColumns.filter((c) => reference.columns.includes(c));
        const referenceCollectors = new Map(shared.map((c) => [c, new DriftCollector(driftKind(contract, c), seed)]));
        await stream(reference, (batch, firstRow) => {
            for (const [column, collector] of referenceCollectors) {
                collector.add(batch.columns[reference.columns.indexOf(column)], batch.size, firstRow);
            }
        });
        drift = driftColumns.map((column) => {
            const ref = referenceCollectors.get(column);
            if (ref === undefined)
                return skipped(column, `the column is not in the reference ${request.reference}`);
            return measure(column, ref, collectors.get(column), settingsOf(contract, column, request.drift), request.driftMethod);
        });
    }
    const checks = checker?.results() ?? [];
    const failing = (severity) => checks.filter((c) => !c.passed && c.severity === severity).length;
    const summary = {
        errors: failing('error'),
        warnings: failing('warn'),
        drifted: drift.filter((d) => d.drifted).length
    };
    return {
        schema: 'ml-gate/validation@1',
        file: table.file,
        format: table.format,
        unit: table.unit,
        contract: request.contract?.file ?? null,
        reference: request.reference ?? null,
        passed: summary.errors === 0 && summary.drifted === 0,
        rows,
        summary,
        checks,
        drift
    };
}
async function stream(table, onBatch) {
    let rows = 0;
    for await (const batch of table.batches()) {
        onBatch(batch, rows);
        rows += batch.size;
    }
    return rows;
}
function requireColumns(loaded, table) {
    for (const [name, rules] of Object.entries(loaded.contract.columns)) {
        if (rules.required === false || table.columns.includes(name))
            continue;
        throw new UserInputError(`column '${name}' is not in ${table.file}${didYouMean(name, table.columns)}; its columns are ` +
            `${table.columns.join(', ')}. Fix the name, or add \`required: false\` if the column may be absent`, loaded.locate(['columns', name], 'key'));
    }
}
function driftColumnsOf(contract, header) {
    if (contract === null)
        return [...header];
    return Object.entries(contract.columns)
        .filter(([name, rules]) => header.includes(name) && rules.drift !== false && rules.unique !== true)
        .map(([name]) => name);
}
function driftKind(contract, column) {
    return driftKindOf(contract?.columns[column]?.type);
}
function settingsOf(contract, column, request) {
    const own = contract?.columns[column]?.drift;
    return { ...contract?.drift, ...request, ...(own === false ? {} : own) };
}
/**
 * Whether a validation fails under a policy: `error` when it did not pass (an error check failed
 * or a column drifted), `warn` also when a warning check failed, `never` never.
 */
function failsUnder(document, failOn) {
    if (failOn === 'never')
        return false;
    return !document.passed || (failOn === 'warn' && document.summary.warnings > 0);
}
function measure(column, reference, current, settings, override) {
    const refKind = reference.observedKind();
    const curKind = current.observedKind();
    if (refKind === undefined || curKind === undefined) {
        return skipped(column, `the ${refKind === undefined ? 'reference' : 'current'} column mixes numbers and text`);
    }
    if (refKind !== curKind) {
        return skipped(column, `the reference column is ${refKind} but the current one is ${curKind}`);
    }
    const method = override ?? settings.method;
    try {
        const result = detectDrift(reference.sample(refKind), current.sample(curKind), {
            method: method === 'auto' || method === undefined ? undefined : method,
            threshold: settings.threshold
        });
        return { column, ...result };
    }
    catch (error) {
        // The contract loader checks methods against declared types; this is a method that does not
        // fit the kind the data showed (no type declared), which the user can fix the same way.
        if (error instanceof RangeError)
            throw new UserInputError(`drift of '${column}': ${error.message.replace(/^\w+: /, '')}`);
        throw error;
    }
}
function skipped(column, reason) {
    return { column, method: null, statistic: null, p_value: null, threshold: null, drifted: null, reason };
}

export { DRIFT_METHODS as D, failsUnder as f, loadContract as l, validateData as v };
