import { groupBy, invert, type DatasetIndex } from "../data/indexDataset";
import { dayKey } from "../time";
import type { Quote } from "../model/schema";
import { activeFilters, type NarrowingKey } from "./filterTable";
import { filterRecords, type FilterView } from "./filters";
import { actorName } from "./wording";

/** How the quote panel orders its speaker groups: by the date of each speaker's first quote, or by name. */
export type QuoteSort = "date" | "speaker";

/** One quote of a speaker group. */
export interface QuoteEntry {
  quote: Quote;
  /** True when the quote continues the entry just before it (a quotation the report splits in parts). */
  joined: boolean;
}

/** One speaker's quotes, in date order. */
export interface QuoteGroup {
  /** The speaker's actor id. */
  speaker: string;
  /** The speaker's display name (the sort key of the "speaker" order). */
  name: string;
  /** The earliest date among the group's quotes. */
  first: string;
  entries: QuoteEntry[];
}

const byDate = (a: Quote, b: Quote) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

// Name order by precomputed keys (accents folded, case ignored, digit runs padded so "State 9" < "State 10"):
// a plain string comparison per pair, since Intl.Collator compares afresh on every call and a generated
// dataset sorts tens of thousands of speakers.
const nameKeys = new WeakMap<DatasetIndex, Map<string, string>>();

/** The sort key of a speaker's name, computed once per dataset index and speaker. */
export function nameSortKey(index: DatasetIndex, speaker: string, name: string): string {
  let keys = nameKeys.get(index);
  if (!keys) nameKeys.set(index, (keys = new Map()));
  let key = keys.get(speaker);
  if (key === undefined) {
    key = name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/\d+/g, (d) => d.padStart(12, "0"));
    keys.set(speaker, key);
  }
  return key;
}

/**
 * A speaker's quotes in date order (ties keep dataset order), with each continuation moved right after the
 * part it continues and marked `joined`. Continuations of a quote outside the list stand on their own; a
 * `continues` cycle (a data error) cannot hide a quote: its earliest quote stands as a root.
 */
export function orderSpeakerQuotes(quotes: readonly Quote[]): QuoteEntry[] {
  // Fast paths: most speakers of a large dataset have one quote, and most quotes continue nothing.
  if (quotes.length === 1) return [{ quote: quotes[0]!, joined: false }];
  // Array#sort is stable, so equal dates keep dataset order.
  const sorted = quotes.slice().sort(byDate);
  if (!sorted.some((q) => q.continues)) return sorted.map((quote) => ({ quote, joined: false }));
  const byId = new Map(sorted.map((q) => [q.id, q]));
  const pred = (q: Quote) => (q.continues && q.continues !== q.id ? byId.get(q.continues) : undefined);
  const continuations = new Map<string, Quote[]>();
  for (const q of sorted) {
    const p = pred(q);
    if (!p) continue;
    const list = continuations.get(p.id);
    if (list) list.push(q);
    else continuations.set(p.id, [q]);
  }
  // Whether a quote's chain of predecessors ends at a quote that continues nothing (memoised walk); a chain
  // that loops never does, and its earliest quote then stands as a root.
  const anchored = new Map<string, boolean>();
  const reachesRoot = (q: Quote): boolean => {
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: Quote | undefined = q;
    let result = true;
    while (cur) {
      const known = anchored.get(cur.id);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (onPath.has(cur.id)) {
        result = false;
        break;
      }
      onPath.add(cur.id);
      path.push(cur.id);
      cur = pred(cur);
    }
    for (const id of path) anchored.set(id, result);
    return result;
  };
  const out: QuoteEntry[] = [];
  const done = new Set<string>();
  const emit = (start: Quote) => {
    // Iterative walk: a long chain must not grow the call stack.
    const stack: { quote: Quote; joined: boolean }[] = [{ quote: start, joined: false }];
    while (stack.length > 0) {
      const { quote, joined } = stack.pop()!;
      if (done.has(quote.id)) continue;
      done.add(quote.id);
      out.push({ quote, joined });
      const next = continuations.get(quote.id);
      if (next) for (let k = next.length - 1; k >= 0; k--) stack.push({ quote: next[k]!, joined: true });
    }
  };
  // Roots in date order, each followed by its continuations.
  for (const q of sorted) if (!done.has(q.id) && (!pred(q) || !reachesRoot(q))) emit(q);
  for (const q of sorted) if (!done.has(q.id)) emit(q);
  return out;
}

