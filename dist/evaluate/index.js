import * as os from 'os';
import os__default, { EOL } from 'os';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { promises, constants } from 'fs';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { E as ExitCode$1, U as UserInputError } from './chunks/errors.js';
import { isMainThread, workerData } from 'node:worker_threads';
import { r as rememberThreadScript, f as fmix32, s as sortNumbers, d as describeMetric, e as encode, m as medianRanks, M as MAX_Z, B as BUCKETS, o as openTable, a as resolveColumns, b as stageBlocks, c as BinaryAccumulator, g as MulticlassAccumulator, R as RegressionAccumulator, W as WIDTH, h as WIDTH$1, i as RowDigest } from './chunks/staging-thread.js';
import { join, dirname } from 'node:path';
import { v as validateBins, s as segmentFamilies, O as OVERALL, c as compareSegments } from './chunks/suggest.js';
import { r as rangeText, s as schema, o as outsideWorkspace } from './chunks/workspace.js';
import { K as Kind } from './chunks/json-depth.js';
import { readdir as readdir$1, stat as stat$1, mkdir as mkdir$1, writeFile as writeFile$1 } from 'node:fs/promises';
import 'node:buffer';
import 'process';
import 'buffer';
import 'node:stream';
import 'node:zlib';

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, constants.R_OK | constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
process.platform === 'win32';
fs.constants.O_RDONLY;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
process.platform === 'win32';

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
os__default.platform();
os__default.arch();

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

/**
 * Worker threads start from the script of the bundle that runs (the CLI or an action), which then
 * serves them instead of running its own main: each dist/ folder stays self-contained and nothing
 * is loaded twice by name. Where ml-gate runs from its sources (the tests), there is no script and
 * everything runs on the main thread.
 */
/**
 * An entry point: on the main thread, remembers the entry's script (`import.meta.url`) and runs
 * `main`; on a worker thread started from that script, does the thread's work.
 */
async function runEntry(url, main) {
    if (isMainThread) {
        rememberThreadScript(new URL(url));
        await main();
        return;
    }
    const { serveThread } = await import('./chunks/staging-thread.js').then(function (n) { return n.j; });
    await serveThread(workerData);
}

/**
 * An action's entry module: `export const run = await actionEntry(import.meta.url, body)`. Started
 * as a script (a runner's `node dist/<name>/index.js`, or a worker thread started from it: see
 * `runEntry`), it runs at once; imported, as GitHub's `@github/local-action` imports it, it only
 * returns `run` for the importer to call.
 */
async function actionEntry(url, body) {
    const run = () => runEntry(url, () => runAction(body));
    if (isEntryPoint(url))
        await run();
    return run;
}
/** Whether the module at `url` is the script node was started with (`process.argv[1]`). */
function isEntryPoint(url) {
    const script = process.argv[1];
    if (script === undefined)
        return false;
    try {
        return realpathSync(script) === realpathSync(fileURLToPath(url));
    }
    catch {
        return false; // a script path that does not exist (node -e, a REPL): not this module
    }
}
/**
 * Runs one action's body and turns its outcome into the job's result. The one place per action
 * where errors become messages:
 *
 * - `ExitCode.Pass`: nothing more to say;
 * - `ExitCode.GateFailed`: the step fails with `failure` as its message (a result, not an error);
 * - a `UserInputError`: one error annotation, at the file and line when there is one, and exit
 *   code 2;
 * - anything else is a bug in ml-gate: reported with its stack so it can be filed.
 */
async function runAction(body) {
    try {
        const { code, failure } = await body();
        if (code === ExitCode$1.GateFailed)
            setFailed(failure ?? 'ml-gate: the gate failed');
    }
    catch (error$1) {
        if (error$1 instanceof UserInputError) {
            // One annotation, placed at the file and line when known; exit code 2, not setFailed's 1.
            const where = error$1.location;
            error(`ml-gate: ${error$1.format()}`, {
                title: 'ml-gate: bad input',
                file: where?.file,
                startLine: where?.line,
                startColumn: where?.column
            });
            process.exitCode = ExitCode$1.BadInput;
            return;
        }
        setFailed(`ml-gate crashed; please report this: ${error$1 instanceof Error ? error$1.stack : String(error$1)}`);
    }
}

// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {};
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = [];
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = [];
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = [];
  /** @type {Array<number>} */
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = [];
    /** @type {Array<number>} */
    const sizes = [];
    let columnIndex = -1;

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex]);

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes[columnIndex] = size;

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size;
        }
      }

      row.push(cell);
    }

    cellMatrix[rowIndex] = row;
    sizeMatrix[rowIndex] = sizes;
  }

  // Figure out which alignments to use.
  let columnIndex = -1;

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }

  // Inject the alignment row.
  columnIndex = -1;
  /** @type {Array<string>} */
  const row = [];
  /** @type {Array<number>} */
  const sizes = [];

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = '';
    let after = '';

    if (code === 99 /* `c` */) {
      before = ':';
      after = ':';
    } else if (code === 108 /* `l` */) {
      before = ':';
    } else if (code === 114 /* `r` */) {
      after = ':';
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          );

    const cell = before + '-'.repeat(size) + after;

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }

      sizes[columnIndex] = size;
    }

    row[columnIndex] = cell;
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);

  rowIndex = -1;
  /** @type {Array<string>} */
  const lines = [];

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex];
    const sizes = sizeMatrix[rowIndex];
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow;
    columnIndex = -1;
    /** @type {Array<string>} */
    const line = [];

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || '';
      let before = '';
      let after = '';

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0);
        const code = alignments[columnIndex];

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size);
        } else if (code === 99 /* `c` */) {
          const half = size / 2;

          if (size % 2) {
            before = ' '.repeat(half + 0.5);
            after = ' '.repeat(half - 0.5);
          } else {
            before = ' '.repeat(half);
            after = before;
          }
        } else {
          after = ' '.repeat(size);
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|');
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ');
      }

      if (settings.alignDelimiters !== false) {
        line.push(before);
      }

      line.push(cell);

      if (settings.alignDelimiters !== false) {
        line.push(after);
      }

      if (settings.padding !== false) {
        line.push(' ');
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|');
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    );
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

/**
 * Text that came from data, config or an untrusted result document (column names, category
 * values, file names, reasons) made safe for GitHub-flavoured markdown and HTML: it shows as the
 * same text, and cannot break a table, start a heading or list, mention someone, reference an
 * issue, link, open an HTML tag or comment (our own comment marker included), or reorder or hide
 * text with control characters.
 *
 * Backslash escapes and entities are not enough on GitHub: mentions (`@octocat`), issue
 * references (`#12`, `GH-12`) and autolinks (`www.x.com`, `https://x`) are found in the text
 * *after* markdown is rendered, when `\#` and `&#64;` have become `#` and `@` again. So a zero-width
 * joiner (U+200D) goes right after `@` and `#`, inside `GH-`, `www.` and `://`: the text reads the
 * same, and no pattern of GitHub's (or any GFM renderer's) matches across it.
 *
 * Every such string goes through `escapeMarkdown` before it reaches a report; tests render hostile
 * strings through every report with a real GFM renderer (micromark).
 *
 * @example escapeMarkdown('a|b <b> @octocat *x*') // 'a&#124;b &lt;b&gt; @\u200doctocat \\*x\\*'
 */
function escapeMarkdown(text) {
    // Backslash escapes first, joiners next, entities last: the entities contain `#`, which must
    // stay as it is.
    return plainText(text)
        .replace(/[\\`*_{}[\]()#+\-!~=:]/g, '\\$&')
        .replace(/[@#]/g, `$&${JOINER}`)
        .replace(/(gh)(\\-)/gi, `$1${JOINER}$2`)
        .replace(/(www)(\.)/gi, `$1${JOINER}$2`)
        .replace(/\\:(?=\/\/)/g, `\\:${JOINER}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '&#124;');
}
/** U+200D ZERO WIDTH JOINER: invisible, kept by GitHub, and no word character. */
const JOINER = '\u200d';
/**
 * C0 and C1 controls (tab and line breaks become spaces), DEL, bidirectional overrides, embeddings
 * and isolates (U+202A–U+202E, U+2066–U+2069), directional marks, line and paragraph separators,
 * the byte-order mark and interlinear annotations: they can hide or reorder text
 * ("Trojan Source"), or end a line where we do not.
 */
const CONTROLS = 
// eslint-disable-next-line no-control-regex -- finding control characters is the point
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
const LINE_BREAKS = /\r\n|[\t\n\r\u2028\u2029]/g;
/**
 * Data text for plain-text places (annotations, log lines, check-run titles): line breaks and tabs
 * become spaces, every other control or bidirectional character becomes U+FFFD (�), visibly.
 *
 * @example plainText('a\u202eb\nc') // 'a�b c'
 */
function plainText(text) {
    return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '\ufffd');
}

