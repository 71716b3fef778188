import {
  LABEL_FONT,
  MARK_GAP,
  MARK_RADIUS,
  textWidth,
  type PlacedMark,
  type TimelineEpisodeInput,
  type TimelineEventInput,
} from "@/lib/layout/timeline";

// Fixtures and checks shared by the timeline layout tests.

/** An event as the time axis takes it. */
export const ev = (
  id: string,
  date: string,
  precision: "day" | "month" | "year" = "day",
  episode: string | null = null,
) => ({ id, date, datePrecision: precision, episode, title: `Event ${id}` }) satisfies TimelineEventInput;

/** The four episodes of the bundled dataset, as the time axis sees them. */
export const EPISODES: TimelineEpisodeInput[] = [
  { id: "soleimani-2020", label: "Soleimani 2020", start: "2020-01-01", end: "2020-01-31" },
  { id: "gaza-2023", label: "Gaza 2023", start: "2023-10-01", end: "2023-10-31" },
  { id: "april-2024", label: "Damascus & April 2024", start: "2024-04-01", end: "2024-04-30" },
  { id: "us-strikes-2025", label: "US strikes 2025", start: "2025-06-01", end: "2025-06-30" },
];

/** The horizontal extent a placed mark occupies (labels included). */
export function occupied(m: PlacedMark): [number, number] {
  let lo = m.span ? m.x0 : m.x0 - MARK_RADIUS;
  let hi = m.span ? m.x1 : m.x1 + MARK_RADIUS;
  if (m.label) {
    const w = textWidth(m.label.text, LABEL_FONT);
    if (m.label.anchor === "start") hi = Math.max(hi, m.label.x + w);
    else lo = Math.min(lo, m.label.x - w);
  }
  return [lo, hi];
}

/** True when two marks of one lane come closer than the gap: one would hide the other. */
export function collisions(marks: readonly PlacedMark[]): string[] {
  const byLane = new Map<number, PlacedMark[]>();
  for (const m of marks) byLane.set(m.lane, [...(byLane.get(m.lane) ?? []), m]);
  const out: string[] = [];
  for (const lane of byLane.values()) {
    const sorted = [...lane].sort((a, b) => occupied(a)[0] - occupied(b)[0]);
    for (let i = 1; i < sorted.length; i++)
      if (occupied(sorted[i]!)[0] < occupied(sorted[i - 1]!)[1] + MARK_GAP - 1e-9)
        out.push(`${sorted[i - 1]!.id} / ${sorted[i]!.id}`);
  }
  return out;
}
