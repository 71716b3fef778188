import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DatasetFile } from "@/lib/model";
import {
  binEvents,
  dateExtent,
  dropOverlapping,
  episodeDomain,
  layoutTimeline,
  MARK_GAP,
  MARK_RADIUS,
  panelColumns,
  placeLabelRows,
  placeMarks,
  stackLanes,
  textWidth,
  TICK_FONT,
  LABEL_FONT,
  timeOrder,
  timeScale,
  yearDomain,
  yearTicks,
  type PlacedMark,
  type TimelineEventInput,
  type TimelineEpisodeInput,
} from "@/lib/layout/timeline";
import { formatYears, toIso, toUtcDate } from "@/lib/time";
import { miniIndex } from "./helpers";

const { data, index } = miniIndex();

const ev = (
  id: string,
  date: string,
  precision: "day" | "month" | "year" = "day",
  episode: string | null = null,
) => ({ id, date, datePrecision: precision, episode, title: `Event ${id}` }) satisfies TimelineEventInput;

/** The four episodes of the bundled dataset, as the time axis sees them. */
const EPISODES: TimelineEpisodeInput[] = [
  { id: "soleimani-2020", label: "Soleimani 2020", start: "2020-01-01", end: "2020-01-31" },
  { id: "gaza-2023", label: "Gaza 2023", start: "2023-10-01", end: "2023-10-31" },
  { id: "april-2024", label: "Damascus & April 2024", start: "2024-04-01", end: "2024-04-30" },
  { id: "us-strikes-2025", label: "US strikes 2025", start: "2025-06-01", end: "2025-06-30" },
];

/** The horizontal extent a placed mark occupies (labels included). */
function occupied(m: PlacedMark): [number, number] {
  let lo = m.span ? m.x0 : m.x0 - MARK_RADIUS;
  let hi = m.span ? m.x1 : m.x1 + MARK_RADIUS;
  if (m.label) {
    const w = textWidth(m.label.text, LABEL_FONT);
    if (m.label.anchor === "start") hi = Math.max(hi, m.label.x + w);
    else lo = Math.min(lo, m.label.x - w);
  }
  return [lo, hi];
}

/** True when two marks of one lane come closer than the gap: one would hide the other. */
function collisions(marks: readonly PlacedMark[]): string[] {
  const byLane = new Map<number, PlacedMark[]>();
  for (const m of marks) byLane.set(m.lane, [...(byLane.get(m.lane) ?? []), m]);
  const out: string[] = [];
  for (const lane of byLane.values()) {
    const sorted = [...lane].sort((a, b) => occupied(a)[0] - occupied(b)[0]);
    for (let i = 1; i < sorted.length; i++)
      if (occupied(sorted[i]!)[0] < occupied(sorted[i - 1]!)[1] + MARK_GAP - 1e-9)
        out.push(`${sorted[i - 1]!.id} / ${sorted[i]!.id}`);
  }
  return out;
}

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

