import type { z } from "zod";
import { datasetSchema, type DatasetFile, type DatePrecision } from "../model/schema";
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

/**
 * Validates a parsed JSON value against the dataset contract: the zod schema first, then referential
 * integrity and dates. Returns the typed dataset or throws one {@link DatasetError} naming every problem
 * as `<record> "<id>": <what> in "<field>"`.
 */
export function validateDataset(raw: unknown, file: string): DatasetFile {
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success)
    throw new DatasetError(
      file,
      parsed.error.issues.map((i) => describeIssue(i, raw)),
    );
  const problems = checkIntegrity(parsed.data);
  if (problems.length > 0) throw new DatasetError(file, problems);
  return parsed.data;
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

function precisionProblem(date: string, precision: DatePrecision): string | null {
  if (!isRealDate(date)) return `invalid date "${date}"`;
  if (precision === "month" && !date.endsWith("-01"))
    return `month-precision date "${date}" must fall on day 01`;
  if (precision === "year" && !date.endsWith("-01-01"))
    return `year-precision date "${date}" must be written as YYYY-01-01`;
  return null;
}

/** Referential integrity, uniqueness and date checks that a schema alone cannot express. */
function checkIntegrity(data: DatasetFile): string[] {
  const problems: string[] = [];
  const ids = {} as Record<Collection, Set<string>>;
  for (const collection of Object.keys(RECORD_NAME) as Collection[]) {
    const seen = new Set<string>();
    for (const record of data[collection]) {
      if (seen.has(record.id))
        problems.push(`${RECORD_NAME[collection]} "${record.id}": duplicate id in "id"`);
      seen.add(record.id);
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
      problems.push(
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
    const p = precisionProblem(date, precision);
    if (p) problems.push(`${RECORD_NAME[collection]} "${recordId}": ${p} in "${field}"`);
  };

  for (const s of data.sources) dated("sources", s.id, s.published, s.datePrecision, "published");
  for (const a of data.actors) {
    ref("actors", a.id, "actors", a.affiliation, "affiliation");
    if (a.affiliation === a.id) problems.push(`actor "${a.id}": an actor cannot be its own "affiliation"`);
  }
  const episodes = new Map(data.episodes.map((e) => [e.id, e]));
  for (const e of data.episodes) {
    dated("episodes", e.id, e.start, "day", "start");
    dated("episodes", e.id, e.end, "day", "end");
    if (e.end < e.start) problems.push(`episode "${e.id}": "end" ${e.end} is before "start" ${e.start}`);
  }
  for (const e of data.events) {
    dated("events", e.id, e.date, e.datePrecision);
    e.actors.forEach((a, i) => ref("events", e.id, "actors", a, `actors[${i}]`));
    e.targets.forEach((a, i) => ref("events", e.id, "actors", a, `targets[${i}]`));
    ref("events", e.id, "episodes", e.episode, "episode");
    ref("events", e.id, "sources", e.sourceId, "sourceId");
    const episode = e.episode ? episodes.get(e.episode) : undefined;
    if (episode && (e.date < episode.start || e.date > episode.end))
      problems.push(
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
  return problems;
}