/**
 * Numbers for people: integers in full, other values to `digits` significant digits without
 * trailing zeros or exponent noise for everyday magnitudes. `null` reads as an em dash.
 *
 * @example formatNumber(0.83019639) // '0.830196'
 * @example formatNumber(12345678.9) // '1.23457e+7'
 */
function formatNumber(value, digits = 6) {
    if (value === null)
        return '—';
    // Documents are schema-checked when read; should a value that is no number slip through
    // anyway, it is shown as the data text it is, escaped.
    if (typeof value !== 'number')
        return escapeMarkdown(String(value));
    if (Number.isInteger(value) && Math.abs(value) < 1e15)
        return String(value);
    const magnitude = Math.abs(value);
    if (magnitude !== 0 && (magnitude >= 10 ** digits || magnitude < 1e-4)) {
        return value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
    }
    return String(Number(value.toPrecision(digits)));
}

/** The metrics shown per task on a terminal; the JSON document has them all. */
const HEADLINE_METRICS = {
    binary: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'brier'],
    multiclass: ['accuracy', 'macro_f1', 'weighted_f1', 'log_loss'],
    regression: ['mae', 'rmse', 'r2', 'mape']
};
function cell(metric) {
    if (metric === undefined || metric.value === null)
        return '—';
    const value = formatNumber(metric.value, 4);
    return metric.ci === null
        ? value
        : `${value} [${formatNumber(metric.ci[0], 3)}, ${formatNumber(metric.ci[1], 3)}]`;
}
function rows(document, names, key) {
    return document.segments.map((s) => [
        key(s.key) + (s.insufficient ? ' *' : ''),
        String(s.n),
        ...names.map((name) => cell(s.metrics[name]))
    ]);
}
function footnote(document) {
    const insufficient = document.segments.filter((s) => s.insufficient).length;
    if (insufficient === 0)
        return '';
    return `* ${insufficient} segment${insufficient === 1 ? '' : 's'} below min_support (${document.settings.min_support} rows): reported, not gated\n`;
}
/** The same table as markdown, for the job summary; segment keys come from data and are escaped. */
function renderEvaluationMarkdown(document) {
    const names = HEADLINE_METRICS[document.task];
    const level = Math.round(document.settings.confidence * 100);
    return [
        `### Evaluation: ${escapeMarkdown(document.file)}`,
        '',
        `${document.rows} rows, ${document.task}; values with ${level}% confidence intervals.`,
        '',
        markdownTable([['segment', 'n', ...names], ...rows(document, names, escapeMarkdown)], {
            align: ['l', 'r', ...names.map(() => 'r')]
        }),
        '',
        footnote(document)
    ].join('\n');
}

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

/**
 * The bounds of the evaluation settings, read from schemas/config.schema.json, so that the
 * config (checked against the schema), the CLI's flags and the evaluate action's inputs accept
 * exactly the same values and say so in the same words. Past them the numbers stop meaning
 * anything: a confidence whose critical value overflows, more replicates or a wider seed than the
 * Poisson bootstrap streams take.
 */
const settings = schema.$defs.evaluation.properties;
/** `evaluation.confidence`, `evaluation.bootstrap` and `evaluation.seed` of the config. */
const EVALUATION_BOUNDS = {
    confidence: settings.confidence,
    bootstrap: settings.bootstrap,
    seed: settings.seed
};
/**
 * `text` as a number within `bounds`.
 *
 * @throws UserInputError `--bootstrap: expected an integer >= 100 and <= 100000, got '10000000'`
 */
