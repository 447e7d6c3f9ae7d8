import * as os from 'os';
import os__default, { EOL } from 'os';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { promises, constants } from 'fs';
import { realpathSync, readFileSync, createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { E as ExitCode$1, U as UserInputError } from './chunks/errors.js';
import { isMainThread, workerData } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { readdir as readdir$1, readFile } from 'node:fs/promises';
import { join as join$1, relative, sep, isAbsolute, resolve } from 'node:path';

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
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
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
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
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
        new URL(url);
        await main();
        return;
    }
    const { serveThread } = await import('./chunks/staging-thread.js').then(function (n) { return n.s; });
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

var version = "0.1.0";
var pkg = {
	version: version};

/** ml-gate's version, as package.json says; shown by `--version` and in every report's footer. */
const VERSION = pkg.version;

/** Emits annotations as workflow commands (`::error`, `::warning`, `::notice`) at their file and line. */
function annotate(annotations) {
    for (const a of annotations) {
        const properties = { title: a.title, file: a.file, startLine: a.line };
        if (a.level === 'failure')
            error(a.message, properties);
        else if (a.level === 'warning')
            warning(a.message, properties);
        else
            notice(a.message, properties);
    }
}

/** The HTTP status of a failed request; `null` for errors that are not HTTP answers. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : null;
}
/** GitHub's message of a failed request (`Resource not accessible by integration`), else the error's. */
function messageOf(error) {
    const e = error;
    return e?.response?.data?.message ?? e?.message ?? String(error);
}
/**
 * A token without the permission asked for: a fork pull request's read-only `GITHUB_TOKEN`, or a
 * workflow whose `permissions:` leave out `pull-requests: write` / `checks: write`.
 */
function isPermissionDenied(error) {
    return (statusOf(error) === 403 &&
        /not accessible by integration|must authenticate via a GitHub App/i.test(messageOf(error)));
}

/** Annotations per Checks API request: GitHub's limit. */
const ANNOTATIONS_PER_REQUEST = 50;
/**
 * The check run's conclusion for a verdict. `warn` and `overridden` are `neutral`: they pass
 * branch protection (as `success` does) and still stand out in the checks list.
 */
const CONCLUSION = {
    pass: 'success',
    warn: 'neutral',
    overridden: 'neutral',
    fail: 'failure'
};
/**
 * Publishes a completed check run whose conclusion follows the verdict. The Checks API takes 50
 * annotations per request, so the run is created with the first 50 and updated with the next 50
 * until all are sent (GitHub appends the annotations of each update).
 *
 * @returns the check run's id and page
 */
async function publishCheckRun(client, request) {
    const annotations = request.annotations
        .filter((a) => a.file !== undefined && a.line !== undefined)
        .map((a) => ({
        path: a.file,
        start_line: a.line,
        end_line: a.line,
        annotation_level: a.level,
        title: a.title,
        message: a.message
    }));
    const batches = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
        batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const output = (batch) => ({
        title: request.title,
        summary: request.summary,
        ...(batch === undefined ? {} : { annotations: batch })
    });
    const where = { owner: request.owner, repo: request.repo };
    const { data } = await client.rest.checks.create({
        ...where,
        name: request.name,
        head_sha: request.headSha,
        status: 'completed',
        conclusion: CONCLUSION[request.verdict],
        ...(request.detailsUrl === undefined ? {} : { details_url: request.detailsUrl }),
        output: output(batches[0])
    });
    for (const batch of batches.slice(1)) {
        await client.rest.checks.update({ ...where, check_run_id: data.id, output: output(batch) });
    }
    return { id: data.id, url: data.html_url ?? '' };
}

/** The label users put on a pull request to ship despite a failing gate. */
const DEFAULT_OVERRIDE_LABEL = 'ml-gate:override';
/**
 * Who put the override `label` on the pull request, and whether that counts. The label must be on
 * the pull request now; the person is the actor of its latest `labeled` event (every page of
 * events is read); it counts only when their permission on the repository is write or admin
 * (GitHub's `permission` folds maintain into write; custom roles into their base role).
 *
 * @returns `null` when the label is not on the pull request (or no event says who added it)
 */
async function findOverride(client, issue, label) {
    const where = { owner: issue.owner, repo: issue.repo };
    const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, {
        ...where,
        issue_number: issue.issueNumber,
        per_page: 100
    });
    if (!labels.some((l) => l.name === label))
        return null;
    const events = await client.paginate(client.rest.issues.listEvents, {
        ...where,
        issue_number: issue.issueNumber,
        per_page: 100
    });
    // The events are a union of shapes; a `labeled` event carries `label` and `actor`.
    const added = events
        .filter((e) => e.event === 'labeled' && e.label?.name === label)
        .at(-1);
    if (added?.actor == null)
        return null;
    const by = added.actor.login;
    let permission = 'none';
    let role = 'none';
    try {
        const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...where, username: by });
        permission = data.permission;
        role = data.role_name ?? data.permission;
    }
    catch (error) {
        // 404: not a collaborator (or the account is gone): no permission.
        if (statusOf(error) !== 404)
            throw error;
    }
    return { label, by, at: added.created_at, role, honoured: permission === 'admin' || permission === 'write' };
}

/**
 * Reads the run's context from the environment the runner gives a step. The pull request is
 * `pullNumber` when given (the `pr-number` input: needed in `workflow_run` workflows for forks,
 * whose `workflow_run.pull_requests` is empty), else the `pull_request` payload's, else the first
 * of `workflow_run.pull_requests`, else an `issue_comment` on a pull request.
 *
 * @throws UserInputError when `GITHUB_REPOSITORY` is missing or the event file is unreadable
 */
function readRunContext(env, pullNumber) {
    const repository = env.GITHUB_REPOSITORY ?? '';
    const slash = repository.indexOf('/');
    if (slash <= 0) {
        throw new UserInputError(`GITHUB_REPOSITORY is '${repository}', expected owner/repo: run this action in a GitHub workflow`);
    }
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch (error) {
            throw new UserInputError(`cannot read the event payload: ${error.message}`, {
                file: env.GITHUB_EVENT_PATH
            });
        }
    }
    const fromPayload = payload.pull_request?.number ??
        payload.workflow_run?.pull_requests?.[0]?.number ??
        (payload.issue?.pull_request === undefined ? undefined : payload.issue.number);
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return {
        owner: repository.slice(0, slash),
        repo: repository.slice(slash + 1),
        eventName: env.GITHUB_EVENT_NAME ?? '',
        pullNumber: pullNumber ?? fromPayload ?? null,
        headSha: payload.pull_request?.head?.sha ?? payload.workflow_run?.head_sha ?? env.GITHUB_SHA ?? null,
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        runUrl: env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : null
    };
}

/** The author of everything a workflow's `GITHUB_TOKEN` writes. */
const GITHUB_ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' };
/**
 * The account the token writes as. `GET /user` answers for a user token (a PAT); an installation
 * token (`GITHUB_TOKEN`, app tokens) gets 403 or 401 there and writes as `github-actions[bot]`.
 */
async function tokenIdentity(client) {
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return { login: data.login, type: data.type === 'Bot' ? 'Bot' : 'User' };
    }
    catch (error) {
        const status = statusOf(error);
        if (status === 401 || status === 403)
            return GITHUB_ACTIONS_BOT;
        throw error;
    }
}
/**
 * Creates or edits the one comment of a pull request that carries `marker` and was written by
 * `identity`: every page of comments is read (`octokit.paginate`, 100 per page), so a comment
 * past the first page is found; a comment by someone else that quotes the marker is never
 * touched. When the comment is deleted between the lookup and the edit (404), it is created again.
 * With several matching comments, the oldest is edited.
 *
 * Two runs racing on one pull request (two pushes in quick succession) can both find no comment
 * and both create one. So every creation is followed by a second lookup that settles on one
 * comment: the oldest of ours stays; a run whose new comment is not the oldest writes its body
 * into the oldest (the body written last wins, as with two edits) and every other comment of ours
 * is deleted. Whatever the interleaving, once both runs are done exactly one comment is left,
 * holding the body of the run that created last. (A workflow `concurrency:` group avoids the race
 * altogether.)
 */
