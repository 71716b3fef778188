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
  const steps = visibleDatasetSteps(index, visible);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Records between two pauses of visibleDatasetSteps: a few milliseconds of work. */
const STEP = 20_000;

/**
 * visibleDataset's work, pausing (a bare `yield`) every STEP records, so a caller can hand the page back to the
 * browser: at 100,000 events the whole pass took about 300 ms.
 */
export function* visibleDatasetSteps(
  index: DatasetIndex,
  visible: VisibleRecords,
): Generator<void, DatasetFile, void> {
  let done = 0;
  const tick = () => ++done % STEP === 0;
  // Records are copied only where a link is dropped (the rest are written as they are): at 100,000 events a
  // copy of every record held the page for half a second before the first chunk of the file was written.
  const { data } = index;
  const eventIds = new Set<string>();
  for (const e of visible.events) {
    eventIds.add(e.id);
    if (tick()) yield;
  }
  const quoteIds = new Set<string>();
  for (const q of visible.quotes) {
    quoteIds.add(q.id);
    if (tick()) yield;
  }
  const events = visible.events;
  const stances = visible.stances.map((s) => {
    if (s.eventId === undefined || eventIds.has(s.eventId)) return s;
    const copy = { ...s };
    delete copy.eventId;
    return copy;
  });
  const quotes = visible.quotes.map((q) => {
    const dropEvent = q.eventId !== undefined && !eventIds.has(q.eventId);
    const dropContinues = q.continues !== undefined && !quoteIds.has(q.continues);
    if (!dropEvent && !dropContinues) return q;
    const copy = { ...q };
    if (dropEvent) delete copy.eventId;
    if (dropContinues) delete copy.continues;
    return copy;
  });
  const claimIds = new Set<string>();
  for (const q of quotes) if (q.claimId) claimIds.add(q.claimId);
  const claims = data.claims.filter((c) => claimIds.has(c.id));

  const actorIds = new Set<string>();
  const addActor = (id: string) => {
    for (let at: string | undefined = id; at && !actorIds.has(at); at = index.actorById.get(at)?.affiliation)
      actorIds.add(at);
  };
  const sourceIds = new Set<string>();
  for (const e of events) {
    for (const a of e.actors) addActor(a);
    for (const a of e.targets) addActor(a);
    sourceIds.add(e.sourceId);
    if (tick()) yield;
  }
  for (const s of stances) {
    addActor(s.from);
    addActor(s.to);
    sourceIds.add(s.sourceId);
    if (tick()) yield;
  }
  for (const q of quotes) {
    addActor(q.speaker);
    sourceIds.add(q.sourceId);
    if (tick()) yield;
  }
  for (const c of claims) {
    addActor(c.claimant);
    addActor(c.reviewer);
    sourceIds.add(c.sourceId);
  }
  const episodeIds = new Set<string>();
  for (const e of events) if (e.episode) episodeIds.add(e.episode);
  return {
    sources: data.sources.filter((s) => sourceIds.has(s.id)),
    actors: data.actors.filter((a) => actorIds.has(a.id)),
    episodes: data.episodes.filter((e) => episodeIds.has(e.id)),
    events: [...events],
    stances,
    quotes,
    claims,
  };
}
