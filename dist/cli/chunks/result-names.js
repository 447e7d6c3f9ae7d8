import { O as OVERALL } from './segmentation.js';
import { s as showNumber, a as showSigned, h as showPercent } from './multiple-testing.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { _ as _2020Exports } from './schema-validator.js';
import { U as UserInputError } from './suggest.js';
import { p as parseJson, l as locateOffset, j as jsonValueOffset, t as toPath } from './schema-errors.js';

/** Rules compared against the baseline. */
const CHANGE_RULES = ['max_drop', 'max_relative_drop'];
/** Rules across the segments of one column. */
const ACROSS_RULES = ['min_ratio', 'max_gap'];
const ORDER = ['min', 'max', 'max_drop', 'max_relative_drop', 'min_ratio', 'max_gap'];
/** The rules a gate states, in a fixed order (a gate may state several). */
function rulesOf(gate) {
    return ORDER.flatMap((kind) => (gate[kind] === undefined ? [] : [{ kind, threshold: gate[kind] }]));
}
/** `min` and `min_ratio` are lower bounds; the others are upper bounds. */
function isLowerBound(kind) {
    return kind === 'min' || kind === 'min_ratio';
}
/**
 * How far `value` lies past the rule's bound, positive on the failing side:
 * `threshold − value` for lower bounds, `value − threshold` for upper bounds.
 */
function excess(rule, value) {
    return isLowerBound(rule.kind) ? rule.threshold - value : value - rule.threshold;
}
/**
 * Float rounding must not fail a value that sits exactly on its bound (0.8 − 0.75 is
 * 0.05000000000000004): an excess up to 1e-12·max(1, |threshold|) counts as on the bound.
 */
function tolerance(rule) {
    return 1e-12 * Math.max(1, Math.abs(rule.threshold));
}
/** Point mode: the value alone. A value on the bound holds. */
function decidePoint(rule, value) {
    return excess(rule, value) > tolerance(rule) ? 'beyond' : 'within';
}
/**
 * Significant mode: `beyond` when the whole interval lies past the bound, `within` when it lies
 * on the holding side (the bound included), `inconclusive` otherwise.
 */
function decideInterval(rule, ci) {
    const nearest = Math.min(excess(rule, ci[0]), excess(rule, ci[1]));
    const farthest = Math.max(excess(rule, ci[0]), excess(rule, ci[1]));
    if (nearest > tolerance(rule))
        return 'beyond';
    return farthest <= tolerance(rule) ? 'within' : 'inconclusive';
}
/** The comparison as written in a reason: `≥ min 0.75` / `> max_drop 0.05`. */
function comparison(rule, decision) {
    const lower = isLowerBound(rule.kind);
    const sign = decision === 'within' ? (lower ? '≥' : '≤') : lower ? '<' : '>';
    return `${sign} ${rule.kind} ${rule.threshold}`;
}

/** `now` as the UTC calendar date `YYYY-MM-DD`, the format of `expires`. */
function utcDate(now) {
    return now.toISOString().slice(0, 10);
}
/** A waiver is expired from the day after `expires` on (UTC). */
function isExpired(waiver, today) {
    return waiver.expires !== undefined && waiver.expires < today;
}
/** The waivers matching `metric` on `segment`, split into the first active and the first expired. */
function matchWaiver(waivers, metric, segment, today) {
    const matching = waivers.filter((w) => (w.metric === undefined || w.metric === metric) && (w.segment === undefined || w.segment === segment));
    const active = matching.find((w) => !isExpired(w, today));
    const expired = matching.find((w) => isExpired(w, today));
    return { ...(active && { active }), ...(expired && { expired }) };
}
/** `waiver 2 (recall on Home=ignore) expired on 2026-01-31 and no longer applies`. */
function expiryNote(waiver, index) {
    const what = [waiver.metric, waiver.segment && `on ${waiver.segment}`].filter(Boolean).join(' ');
    return `waiver ${index + 1} (${what}: "${waiver.reason}") expired on ${waiver.expires} and no longer applies`;
}

