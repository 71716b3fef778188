import { typeOrder } from "../select/graphEdges";
import type { ActorCount, EdgeCount, Top } from "./types";

/**
 * The `limit` edges with the most stances, ties by the source's, then the target's place in the actor list,
 * then the type's in the vocabulary (lib/source/types.ts `TopRequest`), and how many edges there are.
 */
export function topEdges(
  edges: readonly EdgeCount[],
  actorPlace: ReadonlyMap<string, number>,
  limit: number,
): Top<EdgeCount> {
  const place = (id: string) => actorPlace.get(id) ?? -1;
  const sorted = [...edges].sort(
    (a, b) =>
      b.count - a.count ||
      place(a.from) - place(b.from) ||
      place(a.to) - place(b.to) ||
      (typeOrder.get(a.type) ?? -1) - (typeOrder.get(b.type) ?? -1),
  );
  return { total: edges.length, items: sorted.slice(0, limit) };
}

/**
 * The `limit` actors with the most records, ties by place in the actor list, from counts by place (actors
 * with none left out). One numeric sort of packed keys, so a million actors cost a typed-array sort.
 */
export function topActors(counts: Int32Array, ids: readonly string[], limit: number): ActorCount[] {
  const n = counts.length;
  let max = 0;
  let total = 0;
  for (let i = 0; i < n; i++)
    if (counts[i]! > 0) {
      total++;
      if (counts[i]! > max) max = counts[i]!;
    }
  // Key = (max - count) * n + place: ascending keys are descending counts, then ascending places.
  const keys = new Float64Array(total);
  for (let i = 0, k = 0; i < n; i++) if (counts[i]! > 0) keys[k++] = (max - counts[i]!) * n + i;
  keys.sort();
  const items: ActorCount[] = [];
  for (let k = 0; k < Math.min(limit, total); k++) {
    const i = keys[k]! % n;
    items.push({ id: ids[i]!, count: counts[i]! });
  }
  return items;
}
