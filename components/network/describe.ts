import type { DatasetIndex } from "@/lib/data";
import type { Stance } from "@/lib/model";
import { stanceSentence } from "@/lib/select";
import { formatDate } from "@/lib/time";

/** "Russia condemns the United States — January 2020, source: TASS": the text alternative of one edge. */
export function stanceLine(index: DatasetIndex, s: Stance): string {
  const publisher = index.sourceById.get(s.sourceId)?.publisher ?? s.sourceId;
  return `${stanceSentence(index, s)} — ${formatDate(s.date, s.datePrecision)}, source: ${publisher}`;
}
