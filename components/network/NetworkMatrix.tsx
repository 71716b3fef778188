"use client";

import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import type { DatasetIndex } from "@/lib/data";
import type { StanceType } from "@/lib/model";
import type { Linked } from "@/lib/select";
import { actorName, actorShortName } from "@/lib/select";
import {
  matrixRuns,
  matrixWindow,
  MATRIX_WINDOW_FROM_ROWS,
  type MatrixViewport,
} from "@/lib/layout/matrixWindow";
import { buildMatrix, cellKey, MAX_MATRIX_ACTORS, pairCellLabel, type Matrix } from "@/lib/select/matrix";
import { STANCE_TYPES } from "@/lib/view";
import { STANCE_COLOR, STANCE_LABEL } from "../theme";
import type { LinkedViewProps } from "../viewProps";
import { openStanceGroup } from "./stanceGroup";
import { StanceText } from "./StanceText";
import base from "./Network.module.css";
import styles from "./NetworkMatrix.module.css";

/** A place in the grid: row 0 is the column headers, column 0 the row headers; (0, 0) is the corner. */
interface Pos {
  r: number;
  c: number;
}

/**
 * A header's or cell's place: its row's `data-r` (rows may be left undrawn, see matrixWindow) and its index
 * in the row (no attributes to write on thousands of cells).
 */
const posOf = (target: EventTarget): Pos | null => {
  const el = (target as Element).closest?.("td, th") as HTMLTableCellElement | null;
  const r = Number(el?.parentElement?.getAttribute("data-r") ?? NaN);
  if (!el || !Number.isInteger(r) || (r === 0 && el.cellIndex === 0)) return null;
  return { r, c: el.cellIndex };
};

/** The header or cell at a place, if its row is drawn. */
const cellAt = (table: HTMLTableElement | null, p: Pos) =>
  table?.querySelector<HTMLTableRowElement>(`tr[data-r="${p.r}"]`)?.cells[p.c] ?? null;

const noSubscription = () => () => {};

/** Cell size: roomier when the matrix has few columns, so a narrow filter still reads at a glance. */
const cellPx = (cols: number) => (cols <= 10 ? 32 : 26);

/** Where a key moves from `p` in a grid of `rows` × `cols` places (headers included), or null. */
function moveFrom(p: Pos, e: KeyboardEvent, rows: number, cols: number): Pos | null {
  const ctrl = e.ctrlKey || e.metaKey;
  let next: Pos;
  switch (e.key) {
    case "ArrowUp":
      next = { r: p.r - 1, c: p.c };
      break;
    case "ArrowDown":
      next = { r: p.r + 1, c: p.c };
      break;
    case "ArrowLeft":
      next = { r: p.r, c: p.c - 1 };
      break;
    case "ArrowRight":
      next = { r: p.r, c: p.c + 1 };
      break;
    case "Home":
      next = ctrl ? { r: 1, c: 1 } : { r: p.r, c: p.r === 0 ? 1 : 0 };
      break;
    case "End":
      next = ctrl ? { r: rows, c: cols } : { r: p.r, c: cols };
      break;
    default:
      return null;
  }
  // The corner holds no actor and no cell: it is never a stop.
  if (next.r < 0 || next.c < 0 || next.r > rows || next.c > cols || (next.r === 0 && next.c === 0)) return p;
  return next;
}

/**
 * The network as an adjacency matrix (`network=matrix`), loaded lazily by Network.tsx: a row for every actor
 * that takes a shown stance, a column for every actor one is toward, ordered so camps show as blocks (see
 * `matrixOrder` in lib/select/matrix.ts: by camp, then degree, then name).
 *
 * A cell is filled with the colour of its most frequent stance type (the graph's colours) and, when it holds
 * more than one stance, carries their count; a cell of several types is not split — its name and tooltip list
 * every type with its count ("Russia → Iran: support ×5, defend ×1"), and the text list below has each stance.
 *
 * The grid is one tab stop (a roving tabindex over the headers and cells): arrow keys move place to place,
 * Home and End to the row's ends, Ctrl+Home and Ctrl+End to the grid's; Enter or Space on a cell selects its
 * first stance and opens its evidence (as a click on a graph arrow does), on a header selects the actor.
 */
