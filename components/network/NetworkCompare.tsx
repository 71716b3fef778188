"use client";

import { memo, useDeferredValue, useId, useMemo, useRef, useState, type MouseEvent } from "react";
import {
  datasetLayout,
  edgeShapes,
  fitHeight,
  fitTransform,
  linkedEdgeIds,
  networkSpotlight,
  nodeLabels,
  screenMarks,
  type DatasetNetworkLayout,
  type NodeLabel,
  type NodePlacer,
  type ScreenMark,
} from "@/lib/layout/network";
import type { Stance } from "@/lib/model";
import { fromOutside } from "@/lib/model/provenance";
import { actorName, actorShortName, filterRecords, type Linked } from "@/lib/select";
import {
  changeSentence,
  episodeChanges,
  episodePanels,
  leaningOf,
  pairLabel,
  panelName,
  type EpisodeChanges,
  type EpisodePanel,
  type PairChange,
} from "@/lib/select/compare";
import { buildGraph, GRAPH_OTHERS_ID } from "@/lib/select/graph";
import { formatDate } from "@/lib/time";
import { cachedIn } from "@/lib/util/memo";
import type { Selection } from "@/lib/view";
import type { EvidenceRef, LinkedViewProps } from "../viewProps";
import { ArrowDefs } from "./marks/ArrowDefs";
import { EdgeMarks } from "./marks/EdgeMarks";
import { openStanceGroup, outsideEdgeIds } from "./stanceGroup";
import { NodeMark } from "./marks/NodeMark";
import { NetworkLegend } from "./NetworkLegend";
import { round1 } from "./marks/round1";
import { nodeShape } from "./shapes";
import { actorOf, edgeOf } from "./targets";
import { nodeName } from "./describe";
import { useRovingFocus } from "./useRovingFocus";
import graphStyles from "./Network.module.css";
import styles from "./NetworkCompare.module.css";

/** Placements of marks and labels by layout and panel size (see {@link panelPlacement}). */
const placements = new WeakMap<DatasetNetworkLayout, Map<string, PanelPlacement>>();

interface PanelPlacement {
  marks: ReadonlyMap<string, ScreenMark>;
  labels: ReadonlyMap<string, NodeLabel | null>;
}

/**
 * The panels' marks and labels for a layout at a panel size, kept across mounts: they depend on the dataset
 * and the size alone, and placing the labels (against every arrow of the dataset) is most of the work of
 * turning the comparison on. A few sizes are kept per layout (a window being resized makes many).
 */
function panelPlacement(
  index: LinkedViewProps["index"],
  layout: DatasetNetworkLayout,
  width: number,
  height: number,
): PanelPlacement {
  let bySize = placements.get(layout);
  if (!bySize) placements.set(layout, (bySize = new Map()));
  return cachedIn(
    bySize,
    `${width}x${height}`,
    () => {
      const marks = screenMarks(layout, fitTransform(layout.bounds, width, height, 10, 1.25));
      const all = buildGraph(index, index.data.stances, { keep: layout.placed }).edges;
      return { marks, labels: nodeLabels(layout, marks, edgeShapes(all, marks), { width, height }) };
    },
    8,
  );
}

/** Panels narrower than this get the layout made for tall boxes, as the graph does. */
const NARROW_BELOW_PX = 560;
/** Boxes at least this wide show the panels two by two. */
const TWO_COLUMNS_FROM_PX = 640;
const GAP_PX = 12;

/**
 * The network as small multiples, one per episode (`compare=episodes`), loaded lazily by Network.tsx. Every
 * panel draws its episode's shown stances over the one layout of the dataset, so an actor sits at the same
 * place in every panel; actors with no stance in an episode are drawn faint there. Selecting an actor
 * highlights it in every panel. The episode filter is not applied here (the comparison needs every
 * episode): its episode's panel is marked instead. "What changed" states the differences in words.
 */
