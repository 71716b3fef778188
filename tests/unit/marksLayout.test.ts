import { describe, expect, it } from "vitest";
import path from "node:path";
import { indexDataset } from "@/lib/data";
import { loadDataset } from "@/lib/data/loadDataset";
import {
  datasetLayout,
  edgeShapes,
  fitHeight,
  fitTransform,
  nodeLabels,
  screenMarks,
  type EdgeGeometry,
  type Point,
} from "@/lib/layout/network";
import { forcePlace } from "@/lib/layout/networkForces";
import {
  eventLabelRank,
  labelStripMarks,
  layoutTimeline,
  MIN_STRIP_LABEL,
  spreadLabelRows,
  textWidth,
  LABEL_FONT,
  type PlacedMark,
} from "@/lib/layout/timeline";
import { buildGraph } from "@/lib/select/graph";

const index = indexDataset(loadDataset(path.resolve("data/escalations.json")));

const point = (id: string, x: number, lane = 0): PlacedMark => ({
  id,
  x0: x,
  x1: x,
  span: false,
  clipStart: false,
  clipEnd: false,
  lane,
  label: null,
});

describe("episode strips label their marks where they fit, the most important first", () => {
  const LONG = "A title far too long to be written whole in the two hundred pixels of this small strip";

  it("a mark writes its title to its right up to the next mark of its lane, else to its left", () => {
    // Lane 0: marks at 20 and 200 on a 300 px strip; lane 1: one mark at 290 (no room right: left).
    const marks = [point("a", 20), point("b", 200), point("c", 290, 1)];
    const titles = new Map([
      ["a", LONG],
      ["b", "Short"],
      ["c", "Left of the mark"],
    ]);
    const out = labelStripMarks(marks, titles, 300, () => 0);
    // "a": from 20 + 6 (glyph) + 4 = 30, cut 8 px before b's glyph at 194: ≤ 156 px.
    expect(out[0]!.label!.x).toBe(30);
    expect(out[0]!.label!.anchor).toBe("start");
    expect(out[0]!.label!.text.endsWith("…")).toBe(true);
    expect(textWidth(out[0]!.label!.text, LABEL_FONT)).toBeLessThanOrEqual(156);
    // "Short" is narrower than the least label worth writing: none.
    expect(textWidth("Short", LABEL_FONT)).toBeLessThan(MIN_STRIP_LABEL);
    expect(out[1]!.label).toBeNull();
    // "c": 290 + 10 > 300, so it ends 4 px left of its glyph: 290 − 6 − 4 = 280.
    expect(out[2]!.label).toEqual({ text: "Left of the mark", x: 280, anchor: "end" });
  });

  it("where two marks want the same room, the higher-ranked one gets it", () => {
    // Lane 0: "x" at 10 (its label would go right), "y" at 190 (right is past the edge: left). Both reach
    // for the room between them; the one ranked first takes it, the other has less than a label's worth.
    const marks = [point("x", 10), point("y", 190)];
    const titles = new Map([
      ["x", LONG],
      ["y", LONG],
    ]);
    const xFirst = labelStripMarks(marks, titles, 200, (id) => (id === "x" ? 0 : 1));
    expect(xFirst[0]!.label).not.toBeNull();
    expect(xFirst[1]!.label).toBeNull();
    const yFirst = labelStripMarks(marks, titles, 200, (id) => (id === "y" ? 0 : 1));
    expect(yFirst[0]!.label).toBeNull();
    expect(yFirst[1]!.label).toMatchObject({ x: 180, anchor: "end" });
  });

  it("ranks strikes and the events of Russia's and Iran's stances first (data/escalations.json)", () => {
    const rank = eventLabelRank(index);
    // A strike; an event with a stance by Russia (russia-condemns-israel-consulate-strike).
    expect(rank("damascus-consulate-strike")).toBe(0);
    expect(rank("russia-condemns-consulate-strike")).toBe(0);
    // Lavrov (affiliated to Russia) takes stances at the 2024 call.
    expect(rank("lavrov-amir-abdollahian-call-2024")).toBe(0);
    // The Western condemnations target Iran but their stances are the West's: involved, not first.
    expect(rank("western-condemnations-of-iran-attack")).toBe(1);
    // Turkey condemns the killing of Soleimani: neither Russia nor Iran acts, nor is a target.
    expect(rank("turkey-condemns-soleimani-killing")).toBe(2);
  });

  it("the bundled strips at 1232 px carry labels, none over another or over a mark of its lane", () => {
    const layout = layoutTimeline(index.data.events, index.data.episodes, {
      width: 1232,
      span: index.span,
      labelRank: eventLabelRank(index),
    });
    let labelled = 0;
    for (const track of layout.episodes) {
      const byLane = new Map<number, [number, number][]>();
      for (const m of track.marks) {
        const boxes = byLane.get(m.lane) ?? [];
        boxes.push([m.x0 - 6, m.x1 + 6]);
        if (m.label) {
          labelled++;
          const w = textWidth(m.label.text, LABEL_FONT);
          const box: [number, number] =
            m.label.anchor === "start" ? [m.label.x, m.label.x + w] : [m.label.x - w, m.label.x];
          expect(box[0]).toBeGreaterThanOrEqual(0);
          expect(box[1]).toBeLessThanOrEqual(track.width);
          boxes.push(box);
        }
        byLane.set(m.lane, boxes);
      }
      for (const boxes of byLane.values())
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a0, a1] = boxes[i]!;
            const [b0, b1] = boxes[j]!;
            // Marks of one lane never touch (lanes are stacked so); a label touches neither.
            expect(a0 < b1 && b0 < a1, `${track.episode.id}: ${boxes[i]} × ${boxes[j]}`).toBe(false);
          }
    }
    expect(labelled).toBeGreaterThan(0);
  });
});

