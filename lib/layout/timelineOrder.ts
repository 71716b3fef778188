import { dayKey } from "../time";
import type { TimelineEventInput } from "./timelineMarks";

/** Most events {@link timeOrder} packs into one sortable number each (index bits of the packed key). */
const PACK = 2 ** 21;

/**
 * Event ids in time order (ties keep input order), or only the first `limit` of them. Date key and index are
 * packed into one float and sorted as a typed array: a native numeric sort, several times faster than a
 * comparator on 100,000 events; with a limit, one pass keeps the smallest keys in a short sorted list.
 */
export function timeOrder(events: readonly TimelineEventInput[], limit = Infinity): string[] {
  const n = events.length;
  if (n >= PACK) {
    const keyed = events.map((e, i) => ({ id: e.id, t: dayKey(e.date), i }));
    keyed.sort((a, b) => a.t - b.t || a.i - b.i);
    return keyed.slice(0, limit).map((k) => k.id);
  }
  let packed: Float64Array;
  if (limit < n) {
    packed = new Float64Array(limit);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const key = dayKey(events[i]!.date) * PACK + i;
      if (kept === limit && key >= packed[limit - 1]!) continue;
      let at = Math.min(kept, limit - 1);
      while (at > 0 && packed[at - 1]! > key) {
        packed[at] = packed[at - 1]!;
        at--;
      }
      packed[at] = key;
      if (kept < limit) kept++;
    }
  } else {
    packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = dayKey(events[i]!.date) * PACK + i;
    packed.sort();
  }
  const out = new Array<string>(packed.length);
  for (let k = 0; k < packed.length; k++) out[k] = events[packed[k]! % PACK]!.id;
  return out;
}
