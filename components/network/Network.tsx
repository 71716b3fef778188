"use client";

import { lazy, Suspense, useCallback, useMemo } from "react";
import { datasetLayout, fitHeight, type NodePlacer } from "@/lib/layout/network";
import { buildGraph, MAX_DRAWN_EDGES, type GraphEdge } from "@/lib/select/graph";
import type { Stance } from "@/lib/model";
import { fromOutside, outsideLine } from "@/lib/model/provenance";
import type { EdgeLine } from "./EdgeTooltip";
import type { LinkedViewProps } from "../viewProps";
import { NetworkDetails } from "./NetworkDetails";
import { NetworkGraph } from "./NetworkGraph";
import { NetworkLegend } from "./NetworkLegend";
import { StanceText } from "./StanceText";
import { stanceTipLine } from "./describe";
import { useElementWidth } from "../useElementWidth";
import { ZOOM_BAR_BAND } from "./ZoomBar";
import styles from "./Network.module.css";

// The matrix and the comparison load when first asked for: a page that shows the graph ships neither.
const NetworkMatrix = lazy(() => import("./NetworkMatrix"));
const NetworkCompare = lazy(() => import("./NetworkCompare"));

/** Boxes narrower than this (phones) get the layout made for tall boxes. */
const NARROW_BELOW_PX = 560;

/**
 * The condemnation network: who condemned, criticised, supported, defended, thanked or designated whom. Actors
 * are marks (shape = kind, size = stances taken part in over the dataset) at the positions of one seeded
 * layout of the whole dataset, so filtering never moves or resizes them; the shown stances are directed edges
 * coloured by type, shaped by the dataset's graph, so filtering never reshapes one either.
 */
export function Network(props: LinkedViewProps & { placer: NodePlacer }) {
  if (props.view.compare === "episodes")
    return (
      <Suspense fallback={<p role="status">Loading the comparison…</p>}>
        <NetworkCompare {...props} />
      </Suspense>
    );
  if (props.view.networkForm === "matrix")
    return (
      <Suspense fallback={<p role="status">Loading the matrix…</p>}>
        <NetworkMatrix {...props} />
      </Suspense>
    );
  return <NetworkGraphView {...props} />;
}

/** The node-link form of the network (`network=graph`, the default). */
function NetworkGraphView({
  index,
  view,
  visible,
  linked,
  onSelect,
  onEvidence,
  placer,
}: LinkedViewProps & { placer: NodePlacer }) {
  const { ref: wrap, width } = useElementWidth<HTMLDivElement>(720);
  const shape = width < NARROW_BELOW_PX ? "narrow" : "wide";
  const layout = datasetLayout(index, shape, placer(shape));
  const height = fitHeight(layout.bounds, width, { top: ZOOM_BAR_BAND });
  const graph = useMemo(
    () => buildGraph(index, visible.stances, { keep: layout.placed }),
    [index, visible.stances, layout],
  );

  // Every arrow of the dataset (as the unfiltered view draws them): labels keep clear of all of them.
  const datasetEdges = useMemo(
    () => buildGraph(index, index.data.stances, { keep: layout.placed }).edges,
    [index, layout],
  );

  const describeEdge = useCallback(
    (e: GraphEdge) => {
      const lines: EdgeLine[] = e.stanceIds
        .slice(0, 3)
        .map((id) => index.stanceById.get(id))
        .filter((s): s is Stance => !!s)
        .map((s) => ({ text: stanceTipLine(index, s), outside: outsideLine(s) }));
      if (e.stanceIds.length > 3) lines.push({ text: `…and ${e.stanceIds.length - 3} more`, outside: "" });
      return lines;
    },
    [index],
  );
  // Edges drawing a stance that rests on a fact from outside its report: they carry the provenance dot.
  const outsideEdges = useMemo(
    () =>
      new Set(
        graph.edges
          .filter((e) => e.stanceIds.some((id) => fromOutside(index.stanceById.get(id))))
          .map((e) => e.id),
      ),
    [graph, index],
  );

  const selection = view.selection;
  const onNode = useCallback((id: string) => onSelect({ kind: "actor", id }), [onSelect]);
  const onEdge = useCallback(
    (e: GraphEdge) => {
      const current =
        selection?.kind === "stance" && e.stanceIds.includes(selection.id) ? selection.id : null;
      // Clicking the focused edge again clears the selection, like every other focusable mark.
      if (current) return onSelect({ kind: "stance", id: current });
      const first = e.stanceIds[0];
      if (!first) return;
      onSelect({ kind: "stance", id: first });
      onEvidence({ kind: "stance", id: first });
    },
    [selection, onSelect, onEvidence],
  );

  const empty = graph.nodes.length === 0;
  return (
    <div className={styles.network} ref={wrap}>
      {empty ? (
        <p className={styles.empty} data-testid="network-empty">
          No stances match the current filters, so there is no network to draw. Widen the years, or pick other
          actors or stance types.
        </p>
      ) : (
        <>
          <NetworkLegend graph={graph} outside={outsideEdges.size > 0} />
          <NetworkGraph
            graph={graph}
            datasetEdges={datasetEdges}
            layout={layout}
            width={width}
            height={height}
            selection={selection}
            linked={linked}
            describeEdge={describeEdge}
            outsideEdges={outsideEdges}
            onNode={onNode}
            onEdge={onEdge}
          />
          {graph.capped.edges > 0 && (
            <p className={styles.hint} data-testid="network-capped">
              Only the {MAX_DRAWN_EDGES} arrows with the most stances are drawn: {graph.capped.edges} more
              arrows, standing for {graph.capped.stances} stances, are not. The text list of shown stances
              below has every one.
            </p>
          )}
          {graph.undrawn.length > 0 && (
            <p className={styles.hint}>
              {graph.undrawn.length} stances among the grouped “others” are counted but not drawn.
            </p>
          )}
          <NetworkDetails
            index={index}
            graph={graph}
            stances={visible.stances}
            selection={selection}
            linked={linked}
            onSelect={onSelect}
            onEvidence={onEvidence}
          />
          <StanceText
            index={index}
            stances={visible.stances}
            selection={selection}
            onSelect={onSelect}
            onEvidence={onEvidence}
          />
        </>
      )}
    </div>
  );
}
