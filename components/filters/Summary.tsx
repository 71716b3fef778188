"use client";

import type { DatasetIndex } from "@/lib/data";
import type { VisibleRecords } from "@/lib/select";
import type { FilterKey, ViewState } from "@/lib/view";
import { formatYears } from "@/lib/time";
import { STANCE_LABEL } from "../theme";

/** "event" or "events" for a count. */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** A human label for the focused item. */
export function focusLabel(index: DatasetIndex, view: ViewState): string {
  const f = view.focus;
  if (!f) return "";
  if (f.kind === "event") return `event “${index.eventById.get(f.id)?.title ?? f.id}”`;
  if (f.kind === "actor") return `actor ${index.actorById.get(f.id)?.name ?? f.id}`;
  if (f.kind === "quote") {
    const q = index.quoteById.get(f.id);
    return `quote by ${q ? (index.actorById.get(q.speaker)?.name ?? q.speaker) : f.id}`;
  }
  const s = index.stanceById.get(f.id);
  if (!s) return `stance ${f.id}`;
  const name = (id: string) => index.actorById.get(id)?.shortName ?? index.actorById.get(id)?.name ?? id;
  return `stance ${name(s.from)} → ${name(s.to)} (${s.type})`;
}

/**
 * The live summary above the views: how many records the filters show, and each active filter as a chip
 * that removes it. `aria-live` so a screen reader hears the new counts after a change.
 */
export function Summary({
  index,
  view,
  visible,
  onClear,
}: {
  index: DatasetIndex;
  view: ViewState;
  visible: VisibleRecords;
  onClear(key: FilterKey): void;
}) {
  const chips: { key: FilterKey; label: string }[] = [];
  if (view.actors.length > 0)
    chips.push({
      key: "actors",
      label: `Actors: ${view.actors.map((a) => index.actorById.get(a)?.name ?? a).join(", ")}`,
    });
  if (view.years)
    chips.push({
      key: "years",
      label: `Years: ${formatYears(view.years)}`,
    });
  if (view.episode)
    chips.push({
      key: "episode",
      label: `Episode: ${index.episodeById.get(view.episode)?.label ?? view.episode}`,
    });
  if (view.stances.length > 0)
    chips.push({ key: "stances", label: `Stances: ${view.stances.map((t) => STANCE_LABEL[t]).join(", ")}` });
  if (view.q) chips.push({ key: "q", label: `Search: “${view.q}”` });
  if (view.focus) chips.push({ key: "focus", label: `Focus: ${focusLabel(index, view)}` });
  return (
    <div className="summary">
      <p className="summary-counts" aria-live="polite" data-testid="summary-counts">
        Showing <strong data-testid="count-events">{visible.events.length}</strong>{" "}
        {plural(visible.events.length, "event")},{" "}
        <strong data-testid="count-stances">{visible.stances.length}</strong>{" "}
        {plural(visible.stances.length, "stance")} and{" "}
        <strong data-testid="count-quotes">{visible.quotes.length}</strong>{" "}
        {plural(visible.quotes.length, "quote")}
        {chips.length === 0 ? " — everything in the dataset." : "."}
      </p>
      {chips.length > 0 && (
        <ul className="chip-list" aria-label="Active filters">
          {chips.map((c) => (
            <li key={c.key}>
              <button
                type="button"
                className="chip"
                onClick={() => onClear(c.key)}
                aria-label={`Remove ${c.label}`}
              >
                {c.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
