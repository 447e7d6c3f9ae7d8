import { a as readDocument, d as documentKind } from './read-document.js';

var $schema = "https://json-schema.org/draft/2020-12/schema";
var $id = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/evaluation.schema.json";
var title = "ml-gate evaluation document";
var description = "Written by `ml-gate evaluate --json` and the evaluate action: every metric of the task, overall and per segment, with confidence intervals.";
var type = "object";
var required = [
	"schema",
	"task",
	"file",
	"rows",
	"settings",
	"segments"
];
var properties = {
	schema: {
		"const": "ml-gate/evaluation@1"
	},
	task: {
		"enum": [
			"binary",
			"multiclass",
			"regression"
		]
	},
	file: {
		type: "string",
		maxLength: 4096,
		description: "The predictions file, as given."
	},
	rows: {
		type: "integer",
		minimum: 0
	},
	settings: {
		type: "object",
		description: "How the metrics were computed. The gates compare a document only with one computed alike: a document whose task, label, positive, threshold, weight, id, confidence, bootstrap, seed or segments differ from the config's or the other document's is bad input (exit 2).",
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
				type: "string",
				maxLength: 1048576
			},
			score: {
				type: [
					"string",
					"null"
				],
				maxLength: 1048576
			},
			score_prefix: {
				type: [
					"string",
					"null"
				],
				maxLength: 1048576
			},
			prediction: {
				type: [
					"string",
					"null"
				],
				maxLength: 1048576
			},
			positive: {
				type: [
					"string",
					"number",
					"boolean",
					"null"
				]
			},
			threshold: {
				type: [
					"number",
					"null"
				]
			},
			weight: {
				type: [
					"string",
					"null"
				],
				maxLength: 1048576
			},
			id: {
				type: [
					"string",
					"null"
				],
				maxLength: 1048576
			},
			confidence: {
				type: "number",
				exclusiveMinimum: 0,
				exclusiveMaximum: 1
			},
			bootstrap: {
				type: "integer",
				minimum: 0,
				description: "Bootstrap replicates B (0: no bootstrap intervals)."
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
				description: "The segments evaluated, as in the config's `segments` section.",
				required: [
					"columns",
					"bins",
					"cross"
				],
				properties: {
					columns: {
						type: "array",
						items: {
							type: "string"
						}
					},
					bins: {
						type: "object",
						additionalProperties: {
							type: "array",
							items: {
								type: "number"
							},
							minItems: 2
						}
					},
					cross: {
						type: "array",
						items: {
							type: "array",
							items: {
								type: "string"
							},
							minItems: 2
						}
					}
				}
			}
		}
	},
	classes: {
		type: "array",
		items: {
			type: "string",
			maxLength: 1048576
		},
		description: "Multiclass: the class names."
	},
	segments: {
		type: "array",
		description: "`all` first, then each segment family in configuration order.",
		items: {
			type: "object",
			required: [
				"key",
				"column",
				"n",
				"insufficient",
				"metrics"
			],
			properties: {
				key: {
					type: "string",
					maxLength: 1048576,
					description: "`all`, `column=value` (missing: `column=`), `Age=[18,30)`, or `a=x&b=y`; in names and values % & = \" are written %25 %26 %3D %22 and the empty text is \"\" (README, Segments)."
				},
				column: {
					type: [
						"string",
						"null"
					],
					maxLength: 1048576,
					description: "The segment family (`Home`, `Home&Job`, names escaped as in `key`); null for `all`."
				},
				n: {
					type: "integer",
					minimum: 0,
					description: "Rows in the segment."
				},
				insufficient: {
					type: "boolean",
					description: "Fewer rows than min_support: reported but not gated."
				},
				state: {
					$ref: "#/$defs/state"
				},
				metrics: {
					type: "object",
					additionalProperties: {
						type: "object",
						required: [
							"value",
							"ci"
						],
						properties: {
							value: {
								type: [
									"number",
									"null"
								],
								description: "null when the metric is undefined for the segment (see reason)."
							},
							ci: {
								oneOf: [
									{
										type: "null"
									},
									{
										type: "array",
										items: {
											type: "number"
										},
										minItems: 2,
										maxItems: 2
									}
								],
								description: "Lower and upper bound at the settings' confidence."
							},
							method: {
								"enum": [
									"wilson",
									"delong",
									"bootstrap",
									"logit",
									"order-statistic"
								],
								description: "How ci was computed, present when ci is."
							},
							reason: {
								type: "string",
								maxLength: 1048576,
								description: "Why value or ci is null, or which convention produced the value."
							},
							defined: {
								"const": false,
								description: "Present (false) when value is a convention, not a value: the formula divides by zero (recall without positives, precision without predicted positives, MCC's zero denominator) and value is scikit-learn's zero_division result, kept for reports. A gate treats the metric as undefined (insufficient)."
							},
							support: {
								type: "integer",
								minimum: 0,
								description: "The metric's evidence: rows of positive weight in its own denominator, unweighted (positives for recall, predicted positives for precision, negatives for specificity, min(positives, negatives) for roc_auc and average_precision, the class's rows for recall[c], rows for accuracy, brier, log_loss, positive_rate and regression metrics; see the README's Gates section). min_support bounds it. Always written; a document without it cannot be gated on the metric (insufficient)."
							}
						}
					}
				}
			}
		}
	}
};
var $defs = {
	float64s: {
		type: "string",
		contentEncoding: "base64",
		description: "Little-endian float64 values, base64: exact to the bit, NaN for an undefined replicate."
	},
	state: {
		type: "object",
		description: "What the gates recompute the segment's metrics from at any confidence level (Holm-adjusted ones included) and pair two models on, so that gating two documents gives the results of gating the two predictions files. Written by ml-gate for every segment; a document without it is read as its metrics at its own level, unpaired.",
		required: [
			"digest",
			"metrics"
		],
		properties: {
			digest: {
				type: "object",
				description: "Fingerprint of the row keys (model.id, else the line): equal digests of two models mean the same rows.",
				required: [
					"rows",
					"first",
					"second"
				],
				properties: {
					rows: {
						type: "integer",
						minimum: 0
					},
					first: {
						type: "integer",
						minimum: 0,
						maximum: 4294967295
					},
					second: {
						type: "integer",
						minimum: 0,
						maximum: 4294967295
					}
				}
			},
			resamples_every_row: {
				type: "boolean",
				description: "Binary and regression: whether bootstrap-or-… metrics resample every row (at most 5,000 rows) rather than take an analytic interval."
			},
			metrics: {
				type: "object",
				description: "Every metric of `metrics`, in the same order.",
				additionalProperties: {
					type: "object",
					required: [
						"value",
						"support"
					],
					properties: {
						value: {
							type: [
								"number",
								"null"
							],
							description: "The point estimate."
						},
						reason: {
							type: "string",
							description: "Why the value is null, or the convention that produced it."
						},
						defined: {
							"const": false,
							description: "Present when `value` is a zero-division convention (scikit-learn's zero_division), not a defined value: a gate does not judge it."
						},
						support: {
							type: "integer",
							minimum: 0,
							description: "The rows of positive weight in the metric's own denominator (the catalog's support), which min_support bounds."
						},
						replicates: {
							$ref: "#/$defs/float64s",
							description: "The metric in each of the B bootstrap replicates (float64 × B), for every metric with an interval and a value: percentile intervals and paired tests read them."
						},
						proportion: {
							type: "object",
							description: "Wilson metrics: the weighted successes, trials and Σw² of the trials.",
							required: [
								"successes",
								"trials",
								"squared_weights"
							],
							properties: {
								successes: {
									type: "number"
								},
								trials: {
									type: "number"
								},
								squared_weights: {
									type: "number"
								}
							}
						},
						variance: {
							type: [
								"number",
								"null"
							],
							description: "roc_auc: DeLong's variance."
						},
						basis: {
							description: "bootstrap-or-… metrics above 5,000 rows: the inputs of their analytic interval.",
							oneOf: [
								{
									type: "object",
									required: [
										"kind",
										"value",
										"positives"
									],
									properties: {
										kind: {
											"const": "logit"
										},
										value: {
											type: "number"
										},
										positives: {
											type: "number",
											description: "Kish effective number of positives."
										}
									}
								},
								{
									type: "object",
									required: [
										"kind",
										"values",
										"weights",
										"before",
										"n",
										"per_rank"
									],
									properties: {
										kind: {
											"const": "order-statistic"
										},
										values: {
											$ref: "#/$defs/float64s",
											description: "The sorted absolute errors that the order statistics of any level reach (about 9·√n of them)."
										},
										weights: {
											oneOf: [
												{
													type: "null"
												},
												{
													$ref: "#/$defs/float64s"
												}
											],
											description: "Their weights; null when every row weighs 1."
										},
										before: {
											type: "number",
											description: "The cumulative weight of the sorted errors before `values`."
										},
										n: {
											type: "number",
											description: "The number of ranks (rows, or their Kish effective number)."
										},
										per_rank: {
											type: "number",
											description: "The weight of one rank."
										}
									}
								}
							]
						}
					}
				}
			}
		}
	}
};
var schema = {
	$schema: $schema,
	$id: $id,
	title: title,
	description: description,
	type: type,
	required: required,
	properties: properties,
	$defs: $defs
};