async function upsertStickyComment(client, issue, options) {
    const where = { owner: issue.owner, repo: issue.repo };
    const listOurs = async () => {
        const comments = await client.paginate(client.rest.issues.listComments, {
            ...where,
            issue_number: issue.issueNumber,
            per_page: 100
        });
        return comments
            .filter((c) => c.body?.includes(options.marker) === true &&
            c.user?.login === options.identity.login &&
            c.user?.type === options.identity.type)
            .sort((a, b) => a.id - b.id);
    };
    const update = async (id, body) => {
        const { data } = await client.rest.issues.updateComment({ ...where, comment_id: id, body });
        return { action: 'updated', id: data.id, url: data.html_url };
    };
    const create = async (action, body) => {
        const { data } = await client.rest.issues.createComment({
            ...where,
            issue_number: issue.issueNumber,
            body
        });
        return settle({ action, id: data.id, url: data.html_url }, body);
    };
    /** After a creation: one comment of ours is left, the oldest, with the body written last. */
    const settle = async (created, body) => {
        const ours = await listOurs();
        let kept = created;
        if (ours.length > 0 && ours[0].id !== created.id) {
            // The action says what this run did; the id and address are those of the comment kept.
            const { id, url } = await ignoreNotFound(() => update(ours[0].id, body), created);
            kept = { action: created.action, id, url };
        }
        for (const comment of ours) {
            if (comment.id !== kept.id)
                await ignoreNotFound(() => client.rest.issues.deleteComment({ ...where, comment_id: comment.id }), null);
        }
        return kept;
    };
    const [ours] = await listOurs();
    if (ours === undefined)
        return create('created', options.render(null));
    const body = options.render(ours.body ?? null);
    if (options.skipUnchanged && body === ours.body)
        return { action: 'unchanged', id: ours.id, url: ours.html_url };
    try {
        return await update(ours.id, body);
    }
    catch (error) {
        if (statusOf(error) !== 404)
            throw error;
        return create('recreated', body);
    }
}
/** `call()`, or `fallback` when what it acts on was deleted meanwhile (404). */
async function ignoreNotFound(call, fallback) {
    try {
        return await call();
    }
    catch (error) {
        if (statusOf(error) !== 404)
            throw error;
        return fallback;
    }
}

