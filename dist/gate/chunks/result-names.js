/**
 * The names the steps give their result documents in the results folder. Apart from the loader
 * (`report/result-files.ts`), so that an action's inputs can name the default folder without
 * loading ajv and the schemas: an action with a bad input stops before that cost.
 */
const RESULT_FILES = {
    folder: 'ml-gate-results',
    verdict: 'verdict.json',
    candidate: 'evaluation-candidate.json',
    baseline: 'evaluation-baseline.json'};
/** The evaluation document of a named candidate (several candidates), beside `RESULT_FILES`. */
function candidateResultFile(name) {
    return `evaluation-candidate-${name}.json`;
}
/**
 * A name that may name a result file (a candidate's, an evaluation's): letters, digits, `.`, `_`
 * and `-`, so that it stays a file name inside the results folder.
 */
const RESULT_NAME = /^[A-Za-z0-9._-]+$/;

export { RESULT_FILES as R, RESULT_NAME as a, candidateResultFile as c };
