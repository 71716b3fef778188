// Writes data/samples/*.csv: the April 2024 escalation of data/escalations.json as a CSV set, in the columns
// data/README.md ("Opening your own data") documents. Every text is copied from the bundled dataset, so the
// verbatim rule holds. Run: npx tsx scripts/make-samples.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatasetFile, Outside } from "../lib/model/schema";
import { csvRecord } from "../lib/util/csv";

const EPISODE = "april-2024";
const root = path.resolve(import.meta.dirname, "..");
const data = JSON.parse(readFileSync(path.join(root, "data/escalations.json"), "utf8")) as DatasetFile;

const events = data.events.filter((e) => e.episode === EPISODE);
const eventIds = new Set(events.map((e) => e.id));
const stances = data.stances.filter((s) => s.eventId !== undefined && eventIds.has(s.eventId));
const quotes = data.quotes.filter((q) => q.eventId !== undefined && eventIds.has(q.eventId) && !q.claimId);
const actorIds = new Set<string>();
for (const e of events) [...e.actors, ...e.targets].forEach((a) => actorIds.add(a));
for (const s of stances) [s.from, s.to].forEach((a) => actorIds.add(a));
for (const q of quotes) actorIds.add(q.speaker);
// Keep affiliation chains whole.
for (let grew = true; grew;) {
  grew = false;
  for (const a of data.actors)
    if (actorIds.has(a.id) && a.affiliation && !actorIds.has(a.affiliation)) {
      actorIds.add(a.affiliation);
      grew = true;
    }
}
const actors = data.actors.filter((a) => actorIds.has(a.id));
const sourceIds = new Set([...events, ...stances, ...quotes].map((r) => r.sourceId));
const sources = data.sources.filter((s) => sourceIds.has(s.id));
const episodes = data.episodes.filter((e) => e.id === EPISODE);

const outside = (o: Outside | undefined) => (o ?? []).map((x) => `${x.field}: ${x.note}`).join("|");
const list = (a: readonly string[]) => a.join("|");

function write<R>(
  file: string,
  columns: [string, (r: R) => string | undefined | null][],
  rows: readonly R[],
) {
  let text = csvRecord(columns.map(([c]) => c));
  for (const r of rows) text += csvRecord(columns.map(([, v]) => v(r) ?? ""));
  writeFileSync(path.join(root, "data/samples", file), text);
  console.log(`${file}: ${rows.length} records`);
}

type A = DatasetFile["actors"][number];
write<A>(
  "actors.csv",
  [
    ["id", (r) => r.id],
    ["name", (r) => r.name],
    ["shortName", (r) => r.shortName],
    ["kind", (r) => r.kind],
    ["affiliation", (r) => r.affiliation],
    ["role", (r) => r.role],
  ],
  actors,
);
type S = DatasetFile["sources"][number];
write<S>(
  "sources.csv",
  [
    ["id", (r) => r.id],
    ["publisher", (r) => r.publisher],
    ["title", (r) => r.title],
    ["published", (r) => r.published],
    ["datePrecision", (r) => r.datePrecision],
    ["dateNote", (r) => r.dateNote],
    ["document", (r) => r.document],
    ["url", (r) => r.url],
    ["sha256", (r) => r.sha256],
    ["outside", (r) => outside(r.outside)],
  ],
  sources,
);
type P = DatasetFile["episodes"][number];
write<P>(
  "episodes.csv",
  [
    ["id", (r) => r.id],
    ["title", (r) => r.title],
    ["label", (r) => r.label],
    ["start", (r) => r.start],
    ["end", (r) => r.end],
  ],
  episodes,
);
type E = DatasetFile["events"][number];
write<E>(
  "events.csv",
  [
    ["id", (r) => r.id],
    ["date", (r) => r.date],
    ["datePrecision", (r) => r.datePrecision],
    ["dateNote", (r) => r.dateNote],
    ["title", (r) => r.title],
    ["kind", (r) => r.kind],
    ["actors", (r) => list(r.actors)],
    ["targets", (r) => list(r.targets)],
    ["episode", (r) => r.episode],
    ["sourceId", (r) => r.sourceId],
    ["evidence", (r) => r.evidence],
    ["cameo", (r) => r.cameo],
    ["outside", (r) => outside(r.outside)],
  ],
  events,
);
type T = DatasetFile["stances"][number];
write<T>(
  "stances.csv",
  [
    ["id", (r) => r.id],
    ["from", (r) => r.from],
    ["to", (r) => r.to],
    ["type", (r) => r.type],
    ["date", (r) => r.date],
    ["datePrecision", (r) => r.datePrecision],
    ["dateNote", (r) => r.dateNote],
    ["eventId", (r) => r.eventId],
    ["sourceId", (r) => r.sourceId],
    ["evidence", (r) => r.evidence],
    ["cameo", (r) => r.cameo],
    ["outside", (r) => outside(r.outside)],
  ],
  stances,
);
type Q = DatasetFile["quotes"][number];
write<Q>(
  "quotes.csv",
  [
    ["id", (r) => r.id],
    ["speaker", (r) => r.speaker],
    ["text", (r) => r.text],
    ["sentence", (r) => r.sentence],
    ["date", (r) => r.date],
    ["datePrecision", (r) => r.datePrecision],
    ["dateNote", (r) => r.dateNote],
    ["sourceId", (r) => r.sourceId],
    ["context", (r) => r.context],
    ["eventId", (r) => r.eventId],
    ["continues", (r) => r.continues],
    ["outside", (r) => outside(r.outside)],
  ],
  quotes,
);