/** Every speaker's quotes, once per dataset: what {@link groupQuotesBySpeaker} narrows to the quotes shown. */
interface SpeakerTable {
  /**
   * Speakers in name order (the "speaker" sort), each with every quote as ordered entries, and positions: of
   * those entries' quotes when no quote of the speaker continues another, else of its quotes in dataset order
   * (to order again once some are filtered out).
   */
  speakers: { speaker: string; name: string; entries: QuoteEntry[]; positions: number[]; chained: boolean }[];
  /** Position in `speakers` of each quote's speaker, by the quote's position in `data.quotes`. */
  speakerOf: Int32Array;
  /** Each quote's date as a number that sorts like the ISO string ({@link dayKey}). */
  day: Int32Array;
  /** Position of each quote record in `data.quotes`. */
  position: ReadonlyMap<Quote, number>;
  /** The groups of every quote, per order, once asked for. */
  all: Partial<Record<QuoteSort, QuoteGroup[]>>;
}

const tables = new WeakMap<DatasetIndex, SpeakerTable>();

function speakerTable(index: DatasetIndex): SpeakerTable {
  let table = tables.get(index);
  if (table) return table;
  const quotes = index.data.quotes;
  const n = quotes.length;
  // Each quote's speaker as a number (its actor's position; an id that names no actor after them), then
  // the quotes of each speaker in dataset order by a counting sort: at 100,000 events grouping by the
  // speakers' ids in a map of lists cost the first render a tenth of a second.
  const actorCount = index.data.actors.length;
  const unknown = new Map<string, number>();
  const speakerKey = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = quotes[i]!.speaker;
    let k = index.actorIndex.get(id);
    if (k === undefined) {
      k = unknown.get(id);
      if (k === undefined) unknown.set(id, (k = actorCount + unknown.size));
    }
    speakerKey[i] = k;
  }
  const keyCount = actorCount + unknown.size;
  // One speaker per quote: quote i's key is `speakerKey[i]`.
  const { start, records: byKey } = invert(
    keyCount,
    Int32Array.from({ length: n + 1 }, (_, i) => i),
    speakerKey,
  );
  const unknownIds = [...unknown.keys()];
  const keyed: { k: number; speaker: string; name: string; key: string }[] = [];
  for (let k = 0; k < keyCount; k++) {
    if (start[k] === start[k + 1]) continue;
    const speaker = k < actorCount ? index.data.actors[k]!.id : unknownIds[k - actorCount]!;
    const name = actorName(index, speaker);
    keyed.push({ k, speaker, name, key: `${nameSortKey(index, speaker, name)}\u0000${speaker}` });
  }
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rank = new Int32Array(keyCount);
  keyed.forEach(({ k }, r) => (rank[k] = r));
  const speakerOf = new Int32Array(n);
  for (let i = 0; i < n; i++) speakerOf[i] = rank[speakerKey[i]!]!;
  table = {
    speakers: keyed.map(({ k, speaker, name }) => {
      const at = byKey.subarray(start[k]!, start[k + 1]!);
      if (at.length === 1) {
        const quote = quotes[at[0]!]!;
        return {
          speaker,
          name,
          entries: [{ quote, joined: false }],
          positions: [at[0]!],
          chained: !!quote.continues,
        };
      }
      const list = Array.from(at, (i) => quotes[i]!);
      const entries = orderSpeakerQuotes(list);
      const chained = list.some((q) => q.continues);
      // Positions of the entries' quotes: the list's own, in the entries' order.
      const positionOf = new Map(list.map((q, j) => [q, at[j]!]));
      const positions = chained ? [...at] : entries.map((e) => positionOf.get(e.quote)!);
      return { speaker, name, entries, positions, chained };
    }),
    speakerOf,
    day: Int32Array.from(quotes, (q) => dayKey(q.date)),
    get position() {
      return positionOfQuote(index);
    },
    all: {},
  };
  tables.set(index, table);
  return table;
}

