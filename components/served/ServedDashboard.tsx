"use client";

import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import type { Episode } from "@/lib/model";
import type { SummaryCounts } from "@/lib/source/types";
import { activeFilters } from "@/lib/select/filterTable";
import type { IgnoredParam, ParseContext, ViewState, YearRange } from "@/lib/view";
import { FilterBar } from "../filters/FilterBar";
import { IgnoredNotice } from "../filters/IgnoredNotice";
import { plural } from "../filters/Summary";
import { ViewTabs, type ViewTab } from "../layout/ViewTabs";
import { useViewStore, ViewStoreProvider } from "../ViewStoreProvider";
import { answerUrl, filterQuery, formatCount, useAnswer } from "./answers";
import { ServedActorPicker } from "./ServedActorPicker";
import { DRAWN_EDGES, ServedNetwork } from "./ServedNetwork";
import { QUOTE_PAGE, ServedQuotes } from "./ServedQuotes";
import { periodUnit, ServedTimeline } from "./ServedTimeline";
import styles from "./Served.module.css";

/**
 * Any actor id passes the page's own check: the dataset's actors (millions) stay on the server, which checked
 * the link's ids when it rendered the page and checks every id again in each answer (`ignored`, shown in the
 * notice). Episodes and the span are known here, and nothing is selectable.
 */
class AnyId extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/** The URL parsers' context on the page: see {@link AnyId}. */
function servedContext(episodes: readonly Episode[], span: YearRange): ParseContext {
  const none = new Set<string>();
  return {
    actorIds: new AnyId(),
    episodeIds: new Set(episodes.map((e) => e.id)),
    span,
    selectionIds: { event: none, actor: none, stance: none, quote: none },
    stories: new Map(),
  };
}

/**
 * The dashboard of a dataset too big for the browser (more events than `STANCE_ATLAS_BROWSER_EVENTS`), served
 * by DuckDB: the same URL keys, filter bar and three views, each drawn from its view-sized answer of
 * `/api/source/…` (lib/source/types.ts) instead of records in the page. Views are cross-filtered as in the
 * dashboard: the time axis asks without the year filter, the actor picker without the actor one.
 */
export default function ServedDashboard({
  initialView,
  ignored,
  episodes,
  span,
  totals,
}: {
  initialView: ViewState;
  ignored: IgnoredParam[];
  episodes: Episode[];
  span: YearRange;
  /** The whole dataset's counts. */
  totals: SummaryCounts;
}) {
  const parseContext = useMemo(() => servedContext(episodes, span), [episodes, span]);
  return (
    <ViewStoreProvider initialView={initialView} parseContext={parseContext}>
      <ServedBody parseContext={parseContext} ignored={ignored} episodes={episodes} totals={totals} />
    </ViewStoreProvider>
  );
}

