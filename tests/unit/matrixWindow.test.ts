// The rows a large matrix draws (lib/layout/matrixWindow.ts). Expected ranges worked out by hand: rows of
// 26 px under a 140 px header, a 520 px tall scroller, 12 rows of overscan on each side.
import { describe, expect, it } from "vitest";
import { MATRIX_OVERSCAN_ROWS, MATRIX_WINDOW_FROM_ROWS, matrixWindow } from "@/lib/layout/matrixWindow";

const view = (scrollTop: number) => ({ scrollTop, height: 520, bodyTop: 140 });

describe("matrixWindow", () => {
  it("draws every row of a matrix up to the threshold, and before the scroller is measured", () => {
    expect(MATRIX_WINDOW_FROM_ROWS).toBe(60);
    expect(matrixWindow(60, 26, view(0))).toEqual({ first: 0, last: 59 });
    expect(matrixWindow(80, 26, null)).toEqual({ first: 0, last: 79 });
    expect(matrixWindow(0, 26, view(0))).toEqual({ first: 0, last: -1 });
  });

  it("draws the rows in view and twelve more on each side", () => {
    expect(MATRIX_OVERSCAN_ROWS).toBe(12);
    // At the top: body rows 0..(520 - 140) / 26 = 14.6 → 15 show; + 12 → 27.
    expect(matrixWindow(80, 26, view(0))).toEqual({ first: 0, last: 27 });
    // Scrolled 1,000 px: the body's 860th px is at the top, row 33 (33.07); the bottom at 1,380 px, row 53.08
    // → 54; so 21 .. 66.
    expect(matrixWindow(80, 26, view(1000))).toEqual({ first: 21, last: 66 });
    // At the end: never past the last row.
    expect(matrixWindow(80, 26, view(2000))).toEqual({ first: 59, last: 79 });
  });

  it("keeps the tab stop's and the selected actor's rows drawn", () => {
    expect(matrixWindow(80, 26, view(0), [70])).toEqual({ first: 0, last: 70 });
    expect(matrixWindow(80, 26, view(1000), [3, -1])).toEqual({ first: 3, last: 66 });
    // A row that is not in the matrix (-1, or past its end) changes nothing.
    expect(matrixWindow(80, 26, view(1000), [-1, 80])).toEqual({ first: 21, last: 66 });
  });

  it("shows the last rows when the content shrank under the scroll offset", () => {
    expect(matrixWindow(70, 26, view(5000))).toEqual({ first: 57, last: 69 });
  });
});
