"use client";

import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
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
import { activeFilters } from "@/lib/select/filterTable";
import {
  serializeViewState,
  showsView,
  type IgnoredParam,
  type ParseContext,
  type Selection,
} from "@/lib/view";
import type { Story } from "@/lib/story/steps";
import { useCurrentUrl, useViewStore } from "./ViewStoreProvider";
import { FilterBar } from "./filters/FilterBar";
import { IgnoredNotice } from "./filters/IgnoredNotice";
import { Summary } from "./filters/Summary";
import { EmptyState } from "./filters/EmptyState";
import { Timeline } from "./timeline/Timeline";
import { Network } from "./network/Network";
import { NetworkModeBar } from "./network/NetworkModeBar";
import { QuotePanel } from "./quotes/QuotePanel";
import { EvidencePanel } from "./evidence/EvidencePanel";
import { PrintFooter } from "./PrintFooter";
import { SelectedEvent } from "./timeline/SelectedEvent";
import type { EvidenceRef } from "./viewProps";
import { VIEW_TABS, ViewTabs, type ViewTab } from "./layout/ViewTabs";
import { EmbedBar, ExportControls, ViewDownload } from "./export/ExportControls";
import { OpenDataButton } from "./data/OpenDataButton";
import { revealSelection } from "./layout/revealLinked";
import { useBackCloses } from "./layout/useBackCloses";

// The story band's code loads only on a page that shows a story (server-rendered there with the page).
// React's lazy rather than next/dynamic, whose loader costs the first load of every page 1.4 KB.
const StoryPanel = lazy(() => import("./story/StoryPanel"));

/**
 * The records a selection is about, as `kind:id`: itself, then its actors (a quote's speaker, an event's
 * actors and targets, a stance's two sides) and its event. Each view brings one it draws into sight.
 */
function primaryRecords(index: DatasetIndex, selection: Selection | null): string[] {
  if (!selection) return [];
  const { kind, id } = selection;
  const r =
    kind === "event"
      ? index.eventById.get(id)
      : kind === "quote"
        ? index.quoteById.get(id)
        : kind === "stance"
          ? index.stanceById.get(id)
          : undefined;
  const actors = !r
    ? []
    : "speaker" in r
      ? [r.speaker]
      : "from" in r
        ? [r.from, r.to]
        : [...r.actors, ...r.targets];
  const event = r && "eventId" in r && r.eventId ? [`event:${r.eventId}`] : [];
  return [`${kind}:${id}`, ...actors.map((a) => `actor:${a}`), ...event];
}

/** The views the evidence drawer can lie over: the one the user is not looking at. */
type Over = "network" | "quotes";

