"use client";

import type { FilterKey } from "@/lib/view";
import type { LinkedViewProps } from "../viewProps";

/** Props of the quote panel: the linked-view props plus its search and filter-clearing callbacks. */
export interface QuotePanelProps extends LinkedViewProps {
  onQuery(q: string, continuous: boolean): void;
  onClear(key: FilterKey): void;
}

/** Speaker-quote panels (placeholder list until the panel lands). */
export function QuotePanel({ index, visible }: QuotePanelProps) {
  return (
    <ul className="plain-list">
      {visible.quotes.map((q) => (
        <li key={q.id}>
          {index.actorById.get(q.speaker)?.name ?? q.speaker}: “{q.text}”
        </li>
      ))}
    </ul>
  );
}
