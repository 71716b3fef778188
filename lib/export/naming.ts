import type { DatasetIndex } from "../data/indexDataset";
import type { Source, StanceType } from "../model/schema";
import type { VisibleRecords } from "../select/filters";
import type { ViewState } from "../model/viewState";
import { formatYears } from "../time";
import { actorName } from "../select/wording";

/** Stance types as plural nouns, for a caption: "condemnations only". */
const STANCE_NOUN: Record<StanceType, string> = {
  condemn: "condemnations",
  criticize: "criticism",
  protest: "protests",
  support: "support",
  defend: "defence",
  praise: "praise",
  celebrate: "celebrations",
  thank: "thanks",
  condole: "condolences",
  designate: "designations",
  dispute: "fact-checks",
  warn: "warnings",
  threaten: "threats",
};

/** "a, b and c". */
const list = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/**
 * The view's filters in words, for an image's caption and an embed's: "Russia, Iran · 2023–2024 ·
 * condemnations only". With no filter: "All actors · 2006–2025" (the dataset's span).
 */
export function filtersInWords(index: DatasetIndex, view: ViewState): string {
  const parts: string[] = [];
  parts.push(
    view.actors.length > 0 ? view.actors.map((id) => actorName(index, id)).join(", ") : "All actors",
  );
  const episode = view.episode ? index.episodeById.get(view.episode) : undefined;
  if (episode) parts.push(episode.title);
  // An episode names its period; the dataset's whole span beside it would say more than the view shows.
  if (view.years || !episode) parts.push(formatYears(view.years ?? index.span));
  if (view.stances.length > 0) parts.push(`${list(view.stances.map((t) => STANCE_NOUN[t]))} only`);
  if (view.q) parts.push(`quotes matching “${view.q}”`);
  if (view.provenance) parts.push("only what the reports state");
  return parts.join(" · ");
}

const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * A file name that says what is in it, without extension: `stance-atlas_russia-iran_2023-2024`; the episode's id
 * when one is picked; `stance-atlas_all` for the whole dataset unfiltered. At most three actors are named.
 */
export function exportBaseName(view: ViewState): string {
  const parts = ["stance-atlas"];
  if (view.actors.length > 0) {
    const named = view.actors.slice(0, 3).map(slug).join("-");
    parts.push(view.actors.length > 3 ? `${named}-and-${view.actors.length - 3}-more` : named);
  }
  if (view.episode) parts.push(slug(view.episode));
  if (view.years)
    parts.push(
      view.years.start === view.years.end ? `${view.years.start}` : `${view.years.start}-${view.years.end}`,
    );
  if (view.stances.length > 0 && view.stances.length <= 3) parts.push(view.stances.join("-"));
  if (parts.length === 1) parts.push("all");
  return parts.join("_");
}

/** The reports the shown events, stances and quotes rest on, in the dataset's order. */
export function sourcesShown(index: DatasetIndex, visible: VisibleRecords): Source[] {
  const used = new Set([...visible.events, ...visible.stances, ...visible.quotes].map((r) => r.sourceId));
  return index.data.sources.filter((s) => used.has(s.id));
}

/**
 * The zip's README.txt: what the three tables hold, the view they come from, and how to read them so that no
 * column is retyped. Spreadsheets and readers guess types: CAMEO codes are text ("0256" is not 256, and "010"
 * is another code than 10) and LibreOffice reads the episode id "april-2024" as a date.
 */
export function csvReadme(filters: string, permalink: string, dataDate: string, local?: string): string {
  return [
    "Stance Atlas: the records of one view, as CSV",
    "",
    `View: ${filters}`,
    `Permalink: ${permalink}`,
    local ? localDataNote(local) : `Data as of ${dataDate}`,
    "",
    "events.csv, stances.csv and quotes.csv: one row per record the view shows, RFC 4180, UTF-8, a header row;",
    "cells holding several values join them with |. Every quote and evidence text is verbatim from its report.",
    "",
    "Read every column as text, or leading zeros and ids are lost (CAMEO 0256 read as the number 256):",
    '  R:           read.csv("stances.csv", encoding = "UTF-8", colClasses = "character")',
    '  pandas:      pandas.read_csv("stances.csv", dtype=str, keep_default_na=False)',
    "  LibreOffice: in the import dialog, select all columns and set the column type to Text",
    "",
  ].join("\r\n");
}

/**
 * What an export of a dataset opened from a file says in place of the dataset's date: the data is the
 * user's, not the published dataset, and the link shows it only in the browser that opened it.
 */
export function localDataNote(hash: string): string {
  return `Data: opened from a local file (local:${hash}), not the published dataset; the link shows it only in the browser that opened it`;
}
