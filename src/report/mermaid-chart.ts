/** One bar group of a chart: a label and the baseline and candidate values. */
export interface ChartPoint {
  readonly label: string
  readonly baseline: number
  readonly candidate: number
}

/** Longest label shown under a bar; longer ones end in `…`. */
const LABEL_LENGTH = 32

/**
 * Text made safe inside a Mermaid quoted label: letters, digits, spaces and `=.,_+-/%()[]&`
 * stay, anything else (quotes, backticks, `<`, `#`, `;`, line breaks) becomes `_`, so no label can
 * end the string, the code fence or start an entity or HTML.
 *
 * @example mermaidLabel('Job="partime"<b>') // 'Job=_partime__b_'
 */
export function mermaidLabel(text: string): string {
  const safe = text.replace(/[^\p{L}\p{N} =.,_+\-/%()[\]&]/gu, '_')
  return safe.length > LABEL_LENGTH ? `${safe.slice(0, LABEL_LENGTH - 1)}…` : safe
}

function plain(value: number): string {
  // Mermaid reads plain decimals; no exponents.
  return String(Number(value.toFixed(4)))
}

/**
 * A Mermaid `xychart-beta` of one metric per segment: bars for the baseline, a line for the
 * candidate (xychart has no legend, so the title says which is which). GitHub renders Mermaid in
 * comments and job summaries, so no image is hosted anywhere. The y axis spans 0 to 1 when every
 * value lies there (most metrics), otherwise Mermaid's own range.
 *
 * @returns the fenced code block, or `null` when there are no points
 */
export function renderMetricChart(metric: string, points: readonly ChartPoint[]): string | null {
  if (points.length === 0) return null
  const values = points.flatMap((p) => [p.baseline, p.candidate])
  const unit = values.every((v) => v >= 0 && v <= 1)
  const name = mermaidLabel(metric)
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${name} per segment: bars baseline, line candidate"`,
    `    x-axis [${points.map((p) => `"${mermaidLabel(p.label)}"`).join(', ')}]`,
    `    y-axis "${name}"${unit ? ' 0 --> 1' : ''}`,
    `    bar [${points.map((p) => plain(p.baseline)).join(', ')}]`,
    `    line [${points.map((p) => plain(p.candidate)).join(', ')}]`,
    '```'
  ].join('\n')
}
