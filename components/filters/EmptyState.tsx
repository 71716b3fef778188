"use client";

import type { DatasetIndex } from "@/lib/data";
import type { FilterKey, ViewState } from "@/lib/view";

/** Shown when the filters leave no record: says which filters are on and offers a way back. */
export function EmptyState({
  index,
  view,
  onClear,
  onReset,
}: {
  index: DatasetIndex;
  view: ViewState;
  onClear(key: FilterKey): void;
  onReset(): void;
}) {
  const on: { key: FilterKey; label: string }[] = [];
  if (view.actors.length > 0) on.push({ key: "actors", label: "the actor filter" });
  if (view.years) on.push({ key: "years", label: "the year range" });
  if (view.episode)
    on.push({
      key: "episode",
      label: `the episode (${index.episodeById.get(view.episode)?.label ?? view.episode})`,
    });
  if (view.stances.length > 0) on.push({ key: "stances", label: "the stance types" });
  if (view.q) on.push({ key: "q", label: "the quote search" });
  return (
    <div className="empty-state" role="region" aria-label="No matching records">
      <p>
        <strong>No record matches these filters together.</strong> Loosen one of them:
      </p>
      <div className="toggle-row">
        {on.map((f) => (
          <button key={f.key} type="button" className="button" onClick={() => onClear(f.key)}>
            Remove {f.label}
          </button>
        ))}
        <button type="button" className="button button-primary" onClick={onReset}>
          Reset all filters
        </button>
      </div>
    </div>
  );
}