export default function NetworkCompare({
  index,
  view,
  visible,
  linked,
  onSelect,
  onEvidence,
  placer,
  width,
}: LinkedViewProps & {
  placer: NodePlacer;
  /**
   * The network view's width, measured by Network.tsx: measuring again here forced a layout in the middle
   * of turning the comparison on, and a second render of every panel at the measured width.
   */
  width: number;
}) {
  const columns = width >= TWO_COLUMNS_FROM_PX ? 2 : 1;
  const panelWidth = Math.max(200, Math.floor((width - GAP_PX * (columns - 1)) / columns));
  const shape = panelWidth < NARROW_BELOW_PX ? "narrow" : "wide";
  const layout = datasetLayout(index, shape, placer(shape));
  const height = fitHeight(layout.bounds, panelWidth, { min: 200, max: shape === "narrow" ? 520 : 420 });

  // The shown stances, but for the episode filter: every panel needs its episode.
  const { actors, years, stances, q, provenance, episode } = view;
  const shown = useMemo(
    () =>
      episode === null
        ? visible
        : filterRecords(index, { actors, years, stances, q, provenance, episode: null }),
    [index, visible, actors, years, stances, q, provenance, episode],
  );
  const panels = useMemo(() => episodePanels(index, shown), [index, shown]);
  const selection = view.selection;
  const actor = selection?.kind === "actor" ? selection.id : null;
  // "What changed" sits below the panels: it is worked out and drawn in a render of its own, right after the
  // panels are on screen, so turning the comparison on (or changing a filter in it) paints the panels first.
  const changeInput = useMemo(() => ({ panels, actor }), [panels, actor]);
  const deferredInput = useDeferredValue(changeInput, null);
  const changes = useMemo(
    () => (deferredInput ? episodeChanges(index, deferredInput.panels, deferredInput.actor) : null),
    [index, deferredInput],
  );

  // One placement of marks and labels for every panel: the same size, the same layout, the same labels.
  const { marks, labels } = panelPlacement(index, layout, panelWidth, height);

  // The legend of every panel's arrows at once.
  const shownGraph = useMemo(
    () => buildGraph(index, shown.stances, { keep: layout.placed }),
    [index, shown.stances, layout],
  );
  const outside = useMemo(() => shown.stances.some((s) => fromOutside(s)), [shown.stances]);

  return (
    <div className={styles.compare} data-testid="network-compare">
      <NetworkLegend graph={shownGraph} outside={outside} />
      {episode !== null && (
        <p className={graphStyles.hint} data-testid="compare-episode-note">
          The comparison shows every episode: the episode filter (
          {index.episodeById.get(episode)?.label ?? episode}) marks its panel instead of hiding the others.
        </p>
      )}
      <div
        className={styles.grid}
        style={{ gridTemplateColumns: `repeat(${columns}, ${panelWidth}px)`, gap: GAP_PX }}
        data-columns={columns}
      >
        {panels.map((p) => (
          <ComparePanel
            key={p.episode.id}
            index={index}
            panel={p}
            layout={layout}
            marks={marks}
            labels={labels}
            width={panelWidth}
            height={height}
            selection={selection}
            linked={linked}
            current={p.episode.id === episode}
            onSelect={onSelect}
            onEvidence={onEvidence}
          />
        ))}
      </div>
      {changes ? (
        <WhatChanged index={index} changes={changes} onEvidence={onEvidence} />
      ) : (
        // Not a live region: it is replaced a frame later, and a reader would hear it on every toggle.
        <p className={graphStyles.hint}>Working out what changed between the episodes…</p>
      )}
    </div>
  );
}

interface PanelProps {
  index: LinkedViewProps["index"];
  panel: EpisodePanel;
  layout: DatasetNetworkLayout;
  marks: ReadonlyMap<string, ScreenMark>;
  labels: ReadonlyMap<string, NodeLabel | null>;
  width: number;
  height: number;
  selection: Selection | null;
  linked: Linked;
  /** The panel of the episode filter's episode. */
  current: boolean;
  onSelect(selection: Selection): void;
  onEvidence(ref: EvidenceRef): void;
}

