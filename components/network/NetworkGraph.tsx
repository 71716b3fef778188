"use client";

import {
  memo,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from "react";
import {
  edgeGeometry,
  fitTransform,
  labelBox,
  labelWidth,
  laneBow,
  nodeInDirection,
  placeLabels,
  toScreen,
  type Box,
  type DatasetNetworkLayout,
  type Direction,
  type EdgeGeometry,
  type Point,
  type ViewTransform,
} from "@/lib/layout/network";
import type { StanceType } from "@/lib/model";
import type { Linked } from "@/lib/select";
import { GRAPH_OTHERS_ID, type Graph, type GraphEdge, type GraphNode } from "@/lib/select/graph";
import { STANCE_TYPES, type Focus } from "@/lib/view";
import { STANCE_COLOR, STANCE_FAMILY } from "../theme";
import { edgeWidth, showsCount } from "./edgeStyle";
import { nodeShape } from "./shapes";
import styles from "./Network.module.css";

/** Props of the network drawing. */
export interface NetworkGraphProps {
  /** The nodes and edges to draw (the shown stances). */
  graph: Graph;
  /** The dataset's one layout: where every node sits and how large it is. */
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

/** A mark laid out on screen: its centre and radius. */
interface ScreenMark {
  p: Point;
  r: number;
}

// Events bubble from the marks to one handler per event on the drawing, which finds the mark by these
// attributes: no mark holds a closure of its own, so memoised marks stay put when the handlers change.
const actorOf = (target: EventTarget) =>
  (target as Element).closest?.("[data-record^='actor:']")?.getAttribute("data-node") ?? null;
const edgeOf = (target: EventTarget) =>
  (target as Element).closest?.("[data-edge]")?.getAttribute("data-edge") ?? null;

/** Props of one edge's marks: primitives (and a list kept by reference while unchanged), so memo holds. */
interface EdgeMarkProps {
  id: string;
  d: string;
  /** The middle of the curve, where the count sits. */
  midX: number;
  midY: number;
  type: StanceType;
  /** The shown stances it draws, oldest first. */
  stanceIds: readonly string[];
  /** Stroke width of the line. */
  width: number;
  /** Whether the count of its stances is drawn on it. */
  badge: boolean;
  /** `url(#…)` of the arrowhead marker of its type. */
  arrow: string;
  dim: boolean;
  focused: boolean;
  linked: boolean;
}

/** One edge: hit area, halo when focused, the line with its arrowhead, and a count when it merges stances. */
const EdgeMark = memo(function EdgeMark({
  id,
  d,
  midX,
  midY,
  type,
  stanceIds,
  width,
  badge,
  arrow,
  dim,
  focused,
  linked,
}: EdgeMarkProps) {
  const n = stanceIds.length;
  return (
    <g
      className={`${styles.edge} ${dim ? styles.dim : ""}`}
      data-edge={id}
      data-record={n === 1 ? `stance:${stanceIds[0]}` : undefined}
      data-stances={stanceIds.join(" ")}
      data-type={type}
      data-focused={focused ? "true" : undefined}
      data-linked={linked ? "true" : undefined}
    >
      <path d={d} className={styles.edgeHit} />
      {focused && <path d={d} className={styles.edgeHalo} strokeWidth={width + 5} />}
      <path
        d={d}
        className={styles.edgeLine}
        stroke={STANCE_COLOR[type]}
        strokeWidth={width}
        strokeDasharray={STANCE_FAMILY[type] === "other" ? "5 3" : undefined}
        markerEnd={arrow}
      />
      {badge && (
        <g transform={`translate(${midX.toFixed(1)},${midY.toFixed(1)})`} className={styles.count}>
          <circle r={8} stroke={STANCE_COLOR[type]} />
          <text dy="0.35em">{n}</text>
        </g>
      )}
    </g>
  );
});

/** Props of one actor's mark. */
interface NodeMarkProps {
  id: string;
  x: number;
  y: number;
  r: number;
  kind: GraphNode["kind"];
  label: string;
  /** Where the label's baseline centre sits relative to the mark; null = no room for it. */
  labelAt: Point | null;
  fontPx: number;
  /** Accessible name (for the grouped node, its tooltip). */
  description: string;
  dim: boolean;
  focused: boolean;
  linked: boolean;
  /** Hovered or keyboard-focused: drawn bolder. */
  lit: boolean;
  /** Keyboard-focused: ringed. */
  ring: boolean;
  /** The one tab stop of the drawing. */
  tabStop: boolean;
}

/** One actor (or the grouped "others"): its shape, sized by its stances in the dataset, and its label. */
const NodeMark = memo(function NodeMark({
  id,
  x,
  y,
  r,
  kind,
  label,
  labelAt,
  fontPx,
  description,
  dim,
  focused,
  linked,
  lit,
  ring,
  tabStop,
}: NodeMarkProps) {
  const others = id === GRAPH_OTHERS_ID;
  const common = {
    transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`,
    className: [styles.node, dim && styles.dim, focused && styles.focusedNode, lit && styles.litNode]
      .filter(Boolean)
      .join(" "),
    "data-node": id,
  };
  const body = (
    <>
      {ring && <circle r={r + 6} className={styles.ring} />}
      <path d={nodeShape(kind, r)} className={`${styles.mark} ${others ? styles.othersMark : ""}`} />
      {labelAt && (
        <text
          x={labelAt.x.toFixed(1)}
          y={labelAt.y.toFixed(1)}
          textAnchor="middle"
          className={styles.label}
          fontSize={fontPx}
        >
          {label}
        </text>
      )}
    </>
  );
  if (others)
    return (
      <g {...common}>
        <title>{description}</title>
        {body}
      </g>
    );
  return (
    <g
      {...common}
      data-record={`actor:${id}`}
      data-focused={focused ? "true" : undefined}
      data-linked={linked ? "true" : undefined}
      role="button"
      tabIndex={tabStop ? 0 : -1}
      aria-pressed={focused}
      aria-label={description}
    >
      {body}
    </g>
  );
});

/**
 * The SVG of the network: typed, directed edges between actor marks at the dataset layout's positions, fitted
 * to the box, with zoom and pan. Marks are sized and placed from the whole dataset, so a filter change only
 * adds, removes or recounts them. One tab stop (roving tabindex) leads into the marks; arrow keys move
 * between linked actors, Enter or Space focuses one. Hovering or keyboard-focusing an actor highlights its
 * neighbours and edges; a focus set anywhere highlights what it links to.
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
  const svgRef = useRef<SVGSVGElement>(null);
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

  // Every mark the layout can draw, on screen: it depends on the layout and the view, never on the filters.
  const marks = useMemo(() => {
    const out = new Map<string, ScreenMark>();
    for (const [id, { r }] of layout.marks) {
      const at = layout.positions.get(id);
      if (at) out.set(id, { p: toScreen(t, at), r });
    }
    return out;
  }, [layout, t]);

  // Where each label goes, relative to its mark (null when there is no room at this zoom). Placed over every
  // mark of the layout, shown or not, so that filtering never moves a label.
  const labels = useMemo(() => {
    const inputs = [...marks].map(([id, { p, r }]) => ({
      id,
      x: p.x,
      y: p.y,
      r: r + 1,
      width: layout.marks.get(id)!.labelWidth,
      height: font + 3,
    }));
    const sides = placeLabels(inputs, { width, height });
    return new Map(
      inputs.map((l) => {
        const side = sides.get(l.id);
        if (!side) return [l.id, null] as const;
        const box = labelBox(l, side);
        return [l.id, { x: (box.x0 + box.x1) / 2 - l.x, y: box.y1 - 3.5 - l.y }] as const;
      }),
    );
  }, [marks, layout, width, height, font]);

  const geometry = useMemo(() => {
    const out = new Map<string, EdgeGeometry>();
    for (const e of graph.edges) {
      const s = marks.get(e.from);
      const d = marks.get(e.to);
      if (s && d) out.set(e.id, edgeGeometry(s.p, d.p, s.r, d.r, laneBow(e.lane, e.lanes), e.from < e.to));
    }
    return out;
  }, [graph, marks]);

  const edgeById = useMemo(() => new Map(graph.edges.map((e) => [e.id, e])), [graph]);
  const linkedEdges = useMemo(
    () =>
      new Set(
        linked.active
          ? graph.edges.filter((e) => e.stanceIds.some((id) => linked.stances.has(id))).map((e) => e.id)
          : [],
      ),
    [graph, linked],
  );
  const interactive = useMemo(() => graph.nodes.filter((n) => n.id !== GRAPH_OTHERS_ID), [graph]);

  // What stands out: the hovered or keyboard-focused actor with its neighbours, else what the focus links to.
  const spot = hoverNode ?? keyNode;
  const spotEdge = hoverEdge ? edgeById.get(hoverEdge) : undefined;
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
    edgeLit = (e) => linkedEdges.has(e.id);
  }

  const focusedActor = focus?.kind === "actor" ? focus.id : null;
  const focusedEdge = focus?.kind === "stance" ? graph.edgeOfStance.get(focus.id)?.id : undefined;
  const rovingId =
    (tabStop && graph.nodeById.has(tabStop) && tabStop) ||
    (focusedActor && graph.nodeById.has(focusedActor) && focusedActor) ||
    interactive[0]?.id ||
    null;

  const moveTo = (id: string) => {
    setTabStop(id);
    const m = marks.get(id);
    // Keep the newly focused mark on screen when zoomed in: pan it to the centre if it lies outside.
    if (m && (m.p.x < 0 || m.p.x > width || m.p.y < 0 || m.p.y > height))
      setZoom((z) => ({ ...z, x: z.x + width / 2 - m.p.x, y: z.y + height / 2 - m.p.y }));
    svgRef.current?.querySelector<SVGGElement>(`[data-node="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const id = actorOf(e.target);
    if (!id) return;
    const dir = ARROWS[e.key];
    if (dir) {
      e.preventDefault();
      const from = marks.get(id);
      if (!from) return;
      const around = (ids: readonly string[]) =>
        ids
          .filter((n) => n !== GRAPH_OTHERS_ID && graph.nodeById.has(n) && marks.has(n))
          .map((n) => ({ id: n, p: marks.get(n)!.p }));
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

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const actor = actorOf(e.target);
    if (actor) {
      setTabStop(actor);
      onNode(actor);
      return;
    }
    const edge = edgeById.get(edgeOf(e.target) ?? "");
    if (edge) onEdge(edge);
  };
  const onFocus = (e: FocusEvent<SVGSVGElement>) => {
    const id = actorOf(e.target);
    if (!id) return;
    setKeyNode(id);
    setTabStop(id);
  };
  const onBlur = (e: FocusEvent<SVGSVGElement>) => {
    const id = actorOf(e.target);
    setKeyNode((k) => (k === id ? null : k));
  };
  const onPointerOver = (e: PointerEvent<SVGSVGElement>) => {
    const actor = actorOf(e.target);
    setHoverNode(actor);
    setHoverEdge(actor ? null : edgeOf(e.target));
  };
  const onPointerLeave = () => {
    setHoverNode(null);
    setHoverEdge(null);
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

  const tipAt = spotEdge ? geometry.get(spotEdge.id)?.mid : undefined;
  const spotMark = spot ? marks.get(spot) : undefined;
  const spotNode = spot ? graph.nodeById.get(spot) : undefined;
  const floating = spotMark && spotNode && !labels.get(spotNode.id) ? { ...spotMark, node: spotNode } : null;

  return (
    <div className={styles.canvas}>
      <svg
        ref={svgRef}
        className={`${styles.svg} ${zoom.k > 1 ? styles.pannable : ""}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`Network of ${interactive.length} actors and their stances`}
        aria-describedby={`${uid}-keys`}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
        onPointerOver={onPointerOver}
        onPointerLeave={onPointerLeave}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        data-testid="network-svg"
      >
        <ArrowDefs uid={uid} />
        <g aria-hidden="true">
          {graph.edges.map((e) => {
            const g = geometry.get(e.id);
            if (!g) return null;
            return (
              <EdgeMark
                key={e.id}
                id={e.id}
                d={g.d}
                midX={g.mid.x}
                midY={g.mid.y}
                type={e.type}
                stanceIds={e.stanceIds}
                width={edgeWidth(e)}
                badge={showsCount(e)}
                arrow={`url(#${uid}-arrow-${e.type})`}
                dim={edgeLit !== null && !edgeLit(e)}
                focused={e.id === focusedEdge}
                linked={linkedEdges.has(e.id)}
              />
            );
          })}
        </g>
        <g>
          {/* In the layout's order, not the shown counts', so that filtering never reorders the DOM. */}
          {[...marks].map(([id, { p, r }]) => {
            const node = graph.nodeById.get(id);
            if (!node) return null;
            return (
              <NodeMark
                key={id}
                id={id}
                x={p.x}
                y={p.y}
                r={r}
                kind={node.kind}
                label={node.label}
                labelAt={labels.get(id) ?? null}
                fontPx={font}
                description={
                  id === GRAPH_OTHERS_ID
                    ? `${node.name}: ${node.count} stances`
                    : `${node.name}, ${node.kind}, ${node.count} ${node.count === 1 ? "stance" : "stances"} shown`
                }
                dim={nodeLit !== null && !nodeLit(id)}
                focused={focusedActor === id}
                linked={linked.active && linked.actors.has(id)}
                lit={spot === id || keyNode === id}
                ring={keyNode === id}
                tabStop={id === rovingId}
              />
            );
          })}
        </g>
        {floating && (
          // A label with no room of its own still shows while its actor is hovered or focused.
          <FloatingLabel
            box={labelBox(
              {
                id: floating.node.id,
                x: floating.p.x,
                y: floating.p.y,
                r: floating.r + 1,
                width: labelWidth(floating.node.label, font),
                height: font + 3,
              },
              floating.p.y > height - 30 ? "above" : "below",
            )}
            label={floating.node.label}
            fontPx={font}
          />
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
      {spotEdge && tipAt && (
        <div
          className={styles.tooltip}
          style={{
            left: Math.min(Math.max(tipAt.x, 110), width - 110),
            top: tipAt.y + 14 > height - 60 ? undefined : tipAt.y + 14,
            bottom: tipAt.y + 14 > height - 60 ? height - tipAt.y + 14 : undefined,
          }}
          aria-hidden="true"
        >
          {describeEdge(spotEdge).map((line, i) => (
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

/**
 * Every type's arrowhead, always: adding or removing a marker invalidates every edge path that references
 * one, so the set must not follow the filters. Memoised on the id prefix, so a change never diffs them.
 */
const ArrowDefs = memo(function ArrowDefs({ uid }: { uid: string }) {
  return (
    <defs>
      {STANCE_TYPES.map((type) => (
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
  );
});

/** A label drawn over the marks on a white plate. */
function FloatingLabel({ box, label, fontPx }: { box: Box; label: string; fontPx: number }) {
  return (
    <g aria-hidden="true" className={styles.floating}>
      <rect x={box.x0 - 2} y={box.y0} width={box.x1 - box.x0 + 4} height={box.y1 - box.y0} rx={3} />
      <text
        x={(box.x0 + box.x1) / 2}
        y={box.y1 - 3.5}
        textAnchor="middle"
        className={styles.label}
        fontSize={fontPx}
      >
        {label}
      </text>
    </g>
  );
}
