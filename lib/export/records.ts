import type { DatasetIndex } from "../data/indexDataset";
import type { DatasetFile, Event, Quote, Source, Stance } from "../model/schema";
import type { VisibleRecords } from "../select/filters";
import { actorName } from "../select/wording";
import type { CsvTable } from "./csv";

/** Multi-valued cells are joined with `|`, as Kumu's spreadsheets (and the CSV import) read them. */
const JOIN = "|";

type Col<Row> = CsvTable<Row>["columns"][number];

/** The columns every kind shares: the date, and the report it comes from. */
function dated<Row extends { date: string; datePrecision: string; dateNote?: string }>(): Col<Row>[] {
  return [
    { name: "date", value: (r) => r.date },
    { name: "date_precision", value: (r) => r.datePrecision },
    { name: "date_note", value: (r) => r.dateNote },
  ];
}

function sourced<Row extends { sourceId: string; outside?: { note: string }[] }>(
  index: DatasetIndex,
): Col<Row>[] {
  const source = (r: Row): Source | undefined => index.sourceById.get(r.sourceId);
  return [
    { name: "source_id", value: (r) => r.sourceId },
    { name: "source_publisher", value: (r) => source(r)?.publisher },
    { name: "source_title", value: (r) => source(r)?.title },
    { name: "source_published", value: (r) => source(r)?.published },
  ];
}

const outside: Col<{ outside?: { note: string }[] }> = {
  name: "outside_the_reports",
  value: (r) => (r.outside ?? []).map((o) => o.note).join(JOIN),
};

/** `events.csv`: one row per event. */
export function eventTable(index: DatasetIndex): CsvTable<Event> {
  const names = (ids: readonly string[]) => ids.map((id) => actorName(index, id)).join(JOIN);
  return {
    columns: [
      { name: "id", value: (e) => e.id },
      ...dated<Event>(),
      { name: "title", value: (e) => e.title },
      { name: "kind", value: (e) => e.kind },
      { name: "episode", value: (e) => e.episode },
      { name: "actor_ids", value: (e) => e.actors.join(JOIN) },
      { name: "actor_names", value: (e) => names(e.actors) },
      { name: "target_ids", value: (e) => e.targets.join(JOIN) },
      { name: "target_names", value: (e) => names(e.targets) },
      { name: "cameo", value: (e) => e.cameo },
      ...sourced<Event>(index),
      { name: "evidence", value: (e) => e.evidence },
      outside,
    ],
  };
}

/** `stances.csv`: one row per stance. */
export function stanceTable(index: DatasetIndex): CsvTable<Stance> {
  return {
    columns: [
      { name: "id", value: (s) => s.id },
      ...dated<Stance>(),
      { name: "from_id", value: (s) => s.from },
      { name: "from_name", value: (s) => actorName(index, s.from) },
      { name: "to_id", value: (s) => s.to },
      { name: "to_name", value: (s) => actorName(index, s.to) },
      { name: "type", value: (s) => s.type },
      { name: "cameo", value: (s) => s.cameo },
      { name: "event_id", value: (s) => s.eventId },
      ...sourced<Stance>(index),
      { name: "evidence", value: (s) => s.evidence },
      outside,
    ],
  };
}

/** `quotes.csv`: one row per quote. */
export function quoteTable(index: DatasetIndex): CsvTable<Quote> {
  return {
    columns: [
      { name: "id", value: (q) => q.id },
      ...dated<Quote>(),
      { name: "speaker_id", value: (q) => q.speaker },
      { name: "speaker_name", value: (q) => actorName(index, q.speaker) },
      { name: "text", value: (q) => q.text },
      { name: "context", value: (q) => q.context },
      { name: "event_id", value: (q) => q.eventId },
      { name: "claim_id", value: (q) => q.claimId },
      ...sourced<Quote>(index),
      outside,
    ],
  };
}

/**
 * The visible records as a dataset file in the contract `STANCE_ATLAS_DATASET` reads, so a download opens again
 * as a dataset: the shown events, stances and quotes; the claims they cite; every actor, report and episode they
 * name (actors with their whole affiliation chain). An optional link to a record left out (a stance's event the
 * filters hide, the earlier part of a split quote) is dropped, so every reference resolves.
 */
export function visibleDataset(index: DatasetIndex, visible: VisibleRecords): DatasetFile {
  const { data } = index;
  const eventIds = new Set(visible.events.map((e) => e.id));
  const quoteIds = new Set(visible.quotes.map((q) => q.id));
  const events = visible.events.map((e) => ({ ...e }));
  const stances = visible.stances.map(({ eventId, ...s }) =>
    eventId !== undefined && eventIds.has(eventId) ? { ...s, eventId } : s,
  );
  const quotes = visible.quotes.map(({ eventId, continues, ...q }) => ({
    ...q,
    ...(eventId !== undefined && eventIds.has(eventId) ? { eventId } : {}),
    ...(continues !== undefined && quoteIds.has(continues) ? { continues } : {}),
  }));
  const claimIds = new Set(quotes.flatMap((q) => (q.claimId ? [q.claimId] : [])));
  const claims = data.claims.filter((c) => claimIds.has(c.id));

  const actorIds = new Set<string>();
  const addActor = (id: string) => {
    for (let at: string | undefined = id; at && !actorIds.has(at); at = index.actorById.get(at)?.affiliation)
      actorIds.add(at);
  };
  for (const e of events) [...e.actors, ...e.targets].forEach(addActor);
  for (const s of stances) [s.from, s.to].forEach(addActor);
  for (const q of quotes) addActor(q.speaker);
  for (const c of claims) [c.claimant, c.reviewer].forEach(addActor);
  const sourceIds = new Set([...events, ...stances, ...quotes, ...claims].map((r) => r.sourceId));
  const episodeIds = new Set(events.flatMap((e) => (e.episode ? [e.episode] : [])));
  return {
    sources: data.sources.filter((s) => sourceIds.has(s.id)),
    actors: data.actors.filter((a) => actorIds.has(a.id)),
    episodes: data.episodes.filter((e) => episodeIds.has(e.id)),
    events,
    stances,
    quotes,
    claims,
  };
}
