import { U as UserInputError } from './suggest.js';
import { o as openTable } from './open.js';
import { f as fmix32, K as Kind } from './hash.js';
import { r as resolveColumns, s as stageBlocks, B as BinaryAccumulator, M as MulticlassAccumulator, R as RegressionAccumulator, W as WIDTH, a as WIDTH$1 } from './staging-thread.js';
import { s as sortNumbers } from './number-set.js';
import { d as describeMetric, g as encode, h as medianRanks, R as RowDigest, i as stateError, j as decode, k as MAX_Z, B as BUCKETS, s as segmentFamilies, O as OVERALL, l as compareSegments } from './segmentation.js';

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
	report: {
		$ref: "#/$defs/report",
		"default": {
		}
	}
};
var $defs = {
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
			baseline: {
				$ref: "#/$defs/path",
				title: "Baseline",
				description: "The model in production: a predictions file (same columns as `predictions`) or an ml-gate evaluation JSON document.",
				examples: [
					"preds/baseline.csv",
					"ml-gate-results/evaluation.json"
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

/**
 * Interns fixed-width tuples of unsigned 32-bit integers: equal tuples get the same id, numbered
 * 0, 1, 2, … in order of first appearance. An open-addressing table over one flat array of tuples.
 */
class TupleTable {
    width;
    /** Tuples interned so far. */
    size = 0;
    /** Tuple `id` is at `[id·width, (id + 1)·width)`. */
    tuples;
    /** Open addressing: id + 1 of the tuple in each slot, 0 for an empty slot. */
    slots = new Uint32Array(64);
    constructor(width) {
        this.width = width;
        this.tuples = new Uint32Array(32 * width);
    }
    /** The id of the tuple at `source[offset …]`, interning it if new. */
    idOf(source, offset) {
        const width = this.width;
        const mask = this.slots.length - 1;
        for (let slot = this.hash(source, offset) & mask;; slot = (slot + 1) & mask) {
            const entry = this.slots[slot];
            if (entry === 0)
                return this.insert(slot, source, offset);
            const at = (entry - 1) * width;
            let equal = true;
            for (let k = 0; k < width && equal; k++)
                equal = this.tuples[at + k] === source[offset + k];
            if (equal)
                return entry - 1;
        }
    }
    insert(slot, source, offset) {
        const id = this.size++;
        if (this.tuples.length < this.size * this.width) {
            const grown = new Uint32Array(2 * this.tuples.length);
            grown.set(this.tuples);
            this.tuples = grown;
        }
        this.tuples.set(source.subarray(offset, offset + this.width), id * this.width);
        this.slots[slot] = id + 1;
        if (2 * this.size > this.slots.length)
            this.rehash();
        return id;
    }
    /** Doubles the slots, keeping the load at most 1/2. */
    rehash() {
        const slots = new Uint32Array(2 * this.slots.length);
        const mask = slots.length - 1;
        for (let id = 0; id < this.size; id++) {
            let slot = this.hash(this.tuples, id * this.width) & mask;
            while (slots[slot] !== 0)
                slot = (slot + 1) & mask;
            slots[slot] = id + 1;
        }
        this.slots = slots;
    }
    /** One multiply per element, one finaliser per tuple: cheap, and the low bits mix every element. */
    hash(source, offset) {
        let hash = 0x9e3779b9;
        for (let k = 0; k < this.width; k++)
            hash = Math.imul(hash ^ source[offset + k], 0x85ebca77);
        return fmix32(hash);
    }
}

/**
 * Every row's score, label and weight with the segments it belongs to, kept across blocks so that
 * the scores of all segments are sorted once: ROC AUC and average precision need each segment's
 * scores in order, and a row is in all of its segments (6 sorts of n scores with 5 segment
 * families). One stable sort of the rows, then one pass handing each score to its segments in
 * ascending order, gives every segment exactly the order its own sort would have: equal scores stay
 * in file order both ways.
 *
 * A row's segments are kept as the id of their combination (`TupleTable`): far fewer combinations
 * than rows, so the pass in score order reads them from a small table instead of jumping around
 * every row's own. Unweighted, the sort carries (combination, label) itself and the pass reads
 * nothing per row; with weights it carries the row and reads its weight and combination.
 *
 * Memory: 13 bytes per row (21 with weights other than 1).
 */
class ScoreLedger {
    perRow;
    chunks = [];
    combinations;
    rows = 0;
    weighted = false;
    /** @param perRow segment slots per row of the blocks (families + 1 for `all`) */
    constructor(perRow) {
        this.perRow = perRow;
        this.combinations = new TupleTable(perRow);
    }
    /** Keeps the staged rows of `block` (before it is drained). */
    keep(rows, block) {
        const size = block.size;
        if (size === 0)
            return;
        if (this.rows + size > MAX_ROWS)
            throw new RangeError(`ScoreLedger: more than ${MAX_ROWS} rows`);
        const slots = block.slots();
        const combination = new Uint32Array(size);
        for (let i = 0; i < size; i++)
            combination[i] = this.combinations.idOf(slots, i * this.perRow);
        const weight = rows.weight.subarray(0, size);
        let unweighted = true;
        for (let i = 0; i < size && unweighted; i++)
            unweighted = weight[i] === 1;
        this.weighted ||= !unweighted;
        this.chunks.push({
            size,
            score: rows.score.slice(0, size),
            label: rows.label.slice(0, size),
            weight: unweighted ? null : weight.slice(),
            combination
        });
        this.rows += size;
    }
    /**
     * Hands every kept score to the accumulators of its segments (`accumulators[ordinal]`), in
     * ascending score order (`addAscendingScores`); then forgets them.
     */
    distribute(accumulators) {
        const n = this.rows;
        const perRow = this.perRow;
        const segmentsOf = this.combinations.tuples;
        const scores = new Float64Array(n);
        // (what, label) in one exact double, 2·what + label < 2⁵³, sorted along with the scores; `what`
        // is the row's combination, or the row itself when weights must be read.
        const payload = new Float64Array(n);
        const counts = new Float64Array(2 * accumulators.length);
        // With weights, each row's combination and weight by row (blocks differ in size).
        const combinationOf = this.weighted ? new Uint32Array(n) : null;
        const weightOf = this.weighted ? new Float64Array(n) : null;
        let row = 0;
        for (const chunk of this.chunks) {
            scores.set(chunk.score, row);
            combinationOf?.set(chunk.combination, row);
            if (weightOf) {
                if (chunk.weight)
                    weightOf.set(chunk.weight, row);
                else
                    weightOf.fill(1, row, row + chunk.size);
            }
            for (let i = 0; i < chunk.size; i++, row++) {
                const label = chunk.label[i];
                const combination = chunk.combination[i];
                payload[row] = 2 * (this.weighted ? row : combination) + label;
                for (let slot = 0; slot < perRow; slot++)
                    counts[2 * segmentsOf[combination * perRow + slot] + label]++;
            }
            chunk.score = EMPTY;
        }
        // The payload (with weights, and the two arrays above) holds all that the pass needs: the chunks
        // can go during the sort.
        this.chunks.length = 0;
        this.rows = 0;
        sortNumbers(scores, payload);
        // Every segment's scores of each class, ascending, side by side in one array: segment a's with
        // label l from start[2a + l] on. Each accumulator keeps views of its two runs (no copies, no
        // per-score calls); weights alongside, for the runs with a weight other than 1.
        const runs = counts.length;
        const start = new Float64Array(runs + 1);
        for (let d = 0; d < runs; d++)
            start[d + 1] = start[d] + counts[d];
        const sorted = new Float64Array(start[runs]);
        const sortedWeights = weightOf === null ? null : new Float64Array(start[runs]);
        const next = Uint32Array.from(start.subarray(0, runs));
        const unit = new Uint8Array(runs).fill(1);
        for (let p = 0; p < n; p++) {
            // Integer arithmetic: a double's `%` is a call to fmod in V8.
            const packed = payload[p];
            const label = packed & 1;
            const what = (packed - label) / 2;
            const combination = combinationOf === null ? what : combinationOf[what];
            const score = scores[p];
            if (sortedWeights === null) {
                for (let slot = 0, k = combination * perRow; slot < perRow; slot++, k++) {
                    sorted[next[2 * segmentsOf[k] + label]++] = score;
                }
            }
            else {
                const weight = weightOf[what];
                for (let slot = 0, k = combination * perRow; slot < perRow; slot++, k++) {
                    const run = 2 * segmentsOf[k] + label;
                    const at = next[run]++;
                    sorted[at] = score;
                    sortedWeights[at] = weight;
                    if (weight !== 1)
                        unit[run] = 0;
                }
            }
        }
        const run = (d) => ({
            values: sorted.subarray(start[d], start[d + 1]),
            weights: sortedWeights === null || unit[d] === 1 ? null : sortedWeights.subarray(start[d], start[d + 1])
        });
        for (let a = 0; a < accumulators.length; a++)
            accumulators[a].addAscendingScores(run(2 * a + 1), run(2 * a));
    }
}
const EMPTY = new Float64Array(0);
/** So that every payload (2·row + label) is below 2³¹, for integer arithmetic: 13 GB of rows here. */
const MAX_ROWS = 2 ** 30 - 1;

/**
 * A segment's metrics as an evaluation document stores them for the gates: everything
 * `finalizeMetrics` and `pairedDifference` read from an accumulator, so that a document gives the
 * same intervals at any confidence level (Holm-adjusted ones included) and the same paired tests as
 * the predictions file it was written from, bit for bit.
 *
 * Stored per metric: the point estimate; the B bootstrap replicates of every metric that has an
 * interval (a paired test reads them whatever the interval method), as base64 of their float64
 * bytes (`metric-state.ts`: exact, NaN kept for an undefined replicate); a Wilson metric's
 * proportion; ROC AUC's DeLong variance; an analytic interval's inputs. Per segment: the row digest
 * that tells whether two models saw the same rows.
 *
 * Size: about B·8·4/3 bytes per metric and segment (13.3 kB at B = 1000), whatever the rows; only
 * the median's order-statistic window (above 5,000 rows) grows, as 9·√n values.
 */
/** The state of `source` to store in a document. */
function sourceState(source) {
    const everyRow = source.resamplesEveryRow?.();
    const metrics = {};
    for (const name of source.names()) {
        const estimate = source.estimate(name);
        const method = describeMetric(name)?.interval ?? 'none';
        const stored = {
            value: estimate.value,
            support: source.support(name)
        };
        if (estimate.reason !== undefined)
            stored.reason = estimate.reason;
        if (estimate.defined === false)
            stored.defined = false;
        if (estimate.value !== null && method !== 'none') {
            stored.replicates = encode(source.replicates(name));
            if (method === 'wilson') {
                const { successes, trials, squaredWeights } = source.proportion(name);
                stored.proportion = { successes, trials, squared_weights: squaredWeights };
            }
            if (method === 'delong')
                stored.variance = source.rocAucVariance();
            if (method.startsWith('bootstrap-or-') && everyRow === false)
                stored.basis = storedBasis(source.analyticBasis(name));
        }
        metrics[name] = stored;
    }
    return {
        digest: source.digest.toState(),
        ...(everyRow !== undefined && { resamples_every_row: everyRow }),
        metrics
    };
}
function storedBasis(basis) {
    if (basis.kind === 'logit')
        return basis;
    const window = narrowWindow(basis.window);
    return {
        kind: 'order-statistic',
        values: encode(window.values),
        weights: window.weights === null ? null : encode(window.weights),
        before: window.before,
        n: window.n,
        per_rank: window.perRank
    };
}
/**
 * The run of `window` that `orderStatisticInterval` reads at any z ≤ MAX_Z: from the value the
 * lowest rank reaches to the one the highest rank reaches, with the exact cumulative weight before
 * it (summed in the same order, so the reads are bit for bit the same).
 */
function narrowWindow(window) {
    const { values, weights, perRank } = window;
    const [lower, upper] = medianRanks(window.n, MAX_Z);
    const low = lower * perRank;
    const high = upper * perRank;
    let cumulative = window.before;
    let start = -1;
    let before = cumulative;
    let end = values.length - 1;
    for (let i = 0; i < values.length; i++) {
        const w = weights ? weights[i] : 1;
        if (i === values.length - 1 && start < 0)
            [start, before] = [i, cumulative];
        if (w === 0)
            continue;
        const previous = cumulative;
        cumulative += w;
        if (start < 0 && cumulative >= low)
            [start, before] = [i, previous];
        if (cumulative >= high) {
            end = i;
            break;
        }
    }
    return {
        values: values.slice(start, end + 1),
        weights: weights === null ? null : weights.slice(start, end + 1),
        before,
        n: window.n,
        perRank
    };
}
/**
 * The metric source a document's segment state describes, checked: each metric carries what its
 * interval method needs, replicates have B values.
 * @throws Error ("invalid metric state: …") naming the field and what was expected
 */
function storedSource(state, task, bootstrap) {
    const record = objectAt(state, 'state');
    const digest = RowDigest.fromState(objectAt(record.digest, 'state.digest'));
    const everyRow = record.resamples_every_row;
    if (everyRow !== undefined && typeof everyRow !== 'boolean')
        throw stateError(`state.resamples_every_row must be true or false, got ${typeof everyRow}`);
    const metrics = new Map(Object.entries(objectAt(record.metrics, 'state.metrics')).map(([name, m]) => [
        name,
        objectAt(m, `state.metrics.${name}`)
    ]));
    const estimates = new Map();
    const supports = new Map();
    const replicates = new Map();
    const proportions = new Map();
    const bases = new Map();
    let variance = null;
    for (const [name, m] of metrics) {
        const where = `state.metrics.${name}`;
        const value = nullableNumber(m.value, `${where}.value`);
        if (m.reason !== undefined && typeof m.reason !== 'string')
            throw stateError(`${where}.reason must be a string`);
        if (m.defined !== undefined && m.defined !== false)
            throw stateError(`${where}.defined must be false or absent`);
        supports.set(name, finite(m.support, `${where}.support`));
        estimates.set(name, {
            value,
            ...(m.reason !== undefined && { reason: m.reason }),
            ...(m.defined === false && { defined: false })
        });
        const method = describeMetric(name)?.interval ?? 'none';
        if (value === null || method === 'none')
            continue;
        replicates.set(name, decode(m, 'replicates', Float64Array, bootstrap.replicates));
        if (method === 'wilson') {
            const p = objectAt(m.proportion, `${where}.proportion`);
            proportions.set(name, {
                successes: finite(p.successes, `${where}.proportion.successes`),
                trials: finite(p.trials, `${where}.proportion.trials`),
                squaredWeights: finite(p.squared_weights, `${where}.proportion.squared_weights`)
            });
        }
        if (method === 'delong')
            variance = nullableNumber(m.variance, `${where}.variance`);
        if (method.startsWith('bootstrap-or-')) {
            if (everyRow === undefined)
                throw stateError(`state.resamples_every_row is needed for ${name}`);
            if (!everyRow)
                bases.set(name, readBasis(m.basis, `${where}.basis`));
        }
    }
    const names = [...metrics.keys()];
    return {
        task,
        bootstrap,
        digest,
        names: () => names,
        estimate: (name) => estimates.get(name),
        support: (name) => supports.get(name),
        replicates: (name) => replicates.get(name),
        proportion: (name) => proportions.get(name),
        rocAucVariance: () => variance,
        resamplesEveryRow: () => everyRow === true,
        analyticBasis: (name) => bases.get(name)
    };
}
function readBasis(value, where) {
    const basis = objectAt(value, where);
    if (basis.kind === 'logit') {
        return {
            kind: 'logit',
            value: finite(basis.value, `${where}.value`),
            positives: finite(basis.positives, `${where}.positives`)
        };
    }
    if (basis.kind !== 'order-statistic')
        throw stateError(`${where}.kind must be "logit" or "order-statistic"`);
    const values = decode(basis, 'values', Float64Array);
    if (values.length === 0)
        throw stateError(`${where}.values must hold at least one value`);
    const window = {
        values,
        weights: basis.weights === null ? null : decode(basis, 'weights', Float64Array, values.length),
        before: finite(basis.before, `${where}.before`),
        n: finite(basis.n, `${where}.n`),
        perRank: finite(basis.per_rank, `${where}.per_rank`)
    };
    return { kind: 'order-statistic', window };
}
function objectAt(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw stateError(`${where} must be an object`);
    return value;
}
function finite(value, where) {
    if (typeof value !== 'number' || !Number.isFinite(value))
        throw stateError(`${where} must be a finite number`);
    return value;
}
function nullableNumber(value, where) {
    return value === null ? null : finite(value, where);
}

/**
 * A cap on the memory that segments take, known before it is spent. Each segment keeps the
 * bootstrap's bucket sums (BUCKETS × width float64s, poisson-bootstrap.ts) and, when finalized,
 * its replicate sums (B × width): 259 KB for a binary segment at 1,000 replicates. Segments are
 * created as rows reveal their values, so without a cap 10 segment columns of 1,000 values each
 * would take 3 GB; past the cap evaluation stops with an error that says what it would take.
 */
/** The memory all segments together may take. */
const MAX_SEGMENT_STATE_BYTES = 2 ** 30;
/** The peak bytes of one segment's state, for `width` sums per bucket and `replicates` replicates. */
function segmentStateBytes(width, replicates) {
    return 8 * width * (BUCKETS + replicates);
}
/**
 * @param segments the segments there would be with the one about to be created (`all` included)
 * @throws UserInputError naming the file when they exceed `MAX_SEGMENT_STATE_BYTES`
 */
function checkSegmentBudget(file, segments, bytesPerSegment) {
    if (segments * bytesPerSegment <= MAX_SEGMENT_STATE_BYTES)
        return;
    const limit = Math.floor(MAX_SEGMENT_STATE_BYTES / bytesPerSegment);
    throw new UserInputError(`more than ${limit} segments (${Math.round(bytesPerSegment / 1024)} KB of metric state each, ${MAX_SEGMENT_STATE_BYTES / 2 ** 20} MB in all): ` +
        `expected at most ${limit}; segment on fewer columns or crosses, or bin numeric columns into fewer bins`, { file });
}

/**
 * Evaluates a predictions file: every metric of the task, overall and for every segment, with
 * confidence intervals, in one streaming pass (two for a multiclass file without probability
 * columns, whose classes are found first).
 *
 * Each row's identity (`model.id` when set, else its position in the file) keys its bootstrap
 * resamples, so two models evaluated on the same ids can be compared pairwise.
 *
 * Rows are read and staged a block at a time, then added segment by segment (see `row-block.ts`),
 * on a worker thread for a big file (see `staging-thread.ts`); the results depend on neither.
 *
 * @throws UserInputError for a missing column (with the closest name), and for a row whose label,
 *   score, prediction, weight or id cannot be used, at that row's line, saying what was expected
 */
async function evaluatePredictions(file, settings, read = {}, { blockRows = BLOCK_ROWS, thread, only = null } = {}) {
    const table = await openTable(file, read);
    const model = settings.model;
    const columns = resolveColumns(table, settings);
    const classes = model.task !== 'multiclass'
        ? []
        : columns.probabilities.length > 0
            ? columns.probabilityClasses
            : await discoverClasses(file, read, columns);
    const families = segmentFamilies(settings.segments);
    const create = accumulatorFactory(model.task, settings, classes);
    const segments = new Map();
    const overall = { key: OVERALL, family: -1, labels: [], metrics: create(), rows: 0 };
    const bytesPerSegment = segmentStateBytes(bucketWidth(overall.metrics), settings.bootstrap.replicates);
    segments.set(OVERALL, overall);
    const plan = { file, read, settings, classes, blockRows };
    // Segments by ordinal (creation order, `all` first), which is how the blocks refer to them.
    const ordered = [overall];
    const adder = blockAdder(model.task, families.length + 1);
    const staging = await stageBlocks(table, plan, columns, thread, {
        segment({ key, family, labels }) {
            checkSegmentBudget(table.file, ordered.length + 1, bytesPerSegment);
            const segment = { key, family, labels, metrics: create(), rows: 0 };
            ordered.push(segment);
            segments.set(key, segment);
        },
        add(staged) {
            adder.keep(staged);
            staged.block.drain(ordered.length, (ordinal, members) => {
                const segment = ordered[ordinal];
                adder.addTo(segment.metrics, staged.rows, members);
                segment.rows += members.length;
            });
        }
    }, only);
    const { rows, labels, thread: spare } = staging;
    try {
        await overlapReplicates(spare, model.task === 'binary' ? ordered : [], () => adder.finish(ordered));
    }
    finally {
        await spare?.close();
    }
    const order = compareSegments(families);
    const sorted = new Map([...segments.values()].sort(order).map((s) => [s.key, s]));
    return { file: table.file, settings, families, classes, rows, labels, segments: sorted };
}
/**
 * Runs `work` (the sort of every score, a third of the time after reading at 1M rows) while the
 * spare thread (`stageBlocks`' second one, where the rows were read on a thread) sums the bootstrap
 * replicates of the binary `segments`, which finalize would otherwise sum on this thread.
 */
async function overlapReplicates(thread, segments, work) {
    if (thread === null || segments.length === 0)
        return work();
    const accumulators = segments.map((s) => s.metrics);
    const buckets = accumulators.map((a) => a.bootstrapBuckets());
    const replicates = thread.combineBuckets(buckets.map((b) => b.sums), buckets[0].width, accumulators[0].bootstrap);
    work();
    (await replicates).forEach((sums, i) => accumulators[i].adoptReplicateSums(sums));
}
/**
 * Rows staged before they are added segment by segment (see `row-block.ts`): about 20 MB for the
 * binary task with 5 segment families (82 bytes a row). Larger blocks give each segment more rows
 * per visit of its buckets (10M rows on one thread: 14.6 s of user CPU with 262,144 rows per block,
 * 13.7 s with 524,288); but with a reading thread the main thread sorts only once the last block is
 * added, and a smaller block is added sooner: 1M rows about 0.1 s faster, 10M rows no slower (there
 * the reading thread is the slower one).
 */
const BLOCK_ROWS = 262_144;
/** A document as it is, an evaluation as its document. */
function asEvaluationDocument(model) {
    return 'schema' in model ? model : evaluationDocument(model);
}
/** The evaluation as its JSON document. */
function evaluationDocument(evaluation) {
    const { settings, families } = evaluation;
    return {
        schema: 'ml-gate/evaluation@1',
        task: settings.model.task,
        file: evaluation.file,
        rows: evaluation.rows,
        settings: documentSettings(settings),
        ...(settings.model.task === 'multiclass' && { classes: evaluation.classes }),
        segments: [...evaluation.segments.values()].map((s) => ({
            key: s.key,
            column: s.family < 0 ? null : families[s.family].name,
            n: s.rows,
            insufficient: s.rows < settings.minSupport,
            metrics: s.metrics.finalize({ confidence: settings.confidence }),
            state: sourceState(s.metrics)
        }))
    };
}
/** The settings as a document states them (the columns a task does not read are `null`). */
function documentSettings(settings) {
    const m = settings.model;
    const binary = m.task === 'binary';
    const { columns, bins, cross } = settings.segments;
    return {
        label: m.label,
        score: binary ? (m.score ?? null) : null,
        score_prefix: m.task === 'multiclass' ? m.score_prefix : null,
        prediction: binary ? null : (m.prediction ?? null),
        positive: binary ? m.positive : null,
        threshold: binary ? m.threshold : null,
        weight: m.weight ?? null,
        id: m.id ?? null,
        confidence: settings.confidence,
        bootstrap: settings.bootstrap.replicates,
        seed: settings.bootstrap.seed,
        min_support: settings.minSupport,
        segments: { columns, bins, cross }
    };
}
/** Classes of a multiclass file without probability columns: every label and prediction, sorted. */
async function discoverClasses(file, read, columns) {
    const classes = new Set();
    const table = await openTable(file, read);
    for await (const batch of table.batches()) {
        for (const c of [columns.label, columns.prediction]) {
            const { values, kinds } = batch.columns[c];
            for (let i = 0; i < batch.size; i++)
                if (kinds[i] !== Kind.Missing)
                    classes.add(String(values[i]));
        }
    }
    return [...classes].sort();
}
/** The sums per bootstrap bucket of an accumulator. */
function bucketWidth(accumulator) {
    if (accumulator instanceof BinaryAccumulator)
        return WIDTH;
    if (accumulator instanceof MulticlassAccumulator)
        return accumulator.width;
    return WIDTH$1;
}
function accumulatorFactory(task, settings, classes) {
    const bootstrap = settings.bootstrap;
    if (task === 'binary')
        return () => new BinaryAccumulator({ threshold: settings.model.threshold, bootstrap });
    if (task === 'multiclass')
        return () => new MulticlassAccumulator({ classes, bootstrap });
    return () => new RegressionAccumulator({ bootstrap });
}
const NOTHING = () => undefined;
function blockAdder(task, perRow) {
    if (task === 'binary') {
        // Scores are sorted once for all segments (see `score-ledger.ts`), not once per segment.
        const ledger = new ScoreLedger(perRow);
        return {
            keep: ({ rows, block }) => ledger.keep(rows, block),
            addTo: (metrics, rows, members) => metrics.addRowsExceptScores(rows, members),
            finish: (segments) => ledger.distribute(segments.map((s) => s.metrics))
        };
    }
    return {
        keep: NOTHING,
        addTo: task === 'multiclass'
            ? (metrics, rows, members) => metrics.addRows(rows, members)
            : (metrics, rows, members) => metrics.addRows(rows, members),
        finish: NOTHING
    };
}

export { DEFAULT_MIN_SUPPORT as D, evaluationDocument as a, evaluatePredictions as b, asEvaluationDocument as c, storedSource as d, evaluateSettingsFromConfig as e, documentSettings as f, schema as s };
