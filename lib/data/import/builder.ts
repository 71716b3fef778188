import { DATE_RANGE } from "../../model/schema";
import { COLLECTIONS, isRealDate, type Collection } from "../validateDataset";
import type { ImportProblem } from "./types";

/** Where a raw record came from: its file, its line (CSV), its index among its file's records of its kind. */
export interface Origin {
  file: string;
  line: number | null;
  index: number;
  /** Made on the user's behalf (an actor from its id, a source from an address), not read from a file. */
  created: boolean;
}

/** What is known of each file read: how many records it gave, and why it gave none where it could not. */
export interface FileStats {
  records: number;
  /** A problem that stopped the whole file (wrong columns), as its message. */
  stopped: string | null;
  /** Rows of an export that map to no stance. */
  unmapped: number;
}

/** The raw dataset being assembled from the files, with the origin of every record. */
export class Builder {
  readonly raw = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as unknown[]])) as Record<
    Collection,
    unknown[]
  >;
  readonly origin = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as Origin[]])) as Record<
    Collection,
    Origin[]
  >;
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  readonly files = new Map<string, FileStats>();
  /** Ids of the actors and sources added so far (read or created). */
  readonly ids = { actors: new Set<string>(), sources: new Set<string>() };
  private readonly sourceByUrl = new Map<string, string>();
  /** Sources made from an address whose publication date waits for the records citing them. */
  private readonly undated = new Map<string, Record<string, unknown>>();
  private readonly perFile = new Map<string, number>();

  stats(file: string): FileStats {
    let s = this.files.get(file);
    if (!s) this.files.set(file, (s = { records: 0, stopped: null, unmapped: 0 }));
    return s;
  }

  /** Adds a raw record read from (or made for) `file`. */
  add(
    collection: Collection,
    record: Record<string, unknown>,
    file: string,
    line: number | null,
    created = false,
  ) {
    const key = `${collection}\u0000${file}`;
    const index = this.perFile.get(key) ?? 0;
    this.perFile.set(key, index + 1);
    this.raw[collection].push(record);
    this.origin[collection].push({ file, line, index, created });
    if (!created) this.stats(file).records++;
    const id = record.id;
    if (typeof id === "string" && (collection === "actors" || collection === "sources"))
      this.ids[collection].add(id);
  }

  /** Adds an actor unless one with the id is there already. */
  ensureActor(actor: Record<string, unknown> & { id: string }, file: string, line: number | null): boolean {
    if (this.ids.actors.has(actor.id)) return false;
    this.add("actors", actor, file, line, true);
    return true;
  }

  /**
   * The id of the source made for a report's address, made on first use: `<prefix>-<n>`, numbered in the
   * order addresses first appear. The address is the `document`, the `title` and (when it parses as an
   * http(s) URL) the `url`; its host name is the `publisher`; the first citing record's date is `published`.
   * The three inferred facts are listed in the source's `outside`.
   */
  sourceForUrl(
    address: string,
    date: string,
    precision: string,
    file: string,
    line: number | null,
    prefix: string,
  ): string {
    const known = this.sourceByUrl.get(address);
    if (known) return known;
    let n = this.sourceByUrl.size + 1;
    let id = `${prefix}-${n}`;
    while (this.ids.sources.has(id)) id = `${prefix}-${++n}`;
    this.sourceByUrl.set(address, id);
    const host = hostOf(address);
    const source: Record<string, unknown> = {
      id,
      publisher: host ?? address,
      title: address,
      published: date,
      datePrecision: precision,
      document: address,
      outside: [
        { field: "publisher", note: host ? "the host name of the report's address" : "as the file names it" },
        { field: "title", note: "the report's address: the file gives no headline" },
        {
          field: "published",
          note: "the date of the first record citing it: the file gives no publication date",
        },
      ],
    };
    if (host) source.url = address;
    if (date === "") this.undated.set(id, source);
    this.add("sources", source, file, line, true);
    return id;
  }

  /**
   * Dates the sources made with no date (`sourceForUrl(…, "", …)`): the earliest real date, in the supported
   * range, of the records citing each. One pass over the records.
   */
  dateMadeSources() {
    if (this.undated.size === 0) return;
    const earliest = new Map<string, { date: string; precision: unknown }>();
    for (const collection of ["events", "stances", "quotes", "claims"] as const)
      for (const r of this.raw[collection] as Record<string, unknown>[]) {
        const { sourceId, date } = r;
        if (typeof sourceId !== "string" || !this.undated.has(sourceId) || typeof date !== "string") continue;
        if (
          !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
          !isRealDate(date) ||
          date < DATE_RANGE.min ||
          date > DATE_RANGE.max
        )
          continue;
        const seen = earliest.get(sourceId);
        if (!seen || date < seen.date) earliest.set(sourceId, { date, precision: r.datePrecision ?? "day" });
      }
    for (const [id, source] of this.undated) {
      const found = earliest.get(id);
      source.published = found?.date ?? "";
      source.datePrecision = found?.precision ?? "day";
    }
  }

  /** Remembers that `address` is the `url` of a source read from a file, so citing records reuse it. */
  knowSourceUrl(address: string, id: string) {
    if (!this.sourceByUrl.has(address)) this.sourceByUrl.set(address, id);
  }
}

/** The host name of an http(s) address, or null. */
export function hostOf(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === "http:" || url.protocol === "https:" ? url.hostname : null;
  } catch {
    return null;
  }
}

/** A kebab-case id made of a name: "Protesters (Iran)" → "protesters-iran"; "" when nothing is left. */
export function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
