/** A label to place: the pixel position it belongs to and its width. */
export interface LabelRequest {
  /** Pixel position the label describes (its preferred centre, or its anchor). */
  x: number;
  width: number;
}

/** Where a label went: its left edge and row, or `row: null` when it could not be placed without overlap. */
export interface PlacedLabel {
  left: number;
  row: number | null;
}

/**
 * Estimated width of a text in the UI font. Layout runs without a DOM (on the server, in tests), so it
 * errs wide: an estimate that is too wide costs a dropped label, one that is too narrow an overlap.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return Math.ceil(text.length * fontSize * (bold ? 0.66 : 0.6));
}

/** The text cut with an ellipsis so that it fits `maxWidth` by {@link textWidth}; "" if not even one letter fits. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = Math.floor(maxWidth / (fontSize * 0.6)) - 1;
  return chars < 1 ? "" : `${text.slice(0, chars).trimEnd()}…`;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * Keeps labels centred on their positions, left to right, dropping any that would overlap the last kept
 * one (axis ticks). Labels are clamped inside [0, extent] first. Returns the kept labels' left edges, or
 * null for a dropped label.
 */
export function dropOverlapping(
  labels: readonly LabelRequest[],
  extent: number,
  gap: number,
): (number | null)[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.x - labels[b]!.x);
  const out = new Array<number | null>(labels.length).fill(null);
  let right = -Infinity;
  for (const i of order) {
    const { x, width } = labels[i]!;
    const left = clamp(x - width / 2, 0, Math.max(0, extent - width));
    if (left < right + gap) continue;
    out[i] = left;
    right = left + width;
  }
  return out;
}

/**
 * Places labels in rows above the marks they name (episode bands): each starts at its position, pushed
 * left as far as needed to stay inside [0, extent], in the first row where it overlaps nothing. A label
 * that fits no row within `maxRows` is dropped (`row: null`). Greedy, in order of position.
 */
export function placeLabelRows(
  labels: readonly LabelRequest[],
  extent: number,
  maxRows: number,
  gap: number,
): PlacedLabel[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.x - labels[b]!.x || a - b);
  const rowEnds: number[] = [];
  const out = new Array<PlacedLabel>(labels.length);
  for (const i of order) {
    const { x, width } = labels[i]!;
    const left = clamp(x, 0, Math.max(0, extent - width));
    let row = rowEnds.findIndex((end) => end + gap <= left);
    if (row === -1 && rowEnds.length < maxRows) row = rowEnds.length;
    if (row === -1) {
      out[i] = { left, row: null };
      continue;
    }
    rowEnds[row] = left + width;
    out[i] = { left, row };
  }
  return out;
}
