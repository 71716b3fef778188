import { outsideLine, type WithOutside } from "@/lib/model/provenance";

/**
 * The provenance marker of a record that rests on a fact from outside its report: the marker's dot and its
 * note as text ("From outside the reports: date from other reporting: 3 or 4 Jan 2020"), so a screen reader
 * hears what the dot means. Nothing for a record whose facts all come from its report.
 */
export function OutsideNote({ record, lead }: { record: WithOutside | undefined; lead?: string }) {
  const line = outsideLine(record);
  if (!line) return null;
  return (
    <span className="outside-note" data-outside-note="">
      <span className="outside-dot" aria-hidden="true" />
      {lead}From outside the reports: {line}
    </span>
  );
}
