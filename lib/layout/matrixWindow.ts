/** Matrices with more rows than this draw only the rows near the scroller's view (see {@link matrixWindow}). */
export const MATRIX_WINDOW_FROM_ROWS = 60;

/** Rows drawn beyond each edge of the view, so a scroll of a few rows shows drawn rows at once. */
export const MATRIX_OVERSCAN_ROWS = 12;

/** Where the scroller stands: its scroll offset and height, and where the first row starts, in px. */
export interface MatrixViewport {
  scrollTop: number;
  height: number;
  /** The first body row's top, from the top of the scrolled content (the column headers' height). */
  bodyTop: number;
}

/**
 * The body rows a matrix draws: `[first, last]`, 0-based and inclusive. Every row when there are at most
 * {@link MATRIX_WINDOW_FROM_ROWS}, or before the viewport is known; else the rows in view with
 * {@link MATRIX_OVERSCAN_ROWS} more on each side, widened to take in the rows of `keep` (the keyboard's tab
 * stop, so the grid always has its one tab stop drawn; the selected actor's row). Rows are `rowPx` tall.
 */
export function matrixWindow(
  rows: number,
  rowPx: number,
  viewport: MatrixViewport | null,
  keep: readonly number[] = [],
): { first: number; last: number } {
  if (rows === 0) return { first: 0, last: -1 };
  if (rows <= MATRIX_WINDOW_FROM_ROWS || viewport === null || rowPx <= 0) return { first: 0, last: rows - 1 };
  const top = viewport.scrollTop - viewport.bodyTop;
  let first = Math.max(0, Math.floor(top / rowPx) - MATRIX_OVERSCAN_ROWS);
  let last = Math.min(rows - 1, Math.ceil((top + viewport.height) / rowPx) + MATRIX_OVERSCAN_ROWS);
  // Scrolled past the end (the content shrank under a filter): the last rows.
  if (first > last) first = Math.max(0, last - MATRIX_OVERSCAN_ROWS);
  for (const k of keep)
    if (k >= 0 && k < rows) {
      first = Math.min(first, k);
      last = Math.max(last, k);
    }
  return { first, last };
}
