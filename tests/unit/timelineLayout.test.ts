import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  binEvents,
  dateExtent,
  dropOverlapping,
  episodeDomain,
  layoutTimeline,
  panelColumns,
  placeLabelRows,
  textWidth,
  TICK_FONT,
  timeOrder,
  timeScale,
  yearDomain,
  yearTicks,
  type TimelineEventInput,
} from "@/lib/layout/timeline";
import { fillPeriods } from "@/lib/layout/periods";
import { toIso, toUtcDate } from "@/lib/time";
import { miniIndex } from "./helpers";
import { EPISODES, ev } from "./timelineHelpers";

const { data, index } = miniIndex();

describe("time scale", () => {
  it("the overview runs from 1 January of the first year to 1 January after the last, in UTC", () => {
    const [start, end] = yearDomain({ start: 2006, end: 2025 });
    expect(toIso(start)).toBe("2006-01-01");
    expect(toIso(end)).toBe("2026-01-01");
    const scale = timeScale([start, end], 1000);
    expect(scale(start)).toBe(0);
    expect(scale(end)).toBe(1000);
    expect(scale(toUtcDate("2016-01-01"))).toBeCloseTo(500, 0);
  });

  it("a day is a point at the middle of that day; a month and a year are the spans they cover", () => {
    const scale = timeScale([toUtcDate("2024-04-01"), toUtcDate("2024-05-01")], 300);
    const day = dateExtent(scale, "2024-04-13", "day");
    expect(day.span).toBe(false);
    expect(day.x0).toBe(day.x1);
    expect(day.x0).toBeCloseTo(12.5 * 10, 6);
    const month = dateExtent(scale, "2024-04-01", "month");
    expect(month).toEqual({ x0: 0, x1: 300, span: true });
    const overview = timeScale(yearDomain({ start: 2006, end: 2025 }), 2000);
    const year = dateExtent(overview, "2014-01-01", "year");
    expect(year.span).toBe(true);
    expect(year.x0).toBeCloseTo(800, 0);
    expect(year.x1 - year.x0).toBeCloseTo(100, 0);
  });

  it("an episode panel spans the days of its dated events, a day either side, at least a week", () => {
    const april = EPISODES[2]!;
    const [s, e] = episodeDomain(april, [
      ev("a", "2024-04-01"),
      ev("b", "2024-04-15"),
      ev("c", "2024-04-01", "month"),
    ]);
    expect(toIso(s)).toBe("2024-03-31");
    expect(toIso(e)).toBe("2024-04-17");
    const [s1, e1] = episodeDomain(EPISODES[0]!, [ev("a", "2020-01-03"), ev("b", "2020-01-04")]);
    expect((e1.getTime() - s1.getTime()) / 86_400_000).toBe(7);
    expect(s1.getTime()).toBeLessThan(toUtcDate("2020-01-03").getTime());
    expect(e1.getTime()).toBeGreaterThan(toUtcDate("2020-01-05").getTime());
    const [s2, e2] = episodeDomain(EPISODES[3]!, [ev("m", "2025-06-01", "month")]);
    expect([toIso(s2), toIso(e2)]).toEqual(["2025-06-01", "2025-07-01"]);
  });

  it("year labels thin out on narrow screens and never overlap", () => {
    const span = { start: 2006, end: 2025 };
    for (const width of [360, 600, 1200]) {
      const scale = timeScale(yearDomain(span), width);
      const ticks = yearTicks(scale, span, textWidth("0000", TICK_FONT) + 12);
      expect(ticks.length).toBeGreaterThan(1);
      for (let i = 1; i < ticks.length; i++)
        expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(textWidth("0000", TICK_FONT));
    }
    const wide = yearTicks(timeScale(yearDomain(span), 1200), span, 40);
    const narrow = yearTicks(timeScale(yearDomain(span), 360), span, 40);
    expect(wide.length).toBe(20);
    expect(narrow.length).toBeLessThan(wide.length);
    expect(narrow.every((t) => Number(t.label) % 5 === 0)).toBe(true);
  });

  it("the overview's ticks are one array per width and span, whatever the events (the axis stays put)", () => {
    const span = { start: 2006, end: 2025 };
    const all = [ev("a", "2014-03-01"), ev("b", "2020-01-03", "day", "soleimani-2020")];
    const at = (events: TimelineEventInput[], width: number, s = span) =>
      layoutTimeline(events, EPISODES, { width, span: s }).overview.ticks;
    const first = at(all, 900);
    expect(at(all.slice(0, 1), 900)).toBe(first);
    expect(at([], 900)).toBe(first);
    // Another width or span has its own ticks, with their own values.
    const wider = at(all, 1200);
    expect(wider).not.toBe(first);
    expect(wider.map((t) => t.label)).toEqual(
      yearTicks(timeScale(yearDomain(span), 1200), span, textWidth("0000", TICK_FONT) + 12).map(
        (t) => t.label,
      ),
    );
    expect(at(all, 900, { start: 2010, end: 2025 })[0]!.label).not.toBe(first[0]!.label);
  });
});

