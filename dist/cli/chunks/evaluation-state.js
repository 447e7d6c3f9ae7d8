import { B as BinaryAccumulator } from './binary.js';
import { M as MulticlassAccumulator, R as RegressionAccumulator } from './staging-thread.js';
import { R as RowDigest, O as OVERALL, c as compareSegments, s as segmentFamilies } from './segmentation.js';
import { d as documentSettings } from './evaluate2.js';

const EVALUATION_STATE_SCHEMA = 'ml-gate/evaluation-state@1';
/** One piece of a shard's state. */
function pieceState(evaluation, fileIndex, range) {
    return {
        file: evaluation.file,
        file_index: fileIndex,
        range,
        rows: evaluation.rows,
        labels: evaluation.labels,
        ids: evaluation.ids,
        segments: [...evaluation.segments.values()].map((s) => ({
            key: s.key,
            family: s.family,
            labels: s.labels,
            rows: s.rows,
            state: s.metrics.toState()
        }))
    };
}
/** The state document of one shard. */
function evaluationState(settings, input, shard, classes, pieces) {
    return {
        schema: EVALUATION_STATE_SCHEMA,
        task: settings.model.task,
        input,
        shard,
        settings: documentSettings(settings),
        classes,
        pieces
    };
}
/** The settings an evaluation ran with, from the settings its document states. */
function settingsFromDocument(task, s) {
    return {
        model: {
            task,
            label: s.label,
            ...(s.score !== null && { score: s.score }),
            score_prefix: s.score_prefix ?? 'score_',
            ...(s.prediction !== null && { prediction: s.prediction }),
            positive: s.positive ?? 1,
            threshold: s.threshold ?? 0.5,
            ...(s.weight !== null && { weight: s.weight }),
            ...(s.id !== null && { id: s.id })
        },
        segments: s.segments,
        minSupport: s.min_support,
        confidence: s.confidence,
        bootstrap: { replicates: s.bootstrap, seed: s.seed }
    };
}
/**
 * The classes of the merged evaluation: with probability columns, theirs (any state's `classes`);
 * found in the rows, the sorted union of the pieces' (each shard finds the classes of its own rows,
 * `evaluate-input.ts`), the list a single run finds; `[]` for another task.
 */
function mergedClasses(states) {
    const given = states.map((s) => s.classes).find((c) => c.length > 0);
    if (given !== undefined)
        return [...given];
    const found = new Set();
    // A forged state's classes are refused by `restorePiece` (`MulticlassAccumulator.fromState`).
    const named = (state) => 'classes' in state && Array.isArray(state.classes) ? state.classes : [];
    for (const state of states) {
        for (const piece of state.pieces)
            for (const segment of piece.segments)
                for (const c of named(segment.state))
                    if (typeof c === 'string')
                        found.add(c);
    }
    return [...found].sort();
}
/**
 * The evaluation a piece's state describes, a multiclass piece widened to `classes`.
 * @throws Error ("invalid metric state: …") for a state the accumulators cannot restore, or a
 *   multiclass state with a class not in `classes`
 */
function restorePiece(piece, settings, classes) {
    const restore = restorer(settings.model.task);
    const segments = new Map(piece.segments.map((s) => [
        s.key,
        {
            key: s.key,
            family: s.family,
            labels: s.labels,
            rows: s.rows,
            metrics: widened(restore(s.state), classes)
        }
    ]));
    return {
        file: piece.file,
        settings,
        families: segmentFamilies(settings.segments),
        classes,
        rows: piece.rows,
        labels: piece.labels,
        ids: piece.ids,
        segments
    };
}
/** A multiclass accumulator over `classes` (a shard's classes are those of its rows). */
function widened(metrics, classes) {
    if (!(metrics instanceof MulticlassAccumulator))
        return metrics;
    return metrics.classes.join('\u0000') === classes.join('\u0000') ? metrics : metrics.withClasses(classes);
}
function restorer(task) {
    if (task === 'binary')
        return (state) => BinaryAccumulator.fromState(state);
    if (task === 'multiclass')
        return (state) => MulticlassAccumulator.fromState(state);
    return (state) => RegressionAccumulator.fromState(state);
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

export { mergedClasses as a, evaluationState as e, mergeEvaluations as m, pieceState as p, restorePiece as r, settingsFromDocument as s };
