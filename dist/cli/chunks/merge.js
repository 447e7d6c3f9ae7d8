import { U as UserInputError, E as ExitCode } from './suggest.js';
import { r as renderEvaluationText } from './evaluation.js';
import { a as restoreProfilePiece, r as renderProfileText } from './profile-text.js';
import { p as parseDocument, r as readDocumentBytes, d as documentKind } from './read-document.js';
import { a as evaluationDocument } from './evaluate2.js';
import { s as settingsFromDocument, m as mergeEvaluations, r as restorePiece } from './evaluation-state.js';
import { a as allWeightsZero } from './staging-thread.js';
import { s as settingDifferences, d as describeDifferences } from './same-settings.js';
import { p as parseJson } from './json-text.js';
import { d as describeMetric } from './segmentation.js';
import { l as logText } from './log-text.js';
import { p as parseCommandArgs } from './args.js';
import { w as writeJson } from './write-output.js';
import './text-table.js';
import './base64.js';
import './partition.js';
import 'node:fs';
import 'node:fs/promises';
import './open.js';
import 'node:path';
import 'node:stream';
import 'node:zlib';
import './hash.js';
import 'node:buffer';
import './profile2.js';
import './count-table.js';
import 'node:crypto';
import './2020.js';
import './binary.js';
import './selection.js';
import 'node:worker_threads';
import './thread-script.js';
import './number-set.js';
import 'node:util';

var $schema$1 = "https://json-schema.org/draft/2020-12/schema";
var $id$1 = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/evaluation-state.schema.json";
var title$1 = "ml-gate evaluation state (one shard)";
var description$1 = "Written by `ml-gate evaluate --shard K/N --json`: the mergeable state of one shard's part of the predictions. `ml-gate merge` joins the states of all N shards into the `ml-gate/evaluation@1` document a single run writes.";
var type$1 = "object";
var required$1 = [
	"schema",
	"task",
	"input",
	"shard",
	"settings",
	"classes",
	"pieces"
];
var additionalProperties$1 = false;
var properties$1 = {
	schema: {
		"const": "ml-gate/evaluation-state@1"
	},
	task: {
		"enum": [
			"binary",
			"multiclass",
			"regression"
		]
	},
	input: {
		type: "string",
		maxLength: 4096,
		description: "The predictions as given to every shard: one file (split by bytes) or a glob (split by file)."
	},
	shard: {
		type: "object",
		required: [
			"index",
			"count",
			"by"
		],
		additionalProperties: false,
		properties: {
			index: {
				type: "integer",
				minimum: 1,
				description: "K of --shard K/N."
			},
			count: {
				type: "integer",
				minimum: 1,
				maximum: 10000,
				description: "N of --shard K/N."
			},
			by: {
				"enum": [
					"files",
					"bytes"
				],
				description: "files: every Nth file of the sorted list; bytes: a byte range of one CSV or JSON Lines file, aligned to record boundaries."
			}
		}
	},
	settings: {
		type: "object",
		description: "The settings, as the evaluation document states them; every shard's must be the same.",
		required: [
			"label",
			"confidence",
			"bootstrap",
			"seed",
			"min_support",
			"segments"
		],
		properties: {
			label: {
				type: "string"
			},
			confidence: {
				type: "number",
				exclusiveMinimum: 0,
				exclusiveMaximum: 1
			},
			bootstrap: {
				type: "integer",
				minimum: 0
			},
			seed: {
				type: "integer"
			},
			min_support: {
				type: "integer",
				minimum: 1
			},
			segments: {
				type: "object",
				required: [
					"columns",
					"bins",
					"cross"
				],
				properties: {
					columns: {
						type: "array"
					},
					bins: {
						type: "object"
					},
					cross: {
						type: "array"
					}
				}
			}
		}
	},
	classes: {
		type: "array",
		items: {
			type: "string"
		},
		description: "Multiclass: the class names in probability-column order; empty otherwise."
	},
	pieces: {
		type: "array",
		description: "One per file read (split by file) or the one byte range read (split by bytes).",
		items: {
			type: "object",
			required: [
				"file",
				"file_index",
				"range",
				"rows",
				"labels",
				"segments"
			],
			additionalProperties: false,
			properties: {
				file: {
					type: "string",
					maxLength: 4096
				},
				file_index: {
					type: "integer",
					minimum: 0,
					description: "The file's position in the sorted list; its rows' bootstrap keys are file_index * 2^32 + their row."
				},
				range: {
					oneOf: [
						{
							type: "null"
						},
						{
							type: "object",
							required: [
								"start",
								"end",
								"line"
							],
							additionalProperties: false,
							properties: {
								start: {
									type: "integer",
									minimum: 0
								},
								end: {
									type: "integer",
									minimum: 0
								},
								line: {
									type: "integer",
									minimum: 1,
									description: "The line of the first byte."
								}
							}
						}
					]
				},
				rows: {
					type: "integer",
					minimum: 0
				},
				labels: {
					description: "With an id column: the digest of the (id, label) pairs.",
					oneOf: [
						{
							type: "null"
						},
						{
							$ref: "#/$defs/digest"
						}
					]
				},
				segments: {
					type: "array",
					items: {
						type: "object",
						required: [
							"key",
							"family",
							"labels",
							"rows",
							"state"
						],
						additionalProperties: false,
						properties: {
							key: {
								type: "string"
							},
							family: {
								type: "integer",
								minimum: -1
							},
							labels: {
								type: "array",
								items: {
									type: "string"
								}
							},
							rows: {
								type: "integer",
								minimum: 0
							},
							state: {
								type: "object",
								description: "The accumulator's `ml-gate/metric-state@1` (src/metrics/metric-state.ts): sums, bootstrap buckets and samples as base64 of little-endian typed arrays, checked field by field when restored.",
								required: [
									"schema",
									"task",
									"bootstrap",
									"bucketCount"
								],
								properties: {
									schema: {
										"const": "ml-gate/metric-state@1"
									},
									task: {
										"enum": [
											"binary",
											"multiclass",
											"regression"
										]
									},
									bootstrap: {
										type: "object"
									},
									bucketCount: {
										type: "integer"
									}
								}
							}
						}
					}
				}
			}
		}
	}
};
var $defs = {
	digest: {
		type: "object",
		required: [
			"rows",
			"first",
			"second"
		],
		additionalProperties: false,
		properties: {
			rows: {
				type: "integer",
				minimum: 0
			},
			first: {
				type: "integer",
				minimum: 0
			},
			second: {
				type: "integer",
				minimum: 0
			}
		}
	}
};
var schema = {
	$schema: $schema$1,
	$id: $id$1,
	title: title$1,
	description: description$1,
	type: type$1,
	required: required$1,
	additionalProperties: additionalProperties$1,
	properties: properties$1,
	$defs: $defs
};

