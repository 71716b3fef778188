import fc from "fast-check";
import { scaleUtc } from "d3-scale";
import { describe, expect, it } from "vitest";
import { timeScale } from "@/lib/layout/timelineScale";

// The timeline's own UTC scale replaces d3's scaleUtc (5 KB of the first load for a tick format and colour
// interpolation it never used). d3's is the reference: positions, inversions and ticks must agree exactly.
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });

describe("timeScale agrees with d3's scaleUtc", () => {
  it("maps, inverts and ticks like d3 for any domain and width (property)", () => {
    fc.assert(
      fc.property(
        instant,
        instant,
        fc.integer({ min: 0, max: 4000 }),
        fc.double({ min: -0.2, max: 1.2, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (a, b, width, f, count) => {
          const domain = [new Date(Math.min(a, b)), new Date(Math.max(a, b))] as const;
          const ours = timeScale(domain, width);
          const d3 = scaleUtc()
            .domain([domain[0], domain[1]])
            .range([0, Math.max(1, width)]);
          const at = new Date(Math.round(+domain[0] + f * (+domain[1] - +domain[0])));
          expect(ours(at)).toBe(d3(at));
          expect(ours(+at)).toBe(d3(at));
          const x = f * Math.max(1, width);
          expect(+ours.invert(x)).toBe(+d3.invert(x));
          expect(ours.ticks(count).map(Number)).toEqual(d3.ticks(count).map(Number));
          expect(ours.range()).toEqual(d3.range());
          expect(ours.domain().map(Number)).toEqual(d3.domain().map(Number));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a one-instant domain maps to the middle of the range, as d3's does", () => {
    const t = new Date(Date.UTC(2024, 3, 13));
    expect(timeScale([t, t], 300)(t)).toBe(scaleUtc().domain([t, t]).range([0, 300])(t));
    expect(timeScale([t, t], 300)(t)).toBe(150);
  });
});
