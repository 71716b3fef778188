"use client";

import type { DatasetIndex } from "@/lib/data";
import type { VisibleRecords } from "@/lib/select";
import { REMOVABLE } from "@/lib/select/filterTable";
import type { FilterKey, ViewState } from "@/lib/view";

/** "event" or "events" for a count. */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
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
  /** The dataset with its lookups, for the chips' names. */
  index: DatasetIndex;
  /** The current view: its active filters become chips. */
  view: ViewState;
  /** The records shown, for the counts. */
  visible: VisibleRecords;
  /** Removes one filter (a chip's button). */
  onClear(key: FilterKey): void;
}) {
  const chips = REMOVABLE.filter((row) => row.isActive(view)).map((row) => ({
    key: row.key,
    label: `${row.title}: ${row.value(index, view)}`,
  }));
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
                <span className="chip-text">{c.label}</span> <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