const STATUSES = [
    'pass',
    'fail',
    'warn',
    'insufficient',
    'missing',
    'skipped',
    'waived'
];
/** What a result does to the run: `fail`, `warn` or nothing. */
function resultWeight(result) {
    if (result.status === 'fail')
        return 'fail';
    if (result.status === 'missing')
        return result.severity === 'fail' ? 'fail' : 'warn';
    return result.status === 'warn' ? 'warn' : 'pass';
}
function verdictDocument(input) {
    const { results } = input;
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    for (const r of results)
        counts[r.status]++;
    const weights = results.map(resultWeight);
    const judged = weights.includes('fail') ? 'fail' : weights.includes('warn') ? 'warn' : 'pass';
    const why = noEvidence(results);
    const onNoEvidence = input.config.on_no_evidence;
    const verdict = why === null || judged === 'fail' ? judged : onNoEvidence === 'fail' ? 'fail' : 'warn';
    const lacking = why === null ? null : `no evidence: ${why} (on_no_evidence: ${onNoEvidence})`;
    return {
        schema: 'ml-gate/verdict@1',
        verdict,
        headline: headline(results, verdict, counts, lacking),
        no_evidence: why,
        candidate: input.candidate,
        baseline: input.baseline,
        paired: input.pairing.paired,
        pairing: input.pairing,
        counts,
        results,
        notes: notes(input)
    };
}
/** The problems, most important first: fails before warns, then by excess (largest first). */
function rankProblems(results) {
    const rank = { fail: 0, warn: 1, pass: 2 };
    return results
        .filter((r) => resultWeight(r) !== 'pass')
        .map((r, i) => ({ r, i }))
        .sort((a, b) => rank[resultWeight(a.r)] - rank[resultWeight(b.r)] ||
        (b.r.excess ?? -Infinity) - (a.r.excess ?? -Infinity) ||
        a.i - b.i)
        .map(({ r }) => r);
}
/** The statuses of a result that was judged against its rule. */
const JUDGED = ['pass', 'fail', 'warn', 'waived'];
/**
 * Why `results` hold no evidence, in words, or `null` when they hold some: a result on `all` is
 * insufficient (the data as a whole cannot answer the gate), or none was judged and some are
 * insufficient.
 *
 * @example noEvidence(tenRows) // 'roc_auc for all: 10 rows, fewer than min_support 30: not judged (and 1 more on all)'
 */