describe("the overview names its episodes in one row where they fit", () => {
  it("spreads labels apart in one row, in order, or takes a second row when one cannot hold them", () => {
    // Centred on 50 and 60, 40 px wide: 30 and 40, pushed apart to 30 and 30 + 40 + 4 = 74.
    expect(
      spreadLabelRows(
        [
          { x: 50, width: 40 },
          { x: 60, width: 40 },
        ],
        200,
        3,
        4,
      ),
    ).toEqual([
      { left: 30, row: 0 },
      { left: 74, row: 0 },
    ]);
    // 84 px of labels and gap in 80 px: one per row, each centred on its position.
    expect(
      spreadLabelRows(
        [
          { x: 50, width: 40 },
          { x: 60, width: 40 },
        ],
        80,
        3,
        4,
      ),
    ).toEqual([
      { left: 30, row: 0 },
      { left: 40, row: 1 },
    ]);
    // Pushed back inside the extent from its right edge: 190 − 20 = 170 → 180 − 40 = 140, then 96.
    expect(
      spreadLabelRows(
        [
          { x: 170, width: 40 },
          { x: 190, width: 40 },
        ],
        180,
        3,
        4,
      ),
    ).toEqual([
      { left: 96, row: 0 },
      { left: 140, row: 0 },
    ]);
  });

  it("the four bundled episodes share one row at 1232 px, not three stacked over 2023–2025", () => {
    // Soleimani 2020, Gaza 2023, Damascus & April 2024, US strikes 2025: about 440 px of bold 12 px text.
    const layout = layoutTimeline([], index.data.episodes, { width: 1232, span: index.span });
    expect(layout.overview.labelRows).toBe(1);
    const labels = layout.overview.bands.map((b) => b.label!);
    expect(labels.map((l) => l.row)).toEqual([0, 0, 0, 0]);
    const sorted = [...labels].sort((a, b) => a.left - b.left);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.left).toBeGreaterThanOrEqual(sorted[i - 1]!.left + sorted[i - 1]!.width);
    expect(sorted.at(-1)!.left + sorted.at(-1)!.width).toBeLessThanOrEqual(1232);
    // A 390 px phone: two rows at most.
    expect(
      layoutTimeline([], index.data.episodes, { width: 358, span: index.span }).overview.labelRows,
    ).toBeLessThanOrEqual(2);
  });
});

/** Points along an edge's path every quarter pixel or so: the line, or its quadratic curve. */
function pathPoints(g: EdgeGeometry): Point[] {
  const { a, b, c } = g;
  const length = Math.hypot(b.x - a.x, b.y - a.y) + (c ? Math.hypot(c.x - a.x, c.y - a.y) : 0);
  const n = Math.ceil(length * 4) + 1;
  const out: Point[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    out.push(
      c
        ? { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y }
        : { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) },
    );
  }
  return out;
}

describe("network labels of the bundled dataset: no arrow through one, none over another", () => {
  // The network's widths on a 1280 px page (the drawing beside the quotes, or across the page) and a phone's.
  for (const width of [358, 600, 640, 720, 800, 960, 1232]) {
    it(`at ${width} px`, () => {
      const shape = width < 560 ? "narrow" : "wide";
      const layout = datasetLayout(index, shape, forcePlace);
      const height = fitHeight(layout.bounds, width, { top: 40 });
      const t = fitTransform(layout.bounds, width, height, 14, 1.25, 40);
      const marks = screenMarks(layout, t);
      const edges = edgeShapes(buildGraph(index, index.data.stances, { keep: layout.placed }).edges, marks);
      const labels = nodeLabels(layout, marks, edges, { width, height });
      // Every actor keeps its label; Russia's and Iran's above all.
      for (const [id, l] of labels) expect(l, id).not.toBeNull();
      const placed = [...labels].map(([id, l]) => ({ id, ...l! }));
      for (const l of placed) {
        // Inside the drawing, clear of every other actor's mark.
        expect(l.box.x0).toBeGreaterThanOrEqual(0);
        expect(l.box.x1).toBeLessThanOrEqual(width);
        for (const [other, m] of marks)
          if (other !== l.id)
            expect(
              l.box.x0 + 1 < m.p.x + m.r &&
                m.p.x - m.r < l.box.x1 - 1 &&
                l.box.y0 + 1 < m.p.y + m.r &&
                m.p.y - m.r < l.box.y1 - 1,
              `${l.id}'s label over ${other}`,
            ).toBe(false);
        // No arrow runs through a label, unless it sits on its plate over them.
        if (!l.plate)
          for (const [edge, g] of edges) {
            const through = pathPoints(g).some(
              (p) => p.x > l.box.x0 + 1 && p.x < l.box.x1 - 1 && p.y > l.box.y0 + 1 && p.y < l.box.y1 - 1,
            );
            expect(through, `arrow ${edge} through ${l.id}'s label`).toBe(false);
          }
      }
      for (let i = 0; i < placed.length; i++)
        for (let j = i + 1; j < placed.length; j++) {
          const a = placed[i]!.box;
          const b = placed[j]!.box;
          expect(
            a.x0 + 1 < b.x1 && b.x0 + 1 < a.x1 && a.y0 + 1 < b.y1 && b.y0 + 1 < a.y1,
            `${placed[i]!.id} × ${placed[j]!.id}`,
          ).toBe(false);
        }
      // Most labels sit clear of the arrows on their own; a plate is the exception.
      expect(placed.filter((l) => l.plate).length).toBeLessThan(placed.length / 3);
    });
  }
});
