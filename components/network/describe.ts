import type { DatasetIndex } from "@/lib/data";
import type { Stance } from "@/lib/model";
import { stanceAbout, stanceSentence } from "@/lib/select";
import { formatDate } from "@/lib/time";

/** "Russia condemns the United States — January 2020, source: TASS": the text alternative of one edge. */
export function stanceLine(index: DatasetIndex, s: Stance): string {
  const publisher = index.sourceById.get(s.sourceId)?.publisher ?? s.sourceId;
  return `${stanceSentence(index, s)} — ${formatDate(s.date, s.datePrecision)}, source: ${publisher}`;
}

/**
 * "The United States condemns Iran — US, UK, France and Germany condemn Iran's strikes, 14 Apr 2024, source:
 * Anadolu Agency": an arrow's tooltip line, naming the event the stance is about where the dataset links one.
 */
export function stanceTipLine(index: DatasetIndex, s: Stance): string {
  if (!s.eventId || !index.eventById.has(s.eventId)) return stanceLine(index, s);
  const publisher = index.sourceById.get(s.sourceId)?.publisher ?? s.sourceId;
  return `${stanceAbout(index, s)}, source: ${publisher}`;
}

/**
 * A node's name as its mark's accessible name starts: the short label it shows first when it has one ("US —
 * United States"), so the words a reader sees are words a voice-control user can say (WCAG 2.5.3); never in
 * brackets, which the label-in-name check ignores.
 */
export function nodeName(node: { label: string; name: string }): string {
  return node.label !== node.name ? `${node.label} — ${node.name}` : node.name;
}