/**
 * `ml-gate/evaluation@1` documents (schemas/evaluation.schema.json): their type, written by the
 * engine (src/evaluation/evaluate.ts) and read by the gate (as a candidate or baseline) and by the
 * report.
 */
const EVALUATION = documentKind(schema, 'from `ml-gate evaluate --json` or the evaluate action');
/** Reads and validates an evaluation document. @throws UserInputError at the first problem */
function readEvaluationFile(file) {
    return readDocument(file, EVALUATION);
}

/**
 * The names the steps give their result documents in the results folder. Apart from the loader
 * (`report/result-files.ts`), so that an action's inputs can name the default folder without
 * loading ajv and the schemas: an action with a bad input stops before that cost.
 */
const RESULT_FILES = {
    folder: 'ml-gate-results',
    verdict: 'verdict.json',
    candidate: 'evaluation-candidate.json',
    baseline: 'evaluation-baseline.json'};
/** The evaluation document of a named candidate (several candidates), beside `RESULT_FILES`. */
function candidateResultFile(name) {
    return `evaluation-candidate-${name}.json`;
}
/**
 * A name that may name a result file (a candidate's, an evaluation's): letters, digits, `.`, `_`
 * and `-`, so that it stays a file name inside the results folder.
 */
const RESULT_NAME = /^[A-Za-z0-9._-]+$/;

export { EVALUATION as E, RESULT_FILES as R, RESULT_NAME as a, candidateResultFile as c, readEvaluationFile as r };
