import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DatasetFile } from "@/lib/model";
import { layoutTimeline } from "@/lib/layout/timeline";

// The timeline layout against calendar arithmetic on the bundled dataset. Runs in every zone project of
// vitest.config.mts (UTC, New York, Kiritimati): local time must never move a mark.

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
