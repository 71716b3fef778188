import type { Actor, ActorKind } from "../model/schema";
import type { ActorCounts } from "./filters";

/** Display order of the actor picker's groups. */
export const ACTOR_KIND_ORDER: readonly ActorKind[] = ["state", "person", "organization", "media", "group"];

/** One group of the actor picker: the best options of one kind, and how many more match. */
export interface ActorOptionGroup {
  kind: ActorKind;
  actors: Actor[];
  hidden: number;
}

/** Per actor list, once: lower-cased text to search and a name rank for ties (a plain comparison, not a collator). */
interface ActorSearch {
  haystack: string[];
  nameRank: Int32Array;
}
const searches = new WeakMap<readonly Actor[], ActorSearch>();

function searchOf(actors: readonly Actor[]): ActorSearch {
  let s = searches.get(actors);
  if (!s) {
    const keys = actors.map((a) => a.name.toLowerCase());
    const order = actors
      .map((_, i) => i)
      .sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
    const nameRank = new Int32Array(actors.length);
    order.forEach((i, rank) => (nameRank[i] = rank));
    s = {
      haystack: actors.map((a) => `${a.name}\u0000${a.shortName ?? ""}\u0000${a.id}`.toLowerCase()),
      nameRank,
    };
    searches.set(actors, s);
  }
  return s;
}

/**
 * The actor picker's options: actors whose name, short name or id contains `query`, grouped by kind in
 * {@link ACTOR_KIND_ORDER}, each group the `limit` actors with the most records (ties by name) and a count of
 * the rest. `counts` is by position in `actors` (the dataset's actor list). One pass keeping the best `limit` per group, so 100,000 actors cost a scan, not a sort.
 */
export function actorOptions(
  actors: readonly Actor[],
  counts: ActorCounts,
  query: string,
  limit: number,
): ActorOptionGroup[] {
  const { haystack, nameRank } = searchOf(actors);
  const q = query.trim().toLowerCase();
  const best = new Map<ActorKind, { top: number[]; count: Int32Array; matched: number }>();
  // i before j: more records, then name order.
  const before = (i: number, ci: number, j: number, cj: number) =>
    ci > cj || (ci === cj && nameRank[i]! < nameRank[j]!);
  for (let i = 0; i < actors.length; i++) {
    if (q !== "" && !haystack[i]!.includes(q)) continue;
    const kind = actors[i]!.kind;
    let g = best.get(kind);
    if (!g) best.set(kind, (g = { top: [], count: new Int32Array(limit), matched: 0 }));
    g.matched++;
    const c = counts.at(i);
    const { top, count } = g;
    if (top.length === limit && !before(i, c, top[limit - 1]!, count[limit - 1]!)) continue;
    // Insertion into the short kept list; when it is full, the last one gives way.
    let at = Math.min(top.length, limit - 1);
    while (at > 0 && before(i, c, top[at - 1]!, count[at - 1]!)) {
      top[at] = top[at - 1]!;
      count[at] = count[at - 1]!;
      at--;
    }
    top[at] = i;
    count[at] = c;
  }
  const out: ActorOptionGroup[] = [];
  for (const kind of ACTOR_KIND_ORDER) {
    const g = best.get(kind);
    if (g) out.push({ kind, actors: g.top.map((i) => actors[i]!), hidden: g.matched - g.top.length });
  }
  return out;
}