function parseBounded(flag, text, bounds) {
    const n = Number(text);
    const within = text.trim() !== '' &&
        Number.isFinite(n) &&
        (bounds.type === 'number' || Number.isInteger(n)) &&
        (bounds.minimum === undefined || n >= bounds.minimum) &&
        (bounds.maximum === undefined || n <= bounds.maximum) &&
        (bounds.exclusiveMinimum === undefined || n > bounds.exclusiveMinimum) &&
        (bounds.exclusiveMaximum === undefined || n < bounds.exclusiveMaximum);
    if (!within) {
        throw new UserInputError(`${flag}: expected ${rangeText({ ...bounds })}, got '${text}'`);
    }
    return n;
}

/** Parsers for flag values; each names the flag and says what it expected. */
function parseNumber(flag, text, min = -Infinity, max = Infinity) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
        const range = Number.isFinite(min) ? ` in [${min}, ${max}]` : '';
        throw new UserInputError(`${flag}: expected a number${range}, got '${text}'`);
    }
    return n;
}
function parseInteger(flag, text, min) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < min)
        throw new UserInputError(`${flag}: expected a whole number >= ${min}, got '${text}'`);
    return n;
}

const TASKS = ['binary', 'multiclass', 'regression'];
/**
 * The options by name, with their kind: CLI flags (`--name`, lists repeatable) and action inputs
 * (lists one item per line). The shape is `util.parseArgs`'s.
 */
const EVALUATE_OPTIONS = {
    task: { type: 'string' },
    label: { type: 'string' },
    score: { type: 'string' },
    'score-prefix': { type: 'string' },
    prediction: { type: 'string' },
    positive: { type: 'string' },
    threshold: { type: 'string' },
    weight: { type: 'string' },
    id: { type: 'string' },
    segment: { type: 'string', multiple: true },
    bins: { type: 'string', multiple: true },
    cross: { type: 'string', multiple: true },
    'min-support': { type: 'string' },
    confidence: { type: 'string' },
    bootstrap: { type: 'string' },
    seed: { type: 'string' }
};
/**
 * Settings from text options laid over `base` (from ml-gate.yml, when there is one).
 *
 * @param name how an option is named in messages: `--bins` for the CLI, `input 'bins'` for an action
 * @throws UserInputError naming the option and what it expected
 */
