"use client";

import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import {
  edgeGeometry,
  fitTransform,
  labelBox,
  labelWidth,
  LANE_PX,
  nodeInDirection,
  NODE_RADIUS,
  nodeRadius,
  placeLabels,
  toScreen,
  type DatasetNetworkLayout,
  type Direction,
  type Point,
  type ViewTransform,
} from "@/lib/layout/network";
import type { Linked } from "@/lib/select";
import { GRAPH_OTHERS_ID, type Graph, type GraphEdge, type GraphNode } from "@/lib/select/graph";
import type { Focus } from "@/lib/view";
import { STANCE_COLOR, STANCE_FAMILY } from "../theme";
import { nodeShape } from "./shapes";
import styles from "./Network.module.css";

/** Props of the network drawing. */
export interface NetworkGraphProps {
  /** The nodes and edges to draw (the shown stances). */
  graph: Graph;
  /** The dataset's one layout: where every node sits. */
  layout: DatasetNetworkLayout;
  /** Width of the drawing in CSS pixels (its box's width). */
  width: number;
  /** Height of the drawing in CSS pixels. */
  height: number;
  /** The focused item of the view state. */
  focus: Focus | null;
  /** What the focused item links to. */
  linked: Linked;
  /** Text for an edge's tooltip: one line per stance it draws. */
  describeEdge(edge: GraphEdge): string[];
  /** A node was clicked or chosen with Enter. */
  onNode(id: string): void;
  /** An edge was clicked. */
  onEdge(edge: GraphEdge): void;
}

interface Zoom {
  k: number;
  x: number;
  y: number;
}

const NO_ZOOM: Zoom = { k: 1, x: 0, y: 0 };
const ZOOM_STEP = 1.6;
const MAX_ZOOM = 8;

const ARROWS: Record<string, Direction> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
};

const edgeWidth = (e: GraphEdge) => (e.stanceIds.length > 1 ? 2 + Math.log2(e.stanceIds.length) : 2);

/**
 * The SVG of the network: typed, directed edges between actor marks at the dataset layout's positions, fitted
 * to the box, with zoom and pan. One tab stop (roving tabindex) leads into the marks; arrow keys move between
 * linked actors, Enter or Space focuses one. Hovering or keyboard-focusing an actor highlights its neighbours
 * and edges; a focus set anywhere highlights what it links to.
 */
