import type { Box, Point } from "./networkGeometry";

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
 * The text cut with an ellipsis at a word's end so that it fits `maxWidth` ({@link fitText}, but never
 * inside a word or an unclosed parenthesis), "" if not even its first word fits. A label cut so is made of
 * whole words of the text, so a mark whose name holds the whole text also holds its visible label, word
 * for word (WCAG 2.5.3, "label in name": axe compares whole words, and "B…" is no word of "Baghdad").
 */
export function fitWords(text: string, maxWidth: number, fontPx: number, bold = false): string {
  const cut = fitText(text, maxWidth, fontPx, bold);
  if (cut === text || cut === "") return cut;
  let head = cut.slice(0, -1);
  // The cut fell inside a word: back to the end of the word before it.
  if (/\S/.test(text.charAt(head.length))) head = head.slice(0, Math.max(0, head.search(/\S*$/)));
  // A parenthesis left open: a name's parenthetical is skipped whole, so the label stops before it.
  const open = head.lastIndexOf("(");
  if (open >= 0 && head.indexOf(")", open) < 0) head = head.slice(0, open);
  head = head.replace(/[\s,;:\u2013\u2014-]+$/u, "");
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

/**
 * Places labels in as few rows as hold them (at most `maxRows`), each as near its position as the others
 * allow: a row's labels keep their order, pushed apart just enough not to overlap and back inside
 * [0, extent]. With `n` rows, every n-th label in order of position shares a row. A label moved off its
 * position needs a leader line to what it names. Labels that fit no row count are all placed in `maxRows`
 * rows by {@link placeLabelRows}, which drops what does not fit.
 */
export function spreadLabelRows(
  labels: readonly LabelRequest[],
  extent: number,
  maxRows: number,
  gap: number,
): PlacedLabel[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.x - labels[b]!.x || a - b);
  for (let rows = 1; rows <= maxRows; rows++) {
    const out = new Array<PlacedLabel>(labels.length);
    let fits = true;
    for (let row = 0; row < rows && fits; row++) {
      const members = order.filter((_, k) => k % rows === row);
      const total = members.reduce((sum, i) => sum + labels[i]!.width, 0) + gap * (members.length - 1);
      if (total > extent) {
        fits = false;
        break;
      }
      // Centred on their positions, pushed right past each other, then back left from the far edge.
      const left = members.map((i) => labels[i]!.x - labels[i]!.width / 2);
      for (let k = 0; k < left.length; k++) {
        const min = k === 0 ? 0 : left[k - 1]! + labels[members[k - 1]!]!.width + gap;
        left[k] = Math.max(left[k]!, min);
      }
      for (let k = left.length - 1; k >= 0; k--) {
        const w = labels[members[k]!]!.width;
        const max = k === left.length - 1 ? extent - w : left[k + 1]! - gap - w;
        left[k] = Math.min(left[k]!, max);
      }
      members.forEach((i, k) => (out[i] = { left: left[k]!, row }));
    }
    if (fits) return out;
  }
  const lefts = labels.map((l) => ({ x: l.x - l.width / 2, width: l.width }));
  return placeLabelRows(lefts, extent, maxRows, gap);
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

/**
 * How much further out than right beside its mark a label may go, tried in order, when every side nearer
 * is taken (by an arrow, most often): a few pixels still read as the mark's label.
 */
const PUSHES = [0, 5, 10, 16] as const;

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

/** The box a label occupies on a side of its mark, `push` pixels further out than right beside it. */
export function labelBox(l: LabelInput, side: LabelSide, push = 0): Box {
  const gap = 2;
  const { x, y, width: w, height: h } = l;
  const r = l.r + push;
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

/** Where {@link placeLabelsClear} put a label: the side of its mark, and how far out ({@link labelBox}'s `push`). */
export interface PlacedSide {
  side: LabelSide;
  push: number;
  /**
   * True when no place near the mark is clear of the arrows: the label is drawn on a plate over them, so that
   * no arrow runs through its letters.
   */
  plate: boolean;
}

/** A drawn line labels keep clear of (an arrow), as the points of a polyline. */
export type LabelObstacle = readonly Point[];

/** Whether the segment from `p` to `q` passes through the box (Liang–Barsky clipping). */
export function segmentCrossesBox(p: Point, q: Point, b: Box): boolean {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const sides: [number, number][] = [
    [-dx, p.x - b.x0],
    [dx, b.x1 - p.x],
    [-dy, p.y - b.y0],
    [dy, b.y1 - p.y],
  ];
  for (const [den, num] of sides) {
    if (den === 0) {
      if (num < 0) return false;
      continue;
    }
    const t = num / den;
    if (den < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t0 <= t1;
}

/** Whether a polyline passes through a box shrunk by a pixel each side (glyphs rarely fill their box). */
export function lineCrossesBox(line: LabelObstacle, box: Box): boolean {
  const inner = { x0: box.x0 + 1, y0: box.y0 + 1, x1: box.x1 - 1, y1: box.y1 - 1 };
  for (let i = 1; i < line.length; i++) if (segmentCrossesBox(line[i - 1]!, line[i]!, inner)) return true;
  return false;
}

/** The box around a polyline's points. */
function lineBounds(line: LabelObstacle): Box {
  const xs = line.map((p) => p.x);
  const ys = line.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * Greedy label placement on screen: labels in the given order (most important first) take the first side of
 * their mark (below, right, left, above, then the corners) that overlaps no mark, no placed label and stays
 * inside the view. Quadratic in the number of labels, which the network's cap on laid-out actors bounds.
 */
export function placeLabels(
  labels: readonly LabelInput[],
  view: { width: number; height: number },
): Map<string, LabelSide | null> {
  const placed = placeLabelsClear(labels, view, []);
  return new Map([...placed].map(([id, p]) => [id, p?.side ?? null]));
}

/**
 * {@link placeLabels} that also keeps labels clear of `lines` (the arrows): where no side right beside a mark
 * is clear, its label may sit a few pixels further out ({@link PUSHES}); where none of those is clear either,
 * it takes the side free of marks and labels that the fewest arrows cross, on a plate drawn over them
 * (`plate`).
 */
export function placeLabelsClear(
  labels: readonly LabelInput[],
  view: { width: number; height: number },
  lines: readonly LabelObstacle[],
): Map<string, PlacedSide | null> {
  const marks: Box[] = labels.map((l) => ({ x0: l.x - l.r, y0: l.y - l.r, x1: l.x + l.r, y1: l.y + l.r }));
  const obstacles = lines.filter((l) => l.length > 1).map((line) => ({ line, bounds: lineBounds(line) }));
  const placed: Box[] = [];
  const out = new Map<string, PlacedSide | null>();
  const fits = (box: Box, i: number, clear: boolean) =>
    box.x0 >= 0 &&
    box.y0 >= 0 &&
    box.x1 <= view.width &&
    box.y1 <= view.height &&
    !marks.some((m, j) => j !== i && boxesOverlap(box, m)) &&
    !placed.some((p) => boxesOverlap(box, p)) &&
    !(clear && obstacles.some((o) => boxesOverlap(box, o.bounds) && lineCrossesBox(o.line, box)));
  labels.forEach((l, i) => {
    let chosen: PlacedSide | null = null;
    // Without arrows to avoid, a label sits right beside its mark or nowhere.
    for (const push of obstacles.length > 0 ? PUSHES : PUSHES.slice(0, 1)) {
      const side = SIDES.find((s) => fits(labelBox(l, s, push), i, true));
      if (side) {
        chosen = { side, push, plate: false };
        break;
      }
    }
    if (!chosen && obstacles.length > 0) {
      // The side its plate hides the fewest arrows on.
      let fewest = Infinity;
      for (const side of SIDES) {
        const box = labelBox(l, side);
        if (!fits(box, i, false)) continue;
        const n = obstacles.filter((o) => boxesOverlap(box, o.bounds) && lineCrossesBox(o.line, box)).length;
        if (n < fewest) {
          fewest = n;
          chosen = { side, push: 0, plate: true };
        }
      }
    }
    if (chosen) placed.push(labelBox(l, chosen.side, chosen.push));
    out.set(l.id, chosen);
  });
  return out;
}
