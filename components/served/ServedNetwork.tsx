"use client";

import { memo, useId, useMemo } from "react";
import { forceLayout } from "@/lib/layout/networkForces";
import type { Actor } from "@/lib/model";
import type { EdgeCount } from "@/lib/source/types";
import { ArrowDefs, arrowId } from "../network/marks/ArrowDefs";
import { STANCE_COLOR, STANCE_LABEL, STANCE_VERB } from "../theme";
import { useElementWidth } from "../useElementWidth";
import { formatCount, namesOf, type Answers, type AnswerState } from "./answers";
import { AnswerStatus } from "./AnswerStatus";
import styles from "./Served.module.css";

/** Edges drawn on a wide box and on a phone's: past a few dozen, a node-link drawing stops being readable. */
export const DRAWN_EDGES = { wide: 60, narrow: 24 } as const;

/** Boxes narrower than this draw {@link DRAWN_EDGES}.narrow. */
const NARROW_PX = 560;

/** The labels' size in layout units, so that they read at about 10 px once the drawing fits its box. */
const LABEL_PX = { wide: 11, narrow: 20 } as const;

/** Rows of the table under the drawing. */
const LISTED_EDGES = 12;

const label = (a: Actor | undefined, id: string) => a?.shortName ?? a?.name ?? id;

/** Where the nodes sit: one seeded force layout of the drawn edges' actors (a few dozen, a few ms). */
function layoutOf(edges: readonly EdgeCount[], names: Map<string, Actor>, font: number) {
  const stances = new Map<string, number>();
  const weights = new Map<string, number>();
  for (const e of edges) {
    stances.set(e.from, (stances.get(e.from) ?? 0) + e.count);
    stances.set(e.to, (stances.get(e.to) ?? 0) + e.count);
    const pair = e.from < e.to ? `${e.from}\u0000${e.to}` : `${e.to}\u0000${e.from}`;
    weights.set(pair, (weights.get(pair) ?? 0) + e.count);
  }
  const most = Math.max(1, ...stances.values());
  const radius = (id: string) => 5 + 11 * Math.sqrt((stances.get(id) ?? 0) / most);
  const nodes = [...stances.keys()].map((id) => ({
    id,
    r: radius(id),
    labelWidth: Math.min(18, label(names.get(id), id).length) * font * 0.6,
    labelHeight: font * 1.2,
  }));
  const links = [...weights].map(([pair, weight]) => {
    const [source, target] = pair.split("\u0000") as [string, string];
    return { source, target, weight };
  });
  return { ...forceLayout(nodes, links, { seed: 23 }), radius, stances };
}

/**
 * The network of a dataset served by DuckDB: the directed edges with the most stances under the filters
 * (a few dozen: the route ranks them all), as a node-link drawing with one seeded layout per answer, and the
 * busiest as a table. Pressing an actor (a node or a name in the table) adds it to the actor filter or takes
 * it out, so every view follows.
 */
