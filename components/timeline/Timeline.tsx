"use client";

import type { VisibleRecords } from "@/lib/select";
import type { YearRange } from "@/lib/view";
import { formatDate } from "@/lib/time";
import type { LinkedViewProps } from "../viewProps";

/** Props of the time axis: the linked-view props plus its own cross-filter context and controls. */
export interface TimelineProps extends LinkedViewProps {
  /** Records under every filter but the year range: the axis dims out-of-range marks instead of hiding them. */
  context: VisibleRecords;
  onEpisode(id: string | null): void;
  onYears(range: YearRange | null, continuous: boolean): void;
}

/** The escalation time axis (placeholder list until the chart lands). */
export function Timeline({ visible }: TimelineProps) {
  return (
    <ol className="plain-list">
      {visible.events.map((e) => (
        <li key={e.id}>
          {formatDate(e.date, e.datePrecision)} — {e.title}
        </li>
      ))}
    </ol>
  );
}
