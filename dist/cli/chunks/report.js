import { existsSync } from 'node:fs';
import { U as UserInputError } from './suggest.js';
import { r as reportHeadline, a as reportVerdict, b as renderReport, c as commentLimits, C as COMMENT_LIMIT, d as reportStep, S as SUMMARY_LIMITS } from './report2.js';
import { R as RESULT_FILES } from './result-names.js';
import { p as parseCommandArgs } from './args.js';
import { b as writeOutput } from './write-output.js';
import 'node:crypto';
import './validate2.js';
import './multiple-testing.js';
import './text-table.js';
import './hash.js';
import './count-table.js';
import './selection.js';
import './detect.js';
import './schema-validator.js';
import './schema-errors.js';
import 'node:fs/promises';
import 'process';
import 'buffer';
import './number-set.js';
import './base64.js';
import 'node:path';
import './candidate-board.js';
import './segmentation.js';
import './rules.js';
import './read-document.js';
import './version.js';
import 'node:util';

/** Runs kept in a comment's history, newest first. */
/** Longest headline kept in the history. */
const HEADLINE_LENGTH = 300;
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
    return [];
}

/**
 * The body of the sticky PR comment, exactly as the report action posts it: the report fitted to
 * GitHub's 65,536 characters together with the hidden marker and state that follow it.
 * `ml-gate report --comment` prints the same, so what a user previews is what gets posted.
 */
function commentBody(content, context) {
    const marker = commentMarker(context.key);
    const history = nextHistory();
    const current = {
        verdict: reportVerdict(content),
        headline: reportHeadline(content),
        commit: context.commit
    };
    const tail = `\n${marker}\n${encodeState(current, history)}\n`;
    const limits = commentLimits(COMMENT_LIMIT - tail.length, context.runUrl);
    return renderReport({ ...content, history }, limits) + tail;
}

/**
 * The workflow run's page from the runner's environment (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`,
 * `GITHUB_RUN_ID`), where the job summary is; `null` outside a run. The comment links it, whether
 * the action posts it or `ml-gate report --comment` previews it.
 */
function runUrlOf(env) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    return env.GITHUB_RUN_ID && repository ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : null;
}

const usage = `Usage: ml-gate report [--results DIR] [--markdown OUT] [--config FILE] [--comment [--comment-key KEY]]

Renders the report the report action writes to the job summary, from the result documents in
DIR (verdict.json, evaluation-*.json, validation*.json), without talking to GitHub.

  --results DIR      the results folder (default ${RESULT_FILES.folder})
  --markdown OUT     write the markdown to OUT instead of stdout ('-' for stdout)
  --config FILE      the config, listed with its sha256 in the audit trail (default ml-gate.yml
                     when it exists)
  --comment          render the pull request comment instead, exactly the body the action posts
                     on a first run: fitted to GitHub's 65,536 characters, with its hidden marker
                     (the commit is GITHUB_SHA, the run's link from GITHUB_SERVER_URL,
                     GITHUB_REPOSITORY and GITHUB_RUN_ID when they are set)
  --comment-key KEY  the action's comment-key input (default: the config's path, ml-gate.yml)

Exit code: 1 when the verdict is fail, as in the job.`;
const reportCommand = {
    name: 'report',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('report', args, {
            results: { type: 'string' },
            markdown: { type: 'string' },
            config: { type: 'string' },
            comment: { type: 'boolean' },
            'comment-key': { type: 'string' }
        }, { min: 0, max: 0, names: 'no positional arguments' });
        if (values['comment-key'] !== undefined && values.comment !== true) {
            throw new UserInputError("ml-gate report: --comment-key is for --comment; see 'ml-gate report --help'");
        }
        const config = values.config ?? 'ml-gate.yml';
        const { content, code } = await reportStep({
            results: values.results ?? RESULT_FILES.folder,
            config: values.config ?? (existsSync(config) ? config : null),
            commit: console.env.GITHUB_SHA ?? null
        });
        const markdown = values.comment === true
            ? commentBody(content, {
                key: values['comment-key'] ?? config,
                commit: console.env.GITHUB_SHA ?? null,
                runUrl: runUrlOf(console.env)
            })
            : renderReport(content, SUMMARY_LIMITS);
        await writeOutput(values.markdown ?? '-', markdown, console);
        return code;
    }
};

export { reportCommand };