const quotePositions = new WeakMap<DatasetIndex, ReadonlyMap<Quote, number>>();

/** Position of each quote record in `data.quotes`, built when first asked (a caller without positions). */
function positionOfQuote(index: DatasetIndex): ReadonlyMap<Quote, number> {
  let position = quotePositions.get(index);
  if (!position) quotePositions.set(index, (position = new Map(index.data.quotes.map((q, i) => [q, i]))));
  return position;
}

/**
 * Groups quotes by speaker, each group in date order, and orders the groups by the date of their first
 * quote (then name) or by speaker name (then id). The speakers and their ordered quotes are worked out once
 * per dataset; a call marks the quotes given and keeps, per speaker, the entries among them, so a filter
 * change costs a pass over the quotes and one numeric sort of the speakers shown. `positions`, when known
 * (a {@link VisibleRecords}' own), saves looking each quote up.
 */
export function groupQuotesBySpeaker(
  index: DatasetIndex,
  quotes: readonly Quote[],
  sort: QuoteSort = "date",
  positions?: Int32Array,
): QuoteGroup[] {
  const table = speakerTable(index);
  let at = positions;
  if (!at || at.length !== quotes.length) {
    at = new Int32Array(quotes.length);
    for (let k = 0; k < quotes.length; k++) {
      const i = table.position.get(quotes[k]!);
      // Quotes that are not this dataset's records (a caller's own objects) take the plain path.
      if (i === undefined) return groupQuotesPlain(index, quotes, sort);
      at[k] = i;
    }
  }
  // Every quote shown (the default view, a reset): the same groups every time.
  const everything = at.length === index.data.quotes.length;
  if (everything && table.all[sort]) return table.all[sort];
  const shown = new Uint8Array(index.data.quotes.length);
  const first = new Int32Array(table.speakers.length).fill(-1);
  for (const i of at) {
    shown[i] = 1;
    const g = table.speakerOf[i]!;
    if (first[g] === -1 || table.day[i]! < table.day[first[g]!]!) first[g] = i;
  }
  const order: number[] = [];
  for (let g = 0; g < first.length; g++) if (first[g] !== -1) order.push(g);
  if (sort === "date") {
    // Key = day of the first quote, then name rank: one number per speaker, sorted numerically.
    const keys = new Float64Array(order.length);
    const scale = table.speakers.length;
    order.forEach((g, k) => (keys[k] = table.day[first[g]!]! * scale + g));
    keys.sort();
    for (let k = 0; k < keys.length; k++) order[k] = keys[k]! % scale;
  }
  const groups = order.map((g) => {
    const s = table.speakers[g]!;
    let entries = s.entries;
    if (s.chained)
      entries = orderSpeakerQuotes(
        s.positions.filter((i) => shown[i] === 1).map((i) => index.data.quotes[i]!),
      );
    else if (s.entries.length > 1) entries = s.entries.filter((_, k) => shown[s.positions[k]!] === 1);
    return { speaker: s.speaker, name: s.name, first: index.data.quotes[first[g]!]!.date, entries };
  });
  if (everything) table.all[sort] = groups;
  return groups;
}

/** {@link groupQuotesBySpeaker} from scratch, for quotes that are not records of the index's dataset. */
function groupQuotesPlain(index: DatasetIndex, quotes: readonly Quote[], sort: QuoteSort): QuoteGroup[] {
  const keyed: { group: QuoteGroup; key: string }[] = [];
  for (const [speaker, list] of groupBy(quotes, (q) => q.speaker)) {
    let first = list[0]!.date;
    for (const q of list) if (q.date < first) first = q.date;
    const name = actorName(index, speaker);
    keyed.push({
      group: { speaker, name, first, entries: orderSpeakerQuotes(list) },
      key: `${nameSortKey(index, speaker, name)}\u0000${speaker}`,
    });
  }
  const byName = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  keyed.sort(
    sort === "speaker"
      ? byName
      : (a, b) => (a.group.first < b.group.first ? -1 : a.group.first > b.group.first ? 1 : byName(a, b)),
  );
  return keyed.map((k) => k.group);
}

