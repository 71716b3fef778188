import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MARK_RADIUS,
  placeMarks,
  episodeDomain,
  stackLanes,
  timeScale,
  yearDomain,
} from "@/lib/layout/timeline";
import { formatYears, toIso } from "@/lib/time";
import { collisions, EPISODES, ev, occupied } from "./timelineHelpers";

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
