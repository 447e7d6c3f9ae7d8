import { U as UserInputError } from './suggest.js';

/**
 * What an evaluation is asked for: the model's columns, the segments, the intervals. The engine
 * (src/evaluation/) reads them, the CLI's flags and the evaluate action's inputs
 * (`evaluate-options.ts`) and `ml-gate.yml` (below) produce them, so they live with the config.
 */
/**
 * Evaluation settings from `ml-gate.yml` (whose schema applied the defaults).
 * @throws UserInputError when the config has no `model` section
 */
function evaluateSettingsFromConfig(config) {
    if (config.model === undefined) {
        throw new UserInputError('the config has no `model` section: add one naming the task, predictions and label');
    }
    const segments = config.segments;
    return {
        model: config.model,
        segments: { columns: segments?.columns ?? [], bins: segments?.bins ?? {}, cross: segments?.cross ?? [] },
        minSupport: segments?.min_support ?? DEFAULT_MIN_SUPPORT,
        confidence: config.evaluation.confidence,
        bootstrap: { replicates: config.evaluation.bootstrap, seed: config.evaluation.seed }
    };
}
const DEFAULT_MIN_SUPPORT = 30;

var $schema = "https://json-schema.org/draft/2020-12/schema";
var $id = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/config.schema.json";
var title = "ml-gate configuration (ml-gate.yml)";
var description = "Drives the whole ml-gate pipeline: the data to validate, the model predictions to evaluate, the segments to evaluate them on, and the gates they must pass. Relative paths are relative to the directory of this file.";
var type = "object";
var additionalProperties = false;
var required = [
	"version"
];
var properties = {
	version: {
		title: "Config version",
		description: "Version of the ml-gate.yml format. Only 1 exists.",
		"const": 1
	},
	data: {
		title: "Datasets",
		description: "Datasets to validate against a data contract and, when a reference is given, to check for distribution drift.",
		type: "array",
		"default": [
		],
		items: {
			$ref: "#/$defs/dataset"
		}
	},
	model: {
		$ref: "#/$defs/model"
	},
	segments: {
		$ref: "#/$defs/segments"
	},
	evaluation: {
		$ref: "#/$defs/evaluation",
		"default": {
		}
	},
	gates: {
		title: "Gates",
		description: "Rules the candidate model must pass, each on one metric: absolute bounds, a maximum drop against the baseline, or a maximum disparity across the segments of one column.",
		type: "array",
		"default": [
		],
		items: {
			$ref: "#/$defs/gate"
		}
	},
	on_missing_baseline: {
		title: "When the baseline is missing",
		description: "What gates that compare against the baseline (max_drop, max_relative_drop) do when no baseline is available: skip them (reported as skipped) or fail.",
		"enum": [
			"skip",
			"fail"
		],
		"default": "skip"
	},
	on_no_evidence: {
		title: "When there is no evidence",
		description: "What the verdict is when the data holds no evidence for the gates: none of the gated results could be judged (every one insufficient: too few rows or too little support of its metric, an undefined or non-finite value), or a result on the segment all is insufficient. fail (default) fails the run, saying \"no evidence\" and why; warn reports it as a warning.",
		"enum": [
			"fail",
			"warn"
		],
		"default": "fail"
	},
	waivers: {
		title: "Waivers",
		description: "Known, accepted gate failures. A waived failure is reported but does not fail the run, until the waiver expires.",
		type: "array",
		"default": [
		],
		items: {
			$ref: "#/$defs/waiver"
		}
	},
	canary: {
		$ref: "#/$defs/canary"
	},
	select: {
		$ref: "#/$defs/select"
	},
	report: {
		$ref: "#/$defs/report",
		"default": {
		}
	},
	monitor: {
		$ref: "#/$defs/monitor"
	}
};
var $defs = {
	candidate: {
		title: "Candidate",
		description: "One named candidate model.",
		type: "object",
		additionalProperties: false,
		required: [
			"name",
			"predictions"
		],
		properties: {
			name: {
				type: "string",
				pattern: "^[A-Za-z0-9._-]+$",
				title: "Candidate name",
				description: "Letters, digits, '.', '_' and '-'; unique among the candidates. It names the candidate in the verdict and its result file evaluation-candidate-<name>.json.",
				errorMessage: "expected a name of letters, digits, '.', '_' and '-' (it names a file), e.g. gbm-depth4"
			},
			predictions: {
				$ref: "#/$defs/path",
				title: "Candidate predictions",
				description: "The candidate's predictions file (same columns as the baseline's) or its ml-gate/evaluation@1 document."
			}
		}
	},
	select: {
		title: "Selection",
		description: "How the named candidates (model.candidates, --candidate NAME=FILE) that pass or warn are ranked; the rank-1 one is the winner. Default when absent: the metric of the first gate whose metric has a better direction, on the segment all, in point mode.",
		type: "object",
		additionalProperties: false,
		required: [
			"metric"
		],
		properties: {
			metric: {
				type: "string",
				minLength: 1,
				title: "Selection metric",
				description: "A metric of the catalog with a better direction (higher or lower is better, as the catalog says), e.g. roc_auc or log_loss.",
				examples: [
					"roc_auc",
					"log_loss"
				]
			},
			segment: {
				type: "string",
				minLength: 1,
				title: "Selection segment",
				description: "The segment the metric is read on, e.g. all or Job=partime; it must be a segment of every candidate's evaluation.",
				"default": "all"
			},
			mode: {
				title: "Selection mode",
				description: "point: the best point value leads and wins; tie when another candidate has the same value. significant: the leader wins without a tie only when its difference to every other candidate that passes or warns excludes 0 in its favour (paired bootstrap on the shared ids when both have model.id and the same rows, else unpaired normal), Holm-corrected over those comparisons at the configured confidence; otherwise the leader still wins, flagged tie.",
				"enum": [
					"point",
					"significant"
				],
				"default": "point"
			}
		}
	},
	path: {
		type: "string",
		minLength: 1
	},
	column: {
		type: "string",
		minLength: 1
	},
	dataset: {
		title: "Dataset",
		description: "One dataset (a file or a glob of files) to validate.",
		type: "object",
		additionalProperties: false,
		required: [
			"path"
		],
		properties: {
			path: {
				$ref: "#/$defs/path",
				title: "Data file",
				description: "The file to validate, or a glob matching several files (CSV, JSON Lines, JSON, Parquet, optionally gzipped).",
				examples: [
					"data/incoming.csv",
					"data/batches/*.parquet"
				]
			},
			contract: {
				$ref: "#/$defs/path",
				title: "Data contract",
				description: "The contract every row must satisfy: an ml-gate contract (.yml/.yaml, written by hand or by `ml-gate infer`) or a JSON Schema (.json) applied to each record.",
				examples: [
					"contracts/credit.yml"
				]
			},
			reference: {
				$ref: "#/$defs/path",
				title: "Reference data",
				description: "The data drift is measured against, usually the training data. Without it, no drift is computed.",
				examples: [
					"data/train.csv"
				]
			},
			format: {
				title: "File format",
				description: "The format of `path` and `reference`. Default: guessed from the file extension.",
				"enum": [
					"csv",
					"jsonl",
					"json",
					"parquet"
				]
			},
			delimiter: {
				title: "CSV delimiter",
				description: "The field separator of a CSV file. Default: detected from the header line.",
				"enum": [
					",",
					";",
					"\t",
					"|"
				]
			},
			missing: {
				title: "Missing-value tokens",
				description: "Cell texts read as a missing value, e.g. [\"\", \"NA\", \"-999\"]. Quote numbers: the tokens are compared as text.",
				type: "array",
				uniqueItems: true,
				items: {
					type: "string",
					errorMessage: "expected a quoted string (missing-value tokens are compared as text, e.g. \"-999\")"
				}
			},
			drift: {
				$ref: "#/$defs/drift"
			},
			fail_on: {
				title: "Failure level",
				description: "The lowest severity that fails the run: `error` (contract errors fail, warnings do not), `warn` (warnings fail too) or `never` (report only).",
				"enum": [
					"error",
					"warn",
					"never"
				],
				"default": "error"
			}
		}
	},
	drift: {
		title: "Drift",
		description: "How drift against `reference` is measured, per column.",
		type: "object",
		additionalProperties: false,
		properties: {
			method: {
				title: "Drift method",
				description: "The statistic: `ks` (Kolmogorov-Smirnov), `chi2` (chi-square), `z` (two-proportion z-test), `wasserstein`, `jensen_shannon`, `psi` (population stability index), or `auto` (chosen per column from its type and size).",
				"enum": [
					"auto",
					"ks",
					"chi2",
					"z",
					"wasserstein",
					"jensen_shannon",
					"psi"
				],
				"default": "auto"
			},
			threshold: {
				title: "Drift threshold",
				description: "A column drifts when the statistic exceeds this value (for tests: when the p-value is below it). Default: the method's own default.",
				type: "number",
				exclusiveMinimum: 0
			},
			correction: {
				title: "Drift correction",
				description: "How the p-values of the drift tests (`ks`, `chi2`, `z`) across the columns of this dataset are corrected before they are compared with their threshold: `holm` (default; Holm's step-down, family-wise), `bh` (Benjamini–Hochberg, false discovery rate) or `none` (each column on its own). Distances (`wasserstein`, `jensen_shannon`, `psi`) are effect sizes and are not corrected.",
				"enum": [
					"holm",
					"bh",
					"none"
				],
				"default": "holm"
			}
		}
	},
	model: {
		title: "Model",
		description: "The candidate model's predictions and how to read them.",
		type: "object",
		additionalProperties: false,
		required: [
			"task",
			"label"
		],
		properties: {
			task: {
				title: "Task",
				description: "`binary` classification (a score for the positive class), `multiclass` classification (one score column per class), or `regression`.",
				"enum": [
					"binary",
					"multiclass",
					"regression"
				]
			},
			predictions: {
				$ref: "#/$defs/path",
				title: "Candidate predictions",
				description: "A table with the true label and the candidate model's predictions, one row per example. Optional when the predictions come by flag or input (`--candidate` of `ml-gate gate` and `ml-gate run`, `candidate` of the gate action); with neither, gating is an error.",
				examples: [
					"preds/candidate.csv"
				]
			},
			candidates: {
				title: "Named candidates",
				description: "Several candidates at once, instead of `predictions`: each is evaluated once, gated against the baseline with every gate (significant-mode families span every candidate and segment of a rule), and the best that passes or warns is picked by `select`. Names are unique and name each candidate's result file evaluation-candidate-<name>.json. `--candidate NAME=FILE` (repeatable) overrides the list.",
				type: "array",
				minItems: 1,
				items: {
					$ref: "#/$defs/candidate"
				}
			},
			baseline: {
				title: "Baseline",
				description: "The model in production: a predictions file (same columns as `predictions`) or an ml-gate evaluation JSON document; or `{ artifact: NAME }`, the results folder the default branch's runs upload as the Actions artifact NAME, which the gate and root actions find at the pull request's merge base (the CLI cannot reach GitHub: there it is no baseline, unless --baseline gives one).",
				oneOf: [
					{
						$ref: "#/$defs/path"
					},
					{
						type: "object",
						additionalProperties: false,
						required: [
							"artifact"
						],
						properties: {
							artifact: {
								type: "string",
								minLength: 1,
								maxLength: 256,
								title: "Baseline artifact",
								description: "Name of the artifact (actions/upload-artifact `name:`) holding the default branch's results folder; its evaluation-candidate.json is the baseline.",
								examples: [
									"ml-gate-baseline"
								]
							}
						}
					}
				],
				examples: [
					"preds/baseline.csv",
					"ml-gate-results/evaluation.json",
					{
						artifact: "ml-gate-baseline"
					}
				]
			},
			label: {
				$ref: "#/$defs/column",
				title: "Label column",
				description: "The column holding the true label (or target value for regression)."
			},
			score: {
				$ref: "#/$defs/column",
				title: "Score column",
				description: "Binary: the column holding the predicted probability of the positive class."
			},
			score_prefix: {
				$ref: "#/$defs/column",
				title: "Score column prefix",
				description: "Multiclass: the score of class C is in the column <prefix>C.",
				"default": "score_"
			},
			prediction: {
				$ref: "#/$defs/column",
				title: "Prediction column",
				description: "Multiclass: the predicted class. Regression: the predicted value."
			},
			positive: {
				title: "Positive label",
				description: "Binary: the label value of the positive class.",
				type: [
					"string",
					"number",
					"boolean"
				],
				"default": 1
			},
			threshold: {
				title: "Decision threshold",
				description: "Binary: a score at or above this threshold predicts the positive class.",
				type: "number",
				minimum: 0,
				maximum: 1,
				"default": 0.5
			},
			weight: {
				$ref: "#/$defs/column",
				title: "Weight column",
				description: "A column of sample weights, each 0 or in [1e-50, 1e50], at least one positive; any other value is an error at its row. Default: every row weighs 1."
			},
			id: {
				$ref: "#/$defs/column",
				title: "Row id column",
				description: "A column identifying each row, used to pair candidate and baseline predictions. Default: rows are paired by position."
			}
		}
	},
	segments: {
		title: "Segments",
		description: "The data segments metrics are computed on, besides the whole data.",
		type: "object",
		additionalProperties: false,
		properties: {
			columns: {
				title: "Segment columns",
				description: "Categorical columns: each of their values is a segment, e.g. Home=rent.",
				type: "array",
				uniqueItems: true,
				"default": [
				],
				items: {
					$ref: "#/$defs/column"
				}
			},
			bins: {
				title: "Binned columns",
				description: "Numeric columns cut into intervals at the given edges (at least 2, strictly increasing), e.g. Age: [18, 30, 45].",
				type: "object",
				"default": {
				},
				propertyNames: {
					minLength: 1
				},
				additionalProperties: {
					type: "array",
					minItems: 2,
					items: {
						type: "number"
					}
				}
			},
			cross: {
				title: "Crossed columns",
				description: "Combinations of columns whose joint values are segments, e.g. [Home, Job] gives Home=rent & Job=skilled.",
				type: "array",
				"default": [
				],
				items: {
					type: "array",
					minItems: 2,
					uniqueItems: true,
					items: {
						$ref: "#/$defs/column"
					}
				}
			},
			min_support: {
				title: "Minimum support",
				description: "Segments with fewer rows, and metrics with less support (the rows of positive weight in their own denominator, unweighted: positives for recall, predicted positives for precision, min(positives, negatives) for roc_auc; see the README's Gates section), are reported as insufficient data, never passed or failed. No evidence at all fails the run (see on_no_evidence).",
				type: "integer",
				minimum: 1,
				"default": 30
			}
		}
	},
	evaluation: {
		title: "Evaluation",
		description: "How metrics and their confidence intervals are computed.",
		type: "object",
		additionalProperties: false,
		properties: {
			confidence: {
				title: "Confidence level",
				description: "The confidence level of every interval: above 0, at most 0.999999 (closer to 1, the interval's critical value is no longer a finite number in double precision). The CLI's --confidence and the evaluate action's confidence input have the same bounds.",
				type: "number",
				exclusiveMinimum: 0,
				maximum: 0.999999,
				"default": 0.95
			},
			bootstrap: {
				title: "Bootstrap resamples",
				description: "The number of bootstrap resamples for intervals without a closed form, from 100 to 100000 (the CLI's --bootstrap and the evaluate action's input too).",
				type: "integer",
				minimum: 100,
				maximum: 100000,
				"default": 1000
			},
			seed: {
				title: "Random seed",
				description: "The seed of the bootstrap: the same seed gives the same intervals. A 32-bit unsigned integer, 0 to 4294967295 (the CLI's --seed and the evaluate action's input too).",
				type: "integer",
				minimum: 0,
				maximum: 4294967295,
				"default": 42
			}
		}
	},
	gate: {
		title: "Gate",
		description: "One rule on one metric. Needs at least one of min, max, max_drop, max_relative_drop, min_ratio, max_gap.",
		type: "object",
		additionalProperties: false,
		required: [
			"metric"
		],
		properties: {
			metric: {
				type: "string",
				minLength: 1,
				title: "Metric",
				description: "The metric name, e.g. roc_auc, recall, positive_rate.",
				examples: [
					"roc_auc",
					"recall",
					"f1",
					"positive_rate"
				]
			},
			name: {
				type: "string",
				minLength: 1,
				title: "Gate name",
				description: "A label for the report. Default: derived from the metric and the rule."
			},
			min: {
				type: "number",
				title: "Minimum",
				description: "The metric must be at least this value."
			},
			max: {
				type: "number",
				title: "Maximum",
				description: "The metric must be at most this value."
			},
			max_drop: {
				type: "number",
				minimum: 0,
				title: "Maximum drop",
				description: "The metric may get worse than the baseline's by at most this much, in the metric's units (worse is lower for scores, higher for losses)."
			},
			max_relative_drop: {
				type: "number",
				minimum: 0,
				title: "Maximum relative drop",
				description: "The metric may get worse than the baseline's by at most this fraction of the baseline value (0.1 = 10%)."
			},
			per_segment: {
				title: "Per segment",
				description: "Where the rule applies besides the whole data: `false` (the whole data only), `true` (every segment), a column name (the segments of that column) or a list of segment keys such as Home=rent (in names and values, % & = \" are written %25 %26 %3D %22, as in the evaluation's keys), each of which must be a segment of the candidate's evaluation (a list of column names is an error: write one column as a string).",
				anyOf: [
					{
						type: "boolean"
					},
					{
						$ref: "#/$defs/column"
					},
					{
						type: "array",
						minItems: 1,
						uniqueItems: true,
						items: {
							type: "string",
							minLength: 1
						}
					}
				],
				"default": false
			},
			mode: {
				title: "Comparison mode",
				description: "`point` compares point values. `significant` fails only when the regression is statistically significant (paired test, Holm-corrected across segments) and warns when it is inconclusive.",
				"enum": [
					"point",
					"significant"
				],
				"default": "point"
			},
			correction: {
				title: "Multiple-testing correction",
				description: "In `mode: significant`, how the segments one rule judges are corrected as a family: `holm` (default; Holm's step-down, bounds the chance of any false failure or pass at 1 − confidence), `bh` (Benjamini–Hochberg, bounds the expected share of false findings: more power with many segments) or `none` (each segment at the configured confidence). The family and its correction are stated in every reason.",
				"enum": [
					"holm",
					"bh",
					"none"
				],
				"default": "holm"
			},
			across: {
				$ref: "#/$defs/column",
				title: "Across column",
				description: "Measure the disparity of the metric across the segments of this column, with min_ratio and/or max_gap."
			},
			min_ratio: {
				type: "number",
				minimum: 0,
				maximum: 1,
				title: "Minimum ratio",
				description: "With across: the lowest segment value divided by the highest must be at least this."
			},
			max_gap: {
				type: "number",
				minimum: 0,
				title: "Maximum gap",
				description: "With across: the highest segment value minus the lowest must be at most this."
			},
			severity: {
				title: "Severity",
				description: "What a violation does: `fail` the run, or only `warn`.",
				"enum": [
					"fail",
					"warn"
				],
				"default": "fail"
			},
			on_missing: {
				title: "When the metric or segment is missing",
				description: "What a gate naming a metric or a segment that the evaluation does not have does: `fail`, or `skip` it (reported as skipped).",
				"enum": [
					"fail",
					"skip"
				],
				"default": "fail"
			}
		},
		allOf: [
			{
				errorMessage: "a gate needs at least one rule: min, max, max_drop, max_relative_drop, min_ratio or max_gap",
				anyOf: [
					{
						required: [
							"min"
						]
					},
					{
						required: [
							"max"
						]
					},
					{
						required: [
							"max_drop"
						]
					},
					{
						required: [
							"max_relative_drop"
						]
					},
					{
						required: [
							"min_ratio"
						]
					},
					{
						required: [
							"max_gap"
						]
					}
				]
			},
			{
				errorMessage: "min_ratio and max_gap compare the segments of one column: add `across: <column>`",
				dependentRequired: {
					min_ratio: [
						"across"
					],
					max_gap: [
						"across"
					]
				}
			},
			{
				dependentSchemas: {
					across: {
						properties: {
							per_segment: {
								"const": false,
								errorMessage: "across and per_segment cannot be combined: across gates the disparity between the segments of one column, per_segment gates each segment on its own"
							}
						}
					}
				}
			}
		]
	},
	waiver: {
		title: "Waiver",
		description: "Accepts the failures of a metric, a segment or both, with a reason, until an expiry date.",
		type: "object",
		additionalProperties: false,
		required: [
			"reason"
		],
		properties: {
			metric: {
				type: "string",
				minLength: 1,
				title: "Metric",
				description: "The metric whose failures are waived. Default: every metric."
			},
			segment: {
				type: "string",
				minLength: 1,
				title: "Segment",
				description: "The segment whose failures are waived, e.g. Home=other (in names and values, % & = \" are written %25 %26 %3D %22), or the column of an `across` gate, e.g. Job. It must be a segment of the candidate's evaluation: an unknown one is an error at this line, with the closest suggested. Default: every segment."
			},
			reason: {
				type: "string",
				minLength: 1,
				title: "Reason",
				description: "Why the failure is accepted; shown in the report."
			},
			expires: {
				type: "string",
				format: "date",
				title: "Expiry date",
				description: "The last day (YYYY-MM-DD, UTC) the waiver applies. Default: never expires.",
				errorMessage: "expected a date as YYYY-MM-DD, e.g. 2027-01-31"
			}
		},
		allOf: [
			{
				errorMessage: "a waiver names what it waives: add `metric:`, `segment:` or both",
				anyOf: [
					{
						required: [
							"metric"
						]
					},
					{
						required: [
							"segment"
						]
					}
				]
			}
		]
	},
	report: {
		title: "Report",
		description: "Where and how results are reported.",
		type: "object",
		additionalProperties: false,
		properties: {
			comment_key: {
				type: "string",
				minLength: 1,
				title: "Comment key",
				description: "Identifies this config's sticky PR comment, so that several configs in one repository keep separate comments. Default: the config file's path."
			},
			check_name: {
				type: "string",
				minLength: 1,
				title: "Check name",
				description: "The name of the check run, as branch protection and deployment environments require it."
			},
			output: {
				$ref: "#/$defs/path",
				title: "Output folder",
				description: "The folder the result documents (JSON) are written to.",
				"default": "ml-gate-results"
			}
		}
	},
	canary: {
		title: "Canary",
		description: "How `ml-gate canary` judges a canary release from the outcome logs of the control (the current model) and the canary (the new model) on live traffic: the gates above judge the logs' metrics per segment (the canary as candidate, the control as baseline, never paired: different users), and each outcome here compares a continuous column (latency, revenue) with a Mann–Whitney test and a Hodges–Lehmann shift interval.",
		type: "object",
		additionalProperties: false,
		properties: {
			outcomes: {
				title: "Continuous outcomes",
				description: "Continuous columns of both logs compared between the canary and the control: the Hodges–Lehmann estimate of the shift (canary − control) with its distribution-free interval at evaluation.confidence, and the Mann–Whitney p-value of no shift. Rows where the column is missing are left out and counted.",
				type: "array",
				"default": [
				],
				items: {
					$ref: "#/$defs/canaryOutcome"
				}
			}
		}
	},
	canaryOutcome: {
		title: "Canary outcome",
		description: "One continuous outcome column and how far it may get worse.",
		type: "object",
		additionalProperties: false,
		required: [
			"column",
			"better",
			"max_shift"
		],
		properties: {
			column: {
				$ref: "#/$defs/column",
				title: "Column",
				description: "The outcome column of both logs, numeric, e.g. latency_ms or revenue."
			},
			name: {
				type: "string",
				minLength: 1,
				title: "Name",
				description: "A label for the report. Default: the column."
			},
			better: {
				"enum": [
					"lower",
					"higher"
				],
				title: "Better direction",
				description: "Which way is better: lower (latency, errors) or higher (revenue). The degradation is the shift toward the worse side: +shift for lower, −shift for higher."
			},
			max_shift: {
				type: "number",
				minimum: 0,
				title: "Maximum shift",
				description: "The largest degradation allowed, in the column's units (e.g. 5 for 5 ms more latency). Rollback when the degradation's interval lies wholly above it, pass when wholly at or below it, otherwise undecided (continue)."
			}
		}
	},
	monitor: {
		title: "Monitor",
		description: "`ml-gate monitor`: production prediction logs cut into time (or row-count) windows, each compared with a reference: score and feature drift, the positive rate and mean score per segment (interval of the difference, corrected across windows × segments), and performance on the windows whose labels have arrived. Needs `model` (task binary, label, score). See the README's \"Monitoring after deployment\".",
		type: "object",
		additionalProperties: false,
		required: [
			"logs",
			"time",
			"window",
			"reference"
		],
		properties: {
			logs: {
				title: "Prediction logs",
				description: "A file or a glob of prediction logs (CSV, JSON Lines, JSON or Parquet), relative to the config: one row per prediction with the time column, the score (`model.score`), optionally the prediction (`model.prediction`; default score >= model.threshold), the label (`model.label`, empty until it arrives), the segment and feature columns.",
				type: "string",
				minLength: 1
			},
			time: {
				title: "Time column",
				description: "The column holding each prediction's time: ISO 8601 text with a time zone (2026-03-01T12:00:00Z, 2026-03-01T12:00:00+02:00) or a date (2026-03-01, read as midnight UTC), or a number of seconds since 1970-01-01T00:00:00Z (epoch seconds). Any other value is an error at its line and column.",
				type: "string",
				minLength: 1
			},
			window: {
				title: "Window",
				description: "How the logs are cut: a duration (`12h`, `1d`, `7d`, `2w`; windows start at UTC midnight of the earliest log time and follow each other) or a number of rows (consecutive rows in time order).",
				anyOf: [
					{
						type: "string",
						pattern: "^[1-9][0-9]*[hdw]$"
					},
					{
						type: "integer",
						minimum: 1
					}
				]
			},
			reference: {
				title: "Reference",
				description: "What each window is compared with: the first period of the logs (`{ first: 3d }`, or `{ first: 1000 }` rows, which must be whole windows), a period `{ from: 2026-03-01, to: 2026-03-04 }` (from included, to excluded; ISO 8601 as the time column), or a file such as the validation set (its rows need no time). Windows that start before the end of a period reference are not monitored.",
				anyOf: [
					{
						type: "string",
						minLength: 1
					},
					{
						type: "object",
						additionalProperties: false,
						required: [
							"first"
						],
						properties: {
							first: {
								anyOf: [
									{
										type: "string",
										pattern: "^[1-9][0-9]*[hdw]$"
									},
									{
										type: "integer",
										minimum: 1
									}
								],
								title: "First period",
								description: "The first period of the logs (a duration such as 3d, with a duration window) or its first rows (a count, with a row-count window)."
							}
						}
					},
					{
						type: "object",
						additionalProperties: false,
						required: [
							"from",
							"to"
						],
						properties: {
							from: {
								type: "string",
								minLength: 1,
								title: "From",
								description: "Start of the reference period, included: ISO 8601 with a zone, or a date (midnight UTC)."
							},
							to: {
								type: "string",
								minLength: 1,
								title: "To",
								description: "End of the reference period, excluded; after from."
							}
						}
					}
				]
			},
			features: {
				title: "Feature columns",
				description: "Columns whose drift is measured in each window against the reference, besides the score (always).",
				type: "array",
				uniqueItems: true,
				"default": [
				],
				items: {
					$ref: "#/$defs/column"
				}
			},
			drift: {
				title: "Drift",
				description: "Method and threshold of the score and feature drift (as `data[].drift`); the p-value tests are corrected across windows × columns by `correction`.",
				$ref: "#/$defs/drift"
			},
			segments: {
				title: "Per segment",
				description: "Judge the positive rate, the mean score and `per_segment` performance gates in each segment of the config's `segments` section too (`true`, the default), or on all rows only (`false`).",
				type: "boolean",
				"default": true
			},
			rates: {
				title: "Rate checks",
				description: "Compare the positive rate and the mean score of each window and segment with the reference's; alert when the interval of the difference excludes 0 (Welch z, corrected across windows × segments × the two quantities by `correction`).",
				type: "boolean",
				"default": true
			},
			correction: {
				title: "Multiple-testing correction",
				description: "Across the windows × segments of the rate checks: `holm` (default, bounds the chance of any false alert at 1 − evaluation.confidence), `bh` or `none`.",
				"enum": [
					"holm",
					"bh",
					"none"
				],
				"default": "holm"
			},
			gates: {
				title: "Performance gates",
				description: "Rules on the metrics of each window's labelled rows (the label non-empty), as the config's gates in point mode: `min`, `max`, and `max_drop` against the reference's value; `per_segment: true` judges every segment too. A window or segment with fewer labelled rows, or less support of the metric, than segments.min_support is insufficient, not judged.",
				type: "array",
				"default": [
				],
				items: {
					type: "object",
					additionalProperties: false,
					required: [
						"metric"
					],
					anyOf: [
						{
							required: [
								"min"
							]
						},
						{
							required: [
								"max"
							]
						},
						{
							required: [
								"max_drop"
							]
						}
					],
					properties: {
						metric: {
							type: "string",
							minLength: 1,
							title: "Metric",
							description: "A binary metric name, e.g. roc_auc, recall."
						},
						min: {
							type: "number",
							title: "Minimum",
							description: "The window's metric must be at least this value."
						},
						max: {
							type: "number",
							title: "Maximum",
							description: "The window's metric must be at most this value."
						},
						max_drop: {
							type: "number",
							minimum: 0,
							title: "Maximum drop",
							description: "The window's metric may be worse than the reference's by at most this much, in the metric's units."
						},
						per_segment: {
							type: "boolean",
							"default": false,
							title: "Per segment",
							description: "Judge every segment too (needs `segments: true`)."
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
	additionalProperties: additionalProperties,
	required: required,
	properties: properties,
	$defs: $defs
};

export { DEFAULT_MIN_SUPPORT as D, evaluateSettingsFromConfig as e, schema as s };
