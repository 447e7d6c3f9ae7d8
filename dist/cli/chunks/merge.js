import { U as UserInputError, E as ExitCode } from './suggest.js';
import { r as renderEvaluationText } from './evaluation.js';
import { a as restoreProfilePiece, r as renderProfileText } from './profile-text.js';
import { D as DataValidation, l as loadContract, r as renderValidationText } from './validate2.js';
import { p as parseDocument, r as readDocumentBytes, d as documentKind } from './read-document.js';
import { a as evaluationDocument } from './evaluate2.js';
import { s as settingsFromDocument, a as mergedClasses, m as mergeEvaluations, r as restorePiece } from './evaluation-state.js';
import { I as IdSet, D as DISTINCT_IDS, a as allWeightsZero } from './staging-thread.js';
import { s as settingDifferences, d as describeDifferences } from './same-settings.js';
import { p as parseJson } from './schema-errors.js';
import { d as describeMetric } from './segmentation.js';
import { c as contractDigest } from './validate-shard.js';
import { a as validationExitCode } from './validate3.js';
import { l as logText } from './log-text.js';
import { p as parseCommandArgs } from './args.js';
import { a as writeJson } from './write-output.js';
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
import './multiple-testing.js';
import './selection.js';
import './detect.js';
import './schema-validator.js';
import './number-set.js';
import 'node:crypto';
import './binary.js';
import 'node:worker_threads';
import './thread-script.js';
import 'process';
import 'buffer';
import './glob.js';
import 'node:util';

