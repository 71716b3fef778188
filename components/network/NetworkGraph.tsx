"use client";

import { useCallback, useId, useMemo, useRef, useState, type MouseEvent, type PointerEvent } from "react";
import { useTooltip } from "@visx/tooltip";
import {
  edgeShapes,
  fitTransform,
  labelBox,
  labelWidth,
  linkedEdgeIds,
  nearestEdge,
  networkSpotlight,
  nodeLabels,
  screenMarks,
  zoomTransform,
  type DatasetNetworkLayout,
} from "@/lib/layout/network";
import type { Linked } from "@/lib/select";
import { GRAPH_OTHERS_ID, type Graph, type GraphEdge } from "@/lib/select/graph";
import type { Selection } from "@/lib/view";
import { EdgeTooltip, type EdgeLine } from "./EdgeTooltip";
import { ArrowDefs } from "./marks/ArrowDefs";
import { EdgeMarks } from "./marks/EdgeMarks";
import { FloatingLabel } from "./marks/FloatingLabel";
import { NodeMark } from "./marks/NodeMark";
import { actorOf, edgeOf } from "./targets";
import { nodeName } from "./describe";
import { useRovingFocus } from "./useRovingFocus";
import { useZoom } from "./useZoom";
import { ZOOM_BAR_BAND, ZoomBar } from "./ZoomBar";
import styles from "./Network.module.css";

/** Props of the network drawing. */
export interface NetworkGraphProps {
  /** The nodes and edges to draw (the shown stances). */
  graph: Graph;
  /** Every edge of the dataset's graph, drawn or not: the arrows labels keep clear of. */
  datasetEdges: readonly GraphEdge[];
  /** The dataset's one layout: where every node sits and how large it is. */
  layout: DatasetNetworkLayout;
  /** Width of the drawing in CSS pixels (its box's width). */
  width: number;
  /** Height of the drawing in CSS pixels. */
  height: number;
  /** The selected record of the view state (the URL's `focus`). */
  selection: Selection | null;
  /** What the selected record links to. */
  linked: Linked;
  /** Text for an edge's tooltip: one line per stance it draws. */
  describeEdge(edge: GraphEdge): EdgeLine[];
  /** Ids of the edges that draw a stance resting on a fact from outside its report. */
  outsideEdges: ReadonlySet<string>;
  /** A node was clicked or chosen with Enter. */
  onNode(id: string): void;
  /** An edge was clicked. */
  onEdge(edge: GraphEdge): void;
}

/** Reach of an edge's hit area from its path, in pixels: half the hit stroke (`.edgeHit`). */
const EDGE_REACH = 7;

/**
 * The SVG of the network: typed, directed edges between actor marks at the dataset layout's positions, fitted
 * to the box, with zoom and pan. Marks are sized and placed from the whole dataset, so a filter change only
 * adds, removes or recounts them. One tab stop (roving tabindex) leads into the marks; arrow keys move
 * between linked actors, Enter or Space focuses one. Hovering or keyboard-focusing an actor highlights its
 * neighbours and edges; a record selected anywhere highlights what it links to.
 */
