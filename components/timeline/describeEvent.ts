import type { DatasetIndex } from "@/lib/data";
import type { Event } from "@/lib/model";
import { outsideLine } from "@/lib/model/provenance";
import { actorName } from "@/lib/select";
import { formatDate } from "@/lib/time";
import { EVENT_KIND_LABEL } from "../theme";

/** "Iran → Israel": who acted, and on or toward whom. */
export function actorsLine(index: DatasetIndex, e: Event): string {
  const from = e.actors.map((id) => actorName(index, id)).join(", ");
  const to = e.targets.map((id) => actorName(index, id)).join(", ");
  if (from && to) return `${from} → ${to}`;
  return from || (to ? `→ ${to}` : "—");
}

/** The publisher of the event's source report. */
export function sourceLine(index: DatasetIndex, e: Event): string {
  return index.sourceById.get(e.sourceId)?.publisher ?? "unknown source";
}

/**
 * The accessible name of a mark: its date (no more precise than known), title and kind, and what of it comes
 * from outside the reports, said in words since the mark shows it as a dot.
 */
export function markName(e: Event): string {
  const outside = outsideLine(e);
  const name = `${formatDate(e.date, e.datePrecision)}: ${e.title} (${EVENT_KIND_LABEL[e.kind]})`;
  return outside ? `${name}; from outside the reports: ${outside}` : name;
}