function ServedBody({
  parseContext,
  ignored,
  episodes,
  totals,
}: {
  parseContext: ParseContext;
  ignored: IgnoredParam[];
  episodes: Episode[];
  totals: SummaryCounts;
}) {
  const view = useViewStore((s) => s.view);
  const actions = useViewStore(
    useShallow((s) => ({
      toggleActor: s.toggleActor,
      setYears: s.setYears,
      setEpisode: s.setEpisode,
      toggleStance: s.toggleStance,
      setProvenance: s.setProvenance,
      setQuery: s.setQuery,
      reset: s.reset,
    })),
  );
  const [sheet, setSheet] = useState(false);
  const [tab, setTab] = useState<ViewTab>("timeline");
  const { span } = parseContext;
  const query = filterQuery(view, parseContext);
  const withoutYears = filterQuery({ ...view, years: null }, parseContext);
  const withoutActors = filterQuery({ ...view, actors: [] }, parseContext);
  const summary = useAnswer<"summary">(answerUrl("summary", {}, query));
  const periods = useAnswer<"periods">(answerUrl("periods", { unit: periodUnit(span) }, withoutYears));
  const edges = useAnswer<"edges">(answerUrl("edges", { limit: DRAWN_EDGES.wide }, query));
  const quotes = useAnswer<"quotes">(answerUrl("quotes", { limit: QUOTE_PAGE }, query));
  const answers = [summary, periods, edges, quotes];
  const ready = answers.every((a) => a.state === "ready");
  // The server's own notice first; then what an answer dropped (an id typed into the URL after load).
  const dropped = summary.data?.ignored ?? [];
  const shownIgnored = dropped.length > 0 ? dropped : ignored;
  const active = activeFilters(view);
  const named = summary.data?.named;
  const picker = useMemo(
    () => (
      <ServedActorPicker
        selected={view.actors}
        named={named ?? []}
        query={withoutActors}
        onToggle={actions.toggleActor}
      />
    ),
    [view.actors, named, withoutActors, actions.toggleActor],
  );
  const counts = summary.data;
  return (
    <>
      <FilterBar
        selectedActors={view.actors}
        years={view.years}
        episode={view.episode}
        stances={view.stances}
        provenance={view.provenance}
        actors={NO_ACTORS}
        getActorCounts={noCounts}
        episodes={episodes}
        span={span}
        onToggleActor={actions.toggleActor}
        onYears={actions.setYears}
        onEpisode={actions.setEpisode}
        onToggleStance={actions.toggleStance}
        onProvenance={actions.setProvenance}
        onReset={actions.reset}
        activeCount={active.length}
        sheetOpen={sheet}
        onSheet={setSheet}
        picker={picker}
      />
      <main className="dashboard" data-served="duckdb" data-ready={ready || undefined}>
        <IgnoredNotice key={shownIgnored.map((p) => p.key).join()} ignored={shownIgnored} />
        <div className="summary-row">
          <div className="summary">
            <p className={`summary-counts ${styles.counts}`} aria-live="polite" data-testid="summary-counts">
              {counts ? (
                <>
                  Showing <strong data-testid="count-events">{formatCount(counts.events)}</strong>{" "}
                  {plural(counts.events, "event")},{" "}
                  <strong data-testid="count-stances">{formatCount(counts.stances)}</strong>{" "}
                  {plural(counts.stances, "stance")} and{" "}
                  <strong data-testid="count-quotes">{formatCount(counts.quotes)}</strong>{" "}
                  {plural(counts.quotes, "quote")}
                  {active.length === 0
                    ? " — everything in the dataset."
                    : ` of ${formatCount(totals.events)} events, ${formatCount(totals.stances)} stances and ${formatCount(totals.quotes)} quotes.`}
                </>
              ) : (
                "Counting…"
              )}
            </p>
          </div>
        </div>
        <ViewTabs tab={tab} counts={null} onTab={setTab} />
        <div className="views" data-tab={tab}>
          <section
            id="timeline"
            tabIndex={-1}
            className="view view-timeline"
            aria-labelledby="timeline-heading"
          >
            <div className="view-head">
              <h2 id="timeline-heading">Escalation timeline</h2>
            </div>
            <ServedTimeline answer={periods} years={view.years} onYears={actions.setYears} />
          </section>
          <section id="network" tabIndex={-1} className="view view-network" aria-labelledby="network-heading">
            <div className="view-head">
              <h2 id="network-heading">Condemnation network</h2>
            </div>
            <ServedNetwork answer={edges} selected={view.actors} onToggleActor={actions.toggleActor} />
          </section>
          <section id="quotes" tabIndex={-1} className="view view-quotes" aria-labelledby="quotes-heading">
            <div className="view-head">
              <h2 id="quotes-heading">Quotes</h2>
            </div>
            <ServedQuotes answer={quotes} query={query} q={view.q} onQuery={actions.setQuery} />
          </section>
        </div>
      </main>
    </>
  );
}

const NO_ACTORS: never[] = [];
const noCounts = () => ({ get: () => 0, at: () => 0 });