export default function NetworkMatrix({
  index,
  view,
  visible,
  linked,
  onSelect,
  onEvidence,
}: LinkedViewProps) {
  const matrix = useMemo(() => buildMatrix(index, visible.stances), [index, visible.stances]);
  const colNames = useMemo(() => matrix.cols.map((id) => actorName(index, id)), [index, matrix]);
  const headChars = useMemo(
    () => matrix.rows.reduce((n, id) => Math.max(n, actorShortName(index, id).length), 4),
    [index, matrix],
  );
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<Pos | null>(null);
  const [viewport, setViewport] = useState<MatrixViewport | null>(null);
  const [last, setLast] = useState<Pos | null>(null);
  const selection = view.selection;
  const nRows = matrix.rows.length;
  const nCols = matrix.cols.length;
  // False on the server and while hydrating: `data-ready` tells tests (and tools) when clicks are handled.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  // The tab stop: the place last focused, else the cell of the selected stance, else the first cell.
  const tabStop = useMemo<Pos>(() => {
    if (last && last.r <= nRows && last.c <= nCols) return last;
    if (selection?.kind === "stance") {
      const s = index.stanceById.get(selection.id);
      const r = s ? matrix.rows.indexOf(s.from) : -1;
      const c = s ? matrix.cols.indexOf(s.to) : -1;
      if (r >= 0 && c >= 0) return { r: r + 1, c: c + 1 };
    }
    return { r: 1, c: 1 };
  }, [last, nRows, nCols, selection, index, matrix]);

  // Past MATRIX_WINDOW_FROM_ROWS rows only the rows near the scroller's view are drawn (a 10,000-event
  // dataset fills 80 × 80 cells), with the tab stop's and the selected actor's rows always among them.
  const windowed = nRows > MATRIX_WINDOW_FROM_ROWS;
  const rowPx = cellPx(nCols);
  const selectedRow = selection?.kind === "actor" ? matrix.rows.indexOf(selection.id) : -1;
  const runs = matrixRuns(
    matrixWindow(nRows, rowPx, windowed ? viewport : null, [tabStop.r - 1, selectedRow]),
    nRows,
  );
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!windowed || !scroller) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const head = tableRef.current?.tHead?.offsetHeight ?? 0;
      setViewport((v) =>
        v && v.scrollTop === scroller.scrollTop && v.height === scroller.clientHeight && v.bodyTop === head
          ? v
          : { scrollTop: scroller.scrollTop, height: scroller.clientHeight, bodyTop: head },
      );
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    scroller.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    };
  }, [windowed]);
  useEffect(() => {
    const p = pendingFocus.current;
    if (!p) return;
    pendingFocus.current = null;
    cellAt(tableRef.current, p)?.focus();
  });

  const activate = (p: Pos) => {
    if (p.r === 0 || p.c === 0) {
      const id = p.r === 0 ? matrix.cols[p.c - 1] : matrix.rows[p.r - 1];
      if (id) onSelect({ kind: "actor", id });
      return;
    }
    const from = matrix.rows[p.r - 1];
    const to = matrix.cols[p.c - 1];
    const cell = from && to ? matrix.cells.get(cellKey(from, to)) : undefined;
    if (!cell) return;
    openStanceGroup(cell.stanceIds, selection, onSelect, onEvidence);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const p = posOf(e.target);
    if (!p) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      activate(p);
      return;
    }
    const next = moveFrom(p, e, nRows, nCols);
    if (!next) return;
    e.preventDefault();
    setLast(next);
    const el = cellAt(tableRef.current, next);
    // A row out of the drawn window is drawn by the render `setLast` starts (the tab stop's row always is).
    if (el) el.focus();
    else pendingFocus.current = next;
  };
  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const p = posOf(e.target);
    if (p) activate(p);
  };
  const onFocus = (e: FocusEvent<HTMLTableElement>) => {
    const p = posOf(e.target);
    if (p) setLast(p);
  };

  if (nRows === 0)
    return (
      <div className={base.network} data-testid="network-matrix" data-ready={ready ? "true" : undefined}>
        <p className={base.empty} data-testid="network-empty">
          No stances match the current filters, so there is no network to draw. Widen the years, or pick other
          actors or stance types.
        </p>
      </div>
    );

  const selectedActor = selection?.kind === "actor" ? selection.id : null;
  const selectedStance = selection?.kind === "stance" ? selection.id : null;
  const tab = (r: number, c: number) => (tabStop.r === r && tabStop.c === c ? 0 : -1);
  const headerMarks = (id: string) => actorMarks(id, selectedActor, linked);

  return (
    <div className={base.network} data-testid="network-matrix" data-ready={ready ? "true" : undefined}>
      <MatrixLegend matrix={matrix} />
      <div
        ref={scrollerRef}
        className={styles.scroller}
        data-testid="matrix-scroller"
        style={
          {
            "--cell": `${cellPx(nCols)}px`,
            "--cols": nCols,
            // The longest row name, in characters of the grid's font, with the header's padding.
            "--head": `calc(${headChars}ch + 12px)`,
          } as CSSProperties
        }
      >
        <table
          ref={tableRef}
          role="grid"
          aria-label="Stances as a matrix: rows take the stance, columns receive it"
          aria-rowcount={nRows + 1}
          className={`${styles.grid} ${linked.active ? styles.dimming : ""}`}
          onKeyDown={onKeyDown}
          onClick={onClick}
          onFocus={onFocus}
        >
          <thead>
            <tr role="row" data-r={0} aria-rowindex={1}>
              <th role="columnheader" scope="col" className={styles.corner}>
                <span className={styles.cornerText}>
                  from ↓ <br />
                  to →
                </span>
              </th>
              {matrix.cols.map((id, j) => (
                <th
                  key={id}
                  role="columnheader"
                  scope="col"
                  className={styles.colHead}
                  title={colNames[j]}
                  tabIndex={tab(0, j + 1)}
                  {...headerMarks(id)}
                >
                  <span className={styles.colName}>{actorShortName(index, id)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {/* One flat list, so a row keeps its element as it moves from one run to another. */}
            {runs.flatMap((run, k) =>
              "gap" in run ? (
                // The room of rows not drawn: their count times the row's height.
                <tr
                  key={`gap-${k}`}
                  aria-hidden="true"
                  className={styles.spacer}
                  style={{ height: run.gap * rowPx }}
                />
              ) : (
                run.rows.map((i) => (
                  <MatrixRow
                    key={matrix.rows[i]}
                    index={index}
                    matrix={matrix}
                    colNames={colNames}
                    from={matrix.rows[i]!}
                    r={i + 1}
                    tabC={tabStop.r === i + 1 ? tabStop.c : -1}
                    selectedActor={selectedActor}
                    selectedStance={selectedStance}
                    linked={linked}
                  />
                ))
              ),
            )}
          </tbody>
        </table>
      </div>
      {matrix.capped.actors > 0 && (
        <p className={base.hint} data-testid="matrix-capped">
          Only the {MAX_MATRIX_ACTORS} actors with the most shown stances stand on each axis:{" "}
          {matrix.capped.actors} more, with {matrix.capped.stances} stances, do not. The text list of shown
          stances below has every one.
        </p>
      )}
      <StanceText
        index={index}
        stances={visible.stances}
        selection={selection}
        onSelect={onSelect}
        onEvidence={onEvidence}
      />
    </div>
  );
}

/** The data attributes of an actor's header: its record, and whether it is selected or linked. */
const actorMarks = (id: string, selectedActor: string | null, linked: Linked) => ({
  "data-record": `actor:${id}`,
  "data-actor": id,
  "data-focused": id === selectedActor ? "true" : undefined,
  "data-linked": linked.actors.has(id) ? "true" : undefined,
});

/**
 * One row of the grid: the source's header, then a cell per target. Memoised: moving the keyboard focus
 * re-renders only the two rows the tab stop leaves and enters, not every cell of a large matrix.
 */
const MatrixRow = memo(function MatrixRow({
  index,
  matrix,
  colNames,
  from,
  r,
  tabC,
  selectedActor,
  selectedStance,
  linked,
}: {
  index: DatasetIndex;
  matrix: Matrix;
  /** The columns' actor names, looked up once for every row. */
  colNames: readonly string[];
  from: string;
  /** The row's place in the grid (1 = the first actor). */
  r: number;
  /** The column of the tab stop when it is in this row, else -1. */
  tabC: number;
  selectedActor: string | null;
  selectedStance: string | null;
  linked: Linked;
}) {
  const rowName = actorName(index, from);
  return (
    <tr role="row" data-r={r} aria-rowindex={r + 1}>
      <th
        role="rowheader"
        scope="row"
        className={styles.rowHead}
        title={rowName}
        tabIndex={tabC === 0 ? 0 : -1}
        {...actorMarks(from, selectedActor, linked)}
      >
        {actorShortName(index, from)}
      </th>
      {matrix.cols.map((to, j) => {
        const cell = matrix.cells.get(cellKey(from, to));
        const label = pairCellLabel(rowName, colNames[j]!, cell);
        const n = cell?.stanceIds.length ?? 0;
        const top = cell?.types[0]?.type;
        const focused = !!selectedStance && !!cell?.stanceIds.includes(selectedStance);
        const lit = !!cell && cell.stanceIds.some((s) => linked.stances.has(s));
        return (
          <td
            key={to}
            role="gridcell"
            className={styles.cell}
            aria-label={label}
            title={cell ? label : undefined}
            tabIndex={tabC === j + 1 ? 0 : -1}
            data-record={n === 1 ? `stance:${cell!.stanceIds[0]}` : undefined}
            data-stances={cell ? cell.stanceIds.join(" ") : undefined}
            data-type={top}
            data-focused={focused ? "true" : undefined}
            data-linked={lit ? "true" : undefined}
          >
            {top && (
              <span className={styles.fill} style={{ background: STANCE_COLOR[top] }} aria-hidden="true" />
            )}
            {n > 1 && (
              <span className={styles.count} aria-hidden="true">
                {n}
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
});

/** The key of the matrix: the colours of the types that fill a cell, and what the number and order mean. */
function MatrixLegend({ matrix }: { matrix: Matrix }) {
  const types = new Set<StanceType>();
  for (const cell of matrix.cells.values()) if (cell.types[0]) types.add(cell.types[0].type);
  const counted = [...matrix.cells.values()].some((c) => c.stanceIds.length > 1);
  return (
    <div className={base.legend} aria-label="Legend" role="group">
      <ul className={base.legendList}>
        {STANCE_TYPES.filter((t) => types.has(t)).map((t) => (
          <li key={t} data-legend-type={t}>
            <span className={styles.swatch} style={{ background: STANCE_COLOR[t] }} aria-hidden="true" />
            {STANCE_LABEL[t]}
          </li>
        ))}
        {counted && (
          <li className={base.legendNote}>
            <span className={`${styles.swatch} ${styles.swatchCount}`} aria-hidden="true">
              n
            </span>
            stances in the cell; colour: its most frequent type
          </li>
        )}
        <li className={base.legendNote}>rows grouped by camp, busiest first</li>
      </ul>
    </div>
  );
}