describe("labels never overlap", () => {
  it("episode band labels take rows above the bands, inside the chart", () => {
    for (const width of [330, 360, 600, 1200]) {
      const layout = layoutTimeline([], EPISODES, { width, span: { start: 2006, end: 2025 } });
      const labels = layout.overview.bands.map((b) => b.label).filter((l) => l !== null);
      expect(labels).toHaveLength(4);
      for (const l of labels) {
        expect(l.left).toBeGreaterThanOrEqual(0);
        expect(l.left + l.width).toBeLessThanOrEqual(width);
      }
      for (const a of labels)
        for (const b of labels)
          if (a !== b && a.row === b.row)
            expect(a.left + a.width <= b.left || b.left + b.width <= a.left).toBe(true);
    }
  });

  it("a label that fits no row is dropped rather than drawn over another", () => {
    const placed = placeLabelRows(
      [
        { x: 10, width: 50 },
        { x: 12, width: 50 },
        { x: 14, width: 50 },
      ],
      200,
      2,
      4,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, null]);
  });

  it("axis labels that would collide are dropped and kept inside the axis", () => {
    const kept = dropOverlapping(
      [
        { x: 2, width: 30 },
        { x: 20, width: 30 },
        { x: 60, width: 30 },
        { x: 99, width: 30 },
      ],
      100,
      4,
    );
    expect(kept).toEqual([0, null, 45, null]);
  });
});