var $schema = "https://json-schema.org/draft/2020-12/schema";
var $id = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/profile-state.schema.json";
var title = "ml-gate profile state (one shard)";
var description = "Written by `ml-gate profile --shard K/N --json`: the mergeable column profiles of one shard's part of the input. `ml-gate merge` joins the states of all N shards into the `ml-gate/profile@1` document a single run writes.";
var type = "object";
var required = [
	"schema",
	"input",
	"format",
	"shard",
	"top",
	"pieces"
];
var additionalProperties = false;
var properties = {
	schema: {
		"const": "ml-gate/profile-state@1"
	},
	input: {
		type: "string",
		maxLength: 4096,
		description: "The file (split by bytes) or glob (split by file) given to every shard."
	},
	format: {
		"enum": [
			"csv",
			"jsonl",
			"json",
			"parquet"
		]
	},
	shard: {
		type: "object",
		required: [
			"index",
			"count",
			"by"
		],
		additionalProperties: false,
		properties: {
			index: {
				type: "integer",
				minimum: 1,
				description: "K of --shard K/N."
			},
			count: {
				type: "integer",
				minimum: 1,
				maximum: 10000,
				description: "N of --shard K/N."
			},
			by: {
				"enum": [
					"files",
					"bytes"
				],
				description: "files: every Nth file of the sorted list; bytes: a byte range of one CSV or JSON Lines file, aligned to record boundaries."
			}
		}
	},
	top: {
		type: "integer",
		minimum: 0,
		description: "Most frequent values reported per column (--top)."
	},
	pieces: {
		type: "array",
		description: "One per file read (split by file) or the one byte range read (split by bytes).",
		items: {
			type: "object",
			required: [
				"file",
				"file_index",
				"range",
				"rows",
				"columns"
			],
			additionalProperties: false,
			properties: {
				file: {
					type: "string",
					maxLength: 4096
				},
				file_index: {
					type: "integer",
					minimum: 0,
					description: "The file's position in the sorted list."
				},
				range: {
					oneOf: [
						{
							type: "null"
						},
						{
							type: "object",
							required: [
								"start",
								"end",
								"line"
							],
							additionalProperties: false,
							properties: {
								start: {
									type: "integer",
									minimum: 0
								},
								end: {
									type: "integer",
									minimum: 0
								},
								line: {
									type: "integer",
									minimum: 1
								}
							}
						}
					]
				},
				rows: {
					type: "integer",
					minimum: 0
				},
				columns: {
					type: "array",
					items: {
						type: "object",
						required: [
							"name",
							"kinds",
							"moments",
							"limit",
							"values",
							"counts",
							"sketch"
						],
						additionalProperties: false,
						properties: {
							name: {
								type: "string"
							},
							kinds: {
								type: "array",
								minItems: 5,
								maxItems: 5,
								items: {
									type: "integer",
									minimum: 0
								},
								description: "Cells that are missing, integer, number, boolean, string."
							},
							moments: {
								type: "string",
								maxLength: 60,
								description: "Base64 of 5 little-endian float64: count, mean, M2 (Welford) of the numbers, their min and max."
							},
							limit: {
								type: "integer",
								minimum: 1,
								description: "Distinct values counted exactly before the sketches take over."
							},
							values: {
								type: "array",
								items: {
									type: [
										"string",
										"number",
										"boolean"
									]
								},
								description: "The counted values, in first-seen order."
							},
							counts: {
								type: "array",
								items: {
									type: "number",
									minimum: 0
								}
							},
							sketch: {
								type: [
									"string",
									"null"
								],
								description: "Base64 of the HyperLogLog's 16,384 registers once past the exact bound; null before."
							}
						}
					}
				}
			}
		}
	}
};
var profileSchema = {
	$schema: $schema,
	$id: $id,
	title: title,
	description: description,
	type: type,
	required: required,
	additionalProperties: additionalProperties,
	properties: properties
};

