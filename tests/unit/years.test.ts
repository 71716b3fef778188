import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  createViewStore,
  DEFAULT_VIEW,
  GESTURE_GAP_MS,
  gestureHistoryMode,
  normalizeYears,
  overlapsSpan,
  yearsParam,
} from "@/lib/view";
import { miniIndex } from "./helpers";

const { ctx } = miniIndex();
// tests/fixtures/mini.json: its earliest record is the 2014 war, its latest the April 2024 episode.
const span = { start: 2014, end: 2024 };

describe("normalizeYears: the one rule for a year filter", () => {
  it("the fixture's span is 2014–2024", () => {
    expect(ctx.span).toEqual(span);
  });

  it("keeps a range inside the span as it is", () => {
    expect(normalizeYears({ start: 2020, end: 2024 }, span)).toEqual({ start: 2020, end: 2024 });
    expect(normalizeYears({ start: 2024, end: 2024 }, span)).toEqual({ start: 2024, end: 2024 });
    expect(normalizeYears({ start: 2014, end: 2014 }, span)).toEqual({ start: 2014, end: 2014 });
  });

  it("puts reversed ends in order", () => {
    expect(normalizeYears({ start: 2024, end: 2020 }, span)).toEqual({ start: 2020, end: 2024 });
  });

  it("clips a range that overhangs the span", () => {
    expect(normalizeYears({ start: 1990, end: 2020 }, span)).toEqual({ start: 2014, end: 2020 });
    expect(normalizeYears({ start: 2016, end: 2099 }, span)).toEqual({ start: 2016, end: 2024 });
    expect(normalizeYears({ start: 2013, end: 2014 }, span)).toEqual({ start: 2014, end: 2014 });
  });

  it("the full span, or more, is no filter", () => {
    expect(normalizeYears({ start: 2014, end: 2024 }, span)).toBeNull();
    expect(normalizeYears({ start: 2000, end: 2030 }, span)).toBeNull();
    expect(normalizeYears({ start: 2024, end: 2014 }, span)).toBeNull();
    expect(normalizeYears(null, span)).toBeNull();
  });

  it("a range wholly outside the span is no filter", () => {
    expect(normalizeYears({ start: 1900, end: 1950 }, span)).toBeNull();
    expect(normalizeYears({ start: 2030, end: 2040 }, span)).toBeNull();
    expect(overlapsSpan({ start: 1900, end: 1950 }, span)).toBe(false);
    expect(overlapsSpan({ start: 2024, end: 2030 }, span)).toBe(true);
    expect(overlapsSpan({ start: 2030, end: 2013 }, span)).toBe(true);
  });

  it("for any range: inside the span, ordered, never the full span, and a fixed point", () => {
    const year = fc.integer({ min: 1990, max: 2050 });
    fc.assert(
      fc.property(year, year, (a, b) => {
        const years = normalizeYears({ start: a, end: b }, span);
        if (!years) return;
        expect(years.start).toBeLessThanOrEqual(years.end);
        expect(years.start).toBeGreaterThanOrEqual(span.start);
        expect(years.end).toBeLessThanOrEqual(span.end);
        expect(years).not.toEqual(span);
        expect(normalizeYears(years, span)).toEqual(years);
      }),
      { numRuns: 500 },
    );
  });

  it("the URL parser, the serializer and the store all follow it", () => {
    const year = fc.integer({ min: 2000, max: 2040 });
    fc.assert(
      fc.property(year, year, (a, b) => {
        const expected = normalizeYears({ start: a, end: b }, ctx.span);
        expect(yearsParam.parse(`${a}-${b}`, ctx).value).toEqual(expected);
        const store = createViewStore(DEFAULT_VIEW, ctx);
        store.getState().setYears({ start: a, end: b });
        expect(store.getState().view.years).toEqual(expected);
        const written = yearsParam.serialize({ start: a, end: b }, ctx);
        expect(written === null ? null : yearsParam.parse(written, ctx).value).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("years wholly outside the span are no filter in the store too (not an inverted range)", () => {
    const store = createViewStore(DEFAULT_VIEW, ctx);
    store.getState().setYears({ start: 2020, end: 2022 });
    store.getState().setYears({ start: 1990, end: 2000 });
    expect(store.getState().view.years).toBeNull();
  });
});

describe("the year slider's push-or-replace rule", () => {
  it("changes closer together than 800 ms are one gesture", () => {
    expect(GESTURE_GAP_MS).toBe(800);
  });

  it("the very first change pushes", () => {
    expect(gestureHistoryMode(-Infinity, 0)).toBe("push");
    expect(gestureHistoryMode(-Infinity, 123_456)).toBe("push");
  });

  it("a change soon after the previous one replaces; one after a pause pushes", () => {
    expect(gestureHistoryMode(1000, 1016)).toBe("replace");
    expect(gestureHistoryMode(1000, 1799)).toBe("replace");
    expect(gestureHistoryMode(1000, 1800)).toBe("push");
    expect(gestureHistoryMode(1000, 5000)).toBe("push");
  });

  it("a drag (one change per frame) makes one entry; a second drag after a pause makes another", () => {
    const times = [0, 16, 33, 50, 66, 2000, 2016, 2033];
    let previous = -Infinity;
    const modes = times.map((t) => {
      const mode = gestureHistoryMode(previous, t);
      previous = t;
      return mode;
    });
    expect(modes).toEqual(["push", "replace", "replace", "replace", "replace", "push", "replace", "replace"]);
  });

  it("arrow keys held down step faster than the gap: one gesture, however long", () => {
    let previous = -Infinity;
    const modes: string[] = [];
    for (let t = 0; t < 10_000; t += 500) {
      modes.push(gestureHistoryMode(previous, t));
      previous = t;
    }
    expect(modes[0]).toBe("push");
    expect(modes.slice(1).every((m) => m === "replace")).toBe(true);
  });

  it("the gap can be given", () => {
    expect(gestureHistoryMode(0, 100, 50)).toBe("push");
    expect(gestureHistoryMode(0, 40, 50)).toBe("replace");
  });
});
