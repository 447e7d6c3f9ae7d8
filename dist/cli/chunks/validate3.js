import { basename, extname, join } from 'node:path';
import { l as loadContract, D as DataValidation, f as failsUnder } from './validate2.js';
import { E as ExitCode } from './suggest.js';
import { o as openTable } from './open.js';
import { b as writeDocument } from './write-output.js';

/**
 * The validate step: data files against a contract, and drift against a reference. Shared by
 * `ml-gate validate`, the validate-data action and `ml-gate run`. The checks themselves are pure
 * (src/contract/validate.ts); this step opens the files and streams them through.
 */
/**
 * Validates one data file against a contract and, with a reference, measures drift, in one pass
 * over each file (see `DataValidation`).
 *
 * @throws UserInputError when the data lacks a required contract column (at the contract's line),
 *   and for any unreadable row of either file
 */
async function validateFile(request) {
    const table = await openTable(request.data, request.read);
    const validation = new DataValidation(request.contract, table, request.reference !== undefined, request.seed);
    await stream(table, (batch, firstRow) => validation.add(batch, firstRow));
    let reference = null;
    if (request.reference !== undefined) {
        const referenceTable = await openTable(request.reference, request.read);
        const sample = validation.reference(referenceTable.columns);
        await stream(referenceTable, (batch, firstRow) => sample.add(batch, firstRow));
        reference = { file: request.reference, sample };
    }
    return validation.document(reference, { method: request.driftMethod, settings: request.drift, correction: request.driftCorrection }, request.failOn);
}
async function stream(table, onBatch) {
    let rows = 0;
    for await (const batch of table.batches()) {
        onBatch(batch, rows);
        rows += batch.size;
    }
}
/**
 * Validates every file of `request.files` (see `validateFile`) and writes each document.
 * @throws UserInputError for a bad contract (at its line) or any unreadable file
 */
async function validateStep(request) {
    const { files, contract: contractFile, results, onStart, onDone, ...settings } = request;
    let contract;
    const documents = [];
    const paths = [];
    for (const file of files) {
        onStart?.(file);
        if (contractFile !== undefined)
            contract ??= await loadContract(contractFile);
        const document = await validateFile({ ...settings, data: file, contract });
        if (results !== undefined) {
            const path = validationPath(results.dir, file, results.taken);
            await writeDocument(path, document);
            paths.push(path);
        }
        documents.push(document);
        onDone?.(file, document);
    }
    const code = documents.reduce((worst, d) => Math.max(worst, validationExitCode(d, request.failOn ?? 'error')), ExitCode.Pass);
    return { documents, paths, code };
}
/** Exit code for a validation result under a fail-on policy. */
function validationExitCode(document, failOn) {
    return failsUnder(document, failOn) ? ExitCode.GateFailed : ExitCode.Pass;
}
/**
 * Where the validation document of a data file goes: `<output>/validation-<stem>.json`, with
 * `-2`, `-3`… for files of the same name in other folders. `taken` collects the names used.
 */
function validationPath(output, file, taken) {
    const stem = `validation-${basename(file, extname(file))}`;
    let name = `${stem}.json`;
    for (let i = 2; taken.has(name); i++)
        name = `${stem}-${i}.json`;
    taken.add(name);
    return join(output, name);
}

export { validateStep as v };
