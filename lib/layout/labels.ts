import type { Box } from "./networkGeometry";

// ── Text width ──────────────────────────────────────────────────────────────────────────────────────────

/** Font size of the network's node labels, in CSS pixels (its narrow layout uses one pixel less). */
export const LABEL_FONT_PX = 12;

/**
 * How much wider a bold text is estimated than a regular one: bold glyphs run wider, the narrow ones (i, l, t,
 * the space) the most, and an estimate that falls short clips a label at the edge of the axis.
 */
const BOLD_FACTOR = 1.2;
/** Advance of the ellipsis {@link fitText} appends, in ems: a full em in the wider fallback fonts. */
const ELLIPSIS_EM = 1;

/** Advance of one character in ems of the system UI font: capitals and digits wide, i, l and punctuation narrow. */
function charEm(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return 0.68; // A–Z
  // i l . , ' space -
  if (c === 105 || c === 108 || c === 46 || c === 44 || c === 39 || c === 32 || c === 45) return 0.3;
  if (c >= 48 && c <= 57) return 0.64; // 0–9: tabular, as wide as the widest lowercase letters
  if (c === 0x2026) return ELLIPSIS_EM; // …
  return 0.56;
}

/**
 * Estimated width of a text in CSS pixels, the one estimate both views lay their labels out with. Text cannot
 * be measured on the server (nor in tests), and a layout must come out the same on both sides, so this sums a
 * per-character estimate for the system UI font and rounds up. A code point counts once.
 */
export function textWidth(text: string, fontPx: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charEm(ch);
  return Math.ceil(units * fontPx * (bold ? BOLD_FACTOR : 1));
}

/**
 * The text cut with an ellipsis so that it fits `maxWidth` by {@link textWidth} (the ellipsis included); ""
 * if not even one letter fits.
 */
export function fitText(text: string, maxWidth: number, fontPx: number, bold = false): string {
  if (textWidth(text, fontPx, bold) <= maxWidth) return text;
  const px = fontPx * (bold ? BOLD_FACTOR : 1);
  let units = ELLIPSIS_EM;
  let cut = 0;
  let at = 0;
  for (const ch of text) {
    units += charEm(ch);
    if (Math.ceil(units * px) > maxWidth) break;
    at += ch.length;
    cut = at;
  }
  const head = text.slice(0, cut).trimEnd();
  return head ? `${head}…` : "";
}

/**
 * Width of a network node's label box: its text and two pixels either side, the room the force layout and
 * the label placement keep for it.
 */
export function labelWidth(label: string, fontPx = LABEL_FONT_PX): number {
  return textWidth(label, fontPx) + 4;
}

// ── Labels along an axis (the time axis) ───────────────────────────────────────────────────────────────

/** A label to place: the pixel position it belongs to and its width. */
export interface LabelRequest {
  /** Pixel position the label describes (its preferred centre, or its anchor). */
  x: number;
  /** Width of the label, in pixels ({@link textWidth}). */
  width: number;
}

/** Where a label went: its left edge and row, or `row: null` when it could not be placed without overlap. */
export interface PlacedLabel {
  /** Left edge of the label, in pixels. */
  left: number;
  /** Row of the label, 0 first; null when it was dropped. */
  row: number | null;
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

// ── Labels around marks (the network) ──────────────────────────────────────────────────────────────────
// By hand: visx places no labels around marks (@visx/annotation draws one label where it is told, unaware of
// the others), and the server must place them as the client does.

/** Where a label sits relative to its mark; null = no room (shown on hover or focus only). */
export type LabelSide =
  "below" | "above" | "right" | "left" | "below-right" | "below-left" | "above-right" | "above-left";

/** One label to place: its mark's centre and radius on screen, and the label's size. */
export interface LabelInput {
  /** Id of the mark the label names. */
  id: string;
  /** Centre of the mark on screen. */
  x: number;
  y: number;
  /** Radius of the mark, with any margin the label keeps from it. */
  r: number;
  /** Size of the label's box ({@link labelWidth}, the font size and its leading). */
  width: number;
  height: number;
}

/** Sides tried in order: under the mark reads best, then beside it, then above, then the corners. */
const SIDES: readonly LabelSide[] = [
  "below",
  "right",
  "left",
  "above",
  "below-right",
  "below-left",
  "above-right",
  "above-left",
];

/** The box a label occupies on a side of its mark. */
export function labelBox(l: LabelInput, side: LabelSide): Box {
  const gap = 2;
  const { x, y, r, width: w, height: h } = l;
  const d = r * 0.7 + gap;
  switch (side) {
    case "below":
      return { x0: x - w / 2, x1: x + w / 2, y0: y + r + gap, y1: y + r + gap + h };
    case "above":
      return { x0: x - w / 2, x1: x + w / 2, y0: y - r - gap - h, y1: y - r - gap };
    case "right":
      return { x0: x + r + gap + 1, x1: x + r + gap + 1 + w, y0: y - h / 2, y1: y + h / 2 };
    case "left":
      return { x0: x - r - gap - 1 - w, x1: x - r - gap - 1, y0: y - h / 2, y1: y + h / 2 };
    case "below-right":
      return { x0: x + d, x1: x + d + w, y0: y + d, y1: y + d + h };
    case "below-left":
      return { x0: x - d - w, x1: x - d, y0: y + d, y1: y + d + h };
    case "above-right":
      return { x0: x + d, x1: x + d + w, y0: y - d - h, y1: y - d };
    case "above-left":
      return { x0: x - d - w, x1: x - d, y0: y - d - h, y1: y - d };
  }
}

/** Whether two boxes overlap by more than a pixel: glyphs rarely fill their estimated box to the edge. */
export const boxesOverlap = (a: Box, b: Box) =>
  a.x0 + 1 < b.x1 && b.x0 + 1 < a.x1 && a.y0 + 1 < b.y1 && b.y0 + 1 < a.y1;

/**
 * Greedy label placement on screen: labels in the given order (most important first) take the first side of
 * their mark (below, right, left, above, then the corners) that overlaps no mark, no placed label and stays
 * inside the view. Quadratic in the number of labels, which the network's cap on laid-out actors bounds.
 */
export function placeLabels(
  labels: readonly LabelInput[],
  view: { width: number; height: number },
): Map<string, LabelSide | null> {
  const marks: Box[] = labels.map((l) => ({ x0: l.x - l.r, y0: l.y - l.r, x1: l.x + l.r, y1: l.y + l.r }));
  const placed: Box[] = [];
  const out = new Map<string, LabelSide | null>();
  labels.forEach((l, i) => {
    let chosen: LabelSide | null = null;
    for (const side of SIDES) {
      const box = labelBox(l, side);
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > view.width || box.y1 > view.height) continue;
      if (marks.some((m, j) => j !== i && boxesOverlap(box, m))) continue;
      if (placed.some((p) => boxesOverlap(box, p))) continue;
      chosen = side;
      placed.push(box);
      break;
    }
    out.set(l.id, chosen);
  });
  return out;
}
