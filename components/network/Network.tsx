"use client";

import { lazy, Suspense, useCallback, useEffect, useMemo } from "react";
import { datasetLayout, fitHeight, focusLayout, type NodePlacer } from "@/lib/layout/network";
import { egoActors, egoStances, networkDisplay } from "@/lib/select/ego";
import { buildGraph, GRAPH_OTHERS_ID, MAX_DRAWN_EDGES, type GraphEdge } from "@/lib/select/graph";
import { actorShortName } from "@/lib/select/wording";
import type { EgoDepth } from "@/lib/view";
import type { Stance } from "@/lib/model";
import { outsideLine } from "@/lib/model/provenance";
import type { EdgeLine } from "./EdgeTooltip";
import type { LinkedViewProps } from "../viewProps";
import { NetworkDetails } from "./NetworkDetails";
import { NetworkGraph } from "./NetworkGraph";
import { NetworkLegend } from "./NetworkLegend";
import { StanceText } from "./StanceText";
import { stanceTipLine } from "./describe";
import { openStanceGroup, outsideEdgeIds } from "./stanceGroup";
import { useElementWidth } from "../useElementWidth";
import { ZOOM_BAR_BAND } from "./ZoomBar";
import styles from "./Network.module.css";

// The matrix and the comparison load when first asked for: a page that shows the graph ships neither.
const NetworkMatrix = lazy(() => import("./NetworkMatrix"));
const NetworkCompare = lazy(() => import("./NetworkCompare"));

/**
 * Boxes narrower than this (phones) get the layout made for tall boxes and, when the link names no form, open
 * on a form that reads there (`networkDisplay`).
 */
export const NARROW_BELOW_PX = 560;

/** Props of the network view. */
export interface NetworkProps extends LinkedViewProps {
  placer: NodePlacer;
  /** Told whether the box is narrow (a phone) whenever that changes: the head's controls show the same form. */
  onNarrow?(narrow: boolean): void;
}

/**
 * The condemnation network: who condemned, criticised, supported, defended, thanked or designated whom. Actors
 * are marks (shape = kind, size = stances taken part in over the dataset) at the positions of one seeded
 * layout of the whole dataset, so filtering never moves or resizes them; the shown stances are directed edges
 * coloured by type, shaped by the dataset's graph, so filtering never reshapes one either.
 */
export function Network({ onNarrow, ...props }: NetworkProps) {
  // Measured here, above the forms: on a phone the form itself depends on the width. The server lays out
  // at the fallback width (wide), and a phone switches after hydration, so the two renders match.
  const { ref: wrap, width } = useElementWidth<HTMLDivElement>(720);
  const narrow = width < NARROW_BELOW_PX;
  useEffect(() => onNarrow?.(narrow), [narrow, onNarrow]);
  const display = networkDisplay(props.view, narrow);
  return (
    <div className={styles.network} ref={wrap}>
      {props.view.compare === "episodes" ? (
        <Suspense fallback={<p role="status">Loading the comparison…</p>}>
          <NetworkCompare {...props} width={width} />
        </Suspense>
      ) : display.form === "matrix" ? (
        <Suspense fallback={<p role="status">Loading the matrix…</p>}>
          <NetworkMatrix {...props} />
        </Suspense>
      ) : (
        <NetworkGraphView {...props} width={width} ego={display.ego} center={display.actor} />
      )}
    </div>
  );
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
  width,
  ego,
  center,
}: LinkedViewProps & {
  placer: NodePlacer;
  /** Width of the box. */
  width: number;
  /** Depth of the ego focus around `center`; null = the whole network. */
  ego: EgoDepth | null;
  /** The selected actor. */
  center: string | null;
}) {
  const shape = width < NARROW_BELOW_PX ? "narrow" : "wide";
  const fullLayout = datasetLayout(index, shape, placer(shape));
  // The ego focus: the selected actor and its neighbours up to `ego` steps away over the shown stances, with
  // the stances among them. The rest is not drawn; the nodes keep the dataset layout's positions.
  const egoSet = useMemo(
    () => (ego !== null && center !== null ? egoActors(visible.stances, center, ego) : null),
    [visible.stances, center, ego],
  );
  const stances = useMemo(
    () => (egoSet ? egoStances(visible.stances, egoSet) : visible.stances),
    [egoSet, visible.stances],
  );
  const graph = useMemo(
    () => buildGraph(index, stances, { keep: fullLayout.placed }),
    [index, stances, fullLayout],
  );
  // Focused, the layout keeps only the drawn marks, and its bounds (so the zoom's fit and the height) are
  // theirs: the ego set fills the box.
  const layout = useMemo(
    () => (egoSet ? focusLayout(fullLayout, new Set(graph.nodes.map((n) => n.id))) : fullLayout),
    [egoSet, fullLayout, graph],
  );
  const height = fitHeight(layout.bounds, width, { top: ZOOM_BAR_BAND });

  // Every arrow of the dataset (as the unfiltered view draws them) among the drawn marks: labels keep clear
  // of all of them.
  const datasetEdges = useMemo(() => {
    const edges = buildGraph(index, index.data.stances, { keep: fullLayout.placed }).edges;
    return egoSet ? edges.filter((e) => layout.marks.has(e.from) && layout.marks.has(e.to)) : edges;
  }, [index, fullLayout, egoSet, layout]);

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
  const outsideEdges = useMemo(() => outsideEdgeIds(index, graph.edges), [graph, index]);

  const selection = view.selection;
  const onNode = useCallback((id: string) => onSelect({ kind: "actor", id }), [onSelect]);
  const onEdge = useCallback(
    (e: GraphEdge) => openStanceGroup(e.stanceIds, selection, onSelect, onEvidence),
    [selection, onSelect, onEvidence],
  );

  const empty = graph.nodes.length === 0;
  const centerName = center ? actorShortName(index, center) : "";
  const egoNote = egoSet && (
    <p className={styles.hint} data-testid="network-ego">
      {empty
        ? `${centerName} takes part in none of the stances the filters show.`
        : `${centerName} and the actors ${ego === 1 ? "one step" : `up to ${ego} steps`} from it: ${
            graph.nodes.filter((n) => n.id !== GRAPH_OTHERS_ID).length
          } actors, ${stances.length} ${stances.length === 1 ? "stance" : "stances"}. The rest of the network is hidden.`}
    </p>
  );
  return (
    <div className={styles.network}>
      {egoNote}
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
            stances={stances}
            selection={selection}
            linked={linked}
            onSelect={onSelect}
            onEvidence={onEvidence}
          />
          <StanceText
            index={index}
            stances={stances}
            selection={selection}
            onSelect={onSelect}
            onEvidence={onEvidence}
          />
        </>
      )}
    </div>
  );
}