function evaluateSettingsFromOptions(values, base, name) {
    const task = values.task ?? base?.model.task;
    if (task === undefined)
        throw new UserInputError(`${name('task')} is required (binary, multiclass or regression)`);
    if (!TASKS.includes(task)) {
        throw new UserInputError(`${name('task')}: expected one of ${TASKS.join(', ')}, got '${task}'`);
    }
    const label = values.label ?? base?.model.label;
    if (label === undefined)
        throw new UserInputError(`${name('label')} is required: the column holding the true label`);
    const m = base?.model;
    // Null prototype: `--bins __proto__=…` is a column like any other, not the object's prototype.
    const bins = Object.assign(Object.create(null), base?.segments.bins);
    for (const text of values.bins ?? []) {
        const at = text.indexOf('=');
        if (at <= 0)
            throw new UserInputError(`${name('bins')}: expected COL=e1,e2,..., got '${text}'`);
        const column = text.slice(0, at);
        const edges = text
            .slice(at + 1)
            .split(',')
            .map((e) => parseNumber(name('bins'), e));
        validateBins(column, edges, `${name('bins')} ${column}`);
        bins[column] = edges;
    }
    const option = (key, parse, fallback) => {
        const text = values[key];
        return typeof text === 'string' ? parse(name(key), text) : fallback;
    };
    return {
        model: {
            task: task,
            label,
            score: values.score ?? m?.score,
            score_prefix: values['score-prefix'] ?? m?.score_prefix ?? 'score_',
            prediction: values.prediction ?? m?.prediction,
            positive: values.positive ?? m?.positive ?? 1,
            threshold: option('threshold', (f, t) => parseNumber(f, t, 0, 1), m?.threshold ?? 0.5),
            weight: values.weight ?? m?.weight,
            id: values.id ?? m?.id
        },
        segments: {
            columns: values.segment ?? base?.segments.columns ?? [],
            bins,
            cross: values.cross?.map((c) => c.split(',').map((s) => s.trim())) ?? base?.segments.cross ?? []
        },
        minSupport: option('min-support', (f, t) => parseInteger(f, t, 1), base?.minSupport ?? DEFAULT_MIN_SUPPORT),
        confidence: option('confidence', (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.confidence), base?.confidence ?? 0.95),
        bootstrap: {
            replicates: option('bootstrap', (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.bootstrap), base?.bootstrap.replicates ?? 1000),
            seed: option('seed', (f, t) => parseBounded(f, t, EVALUATION_BOUNDS.seed), base?.bootstrap.seed ?? 42)
        }
    };
}

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
async function evaluatePredictions(file, settings, read = {}, { blockRows = BLOCK_ROWS, thread, only = null, classes: given = null } = {}) {
    const table = await openTable(file, read);
    const model = settings.model;
    const columns = resolveColumns(table, settings);
    const classes = model.task !== 'multiclass'
        ? []
        : columns.probabilities.length > 0
            ? columns.probabilityClasses
            : (given ?? (await discoverClasses(file, read, columns)));
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
    const { rows, labels, ids, thread: spare } = staging;
    try {
        await overlapReplicates(spare, model.task === 'binary' ? ordered : [], () => adder.finish(ordered));
    }
    finally {
        await spare?.close();
    }
    const order = compareSegments(families);
    const sorted = new Map([...segments.values()].sort(order).map((s) => [s.key, s]));
    return { file: table.file, settings, families, classes, rows, labels, ids, segments: sorted };
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
/**
 * Multiclass without probability columns: every label and prediction of `files`, sorted; `null`
 * for another task, or with probability columns (which name the classes).
 */
async function inputClasses(files, settings, read) {
    if (settings.model.task !== 'multiclass')
        return null;
    const found = new Set();
    for (const file of files) {
        const table = await openTable(file, read);
        const columns = resolveColumns(table, settings);
        await table.close();
        if (columns.probabilities.length > 0)
            return null;
        for (const c of await discoverClasses(file, read, columns))
            found.add(c);
    }
    return [...found].sort();
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

/**
 * Shards: `--shard K/N` names the part of the input that one of N jobs reads.
 *
 * - Several files (a glob or a list): shard K reads the files at positions K, K + N, K + 2N, … of
 *   the sorted list (1-based), whole. Any format, gzip included.
 * - One CSV or JSON Lines file: shard K reads the bytes from boundary K − 1 to boundary K, where
 *   boundary k is the first record start at or after byte ⌊k·size/N⌋ (a CSV record whose line ends
 *   the previous record is not blank, so that blank lines travel with the record after them, as a
 *   single run sees them). The shard finds its boundaries by scanning the bytes before its end for
 *   line breaks outside quotes (a quote opens a field only at its start, as `csv-tokenizer.ts`
 *   reads it), which also gives the line its first record is on and the records before it: every
 *   failure names the line a single run names, and every row keeps the bootstrap key it has there.
 *   Gzip data, Parquet and JSON arrays cannot be split by bytes: give them as several files.
 *
 * A row's key without an id column is its position: `fileIndex · 2³² + its 0-based row in the file`,
 * so that the shards of a list of files and a single run over the list key every row alike.
 */
/** The key of row 0 of the file at `index` of the sorted list. */
const FILE_KEY_STRIDE = 2 ** 32;
/** Files in one list: keys stay safe integers (2²¹ · 2³² = 2⁵³). */
const MAX_FILES = 2 ** 21;
/**
 * The part the whole file at `index` of a list of `count` is: only its row keys move.
 * @throws UserInputError for a list of more than MAX_FILES, whose keys would pass 2⁵³
 */
function wholeFilePart(index, count) {
    checkListLength(count);
    return { rowBase: index * FILE_KEY_STRIDE, bytes: null };
}
function checkListLength(count) {
    if (count > MAX_FILES)
        throw new UserInputError(`${count} files: expected at most ${MAX_FILES} in one list`);
}

/**
 * The evaluation of every piece's rows together, as `file`: the pieces' accumulators merged in the
 * order given (their input order, see the module comment). The pieces' accumulators are consumed.
 */
function mergeEvaluations(file, pieces) {
    const [first] = pieces;
    const { settings, families, classes } = first;
    const segments = new Map();
    let rows = 0;
    let labels = null;
    for (const piece of pieces) {
        rows += piece.rows;
        if (piece.labels !== null) {
            const digest = RowDigest.fromState({ ...piece.labels });
            if (labels === null)
                labels = digest;
            else
                labels.merge(digest);
        }
        for (const segment of piece.segments.values()) {
            const into = segments.get(segment.key);
            if (into === undefined)
                segments.set(segment.key, { ...segment });
            else {
                mergeInto(into.metrics, segment.metrics);
                into.rows += segment.rows;
            }
        }
    }
    const order = compareSegments(families);
    const sorted = new Map([...segments.values()].sort(order).map((s) => [s.key, s]));
    if (!sorted.has(OVERALL))
        throw new Error('a piece of an evaluation has no overall segment');
    // The merged pieces' ids were checked to be distinct (`piece-ids.ts`) and are not needed again.
    return {
        file,
        settings,
        families,
        classes,
        rows,
        labels: labels?.toState() ?? null,
        ids: null,
        segments: sorted
    };
}
function mergeInto(into, other) {
    if (into instanceof BinaryAccumulator && other instanceof BinaryAccumulator)
        into.merge(other);
    else if (into instanceof MulticlassAccumulator && other instanceof MulticlassAccumulator)
        into.merge(other);
    else if (into instanceof RegressionAccumulator && other instanceof RegressionAccumulator)
        into.merge(other);
    else
        throw new Error('cannot merge accumulators of different tasks');
}

/**
 * The evaluation of every file of `files` (sorted, at least one: `inputFiles`) as one input named
 * `input`; one file is evaluated exactly as `evaluatePredictions` does.
 */
async function evaluateFiles(input, files, settings, read = {}, options = {}) {
    if (files.length === 1)
        return evaluatePredictions(files[0], settings, read, options);
    const classes = await inputClasses(files, settings, read);
    const pieces = [];
    for (const [index, file] of files.entries()) {
        pieces.push(await evaluatePredictions(file, settings, { ...read, part: wholeFilePart(index, files.length) }, { ...options, classes }));
    }
    return mergeEvaluations(input, pieces);
}

const MAGIC = /[*?[]/;
/** A glob segment as a regular expression: `*` any run within a name, `?` one character, `[..]` a class. */
function segmentPattern(segment) {
    let source = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else if (c === '[') {
            const end = segment.indexOf(']', i + 1);
            if (end < 0)
                source += '\\[';
            else {
                source += `[${segment
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\')}]`;
                i = end;
            }
        }
        else
            source += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
/**
 * The files a path or glob names, sorted. A path without `*`, `?` or `[` is returned as it is
 * (the reader reports it if it does not exist). `**` matches any number of folders. Names that
 * start with a dot are matched only by patterns that start with one.
 *
 * @example expandGlob('data/*.csv') // ['data/holdout.csv', 'data/train.csv']
 */
async function expandGlob(pattern) {
    if (!MAGIC.test(pattern))
        return [pattern];
    const absolute = pattern.startsWith('/');
    const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
    const matches = [];
    async function walk(dir, index) {
        if (index === segments.length) {
            // Literal segments after a wildcard were appended unchecked: keep only files that exist.
            if (await isFile(dir))
                matches.push(dir);
            return;
        }
        const segment = segments[index];
        if (!MAGIC.test(segment))
            return walk(dir === '' ? segment : join(dir, segment), index + 1);
        let entries;
        try {
            entries = await readdir$1(dir === '' ? '.' : dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        const last = index === segments.length - 1;
        if (segment === '**') {
            await walk(dir, index + 1);
            for (const e of entries)
                if (e.isDirectory() && !e.name.startsWith('.'))
                    await walk(join(dir, e.name), index);
            return;
        }
        const regex = segmentPattern(segment);
        for (const e of entries) {
            if (e.name.startsWith('.') && !segment.startsWith('.'))
                continue;
            if (!regex.test(e.name))
                continue;
            if (last ? e.isFile() : e.isDirectory())
                await walk(join(dir, e.name), index + 1);
        }
    }
    await walk(absolute ? '/' : '', absolute ? 1 : 0);
    return [...new Set(matches)].sort();
}
/**
 * The files a path or glob names; a glob matching nothing: the path itself, so the reader reports
 * it as not found.
 */
async function inputFiles(input) {
    const files = await expandGlob(input);
    return files.length > 0 ? files : [input];
}
async function isFile(path) {
    try {
        return (await stat$1(path)).isFile();
    }
    catch {
        return false;
    }
}

/** A result document as written: pretty JSON and a final newline. */
function documentText(document) {
    return `${JSON.stringify(document, null, 2)}\n`;
}
/**
 * Writes text to a file, creating its folder.
 * @throws UserInputError `cannot write out/x.json: EACCES`
 */
async function writeTextFile(path, text) {
    try {
        await mkdir$1(dirname(path), { recursive: true });
        await writeFile$1(path, text);
    }
    catch (error) {
        throw new UserInputError(`cannot write ${path}: ${error.code ?? String(error)}`);
    }
}
/** Writes a result document to a file (see `documentText`, `writeTextFile`). */
async function writeDocument(path, document) {
    await writeTextFile(path, documentText(document));
}

/**
 * The evaluate step: a predictions file to an `ml-gate/evaluation@1` document, with the settings
 * of ml-gate.yml (when given) under those written as options. Shared by `ml-gate evaluate` and the
 * evaluate action.
 */
async function evaluateStep(request) {
    const { predictions, settings } = await resolveRequest(request);
    const files = await inputFiles(predictions);
    const document = evaluationDocument(await evaluateFiles(predictions, files, settings, request.read));
    if (request.results === undefined)
        return { document, path: null };
    const path = join(request.results.dir, `evaluation-${request.results.name}.json`);
    await writeDocument(path, document);
    return { document, path };
}
async function resolveRequest(request) {
    // The config loader (the YAML parser and ajv) is loaded only when there is a config to read.
    const config = request.config === undefined
        ? undefined
        : (await (await import('./chunks/load.js')).loadConfig(request.config, { workspace: request.workspace })).config;
    const base = config?.model ? evaluateSettingsFromConfig(config) : undefined;
    const predictions = request.predictions ?? config?.model?.predictions;
    if (predictions === undefined)
        throw new UserInputError(request.noPredictions);
    return { predictions, settings: evaluateSettingsFromOptions(request.options, base, request.optionName) };
}

/**
 * The names the steps give their result documents in the results folder. Apart from the loader
 * (`report/result-files.ts`), so that an action's inputs can name the default folder without
 * loading ajv and the schemas: an action with a bad input stops before that cost.
 */
const RESULT_FILES = {
    folder: 'ml-gate-results'};
/**
 * A name that may name a result file (a candidate's, an evaluation's): letters, digits, `.`, `_`
 * and `-`, so that it stays a file name inside the results folder.
 */
const RESULT_NAME = /^[A-Za-z0-9._-]+$/;

function input(name, fallback) {
    return fallback === undefined ? { name } : { name, default: fallback };
}
/** The input every action has that lifts the workspace confinement of paths. */
const ALLOW_OUTSIDE_WORKSPACE = input('allow-outside-workspace', 'false');
function getString(spec) {
    const value = getInput(spec.name, { });
    if (value !== '')
        return value;
    if (spec.required)
        throw new UserInputError(`input '${spec.name}' is required and was not supplied`);
    // An expression default has no value outside the runner, which would have put it in the input.
    return spec.default?.includes('${{') ? undefined : spec.default;
}
/**
 * An input that names a result document (`evaluation-<name>.json`): letters, digits, `.`, `-`
 * and `_`, so that it stays a file name inside the results folder.
 * @throws UserInputError naming the input otherwise
 */
function getDocumentName(spec) {
    const name = getString(spec);
    if (!RESULT_NAME.test(name)) {
        throw new UserInputError(`input '${spec.name}': expected letters, digits, '.', '-' or '_', got '${name}'`);
    }
    return name;
}
/** A YAML 1.2 boolean (`true`/`false`, any case); its default when empty. */
function getBoolean(spec) {
    const value = getString(spec);
    if (/^true$/i.test(value))
        return true;
    if (/^false$/i.test(value))
        return false;
    throw new UserInputError(`input '${spec.name}': expected true or false, got '${value}'`);
}
/**
 * A list: one item per line, or also separated by commas unless the items themselves hold commas
 * (`lines: true`, e.g. bins written `Age=18,30,45`). Blank items are dropped.
 */
function getList(spec, options = {}) {
    const value = getString(spec);
    if (value === undefined)
        return [];
    return value
        .split(options.lines ? /\n/ : /[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/**
 * Where this step's paths must stay: `GITHUB_WORKSPACE` (the runner's checkout, also the step's
 * current folder), unless input `allow-outside-workspace` is true.
 */
function getWorkspace() {
    return {
        root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
        allowOutside: getBoolean(ALLOW_OUTSIDE_WORKSPACE)
    };
}
/**
 * `path` (the value of input `name`, or a file it matched) when it lies inside the workspace.
 *
 * @throws UserInputError `input 'config': '../x.yml' resolves to /home/runner/x.yml, outside the
 *   workspace /home/runner/work/repo; set the input 'allow-outside-workspace: true' to allow it`
 */
function confined(name, path, workspace) {
    const outside = outsideWorkspace(path, workspace);
    if (outside !== null) {
        throw new UserInputError(`input '${name}': ${outside}; an action reads and writes only inside the workspace. ` +
            `Set the input '${ALLOW_OUTSIDE_WORKSPACE.name}: true' to allow it`);
    }
    return path;
}
function getPath(spec, workspace) {
    const path = getString(spec);
    return path === undefined ? undefined : confined(spec.name, path, workspace);
}

/** The inputs of actions/evaluate/action.yml with their defaults (test/actions/inputs.test.ts). */
const Inputs = {
    Config: input('config'),
    Predictions: input('predictions'),
    Name: input('name', 'candidate'),
    ResultsDir: input('results-dir', RESULT_FILES.folder),
    Summary: input('summary', 'true')};
/**
 * The evaluation settings share their names with the CLI's flags. None has a default in action.yml:
 * the settings' own (or the config's) apply, as each description says.
 */
const SettingInputs = Object.fromEntries(Object.keys(EVALUATE_OPTIONS).map((name) => [name, input(name)]));
const Outputs = {
    Result: 'result',
    Rows: 'rows',
    Metrics: 'metrics',
    Insufficient: 'insufficient'
};
/** Reads and checks every input once. */
function readEvaluateInputs() {
    const workspace = getWorkspace();
    const options = {};
    for (const [name, spec] of Object.entries(EVALUATE_OPTIONS)) {
        const setting = SettingInputs[name];
        // Items of `bins` and `cross` hold commas themselves: one item per line.
        options[name] =
            'multiple' in spec ? emptyAsUndefined(getList(setting, { lines: true })) : getString(setting);
    }
    const name = getDocumentName(Inputs.Name);
    return {
        workspace,
        config: getPath(Inputs.Config, workspace),
        predictions: getPath(Inputs.Predictions, workspace),
        name,
        options,
        resultsDir: getString(Inputs.ResultsDir),
        summary: getBoolean(Inputs.Summary)
    };
}
function emptyAsUndefined(list) {
    return list.length === 0 ? undefined : list;
}

/** The evaluate action: a predictions file to an `ml-gate/evaluation@1` document. */
async function evaluateAction() {
    const inputs = readEvaluateInputs();
    const { document, path } = await evaluateStep({
        config: inputs.config,
        workspace: inputs.workspace,
        predictions: inputs.predictions,
        options: inputs.options,
        optionName: (option) => `input '${option}'`,
        noPredictions: `input '${Inputs.Predictions.name}' is required (or a config with model.predictions)`,
        results: { dir: inputs.resultsDir, name: inputs.name }
    });
    if (inputs.summary)
        await summary.addRaw(renderEvaluationMarkdown(document)).write();
    const overall = document.segments[0].metrics;
    setOutput(Outputs.Result, path);
    setOutput(Outputs.Rows, String(document.rows));
    setOutput(Outputs.Metrics, JSON.stringify(Object.fromEntries(Object.entries(overall).map(([k, v]) => [k, v.value]))));
    setOutput(Outputs.Insufficient, String(document.segments.filter((s) => s.insufficient).length));
    return { code: ExitCode$1.Pass };
}

/** The action; it runs itself when started as a script (see `actionEntry`). */
const run = await actionEntry(import.meta.url, evaluateAction);

export { run };
