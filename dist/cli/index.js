#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';
import { r as rememberThreadScript } from './chunks/thread-script.js';
import { E as ExitCode, d as didYouMean, U as UserInputError } from './chunks/suggest.js';
import { V as VERSION } from './chunks/version.js';
import { l as logText } from './chunks/log-text.js';
import { u as untilReaderLeaves } from './chunks/write-output.js';
import 'node:fs/promises';
import 'node:path';

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
    const { serveThread } = await import('./chunks/staging-thread.js').then(function (n) { return n.b; });
    await serveThread(workerData);
}

/**
 * The subcommands. Each is a dynamic `import()`, so `ml-gate --version`, `--help` or a mistyped
 * name read and run none of them (nor the YAML parser, ajv and the readers they bring).
 */
const commands = [
    {
        name: 'profile',
        summary: 'profile the columns of a CSV, JSON Lines, JSON or Parquet file',
        load: async () => (await import('./chunks/profile.js')).profileCommand
    },
    {
        name: 'validate',
        summary: 'check data against a contract and measure drift against a reference',
        load: async () => (await import('./chunks/validate.js')).validateCommand
    },
    {
        name: 'infer',
        summary: 'draft a data contract from data you trust',
        load: async () => (await import('./chunks/infer.js')).inferCommand
    },
    {
        name: 'evaluate',
        summary: 'metrics per segment with confidence intervals, from a predictions file',
        load: async () => (await import('./chunks/evaluate.js')).evaluateCommand
    },
    {
        name: 'merge',
        summary: 'merge the states of the shards of one input (evaluate --shard K/N) into one document',
        load: async () => (await import('./chunks/merge.js')).mergeCommand
    },
    {
        name: 'gate',
        summary: 'judge the candidate model against the gates of ml-gate.yml, overall and per segment',
        load: async () => (await import('./chunks/gate.js')).gateCommand
    },
    {
        name: 'canary',
        summary: 'decide a canary release from live outcome logs: promote, rollback or continue',
        load: async () => (await import('./chunks/canary.js')).canaryCommand
    },
    {
        name: 'report',
        summary: 'render the PR report (markdown) from the result documents',
        load: async () => (await import('./chunks/report.js')).reportCommand
    },
    {
        name: 'run',
        summary: 'the whole pipeline from ml-gate.yml: validate, evaluate, gate, report',
        load: async () => (await import('./chunks/run.js')).runCommand
    },
    {
        name: 'monitor',
        summary: 'watch production prediction logs by window against a reference: drift, rates, metrics',
        load: async () => (await import('./chunks/monitor.js')).monitorCommand
    }
];
function help() {
    const width = commands.reduce((w, c) => Math.max(w, c.name.length), 0);
    return [
        'ml-gate: validate data, evaluate and gate ML models, locally and in GitHub Actions.',
        '',
        'Usage: ml-gate <command> [options]',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        "Run 'ml-gate <command> --help' for a command's options.",
        'Exit codes: 0 passed, 1 a gate or check failed, 2 bad input, 3 undecided (canary: continue).',
        ''
    ].join('\n');
}
/**
 * Runs one CLI invocation and returns its exit code. The one place where user errors become
 * messages: `ml-gate: FILE:LINE:COL: message` on stderr and exit code 2, never a stack trace.
 */
async function runCli(argv, given) {
    // Messages quote files and values from data; in a CI log none may become a workflow command.
    const console = { ...given, stderr: (text) => given.stderr(logText(text)) };
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        console.stdout(help());
        return name === undefined ? ExitCode.BadInput : ExitCode.Pass;
    }
    if (name === '--version' || name === '-v') {
        console.stdout(`${VERSION}\n`);
        return ExitCode.Pass;
    }
    const entry = commands.find((c) => c.name === name);
    if (!entry) {
        const names = commands.map((c) => c.name);
        console.stderr(`ml-gate: unknown command '${name}'${didYouMean(name, names)}. Commands: ${names.join(', ')}\n`);
        return ExitCode.BadInput;
    }
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
        console.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
        return ExitCode.Pass;
    }
    try {
        return await command.run(rest, console);
    }
    catch (error) {
        if (error instanceof UserInputError) {
            console.stderr(`ml-gate: ${error.format()}\n`);
            return ExitCode.BadInput;
        }
        throw error;
    }
}

await runEntry(import.meta.url, async () => {
    process.exitCode = await runCli(process.argv.slice(2), {
        stdout: untilReaderLeaves(process.stdout),
        stderr: untilReaderLeaves(process.stderr),
        isTTY: process.stdout.isTTY === true,
        env: process.env
    });
});
