"use client";

import { useMemo, useState } from "react";
import {
  WINDOW_THRESHOLD,
  groupQuotesBySpeaker,
  groupRowStarts,
  rowIndex,
  type QuoteSort,
} from "@/lib/select/quotes";
import type { FilterKey } from "@/lib/view";
import type { LinkedViewProps } from "../viewProps";
import { QuoteControls } from "./QuoteControls";
import { QuoteList } from "./QuoteList";
import { QuotesEmpty } from "./QuotesEmpty";
import styles from "./QuotePanel.module.css";

/** Props of the quote panel: the linked-view props plus its search and filter-clearing callbacks. */
export interface QuotePanelProps extends LinkedViewProps {
  /** Sets the quote search (`q`); `continuous` while typing, so one edit makes one history entry. */
  onQuery(q: string, continuous: boolean): void;
  /** Removes one filter: the empty state's way back. */
  onClear(key: FilterKey): void;
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

/**
 * Speaker-quote panels: the visible quotes grouped by speaker, each group in date order, with search,
 * group order, fact-check verdicts and a "Source" on every quote. Follows the selection of the other views
 * (linked quotes stand out and the first is scrolled into view) and sets it (a clicked quote).
 */
export function QuotePanel({
  index,
  view,
  visible,
  linked,
  onSelect,
  onEvidence,
  onQuery,
  onClear,
}: QuotePanelProps) {
  const [sort, setSort] = useState<QuoteSort>("date");
  const groups = useMemo(
    () => groupQuotesBySpeaker(index, visible.quotes, sort, visible.positions.quotes),
    [index, visible.quotes, visible.positions.quotes, sort],
  );
  const starts = useMemo(() => groupRowStarts(groups), [groups]);

  // The first quote linked to the selection, in display order: where the list scrolls on a new selection. The
  // first quote of a group is shown with its header, so the speaker is in view too.
  const { target, linkedCount } = useMemo(() => {
    if (!linked.active) return { target: -1, linkedCount: 0 };
    let first = -1;
    let count = 0;
    groups.forEach((g, gi) =>
      g.entries.forEach((e, ei) => {
        if (!linked.quotes.has(e.quote.id)) return;
        count++;
        if (first < 0) first = rowIndex(starts, gi, ei === 0 ? -1 : ei);
      }),
    );
    return { target: first, linkedCount: count };
  }, [groups, starts, linked]);

  const n = visible.quotes.length;
  return (
    <div className={styles.panel}>
      <QuoteControls q={view.q} onQuery={onQuery} sort={sort} onSort={setSort} />
      <p className={styles.status} aria-live="polite" data-testid="quotes-status">
        {n > 0 && (
          <>
            <strong>{plural(n, "quote")}</strong> from {plural(groups.length, "speaker")}
            {linked.active &&
              (linkedCount > 0
                ? ` · ${linkedCount} linked to the selection, highlighted`
                : " · none linked to the selection")}
          </>
        )}
      </p>
      {n === 0 ? (
        <QuotesEmpty index={index} view={view} onClear={onClear} />
      ) : (
        <QuoteList
          index={index}
          groups={groups}
          starts={starts}
          windowed={n > WINDOW_THRESHOLD}
          selection={view.selection}
          linked={linked}
          target={target}
          onSelect={onSelect}
          onEvidence={onEvidence}
        />
      )}
    </div>
  );
}
