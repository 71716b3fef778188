// The rows a large matrix draws (lib/layout/matrixWindow.ts). Expected rows worked out by hand: rows of 26 px
// under a 140 px header, a 520 px tall scroller, 12 rows of overscan on each side.
import { describe, expect, it } from "vitest";
import {
  MATRIX_OVERSCAN_ROWS,
  MATRIX_WINDOW_FROM_ROWS,
  matrixRuns,
  matrixWindow,
} from "@/lib/layout/matrixWindow";

const view = (scrollTop: number) => ({ scrollTop, height: 520, bodyTop: 140 });
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe("matrixWindow", () => {
  it("draws every row of a matrix up to the threshold, and before the scroller is measured", () => {
    expect(MATRIX_WINDOW_FROM_ROWS).toBe(60);
    expect(matrixWindow(60, 26, view(0))).toEqual(range(0, 59));
    expect(matrixWindow(80, 26, null)).toEqual(range(0, 79));
    expect(matrixWindow(0, 26, view(0))).toEqual([]);
  });

  it("draws the rows in view and twelve more on each side", () => {
    expect(MATRIX_OVERSCAN_ROWS).toBe(12);
    // At the top: body rows 0..(520 - 140) / 26 = 14.6 → 15 show; + 12 → 27.
    expect(matrixWindow(80, 26, view(0))).toEqual(range(0, 27));
    // Scrolled 1,000 px: the body's 860th px is at the top, row 33 (33.07); the bottom at 1,380 px, row 53.08
    // → 54; so 21 .. 66.
    expect(matrixWindow(80, 26, view(1000))).toEqual(range(21, 66));
    // At the end: never past the last row.
    expect(matrixWindow(80, 26, view(2000))).toEqual(range(59, 79));
  });

  it("keeps the tab stop's and the selected actor's rows drawn, wherever they are", () => {
    expect(matrixWindow(80, 26, view(0), [70])).toEqual([...range(0, 27), 70]);
    expect(matrixWindow(80, 26, view(1000), [3, -1])).toEqual([3, ...range(21, 66)]);
    expect(matrixWindow(80, 26, view(1000), [30])).toEqual(range(21, 66));
    // A row that is not in the matrix (-1, or past its end) changes nothing.
    expect(matrixWindow(80, 26, view(1000), [-1, 80])).toEqual(range(21, 66));
  });

  it("shows the last rows when the content shrank under the scroll offset", () => {
    expect(matrixWindow(70, 26, view(5000))).toEqual(range(57, 69));
  });
});

describe("matrixRuns", () => {
  it("groups the drawn rows into runs, with the gaps between and around them", () => {
    expect(matrixRuns([3, 21, 22, 23], 80)).toEqual([
      { gap: 3 },
      { rows: [3] },
      { gap: 17 },
      { rows: [21, 22, 23] },
      { gap: 56 },
    ]);
    expect(matrixRuns([0, 1, 2], 3)).toEqual([{ rows: [0, 1, 2] }]);
    expect(matrixRuns([], 0)).toEqual([]);
  });
});
