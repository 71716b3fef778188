"use client";

import { useMemo } from "react";
import type { DatasetIndex } from "@/lib/data";
import { quoteFilterRelief, type FilterRelief } from "@/lib/select/quotes";
import type { FilterKey, ViewState } from "@/lib/view";
import { formatYears } from "@/lib/time";
import { STANCE_LABEL } from "../theme";
import styles from "./QuotePanel.module.css";

/** Props of the quote panel's empty state. */
export interface QuotesEmptyProps {
  index: DatasetIndex;
  view: ViewState;
  onClear(key: FilterKey): void;
}

/** How a filter is named in the empty state's sentence and buttons. */
function filterLabel(index: DatasetIndex, view: ViewState, key: FilterRelief["key"]): string {
  switch (key) {
    case "actors":
      return `the actor filter (${view.actors.map((a) => index.actorById.get(a)?.name ?? a).join(", ")})`;
    case "years":
      return view.years ? `the years ${formatYears(view.years)}` : "the years";
    case "episode":
      return `the episode “${(view.episode && index.episodeById.get(view.episode)?.label) ?? view.episode}”`;
    case "stances":
      return `the stance types (${view.stances.map((t) => STANCE_LABEL[t]).join(", ")})`;
    case "q":
      return `the search “${view.q}”`;
  }
}

const joinAnd = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;

/**
 * No quote passes the filters: names the filters that emptied the list and offers to remove each one,
 * saying how many quotes that brings back.
 */
export function QuotesEmpty({ index, view, onClear }: QuotesEmptyProps) {
  const relief = useMemo(() => quoteFilterRelief(index, view), [index, view]);
  if (relief.length === 0)
    return (
      <div className={styles.empty} data-testid="quotes-empty">
        <p>The dataset has no quotes.</p>
      </div>
    );
  const labels = relief.map((r) => filterLabel(index, view, r.key));
  return (
    <div className={styles.empty} data-testid="quotes-empty">
      <p>
        <strong>No quote matches {joinAnd(labels)}</strong>
        {relief.length > 1 ? " together" : ""}.
      </p>
      <div className={styles.emptyActions}>
        {relief.map((r, i) => (
          <button key={r.key} type="button" className="button" onClick={() => onClear(r.key)}>
            Remove {labels[i]}
            {r.quotes > 0 ? ` (${r.quotes} ${r.quotes === 1 ? "quote" : "quotes"})` : ""}
          </button>
        ))}
      </div>
    </div>
  );
}
