import { z } from "zod";
import { DATE_RANGE, datasetSchema, type DatasetFile, type DatePrecision } from "../model/schema";
import { DatasetError } from "./DatasetError";

/** Singular record names used in messages, by collection. */
export const RECORD_NAME = {
  sources: "source",
  actors: "actor",
  episodes: "episode",
  events: "event",
  stances: "stance",
  quotes: "quote",
  claims: "claim",
} as const;

/** The seven collections of a dataset file. */
export type Collection = keyof typeof RECORD_NAME;

/** At most this many problems are collected (the message lists the first 20 and counts the rest). */
export const MAX_PROBLEMS = 200;

/** The collections in file order. */
export const COLLECTIONS = Object.keys(RECORD_NAME) as Collection[];

/**
 * One problem of a dataset, located: the collection and the record's index in it (both null for a problem of
 * the file's outline), the record's id where it has one, the field at fault, and the reason.
 */
export interface RecordProblem {
  collection: Collection | null;
  index: number | null;
  id: string | null;
  /** The field at fault ("from", "targets[0]"); null when the whole record is at fault. */
  field: string | null;
  /** What is wrong, without the record's name: `unknown actor "rusia" in "from"`. */
  reason: string;
  /** The line {@link validateDataset} reports (without the file): `stance "x": unknown actor "rusia" in "from"`. */
  text: string;
  /** For a duplicate id rejected by the lenient check: the index of the record with that id that is kept. */
  duplicateOf?: number;
}

/** What {@link checkRecords} found. */
export interface CheckResult {
  /**
   * Strict: every record that passed its schema. Lenient: every record that passed its schema and every
   * integrity check, and whose references all resolve to such records.
   */
  data: DatasetFile;
  /** Strict: the first {@link MAX_PROBLEMS} problems. Lenient: all of them. In the order found. */
  problems: RecordProblem[];
  /** How many problems there were (more than `problems.length` when the strict cap cut the list). */
  total: number;
  /** For each collection, the index in the raw file of each record of `data` (same order). */
  kept: Record<Collection, number[]>;
  /** Lenient: for each collection, the indexes of the raw records that were rejected. */
  rejected: Record<Collection, Set<number>>;
}

export interface CheckOptions {
  /**
   * Drop what is broken instead of only reporting it: a record that fails its schema, repeats an earlier
   * record's id, has a bad date, or points to a record that is unknown or itself dropped is left out of
   * `data`, with a problem saying why. References resolve against the records kept, so a drop cascades.
   */
  lenient?: boolean;
}

/** Problems in the order found: the first `cap` kept, all of them counted. */
class Problems {
  readonly list: RecordProblem[] = [];
  total = 0;
  constructor(private readonly cap: number) {}
  add(problem: RecordProblem | (() => RecordProblem)) {
    this.total++;
    if (this.list.length < this.cap) this.list.push(typeof problem === "function" ? problem() : problem);
  }
}

/** The file's outline: an object with the seven collections, each an array, and nothing else. */
const outlineSchema = z.strictObject(
  Object.fromEntries(COLLECTIONS.map((c) => [c, z.array(z.unknown())])) as Record<
    Collection,
    z.ZodArray<z.ZodUnknown>
  >,
);

/** The records of a collection as the file has them (none when the collection is missing or not an array). */
function rawRecords(raw: unknown, collection: Collection): readonly unknown[] {
  const value = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>)[collection] : null;
  return Array.isArray(value) ? value : [];
}

