import { z } from "zod";
import { DATE_RANGE, datasetSchema, type DatasetFile, type DatePrecision } from "../model/schema";
import { DatasetError } from "./DatasetError";

/** Singular record names used in messages, by collection. */
const RECORD_NAME = {
  sources: "source",
  actors: "actor",
  episodes: "episode",
  events: "event",
  stances: "stance",
  quotes: "quote",
  claims: "claim",
} as const;

type Collection = keyof typeof RECORD_NAME;

/** At most this many problems are collected (the message lists the first 20 and counts the rest). */
export const MAX_PROBLEMS = 200;

/** Problems in the order found: the first {@link MAX_PROBLEMS} kept, all of them counted. */
class Problems {
  readonly list: string[] = [];
  total = 0;
  add(problem: string | (() => string)) {
    this.total++;
    if (this.list.length < MAX_PROBLEMS) this.list.push(typeof problem === "string" ? problem : problem());
  }
}

const COLLECTIONS = Object.keys(RECORD_NAME) as Collection[];

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
  const problems = new Problems();
  const outline = outlineSchema.safeParse(raw);
  if (!outline.success)
    for (const issue of outline.error.issues) problems.add(() => describeIssue(issue, raw));

  const parse = <C extends Collection>(collection: C): DatasetFile[C] => {
    const schema = datasetSchema.shape[collection].element as unknown as z.ZodType<DatasetFile[C][number]>;
    const records = rawRecords(raw, collection);
    const ok: DatasetFile[C][number][] = [];
    for (let i = 0; i < records.length; i++) {
      const result = schema.safeParse(records[i]);
      if (result.success) ok.push(result.data);
      else
        for (const issue of result.error.issues)
          problems.add(() => describeIssue({ ...issue, path: [collection, i, ...issue.path] }, raw));
    }
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
  checkIntegrity(raw, data, problems);
  if (problems.total > 0) throw new DatasetError(file, problems.list, problems.total);
  return data;
}

/** Turns a zod issue into `stance "x": "from" must be …`, naming the record by its id where it has one. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const [collection, index, ...field] = issue.path;
  if (typeof collection === "string" && collection in RECORD_NAME && typeof index === "number") {
    const record = (raw as Record<string, unknown[]>)[collection]?.[index];
    const id =
      record && typeof record === "object" && typeof (record as { id?: unknown }).id === "string"
        ? `"${(record as { id: string }).id}"`
        : `#${index}`;
    const where = field.length > 0 ? `"${field.join(".")}"` : "the record";
    return `${RECORD_NAME[collection as Collection]} ${id}: ${where} ${issue.message}`;
  }
  const where = issue.path.length > 0 ? `"${issue.path.join(".")}"` : "the file";
  return `${where}: ${issue.message}`;
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
 * Referential integrity, uniqueness, affiliation cycles and date checks that a schema alone cannot express.
 * Ids (what references resolve against, and the duplicate check) come from the raw records; the checks of a
 * record's own fields run on `data`, the records that passed the schema.
 */
function checkIntegrity(raw: unknown, data: DatasetFile, problems: Problems): void {
  const ids = {} as Record<Collection, Set<string>>;
  for (const collection of COLLECTIONS) {
    const seen = new Set<string>();
    for (const record of rawRecords(raw, collection)) {
      const id = rawId(record);
      if (id === undefined) continue;
      if (seen.has(id)) problems.add(`${RECORD_NAME[collection]} "${id}": duplicate id in "id"`);
      seen.add(id);
    }
    ids[collection] = seen;
  }

  const ref = (
    collection: Collection,
    recordId: string,
    kind: Collection,
    value: string | null | undefined,
    field: string,
  ) => {
    if (value != null && !ids[kind].has(value))
      problems.add(
        `${RECORD_NAME[collection]} "${recordId}": unknown ${RECORD_NAME[kind]} "${value}" in "${field}"`,
      );
  };
  const dated = (
    collection: Collection,
    recordId: string,
    date: string,
    precision: DatePrecision,
    field = "date",
  ) => {
    const p = dateProblem(date, precision);
    if (p) problems.add(`${RECORD_NAME[collection]} "${recordId}": ${p} in "${field}"`);
  };

  for (const s of data.sources) dated("sources", s.id, s.published, s.datePrecision, "published");
  for (const a of data.actors) {
    ref("actors", a.id, "actors", a.affiliation, "affiliation");
    if (a.affiliation === a.id) problems.add(`actor "${a.id}": an actor cannot be its own "affiliation"`);
  }
  affiliationCycles(data.actors, problems);
  const episodes = new Map(data.episodes.map((e) => [e.id, e]));
  for (const e of data.episodes) {
    dated("episodes", e.id, e.start, "day", "start");
    dated("episodes", e.id, e.end, "day", "end");
    if (e.end < e.start) problems.add(`episode "${e.id}": "end" ${e.end} is before "start" ${e.start}`);
  }
  for (const e of data.events) {
    dated("events", e.id, e.date, e.datePrecision);
    e.actors.forEach((a, i) => ref("events", e.id, "actors", a, `actors[${i}]`));
    e.targets.forEach((a, i) => ref("events", e.id, "actors", a, `targets[${i}]`));
    ref("events", e.id, "episodes", e.episode, "episode");
    ref("events", e.id, "sources", e.sourceId, "sourceId");
    const episode = e.episode ? episodes.get(e.episode) : undefined;
    if (episode && (e.date < episode.start || e.date > episode.end))
      problems.add(
        `event "${e.id}": "date" ${e.date} falls outside episode "${episode.id}" (${episode.start} – ${episode.end})`,
      );
  }
  for (const s of data.stances) {
    dated("stances", s.id, s.date, s.datePrecision);
    ref("stances", s.id, "actors", s.from, "from");
    ref("stances", s.id, "actors", s.to, "to");
    ref("stances", s.id, "events", s.eventId, "eventId");
    ref("stances", s.id, "sources", s.sourceId, "sourceId");
  }
  for (const q of data.quotes) {
    dated("quotes", q.id, q.date, q.datePrecision);
    ref("quotes", q.id, "actors", q.speaker, "speaker");
    ref("quotes", q.id, "sources", q.sourceId, "sourceId");
    ref("quotes", q.id, "events", q.eventId, "eventId");
    ref("quotes", q.id, "claims", q.claimId, "claimId");
    ref("quotes", q.id, "quotes", q.continues, "continues");
  }
  for (const c of data.claims) {
    dated("claims", c.id, c.date, c.datePrecision);
    ref("claims", c.id, "actors", c.claimant, "claimant");
    ref("claims", c.id, "actors", c.reviewer, "reviewer");
    ref("claims", c.id, "sources", c.sourceId, "sourceId");
  }
}

/**
 * Affiliation cycles longer than one (a → b → a; an actor affiliated to itself has its own message), each
 * reported once, on the actor where the walk entered it. Linear: every actor is walked through once.
 */
function affiliationCycles(actors: DatasetFile["actors"], problems: Problems): void {
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
      problems.add(`actor "${id}": affiliation cycle ${[...cycle, id].join(" → ")} in "affiliation"`);
    }
    for (const w of walk) state.set(w, 2);
  }
}
