"use client";

import { memo, useState, type ReactNode } from "react";
import type { Actor, Episode, StanceType } from "@/lib/model";
import type { ActorCounts } from "@/lib/select/filters";
import { PROVENANCE_REPORTS, STANCE_TYPES, type Provenance, type YearRange } from "@/lib/view";
import { STANCE_COLOR, STANCE_LABEL } from "../theme";
import { useCurrentUrl } from "../ViewStoreProvider";
import { ActorPicker } from "./ActorPicker";
import { YearSlider } from "./YearSlider";

/**
 * The filter bar: actors, years, episode, then the rarely used filters (stance types, provenance) behind
 * "More filters (n)", reset and copy-link; one row on a wide screen. Below 1024 px it folds into a
 * "Filters (n)" button that opens it as a sheet. Pure over its props, and memoised by part: each control
 * receives only the part of the view it shows, so a selection change renders none of them and a filter change
 * only the control it concerns (the actor list alone has an option per actor).
 */
export const FilterBar = memo(function FilterBar({
  selectedActors,
  years,
  episode,
  stances,
  provenance,
  actors,
  getActorCounts,
  episodes,
  span,
  onToggleActor,
  onYears,
  onEpisode,
  onToggleStance,
  onProvenance,
  onReset,
  activeCount,
  sheetOpen,
  onSheet,
  picker,
}: {
  /** The view's actor filter. */
  selectedActors: readonly string[];
  /** The view's year range; null = the full span. */
  years: YearRange | null;
  /** The view's episode. */
  episode: string | null;
  /** The view's stance-type filter. */
  stances: readonly StanceType[];
  /** The view's provenance filter: `reports` = only what the reports state. */
  provenance: Provenance | null;
  /** Every actor of the dataset: the picker's options. */
  actors: readonly Actor[];
  /** Records per actor under the other filters; computed only when the actor list opens. */
  getActorCounts(): ActorCounts;
  /** Every episode of the dataset: one toggle each. */
  episodes: readonly Episode[];
  /** The dataset's full span of years: the slider's ends. */
  span: YearRange;
  /** Adds or removes an actor from the filter. */
  onToggleActor(id: string): void;
  /** Sets the years; `continuous` for every change after the first of a gesture. */
  onYears(range: YearRange, continuous: boolean): void;
  /** Sets or clears the episode. */
  onEpisode(id: string | null): void;
  /** Adds or removes a stance type from the filter. */
  onToggleStance(type: StanceType): void;
  /** Sets or clears the provenance filter. */
  onProvenance(provenance: Provenance | null): void;
  /** Removes every filter and the selection. */
  onReset(): void;
  /** How many filters are active: the narrow screen's "Filters (n)". */
  activeCount: number;
  /** Whether the narrow screen's filter sheet is open. */
  sheetOpen: boolean;
  /** Opens or closes the filter sheet. */
  onSheet(open: boolean): void;
  /**
   * The actor control in place of the picker over `actors`: a dataset served by DuckDB sends no actor list
   * (components/served). Memoise it, or the bar renders on every change.
   */
  picker?: ReactNode;
}) {
  return (
    <>
      <div className="filters-toggle">
        <button
          type="button"
          className="button"
          aria-expanded={sheetOpen}
          aria-controls="filter-bar"
          onClick={() => onSheet(!sheetOpen)}
          data-testid="filters-button"
        >
          Filters ({activeCount})
        </button>
      </div>
      <section
        id="filter-bar"
        className="filter-bar"
        aria-label="Filters"
        data-open={sheetOpen ? "true" : undefined}
        onKeyDown={(e) => {
          if (e.key === "Escape" && sheetOpen && !e.defaultPrevented) onSheet(false);
        }}
      >
        <div className="filter-sheet-head">
          <h2>Filters</h2>
          <button type="button" className="button" onClick={() => onSheet(false)}>
            Done
          </button>
        </div>
        {picker ?? (
          <ActorPicker
            actors={actors}
            selected={selectedActors}
            getCounts={getActorCounts}
            onToggle={onToggleActor}
          />
        )}
        <YearSlider span={span} value={years} onChange={onYears} />
        <EpisodeToggles episodes={episodes} selected={episode} onEpisode={onEpisode} />
        <MoreFilters count={(stances.length > 0 ? 1 : 0) + (provenance !== null ? 1 : 0)}>
          <StanceToggles selected={stances} onToggle={onToggleStance} />
          <ProvenanceToggle value={provenance} onChange={onProvenance} />
        </MoreFilters>
        <div className="control control-actions">
          <button type="button" className="button" onClick={onReset}>
            Reset
          </button>
          <CopyLink />
        </div>
      </section>
    </>
  );
});

