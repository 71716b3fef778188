import type { Outside } from "./schema";
import type { OUTSIDE_FIELDS } from "./vocabulary";

// Provenance without zod: the views import this file directly (not the model's index, which pulls in the
// schema), so the browser bundle stays small. See the comment at the top of ./vocabulary.ts.

/** A record that may list facts from outside its report. */
export interface WithOutside {
  outside?: Outside;
}

/**
 * True when the record itself rests on something from outside the reports: its own `outside` is non-empty.
 * A source's inferred publisher or title is shown with the source and does not mark the records citing it.
 */
export function fromOutside(record: WithOutside | undefined): boolean {
  return record?.outside !== undefined && record.outside.length > 0;
}

/** How a reader reads each field that can come from outside ("Date: from other reporting: …"). */
export const OUTSIDE_FIELD_LABEL: Record<(typeof OUTSIDE_FIELDS)[number], string> = {
  date: "Date",
  datePrecision: "Date precision",
  actors: "Actors",
  targets: "Targets",
  from: "Who",
  to: "Toward whom",
  type: "Stance type",
  speaker: "Speaker",
  publisher: "Publisher",
  title: "Title",
  published: "Publication date",
};

/**
 * Each outside fact as a label and its note, the note's leading field word dropped where it repeats the
 * label: `{ field: "date", note: "date from other reporting: 3 or 4 Jan 2020" }` reads "Date: from other
 * reporting: 3 or 4 Jan 2020".
 */
export function outsideFacts(record: WithOutside | undefined): { label: string; note: string }[] {
  return (record?.outside ?? []).map(({ field, note }) => {
    const label = OUTSIDE_FIELD_LABEL[field];
    const word = label.toLowerCase();
    const repeats = note.toLowerCase().startsWith(`${word} `) && note.length > word.length + 1;
    return { label, note: repeats ? note.slice(word.length + 1) : note };
  });
}

/** The notes of a record's outside facts as one line: "date from other reporting: 3 or 4 Jan 2020". */
export function outsideLine(record: WithOutside | undefined): string {
  return (record?.outside ?? []).map((o) => o.note).join("; ");
}
