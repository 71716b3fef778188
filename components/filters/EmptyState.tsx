"use client";

import type { DatasetIndex } from "@/lib/data";
import { activeFilters } from "@/lib/select/filterTable";
import type { FilterKey, ViewState } from "@/lib/view";

/** Shown when the filters leave no record: says which filters are on and offers a way back. */
export function EmptyState({
  index,
  view,
  onClear,
  onReset,
}: {
  /** The dataset with its lookups, for the filters' names. */
  index: DatasetIndex;
  /** The current view: each active filter gets a button that removes it. */
  view: ViewState;
  /** Removes one filter. */
  onClear(key: FilterKey): void;
  /** Removes every filter. */
  onReset(): void;
}) {
  const on = activeFilters(view);
  return (
    <div className="empty-state" role="region" aria-label="No matching records">
      <p>
        <strong>No record matches these filters together.</strong> Loosen one of them:
      </p>
      <div className="toggle-row">
        {on.map((row) => (
          <button key={row.key} type="button" className="button" onClick={() => onClear(row.key)}>
            Remove {row.phrase(index, view)}
          </button>
        ))}
        <button type="button" className="button button-primary" onClick={onReset}>
          Reset all filters
        </button>
      </div>
    </div>
  );
}
