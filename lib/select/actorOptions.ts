import { groupBy } from "../data/indexDataset";
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
  /** Positions of the actors of each kind, in list order. */
  byKind: Map<ActorKind, number[]>;
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
    const byKind = groupBy(
      actors.map((_, i) => i),
      (i) => actors[i]!.kind,
    );
    s = {
      haystack: actors.map(haystackOf),
      nameRank,
      byKind,
    };
    searches.set(actors, s);
  }
  return s;
}

/** Each actor's lower-cased name, short name and id, by place in the list: what the picker's search reads. */
export function actorHaystacks(actors: readonly Actor[]): readonly string[] {
  return searchOf(actors).haystack;
}

/** One actor's searchable text (see {@link actorHaystacks}); DuckDB's source builds the same in SQL. */
const haystackOf = (a: Actor) => `${a.name}\u0000${a.shortName ?? ""}\u0000${a.id}`.toLowerCase();

/**
 * The actor picker's options: actors whose name, short name or id contains `query`, grouped by kind in
 * {@link ACTOR_KIND_ORDER}, each group the `limit` actors with the most records (ties by name) and a count of
 * the rest. `counts` is by position in `actors` (the dataset's actor list). One pass keeping the best
 * `limit` per group, so a large dataset's actors cost a scan, not a sort.
 */
export function actorOptions(
  actors: readonly Actor[],
  counts: ActorCounts,
  query: string,
  limit: number,
): ActorOptionGroup[] {
  const { haystack, nameRank, byKind } = searchOf(actors);
  const q = query.trim().toLowerCase();
  // i before j: more records, then name order.
  const before = (i: number, ci: number, j: number, cj: number) =>
    ci > cj || (ci === cj && nameRank[i]! < nameRank[j]!);
  const out: ActorOptionGroup[] = [];
  for (const kind of ACTOR_KIND_ORDER) {
    const top: number[] = [];
    const count = new Int32Array(limit);
    let matched = 0;
    for (const i of byKind.get(kind) ?? []) {
      if (q !== "" && !haystack[i]!.includes(q)) continue;
      matched++;
      const c = counts.at(i);
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
    if (top.length > 0) out.push({ kind, actors: top.map((i) => actors[i]!), hidden: matched - top.length });
  }
  return out;
}