describe("stacking close events into lanes", () => {
  it("puts touching intervals in different lanes and reuses a lane once it is free", () => {
    const { lane, count } = stackLanes(
      [
        { x0: 0, x1: 10 },
        { x0: 5, x1: 15 },
        { x0: 20, x1: 30 },
        { x0: 11, x1: 12 },
      ],
      2,
    );
    expect(lane).toEqual([0, 1, 0, 2]);
    expect(count).toBe(3);
  });

  it("in input order (labelled marks), lanes follow time while free stretches are reused", () => {
    const { lane, count } = stackLanes(
      [
        { x0: 50, x1: 60 },
        { x0: 0, x1: 40 },
        { x0: 30, x1: 55 },
        { x0: 70, x1: 80 },
      ],
      2,
      true,
    );
    expect(lane).toEqual([0, 0, 1, 0]);
    expect(count).toBe(2);
  });

  it("labelled marks stack top to bottom in time order", () => {
    const events = [ev("late", "2024-04-15"), ev("month", "2024-04-01", "month"), ev("early", "2024-04-13")];
    const scale = timeScale(episodeDomain(EPISODES[2]!, events), 1000);
    const { marks } = placeMarks(events, scale, 1000, true);
    const lane = (id: string) => marks.find((m) => m.id === id)!.lane;
    expect(lane("month")).toBe(0);
    expect(lane("early")).toBeLessThanOrEqual(lane("late"));
    expect(collisions(marks)).toEqual([]);
  });

  it("13, 14 and 15 April 2024 are three distinct positions; same-day events stack", () => {
    const events = [
      ev("attack", "2024-04-13"),
      ev("condemn", "2024-04-14"),
      ev("summons", "2024-04-14"),
      ev("call", "2024-04-15"),
      ev("statement", "2024-04-15"),
    ];
    const scale = timeScale(episodeDomain(EPISODES[2]!, events), 360);
    const { marks, lanes } = placeMarks(events, scale, 360, false);
    const x = (id: string) => marks.find((m) => m.id === id)!.x0;
    expect(x("attack")).toBeLessThan(x("condemn"));
    expect(x("condemn")).toBeLessThan(x("call"));
    expect(x("condemn")).toBe(x("summons"));
    const lane = (id: string) => marks.find((m) => m.id === id)!.lane;
    expect(lane("condemn")).not.toBe(lane("summons"));
    expect(lane("call")).not.toBe(lane("statement"));
    expect(lanes).toBeGreaterThanOrEqual(2);
    expect(collisions(marks)).toEqual([]);
  });

  it("21 to 23 June 2025 stay apart even on a 360 px phone, titles and all", () => {
    const events = [
      ev("raids", "2025-06-13"),
      ev("strikes", "2025-06-22"),
      ev("mfa", "2025-06-22"),
      ev("kremlin", "2025-06-22"),
      ev("urges", "2025-06-22"),
      ev("hosts", "2025-06-23"),
      ev("peskov", "2025-06-23"),
      ev("june", "2025-06-01", "month"),
    ];
    const scale = timeScale(episodeDomain(EPISODES[3]!, events), 330);
    for (const labels of [false, true]) {
      const { marks } = placeMarks(events, scale, 330, labels);
      expect(collisions(marks)).toEqual([]);
      for (const m of marks) {
        const [lo, hi] = occupied(m);
        expect(lo).toBeGreaterThanOrEqual(-MARK_RADIUS);
        expect(hi).toBeLessThanOrEqual(330 + MARK_RADIUS);
      }
    }
  });

  it("no two marks of a lane ever overlap, whatever the dates (property)", () => {
    const day = fc
      .integer({ min: 0, max: 40 })
      .map((d) => toIso(new Date(Date.UTC(2024, 3, 1) + d * 86_400_000)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.constantFrom("day", "day", "month" as const)), { maxLength: 40 }),
        fc.integer({ min: 200, max: 1400 }),
        fc.boolean(),
        (dates, width, labels) => {
          const events = dates.map(([d, p], i) => ev(`e${i}`, p === "month" ? `${d.slice(0, 7)}-01` : d, p));
          const scale = timeScale(episodeDomain(EPISODES[2]!, events), width);
          const { marks } = placeMarks(events, scale, width, labels);
          expect(collisions(marks)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("year ranges as text", () => {
  it("names one year once and a range with an en dash", () => {
    expect(formatYears({ start: 2014, end: 2014 })).toBe("2014");
    expect(formatYears({ start: 2014, end: 2020 })).toBe("2014–2020");
  });
});

describe("precision spans", () => {
  it("month- and year-precision events are spans, clipped to the panel, flagged where cut", () => {
    const events = [ev("june", "2025-06-01", "month"), ev("day", "2025-06-22")];
    const scale = timeScale(episodeDomain(EPISODES[3]!, [...events, ev("x", "2025-06-13")]), 400);
    const { marks } = placeMarks(events, scale, 400, false);
    const june = marks.find((m) => m.id === "june")!;
    expect(june).toMatchObject({ span: true, x0: 0, x1: 400, clipStart: true, clipEnd: true });
    const day = marks.find((m) => m.id === "day")!;
    expect(day.span).toBe(false);
  });

  it("a month on the 20-year overview is still drawn wide enough to see", () => {
    const scale = timeScale(yearDomain({ start: 2006, end: 2025 }), 360);
    const { marks } = placeMarks([ev("m", "2014-03-01", "month")], scale, 360, false);
    expect(marks[0]!.x1 - marks[0]!.x0).toBeGreaterThanOrEqual(6);
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
describe("in every time zone, marks sit on their UTC days, months and years", () => {
  const bundled = JSON.parse(readFileSync("data/escalations.json", "utf8")) as DatasetFile;
  const span = { start: 2006, end: 2025 }; // the bundled dataset's first and last years
  const DAY = 86_400_000;
  const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /** UTC midnight of an ISO date, and the end of the day, month or year it starts: Date.UTC arithmetic only. */
  const utcStart = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const utcEnd = (iso: string, precision: "day" | "month" | "year") => {
    const [y, m, d] = [+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)];
    return precision === "day"
      ? Date.UTC(y, m, d + 1)
      : precision === "month"
        ? Date.UTC(y, m + 1, 1)
        : Date.UTC(y + 1, 0, 1);
  };
  /** Pixel of an instant on a linear axis from t0 to t1 over `width` pixels. */
  const pixel = (t: number, t0: number, t1: number, width: number) => ((t - t0) / (t1 - t0)) * width;
  const OVERVIEW: [number, number] = [Date.UTC(span.start, 0, 1), Date.UTC(span.end + 1, 0, 1)];
  const eventById = new Map(bundled.events.map((e) => [e.id, e]));

  it("the overview draws each event of the dataset over exactly its UTC day, month or year", () => {
    const width = 4800; // 20 px a month: no span is widened to its minimum, so every edge can be checked
    // Every event as a background event, so the episodes' month bars (October 2023…) are on the overview too.
    const all = bundled.events.map((e) => ({ ...e, episode: null }));
    const layout = layoutTimeline(all, bundled.episodes, { width, span });
    expect(layout.overview.marks.length).toBe(bundled.events.length);
    const px = (t: number) => pixel(t, ...OVERVIEW, width);
    for (const m of layout.overview.marks) {
      const e = eventById.get(m.id)!;
      const start = utcStart(e.date);
      const end = utcEnd(e.date, e.datePrecision);
      const [x0, x1] =
        e.datePrecision === "day" ? [px((start + end) / 2), px((start + end) / 2)] : [px(start), px(end)];
      expect([m.id, m.x0]).toEqual([m.id, expect.closeTo(x0, 9)]);
      expect([m.id, m.x1]).toEqual([m.id, expect.closeTo(x1, 9)]);
    }
    // The spans of the issue: March 2014, May 2021 and October 2023 are whole months.
    const wide = (id: string) => {
      const m = layout.overview.marks.find((mark) => mark.id === id)!;
      return Math.round((((m.x1 - m.x0) / width) * (OVERVIEW[1] - OVERVIEW[0])) / DAY);
    };
    expect(wide("israel-intercepts-arms-ship-2014")).toBe(31);
    expect(wide("telegraph-report-hamas-funding-2021")).toBe(31);
    expect(wide("un-warns-catastrophic-consequences")).toBe(31);
  });

  it("the arms-ship mark of March 2014 is centred on March 2014 at 1200 px, as the server draws it", () => {
    const width = 1200;
    const layout = layoutTimeline(bundled.events, bundled.episodes, { width, span });
    const m = layout.overview.marks.find((mark) => mark.id === "israel-intercepts-arms-ship-2014")!;
    const mid = (Date.UTC(2014, 2, 1) + Date.UTC(2014, 3, 1)) / 2;
    expect((m.x0 + m.x1) / 2).toBeCloseTo(pixel(mid, ...OVERVIEW, width), 9);
  });

  it("episode bands cover their official days, first to last, in UTC", () => {
    const width = 4800;
    const layout = layoutTimeline(bundled.events, bundled.episodes, { width, span });
    for (const ep of bundled.episodes) {
      const band = layout.overview.bands.find((b) => b.id === ep.id)!;
      expect(band.x0).toBeCloseTo(pixel(utcStart(ep.start), ...OVERVIEW, width), 9);
      expect(band.x1).toBeCloseTo(pixel(utcEnd(ep.end, "day"), ...OVERVIEW, width), 9);
    }
  });

  it("episode panels run from UTC midnight to UTC midnight; points at midday, bars over the whole month", () => {
    const layout = layoutTimeline(bundled.events, bundled.episodes, {
      width: 1200,
      span,
      detailLabels: true,
    });
    expect(layout.episodes.length).toBeGreaterThan(0);
    for (const panel of layout.episodes) {
      const [d0, d1] = [panel.domain[0].getTime(), panel.domain[1].getTime()];
      expect(d0 % DAY).toBe(0);
      expect(d1 % DAY).toBe(0);
      const px = (t: number) => pixel(t, d0, d1, panel.width);
      for (const m of panel.marks) {
        const e = eventById.get(m.id)!;
        const start = utcStart(e.date);
        const end = utcEnd(e.date, e.datePrecision);
        if (e.datePrecision === "day") {
          expect([m.id, m.x0]).toEqual([m.id, expect.closeTo(px(start + DAY / 2), 9)]);
          continue;
        }
        expect([m.id, m.x0, m.clipStart]).toEqual([
          m.id,
          expect.closeTo(Math.max(0, px(start)), 9),
          start < d0,
        ]);
        expect([m.id, m.x1, m.clipEnd]).toEqual([
          m.id,
          expect.closeTo(Math.min(panel.width, px(end)), 9),
          end > d1,
        ]);
      }
      // Day ticks stand on UTC midnights and name that UTC day.
      for (const tick of panel.ticks) {
        const t = d0 + (tick.lineX / panel.width) * (d1 - d0);
        const day = new Date(Math.round(t / DAY) * DAY);
        expect(Math.abs(t - day.getTime())).toBeLessThan(1);
        expect(tick.label).toBe(`${day.getUTCDate()} ${MONTH_NAMES[day.getUTCMonth()]}`);
      }
      expect(panel.band.x0).toBeCloseTo(Math.max(0, px(utcStart(panel.episode.start))), 9);
      expect(panel.band.x1).toBeCloseTo(Math.min(panel.width, px(utcEnd(panel.episode.end, "day"))), 9);
    }
  });

  it("counted per period, each month and each day is a whole UTC month or day wide", () => {
    const width = 4800; // 20 px a month: the overview counts per month
    const layout = layoutTimeline(bundled.events, bundled.episodes, { width, span, maxMarks: 0 });
    const bins = layout.overview.bins!;
    expect(bins.every((b) => b.unit === "month")).toBe(true);
    for (const b of bins) {
      expect([b.start, b.x0]).toEqual([
        b.start,
        expect.closeTo(pixel(utcStart(b.start), ...OVERVIEW, width), 9),
      ]);
      expect([b.start, b.x1]).toEqual([
        b.start,
        expect.closeTo(pixel(utcEnd(b.start, "month"), ...OVERVIEW, width), 9),
      ]);
    }
    for (const panel of layout.episodes) {
      const [d0, d1] = [panel.domain[0].getTime(), panel.domain[1].getTime()];
      for (const b of panel.bins!) {
        expect(b.unit).toBe("day");
        expect(b.x0).toBeCloseTo(pixel(utcStart(b.start), d0, d1, panel.width), 9);
        expect(b.x1 - b.x0).toBeCloseTo((DAY / (d1 - d0)) * panel.width, 9);
      }
    }
  });
});
