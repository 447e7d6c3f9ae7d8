/**
 * Each compared setting: its config name, how to read it off stated settings, and (when values that
 * differ in JSON mean the same) the form compared.
 */
const SETTINGS = [
    { name: 'model.task', read: (s) => s.task },
    { name: 'model.label', read: (s) => s.settings.label },
    // `--positive 1` gives the text "1", a config `positive: 1` the number: labels compare as text.
    { name: 'model.positive', read: (s) => s.settings.positive, compared: (v) => (v === null ? v : String(v)) },
    { name: 'model.threshold', read: (s) => s.settings.threshold },
    { name: 'model.weight', read: (s) => s.settings.weight },
    { name: 'model.id', read: (s) => s.settings.id },
    { name: 'evaluation.confidence', read: (s) => s.settings.confidence },
    { name: 'evaluation.bootstrap', read: (s) => s.settings.bootstrap },
    { name: 'evaluation.seed', read: (s) => s.settings.seed },
    // The set of columns matters, not their order (which only orders the report).
    { name: 'segments.columns', read: (s) => sorted(s.settings.segments?.columns) },
    { name: 'segments.bins', read: (s) => sortedKeys(s.settings.segments?.bins) },
    { name: 'segments.cross', read: (s) => s.settings.segments?.cross }
];
/** The settings in which `mine` and `theirs` differ, in the order above. */
function settingDifferences(mine, theirs) {
    const out = [];
    for (const { name, read, compared = (v) => v } of SETTINGS) {
        const a = read(mine);
        const b = read(theirs);
        if (JSON.stringify(compared(a)) !== JSON.stringify(compared(b)))
            out.push({ name, mine: a, theirs: b });
    }
    return out;
}
/**
 * The differences in words, e.g.
 * `evaluation.seed: the document's 7, the config's 42; model.id: the document's null, the config's "id"`.
 */
function describeDifferences(differences, mine, theirs) {
    return differences.map((d) => `${d.name}: ${mine} ${show(d.mine)}, ${theirs} ${show(d.theirs)}`).join('; ');
}
function show(value) {
    if (value === undefined)
        return 'absent';
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
function sorted(values) {
    return Array.isArray(values) ? [...values].sort() : values;
}
function sortedKeys(record) {
    if (typeof record !== 'object' || record === null)
        return record;
    return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export { describeDifferences as d, settingDifferences as s };
