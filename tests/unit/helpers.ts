import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { indexDataset } from "@/lib/data";
import type { DatasetFile } from "@/lib/model";
import { parseContextOf } from "@/lib/view";

/** The small fixture dataset, indexed, with its parse context. */
export function miniIndex() {
  const data = JSON.parse(readFileSync("tests/fixtures/mini.json", "utf8")) as DatasetFile;
  const index = indexDataset(data);
  return { data, index, ctx: parseContextOf(index) };
}

/** What the filters know of one dated record, computed by {@link referenceFacts}. */
export interface ReferenceRecordFacts {
  /** The calendar year of the record's date. */
  year: number;
  /** The actors it involves, each with every actor up its affiliation chain. */
  actors: ReadonlySet<string>;
  /** Its episode: an event's own; a stance's or quote's event's, else the episode whose span holds its date. */
  episode: string | null;
}

/** The filter facts of every record of a dataset, by id, and the stance types tied to each event. */
export interface ReferenceFacts {
  /** Facts of each event, by id. */
  events: ReadonlyMap<string, ReferenceRecordFacts>;
  /** Facts of each stance, by id. */
  stances: ReadonlyMap<string, ReferenceRecordFacts>;
  /** Facts of each quote, by id. */
  quotes: ReadonlyMap<string, ReferenceRecordFacts>;
  /** The types of the stances tied to each event (events with none are absent). */
  typesByEvent: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The filter facts of docs/ARCHITECTURE.md ("Filter semantics") straight from the raw dataset, written
 * plainly and apart from lib/data/indexDataset.ts, so that a test comparing the index's columns with these
 * catches a bug in deriving them. An affiliation walk stops at an actor it has seen (a cycle) or an unknown id.
 */
export function referenceFacts(data: DatasetFile): ReferenceFacts {
  const affiliationOf = new Map(data.actors.map((a) => [a.id, a.affiliation]));
  const chains = new Map<string, string[]>();
  const chainOf = (id: string): string[] => {
    let chain = chains.get(id);
    if (!chain) {
      chain = [];
      for (let at: string | undefined = id; at !== undefined && !chain.includes(at);) {
        chain.push(at);
        at = affiliationOf.get(at);
        if (at !== undefined && !affiliationOf.has(at)) break;
      }
      chains.set(id, chain);
    }
    return chain;
  };
  const involving = (ids: readonly string[]) => new Set(ids.flatMap(chainOf));
  const year = (date: string) => Number(date.slice(0, 4));
  const eventEpisode = new Map(data.events.map((e) => [e.id, e.episode]));
  const episodeOf = (eventId: string | undefined, date: string): string | null => {
    if (eventId !== undefined && eventEpisode.has(eventId)) return eventEpisode.get(eventId) ?? null;
    return data.episodes.find((ep) => ep.start <= date && date <= ep.end)?.id ?? null;
  };
  const typesByEvent = new Map<string, Set<string>>();
  for (const s of data.stances)
    if (s.eventId !== undefined) {
      const types = typesByEvent.get(s.eventId) ?? new Set<string>();
      types.add(s.type);
      typesByEvent.set(s.eventId, types);
    }
  return {
    events: new Map(
      data.events.map((e) => [
        e.id,
        { year: year(e.date), actors: involving([...e.actors, ...e.targets]), episode: e.episode },
      ]),
    ),
    stances: new Map(
      data.stances.map((s) => [
        s.id,
        { year: year(s.date), actors: involving([s.from, s.to]), episode: episodeOf(s.eventId, s.date) },
      ]),
    ),
    quotes: new Map(
      data.quotes.map((q) => [
        q.id,
        { year: year(q.date), actors: involving([q.speaker]), episode: episodeOf(q.eventId, q.date) },
      ]),
    ),
    typesByEvent,
  };
}

const ROOT = resolve(__dirname, "../..");

/**
 * The modules a file's static value imports reach (`import type` and dynamic `import()` left out), and the
 * packages named on the way: for checks of what a bundle or a Web Worker pulls in.
 */
export function staticImports(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { seen, packages };
  seen.add(file);
  const text = readFileSync(file, "utf8");
  const re = /^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm;
  for (const [, spec] of text.matchAll(re)) {
    if (!spec) continue;
    const base = spec.startsWith("@/")
      ? join(ROOT, spec.slice(2))
      : spec.startsWith(".")
        ? join(dirname(file), spec)
        : null;
    if (!base) {
      packages.add(spec);
      continue;
    }
    const found = ["", ".ts", ".tsx", "/index.ts"]
      .map((ext) => base + ext)
      .find((f) => existsSync(f) && f.match(/\.tsx?$/));
    if (found) staticImports(found, seen, packages);
  }
  return { seen, packages };
}
