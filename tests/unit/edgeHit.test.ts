import { describe, expect, it } from "vitest";
import { edgeDistance, edgeGeometry, nearestEdge } from "@/lib/layout/network";

// Two arrows crossing at (50, 50): one along y = 50, one along x = 50 (marks of radius 0, so the paths run
// from one centre to the other, less the one and two pixels the arrowheads keep).
const across = edgeGeometry({ x: 0, y: 50 }, { x: 100, y: 50 }, 0, 0, 0);
const down = edgeGeometry({ x: 50, y: 0 }, { x: 50, y: 100 }, 0, 0, 0);

describe("nearestEdge: where two arrows cross, the one nearer the pointer", () => {
  it("picks by distance to the path, whichever is listed (drawn) last", () => {
    // (53, 51) is 1 px from y = 50 and 3 px from x = 50.
    const p = { x: 53, y: 51 };
    expect(edgeDistance(across, p)).toBeCloseTo(1, 6);
    expect(edgeDistance(down, p)).toBeCloseTo(3, 6);
    expect(
      nearestEdge(
        p,
        [
          ["across", across],
          ["down", down],
        ],
        7,
      ),
    ).toBe("across");
    expect(
      nearestEdge(
        p,
        [
          ["down", down],
          ["across", across],
        ],
        7,
      ),
    ).toBe("across");
    // (51, 54) is 4 px from y = 50 and 1 px from x = 50.
    expect(
      nearestEdge(
        { x: 51, y: 54 },
        [
          ["across", across],
          ["down", down],
        ],
        7,
      ),
    ).toBe("down");
  });

  it("measures a bowed edge along its curve, not its chord", () => {
    // From (0, 0) to (100, 0) bowed 10 px: control point (50, 20), so the curve passes (50, 10).
    const bowed = edgeGeometry({ x: 0, y: 0 }, { x: 100, y: 0 }, 0, 0, 10);
    const straight = edgeGeometry({ x: 0, y: 0 }, { x: 100, y: 0 }, 0, 0, 0);
    expect(edgeDistance(bowed, { x: 50, y: 10 })).toBeLessThan(0.5);
    expect(edgeDistance(straight, { x: 50, y: 10 })).toBeCloseTo(10, 6);
    // (50, 6): 4 px from the curve, 6 px from the straight line.
    expect(
      nearestEdge(
        { x: 50, y: 6 },
        [
          ["bowed", bowed],
          ["straight", straight],
        ],
        7,
      ),
    ).toBe("bowed");
    expect(
      nearestEdge(
        { x: 50, y: 3 },
        [
          ["bowed", bowed],
          ["straight", straight],
        ],
        7,
      ),
    ).toBe("straight");
  });

  it("finds nothing beyond the reach of the hit areas", () => {
    expect(
      nearestEdge(
        { x: 80, y: 80 },
        [
          ["across", across],
          ["down", down],
        ],
        7,
      ),
    ).toBeNull();
    // Past the end of a path: the arrowhead end stops 2 px short of (100, 50).
    expect(edgeDistance(across, { x: 105, y: 50 })).toBeCloseTo(7, 6);
  });
});
