import type { ActorCount, EdgeCount } from "./types";

// One order for both sources, by UTF-16 code units (JavaScript's own comparison), so that a database's
// collation can never make two sources disagree on the same answer.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Edges by from, to, then type. */
export const byEdge = (a: EdgeCount, b: EdgeCount) =>
  cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.type, b.type);

/** Actor counts by id. */
export const byActorId = (a: ActorCount, b: ActorCount) => cmp(a.id, b.id);