/** One episode's network: its stances at the dataset layout's places, the absent actors faint. */
const ComparePanel = memo(function ComparePanel({
  index,
  panel,
  layout,
  marks,
  labels,
  width,
  height,
  selection,
  linked,
  current,
  onSelect,
  onEvidence,
}: PanelProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const svgRef = useRef<SVGSVGElement>(null);
  const [hoverNode, setHoverNode] = useState<string | null>(null);
  const graph = useMemo(
    () => buildGraph(index, panel.stances, { keep: layout.placed }),
    [index, panel.stances, layout],
  );
  const geometry = useMemo(() => edgeShapes(graph.edges, marks), [graph, marks]);
  const linkedEdges = useMemo(() => linkedEdgeIds(graph, linked), [graph, linked]);
  const outsideEdges = useMemo(() => outsideEdgeIds(index, graph.edges), [graph, index]);
  const selectedActor = selection?.kind === "actor" ? selection.id : null;
  const selectedEdge = selection?.kind === "stance" ? graph.edgeOfStance.get(selection.id)?.id : undefined;

  const onNode = (id: string) => onSelect({ kind: "actor", id });
  const roving = useRovingFocus({
    graph,
    selectedActor,
    at: (id) => marks.get(id)?.p,
    svgRef,
    reveal: () => {},
    onNode,
  });
  const spot = hoverNode ?? roving.keyNode;
  const spotlight = useMemo(
    () => networkSpotlight(graph, { node: spot, edge: null, selection, linked, linkedEdges }),
    [graph, spot, selection, linked, linkedEdges],
  );

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const a = actorOf(e.target);
    if (a) {
      roving.claim(a);
      onNode(a);
      return;
    }
    const ghost = (e.target as Element).closest?.("[data-ghost]")?.getAttribute("data-ghost");
    if (ghost) return onNode(ghost);
    const edge = graph.edges.find((x) => x.id === edgeOf(e.target));
    if (edge) openStanceGroup(edge.stanceIds, selection, onSelect, onEvidence);
  };

  const headingId = `${uid}-heading`;
  const n = panel.stances.length;
  return (
    <section
      className={`${styles.panel} ${current ? styles.current : ""}`}
      aria-labelledby={headingId}
      data-episode={panel.episode.id}
      data-current={current ? "true" : undefined}
    >
      <h3 id={headingId} className={styles.panelHeading}>
        {panel.episode.label}{" "}
        <span className={styles.count}>
          {n} {n === 1 ? "stance" : "stances"}
          {current ? " · the episode filter’s" : ""}
        </span>
      </h3>
      <div className={`${graphStyles.canvas} ${styles.canvas}`}>
        <svg
          ref={svgRef}
          className={graphStyles.svg}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={panelName(panel)}
          onClick={onClick}
          onKeyDown={roving.onKeyDown}
          onFocus={roving.onFocus}
          onBlur={roving.onBlur}
          onPointerOver={(e) => setHoverNode(actorOf(e.target))}
          onPointerLeave={() => setHoverNode(null)}
          data-testid="compare-svg"
        >
          <ArrowDefs uid={uid} />
          <g aria-hidden="true" className={styles.ghosts}>
            {/* Actors with no stance in this episode: faint, in their places, so the eye can compare. A
                click still selects one (the keyboard reaches it in the panels where it is drawn). */}
            {[...marks].map(([id, { p, r }]) =>
              graph.nodeById.has(id) || id === GRAPH_OTHERS_ID ? null : (
                <g
                  key={id}
                  data-ghost={id}
                  data-focused={selectedActor === id ? "true" : undefined}
                  data-linked={linked.active && linked.actors.has(id) ? "true" : undefined}
                  transform={`translate(${round1(p.x)},${round1(p.y)})`}
                >
                  <path d={nodeShape(index.actorById.get(id)?.kind ?? "group", r)} />
                </g>
              ),
            )}
          </g>
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
                  fontPx={layout.fontPx}
                  description={
                    id === GRAPH_OTHERS_ID
                      ? `${node.name}: ${node.count} stances`
                      : `${nodeName(node)}, ${node.count} ${node.count === 1 ? "stance" : "stances"} in ${panel.episode.label}`
                  }
                  dim={spotlight.nodes !== null && !spotlight.nodes.has(id)}
                  focused={selectedActor === id}
                  linked={linked.active && linked.actors.has(id)}
                  lit={spot === id}
                  ring={roving.keyNode === id}
                  tabStop={id === roving.tabStop}
                />
              );
            })}
          </g>
        </svg>
      </div>
    </section>
  );
});

