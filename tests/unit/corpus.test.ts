import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadDataset } from "@/lib/data/loadDataset";
import { isVerbatimIn, normalizeVerbatim } from "@/lib/model";

const dataset = loadDataset(path.resolve("data/escalations.json"));
/**
 * The source corpus lives beside the project root; CI and developers have it, a bare clone may not.
 * STANCE_ATLAS_SEEDS points elsewhere (a missing folder shows the skip).
 */
const SEEDS = path.resolve(process.env.STANCE_ATLAS_SEEDS || path.join("..", "shared", "seeds"));
const HAS_SEEDS = existsSync(SEEDS);
const SKIP_REASON = `the source corpus folder ${SEEDS} is not here (set STANCE_ATLAS_SEEDS to point at it)`;

describe("the bundled dataset", () => {
  it("validates against the contract", () => {
    expect(dataset.sources).toHaveLength(5);
    expect(dataset.episodes.map((e) => e.id).sort()).toEqual([
      "april-2024",
      "gaza-2023",
      "soleimani-2020",
      "us-strikes-2025",
    ]);
  });

  it("is a complete extraction, not a sample", () => {
    expect(dataset.events.length).toBeGreaterThanOrEqual(45);
    expect(dataset.stances.length).toBeGreaterThanOrEqual(70);
    expect(dataset.quotes.length).toBeGreaterThanOrEqual(40);
    expect(dataset.actors.length).toBeGreaterThanOrEqual(70);
    expect(dataset.claims.length).toBeGreaterThanOrEqual(1);
  });

  it("carries a dateNote on every record whose date the report only implies", () => {
    // A day-precision date on a record whose evidence names no month/day must say how it was resolved.
    const relative =
      /\b(on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|two (weeks|days) after)\b/i;
    const dated = [...dataset.events, ...dataset.stances];
    for (const r of dated)
      if (relative.test(r.evidence)) expect(r.dateNote, `${r.id} resolves a relative date`).toBeTruthy();
  });
});

describe("every quote and evidence excerpt is verbatim from its report", () => {
  // Only the tests read the documents: collection must not touch a corpus that may be absent.
  const documents = new Map<string, string | undefined>();
  const documentOf = (sourceId: string) => {
    if (!documents.has(sourceId)) {
      const source = dataset.sources.find((s) => s.id === sourceId);
      const file = source && path.join(SEEDS, source.document);
      documents.set(sourceId, file && existsSync(file) ? readFileSync(file, "utf8") : undefined);
    }
    return documents.get(sourceId);
  };
  const excerpts: [string, string, string][] = [
    ...dataset.events.map((e): [string, string, string] => [`event ${e.id}`, e.sourceId, e.evidence]),
    ...dataset.stances.map((s): [string, string, string] => [`stance ${s.id}`, s.sourceId, s.evidence]),
    ...dataset.quotes.map((q): [string, string, string] => [`quote ${q.id}`, q.sourceId, q.text]),
    ...dataset.claims.flatMap((c): [string, string, string][] => [
      [`claim ${c.id} text`, c.sourceId, c.text],
      [`claim ${c.id} evidence`, c.sourceId, c.evidence],
    ]),
  ];

  if (!HAS_SEEDS) {
    console.warn(`Skipping the verbatim check of ${excerpts.length} excerpts: ${SKIP_REASON}.`);
    it("needs the source corpus (../shared/seeds)", (ctx) => ctx.skip(SKIP_REASON));
    return;
  }

  it.each(excerpts)("%s", (_label, sourceId, excerpt) => {
    const doc = documentOf(sourceId);
    expect(doc, `source ${sourceId} has a document in ${SEEDS}`).toBeDefined();
    expect(isVerbatimIn(excerpt, doc!), `"${normalizeVerbatim(excerpt)}" not found in ${sourceId}`).toBe(
      true,
    );
  });
});