/** Up to two initials of a name for the speaker badge: "Sergey Lavrov" → "SL", "Iran" → "IR". */
export function speakerInitials(name: string): string {
  const words = name
    // Asides such as "(unnamed)" are not part of the name.
    .replace(/\([^)]*\)/g, " ")
    .split(/[\s\-–—]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((w) => w.length > 0 && !/^(of|the|and|for|de|al)$/i.test(w));
  if (words.length === 0) return "?";
  if (words.length === 1) return [...words[0]!].slice(0, 2).join("").toUpperCase();
  return `${[...words[0]!][0]}${[...words[words.length - 1]!][0]}`.toUpperCase();
}

/** An active filter and how many quotes would show with it removed (the rest kept). */
export interface FilterRelief {
  key: NarrowingKey;
  /** Quotes shown once this filter alone is removed. */
  quotes: number;
}

/**
 * For an empty quote list: every active filter with the number of quotes removing it alone would bring
 * back, so the panel can say which filters emptied it. One filter pass per active filter (at most five).
 */
export function quoteFilterRelief(index: DatasetIndex, view: FilterView): FilterRelief[] {
  return activeFilters(view).map((row) => {
    const loosened: FilterView = { ...view, [row.key]: row.cleared };
    return { key: row.key, quotes: filterRecords(index, loosened).quotes.length };
  });
}

// ---- Windowing: long lists render only the rows near the viewport. ----

/** Above this many quotes the panel renders only the rows near the viewport. */
export const WINDOW_THRESHOLD = 200;

/**
 * Where each group's rows start in the flattened list (a header row, then one row per quote):
 * `starts[g]` is group g's header row, `starts[groups.length]` the number of rows. Numbers only, so a list
 * of any length costs one small typed array, not an object per row.
 */
export function groupRowStarts(groups: readonly QuoteGroup[]): Int32Array {
  const starts = new Int32Array(groups.length + 1);
  for (let g = 0; g < groups.length; g++) starts[g + 1] = starts[g]! + 1 + groups[g]!.entries.length;
  return starts;
}

/** The group and entry a row draws; entry -1 is the group's header. */
export function rowOf(starts: Int32Array, row: number): { group: number; entry: number } {
  const group = rowAt(starts, row);
  return { group, entry: row - starts[group]! - 1 };
}

/** The row index of a group's entry; entry -1 is the group's header. */
export function rowIndex(starts: Int32Array, group: number, entry: number): number {
  return starts[group]! + 1 + entry;
}

/** Running offsets of rows: `offsets[i]` is the top of row i, `offsets[n]` the total height. */
export function prefixOffsets(heights: ArrayLike<number>): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + Math.max(0, heights[i]!);
  return offsets;
}

/**
 * The row under a vertical offset (binary search over running offsets): the last row whose top is at or
 * above `y`. Over `groupRowStarts` it finds the group of a row the same way.
 */
export function rowAt(offsets: ArrayLike<number>, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The half-open range [start, end) of rows to render for a scroll position: every row that overlaps
 * the viewport widened by `overscan` pixels on both sides. Empty lists give {0, 0}.
 */
export function visibleRange(
  offsets: Float64Array,
  scrollTop: number,
  viewport: number,
  overscan = 0,
): { start: number; end: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop - overscan);
  const bottom = scrollTop + Math.max(0, viewport) + overscan;
  const start = rowAt(offsets, top);
  let end = rowAt(offsets, bottom) + 1;
  // A row that starts exactly at the bottom edge is not on screen.
  if (end - 1 > start && offsets[end - 1]! >= bottom) end -= 1;
  return { start, end: Math.min(n, end) };
}
