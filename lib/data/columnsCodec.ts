import type { DatasetFile } from "../model/schema";
import type { DatasetIndex, RecordFactColumns } from "./indexDataset";

/**
 * The part of a dataset's index that costs the browser most to build (each record's year, episode, stance
 * types and actors with their affiliations; every actor's camp), as the server already has it:
 * `indexDataset` takes it instead of computing it (issue 21: at 100,000 events it was a second of the first
 * render) and derives the posting lists from it, which takes milliseconds and would double the download.
 */
export interface PrecomputedIndex {
  columns: { events: RecordFactColumns; stances: RecordFactColumns; quotes: RecordFactColumns };
  /** Actor i's camp (the last actor of its affiliation chain), as an index in `data.actors`. */
  camp: Int32Array;
}

/** What the server sends of an index it built: its columns and each actor's camp as an actor index. */
export function precomputedOf(index: DatasetIndex): PrecomputedIndex {
  return { columns: index.columns, camp: index.camp };
}

const MAGIC = 0x31434153; // "SAC1", little-endian: Stance Atlas columns, format 1
const KINDS = ["events", "stances", "quotes"] as const;
/** Per kind, in this order; `actorStart` travels as each record's count of actors, which compresses well. */
const FIELDS = [
  "year",
  "episode",
  "typeBits",
  "actorStart",
  "actors",
] as const satisfies readonly (keyof RecordFactColumns)[];

/** The format's version, part of the route's entity tag: a new layout is never taken for an old one. */
export const COLUMNS_FORMAT = 1;

/**
 * The columns as bytes: a header of Int32 words (magic, the counts of actors, episodes, events, stances and
 * quotes, then each array's length) followed by the arrays, Int32 little-endian, in the order of the header:
 * per kind {@link FIELDS} (`actorStart` as counts), then the camps.
 */
export function encodeColumns(data: DatasetFile, pre: PrecomputedIndex): Uint8Array {
  const arrays: Int32Array[] = [];
  for (const kind of KINDS)
    for (const field of FIELDS) {
      const values = pre.columns[kind][field];
      arrays.push(field === "actorStart" ? differences(values) : values);
    }
  arrays.push(pre.camp);
  const header = Int32Array.from([
    MAGIC,
    data.actors.length,
    data.episodes.length,
    data.events.length,
    data.stances.length,
    data.quotes.length,
    ...arrays.map((a) => a.length),
  ]);
  const words = header.length + arrays.reduce((n, a) => n + a.length, 0);
  const out = new Int32Array(words);
  out.set(header);
  let at = header.length;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  const bytes = new Uint8Array(out.buffer);
  if (!LITTLE_ENDIAN) for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse();
  return bytes;
}

/** Each offset's distance from the one before: a record's count of actors. */
function differences(start: Int32Array): Int32Array {
  const out = new Int32Array(Math.max(0, start.length - 1));
  for (let i = 0; i < out.length; i++) out[i] = start[i + 1]! - start[i]!;
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/**
 * The columns read back, or null when the bytes are not columns of this dataset: another format, other
 * counts, an array of the wrong length, a list that does not run from 0 to its end, an index out of range.
 * Null is never an error for the user: the browser then builds the columns itself.
 */
export function decodeColumns(buffer: ArrayBuffer, data: DatasetFile): PrecomputedIndex | null {
  if (!LITTLE_ENDIAN || buffer.byteLength % 4 !== 0) return null;
  const words = new Int32Array(buffer);
  const fixed = 6;
  const arrayCount = KINDS.length * FIELDS.length + 1;
  if (words.length < fixed + arrayCount || words[0] !== MAGIC) return null;
  const sizes = [
    data.actors.length,
    data.episodes.length,
    data.events.length,
    data.stances.length,
    data.quotes.length,
  ];
  if (sizes.some((n, k) => words[1 + k] !== n)) return null;
  const [actorCount, episodeCount] = sizes as [number, number];
  let at = fixed + arrayCount;
  const arrays: Int32Array[] = [];
  for (let k = 0; k < arrayCount; k++) {
    const length = words[fixed + k]!;
    if (length < 0 || at + length > words.length) return null;
    arrays.push(words.subarray(at, at + length));
    at += length;
  }
  if (at !== words.length) return null;
  const columns = {} as PrecomputedIndex["columns"];
  for (const [k, kind] of KINDS.entries()) {
    const [year, episode, typeBits, counts, actors] = arrays.slice(
      k * FIELDS.length,
      (k + 1) * FIELDS.length,
    ) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    const n = sizes[2 + k]!;
    if (year.length !== n || episode.length !== n || typeBits.length !== n || counts.length !== n)
      return null;
    if (!inRange(episode, -1, episodeCount) || !inRange(actors, 0, actorCount)) return null;
    const actorStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      if (counts[i]! < 0) return null;
      actorStart[i + 1] = actorStart[i]! + counts[i]!;
    }
    if (actorStart[n] !== actors.length) return null;
    columns[kind] = { year, episode, typeBits, actorStart, actors };
  }
  const camp = arrays[arrayCount - 1]!;
  return camp.length === actorCount && inRange(camp, 0, actorCount) ? { columns, camp } : null;
}

/** Every value in [min, max). */
function inRange(values: Int32Array, min: number, max: number): boolean {
  for (const v of values) if (v < min || v >= max) return false;
  return true;
}
