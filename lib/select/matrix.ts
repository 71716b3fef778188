import type { DatasetIndex } from "../data/indexDataset";
import type { Stance, StanceType } from "../model/schema";
import { STANCE_TYPES } from "../model/vocabulary";
import { actorName } from "./wording";

/** Most actors on either axis of the matrix; past this (generated datasets) the busiest are kept. */
export const MAX_MATRIX_ACTORS = 80;

/** One stance type in a cell and how many of the cell's stances are of it. */
export interface MatrixTypeCount {
  type: StanceType;
  count: number;
}

/** The stances one actor takes toward another, among the shown ones. */
export interface MatrixCell {
  from: string;
  to: string;
  /** The cell's stances, in dataset order. */
  stanceIds: readonly string[];
  /** The cell's types, the most frequent first (ties in the vocabulary's order): `types[0]` colours the cell. */
  types: readonly MatrixTypeCount[];
}

/** The adjacency matrix of some stances: actors taking a stance as rows, actors it is toward as columns. */
export interface Matrix {
  /** Row actors (sources), in {@link matrixOrder}. */
  rows: readonly string[];
  /** Column actors (targets), in the same order. */
  cols: readonly string[];
  /** The non-empty cells, by `cellKey(from, to)`. */
  cells: ReadonlyMap<string, MatrixCell>;
  /** Actors left off the axes by {@link MAX_MATRIX_ACTORS}, and the shown stances their cells hold. */
  capped: { actors: number; stances: number };
}

/** Key of a cell in {@link Matrix.cells}. */
export const cellKey = (from: string, to: string) => `${from}\u0000${to}`;

const TYPE_RANK = new Map<string, number>(STANCE_TYPES.map((t, i) => [t, i]));

/** Code-point order, the same in every runtime (no locale). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of the matrix's rows and columns (one order over the actors of both axes), so clusters show as
 * blocks:
 * 1. by camp: actors whose affiliation chain leads to the same top actor (Lavrov, the Kremlin, TASS → Russia)
 *    stay together; camps with more shown stances (the sum of the degrees of the camp's actors in the
 *    matrix) come first, ties by the top actor's name, then its id;
 * 2. inside a camp, by degree (shown stances the actor takes part in, from or to) descending;
 * 3. then by name (code-point order), then id.
 */
export function matrixOrder(
  index: DatasetIndex,
  actors: Iterable<string>,
  degree: ReadonlyMap<string, number>,
) {
  const campOf = (id: string) => index.campOf.get(id) ?? id;
  const campDegree = new Map<string, number>();
  const list = [...actors];
  for (const id of list)
    campDegree.set(campOf(id), (campDegree.get(campOf(id)) ?? 0) + (degree.get(id) ?? 0));
  return list.sort((a, b) => {
    const ca = campOf(a);
    const cb = campOf(b);
    if (ca !== cb)
      return (
        campDegree.get(cb)! - campDegree.get(ca)! ||
        compare(actorName(index, ca), actorName(index, cb)) ||
        compare(ca, cb)
      );
    return (
      (degree.get(b) ?? 0) - (degree.get(a) ?? 0) ||
      compare(actorName(index, a), actorName(index, b)) ||
      compare(a, b)
    );
  });
}

/**
 * The matrix of the shown stances: a row for every actor that takes one, a column for every actor one is
 * toward (so no row or column is empty), both in {@link matrixOrder} over the shown stances. Where more than
 * {@link MAX_MATRIX_ACTORS} actors would stand on an axis, the ones with the highest degree are kept.
 */
export function buildMatrix(index: DatasetIndex, stances: readonly Stance[]): Matrix {
  const degree = new Map<string, number>();
  const bump = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
  const sources = new Set<string>();
  const targets = new Set<string>();
  for (const s of stances) {
    bump(s.from);
    if (s.to !== s.from) bump(s.to);
    sources.add(s.from);
    targets.add(s.to);
  }
  const busiest = (ids: Set<string>) => {
    if (ids.size <= MAX_MATRIX_ACTORS) return ids;
    const kept = [...ids]
      .sort((a, b) => degree.get(b)! - degree.get(a)! || compare(a, b))
      .slice(0, MAX_MATRIX_ACTORS);
    return new Set(kept);
  };
  const rowSet = busiest(sources);
  const colSet = busiest(targets);

  const grouped = new Map<
    string,
    { from: string; to: string; ids: string[]; counts: Map<StanceType, number> }
  >();
  let cappedStances = 0;
  for (const s of stances) {
    if (!rowSet.has(s.from) || !colSet.has(s.to)) {
      cappedStances++;
      continue;
    }
    const key = cellKey(s.from, s.to);
    let g = grouped.get(key);
    if (!g) grouped.set(key, (g = { from: s.from, to: s.to, ids: [], counts: new Map() }));
    g.ids.push(s.id);
    g.counts.set(s.type, (g.counts.get(s.type) ?? 0) + 1);
  }
  const cells = new Map<string, MatrixCell>();
  for (const [key, g] of grouped)
    cells.set(key, {
      from: g.from,
      to: g.to,
      stanceIds: g.ids,
      types: [...g.counts]
        .map(([type, count]) => ({ type, count }))
        .sort((a, b) => b.count - a.count || TYPE_RANK.get(a.type)! - TYPE_RANK.get(b.type)!),
    });
  // One order over both axes, so rows and columns read in the same sequence (and camps rank alike).
  const order = matrixOrder(index, new Set([...rowSet, ...colSet]), degree);
  return {
    rows: order.filter((id) => rowSet.has(id)),
    cols: order.filter((id) => colSet.has(id)),
    cells,
    capped: { actors: sources.size - rowSet.size + (targets.size - colSet.size), stances: cappedStances },
  };
}

/** "Russia → Iran: support ×5, defend ×1", or "Russia → Iran: no stance": a cell's name and tooltip. */
export function matrixCellLabel(index: DatasetIndex, from: string, to: string, cell: MatrixCell | undefined) {
  return pairCellLabel(actorName(index, from), actorName(index, to), cell);
}

/** {@link matrixCellLabel} from the two actors' names, for a grid that looks each name up once per axis. */
export function pairCellLabel(fromName: string, toName: string, cell: MatrixCell | undefined) {
  const pair = `${fromName} → ${toName}`;
  if (!cell) return `${pair}: no stance`;
  return `${pair}: ${cell.types.map((t) => `${t.type} ×${t.count}`).join(", ")}`;
}
