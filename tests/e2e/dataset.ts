import { readFileSync } from "node:fs";
import { indexDataset } from "@/lib/data";
import type { DatasetFile } from "@/lib/model";
import { filterRecords, selectActorCounts } from "@/lib/select";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";

/** The bundled dataset, indexed: tests derive expected figures from it instead of hard-coding them. */
export const index = indexDataset(JSON.parse(readFileSync("data/escalations.json", "utf8")) as DatasetFile);

/** Expected counts for a view, computed with the same selectors the app uses. */
export function expectedCounts(patch: Partial<ViewState>) {
  const v = filterRecords(index, { ...DEFAULT_VIEW, ...patch });
  return { events: v.events.length, stances: v.stances.length, quotes: v.quotes.length };
}

/** Records an actor's option counts under a view (every filter but the actor one applies). */
export function expectedActorCount(id: string, patch: Partial<ViewState>) {
  return selectActorCounts(index, { ...DEFAULT_VIEW, ...patch }).get(id);
}