/**
 * The merge step: the state documents of the N shards of one input (`--shard K/N`) to the document
 * a single run writes, dispatched on the states' `schema`. Shared by `ml-gate merge` and the merge
 * action.
 */
const EVALUATION_STATE = documentKind(schema, 'from `ml-gate evaluate --shard K/N --json`');
const PROFILE_STATE = documentKind(profileSchema, 'from `ml-gate profile --shard K/N --json`');
/**
 * Merges the state documents at `paths`: every shard 1…N of one input, of one kind (evaluation or
 * profile states), evaluated with the same settings, each given once (in any order).
 * @throws UserInputError naming the file for an unreadable or invalid state, a state of another
 *   kind, settings, input or shard count than the first, a shard missing or given twice, no rows, or
 *   (with weights) no row of positive weight
 */
async function mergeStep(paths) {
    if (paths.length === 0)
        throw new UserInputError('ml-gate merge: expected the state files of every shard');
    const texts = [];
    for (const path of paths)
        texts.push({ path, state: await readText(path) });
    const [first] = texts;
    const value = parseJson(first.state, first.path, 'a state document');
    const kind = typeof value === 'object' && value !== null && 'schema' in value && value.schema === PROFILE_STATE.name
        ? PROFILE_STATE
        : EVALUATION_STATE;
    if (kind === PROFILE_STATE) {
        const states = texts.map(({ path, state }) => ({
            path,
            state: parseDocument(state, path, PROFILE_STATE)
        }));
        return mergeProfileStates(states);
    }
    const states = texts.map(({ path, state }) => ({
        path,
        state: parseDocument(state, path, EVALUATION_STATE)
    }));
    return mergeEvaluationStates(states);
}
async function readText(path) {
    return (await readDocumentBytes(path, "a shard's state document")).toString('utf8');
}
/** Every shard 1…N of one input, once each; `same` adds the kind's own checks. */
function checkShards(states, same) {
    const [first] = states;
    const seen = new Map();
    for (const read of states) {
        const { path, state } = read;
        same(read);
        const differ = (what, mine, theirs) => {
            if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
                throw new UserInputError(`${what} ${JSON.stringify(mine)}, but ${first.path} has ${JSON.stringify(theirs)}: expected the shards of one input`, { file: path });
            }
        };
        differ('the input is', state.input, first.state.input);
        differ('the shards are split by', state.shard.by, first.state.shard.by);
        differ('the shard count is', state.shard.count, first.state.shard.count);
        const twice = seen.get(state.shard.index);
        if (twice !== undefined) {
            throw new UserInputError(`shard ${state.shard.index} is given twice (also ${twice}): expected each once`, {
                file: path
            });
        }
        if (state.shard.index > state.shard.count) {
            throw new UserInputError(`shard ${state.shard.index} of ${state.shard.count}: expected K <= N`, {
                file: path
            });
        }
        seen.set(state.shard.index, path);
    }
    const count = first.state.shard.count;
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
    if (missing.length > 0) {
        throw new UserInputError(`ml-gate merge: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing: ` +
            'expected the state of every shard (a shard that read nothing still writes one)');
    }
}
/** Pieces in input order: file index, then byte offset. */
function inOrder(states) {
    return states
        .flatMap(({ path, state }) => state.pieces.map((piece) => ({ path, piece })))
        .sort((a, b) => a.piece.file_index - b.piece.file_index || (a.piece.range?.start ?? 0) - (b.piece.range?.start ?? 0));
}
function restored(path, restore) {
    try {
        return restore();
    }
    catch (error) {
        throw new UserInputError(`${error.message}; expected a state written by ml-gate`, {
            file: path
        });
    }
}
function shardsStated(count, pieces, rows) {
    return `merged ${count} shard${count === 1 ? '' : 's'} (${pieces} piece${pieces === 1 ? '' : 's'}, ${rows} rows)`;
}
function mergeEvaluationStates(states) {
    const [first] = states;
    checkShards(states, ({ path, state }) => {
        const differences = settingDifferences(state, first.state);
        if (differences.length > 0) {
            throw new UserInputError(`evaluated with other settings than ${first.path}: ${describeDifferences(differences, 'this state', 'the first')}; ` +
                'expected every shard evaluated alike', { file: path });
        }
    });
    const settings = settingsFromDocument(first.state.task, first.state.settings);
    const classes = states.map((s) => s.state.classes).find((c) => c.length > 0) ?? [];
    const pieces = inOrder(states);
    const evaluations = pieces.map(({ path, piece }) => restored(path, () => restorePiece(piece, settings, classes)));
    const byBytes = first.state.shard.by === 'bytes';
    const rows = evaluations.reduce((n, e) => n + e.rows, 0);
    if (rows === 0) {
        throw new UserInputError('no rows to evaluate in any shard: expected at least one row of predictions', {
            file: first.state.input
        });
    }
    const merged = mergeEvaluations(byBytes ? evaluations[0].file : first.state.input, evaluations);
    // A byte range may hold only rows of weight 0 (the stager checks whole files only): the whole
    // input is judged here, as a single run over the file judges it. A file of a list is whole.
    const weight = settings.model.weight;
    if (weight !== undefined && positiveRows(merged.segments.get('all').metrics) === 0) {
        throw allWeightsZero(weight, merged.file);
    }
    return {
        kind: 'evaluation',
        document: evaluationDocument(merged),
        stated: shardsStated(first.state.shard.count, evaluations.length, rows)
    };
}
/** The rows of positive weight: the support of a metric whose evidence is every row. */
function positiveRows(metrics) {
    const name = metrics.names().find((n) => describeMetric(n)?.support === 'rows');
    if (name === undefined)
        throw new Error(`no ${metrics.task} metric has every row as its support`);
    return metrics.support(name);
}
function mergeProfileStates(states) {
    const [first] = states;
    checkShards(states, ({ path, state }) => {
        if (state.top !== first.state.top) {
            throw new UserInputError(`--top ${state.top}, but ${first.path} has ${first.state.top}: expected the same`, {
                file: path
            });
        }
    });
    const pieces = inOrder(states);
    if (pieces.length === 0)
        throw new UserInputError('no shard read a file', { file: first.state.input });
    const profiles = pieces.map(({ path, piece }) => restored(path, () => restoreProfilePiece(piece, first.state.top)));
    const [whole, ...rest] = profiles;
    rest.forEach((profile, i) => whole.merge(profile, pieces[i + 1].piece.file));
    const format = states.find((s) => s.state.pieces.length > 0).state.format;
    const file = first.state.shard.by === 'bytes' ? pieces[0].piece.file : first.state.input;
    return {
        kind: 'profile',
        document: whole.document(file, format),
        stated: shardsStated(first.state.shard.count, profiles.length, whole.rows)
    };
}

const usage = `Usage: ml-gate merge STATE... [--json OUT]

Merges the state documents of every shard of one input into the document a single run writes:
ml-gate/evaluation-state@1 ('ml-gate evaluate --shard K/N --json STATE') into ml-gate/evaluation@1,
ml-gate/profile-state@1 ('ml-gate profile --shard K/N --json STATE') into ml-gate/profile@1
(see the README's "Scale" section for what is bit for bit).

  STATE...             the state of each shard 1..N, once each, in any order
  --json OUT           write the merged document to OUT ('-' for stdout)`;
const flags = { json: { type: 'string' } };
const mergeCommand = {
    name: 'merge',
    usage,
    async run(args, console) {
        const { values, positionals } = parseCommandArgs('merge', args, flags, {
            min: 1,
            max: Infinity,
            names: 'the state file of every shard'
        });
        const merged = await mergeStep(positionals);
        const text = merged.kind === 'evaluation'
            ? renderEvaluationText(merged.document)
            : renderProfileText(merged.document);
        if (values.json !== '-')
            console.stdout(logText(`${merged.stated}\n${text}`));
        if (values.json !== undefined)
            await writeJson(values.json, merged.document, console);
        return ExitCode.Pass;
    }
};

export { mergeCommand };
