"use client";

import { useState } from "react";
import type { Actor, Episode, StanceType } from "@/lib/model";
import type { ActorCounts } from "@/lib/select/filters";
import { STANCE_TYPES, type ViewState, type YearRange as Range } from "@/lib/view";
import { STANCE_COLOR, STANCE_LABEL } from "../theme";
import { useCurrentUrl } from "../ViewStoreProvider";
import { ActorPicker } from "./ActorPicker";
import { YearRange } from "./YearRange";

/** The filter bar: actors, years, episode, stance types, reset and copy-link. Pure over its props. */
export function FilterBar({
  view,
  actors,
  getActorCounts,
  episodes,
  span,
  onToggleActor,
  onYears,
  onEpisode,
  onToggleStance,
  onReset,
}: {
  view: ViewState;
  actors: readonly Actor[];
  /** Records per actor under the other filters; computed only when the actor list opens. */
  getActorCounts(): ActorCounts;
  episodes: readonly Episode[];
  span: Range;
  onToggleActor(id: string): void;
  onYears(range: Range, continuous: boolean): void;
  onEpisode(id: string | null): void;
  onToggleStance(type: StanceType): void;
  onReset(): void;
}) {
  return (
    <section className="filter-bar" aria-label="Filters">
      <ActorPicker
        actors={actors}
        selected={view.actors}
        getCounts={getActorCounts}
        onToggle={onToggleActor}
      />
      <YearRange span={span} value={view.years} onChange={onYears} />
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
              aria-pressed={view.episode === e.id}
              onClick={() => onEpisode(view.episode === e.id ? null : e.id)}
              title={e.title}
            >
              {e.label}
            </button>
          ))}
        </div>
      </div>
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
              aria-pressed={view.stances.includes(t)}
              onClick={() => onToggleStance(t)}
              data-stance={t}
            >
              <span className="swatch" style={{ background: STANCE_COLOR[t] }} aria-hidden="true" />
              {STANCE_LABEL[t]}
            </button>
          ))}
        </div>
      </div>
      <div className="control control-actions">
        <button type="button" className="button" onClick={onReset}>
          Reset
        </button>
        <CopyLink />
      </div>
    </section>
  );
}

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