function noEvidence(results) {
    const overall = results.filter((r) => r.segment === OVERALL && r.status === 'insufficient' && !ACROSS_RULES.includes(r.rule));
    if (overall.length > 0) {
        const more = overall.length > 1 ? ` (and ${overall.length - 1} more on ${OVERALL})` : '';
        return `${overall[0].reason}${more}`;
    }
    const insufficient = results.filter((r) => r.status === 'insufficient');
    if (insufficient.length === 0 || results.some((r) => JUDGED.includes(r.status)))
        return null;
    const others = STATUSES.filter((s) => s !== 'insufficient')
        .map((s) => [s, results.filter((r) => r.status === s).length])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `, ${n} ${s}`)
        .join('');
    const total = results.length === 1 ? 'the 1 result' : `none of the ${results.length} results`;
    return `${total} could ${results.length === 1 ? 'not ' : ''}be judged (${insufficient.length} insufficient${others}); ${insufficient[0].reason}`;
}
function headline(results, verdict, counts, lacking) {
    const top = rankProblems(results)[0];
    if (top !== undefined && resultWeight(top) === 'fail')
        return summarize(top);
    if (lacking !== null)
        return lacking;
    if (top !== undefined)
        return summarize(top);
    const judged = counts.pass;
    const others = ['insufficient', 'skipped', 'waived']
        .filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}`);
    const tail = others.length > 0 ? ` (${others.join(', ')})` : '';
    if (results.length === 0)
        return 'no gates configured';
    return `${verdict}: ${judged === 1 ? 'the 1 judged result' : `all ${judged} judged results`} passed${tail}`;
}
/**
 * One result in one line.
 *
 * @example `recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)`
 */
function summarize(r) {
    const inconclusive = isInconclusive(r) ? ' (inconclusive)' : '';
    if (r.status === 'missing' || r.candidate === null)
        return r.reason;
    const where = `${r.metric} for ${r.segment}`;
    switch (r.rule) {
        case 'min':
        case 'max':
            return `${where} is ${showNumber(r.candidate)}, ${r.rule === 'min' ? 'below the minimum' : 'above the maximum'} ${r.threshold}${inconclusive}`;
        case 'max_drop':
        case 'max_relative_drop': {
            const moved = r.change < 0 ? 'fell' : 'rose';
            const change = r.rule === 'max_drop'
                ? `change ${showSigned(r.change)}, allowed drop ${r.threshold}`
                : `relative change ${r.relative_change > 0 ? '+' : ''}${showPercent(r.relative_change)}, allowed relative drop ${showPercent(r.threshold)}`;
            return `${where} ${moved} ${showNumber(r.baseline)} → ${showNumber(r.candidate)} (${change})${inconclusive}`;
        }
        case 'min_ratio':
            return `${r.metric} across ${r.segment}: ratio lowest/highest ${showNumber(r.candidate)}, below min_ratio ${r.threshold}`;
        case 'max_gap':
            return `${r.metric} across ${r.segment}: gap highest−lowest ${showNumber(r.candidate)}, above max_gap ${r.threshold}`;
    }
}
/** Every row of both files and of every segment matched: nothing to add to the summary line. */
function isFullyPaired(p) {
    return (p.paired &&
        p.matched === p.candidate_rows &&
        p.matched === p.baseline_rows &&
        p.unpaired_segments.length === 0);
}
/**
 * The pairing in a few words, for the line under the headline.
 *
 * @example `paired by id on all 1825 rows`, `paired by id on the 900 shared ids (candidate 1000 rows, baseline 950)`
 */
function pairingSummary(p) {
    if (!p.paired)
        return 'unpaired';
    const rows = p.matched === p.candidate_rows && p.matched === p.baseline_rows
        ? `paired by id on all ${p.matched} rows`
        : `paired by id on the ${p.matched} shared ids (candidate ${p.candidate_rows} rows, baseline ${p.baseline_rows})`;
    const k = p.unpaired_segments.length;
    return k === 0 ? rows : `${rows}; ${k} segment${k === 1 ? '' : 's'} unpaired`;
}
/** A significant-mode result whose interval straddles its bound. */
function isInconclusive(r) {
    return (r.status === 'warn' &&
        r.mode === 'significant' &&
        r.ci !== null &&
        decideInterval({ kind: r.rule, threshold: r.threshold }, r.ci) === 'inconclusive');
}
function notes(input) {
    const { config, results } = input;
    const out = [];
    const changeRules = results.filter((r) => CHANGE_RULES.includes(r.rule));
    if (input.baseline === null && changeRules.length > 0) {
        out.push(config.on_missing_baseline === 'fail'
            ? `no baseline: the ${changeRules.length} results comparing with it are missing (on_missing_baseline: fail)`
            : `no baseline: the ${changeRules.length} results comparing with it were skipped (set model.baseline, or on_missing_baseline: fail to require one)`);
    }
    if (input.baseline !== null && changeRules.length > 0 && !isFullyPaired(input.pairing)) {
        out.push(input.pairing.reason);
    }
    const today = utcDate(input.now);
    config.waivers.forEach((waiver, i) => {
        if (isExpired(waiver, today))
            out.push(expiryNote(waiver, i));
    });
    return out;
}

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
    let bytes;
    try {
        bytes = await readFile(file);
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new UserInputError(`cannot read the file (${code}); expected an ${kind.name} document`, { file });
    }
    const document = parseDocument(bytes.toString('utf8'), file, kind);
    return { path: file, sha256: createHash('sha256').update(bytes).digest('hex'), document };
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
    baseline: 'evaluation-baseline.json'
};

export { ACROSS_RULES as A, CHANGE_RULES as C, EVALUATION as E, RESULT_FILES as R, STATUSES as S, rulesOf as a, decideInterval as b, comparison as c, decidePoint as d, excess as e, readEvaluationFile as f, isInconclusive as g, documentKind as h, isLowerBound as i, readDocument as j, matchWaiver as m, pairingSummary as p, rankProblems as r, utcDate as u, verdictDocument as v };