/** The dashboard under the store: derives what each view shows with the pure selectors and lays them out. */
export function DashboardBody({
  index,
  parseContext,
  stories,
  placer,
  ignored,
}: {
  index: DatasetIndex;
  /** The dataset's ids and span, with the stories' steps: how the URL reads and writes. */
  parseContext: ParseContext;
  /** The stories that fit the dataset. */
  stories: readonly Story[];
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
      setSelection: s.setSelection,
      setQuery: s.setQuery,
      setProvenance: s.setProvenance,
      clearFilter: s.clearFilter,
      reset: s.reset,
      showStep: s.showStep,
      leaveStory: s.leaveStory,
      setCompare: s.setCompare,
      setNetworkForm: s.setNetworkForm,
      setEgo: s.setEgo,
    })),
  );
  const [evidence, setEvidence] = useState<EvidenceRef | null>(null);
  const [over, setOver] = useState<Over>("quotes");
  const closeEvidence = useCallback(() => setEvidence(null), []);
  // The drawer covers the view the user is not looking at: the network when the "Source" came from a quote,
  // else the quotes. Another record of the same report opens in the same place.
  const openEvidence = useCallback((ref: EvidenceRef) => {
    const from = document.activeElement?.closest(".view")?.id;
    setOver(from === "quotes" ? "network" : "quotes");
    setEvidence(ref);
  }, []);
  const [tab, setTab] = useState<ViewTab>("timeline");
  // Whether the network's box is narrow (a phone), as the network measures it: its head shows the form shown.
  const [networkNarrow, setNetworkNarrow] = useState(false);
  const [sheet, setSheet] = useState(false);
  const closeSheet = useCallback(() => setSheet(false), []);
  const viewUrl = useCallback(() => {
    const query = serializeViewState(view, parseContext);
    return `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  }, [view, parseContext]);
  const writtenUrl = useCurrentUrl();
  const urls = useMemo(() => ({ viewUrl, writtenUrl }), [viewUrl, writtenUrl]);
  useBackCloses(sheet, closeSheet, urls);
  useBackCloses(evidence !== null, closeEvidence, urls);

  const visible = selectVisible(index, view);
  const timelineContext = selectVisibleIgnoringYears(index, view);
  const linked = selectLinked(index, view.selection);
  // Stable while the filters the counts read stay put: a selection change leaves the picker alone, and an
  // actor pick re-renders it without recounting.
  const countsView = selectActorCountsView(index, view);
  const getActorCounts = useCallback(() => selectActorCounts(index, countsView), [index, countsView]);
  const selectedEvent = view.selection?.kind === "event" ? index.eventById.get(view.selection.id) : undefined;
  const empty = visible.events.length + visible.stances.length + visible.quotes.length === 0;
  const shared = {
    index,
    view,
    visible,
    linked,
    onSelect: actions.toggleSelection,
    onEvidence: openEvidence,
  };
  const active = activeFilters(view);
  // Stance types and provenance: the filters behind "More filters".
  // What each tab holds of the selection's links, counted over what the filters show: the timeline's events,
  // the network's arrows (stances) and actors, the quotes.
  const counts = useMemo(() => {
    if (!linked.active) return null;
    const count = <T extends { id: string }>(list: readonly T[], set: ReadonlySet<string>) =>
      list.reduce((n, r) => (set.has(r.id) ? n + 1 : n), 0);
    const drawn = new Set<string>();
    for (const s of visible.stances) {
      if (linked.actors.has(s.from)) drawn.add(s.from);
      if (linked.actors.has(s.to)) drawn.add(s.to);
    }
    return {
      timeline: count(visible.events, linked.events),
      network: count(visible.stances, linked.stances) + drawn.size,
      quotes: count(visible.quotes, linked.quotes),
    };
  }, [linked, visible]);

  // A new selection (or another tab picked) brings its first lit mark into sight in each shown view, inside
  // the view's own scroller, unless one is in sight already: the page never moves.
  const viewsRef = useRef<HTMLDivElement>(null);
  const primary = useMemo(() => primaryRecords(index, view.selection), [index, view.selection]);
  useEffect(() => {
    const views = viewsRef.current;
    return primary.length > 0 && views ? revealSelection(views, primary) : undefined;
  }, [primary, tab]);
  // A skip link to a view on a narrow screen picks its tab first, so that the view shows and takes focus.
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const href = e.target instanceof Element ? e.target.closest("a")?.getAttribute("href") : null;
      const id = href?.startsWith("#") ? href.slice(1) : "";
      if (id === "timeline" || id === "network" || id === "quotes") flushSync(() => setTab(id));
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);
  const highlight = useCallback(
    (selection: Selection) => {
      // The drawer would hide some of what it highlights: it steps aside.
      setEvidence(null);
      actions.setSelection(selection);
    },
    [actions],
  );

  const story = view.story !== null ? stories.find((s) => s.id === view.story) : undefined;
  // "Explore from here": the band goes, so focus goes to the view on screen, and a status line says why.
  const [left, setLeft] = useState("");
  const leaveStory = () => {
    actions.leaveStory();
    setLeft("Left the story: the view stays as the step showed it, for you to explore.");
    document.getElementById(shownTab)?.focus();
  };
  const storyStep = story && view.step !== null ? story.steps[view.step - 1] : undefined;
  const exportProps = {
    index,
    view,
    visible,
    // Downloads name the story step they show.
    story: storyStep
      ? `${story!.title} — step ${view.step} of ${story!.steps.length}: ${storyStep.title}`
      : undefined,
  };
  // The URL's `views`: which views the page shows (all three by default); the tab bar offers only those.
  const shown = VIEW_TABS.map((t) => t.id).filter((id) => showsView(view, id));
  const shownTab = shown.includes(tab) ? tab : (shown[0] ?? "timeline");

  return (
    <>
      {!view.embed && (
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
          activeCount={active.length}
          sheetOpen={sheet}
          onSheet={setSheet}
        />
      )}
      <main className="dashboard">
        <IgnoredNotice ignored={ignored} />
        <p role="status" className="visually-hidden" data-testid="story-left">
          {story ? "" : left}
        </p>
        {view.embed ? (
          <EmbedBar {...exportProps} />
        ) : (
          // The summary line ends with the page's Download and Embed, on every screen size.
          <div className="summary-row">
            <Summary index={index} view={view} visible={visible} onClear={actions.clearFilter} />
            <div className="summary-actions">
              <ExportControls {...exportProps} parseContext={parseContext} />
              <OpenDataButton />
            </div>
          </div>
        )}
        {story && view.step !== null && (
          <Suspense>
            <StoryPanel
              index={index}
              story={story}
              step={view.step}
              onStep={(step) => actions.showStep(story.id, step)}
              embed={view.embed}
              onLeave={leaveStory}
              onEvidence={openEvidence}
            />
          </Suspense>
        )}
        {empty && (
          <EmptyState index={index} view={view} onClear={actions.clearFilter} onReset={actions.reset} />
        )}
        {shown.length > 1 && <ViewTabs tab={shownTab} counts={counts} onTab={setTab} shown={shown} />}
        <div
          className="views"
          // In a story the marks move from step to step (globals.css); their code and styles load with the band.
          data-story={story ? story.id : undefined}
          data-tab={shownTab}
          data-views={view.views.length > 0 ? view.views.join(",") : undefined}
          ref={viewsRef}
        >
          {showsView(view, "timeline") && (
            <section
              id="timeline"
              tabIndex={-1}
              className="view view-timeline"
              aria-labelledby="timeline-heading"
            >
              {/* The selected event's details share the panel's pinned head: showing them moves nothing. */}
              <div className="view-head">
                <h2 id="timeline-heading">Escalation timeline</h2>
                {selectedEvent && (
                  <SelectedEvent
                    index={index}
                    event={selectedEvent}
                    shown={timelineContext.events.includes(selectedEvent)}
                    onSelect={actions.toggleSelection}
                    onEvidence={openEvidence}
                  />
                )}
                {!view.embed && (
                  <div className="view-download">
                    <ViewDownload scope="timeline" {...exportProps} />
                  </div>
                )}
              </div>
              <Timeline
                {...shared}
                context={timelineContext}
                onEpisode={actions.setEpisode}
                onYears={actions.setYears}
              />
            </section>
          )}
          {showsView(view, "network") && (
            <section
              id="network"
              tabIndex={-1}
              className="view view-network"
              aria-labelledby="network-heading"
            >
              <div className="view-head">
                <h2 id="network-heading">Condemnation network</h2>
                <NetworkModeBar
                  view={view}
                  narrow={networkNarrow}
                  onForm={actions.setNetworkForm}
                  onCompare={actions.setCompare}
                  onEgo={actions.setEgo}
                />
                {!view.embed && (
                  <div className="view-download">
                    <ViewDownload scope="network" {...exportProps} />
                  </div>
                )}
              </div>
              <Network {...shared} placer={placer} onNarrow={setNetworkNarrow} />
            </section>
          )}
          {showsView(view, "quotes") && (
            <section id="quotes" tabIndex={-1} className="view view-quotes" aria-labelledby="quotes-heading">
              <div className="view-head">
                <h2 id="quotes-heading">Quotes</h2>
                {!view.embed && (
                  <div className="view-download">
                    <ViewDownload scope="quotes" {...exportProps} />
                  </div>
                )}
              </div>
              <QuotePanel {...shared} onQuery={actions.setQuery} onClear={actions.clearFilter} />
            </section>
          )}
          <EvidencePanel
            index={index}
            target={evidence}
            over={over}
            onClose={closeEvidence}
            onOpen={setEvidence}
            onSelect={highlight}
          />
        </div>
        <PrintFooter sources={index.data.sources} />
      </main>
    </>
  );
}