/** Longest value quoted, column named and message written in an annotation. */
const VALUE_LENGTH = 80;
const MESSAGE_LENGTH = 1000;
function clip(text, length) {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
function quote(value) {
    return clip(value === null ? 'missing' : JSON.stringify(value), VALUE_LENGTH);
}
function failingChecks$1(document) {
    return document.checks.filter((c) => !c.passed);
}
function subject(check) {
    return check.column === null ? check.check : `${clip(check.column, VALUE_LENGTH)}: ${check.check}`;
}
/**
 * Data-contract failures at the file and line where they happen, one annotation per failing
 * example (at most 20 per check, as the validation keeps them): what check runs show in the diff.
 * Errors are `failure`, warnings `warning`. For Parquet (`unit: row`) the row number is not a
 * line of the file: the annotation sits at line 1 and names the row.
 */
function contractAnnotations(documents) {
    return documents.flatMap((document) => failingChecks$1(document).flatMap((check) => check.examples.map((example) => {
        const at = document.unit === 'line' ? example.line : 1;
        const row = document.unit === 'line' ? '' : ` (row ${example.line})`;
        return {
            level: check.severity === 'error' ? 'failure' : 'warning',
            title: `ml-gate: ${subject(check)}`,
            message: clip(`${quote(example.value)}${row} breaks ${check.check}: expected ${check.expected}`, MESSAGE_LENGTH),
            file: document.file,
            line: at
        };
    })));
}
/**
 * The most useful annotation per failing check and per gate result needing attention, for the
 * ten workflow-command annotations GitHub shows per type and step: gate failures first (worst
 * first, by `excess`), then contract checks with most failures first, each at its first failing
 * line and counting the others.
 */
function summaryAnnotations(verdict, documents) {
    const gates = (verdict?.results ?? [])
        .filter((r) => r.status === 'fail' || r.status === 'warn' || r.status === 'missing')
        .sort((a, b) => (b.excess ?? -Infinity) - (a.excess ?? -Infinity))
        .map((r) => ({
        level: r.status === 'warn' ? 'warning' : 'failure',
        title: `ml-gate: ${clip(r.gate, VALUE_LENGTH)}`,
        message: clip(r.reason, MESSAGE_LENGTH)
    }));
    const checks = documents.flatMap((document) => failingChecks$1(document)
        .sort((a, b) => b.failures - a.failures)
        .map((check) => {
        const first = check.examples[0];
        const lines = check.examples.map((e) => e.line).join(', ');
        return {
            level: check.severity === 'error' ? 'failure' : 'warning',
            title: `ml-gate: ${subject(check)}`,
            message: clip(`${check.failures} ${check.failures === 1 ? 'value breaks' : 'values break'} ${check.check} (expected ${check.expected})` +
                (first === undefined ? '' : `, first ${quote(first.value)}; ${document.unit}s ${lines}`), MESSAGE_LENGTH),
            file: document.file,
            ...(first !== undefined && document.unit === 'line' ? { line: first.line } : {})
        };
    }));
    return [...gates, ...checks];
}
/**
 * At most `perLevel` annotations of each level, in order. When some are left out, the last one
 * shown becomes a count of them that points to `elsewhere`, so nobody mistakes ten for all.
 */
function limitPerLevel(annotations, perLevel, elsewhere) {
    const kept = [];
    for (const level of ['failure', 'warning', 'notice']) {
        const all = annotations.filter((a) => a.level === level);
        if (all.length <= perLevel) {
            kept.push(...all);
            continue;
        }
        const rest = all.length - (perLevel - 1);
        kept.push(...all.slice(0, perLevel - 1), {
            level,
            title: 'ml-gate: more',
            message: `${rest} more ${level === 'failure' ? 'failures' : `${level}s`} not shown as annotations; see ${elsewhere}`
        });
    }
    return kept;
}

/**
 * Hex sha256 of a file, read as a stream (prediction files can be gigabytes); `null` when the file
 * cannot be read.
 */
async function sha256File(path) {
    const hash = createHash('sha256');
    try {
        for await (const chunk of createReadStream(path))
            hash.update(chunk);
    }
    catch {
        return null;
    }
    return hash.digest('hex');
}
/**
 * The audit trail of a set of results: the config, every result document and every file those
 * documents name (predictions, data, contracts, references), each with its sha256. Paths named
 * inside documents are read relative to the working directory, as the steps wrote them; the same
 * path is listed once.
 */
async function collectAuditTrail(results, context) {
    const known = new Map();
    const add = async (role, path, sha256) => {
        if (path === null || known.has(path))
            return;
        known.set(path, { role, path, sha256: sha256 ?? (await sha256File(path)) });
    };
    await add('config', context.config);
    for (const [role, file] of [
        ['verdict', results.verdict],
        ['candidate evaluation', results.candidate],
        ['baseline evaluation', results.baseline]
    ]) {
        if (file !== null)
            await add(role, file.path, file.sha256);
    }
    for (const file of results.validations)
        await add('validation', file.path, file.sha256);
    await add('candidate predictions', results.candidate?.document.file ?? null);
    await add('baseline predictions', results.baseline?.document.file ?? null);
    for (const { document } of results.validations) {
        await add('data', document.file);
        await add('contract', document.contract);
        await add('reference', document.reference);
    }
    return {
        commit: context.commit,
        version: context.version,
        seed: results.candidate?.document.settings.seed ?? null,
        files: [...known.values()]
    };
}

/** Runs kept in a comment's history, newest first. */
const HISTORY_LENGTH = 20;
/** Longest headline kept in the history. */
const HEADLINE_LENGTH = 300;
const STATE = /<!-- ml-gate-state:([A-Za-z0-9_-]*) -->/;
/**
 * The hidden marker that identifies the sticky comment of one config: `<!-- ml-gate:KEY -->`.
 * Characters outside `[A-Za-z0-9._/:@+-]` in the key become `_`, so no key can end the HTML
 * comment early; distinct keys (matrix jobs, several configs) give distinct comments.
 *
 * @example commentMarker('ml-gate.yml') // '<!-- ml-gate:ml-gate.yml -->'
 */
function commentMarker(key) {
    return `<!-- ml-gate:${key.replace(/[^A-Za-z0-9._/:@+-]/g, '_').replace(/-(?=-)/g, '-_')} -->`;
}
/**
 * The comment's machine-readable state, hidden in an HTML comment: this run and the earlier ones.
 * Base64url-encoded JSON, so nothing in a headline can close the comment.
 */
function encodeState(current, history) {
    const clip = (e) => ({ ...e, headline: e.headline.slice(0, HEADLINE_LENGTH) });
    const json = JSON.stringify({ current: clip(current), history: history.map(clip) });
    return `<!-- ml-gate-state:${Buffer.from(json, 'utf8').toString('base64url')} -->`;
}
/**
 * The history to show under a new run, from the previous body of our own comment: the previous
 * run joins the history unless it was for the same commit (a re-run replaces itself). Newest
 * first, at most `HISTORY_LENGTH`. A body without readable state (older or hand-edited) gives `[]`.
 */
function nextHistory(previousBody, commit) {
    const match = previousBody === null ? null : STATE.exec(previousBody);
    if (match === null)
        return [];
    let state;
    try {
        state = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
    }
    catch {
        return [];
    }
    const history = (state.history ?? []).filter(isEntry);
    const previous = state.current;
    const joined = isEntry(previous) && previous.commit !== commit ? [previous, ...history] : history;
    return joined.slice(0, HISTORY_LENGTH);
}
function isEntry(value) {
    const e = value;
    return (typeof e === 'object' &&
        e !== null &&
        typeof e.verdict === 'string' &&
        typeof e.headline === 'string' &&
        (e.commit === null || typeof e.commit === 'string'));
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
 * Text that came from data or config (column names, category values, file names) made safe for
 * GitHub-flavoured markdown and HTML: it shows as the same text, and cannot break a table, start
 * a heading or list, mention someone, link, or open an HTML tag or comment (our own comment
 * marker included).
 *
 * Every such string goes through `escapeMarkdown` before it reaches a report; tests feed it
 * hostile strings.
 *
 * @example escapeMarkdown('a|b <!-- ml-gate --> @octocat *x*') // 'a&#124;b &lt;!-- ml-gate --&gt; &#64;octocat \\*x\\*'
 */
function escapeMarkdown(text) {
    // Backslash escapes first: the entities written next contain `#`, which must stay as it is.
    return text
        .replace(/[\\`*_{}[\]()#+\-!~=:]/g, '\\$&')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '&#124;')
        .replace(/@/g, '&#64;')
        .replace(/\r?\n|\r/g, ' ');
}
/** Longest text from data shown in a table cell; longer text ends in `…`. */
const CELL_LENGTH = 120;
/**
 * Data text for a markdown cell or line: clipped to `length` characters (the last one `…`), then
 * escaped, so a 1 MB cell cannot push a report past GitHub's size limits.
 *
 * @example escapeClipped('a'.repeat(200), 5) // 'aaaa…'
 */
function escapeClipped(text, length = CELL_LENGTH) {
    return escapeMarkdown(text.length > length ? `${text.slice(0, length - 1)}…` : text);
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
    if (Number.isInteger(value) && Math.abs(value) < 1e15)
        return String(value);
    const magnitude = Math.abs(value);
    if (magnitude !== 0 && (magnitude >= 10 ** digits || magnitude < 1e-4)) {
        return value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
    }
    return String(Number(value.toPrecision(digits)));
}

/** Longest label shown under a bar; longer ones end in `…`. */
const LABEL_LENGTH = 32;
/**
 * Text made safe inside a Mermaid quoted label: letters, digits, spaces and `=.,_+-/%()[]&`
 * stay, anything else (quotes, backticks, `<`, `#`, `;`, line breaks) becomes `_`, so no label can
 * end the string, the code fence or start an entity or HTML.
 *
 * @example mermaidLabel('Job="partime"<b>') // 'Job=_partime__b_'
 */
function mermaidLabel(text) {
    const safe = text.replace(/[^\p{L}\p{N} =.,_+\-/%()[\]&]/gu, '_');
    return safe.length > LABEL_LENGTH ? `${safe.slice(0, LABEL_LENGTH - 1)}…` : safe;
}
function plain(value) {
    // Mermaid reads plain decimals; no exponents.
    return String(Number(value.toFixed(4)));
}
/**
 * A Mermaid `xychart-beta` of one metric per segment: bars for the baseline, a line for the
 * candidate (xychart has no legend, so the title says which is which). GitHub renders Mermaid in
 * comments and job summaries, so no image is hosted anywhere. The y axis spans 0 to 1 when every
 * value lies there (most metrics), otherwise Mermaid's own range.
 *
 * @returns the fenced code block, or `null` when there are no points
 */
function renderMetricChart(metric, points) {
    if (points.length === 0)
        return null;
    const values = points.flatMap((p) => [p.baseline, p.candidate]);
    const unit = values.every((v) => v >= 0 && v <= 1);
    const name = mermaidLabel(metric);
    return [
        '```mermaid',
        'xychart-beta',
        `    title "${name} per segment: bars baseline, line candidate"`,
        `    x-axis [${points.map((p) => `"${mermaidLabel(p.label)}"`).join(', ')}]`,
        `    y-axis "${name}"${unit ? ' 0 --> 1' : ''}`,
        `    bar [${points.map((p) => plain(p.baseline)).join(', ')}]`,
        `    line [${points.map((p) => plain(p.candidate)).join(', ')}]`,
        '```'
    ].join('\n');
}

/** Failing checks first (errors before warnings, most failures first), then the rest in order. */
function failingChecks(document) {
    return document.checks
        .filter((c) => !c.passed)
        .sort((a, b) => (a.severity === b.severity ? b.failures - a.failures : a.severity === 'error' ? -1 : 1));
}
function showValue(value) {
    return value === null ? 'missing' : JSON.stringify(value);
}
function where(document, check, limit) {
    const shown = check.examples.slice(0, limit).map((e) => `${document.unit} ${e.line}: ${showValue(e.value)}`);
    const more = check.failures - shown.length;
    return shown.join(', ') + (more > 0 ? ` (+${more} more)` : '');
}
function headline(document) {
    const { errors, warnings, drifted } = document.summary;
    const passedChecks = document.checks.filter((c) => c.passed).length;
    const parts = [
        `${errors} failing check${errors === 1 ? '' : 's'}`,
        `${warnings} warning${warnings === 1 ? '' : 's'}`,
        `${passedChecks} passed`
    ];
    if (document.reference !== null)
        parts.push(`${drifted} drifted column${drifted === 1 ? '' : 's'}`);
    return `${document.passed ? 'PASSED' : 'FAILED'}: ${parts.join(', ')}`;
}
function driftCells(d) {
    return [
        d.method ?? '—',
        formatNumber(d.statistic, 3),
        formatNumber(d.p_value, 3),
        formatNumber(d.threshold),
        d.drifted === null ? 'no verdict' : d.drifted ? 'DRIFT' : 'ok'
    ];
}
/** Longest file name shown in the heading. */
const LINE_LENGTH$1 = 300;
/**
 * Rows per table in markdown: a contract of thousands of columns still gives a section well under
 * GitHub's 1 MiB summary (a row is at most about 1 KB once cells are clipped).
 */
const MAX_ROWS = 200;
function moreRows(count, what) {
    return `… and ${count} more ${what}: the validation document lists them all.`;
}
/**
 * The validation result as a markdown section (job summary, PR comment). Data is escaped and
 * clipped: 120 characters per cell (`escapeClipped`), 300 for a file name in a line, 200 rows
 * per table.
 */
function renderValidationMarkdown(document) {
    const e = (text) => escapeClipped(text);
    const line = (text) => escapeClipped(text, LINE_LENGTH$1);
    const out = [
        `### Data validation: ${line(document.file)}`,
        '',
        `**${headline(document)}** (${document.rows} rows` +
            (document.contract ? `, contract ${line(document.contract)}` : '') +
            (document.reference ? `, reference ${line(document.reference)}` : '') +
            ')',
        ''
    ];
    const failing = failingChecks(document);
    if (failing.length > 0) {
        out.push(markdownTable([
            ['column', 'check', 'severity', 'failures', 'expected', 'first failures'],
            ...failing
                .slice(0, MAX_ROWS)
                .map((c) => [
                e(c.column ?? '(table)'),
                c.check,
                c.severity,
                String(c.failures),
                e(c.expected),
                e(where(document, c, 5))
            ])
        ], { align: ['l', 'l', 'l', 'r', 'l', 'l'] }), '');
        if (failing.length > MAX_ROWS)
            out.push(moreRows(failing.length - MAX_ROWS, 'failing checks'), '');
    }
    if (document.drift.length > 0) {
        out.push(`<details${document.summary.drifted > 0 ? ' open' : ''}><summary>Drift against ${line(document.reference ?? '')}: ` +
            `${document.summary.drifted} of ${document.drift.length} columns drifted</summary>`, '', markdownTable([
            ['column', 'method', 'statistic', 'p-value', 'threshold', 'verdict', 'why'],
            ...document.drift.slice(0, MAX_ROWS).map((d) => [e(d.column), ...driftCells(d), e(d.reason)])
        ], { align: ['l', 'l', 'r', 'r', 'r', 'l', 'l'] }), '', ...(document.drift.length > MAX_ROWS
            ? [moreRows(document.drift.length - MAX_ROWS, 'columns'), '']
            : []), '</details>', '');
    }
    return out.join('\n');
}

/** The content of a report from loaded results; no override and no history unless given. */
function reportContent(results, audit, extra = {}) {
    return {
        verdict: results.verdict?.document ?? null,
        candidate: results.candidate?.document ?? null,
        baseline: results.baseline?.document ?? null,
        validations: results.validations.map((v) => v.document),
        audit,
        override: extra.override ?? null,
        history: extra.history ?? []
    };
}
/** GitHub's limit on a comment body, in characters. */
const COMMENT_LIMIT = 65_536;
/** GitHub's limit on a step summary, in bytes (1 MiB). */
const SUMMARY_LIMIT = 1_048_576;
/** Limits for the job summary: everything up to 1,000 rows per table, then 1 MiB. */
const SUMMARY_LIMITS = {
    maxSize: SUMMARY_LIMIT,
    unit: 'bytes',
    rows: 1000,
    compactRows: 100,
    overflowNote: (omitted) => `> [!NOTE]\n> This summary is shortened to GitHub's limit of 1 MiB; left out: ${omitted.join(', ')}. ` +
        `Every number is in the result documents listed under the audit trail.`
};
/**
 * Limits for a PR comment (or a check run's summary: `what`) of at most `maxSize` characters; the
 * overflow note points at the job summary (`summaryUrl`: the workflow run's page, or `null`).
 */
function commentLimits(maxSize, summaryUrl, what = 'comment') {
    const where = summaryUrl === null ? 'the job summary' : `the [job summary](${summaryUrl})`;
    return {
        maxSize,
        unit: 'chars',
        rows: 50,
        compactRows: 10,
        overflowNote: (omitted) => `> [!NOTE]\n> This ${what} is shortened to fit GitHub's size limit; left out: ` +
            `${omitted.join(', ')}. The full report is in ${where}.`
    };
}
/**
 * The verdict a report shows: the gate's verdict, `overridden` when an honoured override turns a
 * `fail`; without a verdict document, `fail` when a data validation failed, else `pass`.
 */
function reportVerdict(content) {
    const verdict = content.verdict?.verdict ?? (content.validations.every((v) => v.passed) ? 'pass' : 'fail');
    return verdict === 'fail' && content.override?.honoured === true ? 'overridden' : verdict;
}
/** The one line that matters most: the gate's headline, or what the validations found. */
function reportHeadline(content) {
    if (content.verdict !== null)
        return content.verdict.headline;
    const failed = content.validations.filter((v) => !v.passed);
    if (failed.length > 0)
        return `data validation failed for ${failed.map((v) => v.file).join(', ')}`;
    if (content.validations.length > 0)
        return 'data validation passed';
    return 'evaluated without gates';
}
const VERDICT_ICON = { pass: '✅', warn: '⚠️', fail: '❌', overridden: '🟡' };
const STATUS_TEXT = {
    fail: '❌ fail',
    warn: '⚠️ warn',
    missing: '❔ missing',
    pass: '✅ pass',
    insufficient: '➖ insufficient data',
    skipped: '⏭️ skipped',
    waived: '🔕 waived'
};
/** How many results had each status, in words: `4 failing`. */
const COUNT_TEXT = {
    fail: 'failing',
    warn: 'warning',
    missing: 'missing',
    waived: 'waived',
    pass: 'passing',
    insufficient: 'with insufficient data',
    skipped: 'skipped'
};
/** Statuses shown first, in the open: what needs someone's attention. */
const ATTENTION = new Set(['fail', 'warn', 'missing']);
/** Longest text from data shown in a line; cells: `CELL_LENGTH`. */
const LINE_LENGTH = 300;
/** Data text for markdown: clipped, then escaped. */
const text = escapeClipped;
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function signed(value) {
    return value === null ? '—' : value > 0 ? `+${formatNumber(value, 3)}` : formatNumber(value, 3);
}
function interval(ci) {
    return ci === null ? '—' : `[${formatNumber(ci[0], 3)}, ${formatNumber(ci[1], 3)}]`;
}
const BOUND = {
    min: (t) => `≥ ${formatNumber(t)}`,
    max: (t) => `≤ ${formatNumber(t)}`,
    max_drop: (t) => `drop ≤ ${formatNumber(t)}`,
    max_relative_drop: (t) => `drop ≤ ${formatNumber(t * 100)}%`,
    min_ratio: (t) => `ratio ≥ ${formatNumber(t)}`,
    max_gap: (t) => `gap ≤ ${formatNumber(t)}`
};
/** What a result's interval is of (`GateResult.ci`): the value, or the drop the rule bounds. */
const CI_OF = {
    min: '',
    max: '',
    max_drop: 'drop ',
    max_relative_drop: 'relative drop ',
    min_ratio: 'ratio ',
    max_gap: 'gap '
};
/** Worst first: by `excess` descending, results without one last, ties in document order. */
function byExcess(a, b) {
    if (a.excess === b.excess)
        return 0;
    if (a.excess === null)
        return 1;
    if (b.excess === null)
        return -1;
    return b.excess - a.excess;
}
class Renderer {
    content;
    rows;
    segments;
    confidence;
    constructor(content, rows) {
        this.content = content;
        this.rows = rows;
        this.segments = new Map((content.candidate?.segments ?? []).map((s) => [s.key, s]));
        this.confidence = content.candidate?.settings.confidence ?? null;
    }
    blocks() {
        const c = this.content;
        const blocks = [
            { name: 'headline', markdown: this.headline(), keep: Infinity },
            ...this.optional('notes', 6, this.notes()),
            ...this.optional('failing results', 9, this.attention()),
            ...this.optional('chart', 4, this.chart()),
            ...this.optional('passing results', 5, this.others()),
            ...this.optional('metrics', 8, c.verdict === null ? this.evaluationTable() : null),
            ...c.validations.map((v, i) => ({
                name: `validation of ${text(v.file, 60)}`,
                markdown: renderValidationMarkdown(v).trimEnd(),
                keep: 7 - i / (c.validations.length + 1)
            })),
            ...this.optional('history', 3, this.history()),
            { name: 'audit trail', markdown: this.audit(), keep: Infinity }
        ];
        return blocks;
    }
    optional(name, keep, markdown) {
        return markdown === null ? [] : [{ name, markdown, keep }];
    }
    headline() {
        const c = this.content;
        const verdict = reportVerdict(c);
        const lines = [
            `## ${VERDICT_ICON[verdict]} ml-gate: ${verdict} — ${text(reportHeadline(c), LINE_LENGTH)}`,
            ''
        ];
        const o = c.override;
        if (o !== null) {
            const who = `[${text(o.by, 60)}](https://github.com/${encodeURIComponent(o.by)})`;
            if (o.honoured) {
                lines.push(`**Overridden** by ${who} (${text(o.role)} access), who added the label ${text(o.label)} at ${text(o.at)}. ` +
                    `Without the override the verdict is fail.`, '');
            }
            else {
                lines.push(`> [!WARNING]`, `> The label ${text(o.label)} was added by ${who} at ${text(o.at)}, whose role is ${text(o.role)}; ` +
                    `only write, maintain or admin access can override a failing gate. The verdict stands.`, '');
            }
        }
        const v = c.verdict;
        if (v !== null) {
            const order = ['fail', 'warn', 'missing', 'waived', 'pass', 'insufficient', 'skipped'];
            const counts = order.filter((s) => v.counts[s] > 0).map((s) => `${v.counts[s]} ${COUNT_TEXT[s]}`);
            const against = v.baseline === null
                ? `candidate ${text(v.candidate)}, no baseline`
                : `candidate ${text(v.candidate)} vs baseline ${text(v.baseline)}` +
                    (v.paired ? ' (paired rows)' : ' (unpaired)');
            lines.push(`${counts.join(' · ')} — ${against}`, '');
        }
        return lines.join('\n').trimEnd();
    }
    notes() {
        const notes = this.content.verdict?.notes ?? [];
        if (notes.length === 0)
            return null;
        return this.capped(notes, (note) => `- ${text(note, LINE_LENGTH)}`, 'more notes').join('\n');
    }
    /** `items` rendered, at most `this.rows` of them, and a line counting the rest. */
    capped(items, render, more) {
        const shown = items.slice(0, this.rows).map(render);
        if (items.length > shown.length)
            shown.push(`- … ${items.length - shown.length} ${more}`);
        return shown;
    }
    table(results) {
        const shown = results.slice(0, this.rows);
        // One level in the header when all intervals share it (point mode), else in each cell.
        const levels = new Set(shown.map((r) => r.confidence));
        const level = levels.size === 1 ? [...levels][0] : undefined;
        const header = level === undefined || level === null ? 'CI' : `${formatNumber(level * 100)}% CI`;
        const table = markdownTable([
            ['segment', 'n', 'metric', 'baseline', 'candidate', 'change', header, 'bound', 'status'],
            ...shown.map((r) => {
                const n = r.n ?? this.segments.get(r.segment)?.n ?? null;
                const ci = r.ci === null
                    ? '—'
                    : `${CI_OF[r.rule]}${interval(r.ci)}` +
                        (level === undefined && r.confidence !== null
                            ? ` (${formatNumber(r.confidence * 100)}%)`
                            : '');
                const status = r.waiver
                    ? `${STATUS_TEXT.waived}: ${text(r.waiver.reason)}${r.waiver.expires === null ? '' : ` (until ${text(r.waiver.expires)})`}`
                    : STATUS_TEXT[r.status];
                return [
                    text(r.segment),
                    n === null ? '—' : String(n),
                    text(r.metric),
                    formatNumber(r.baseline, 4),
                    formatNumber(r.candidate, 4),
                    signed(r.change),
                    ci,
                    BOUND[r.rule](r.threshold),
                    status
                ];
            })
        ], { align: ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'l', 'l'] });
        const rest = results.length - shown.length;
        return rest > 0 ? `${table}\n\n… and ${plural(rest, 'more result')} in verdict.json.` : table;
    }
    attention() {
        const results = (this.content.verdict?.results ?? [])
            .filter((r) => ATTENTION.has(r.status))
            .sort(byExcess);
        if (results.length === 0)
            return null;
        return [
            `### Needs attention (${results.length})`,
            '',
            this.table(results),
            '',
            ...this.capped(results, (r) => `- ${text(r.reason, LINE_LENGTH)}`, 'more reasons in verdict.json')
        ].join('\n');
    }
    /** The segment column a result belongs to: `overall`, the family of its segment, or its own (`across` gates). */
    columnOf(result) {
        if (result.segment === 'all')
            return 'overall';
        const segment = this.segments.get(result.segment);
        if (segment !== undefined)
            return segment.column ?? 'overall';
        if (result.rule === 'max_gap' || result.rule === 'min_ratio')
            return result.segment;
        const equals = result.segment.indexOf('=');
        return equals > 0 ? result.segment.slice(0, equals) : 'other';
    }
    others() {
        const results = (this.content.verdict?.results ?? []).filter((r) => !ATTENTION.has(r.status));
        if (results.length === 0)
            return null;
        const groups = new Map();
        for (const r of results) {
            const column = this.columnOf(r);
            groups.set(column, [...(groups.get(column) ?? []), r]);
        }
        const sections = [...groups].map(([column, group]) => {
            const counts = ['waived', 'pass', 'insufficient', 'skipped']
                .map((s) => [s, group.filter((r) => r.status === s).length])
                .filter(([, n]) => n > 0)
                .map(([s, n]) => `${n} ${COUNT_TEXT[s]}`);
            return [
                `<details><summary>${text(column)}: ${counts.join(', ')}</summary>`,
                '',
                this.table(group),
                '',
                '</details>'
            ].join('\n');
        });
        return [`### Other results (${results.length})`, '', ...sections.flatMap((s) => [s, ''])]
            .join('\n')
            .trimEnd();
    }
    /**
     * The chart of the gated metric that matters most (the worst result's gate, else the first gate
     * over several segments), baseline vs candidate per segment; at most 20 segments, the worst.
     */
    chart() {
        const results = this.content.verdict?.results ?? [];
        const perSegment = (r) => r.baseline !== null && r.candidate !== null && this.columnOf(r) !== r.segment;
        const worst = results.filter((r) => ATTENTION.has(r.status) && perSegment(r)).sort(byExcess)[0];
        const gateIndex = (worst ?? results.find(perSegment))?.gate_index;
        if (gateIndex === undefined)
            return null;
        const gate = results.filter((r) => r.gate_index === gateIndex && perSegment(r));
        if (gate.length < 2)
            return null;
        const chosen = new Set([...gate].sort(byExcess).slice(0, 20));
        const points = gate
            .filter((r) => chosen.has(r))
            .map((r) => ({ label: r.segment, baseline: r.baseline, candidate: r.candidate }));
        const title = `### ${text(gate[0].metric)} per segment` +
            (gate.length > points.length
                ? ` (the ${points.length} furthest from their bound of ${gate.length})`
                : '');
        return `${title}\n\n${renderMetricChart(gate[0].metric, points)}`;
    }
    /** Without gates: every metric of the overall segment, baseline vs candidate. */
    evaluationTable() {
        const candidate = this.content.candidate?.segments.find((s) => s.key === 'all');
        if (candidate === undefined)
            return null;
        const baseline = this.content.baseline?.segments.find((s) => s.key === 'all');
        const ci = this.confidence === null ? 'CI' : `${formatNumber(this.confidence * 100)}% CI`;
        const names = Object.keys(candidate.metrics);
        return [
            `### Metrics (all ${candidate.n} rows)`,
            '',
            markdownTable([
                ['metric', 'baseline', 'candidate', 'change', ci],
                ...names.map((name) => {
                    const c = candidate.metrics[name];
                    const b = baseline?.metrics[name]?.value ?? null;
                    return [
                        text(name),
                        formatNumber(b, 4),
                        c.value === null ? `— (${text(c.reason ?? 'undefined')})` : formatNumber(c.value, 4),
                        signed(b === null || c.value === null ? null : c.value - b),
                        interval(c.ci)
                    ];
                })
            ], { align: ['l', 'r', 'r', 'r', 'r'] })
        ].join('\n');
    }
    history() {
        const history = this.content.history;
        if (history.length === 0)
            return null;
        return [
            `<details><summary>Earlier runs (${history.length})</summary>`,
            '',
            markdownTable([
                ['commit', 'verdict', 'headline'],
                ...history.map((h) => [
                    h.commit === null ? '—' : text(h.commit.slice(0, 7)),
                    `${VERDICT_ICON[h.verdict] ?? ''} ${text(h.verdict)}`,
                    text(h.headline, LINE_LENGTH)
                ])
            ]),
            '',
            '</details>'
        ].join('\n');
    }
    audit() {
        const a = this.content.audit;
        const facts = [
            `ml-gate ${text(a.version)}`,
            `commit ${a.commit === null ? 'not recorded' : text(a.commit)}`,
            `seed ${a.seed === null ? '—' : String(a.seed)}`
        ];
        const lines = [`<sub>${facts.join(' · ')}</sub>`];
        if (a.files.length > 0) {
            lines.push('', `<details><summary>Audit trail: sha256 of ${plural(a.files.length, 'input')}</summary>`, '', markdownTable([
                ['file', 'role', 'sha256'],
                ...a.files.map((f) => [text(f.path), f.role, f.sha256 ?? 'not readable here'])
            ]), '', '</details>');
        }
        return lines.join('\n');
    }
}
function sizeOf(markdown, unit) {
    return unit === 'chars' ? markdown.length : Buffer.byteLength(markdown, 'utf8');
}
function join(blocks) {
    return blocks.map((b) => b.markdown).join('\n\n') + '\n';
}
/**
 * The report as GitHub-flavoured markdown: the verdict and its headline on the first line; what
 * needs attention (failing, warning and missing results, worst first by `excess`) in a table with
 * the reasons; a Mermaid chart of the gated metric per segment; the other results collapsed per
 * segment column; the data validations; earlier runs; the audit trail (commit, version, seed,
 * sha256 of every input).
 *
 * Every string from data or config goes through `escapeMarkdown`, clipped to 120 characters in
 * cells and 300 in lines. The report fits `limits`: tables are first cut to `rows`, then to
 * `compactRows` rows; if it is still too large, whole sections are left out (history first, the
 * failing results last) and `overflowNote` names them. The headline and the audit trail are
 * always kept.
 */
function renderReport(content, limits) {
    let blocks = new Renderer(content, limits.rows).blocks();
    const fits = (markdown) => sizeOf(markdown, limits.unit) <= limits.maxSize;
    let markdown = join(blocks);
    if (fits(markdown))
        return markdown;
    blocks = new Renderer(content, limits.compactRows).blocks();
    markdown = join(blocks);
    if (fits(markdown))
        return markdown;
    const omitted = new Set();
    const droppable = blocks.filter((b) => b.keep !== Infinity).sort((a, b) => a.keep - b.keep);
    const render = () => {
        const kept = blocks.filter((b) => !omitted.has(b));
        const names = blocks.filter((b) => omitted.has(b)).map((b) => b.name);
        // The note goes where the first omitted section was.
        const at = blocks.findIndex((b) => omitted.has(b));
        const note = { name: 'note', markdown: limits.overflowNote(names), keep: Infinity };
        const before = kept.filter((b) => blocks.indexOf(b) < at);
        return join([...before, note, ...kept.slice(before.length)]);
    };
    for (const block of droppable) {
        omitted.add(block);
        markdown = render();
        if (!fits(markdown))
            continue;
        // Dropping in order may have removed small sections before the large one: put back, most
        // important first, every section that still fits.
        for (const back of [...omitted].sort((a, b) => b.keep - a.keep)) {
            omitted.delete(back);
            const candidate = render();
            if (fits(candidate))
                markdown = candidate;
            else
                omitted.add(back);
        }
        return markdown;
    }
    // Only the headline and the audit trail are left and still too large: cannot happen with the
    // clipping above unless the limit is tiny; cut at a line boundary rather than exceed it.
    while (!fits(markdown))
        markdown = markdown.slice(0, markdown.lastIndexOf('\n', markdown.length - 2) + 1);
    return markdown;
}

/**
 * The result documents the steps hand to each other in the results folder: the names each step
 * writes, and the loader the report uses. Validation documents are `validation.json` or
 * `validation-<name>.json` (one per data file).
 */
const RESULT_FILES = {
    folder: 'ml-gate-results',
    verdict: 'verdict.json',
    candidate: 'evaluation-candidate.json',
    baseline: 'evaluation-baseline.json'
};
/** `validation.json`, `validation-incoming.json`… */
const VALIDATION_FILE = /^validation(-[^/\\]+)?\.json$/;
/** The `schema` key each document must carry. */
const SCHEMAS = {
    verdict: 'ml-gate/verdict@1',
    evaluation: 'ml-gate/evaluation@1',
    validation: 'ml-gate/validation@1'
};
/**
 * Loads every result document in `dir`. Each file must be JSON whose `schema` is the one its name
 * promises; documents that are absent are `null` (a validate-only pipeline has no verdict).
 *
 * @throws UserInputError when `dir` is not a readable folder, holds no result document at all,
 *   or a file is not JSON (at its line and column) or carries another `schema`
 */
async function readResults(dir) {
    let names;
    try {
        names = (await readdir$1(dir)).sort();
    }
    catch (error) {
        const code = error.code;
        throw new UserInputError(`cannot read the results folder ${dir} (${code ?? String(error)}); expected the folder the ` +
            `validate, evaluate and gate steps wrote (default ${RESULT_FILES.folder})`);
    }
    const load = async (name, schema) => names.includes(name) ? loadDocument(join$1(dir, name), schema) : null;
    const results = {
        dir,
        verdict: await load(RESULT_FILES.verdict, SCHEMAS.verdict),
        candidate: await load(RESULT_FILES.candidate, SCHEMAS.evaluation),
        baseline: await load(RESULT_FILES.baseline, SCHEMAS.evaluation),
        validations: await Promise.all(names
            .filter((name) => VALIDATION_FILE.test(name))
            .map((name) => loadDocument(join$1(dir, name), SCHEMAS.validation)))
    };
    if (results.verdict === null && results.candidate === null && results.validations.length === 0) {
        throw new UserInputError(`no result documents in ${dir}: expected ${RESULT_FILES.verdict}, ${RESULT_FILES.candidate} ` +
            `or validation*.json, as written by the gate, evaluate and validate-data steps` +
            (names.length > 0 ? `; found ${names.slice(0, 10).join(', ')}` : '; the folder is empty'));
    }
    return results;
}
async function loadDocument(path, schema) {
    const bytes = await readFile(path);
    const text = bytes.toString('utf8');
    let document;
    try {
        document = JSON.parse(text);
    }
    catch (error) {
        throw new UserInputError(`not valid JSON (${error.message}); expected a ${schema} document`, jsonErrorLocation(path, text, error));
    }
    const found = document?.schema;
    if (found !== schema) {
        throw new UserInputError(`expected a ${schema} document (its "schema" key), found ${found === undefined ? 'no "schema" key' : JSON.stringify(found)}`, { file: path, line: 1 });
    }
    return { path, sha256: createHash('sha256').update(bytes).digest('hex'), document: document };
}
/** Line and column of a JSON.parse error, from the character position V8 reports. */
function jsonErrorLocation(file, text, error) {
    const position = /at position (\d+)/.exec(error.message);
    if (position === null)
        return { file };
    const before = text.slice(0, Number(position[1]));
    const lines = before.split('\n');
    return { file, line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * Path confinement: in a workflow, every file ml-gate reads or writes must lie inside the
 * workspace (`GITHUB_WORKSPACE`), unless the user explicitly allowed otherwise. A pull request can
 * change ml-gate.yml; without this check it could name `../../home/runner/.ssh/id_rsa` or a
 * symlink to `/proc/self/environ` and have its content shown in the job summary or the comment.
 *
 * The CLI does not confine: on a laptop the user is the workspace owner and reads what they type.
 * Neither is the actions' `results-dir` input: that folder holds only ml-gate's own documents
 * (fixed names, schema-checked when read back), and workflows often put it in `runner.temp`.
 */
/** Characters that make a path a glob (see `glob.ts`). */
const MAGIC = /[*?[]/;
/**
 * Why `path` is outside `workspace.root` (or inside its `.git` folder), or `null` when it is
 * inside (or confinement is off).
 *
 * `path` is taken relative to the current directory, as every reader takes it. Symbolic links are
 * resolved (realpath) before the check, through the longest part of the path that exists, so a
 * link inside the workspace that points out is outside, and a file not written yet (an output
 * folder) is checked by its nearest existing parent. A glob is checked by its folder part before
 * the first wildcard, and may not hold `..` after a wildcard (globs never follow symbolic links).
 *
 * @returns `null`, or e.g. `'../secrets.csv' resolves to /home/runner/secrets.csv, outside the
 *   workspace /home/runner/work/repo'`
 *
 * @example
 * outsideWorkspace('data/train.csv', { root: '/w', allowOutside: false }) // null (cwd /w)
 * outsideWorkspace('/etc/passwd', { root: '/w', allowOutside: false }) // "'/etc/passwd' resolves to /etc/passwd, outside the workspace /w"
 */
function outsideWorkspace(path, workspace) {
    if (workspace.allowOutside)
        return null;
    const segments = path.split(/[\\/]/);
    const firstMagic = segments.findIndex((s) => MAGIC.test(s));
    if (firstMagic >= 0 && segments.slice(firstMagic).includes('..')) {
        return `'${path}' has '..' after a wildcard, which could leave the workspace ${realPath(workspace.root)}`;
    }
    const literal = firstMagic < 0 ? path : segments.slice(0, firstMagic).join('/') || '.';
    const root = realPath(workspace.root);
    const target = realPath(literal);
    const rel = relative(root, target);
    const inside = rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
    if (!inside)
        return `'${path}' resolves to ${target}, outside the workspace ${root}`;
    // actions/checkout keeps the token in .git/config (persist-credentials): never data.
    if (rel.split(sep)[0] === '.git')
        return `'${path}' is in the workspace's .git folder, which can hold credentials`;
    return null;
}
/**
 * The real path of `path` (symbolic links resolved) when it exists; otherwise the real path of
 * its nearest existing parent joined with the rest, so that a link anywhere on the way counts.
 * `..` is left to the operating system (realpath(3)): `link/..` is the parent of the link's
 * target, not the folder holding the link, so it cannot be normalised away first.
 */
function realPath(path) {
    let head = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
    const rest = [];
    for (;;) {
        try {
            return join$1(realpathSync.native(head), ...rest);
        }
        catch {
            const cut = head.lastIndexOf(sep);
            if (cut <= 0)
                return resolve(path);
            rest.unshift(head.slice(cut + 1));
            head = head.slice(0, cut);
        }
    }
}

/** The input every action has that lifts the workspace confinement of paths. */
const ALLOW_OUTSIDE_WORKSPACE = 'allow-outside-workspace';
/**
 * Small typed readers for action inputs. Each names the input in its error, as the toolkit's
 * "Input required and not supplied: name" does, and says what is allowed.
 */
/** A string input; `undefined` when empty and not required. */
function getString(name, required = false) {
    const value = getInput(name, { });
    if (value === '') {
        if (required)
            throw new UserInputError(`input '${name}' is required and was not supplied`);
        return undefined;
    }
    return value;
}
/** A YAML 1.2 boolean (`true`/`false`, any case), or the default when empty. */
function getBoolean(name, fallback) {
    const value = getString(name);
    if (value === undefined)
        return fallback;
    if (/^true$/i.test(value))
        return true;
    if (/^false$/i.test(value))
        return false;
    throw new UserInputError(`input '${name}': expected true or false, got '${value}'`);
}
/**
 * Where this step's paths must stay: `GITHUB_WORKSPACE` (the runner's checkout, also the step's
 * current folder), unless input `allow-outside-workspace` is true.
 */
function getWorkspace() {
    return {
        root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
        allowOutside: getBoolean(ALLOW_OUTSIDE_WORKSPACE, false)
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
            `Set the input '${ALLOW_OUTSIDE_WORKSPACE}: true' to allow it`);
    }
    return path;
}
/** A path input, checked with `confined`; `undefined` when empty and not required. */
function getPath(name, workspace, required = false) {
    const path = getString(name, required);
    return path === undefined ? undefined : confined(name, path, workspace);
}

/** Input and output names of actions/report/action.yml, in one place. */
const Inputs = {
    ResultsDir: 'results-dir',
    Config: 'config',
    GitHubToken: 'github-token',
    Comment: 'comment',
    CommentKey: 'comment-key',
    PrNumber: 'pr-number',
    CheckName: 'check-name',
    SkipUnchanged: 'skip-unchanged',
    OverrideLabel: 'override-label',
    Summary: 'summary'};
/** The report action's outputs, as named in actions/report/action.yml. */
const Outputs = {
    Verdict: 'verdict',
    CommentId: 'comment-id',
    CommentUrl: 'comment-url',
    CheckRunId: 'check-run-id'
};
/** Reads and checks every input once. */
function readReportInputs() {
    const workspace = getWorkspace();
    const config = getPath(Inputs.Config, workspace) ?? 'ml-gate.yml';
    const pr = getString(Inputs.PrNumber);
    if (pr !== undefined && !/^[1-9][0-9]*$/.test(pr)) {
        throw new UserInputError(`input '${Inputs.PrNumber}': expected a pull request number such as 42, got '${pr}'`);
    }
    return {
        results: getString(Inputs.ResultsDir) ?? RESULT_FILES.folder,
        config,
        token: getString(Inputs.GitHubToken) ?? null,
        comment: getBoolean(Inputs.Comment, true),
        commentKey: getString(Inputs.CommentKey) ?? config,
        prNumber: pr === undefined ? null : Number(pr),
        checkName: getString(Inputs.CheckName) ?? null,
        skipUnchanged: getBoolean(Inputs.SkipUnchanged, true),
        overrideLabel: getString(Inputs.OverrideLabel) ?? DEFAULT_OVERRIDE_LABEL,
        summary: getBoolean(Inputs.Summary, true),
        workspace
    };
}

/** GitHub shows 10 workflow-command annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10;
/** A check run's output summary: at most 65,535 characters. */
const CHECK_SUMMARY_LIMIT = 65_535;
const READ_ONLY_WARNING = 'ml-gate: the token cannot write to this pull request (403 Resource not accessible by integration), ' +
    "as happens for pull requests from forks, whose GITHUB_TOKEN is read-only. The full report is in the job summary, and the gate's verdict still decides this job. " +
    'To comment on fork pull requests, upload the results folder as an artifact in the pull_request workflow and run the report action from a workflow_run workflow, ' +
    "passing the pull request's number (saved with the artifact) as pr-number: " +
    'https://docs.github.com/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflow_run';
/**
 * Talks to GitHub on the report's behalf: a denied write (a fork's read-only token) is said once,
 * as a warning, and no further write is tried; any other failure of a request (after Octokit's
 * retries) is a warning naming what could not be done. Neither changes the job's result, which
 * is the gate's verdict.
 */
class Publisher {
    onDenied;
    denied = false;
    constructor(onDenied) {
        this.onDenied = onDenied;
    }
    async attempt(what, write, call) {
        if (write && this.denied)
            return null;
        try {
            return await call();
        }
        catch (error) {
            if (isPermissionDenied(error)) {
                if (!this.denied) {
                    this.denied = true;
                    warning(READ_ONLY_WARNING);
                    await this.onDenied();
                }
                return null;
            }
            const status = statusOf(error);
            warning(`ml-gate: could not ${what}: ${status === null ? '' : `${status} `}${messageOf(error)}. ` +
                "The report is in the job summary; the gate's verdict still decides this job.");
            return null;
        }
    }
}
/** The report action: job summary, annotations, sticky PR comment, check run, in that order. */
async function runReport() {
    return publishReport(readReportInputs());
}
/**
 * Publishes the results in `options.results`: the report action's work, shared with the root
 * action, which runs the pipeline first.
 */
async function publishReport(options) {
    const context = readRunContext(process.env, options.prNumber);
    const results = await readResults(options.results);
    const audit = await collectAuditTrail(results, {
        config: existsSync(options.config) ? options.config : null,
        commit: context.headSha,
        version: VERSION
    });
    // Octokit is loaded only when there is a token to use it with: a run that posts nothing
    // (or fails before it would) neither parses nor evaluates it.
    const client = options.token === null
        ? null
        : (await import('./chunks/octokit.js')).createGitHubClient(options.token, {
            baseUrl: context.apiUrl,
            log: { debug: debug, warn: (message) => info(message) }
        });
    const issue = context.pullNumber === null
        ? null
        : { owner: context.owner, repo: context.repo, issueNumber: context.pullNumber };
    let summaryWritten = false;
    const writeSummary = async (content) => {
        if (summaryWritten)
            return;
        summaryWritten = true;
        await summary.addRaw(renderReport(content, SUMMARY_LIMITS)).write();
    };
    let content = reportContent(results, audit);
    const publisher = new Publisher(() => writeSummary(content));
    if (client !== null && issue !== null && content.verdict?.verdict === 'fail') {
        const override = await publisher.attempt(`read the label ${options.overrideLabel}`, false, () => findOverride(client, issue, options.overrideLabel));
        content = reportContent(results, audit, { override });
        if (override !== null) {
            info(`${options.overrideLabel}: added by ${override.by} (${override.role}) at ${override.at}: ` +
                (override.honoured ? 'the verdict is overridden' : 'not honoured, write access is required'));
        }
    }
    const verdict = reportVerdict(content);
    const headline = reportHeadline(content);
    setOutput(Outputs.Verdict, verdict);
    info(`ml-gate: ${verdict}: ${headline}`);
    if (options.summary)
        await writeSummary(content);
    annotate(limitPerLevel(summaryAnnotations(content.verdict, content.validations), ANNOTATIONS_PER_LEVEL, 'the job summary'));
    if (client !== null && options.comment) {
        if (issue === null) {
            info(`ml-gate: no pull request in this ${context.eventName} run, so no comment; give pr-number to comment from workflow_run`);
        }
        else {
            await comment(client, publisher, issue, content, options, context);
        }
    }
    if (client !== null && options.checkName !== null) {
        await checkRun(client, publisher, content, options.checkName, context);
    }
    return verdict === 'fail'
        ? { code: ExitCode$1.GateFailed, failure: `ml-gate: ${headline}` }
        : { code: ExitCode$1.Pass };
}
async function comment(client, publisher, issue, content, options, context) {
    const identity = await publisher.attempt('find who the token is', false, () => tokenIdentity(client));
    if (identity === null)
        return;
    const marker = commentMarker(options.commentKey);
    const current = {
        verdict: reportVerdict(content),
        headline: reportHeadline(content),
        commit: context.headSha
    };
    const posted = await publisher.attempt(`comment on pull request #${issue.issueNumber}`, true, () => upsertStickyComment(client, issue, {
        marker,
        identity,
        skipUnchanged: options.skipUnchanged,
        render: (previous) => {
            const history = nextHistory(previous, context.headSha);
            const tail = `\n${marker}\n${encodeState(current, history)}\n`;
            const limits = commentLimits(COMMENT_LIMIT - tail.length, context.runUrl);
            return renderReport({ ...content, history }, limits) + tail;
        }
    }));
    if (posted === null)
        return;
    info(`ml-gate: comment ${posted.action}: ${posted.url}`);
    setOutput(Outputs.CommentId, String(posted.id));
    setOutput(Outputs.CommentUrl, posted.url);
}
async function checkRun(client, publisher, content, name, context) {
    if (context.headSha === null) {
        warning('ml-gate: no commit to attach the check run to (GITHUB_SHA is not set); no check run');
        return;
    }
    const verdict = reportVerdict(content);
    const limits = commentLimits(CHECK_SUMMARY_LIMIT, context.runUrl, 'check run summary');
    const headline = reportHeadline(content);
    const run = await publisher.attempt(`create the check run ${name}`, true, () => publishCheckRun(client, {
        owner: context.owner,
        repo: context.repo,
        name,
        headSha: context.headSha,
        verdict,
        title: `${verdict}: ${headline}`.slice(0, 250),
        summary: renderReport(content, limits),
        annotations: contractAnnotations(content.validations),
        ...(context.runUrl === null ? {} : { detailsUrl: context.runUrl })
    }));
    if (run === null)
        return;
    info(`ml-gate: check run ${name}: ${run.url}`);
    setOutput(Outputs.CheckRunId, String(run.id));
}

/** The action; it runs itself when started as a script (see `actionEntry`). */
const run = await actionEntry(import.meta.url, runReport);

export { run };