export function NetworkGraph({
  graph,
  layout,
  width,
  height,
  focus,
  linked,
  describeEdge,
  onNode,
  onEdge,
}: NetworkGraphProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [zoom, setZoom] = useState<Zoom>(NO_ZOOM);
  const [hoverNode, setHoverNode] = useState<string | null>(null);
  const [keyNode, setKeyNode] = useState<string | null>(null);
  const [hoverEdge, setHoverEdge] = useState<string | null>(null);
  const [tabStop, setTabStop] = useState<string | null>(null);
  const nodeEls = useRef(new Map<string, SVGGElement>());
  const drag = useRef<{ id: number; x: number; y: number; zx: number; zy: number } | null>(null);

  const fit = useMemo(
    () => fitTransform(layout.bounds, width, height, 14, 1.25),
    [layout.bounds, width, height],
  );
  const font = layout.fontPx;
  const t: ViewTransform = useMemo(
    () => ({ ...fit, scale: fit.scale * zoom.k, ox: fit.ox + zoom.x, oy: fit.oy + zoom.y }),
    [fit, zoom],
  );

  const marks = useMemo(() => {
    const out = new Map<string, { p: Point; r: number; node: GraphNode }>();
    for (const node of graph.nodes) {
      const at = layout.positions.get(node.id);
      if (!at) continue;
      const r = node.id === GRAPH_OTHERS_ID ? NODE_RADIUS.max : nodeRadius(node.count, layout.maxCount);
      out.set(node.id, { p: toScreen(t, at), r, node });
    }
    return out;
  }, [graph, layout, t]);

  // Where each label goes: a box on some side of its mark, or null when there is no room at this zoom.
  const labels = useMemo(() => {
    const inputs = [...marks.values()].map(({ p, r, node }) => ({
      id: node.id,
      x: p.x,
      y: p.y,
      r: r + 1,
      width: labelWidth(node.label, font),
      height: font + 3,
    }));
    const sides = placeLabels(inputs, { width, height });
    return new Map(
      inputs.map((l) => {
        const side = sides.get(l.id);
        return [l.id, side ? labelBox(l, side) : null] as const;
      }),
    );
  }, [marks, width, height, font]);

  const geometry = useMemo(() => {
    const out = new Map<string, ReturnType<typeof edgeGeometry>>();
    for (const e of graph.edges) {
      const s = marks.get(e.from);
      const d = marks.get(e.to);
      if (!s || !d) continue;
      out.set(e.id, edgeGeometry(s.p, d.p, s.r, d.r, e.lane * LANE_PX, e.from < e.to));
    }
    return out;
  }, [graph, marks]);

  // What stands out: the hovered or keyboard-focused actor with its neighbours, else what the focus links to.
  const spot = hoverNode ?? keyNode;
  const spotEdge = hoverEdge ? graph.edges.find((e) => e.id === hoverEdge) : undefined;
  let nodeLit: ((id: string) => boolean) | null = null;
  let edgeLit: ((e: GraphEdge) => boolean) | null = null;
  if (spot && graph.nodeById.has(spot)) {
    const near = new Set([spot, ...(graph.neighbours.get(spot) ?? [])]);
    nodeLit = (id) => near.has(id);
    edgeLit = (e) => e.from === spot || e.to === spot;
  } else if (spotEdge) {
    nodeLit = (id) => id === spotEdge.from || id === spotEdge.to;
    edgeLit = (e) => e === spotEdge;
  } else if (linked.active) {
    nodeLit = (id) => linked.actors.has(id) || (focus?.kind === "actor" && focus.id === id);
    edgeLit = (e) => e.stanceIds.some((id) => linked.stances.has(id));
  }

  const focusedActor = focus?.kind === "actor" ? focus.id : null;
  const focusedStance = focus?.kind === "stance" ? focus.id : null;
  const interactive = graph.nodes.filter((n) => n.id !== GRAPH_OTHERS_ID);
  const rovingId =
    (tabStop && graph.nodeById.has(tabStop) && tabStop) ||
    (focusedActor && graph.nodeById.has(focusedActor) && focusedActor) ||
    interactive[0]?.id ||
    null;

  const moveTo = useCallback(
    (id: string) => {
      setTabStop(id);
      const m = marks.get(id);
      // Keep the newly focused mark on screen when zoomed in: pan it to the centre if it lies outside.
      if (m && (m.p.x < 0 || m.p.x > width || m.p.y < 0 || m.p.y > height))
        setZoom((z) => ({ ...z, x: z.x + width / 2 - m.p.x, y: z.y + height / 2 - m.p.y }));
      nodeEls.current.get(id)?.focus();
    },
    [marks, width, height],
  );

  const onNodeKey = (id: string) => (e: KeyboardEvent<SVGGElement>) => {
    const dir = ARROWS[e.key];
    if (dir) {
      e.preventDefault();
      const from = marks.get(id);
      if (!from) return;
      const around = (ids: readonly string[]) =>
        ids.filter((n) => n !== GRAPH_OTHERS_ID && marks.has(n)).map((n) => ({ id: n, p: marks.get(n)!.p }));
      // Linked actors first; an actor with no neighbour that way still lets the keys reach the rest.
      const next =
        nodeInDirection(from.p, dir, around(graph.neighbours.get(id) ?? [])) ??
        nodeInDirection(from.p, dir, around(interactive.map((n) => n.id)));
      if (next) moveTo(next);
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      const next = e.key === "Home" ? interactive[0] : interactive[interactive.length - 1];
      if (next) moveTo(next.id);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onNode(id);
    } else if (e.key === "Escape") {
      setKeyNode(null);
    }
  };

  const zoomBy = (factor: number) =>
    setZoom((z) => {
      const k = Math.min(MAX_ZOOM, Math.max(1, z.k * factor));
      const f = k / z.k;
      return k === 1 ? NO_ZOOM : { k, x: z.x * f, y: z.y * f };
    });

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (zoom.k === 1 || e.button !== 0) return;
    if ((e.target as Element).closest("[data-record],[data-edge]")) return;
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, zx: zoom.x, zy: zoom.y };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    setZoom((z) => ({ ...z, x: d.zx + e.clientX - d.x, y: d.zy + e.clientY - d.y }));
  };
  const endDrag = () => {
    drag.current = null;
  };

  const typesShown = [...new Set(graph.edges.map((e) => e.type))];
  const tipEdge = spotEdge && geometry.get(spotEdge.id) ? spotEdge : undefined;
  const tipAt = tipEdge ? geometry.get(tipEdge.id)!.mid : null;
  const floating = spot && marks.get(spot) && !labels.get(spot) ? marks.get(spot)! : null;

  return (
    <div className={styles.canvas}>
      <svg
        className={`${styles.svg} ${zoom.k > 1 ? styles.pannable : ""}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`Network of ${interactive.length} actors and their stances`}
        aria-describedby={`${uid}-keys`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        data-testid="network-svg"
      >
        <defs>
          {typesShown.map((type) => (
            <marker
              key={type}
              id={`${uid}-arrow-${type}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="9"
              markerHeight="9"
              markerUnits="userSpaceOnUse"
              orient="auto"
            >
              <path d="M0,0L10,5L0,10Z" fill={STANCE_COLOR[type]} />
            </marker>
          ))}
        </defs>
        <g aria-hidden="true">
          {graph.edges.map((e) => {
            const g = geometry.get(e.id);
            if (!g) return null;
            const isFocused = focusedStance !== null && e.stanceIds.includes(focusedStance);
            const isLinked = linked.active && e.stanceIds.some((id) => linked.stances.has(id));
            const dim = edgeLit !== null && !edgeLit(e);
            const n = e.stanceIds.length;
            return (
              <g
                key={e.id}
                className={`${styles.edge} ${dim ? styles.dim : ""} ${isFocused ? styles.focusedEdge : ""}`}
                data-edge={e.id}
                data-record={n === 1 ? `stance:${e.stanceIds[0]}` : undefined}
                data-stances={e.stanceIds.join(" ")}
                data-type={e.type}
                data-focused={isFocused ? "true" : undefined}
                data-linked={isLinked ? "true" : undefined}
                onPointerEnter={() => setHoverEdge(e.id)}
                onPointerLeave={() => setHoverEdge((h) => (h === e.id ? null : h))}
                onClick={() => onEdge(e)}
              >
                <path d={g.d} className={styles.edgeHit} />
                {isFocused && <path d={g.d} className={styles.edgeHalo} strokeWidth={edgeWidth(e) + 5} />}
                <path
                  d={g.d}
                  className={styles.edgeLine}
                  stroke={STANCE_COLOR[e.type]}
                  strokeWidth={edgeWidth(e)}
                  strokeDasharray={STANCE_FAMILY[e.type] === "other" ? "5 3" : undefined}
                  markerEnd={`url(#${uid}-arrow-${e.type})`}
                />
                {n > 1 && (
                  <g
                    transform={`translate(${g.mid.x.toFixed(1)},${g.mid.y.toFixed(1)})`}
                    className={styles.count}
                  >
                    <circle r={8} stroke={STANCE_COLOR[e.type]} />
                    <text dy="0.35em">{n}</text>
                  </g>
                )}
              </g>
            );
          })}
        </g>
        <g>
          {[...marks.values()].map(({ p, r, node }) => {
            const others = node.id === GRAPH_OTHERS_ID;
            const isFocused = focusedActor === node.id;
            const isLinked = linked.active && linked.actors.has(node.id);
            const dim = nodeLit !== null && !nodeLit(node.id);
            const box = labels.get(node.id);
            const lit = spot === node.id || keyNode === node.id;
            const common = {
              transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
              className: `${styles.node} ${dim ? styles.dim : ""} ${isFocused ? styles.focusedNode : ""} ${
                lit ? styles.litNode : ""
              }`,
            };
            const body = (
              <>
                {keyNode === node.id && <circle r={r + 6} className={styles.ring} />}
                <path
                  d={nodeShape(node.kind, r)}
                  className={`${styles.mark} ${others ? styles.othersMark : ""}`}
                />
                {box && (
                  <text
                    x={((box.x0 + box.x1) / 2 - p.x).toFixed(1)}
                    y={(box.y1 - 3.5 - p.y).toFixed(1)}
                    textAnchor="middle"
                    className={styles.label}
                    fontSize={font}
                  >
                    {node.label}
                  </text>
                )}
              </>
            );
            if (others)
              return (
                <g key={node.id} {...common} data-node={node.id}>
                  <title>{`${node.name}: ${node.count} stances`}</title>
                  {body}
                </g>
              );
            return (
              <g
                key={node.id}
                {...common}
                ref={(el) => {
                  if (el) nodeEls.current.set(node.id, el);
                  else nodeEls.current.delete(node.id);
                }}
                data-node={node.id}
                data-record={`actor:${node.id}`}
                data-focused={isFocused ? "true" : undefined}
                data-linked={isLinked ? "true" : undefined}
                role="button"
                tabIndex={node.id === rovingId ? 0 : -1}
                aria-pressed={isFocused}
                aria-label={`${node.name}, ${node.kind}, ${node.count} ${node.count === 1 ? "stance" : "stances"} shown`}
                onClick={() => {
                  setTabStop(node.id);
                  onNode(node.id);
                }}
                onKeyDown={onNodeKey(node.id)}
                onFocus={() => {
                  setKeyNode(node.id);
                  setTabStop(node.id);
                }}
                onBlur={() => setKeyNode((k) => (k === node.id ? null : k))}
                onPointerEnter={() => setHoverNode(node.id)}
                onPointerLeave={() => setHoverNode((h) => (h === node.id ? null : h))}
              >
                {body}
              </g>
            );
          })}
        </g>
        {floating && (
          // A label with no room of its own still shows while its actor is hovered or focused.
          <g aria-hidden="true" className={styles.floating}>
            {(() => {
              const box = labelBox(
                {
                  id: floating.node.id,
                  x: floating.p.x,
                  y: floating.p.y,
                  r: floating.r + 1,
                  width: labelWidth(floating.node.label, font),
                  height: font + 3,
                },
                floating.p.y > height - 30 ? "above" : "below",
              );
              return (
                <>
                  <rect
                    x={box.x0 - 2}
                    y={box.y0}
                    width={box.x1 - box.x0 + 4}
                    height={box.y1 - box.y0}
                    rx={3}
                  />
                  <text
                    x={(box.x0 + box.x1) / 2}
                    y={box.y1 - 3.5}
                    textAnchor="middle"
                    className={styles.label}
                    fontSize={font}
                  >
                    {floating.node.label}
                  </text>
                </>
              );
            })()}
          </g>
        )}
      </svg>
      {/* After the drawing in the DOM, so Tab reaches the actors first; placed over its corner. */}
      <div className={styles.zoomBar} role="group" aria-label="Zoom">
        <button
          type="button"
          className={styles.zoomButton}
          onClick={() => zoomBy(ZOOM_STEP)}
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          className={styles.zoomButton}
          onClick={() => zoomBy(1 / ZOOM_STEP)}
          aria-label="Zoom out"
          disabled={zoom.k === 1}
        >
          −
        </button>
        <button
          type="button"
          className={styles.zoomButton}
          onClick={() => setZoom(NO_ZOOM)}
          disabled={zoom === NO_ZOOM}
          aria-label="Fit the whole network"
        >
          Fit
        </button>
      </div>
      {tipEdge && tipAt && (
        <div
          className={styles.tooltip}
          style={{
            left: Math.min(Math.max(tipAt.x, 110), width - 110),
            top: tipAt.y + 14 > height - 60 ? undefined : tipAt.y + 14,
            bottom: tipAt.y + 14 > height - 60 ? height - tipAt.y + 14 : undefined,
          }}
          aria-hidden="true"
        >
          {describeEdge(tipEdge).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          <p className={styles.tooltipHint}>Click for the evidence</p>
        </div>
      )}
      <p id={`${uid}-keys`} className="visually-hidden">
        Tab into the network, then use the arrow keys to move between linked actors. Enter highlights an actor
        and its stances. The list of stances after the network reaches every edge.
      </p>
    </div>
  );
}
