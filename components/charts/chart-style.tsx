/**
 * Series colours and fill patterns. Colours are the Okabe–Ito palette (told apart with the common colour-vision
 * deficiencies); every series also has its own pattern and its name on each bar, so colour never carries meaning alone.
 * SVG presentation attributes only (no style attributes): the page's CSP allows no inline styles.
 */
export const SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999"] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** The `url(#…)` fill of a series: solid, stripes, dots, cross-hatch, lines, in turn. */
export function patternId(chartId: string, index: number): string {
  return `pattern-${chartId}-${index}`;
}

export function SeriesPattern({ chartId, index }: { chartId: string; index: number }) {
  const colour = seriesColour(index);
  const kind = index % 5;
  return (
    <pattern id={patternId(chartId, index)} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform={kind === 1 ? "rotate(45)" : undefined}>
      <rect width="8" height="8" fill={colour} />
      {kind === 1 ? <rect width="3" height="8" fill="#ffffff" fillOpacity="0.55" /> : null}
      {kind === 2 ? <circle cx="4" cy="4" r="1.6" fill="#ffffff" fillOpacity="0.7" /> : null}
      {kind === 3 ? <path d="M0 0L8 8M8 0L0 8" stroke="#ffffff" strokeOpacity="0.6" strokeWidth="1.5" /> : null}
      {kind === 4 ? <rect y="3" width="8" height="2" fill="#ffffff" fillOpacity="0.6" /> : null}
    </pattern>
  );
}

/** A legend swatch that reads without JavaScript: its own small SVG with the series' pattern. */
export function Swatch({ chartId, index }: { chartId: string; index: number }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="swatch">
      <defs>
        <SeriesPattern chartId={`swatch-${chartId}`} index={index} />
      </defs>
      <rect width="16" height="16" fill={`url(#${patternId(`swatch-${chartId}`, index)})`} stroke="#1b1f24" strokeWidth="0.5" />
    </svg>
  );
}