var $schema$2 = "https://json-schema.org/draft/2020-12/schema";
var $id$2 = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/evaluation-state.schema.json";
var title$2 = "ml-gate evaluation state (one shard)";
var description$2 = "Written by `ml-gate evaluate --shard K/N --json`: the mergeable state of one shard's part of the predictions. `ml-gate merge` joins the states of all N shards into the `ml-gate/evaluation@1` document a single run writes.";
var type$2 = "object";
var required$2 = [
	"schema",
	"task",
	"input",
	"shard",
	"settings",
	"classes",
	"pieces"
];
var additionalProperties$2 = false;
var properties$2 = {
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
		description: "Multiclass with probability columns: the class names in column order; empty otherwise. Classes found in the rows (no probability columns) are each segment state's own, those of the shard's rows: the merge widens every piece to their sorted union, the list a single run finds."
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
				"ids",
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
				ids: {
					description: "With an id column and a byte range: every id of the range, which `ml-gate merge` checks no other range holds (each shard checks only its own rows; a single run refuses an id a file repeats). `null` for a whole file or without an id column: the files of a list are not checked against each other, as a single run over the list does not check them.",
					oneOf: [
						{
							type: "null"
						},
						{
							$ref: "#/$defs/ids"
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
								description: "The accumulator's `ml-gate/metric-state@1` (src/metrics/metric-state.ts): sums, bootstrap buckets and samples as base64 of little-endian typed arrays, checked field by field when restored. The values the rank metrics and median_ae need (`positives`, `negatives`, `errors`) are a table: `values` each distinct value once, ascending; `counts` (float64) how many rows have it, or null when every value is one row; `weights` the summed sample weight of each value's rows, or null when every weight is 1.",
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
var $defs$1 = {
	ids: {
		type: "object",
		required: [
			"numbers",
			"texts"
		],
		additionalProperties: false,
		properties: {
			numbers: {
				type: "object",
				description: "The numeric ids.",
				required: [
					"pages",
					"others"
				],
				additionalProperties: false,
				properties: {
					pages: {
						type: "array",
						description: "The integers in [0, 2^27) as a bitmap, one entry per page of 8,192 integers or more, ascending: page p holds the integers p * 2^19 to (p + 1) * 2^19 - 1.",
						items: {
							type: "object",
							required: [
								"page",
								"bits"
							],
							additionalProperties: false,
							properties: {
								page: {
									type: "integer",
									minimum: 0,
									maximum: 255
								},
								bits: {
									type: "string",
									description: "The page's 65,536 bytes as base64: bit b of byte j is the integer page * 2^19 + 8j + b."
								}
							}
						}
					},
					others: {
						type: "array",
						description: "The other numeric ids (negative, fractional, 2^27 or more, or in a page of fewer than 8,192), ascending.",
						items: {
							type: "number"
						}
					}
				}
			},
			texts: {
				type: "array",
				description: "The text ids, sorted (by UTF-16 code units); a number read as text (a quoted JSON string) is a text id.",
				items: {
					type: "string"
				}
			}
		}
	},
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
	$schema: $schema$2,
	$id: $id$2,
	title: title$2,
	description: description$2,
	type: type$2,
	required: required$2,
	additionalProperties: additionalProperties$2,
	properties: properties$2,
	$defs: $defs$1
};

var $schema$1 = "https://json-schema.org/draft/2020-12/schema";
var $id$1 = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/profile-state.schema.json";
var title$1 = "ml-gate profile state (one shard)";
var description$1 = "Written by `ml-gate profile --shard K/N --json`: the mergeable column profiles of one shard's part of the input. `ml-gate merge` joins the states of all N shards into the `ml-gate/profile@1` document a single run writes.";
var type$1 = "object";
var required$1 = [
	"schema",
	"input",
	"format",
	"shard",
	"top",
	"pieces"
];
var additionalProperties$1 = false;
var properties$1 = {
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
	$schema: $schema$1,
	$id: $id$1,
	title: title$1,
	description: description$1,
	type: type$1,
	required: required$1,
	additionalProperties: additionalProperties$1,
	properties: properties$1
};

var $schema = "https://json-schema.org/draft/2020-12/schema";
var $id = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/validation-state.schema.json";
var title = "ml-gate validation state (one shard)";
var description = "Written by `ml-gate validate --shard K/N --json`: the mergeable checks and drift samples of one shard's part of the data and of the reference. `ml-gate merge` joins the states of all N shards into the `ml-gate/validation@1` document a single run writes.";
var type = "object";
var additionalProperties = false;
var required = [
	"schema",
	"input",
	"reference",
	"shard",
	"settings",
	"format",
	"unit",
	"columns",
	"pieces",
	"reference_pieces"
];
var properties = {
	schema: {
		"const": "ml-gate/validation-state@1",
		description: "The document's kind and version."
	},
	input: {
		type: "string",
		maxLength: 4096,
		description: "The data file (split by bytes) or glob (split by file) given to every shard."
	},
	reference: {
		type: [
			"string",
			"null"
		],
		maxLength: 4096,
		description: "The reference file or glob given to every shard, or null without one."
	},
	shard: {
		type: "object",
		description: "Which shard this is.",
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
				description: "How the data is split. files: every Nth file of the sorted list; bytes: a byte range of one CSV or JSON Lines file, aligned to record boundaries."
			}
		}
	},
	settings: {
		type: "object",
		description: "What every shard of one merge must share.",
		required: [
			"contract",
			"contract_sha256",
			"drift_method",
			"drift",
			"correction",
			"seed",
			"fail_on",
			"read"
		],
		additionalProperties: false,
		properties: {
			contract: {
				type: [
					"string",
					"null"
				],
				maxLength: 4096,
				description: "The contract's path, or null without one."
			},
			contract_sha256: {
				type: [
					"string",
					"null"
				],
				pattern: "^[0-9a-f]{64}$",
				description: "Hex sha256 of the contract file's bytes: the merge reads the contract again and refuses another."
			},
			drift_method: {
				"enum": [
					"auto",
					"ks",
					"chi2",
					"z",
					"wasserstein",
					"jensen_shannon",
					"psi",
					null
				],
				description: "--drift-method, or null for the contract's."
			},
			drift: {
				oneOf: [
					{
						type: "null"
					},
					{
						type: "object",
						description: "Drift settings under the columns' own and over the contract's.",
						required: [
						],
						additionalProperties: false,
						properties: {
							method: {
								type: "string",
								description: "The drift method."
							},
							threshold: {
								type: "number",
								description: "The drift threshold."
							}
						}
					}
				],
				description: "Drift settings from ml-gate.yml's data[].drift, or null."
			},
			correction: {
				"enum": [
					"holm",
					"bh",
					"none"
				],
				description: "Across the drift tests of the columns."
			},
			seed: {
				type: "integer",
				minimum: 0,
				description: "Seed of the drift reservoirs' row keys."
			},
			fail_on: {
				"enum": [
					"error",
					"warn",
					"never"
				],
				description: "The policy the merged document is judged under."
			},
			read: {
				type: "object",
				description: "The read options that change the rows.",
				required: [
					"format",
					"delimiter",
					"missing"
				],
				additionalProperties: false,
				properties: {
					format: {
						"enum": [
							"csv",
							"jsonl",
							"json",
							"parquet",
							null
						],
						description: "--format, or null to detect it."
					},
					delimiter: {
						type: [
							"string",
							"null"
						],
						description: "--delimiter, or null to detect it."
					},
					missing: {
						type: [
							"array",
							"null"
						],
						items: {
							type: "string"
						},
						description: "--missing tokens, or null for the default ones."
					}
				}
			}
		}
	},
	format: {
		"enum": [
			"csv",
			"jsonl",
			"json",
			"parquet"
		],
		description: "The data's format."
	},
	unit: {
		"enum": [
			"line",
			"row"
		],
		description: "What line in examples means: a line of the file (CSV, JSON Lines) or a 1-based row number (JSON arrays, Parquet)."
	},
	columns: {
		type: "array",
		items: {
			type: "string"
		},
		description: "The header of the data's first file, which every file has."
	},
	pieces: {
		type: "array",
		items: {
			type: "object",
			description: "A piece of the data: a file, or a byte range of one.",
			required: [
				"file",
				"file_index",
				"range",
				"rows",
				"checks",
				"drift"
			],
			additionalProperties: false,
			properties: {
				file: {
					type: "string",
					maxLength: 4096,
					description: "The file read."
				},
				file_index: {
					type: "integer",
					minimum: 0,
					description: "The file's position in the sorted list of the input's files."
				},
				range: {
					oneOf: [
						{
							type: "null"
						},
						{
							type: "object",
							description: "The byte range read.",
							required: [
								"start",
								"end",
								"line"
							],
							additionalProperties: false,
							properties: {
								start: {
									type: "integer",
									minimum: 0,
									description: "First byte."
								},
								end: {
									type: "integer",
									minimum: 0,
									description: "Byte after the last."
								},
								line: {
									type: "integer",
									minimum: 1,
									description: "Line of the range's first record."
								}
							}
						}
					],
					description: "The byte range of the file read (split by bytes), or null for the whole file."
				},
				rows: {
					type: "integer",
					minimum: 0,
					description: "Rows read."
				},
				checks: {
					oneOf: [
						{
							type: "null"
						},
						{
							type: "object",
							description: "The checks of a YAML contract.",
							required: [
								"kind",
								"rows",
								"columns"
							],
							additionalProperties: false,
							properties: {
								kind: {
									"const": "contract",
									description: "A YAML contract."
								},
								rows: {
									type: "integer",
									minimum: 0,
									description: "Rows the piece has."
								},
								columns: {
									type: "array",
									items: {
										type: "object",
										description: "One contract column's checks in the piece.",
										required: [
											"column",
											"rows",
											"missing",
											"rules",
											"unique"
										],
										additionalProperties: false,
										properties: {
											column: {
												type: "string",
												description: "The column."
											},
											rows: {
												type: "integer",
												minimum: 0,
												description: "Rows the piece has."
											},
											missing: {
												$ref: "#/$defs/tally",
												description: "Missing values (for nullable and max_missing)."
											},
											rules: {
												type: "array",
												items: {
													$ref: "#/$defs/tally"
												},
												description: "One per value rule of the column's contract (type, min, max, in, pattern, min_length, max_length, in that order)."
											},
											unique: {
												oneOf: [
													{
														type: "null"
													},
													{
														type: "object",
														description: "unique: true only.",
														required: [
															"duplicates",
															"keys",
															"lines"
														],
														additionalProperties: false,
														properties: {
															duplicates: {
																$ref: "#/$defs/tally",
																description: "Values that repeat one earlier in the piece."
															},
															keys: {
																type: "array",
																items: {
																	type: "string"
																},
																description: "Each distinct value of the piece as kind:text (kind 1 integer, 2 decimal, 3 boolean, 4 string), in the order first seen; the merge counts a value first seen here that an earlier piece had as a duplicate, at its line."
															},
															lines: {
																type: "array",
																items: {
																	type: "integer",
																	minimum: 1
																},
																description: "The line each of keys was first seen on."
															}
														}
													}
												],
												description: "null without unique: true."
											}
										}
									},
									description: "The contract's columns that the header has, in contract order."
								}
							}
						},
						{
							type: "object",
							description: "The checks of a JSON Schema contract.",
							required: [
								"kind",
								"rows",
								"tallies"
							],
							additionalProperties: false,
							properties: {
								kind: {
									"const": "record_schema",
									description: "A JSON Schema contract."
								},
								rows: {
									type: "integer",
									minimum: 0,
									description: "Rows the piece has."
								},
								tallies: {
									type: "array",
									items: {
										type: "object",
										description: "A keyword's failures.",
										required: [
											"column",
											"check",
											"expected",
											"failures",
											"examples"
										],
										additionalProperties: false,
										properties: {
											column: {
												type: [
													"string",
													"null"
												],
												description: "The column, or null for the whole record."
											},
											check: {
												type: "string",
												description: "The contract check the keyword corresponds to (schema for the others)."
											},
											expected: {
												type: "string",
												description: "What was expected, in words."
											},
											failures: {
												type: "integer",
												minimum: 0,
												description: "All failures in the piece."
											},
											examples: {
												type: "array",
												maxItems: 20,
												items: {
													$ref: "#/$defs/example"
												},
												description: "The piece's first failures (at most 20), in file order."
											}
										}
									},
									description: "Each failing keyword of each column, in the order first failed."
								}
							}
						}
					],
					description: "The contract's checks, or null without a contract."
				},
				drift: {
					type: "array",
					items: {
						$ref: "#/$defs/collector"
					},
					description: "One per drift column (the contract's columns present on both sides, without drift: false or unique: true)."
				}
			}
		},
		description: "What the shard read of the data: one per file (split by file), or its byte range (split by bytes)."
	},
	reference_pieces: {
		type: "array",
		items: {
			type: "object",
			description: "A piece of the reference: a file, or a byte range of one.",
			required: [
				"file",
				"file_index",
				"range",
				"rows",
				"drift"
			],
			additionalProperties: false,
			properties: {
				file: {
					type: "string",
					maxLength: 4096,
					description: "The file read."
				},
				file_index: {
					type: "integer",
					minimum: 0,
					description: "The file's position in the sorted list of the input's files."
				},
				range: {
					oneOf: [
						{
							type: "null"
						},
						{
							type: "object",
							description: "The byte range read.",
							required: [
								"start",
								"end",
								"line"
							],
							additionalProperties: false,
							properties: {
								start: {
									type: "integer",
									minimum: 0,
									description: "First byte."
								},
								end: {
									type: "integer",
									minimum: 0,
									description: "Byte after the last."
								},
								line: {
									type: "integer",
									minimum: 1,
									description: "Line of the range's first record."
								}
							}
						}
					],
					description: "The byte range of the file read (split by bytes), or null for the whole file."
				},
				rows: {
					type: "integer",
					minimum: 0,
					description: "Rows read."
				},
				drift: {
					type: "array",
					items: {
						$ref: "#/$defs/collector"
					},
					description: "One per drift column (the contract's columns present on both sides, without drift: false or unique: true)."
				}
			}
		},
		description: "What the shard read of the reference, split as the data is but independently (one file that bytes cannot split is read by shard 1)."
	}
};
var $defs = {
	example: {
		type: "object",
		required: [
			"line",
			"value"
		],
		additionalProperties: false,
		description: "A failure: the line (or row) it is on in its piece's file, and the value.",
		properties: {
			line: {
				type: "integer",
				minimum: 1,
				description: "The line of the file (CSV, JSON Lines) or 1-based row number (JSON arrays, Parquet)."
			},
			value: {
				type: [
					"string",
					"number",
					"boolean",
					"null"
				],
				description: "The value that failed (null for a missing one)."
			}
		}
	},
	tally: {
		type: "object",
		description: "One check's failures in the piece.",
		required: [
			"failures",
			"examples"
		],
		additionalProperties: false,
		properties: {
			failures: {
				type: "integer",
				minimum: 0,
				description: "All failures in the piece."
			},
			examples: {
				type: "array",
				maxItems: 20,
				items: {
					$ref: "#/$defs/example"
				},
				description: "The piece's first failures (at most 20), in file order."
			}
		}
	},
	collector: {
		type: "object",
		description: "What drift needs of one column of the piece.",
		required: [
			"column",
			"collector"
		],
		additionalProperties: false,
		properties: {
			column: {
				type: "string",
				description: "The drift column."
			},
			collector: {
				type: "object",
				description: "The column's drift collector.",
				required: [
					"numbers",
					"trues",
					"booleans",
					"others",
					"reservoir",
					"categories"
				],
				additionalProperties: false,
				properties: {
					numbers: {
						type: "integer",
						minimum: 0,
						description: "Numeric values."
					},
					trues: {
						type: "integer",
						minimum: 0,
						description: "true values."
					},
					booleans: {
						type: "integer",
						minimum: 0,
						description: "Boolean values."
					},
					others: {
						type: "integer",
						minimum: 0,
						description: "Other values (counted as categories)."
					},
					reservoir: {
						type: "object",
						description: "The bottom-k reservoir of the numbers: the values of the smallest hash(seed, row key); merges exactly.",
						required: [
							"capacity",
							"seed",
							"seen",
							"rowKeys",
							"values"
						],
						additionalProperties: false,
						properties: {
							capacity: {
								type: "integer",
								minimum: 1,
								description: "Values kept at most."
							},
							seed: {
								type: "integer",
								minimum: 0,
								description: "Seed of the row keys' hash."
							},
							seen: {
								type: "integer",
								minimum: 0,
								description: "Numbers offered."
							},
							rowKeys: {
								type: "array",
								items: {
									type: "integer",
									minimum: 0
								},
								description: "Each kept value's row key: the file's index · 2^32 + its 0-based row in the file."
							},
							values: {
								type: "array",
								items: {
									type: "number"
								},
								description: "The kept values, in key order."
							}
						}
					},
					categories: {
						type: "object",
						description: "Counts per category, exact for the first max_categories distinct ones.",
						required: [
							"max_categories",
							"values",
							"counts",
							"other"
						],
						additionalProperties: false,
						properties: {
							max_categories: {
								type: "integer",
								minimum: 1,
								description: "Categories counted exactly."
							},
							values: {
								type: "array",
								items: {
									type: "string"
								},
								description: "The categories, in first-seen order."
							},
							counts: {
								type: "array",
								items: {
									type: "number",
									minimum: 0
								},
								description: "The count of each category."
							},
							other: {
								type: "integer",
								minimum: 0,
								description: "Values of categories past the cap."
							}
						}
					}
				}
			}
		}
	}
};
var validationSchema = {
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
 * Distinct ids across the byte ranges of one file: a single run refuses an id that a file repeats
 * (`row-stager.ts`), but each byte shard sees only its own rows, so the merge checks what no shard
 * could: that no two ranges hold the same id. The files of a list are not checked against each
 * other, as a single run over the list does not check them (each file is staged alone).
 */
/**
 * Checks that no id is in two pieces of `pieces` (input order) that carry ids.
 * @throws UserInputError at the later piece's state file, naming the id, both ranges and both state
 *   files, for the first piece holding an id of an earlier one; for ids that cannot be restored
 */
function checkIdsAcrossPieces(pieces, column) {
    const seen = new IdSet();
    const withIds = pieces.filter((p) => p.piece.ids !== null);
    for (const [at, later] of withIds.entries()) {
        const ids = restoredIds(later);
        const shared = seen.shared(ids);
        if (shared === null) {
            seen.addAll(ids);
            continue;
        }
        // Found again in one earlier piece: once, on the way to the error.
        const earlier = withIds.slice(0, at).find((p) => restoredIds(p).shared(ids) !== null);
        const more = shared.count === 1 ? '' : ` (and ${shared.count - 1} more ids of this range)`;
        throw new UserInputError(`the id column '${column}' repeats the id ${JSON.stringify(shared.id)}${more} across shards: ` +
            `${describe(later)} and ${describe(earlier)} both hold it; ${DISTINCT_IDS}. ` +
            `The states keep no lines: a single run over ${later.piece.file} names both`, { file: later.path });
    }
}
function restoredIds({ path, piece }) {
    try {
        return IdSet.fromState(piece.ids);
    }
    catch (error) {
        throw new UserInputError(`${error.message}; expected a state written by ml-gate`, {
            file: path
        });
    }
}
function describe({ path, piece }) {
    const range = piece.range;
    const where = range === null ? '' : ` bytes ${range.start}-${range.end} (from line ${range.line})`;
    return `${piece.file}${where} (${path})`;
}

/**
 * The merge step: the state documents of the N shards of one input (`--shard K/N`) to the document
 * a single run writes, dispatched on the states' `schema`. Shared by `ml-gate merge` and the merge
 * action.
 */
const EVALUATION_STATE = documentKind(schema, 'from `ml-gate evaluate --shard K/N --json`');
const PROFILE_STATE = documentKind(profileSchema, 'from `ml-gate profile --shard K/N --json`');
const VALIDATION_STATE = documentKind(validationSchema, 'from `ml-gate validate --shard K/N --json`');
/**
 * Merges the state documents at `paths`: every shard 1…N of one input, of one kind (evaluation,
 * profile or validation states), made with the same settings, each given once (in any order).
 * @throws UserInputError naming the file for an unreadable or invalid state, a state of another
 *   kind, settings, input or shard count than the first, a shard missing or given twice, no rows, or
 *   (with weights) no row of positive weight; for an id in two byte ranges (`piece-ids.ts`)
 */
async function mergeStep(paths) {
    if (paths.length === 0)
        throw new UserInputError('ml-gate merge: expected the state files of every shard');
    const texts = [];
    for (const path of paths)
        texts.push({ path, state: await readText(path) });
    const [first] = texts;
    const value = parseJson(first.state, first.path, 'a state document');
    const named = typeof value === 'object' && value !== null && 'schema' in value ? value.schema : undefined;
    if (named === VALIDATION_STATE.name) {
        const states = texts.map(({ path, state }) => ({
            path,
            state: parseDocument(state, path, VALIDATION_STATE)
        }));
        return mergeValidationStates(states);
    }
    if (named === PROFILE_STATE.name) {
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
    const classes = mergedClasses(states.map((s) => s.state));
    const pieces = inOrder(states);
    if (settings.model.id !== undefined)
        checkIdsAcrossPieces(pieces, settings.model.id);
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
/** The settings, reference and header of a validation state, by name, to tell what differs. */
function validationSettings(state) {
    return { reference: state.reference, ...state.settings, columns: state.columns };
}
async function mergeValidationStates(states) {
    const [first] = states;
    const expected = validationSettings(first.state);
    checkShards(states, ({ path, state }) => {
        const mine = validationSettings(state);
        const differences = Object.keys(expected)
            .filter((key) => JSON.stringify(mine[key]) !== JSON.stringify(expected[key]))
            .map((key) => `${key}: this state ${JSON.stringify(mine[key])}, the first ${JSON.stringify(expected[key])}`);
        if (differences.length > 0) {
            throw new UserInputError(`validated with other settings than ${first.path}: ${differences.join(', ')}; expected every shard validated alike`, { file: path });
        }
    });
    const { settings, reference } = first.state;
    const contract = settings.contract === null ? undefined : await sameContract(settings.contract, settings.contract_sha256);
    const pieces = inOrder(states);
    if (pieces.length === 0)
        throw new UserInputError('no shard read a file', { file: first.state.input });
    const byFiles = first.state.shard.by === 'files';
    const { format, unit, columns } = first.state;
    const header = { file: pieces[0].piece.file, format, unit, columns };
    const validation = new DataValidation(contract, header, reference !== null, settings.seed, true);
    for (const { path, piece } of pieces) {
        restored(path, () => validation.merge(piece, byFiles ? piece.file : undefined));
    }
    let sample = null;
    if (reference !== null) {
        const referencePieces = inOrder(states.map(({ path, state }) => ({ path, state: { pieces: state.reference_pieces } })));
        if (referencePieces.length === 0)
            throw new UserInputError('no shard read the reference', { file: reference });
        const merged = validation.reference(referencePieces[0].piece.drift.map((d) => d.column));
        for (const { path, piece } of referencePieces)
            restored(path, () => merged.merge(piece.drift));
        sample = { file: reference, sample: merged };
    }
    const files = pieces.map(({ piece }) => ({ file: piece.file, rows: piece.rows }));
    const document = validation.document(sample, {
        method: settings.drift_method ?? undefined,
        settings: settings.drift ?? undefined,
        correction: settings.correction
    }, settings.fail_on, byFiles ? { file: first.state.input, files } : undefined);
    return {
        kind: 'validation',
        document,
        stated: shardsStated(first.state.shard.count, pieces.length, document.rows)
    };
}
/**
 * The contract the shards were validated with, read again.
 * @throws UserInputError when its bytes are not those the shards hashed
 */
async function sameContract(file, digest) {
    const now = await contractDigest(file);
    if (now !== digest) {
        throw new UserInputError(`the contract's sha256 is ${now}, but the shards were validated with ${digest}: ` +
            'expected the contract the shards were validated with', { file });
    }
    return loadContract(file);
}

const usage = `Usage: ml-gate merge STATE... [--json OUT]

Merges the state documents of every shard of one input into the document a single run writes:
ml-gate/evaluation-state@1 ('ml-gate evaluate --shard K/N --json STATE') into ml-gate/evaluation@1,
ml-gate/profile-state@1 ('ml-gate profile --shard K/N --json STATE') into ml-gate/profile@1,
ml-gate/validation-state@1 ('ml-gate validate --shard K/N --json STATE') into ml-gate/validation@1
(see the README's "Scale" section for what is bit for bit). A merged validation exits as
'ml-gate validate' would: 1 when it fails under its fail_on.

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
            : merged.kind === 'validation'
                ? renderValidationText(merged.document)
                : renderProfileText(merged.document);
        if (values.json !== '-')
            console.stdout(logText(`${merged.stated}\n${text}`));
        if (values.json !== undefined)
            await writeJson(values.json, merged.document, console);
        // A validation exits as `ml-gate validate` would have: 1 when it fails under its fail_on.
        return merged.kind === 'validation'
            ? validationExitCode(merged.document, merged.document.fail_on ?? 'error')
            : ExitCode.Pass;
    }
};

export { mergeCommand };