describe("the whole layout", () => {
  const events = data.events;
  it("draws background events on the overview and episode events in their panels, keyed in time order", () => {
    const layout = layoutTimeline(events, data.episodes, { width: 1200, span: index.span });
    const background = events.filter((e) => e.episode === null).map((e) => e.id);
    expect(layout.overview.marks.map((m) => m.id).sort()).toEqual(background.sort());
    expect(layout.episodes.map((p) => p.episode.id)).toEqual(["soleimani-2020", "april-2024"]);
    expect(layout.episodes.flatMap((p) => p.marks.map((m) => m.id)).sort()).toEqual(
      events
        .filter((e) => e.episode !== null)
        .map((e) => e.id)
        .sort(),
    );
    expect(layout.order).toEqual(["war-2014", "soleimani-killed", "iran-attacks-israel", "lavrov-call-2024"]);
    expect(layout.overview.bands.map((b) => b.id)).toEqual(data.episodes.map((e) => e.id));
    expect(layout.aggregated).toBe(false);
  });

  it("panels sit side by side on wide screens and stack on phones", () => {
    expect(panelColumns(1200, 4, 280, 16)).toBe(4);
    expect(panelColumns(900, 4, 280, 16)).toBe(2);
    expect(panelColumns(360, 4, 280, 16)).toBe(1);
    expect(panelColumns(1200, 3, 280, 16)).toBe(3);
    const phone = layoutTimeline(events, data.episodes, { width: 360, span: index.span });
    expect(phone.columns).toBe(1);
    expect(phone.panelWidth).toBe(360);
  });

  it("past maxMarks it counts per period instead of drawing marks", () => {
    const layout = layoutTimeline(events, data.episodes, { width: 800, span: index.span, maxMarks: 2 });
    expect(layout.aggregated).toBe(true);
    expect(layout.overview.marks).toEqual([]);
    expect(layout.overview.bins?.reduce((n, b) => n + b.count, 0)).toBe(
      events.filter((e) => e.episode === null).length,
    );
    expect(layout.episodes.every((p) => p.marks.length === 0 && (p.bins?.length ?? 0) > 0)).toBe(true);
  });

  it("counts per year, month or day, in date order", () => {
    const list = [ev("a", "2024-04-13"), ev("b", "2024-04-14"), ev("c", "2024-04-13"), ev("d", "2020-01-03")];
    expect(binEvents(list, "year")).toEqual([
      { start: "2020-01-01", unit: "year", count: 1 },
      { start: "2024-01-01", unit: "year", count: 3 },
    ]);
    expect(binEvents(list, "month").map((b) => [b.start, b.count])).toEqual([
      ["2020-01-01", 1],
      ["2024-04-01", 3],
    ]);
    expect(binEvents(list, "day").map((b) => [b.start, b.count])).toEqual([
      ["2020-01-03", 1],
      ["2024-04-13", 2],
      ["2024-04-14", 1],
    ]);
  });

  it("fills the empty years and months between the counted ones, across a year's end", () => {
    const months = [
      { start: "2023-11-01", count: 2 },
      { start: "2024-02-01", count: 5 },
    ];
    expect(fillPeriods(months, "month")).toEqual([
      { start: "2023-11-01", count: 2 },
      { start: "2023-12-01", count: 0 },
      { start: "2024-01-01", count: 0 },
      { start: "2024-02-01", count: 5 },
    ]);
    expect(
      fillPeriods(
        [
          { start: "0998-01-01", count: 1 },
          { start: "1001-01-01", count: 4 },
        ],
        "year",
      ).map((p) => p.start),
    ).toEqual(["0998-01-01", "0999-01-01", "1000-01-01", "1001-01-01"]);
    // Days are not filled (years of them), and nothing counted is nothing drawn.
    expect(
      fillPeriods(
        [
          { start: "2024-04-13", count: 1 },
          { start: "2024-04-20", count: 2 },
        ],
        "day",
      ),
    ).toHaveLength(2);
    expect(fillPeriods([], "month")).toEqual([]);
  });

  it("time order breaks ties by input order", () => {
    expect(timeOrder([ev("b", "2024-04-14"), ev("a", "2024-04-13"), ev("c", "2024-04-14")])).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("lays out 100,000 events without drawing 100,000 marks", () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      ev(
        `e${i}`,
        toIso(new Date(Date.UTC(2006, 0, 1) + (i % 7000) * 86_400_000)),
        "day",
        i % 3 === 0 ? "april-2024" : null,
      ),
    );
    const layout = layoutTimeline(many, EPISODES, { width: 1200, span: { start: 2006, end: 2025 } });
    expect(layout.aggregated).toBe(true);
    expect(layout.overview.bins!.length).toBeLessThanOrEqual(20 * 12);
    expect(layout.episodes[0]!.bins!.reduce((n, b) => n + b.count, 0)).toBe(Math.ceil(100_000 / 3));
  });

  it("with a limit, time order is the start of the full order (ties by input order)", () => {
    const arb = fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 40 }), precision: fc.constantFrom("day", "month") }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 70 }), (specs, limit) => {
        const list = specs.map((s, i) =>
          ev(`e${i}`, toIso(new Date(Date.UTC(2024, 0, 1) + s.day * 86_400_000)), s.precision as "day"),
        );
        expect(timeOrder(list, limit)).toEqual(timeOrder(list).slice(0, limit));
      }),
    );
  });

  it("counted events keep only the first `orderLimit` of the time order, and say how many there are", () => {
    const layout = layoutTimeline(events, data.episodes, {
      width: 800,
      span: index.span,
      maxMarks: 2,
      orderLimit: 3,
    });
    expect(layout.order).toEqual(timeOrder(events).slice(0, 3));
    expect(layout.total).toBe(events.length);
    // Drawn marks keep the whole order: the keyboard walks through every one.
    const drawn = layoutTimeline(events, data.episodes, { width: 800, span: index.span, orderLimit: 3 });
    expect(drawn.order).toHaveLength(events.length);
  });
});

// vitest.config.mts runs this file in UTC, America/New_York and Pacific/Kiritimati. The server renders the
// timeline in one zone and the browser hydrates it in another: both must place every mark on the same pixel.
