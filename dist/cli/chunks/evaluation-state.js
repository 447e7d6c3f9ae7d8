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
 * The evaluation a piece's state describes.
 * @throws Error ("invalid metric state: …") for a state the accumulators cannot restore
 */
function restorePiece(piece, settings, classes) {
    const restore = restorer(settings.model.task);
    const segments = new Map(piece.segments.map((s) => [
        s.key,
        { key: s.key, family: s.family, labels: s.labels, rows: s.rows, metrics: restore(s.state) }
    ]));
    return {
        file: piece.file,
        settings,
        families: segmentFamilies(settings.segments),
        classes,
        rows: piece.rows,
        labels: piece.labels,
        segments
    };
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
    return { file, settings, families, classes, rows, labels: labels?.toState() ?? null, segments: sorted };
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

export { evaluationState as e, mergeEvaluations as m, pieceState as p, restorePiece as r, settingsFromDocument as s };
