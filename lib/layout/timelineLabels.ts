import type { DatasetIndex } from "../data/indexDataset";
import { fitWords, textWidth } from "./labels";
import { LABEL_FONT, MARK_RADIUS, type PlacedMark } from "./timelineMarks";

/** Narrowest label worth writing beside a mark in an episode strip: a few words, not a stub and an ellipsis. */
export const MIN_STRIP_LABEL = 56;
/** Longest label beside a mark in a strip: the rest of the title is in its tooltip. */
const LONGEST_STRIP_LABEL = 220;
const LABEL_PAD = 4;
/**
 * Room a label keeps from the next mark or label of its lane: the estimate of a text's width can fall a few
 * pixels short of the font the browser picks, and a label's last letters must not touch a glyph.
 */
const LABEL_SLACK = 8;

/**
 * Labels for an episode strip's marks where they fit, without moving a mark: marks take turns by `rank`
 * (lower first, then in time order), and each writes its title in its own lane, cut at a word's end to fit
 * ({@link fitWords}: the mark's name holds the label word for word), to the right of the mark if there is
 * room for {@link MIN_STRIP_LABEL} pixels before the next mark or label of the lane or the edge, else to the
 * left. Marks that already have a label keep it. Returns new marks; unlabelled ones are the same objects.
 */
export function labelStripMarks(
  marks: readonly PlacedMark[],
  titles: ReadonlyMap<string, string>,
  width: number,
  rank: (id: string) => number,
): PlacedMark[] {
  // What each lane holds, as [x0, x1] intervals: every mark's extent (a point's glyph), then placed labels.
  const taken = new Map<number, [number, number][]>();
  // A point's glyph, or the glyph at a span's middle where the span is narrower.
  const reach = (m: PlacedMark) => (m.span ? Math.max(0, MARK_RADIUS - (m.x1 - m.x0) / 2) : MARK_RADIUS);
  for (const m of marks) {
    const lane = taken.get(m.lane) ?? [];
    lane.push([m.x0 - reach(m), m.x1 + reach(m)]);
    if (m.label) {
      const w = textWidth(m.label.text, LABEL_FONT);
      lane.push(m.label.anchor === "start" ? [m.label.x, m.label.x + w] : [m.label.x - w, m.label.x]);
    }
    taken.set(m.lane, lane);
  }
  const order = marks
    .map((m, i) => ({ m, i, r: rank(m.id) }))
    .filter(({ m }) => !m.label && titles.has(m.id))
    .sort((a, b) => a.r - b.r || a.m.x0 - b.m.x0 || a.i - b.i);
  const out = [...marks];
  for (const { m, i } of order) {
    const lane = taken.get(m.lane)!;
    const title = titles.get(m.id)!;
    // Room to the right: up to the nearest interval that reaches past the label's start (or the edge); the
    // mark's own ends before it. To the left likewise.
    const start = m.x1 + reach(m) + LABEL_PAD;
    const end = m.x0 - reach(m) - LABEL_PAD;
    const right = Math.min(width, ...lane.filter(([, b]) => b > start).map(([a]) => a - LABEL_SLACK));
    const left = Math.max(0, ...lane.filter(([a]) => a < end).map(([, b]) => b + LABEL_SLACK));
    const fit = (room: number) => {
      const text = fitWords(title, Math.min(LONGEST_STRIP_LABEL, room), LABEL_FONT);
      return text && textWidth(text, LABEL_FONT) >= MIN_STRIP_LABEL ? text : "";
    };
    const r = fit(right - start);
    const l = r ? "" : fit(end - left);
    const label: PlacedMark["label"] = r
      ? { text: r, x: start, anchor: "start" }
      : l
        ? { text: l, x: end, anchor: "end" }
        : null;
    if (!label) continue;
    const w = textWidth(label.text, LABEL_FONT);
    lane.push(label.anchor === "start" ? [label.x, label.x + w] : [label.x - w, label.x]);
    out[i] = { ...m, label };
  }
  return out;
}

const RANKS = new WeakMap<DatasetIndex, Map<string, number>>();

/** The actors whose stances the atlas is about: their events label first. */
const FOCAL_CAMPS: ReadonlySet<string> = new Set(["russia", "iran"]);

/**
 * Which events' marks label first in an episode strip: 0 for a strike or an event with a stance taken by
 * Russia or Iran (or one of their officials or bodies), 1 for another event that involves them, 2 for the
 * rest (and an unknown id). Each event's rank is worked out when first asked and kept per dataset: a strip
 * asks for the events it labels, not the 100,000 of a large dataset.
 */
export function eventLabelRank(index: DatasetIndex): (id: string) => number {
  let ranks = RANKS.get(index);
  if (!ranks) RANKS.set(index, (ranks = new Map()));
  const r = ranks;
  const focal = (actor: string) => FOCAL_CAMPS.has(index.campOf.get(actor) ?? actor);
  const rankOf = (id: string): number => {
    const e = index.eventById.get(id);
    if (!e) return 2;
    const stances = index.stancesByEvent.get(e.id) ?? [];
    if (e.kind === "strike" || stances.some((s) => focal(s.from))) return 0;
    return [...e.actors, ...e.targets].some(focal) ? 1 : 2;
  };
  return (id) => {
    let rank = r.get(id);
    if (rank === undefined) r.set(id, (rank = rankOf(id)));
    return rank;
  };
}