export const ServedNetwork = memo(function ServedNetwork({
  answer,
  selected,
  onToggleActor,
}: {
  answer: AnswerState<Answers["edges"]>;
  /** The actor filter's ids. */
  selected: readonly string[];
  onToggleActor(id: string): void;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(640);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const narrow = width < NARROW_PX;
  const edges = useMemo(
    () => (answer.data?.edges ?? []).slice(0, narrow ? DRAWN_EDGES.narrow : DRAWN_EDGES.wide),
    [answer.data, narrow],
  );
  const names = useMemo(() => namesOf(answer.data?.named), [answer.data]);
  // Labels in layout units: the drawing is scaled down to fit the box, twice as much on a phone.
  const font = narrow ? LABEL_PX.narrow : LABEL_PX.wide;
  const layout = useMemo(() => layoutOf(edges, names, font), [edges, names, font]);
  const most = Math.max(1, ...edges.map((e) => e.count));
  const { bounds, positions } = layout;
  const pad = 24;
  const viewBox = `${bounds.x0 - pad} ${bounds.y0 - pad} ${bounds.x1 - bounds.x0 + 2 * pad} ${bounds.y1 - bounds.y0 + 2 * pad}`;
  // Edges between the same two actors bow apart, one lane each, so none hides another.
  const lanes = new Map<string, number>();
  const lane = (e: EdgeCount) => {
    const pair = e.from < e.to ? `${e.from}\u0000${e.to}` : `${e.to}\u0000${e.from}`;
    const k = lanes.get(pair) ?? 0;
    lanes.set(pair, k + 1);
    return (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 14 + (e.from < e.to ? 7 : -7);
  };
  const total = answer.data?.total ?? 0;
  const summary =
    edges.length === 0
      ? "No stances under these filters."
      : `The ${edges.length} busiest of ${formatCount(total)} directed edges: ${edges
          .slice(0, 3)
          .map(
            (e) =>
              `${label(names.get(e.from), e.from)} ${STANCE_VERB[e.type]} ${label(names.get(e.to), e.to)} ${formatCount(e.count)} times`,
          )
          .join("; ")}.`;
  const actorButton = (id: string) => (
    <button
      type="button"
      className="link-button"
      aria-pressed={selected.includes(id)}
      onClick={() => onToggleActor(id)}
    >
      {names.get(id)?.name ?? id}
    </button>
  );
  return (
    <div className={styles.network} ref={ref} data-state={answer.state} data-testid="served-network">
      <AnswerStatus answer={answer} what="the network" />
      {answer.data && (
        <>
          <p className={styles.caption}>
            {edges.length < total
              ? `The ${edges.length} directed edges with the most stances, of ${formatCount(total)}.`
              : `${formatCount(total)} directed ${total === 1 ? "edge" : "edges"}.`}{" "}
            Press an actor to filter by it.
          </p>
          {edges.length > 0 && (
            <svg viewBox={viewBox} className={styles.graph} role="group" aria-label={summary}>
              <ArrowDefs uid={uid} />
              {edges.map((e) => {
                const a = positions.get(e.from)!;
                const b = positions.get(e.to)!;
                const dx = b.x - a.x;
                const dy = b.y - a.y;
                const len = Math.max(1, Math.hypot(dx, dy));
                const off = lane(e);
                // The control point, off the chord's middle; the ends stop at the marks' edges.
                const cx = (a.x + b.x) / 2 - (dy / len) * off;
                const cy = (a.y + b.y) / 2 + (dx / len) * off;
                const end = (p: { x: number; y: number }, r: number) => {
                  const d = Math.max(1, Math.hypot(cx - p.x, cy - p.y));
                  return { x: p.x + ((cx - p.x) / d) * (r + 2), y: p.y + ((cy - p.y) / d) * (r + 2) };
                };
                const s = end(a, layout.radius(e.from));
                const t = end(b, layout.radius(e.to));
                return (
                  <path
                    key={`${e.from}>${e.to}>${e.type}`}
                    d={`M${s.x},${s.y} Q${cx},${cy} ${t.x},${t.y}`}
                    fill="none"
                    stroke={STANCE_COLOR[e.type]}
                    strokeWidth={1 + 4 * Math.sqrt(e.count / most)}
                    markerEnd={`url(#${arrowId(uid, e.type)})`}
                    className={styles.edge}
                    data-edge={`${e.from}>${e.to}>${e.type}`}
                  >
                    <title>{`${label(names.get(e.from), e.from)} ${STANCE_VERB[e.type]} ${label(names.get(e.to), e.to)}: ${formatCount(e.count)} stances`}</title>
                  </path>
                );
              })}
              {[...positions].map(([id, p]) => {
                const on = selected.includes(id);
                const name = label(names.get(id), id);
                return (
                  <g
                    key={id}
                    transform={`translate(${p.x},${p.y})`}
                    role="button"
                    tabIndex={0}
                    aria-pressed={on}
                    aria-label={`${names.get(id)?.name ?? id}: ${formatCount(layout.stances.get(id) ?? 0)} stances in the drawn edges`}
                    className={styles.node}
                    data-actor={id}
                    onClick={() => onToggleActor(id)}
                    onKeyDown={(ev) => {
                      if (ev.key !== "Enter" && ev.key !== " ") return;
                      ev.preventDefault();
                      onToggleActor(id);
                    }}
                  >
                    <circle r={layout.radius(id)} data-on={on || undefined} />
                    <text y={layout.radius(id) + font + 1} textAnchor="middle" fontSize={font}>
                      {name.length > 18 ? `${name.slice(0, 17)}…` : name}
                    </text>
                  </g>
                );
              })}
            </svg>
          )}
          {edges.length > 0 && (
            <table className={styles.edges}>
              <caption>The busiest edges</caption>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">Stance</th>
                  <th scope="col">To</th>
                  <th scope="col">Stances</th>
                </tr>
              </thead>
              <tbody>
                {edges.slice(0, LISTED_EDGES).map((e) => (
                  <tr key={`${e.from}>${e.to}>${e.type}`}>
                    <td>{actorButton(e.from)}</td>
                    <td>
                      <span
                        className="swatch"
                        style={{ background: STANCE_COLOR[e.type] }}
                        aria-hidden="true"
                      />
                      {STANCE_LABEL[e.type]}
                    </td>
                    <td>{actorButton(e.to)}</td>
                    <td>{formatCount(e.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
});