export function NetworkGraph({
  graph,
  datasetEdges,
  layout,
  width,
  height,
  selection,
  linked,
  describeEdge,
  outsideEdges,
  onNode,
  onEdge,
}: NetworkGraphProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [hoverNode, setHoverNode] = useState<string | null>(null);
  const tip = useTooltip<string>();
  const svgRef = useRef<SVGSVGElement>(null);
  const touched = useRef(false);
  const zoom = useZoom(width, height);

  const fit = useMemo(
    () => fitTransform(layout.bounds, width, height, 14, 1.25, ZOOM_BAR_BAND),
    [layout.bounds, width, height],
  );
  const font = layout.fontPx;
  const t = useMemo(() => zoomTransform(fit, zoom.matrix), [fit, zoom.matrix]);

  // Every mark the layout can draw, on screen: it depends on the layout and the view, never on the filters.
  const marks = useMemo(() => screenMarks(layout, t), [layout, t]);
  const geometry = useMemo(() => edgeShapes(graph.edges, marks), [graph, marks]);
  // Where each label goes, relative to its mark (null when there is no room at this zoom). Placed over every
  // mark of the layout, clear of every arrow of the dataset, shown or not, so that filtering never moves one.
  const labels = useMemo(
    () => nodeLabels(layout, marks, edgeShapes(datasetEdges, marks), { width, height }),
    [layout, marks, datasetEdges, width, height],
  );

  const edgeById = useMemo(() => new Map(graph.edges.map((e) => [e.id, e])), [graph]);
  const linkedEdges = useMemo(() => linkedEdgeIds(graph, linked), [graph, linked]);
  const actorCount = useMemo(() => graph.nodes.filter((n) => n.id !== GRAPH_OTHERS_ID).length, [graph]);

  const selectedActor = selection?.kind === "actor" ? selection.id : null;
  const selectedEdge = selection?.kind === "stance" ? graph.edgeOfStance.get(selection.id)?.id : undefined;

  const { panBy } = zoom;
  const reveal = useCallback(
    (id: string) => {
      const m = marks.get(id);
      // Keep the newly focused mark on screen when zoomed in: pan it to the centre if it lies outside.
      if (m && (m.p.x < 0 || m.p.x > width || m.p.y < 0 || m.p.y > height))
        panBy(width / 2 - m.p.x, height / 2 - m.p.y);
    },
    [marks, width, height, panBy],
  );
  const at = useCallback((id: string) => marks.get(id)?.p, [marks]);
  const roving = useRovingFocus({ graph, selectedActor, at, svgRef, reveal, onNode });
  const { keyNode } = roving;

  // What stands out: the hovered or keyboard-focused actor with its neighbours, else the hovered edge, else
  // what the selection links to.
  const spot = hoverNode ?? keyNode;
  const hoverEdge = tip.tooltipOpen ? (tip.tooltipData ?? null) : null;
  const spotlight = useMemo(
    () => networkSpotlight(graph, { node: spot, edge: hoverEdge, selection, linked, linkedEdges }),
    [graph, spot, hoverEdge, selection, linked, linkedEdges],
  );
  const spotEdge = hoverEdge ? edgeById.get(hoverEdge) : undefined;
  const tipAt = spotEdge ? geometry.get(spotEdge.id)?.mid : undefined;

  // The edge under the pointer: on a line, the edge whose path runs nearest (where two arrows cross, the hit
  // area drawn last lies on top of the other's); on a count or a dot, the edge it belongs to.
  const edgeAt = (e: { target: EventTarget; clientX: number; clientY: number }) => {
    const hit = edgeOf(e.target);
    const box = svgRef.current?.getBoundingClientRect();
    if (!hit || !box || (e.target as Element).tagName !== "path") return hit;
    const p = { x: e.clientX - box.left, y: e.clientY - box.top };
    return nearestEdge(p, geometry, EDGE_REACH) ?? hit;
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const actor = actorOf(e.target);
    if (actor) {
      roving.claim(actor);
      // A second tap keeps the selection (a touch has no hover to warn of a toggle); the summary chip’s × clears it.
      if (!(touched.current && selectedActor === actor)) onNode(actor);
      return;
    }
    const edge = edgeById.get(edgeAt(e) ?? "");
    if (edge) onEdge(edge);
  };
  const { showTooltip, hideTooltip } = tip;
  const onPointerOver = (e: PointerEvent<SVGSVGElement>) => {
    const actor = actorOf(e.target);
    setHoverNode(actor);
    const edge = actor ? null : edgeAt(e);
    // Only on a change: every element under the pointer reports, and most of them say the same.
    if (edge && (tip.tooltipData !== edge || !tip.tooltipOpen)) showTooltip({ tooltipData: edge });
    else if (!edge && tip.tooltipOpen) hideTooltip();
  };
  const onPointerLeave = () => {
    setHoverNode(null);
    if (tip.tooltipOpen) hideTooltip();
  };

  const spotMark = spot ? marks.get(spot) : undefined;
  const spotNode = spot ? graph.nodeById.get(spot) : undefined;
  const floating = spotMark && spotNode && !labels.get(spotNode.id) ? { ...spotMark, node: spotNode } : null;

  return (
    <div className={styles.canvas}>
      <svg
        ref={svgRef}
        className={`${styles.svg} ${zoom.zoomed ? styles.pannable : ""}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`Network of ${actorCount} actors and their stances`}
        aria-describedby={`${uid}-keys`}
        onClick={onClick}
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
        onBlur={roving.onBlur}
        onPointerOver={onPointerOver}
        onPointerLeave={onPointerLeave}
        onPointerDown={(e) => {
          touched.current = e.pointerType === "touch";
          zoom.onPointerDown(e);
        }}
        onPointerMove={(e) => {
          zoom.onPointerMove(e);
          // Along a crossing the pointer stays in one hit area while the nearer arrow changes.
          const edge = e.pointerType === "mouse" && tip.tooltipOpen ? edgeAt(e) : null;
          if (edge && edge !== tip.tooltipData) showTooltip({ tooltipData: edge });
        }}
        onPointerUp={zoom.onPointerUp}
        onPointerCancel={zoom.onPointerUp}
        data-testid="network-svg"
      >
        <ArrowDefs uid={uid} />
        <EdgeMarks
          edges={graph.edges}
          geometry={geometry}
          uid={uid}
          dimmed={spotlight.edges}
          selectedEdge={selectedEdge}
          linkedEdges={linkedEdges}
          outsideEdges={outsideEdges}
        />
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
                    : `${nodeName(node)}, ${node.kind}, ${node.count} ${node.count === 1 ? "stance" : "stances"} shown`
                }
                dim={spotlight.nodes !== null && !spotlight.nodes.has(id)}
                focused={selectedActor === id}
                linked={linked.active && linked.actors.has(id)}
                lit={spot === id || keyNode === id}
                ring={keyNode === id}
                tabStop={id === roving.tabStop}
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
      <ZoomBar zoom={zoom} />
      {spotEdge && tipAt && (
        // Keyed by edge: the tooltip measures its own box once, when it mounts.
        <EdgeTooltip key={spotEdge.id} left={tipAt.x} top={tipAt.y} lines={describeEdge(spotEdge)} />
      )}
      <p id={`${uid}-keys`} className="visually-hidden">
        Tab into the network, then use the arrow keys to move between linked actors. Enter highlights an actor
        and its stances. The list of stances after the network reaches every edge.
      </p>
    </div>
  );
}
