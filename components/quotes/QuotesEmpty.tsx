"use client";

import { useMemo } from "react";
import type { DatasetIndex } from "@/lib/data";
import { FILTER_ROWS } from "@/lib/select/filterTable";
import { quoteFilterRelief } from "@/lib/select/quotes";
import type { FilterKey, ViewState } from "@/lib/view";
import styles from "./QuotePanel.module.css";

/** Props of the quote panel's empty state. */
export interface QuotesEmptyProps {
  /** The dataset with its lookups, for the filters' names. */
  index: DatasetIndex;
  /** The current view, whose filters emptied the list. */
  view: ViewState;
  /** Removes one filter. */
  onClear(key: FilterKey): void;
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
  const labels = relief.map((r) => FILTER_ROWS[r.key].phrase(index, view));
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
