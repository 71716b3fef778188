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
 * The body rows a matrix draws, 0-based, in order: every row when there are at most
 * {@link MATRIX_WINDOW_FROM_ROWS}, or before the viewport is known; else the rows in view with
 * {@link MATRIX_OVERSCAN_ROWS} more on each side, and the rows of `keep` wherever they are (the keyboard's
 * tab stop, so the grid always has its one tab stop drawn; the selected actor's row). Rows are `rowPx` tall.
 */
export function matrixWindow(
  rows: number,
  rowPx: number,
  viewport: MatrixViewport | null,
  keep: readonly number[] = [],
): number[] {
  const all = () => Array.from({ length: rows }, (_, i) => i);
  if (rows <= MATRIX_WINDOW_FROM_ROWS || viewport === null || rowPx <= 0) return all();
  const top = viewport.scrollTop - viewport.bodyTop;
  let first = Math.max(0, Math.floor(top / rowPx) - MATRIX_OVERSCAN_ROWS);
  const last = Math.min(rows - 1, Math.ceil((top + viewport.height) / rowPx) + MATRIX_OVERSCAN_ROWS);
  // Scrolled past the end (the content shrank under a filter): the last rows.
  if (first > last) first = Math.max(0, last - MATRIX_OVERSCAN_ROWS);
  const drawn = new Set<number>();
  for (let i = first; i <= last; i++) drawn.add(i);
  for (const k of keep) if (k >= 0 && k < rows) drawn.add(k);
  return [...drawn].sort((a, b) => a - b);
}

/** Runs of rows to draw and the gaps between them, for a table that holds the gaps' room with spacer rows. */
export type MatrixRun = { rows: number[] } | { gap: number };

/** {@link matrixWindow}'s rows as runs of consecutive rows and gaps (counted in rows), over `rows` rows. */
export function matrixRuns(drawn: readonly number[], rows: number): MatrixRun[] {
  const runs: MatrixRun[] = [];
  let next = 0;
  let run: number[] = [];
  for (const i of drawn) {
    if (i > next) {
      if (run.length > 0) runs.push({ rows: run });
      run = [];
      runs.push({ gap: i - next });
    }
    run.push(i);
    next = i + 1;
  }
  if (run.length > 0) runs.push({ rows: run });
  if (next < rows) runs.push({ gap: rows - next });
  return runs;
}
