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

export { RESULT_FILES as R, candidateResultFile as c };