/** Most changes listed per pair of episodes (a 10,000-event dataset has thousands); the rest are counted. */
const MAX_CHANGES = 40;

const KIND_WORD: Record<PairChange["kind"], string> = { new: "New", gone: "Gone", flipped: "Flipped" };

/** The changes between consecutive episodes, in words with their evidence: the comparison's text alternative. */
function WhatChanged({
  index,
  changes,
  onEvidence,
}: {
  index: LinkedViewProps["index"];
  changes: EpisodeChanges;
  onEvidence(ref: EvidenceRef): void;
}) {
  const uid = useId();
  const { actor, first, steps } = changes;
  const whose = actor ? actorName(index, actor) : null;
  return (
    <section className={styles.changes} aria-labelledby={`${uid}-changes`} data-testid="compare-changes">
      <h3 id={`${uid}-changes`}>What changed{whose ? ` for ${whose}` : ""}</h3>
      <p className={graphStyles.hint}>
        {whose
          ? `The stances ${whose} and those who speak for it took or received, `
          : "Every shown stance, "}
        compared episode by episode, side by side (a minister’s or a ministry’s stance counts as its
        country’s). “Flipped”: from support to condemnation or criticism, or the reverse; warnings, threats,
        designations and fact-checks never flip. {whose ? "" : "Select an actor to see its changes only."}
      </p>
      {first && (
        <p className={styles.start}>
          {first.episode.label}: {first.stances} {first.stances === 1 ? "stance" : "stances"} between{" "}
          {first.pairs} {first.pairs === 1 ? "pair" : "pairs"} of sides.
        </p>
      )}
      {steps.map((step) => (
        <section key={step.to.id} className={styles.step} data-step={step.to.id}>
          <h4>
            {step.from.label} → {step.to.label}
          </h4>
          {step.changes.length === 0 ? (
            <p className={styles.none}>No stance new, gone or flipped.</p>
          ) : (
            <ul className={styles.changeList}>
              {step.changes.slice(0, MAX_CHANGES).map((c) => (
                <li key={`${c.kind}:${c.from}:${c.to}`} data-change={c.kind} data-pair={`${c.from}>${c.to}`}>
                  <span className={`${styles.kind} ${styles[c.kind]}`}>
                    {c.kind === "flipped"
                      ? `Flipped to ${leaningOf(c.after?.stances ?? []) === "for" ? "support" : "criticism"}`
                      : KIND_WORD[c.kind]}
                  </span>{" "}
                  {changeSentence(index, c, step)}{" "}
                  {[c.after, c.before].map(
                    (part) =>
                      part && (
                        <span key={part.episode} className={styles.evidence}>
                          <span className={styles.evidenceLabel}>
                            {index.episodeById.get(part.episode)?.label ?? part.episode}:
                          </span>
                          {part.stances.map((s) => (
                            <EvidenceButton key={s.id} index={index} stance={s} onEvidence={onEvidence} />
                          ))}
                        </span>
                      ),
                  )}
                </li>
              ))}
              {step.changes.length > MAX_CHANGES && (
                <li>
                  …and {step.changes.length - MAX_CHANGES} more changes: select an actor or narrow the filters
                  to list them.
                </li>
              )}
            </ul>
          )}
          {step.kept.length > 0 && (
            <p className={styles.kept}>
              Continued:{" "}
              {step.kept
                .slice(0, MAX_CHANGES)
                .map((k) => pairLabel(index, k))
                .join("; ")}
              {step.kept.length > MAX_CHANGES ? `; and ${step.kept.length - MAX_CHANGES} more pairs` : ""}.
            </p>
          )}
        </section>
      ))}
    </section>
  );
}

/** A stance's evidence, one button: "Lavrov criticize 3 Jan 2020". */
function EvidenceButton({
  index,
  stance: s,
  onEvidence,
}: {
  index: LinkedViewProps["index"];
  stance: Stance;
  onEvidence(ref: EvidenceRef): void;
}) {
  return (
    <button
      type="button"
      className={`link-button ${styles.evidenceButton}`}
      data-stance={s.id}
      onClick={() => onEvidence({ kind: "stance", id: s.id })}
    >
      {actorShortName(index, s.from)} {s.type} {formatDate(s.date, s.datePrecision, "short")}
    </button>
  );
}
