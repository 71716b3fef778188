"use client";

import { useCallback, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import type { DatasetIndex } from "@/lib/data";
import {
  selectActorCounts,
  selectActorCountsView,
  selectLinked,
  selectVisible,
  selectVisibleIgnoringYears,
} from "@/lib/select";
import type { NodePlacer } from "@/lib/layout/network";
import type { IgnoredParam } from "@/lib/view";
import { useViewStore } from "./ViewStoreProvider";
import { FilterBar } from "./filters/FilterBar";
import { IgnoredNotice } from "./filters/IgnoredNotice";
import { Summary } from "./filters/Summary";
import { EmptyState } from "./filters/EmptyState";
import { Timeline } from "./timeline/Timeline";
import { Network } from "./network/Network";
import { QuotePanel } from "./quotes/QuotePanel";
import { EvidencePanel } from "./evidence/EvidencePanel";
import { PrintFooter } from "./PrintFooter";
import type { EvidenceRef } from "./viewProps";

/** The dashboard under the store: derives what each view shows with the pure selectors and lays them out. */
export function DashboardBody({
  index,
  placer,
  ignored,
}: {
  index: DatasetIndex;
  /** How the network places its nodes: positions sent by the server, or the force layout. */
  placer: NodePlacer;
  ignored: readonly IgnoredParam[];
}) {
  const view = useViewStore((s) => s.view);
  const actions = useViewStore(
    useShallow((s) => ({
      toggleActor: s.toggleActor,
      setYears: s.setYears,
      setEpisode: s.setEpisode,
      toggleStance: s.toggleStance,
      toggleSelection: s.toggleSelection,
      setQuery: s.setQuery,
      setProvenance: s.setProvenance,
      clearFilter: s.clearFilter,
      reset: s.reset,
    })),
  );
  const [evidence, setEvidence] = useState<EvidenceRef | null>(null);
  const closeEvidence = useCallback(() => setEvidence(null), []);

  const visible = selectVisible(index, view);
  const timelineContext = selectVisibleIgnoringYears(index, view);
  const linked = selectLinked(index, view.selection);
  // Stable while the filters the counts read stay put: a selection change leaves the picker alone, and an
  // actor pick re-renders it without recounting.
  const countsView = selectActorCountsView(index, view);
  const getActorCounts = useCallback(() => selectActorCounts(index, countsView), [index, countsView]);
  const empty = visible.events.length + visible.stances.length + visible.quotes.length === 0;
  const shared = { index, view, visible, linked, onSelect: actions.toggleSelection, onEvidence: setEvidence };

  return (
    <>
      <FilterBar
        selectedActors={view.actors}
        years={view.years}
        episode={view.episode}
        stances={view.stances}
        provenance={view.provenance}
        actors={index.data.actors}
        getActorCounts={getActorCounts}
        episodes={index.data.episodes}
        span={index.span}
        onToggleActor={actions.toggleActor}
        onYears={actions.setYears}
        onEpisode={actions.setEpisode}
        onToggleStance={actions.toggleStance}
        onProvenance={actions.setProvenance}
        onReset={actions.reset}
      />
      <main>
        <IgnoredNotice ignored={ignored} />
        <Summary index={index} view={view} visible={visible} onClear={actions.clearFilter} />
        {empty && (
          <EmptyState index={index} view={view} onClear={actions.clearFilter} onReset={actions.reset} />
        )}
        <div className="views">
          <section
            id="timeline"
            tabIndex={-1}
            className="view view-timeline"
            aria-labelledby="timeline-heading"
          >
            <h2 id="timeline-heading">Escalation timeline</h2>
            <Timeline
              {...shared}
              context={timelineContext}
              onEpisode={actions.setEpisode}
              onYears={actions.setYears}
            />
          </section>
          <section id="network" tabIndex={-1} className="view view-network" aria-labelledby="network-heading">
            <h2 id="network-heading">Condemnation network</h2>
            <Network {...shared} placer={placer} />
          </section>
          <section id="quotes" tabIndex={-1} className="view view-quotes" aria-labelledby="quotes-heading">
            <h2 id="quotes-heading">Quotes</h2>
            <QuotePanel {...shared} onQuery={actions.setQuery} onClear={actions.clearFilter} />
          </section>
        </div>
        <PrintFooter sources={index.data.sources} />
      </main>
      <EvidencePanel
        index={index}
        target={evidence}
        onClose={closeEvidence}
        onOpen={setEvidence}
        onSelect={actions.toggleSelection}
      />
    </>
  );
}
