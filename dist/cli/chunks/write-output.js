import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { U as UserInputError } from './suggest.js';

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
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
    }
    catch (error) {
        throw new UserInputError(`cannot write ${path}: ${error.code ?? String(error)}`);
    }
}
/** Writes a result document to a file (see `documentText`, `writeTextFile`). */
async function writeDocument(path, document) {
    await writeTextFile(path, documentText(document));
}

/** Writes text to a file (creating its folder) or, for '-', to stdout. */
async function writeOutput(target, text, console) {
    if (target === '-')
        console.stdout(text);
    else
        await writeTextFile(target, text);
}
/** Writes a result document as pretty JSON (see `writeOutput`). */
async function writeJson(target, document, console) {
    await writeOutput(target, documentText(document), console);
}
/**
 * Writes a shard's state document as compact JSON: read by `ml-gate merge`, not by people, and
 * indentation would put each number of its reservoirs and examples on a line of its own (a
 * validation state was 3 times its content).
 */
async function writeState(target, state, console) {
    await writeOutput(target, `${JSON.stringify(state)}\n`, console);
}
/**
 * Writes to `stream` until its reader goes away (`ml-gate evaluate --json - | head -c 100`),
 * then drops what is left, as Unix tools end quietly on a closed pipe: no EPIPE stack trace. The
 * command still runs to its end, so its exit code stays the verdict's, never a silent pass.
 */
function untilReaderLeaves(stream) {
    let open = true;
    stream.on('error', (error) => {
        if (error.code !== 'EPIPE')
            throw error;
        open = false;
    });
    return (text) => {
        if (open)
            stream.write(text);
    };
}

export { writeJson as a, writeOutput as b, writeDocument as c, untilReaderLeaves as u, writeState as w };