/** The `id` of a raw record, if it has a string one. */
function rawId(record: unknown): string | undefined {
  const id = record !== null && typeof record === "object" ? (record as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}

/** A problem of a record, with its strict line `<record> "<id>": <reason>` (or `#<index>` without an id). */
function recordProblem(
  collection: Collection,
  index: number,
  id: string | null,
  field: string | null,
  reason: string,
  text?: string,
): RecordProblem {
  const name = `${RECORD_NAME[collection]} ${id !== null ? `"${id}"` : `#${index}`}`;
  return { collection, index, id, field, reason, text: text ?? `${name}: ${reason}` };
}

/**
 * Validates a parsed JSON value against the dataset contract and throws one {@link DatasetError} naming every
 * problem as `<record> "<id>": <what> in "<field>"`, or returns the typed dataset.
 *
 * One pass reports everything, so fixing a file takes one round: each record is checked against its schema
 * on its own, and the referential, uniqueness and date checks then run over every record that passed (ids
 * are taken from the raw records, so a record with a schema error is still known to the records that point
 * to it). At most {@link MAX_PROBLEMS} problems are collected; the message says how many more there were.
 */
export function validateDataset(raw: unknown, file: string): DatasetFile {
  const { data, problems, total } = checkRecords(raw);
  if (total > 0)
    throw new DatasetError(
      file,
      problems.map((p) => p.text),
      total,
    );
  return data;
}

/**
 * The rules of the dataset contract, once, for the build (strict: {@link validateDataset}) and for a file a
 * user opens in the browser (lenient: see {@link CheckOptions.lenient}). Returns the records and every
 * problem, located by collection, index, id and field.
 */
export function checkRecords(raw: unknown, options: CheckOptions = {}): CheckResult {
  const lenient = options.lenient === true;
  const problems = new Problems(lenient ? Infinity : MAX_PROBLEMS);
  const outline = outlineSchema.safeParse(raw);
  if (!outline.success)
    for (const issue of outline.error.issues) problems.add(() => describeIssue(issue, raw));

  const kept = {} as Record<Collection, number[]>;
  const rejected = {} as Record<Collection, Set<number>>;
  const parse = <C extends Collection>(collection: C): DatasetFile[C] => {
    const schema = datasetSchema.shape[collection].element as unknown as z.ZodType<DatasetFile[C][number]>;
    const records = rawRecords(raw, collection);
    const ok: DatasetFile[C][number][] = [];
    const indexes: number[] = [];
    const dropped = new Set<number>();
    for (let i = 0; i < records.length; i++) {
      const result = schema.safeParse(records[i]);
      if (result.success) {
        ok.push(result.data);
        indexes.push(i);
      } else {
        dropped.add(i);
        for (const issue of result.error.issues)
          problems.add(() => describeIssue({ ...issue, path: [collection, i, ...issue.path] }, raw));
      }
    }
    kept[collection] = indexes;
    rejected[collection] = dropped;
    return ok as DatasetFile[C];
  };
  const data: DatasetFile = {
    sources: parse("sources"),
    actors: parse("actors"),
    episodes: parse("episodes"),
    events: parse("events"),
    stances: parse("stances"),
    quotes: parse("quotes"),
    claims: parse("claims"),
  };
  if (lenient) return resolveLeniently(raw, data, kept, rejected, problems);
  checkIntegrity(raw, data, kept, problems);
  return { data, problems: problems.list, total: problems.total, kept, rejected };
}

/** Turns a zod issue into `stance "x": "from" must be …`, naming the record by its id where it has one. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): RecordProblem {
  const [collection, index, ...field] = issue.path;
  if (typeof collection === "string" && collection in RECORD_NAME && typeof index === "number") {
    const record = (raw as Record<string, unknown[]>)[collection]?.[index];
    const id = rawId(record) ?? null;
    const name = field.length > 0 ? field.map(String).join(".") : null;
    const where = name !== null ? `"${name}"` : "the record";
    return recordProblem(collection as Collection, index, id, name, `${where} ${issue.message}`);
  }
  const where = issue.path.length > 0 ? `"${issue.path.join(".")}"` : "the file";
  const text = `${where}: ${issue.message}`;
  const at = issue.path.length > 0 ? issue.path.join(".") : null;
  return { collection: null, index: null, id: null, field: at, reason: text, text };
}

/** True when the ISO string names a real calendar day (rejects 2024-02-30). */
export function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function dateProblem(date: string, precision: DatePrecision): string | null {
  if (!isRealDate(date)) return `invalid date "${date}"`;
  // ISO dates with four-digit years order as strings.
  if (date < DATE_RANGE.min || date > DATE_RANGE.max)
    return `date "${date}" is outside the supported range ${DATE_RANGE.min} – ${DATE_RANGE.max}`;
  if (precision === "month" && !date.endsWith("-01"))
    return `month-precision date "${date}" must fall on day 01`;
  if (precision === "year" && !date.endsWith("-01-01"))
    return `year-precision date "${date}" must be written as YYYY-01-01`;
  return null;
}

/**
 * One check of a record, in the order the strict message lists them: a problem with the record's own fields
 * (a date, an episode ending before it starts), a reference to another record, or an event's date against
 * its episode's span (which needs the episode).
 */
type Check =
  | { type: "own"; field: string | null; reason: string }
  | { type: "ref"; kind: Collection; value: string; field: string }
  | { type: "span"; episode: string };

type AnyRecord = DatasetFile[Collection][number];

/** The checks of one record that passed its schema (every rule of the contract but ids and cycles). */
function recordChecks(collection: Collection, record: AnyRecord): Check[] {
  const checks: Check[] = [];
  const dated = (date: string, precision: DatePrecision, field = "date") => {
    const p = dateProblem(date, precision);
    if (p) checks.push({ type: "own", field, reason: `${p} in "${field}"` });
  };
  const ref = (kind: Collection, value: string | null | undefined, field: string) => {
    if (value != null) checks.push({ type: "ref", kind, value, field });
  };
  switch (collection) {
    case "sources": {
      const s = record as DatasetFile["sources"][number];
      dated(s.published, s.datePrecision, "published");
      break;
    }
    case "actors": {
      const a = record as DatasetFile["actors"][number];
      ref("actors", a.affiliation, "affiliation");
      if (a.affiliation === a.id)
        checks.push({
          type: "own",
          field: "affiliation",
          reason: `an actor cannot be its own "affiliation"`,
        });
      break;
    }
    case "episodes": {
      const e = record as DatasetFile["episodes"][number];
      dated(e.start, "day", "start");
      dated(e.end, "day", "end");
      if (e.end < e.start)
        checks.push({ type: "own", field: "end", reason: `"end" ${e.end} is before "start" ${e.start}` });
      break;
    }
    case "events": {
      const e = record as DatasetFile["events"][number];
      dated(e.date, e.datePrecision);
      e.actors.forEach((a, i) => ref("actors", a, `actors[${i}]`));
      e.targets.forEach((a, i) => ref("actors", a, `targets[${i}]`));
      ref("episodes", e.episode, "episode");
      ref("sources", e.sourceId, "sourceId");
      if (e.episode) checks.push({ type: "span", episode: e.episode });
      break;
    }
    case "stances": {
      const s = record as DatasetFile["stances"][number];
      dated(s.date, s.datePrecision);
      ref("actors", s.from, "from");
      ref("actors", s.to, "to");
      ref("events", s.eventId, "eventId");
      ref("sources", s.sourceId, "sourceId");
      break;
    }
    case "quotes": {
      const q = record as DatasetFile["quotes"][number];
      dated(q.date, q.datePrecision);
      ref("actors", q.speaker, "speaker");
      ref("sources", q.sourceId, "sourceId");
      ref("events", q.eventId, "eventId");
      ref("claims", q.claimId, "claimId");
      ref("quotes", q.continues, "continues");
      break;
    }
    case "claims": {
      const c = record as DatasetFile["claims"][number];
      dated(c.date, c.datePrecision);
      ref("actors", c.claimant, "claimant");
      ref("actors", c.reviewer, "reviewer");
      ref("sources", c.sourceId, "sourceId");
      break;
    }
  }
  return checks;
}

/** The problem of an event whose date falls outside its episode, or null. */
function spanReason(
  event: DatasetFile["events"][number],
  episode: DatasetFile["episodes"][number] | undefined,
): string | null {
  if (episode && (event.date < episode.start || event.date > episode.end))
    return `"date" ${event.date} falls outside episode "${episode.id}" (${episode.start} – ${episode.end})`;
  return null;
}

/** The strict order of the record checks (the order of the messages): sources, actors, cycles, episodes, … */
const STRICT_ORDER: Collection[] = ["sources", "actors", "episodes", "events", "stances", "quotes", "claims"];

/**
 * Referential integrity, uniqueness, affiliation cycles and date checks that a schema alone cannot express.
 * Ids (what references resolve against, and the duplicate check) come from the raw records; the checks of a
 * record's own fields run on `data`, the records that passed the schema.
 */
function checkIntegrity(
  raw: unknown,
  data: DatasetFile,
  kept: Record<Collection, number[]>,
  problems: Problems,
): void {
  const ids = {} as Record<Collection, Set<string>>;
  for (const collection of COLLECTIONS) {
    const seen = new Set<string>();
    rawRecords(raw, collection).forEach((record, i) => {
      const id = rawId(record);
      if (id === undefined) return;
      if (seen.has(id)) problems.add(recordProblem(collection, i, id, "id", `duplicate id in "id"`));
      seen.add(id);
    });
    ids[collection] = seen;
  }
  const episodes = new Map(data.episodes.map((e) => [e.id, e]));
  for (const collection of STRICT_ORDER) {
    const records = data[collection] as readonly AnyRecord[];
    records.forEach((record, n) => {
      const index = kept[collection][n]!;
      for (const check of recordChecks(collection, record)) {
        if (check.type === "own")
          problems.add(recordProblem(collection, index, record.id, check.field, check.reason));
        else if (check.type === "ref") {
          if (!ids[check.kind].has(check.value))
            problems.add(
              recordProblem(
                collection,
                index,
                record.id,
                check.field,
                `unknown ${RECORD_NAME[check.kind]} "${check.value}" in "${check.field}"`,
              ),
            );
        } else {
          const reason = spanReason(record as DatasetFile["events"][number], episodes.get(check.episode));
          if (reason) problems.add(recordProblem(collection, index, record.id, "date", reason));
        }
      }
    });
    if (collection === "actors")
      for (const cycle of affiliationCycles(data.actors)) {
        const n = data.actors.findIndex((a) => a.id === cycle.id);
        problems.add(recordProblem("actors", kept.actors[n]!, cycle.id, "affiliation", cycle.reason));
      }
  }
}

/** The order the lenient check resolves collections in: every collection after the ones it points to. */
const LENIENT_ORDER: Collection[] = [
  "sources",
  "episodes",
  "actors",
  "events",
  "claims",
  "stances",
  "quotes",
];

/**
 * The lenient check: keeps the first record of each id and drops later ones, drops every record that breaks a
 * rule of its own, then resolves references against the records kept, collection by collection (each after
 * the ones it points to), so that dropping a record drops what points to it, with a reason saying so.
 * Linear in the number of records and references.
 */
function resolveLeniently(
  raw: unknown,
  parsed: DatasetFile,
  parsedIndex: Record<Collection, number[]>,
  rejected: Record<Collection, Set<number>>,
  problems: Problems,
): CheckResult {
  /** Every id the raw file has per collection (so a reference to a dropped record says it was dropped). */
  const rawIds = {} as Record<Collection, Set<string>>;
  for (const collection of COLLECTIONS) {
    const set = new Set<string>();
    for (const record of rawRecords(raw, collection)) {
      const id = rawId(record);
      if (id !== undefined) set.add(id);
    }
    rawIds[collection] = set;
  }
  /** The ids kept so far, per collection: what references resolve against. */
  const valid = {} as Record<Collection, Map<string, AnyRecord>>;
  const suggest = suggester(valid);
  const data = {} as Record<Collection, AnyRecord[]>;
  const kept = {} as Record<Collection, number[]>;

  const refReason = (kind: Collection, value: string, field: string): string => {
    const name = RECORD_NAME[kind];
    if (rawIds[kind].has(value)) return `${name} "${value}" in "${field}" was rejected`;
    const guess = suggest(kind, value);
    return `unknown ${name} "${value}" in "${field}"${guess ? `; did you mean "${guess}"?` : ""}`;
  };

  for (const collection of LENIENT_ORDER) {
    const records = parsed[collection] as readonly AnyRecord[];
    const indexes = parsedIndex[collection];
    const drop = rejected[collection];
    const first = new Map<string, number>();
    /** Per record (by position in `records`): alive, and its references into its own collection. */
    const alive = new Array<boolean>(records.length).fill(true);
    const selfRefs: { n: number; value: string; field: string }[] = [];
    const reject = (n: number, field: string | null, reason: string, duplicateOf?: number) => {
      const p = recordProblem(collection, indexes[n]!, records[n]!.id, field, reason);
      if (duplicateOf !== undefined) p.duplicateOf = duplicateOf;
      problems.add(p);
      if (alive[n]) {
        alive[n] = false;
        drop.add(indexes[n]!);
      }
    };
    records.forEach((record, n) => {
      const seen = first.get(record.id);
      if (seen !== undefined) {
        reject(n, "id", `duplicate id "${record.id}" in "id"`, seen);
        return;
      }
      first.set(record.id, indexes[n]!);
      for (const check of recordChecks(collection, record)) {
        if (check.type === "own") reject(n, check.field, check.reason);
        else if (check.type === "ref") {
          if (check.kind === collection) selfRefs.push({ n, value: check.value, field: check.field });
          else if (!valid[check.kind].has(check.value))
            reject(n, check.field, refReason(check.kind, check.value, check.field));
        } else {
          const episode = valid.episodes.get(check.episode) as DatasetFile["episodes"][number] | undefined;
          const reason = spanReason(record as DatasetFile["events"][number], episode);
          if (reason) reject(n, "date", reason);
        }
      }
    });

    // References inside the collection (an actor's affiliation, a quote's `continues`): a worklist drops
    // what points to a dropped record, and what points to that, once each.
    if (collection === "actors") {
      const living = (records as DatasetFile["actors"]).filter((_, n) => alive[n]);
      for (const cycle of affiliationCycles(living)) {
        const n = records.findIndex((a, k) => alive[k] && a.id === cycle.id);
        if (n >= 0) reject(n, "affiliation", cycle.reason);
      }
    }
    const byId = new Map<string, number>();
    records.forEach((r, n) => {
      if (alive[n]) byId.set(r.id, n);
    });
    // What a reference inside the collection resolves against (and is suggested from), for now.
    valid[collection] = new Map([...byId].map(([id, n]) => [id, records[n]!]));
    const dependents = new Map<string, { n: number; field: string }[]>();
    const queue: string[] = [];
    for (const { n, value, field } of selfRefs) {
      if (!alive[n]) continue;
      if (!byId.has(value)) {
        reject(n, field, refReason(collection, value, field));
        queue.push(records[n]!.id);
      } else {
        let list = dependents.get(value);
        if (!list) dependents.set(value, (list = []));
        list.push({ n, field });
      }
    }
    records.forEach((r, n) => {
      if (!alive[n] && byId.get(r.id) === undefined) queue.push(r.id);
    });
    for (let q = 0; q < queue.length; q++) {
      const gone = queue[q]!;
      for (const { n, field } of dependents.get(gone) ?? []) {
        if (!alive[n]) continue;
        reject(n, field, `${RECORD_NAME[collection]} "${gone}" in "${field}" was rejected`);
        queue.push(records[n]!.id);
      }
    }

    const map = new Map<string, AnyRecord>();
    const out: AnyRecord[] = [];
    const outIndex: number[] = [];
    records.forEach((r, n) => {
      if (!alive[n]) return;
      map.set(r.id, r);
      out.push(r);
      outIndex.push(indexes[n]!);
    });
    valid[collection] = map;
    data[collection] = out;
    kept[collection] = outIndex;
  }
  return {
    data: data as unknown as DatasetFile,
    problems: problems.list,
    total: problems.total,
    kept,
    rejected,
  };
}

/** At most this many edit-distance comparisons in one check, so that a huge file of typos stays linear. */
const SUGGESTION_BUDGET = 2_000_000;

/**
 * "Did you mean": the kept id of the collection closest to an unknown one, by edit distance (at most 2, and
 * less than half the id's length), or null. Each unknown id is looked up once.
 */
function suggester(valid: Record<Collection, Map<string, AnyRecord>>) {
  const cache = new Map<string, string | null>();
  let budget = SUGGESTION_BUDGET;
  return (kind: Collection, value: string): string | null => {
    const key = `${kind}\u0000${value}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const max = Math.min(2, Math.ceil(value.length / 2) - 1);
    let best: string | null = null;
    let bestDistance = max + 1;
    if (max > 0)
      for (const id of valid[kind].keys()) {
        if (budget-- <= 0) break;
        if (Math.abs(id.length - value.length) >= bestDistance) continue;
        const d = editDistance(value, id, bestDistance - 1);
        if (d < bestDistance) {
          best = id;
          bestDistance = d;
        }
      }
    cache.set(key, best);
    return best;
  };
}

/** Levenshtein distance between `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (curr[j]! < rowMin) rowMin = curr[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/**
 * Affiliation cycles longer than one (a → b → a; an actor affiliated to itself has its own message), each
 * reported once, on the actor where the walk entered it. Linear: every actor is walked through once.
 */
function affiliationCycles(actors: DatasetFile["actors"]): { id: string; reason: string }[] {
  const found: { id: string; reason: string }[] = [];
  const affiliation = new Map<string, string>();
  for (const a of actors) if (a.affiliation && a.affiliation !== a.id) affiliation.set(a.id, a.affiliation);
  // 1: on the walk in progress; 2: done (its chain ends, or its cycle has been reported).
  const state = new Map<string, 1 | 2>();
  for (const actor of actors) {
    const walk: string[] = [];
    let id: string | undefined = actor.id;
    while (id !== undefined && !state.has(id)) {
      state.set(id, 1);
      walk.push(id);
      id = affiliation.get(id);
    }
    if (id !== undefined && state.get(id) === 1) {
      const cycle = walk.slice(walk.indexOf(id));
      found.push({ id, reason: `affiliation cycle ${[...cycle, id].join(" → ")} in "affiliation"` });
    }
    for (const w of walk) state.set(w, 2);
  }
  return found;
}