/** A disclosure for the filters few readers need, saying how many of them are active. */
function MoreFilters({ count, children }: { count: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="control more-filters">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="more-filters"
        onClick={() => setOpen((o) => !o)}
        data-testid="more-filters"
      >
        More filters{count > 0 ? ` (${count})` : ""} <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <div
        id="more-filters"
        className="more-filters-panel"
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key !== "Escape") return;
          e.preventDefault();
          setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}

/** One toggle per episode; pressing the pressed one clears the episode filter. */
const EpisodeToggles = memo(function EpisodeToggles({
  episodes,
  selected,
  onEpisode,
}: {
  episodes: readonly Episode[];
  selected: string | null;
  onEpisode(id: string | null): void;
}) {
  return (
    <div className="control">
      <span className="control-label" id="episode-label">
        Episode
      </span>
      <div className="toggle-row" role="group" aria-labelledby="episode-label">
        {episodes.map((e) => (
          <button
            key={e.id}
            type="button"
            className="toggle"
            aria-pressed={selected === e.id}
            onClick={() => onEpisode(selected === e.id ? null : e.id)}
            title={e.title}
          >
            {e.label}
          </button>
        ))}
      </div>
    </div>
  );
});

/** One toggle per stance type, with its colour swatch. */
const StanceToggles = memo(function StanceToggles({
  selected,
  onToggle,
}: {
  selected: readonly StanceType[];
  onToggle(type: StanceType): void;
}) {
  return (
    <div className="control">
      <span className="control-label" id="stance-label">
        Stance types
      </span>
      <div className="toggle-row" role="group" aria-labelledby="stance-label">
        {STANCE_TYPES.map((t) => (
          <button
            key={t}
            type="button"
            className="toggle"
            aria-pressed={selected.includes(t)}
            onClick={() => onToggle(t)}
            data-stance={t}
          >
            <span className="swatch" style={{ background: STANCE_COLOR[t] }} aria-hidden="true" />
            {STANCE_LABEL[t]}
          </button>
        ))}
      </div>
    </div>
  );
});

/** "Only what the reports state": hides every record resting on a fact from outside its report. */
const ProvenanceToggle = memo(function ProvenanceToggle({
  value,
  onChange,
}: {
  value: Provenance | null;
  onChange(provenance: Provenance | null): void;
}) {
  return (
    <div className="control">
      <span className="control-label">Provenance</span>
      <label className="outside-filter">
        <input
          type="checkbox"
          checked={value === PROVENANCE_REPORTS}
          onChange={(e) => onChange(e.target.checked ? PROVENANCE_REPORTS : null)}
          data-testid="provenance-filter"
        />
        Only what the reports state
      </label>
    </div>
  );
});

/** Copies the current URL (the shareable view) and says so; falls back to selecting it for manual copy. */
function CopyLink() {
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");
  const [manual, setManual] = useState("");
  const currentUrl = useCurrentUrl();
  const copy = async () => {
    const url = currentUrl();
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      // Clipboard can be refused (permissions, insecure origin): show the link to copy by hand instead.
      setManual(url);
      setStatus("manual");
    }
    window.setTimeout(() => setStatus("idle"), 4000);
  };
  return (
    <>
      <button type="button" className="button button-primary" onClick={copy}>
        Copy link
      </button>
      <span role="status" className="copy-status">
        {status === "copied" ? "Link copied" : status === "manual" ? "Copy this link:" : ""}
      </span>
      {status === "manual" && (
        <input
          className="manual-link"
          readOnly
          value={manual}
          aria-label="Link to this view"
          onFocus={(e) => e.target.select()}
          autoFocus
        />
      )}
    </>
  );
}
