import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadDataset } from "@/lib/data/loadDataset";
import { isVerbatimIn, normalizeVerbatim } from "@/lib/model";

const dataset = loadDataset(path.resolve("data/escalations.json"));
/** The source corpus lives beside the project root; CI and developers have it, a bare clone may not. */
const SEEDS = path.resolve("..", "shared", "seeds");

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

describe.skipIf(!existsSync(SEEDS))("every quote and evidence excerpt is verbatim from its report", () => {
  const documents = new Map(
    dataset.sources.map((s) => [s.id, readFileSync(path.join(SEEDS, s.document), "utf8")]),
  );
  const excerpts: [string, string, string][] = [
    ...dataset.events.map((e): [string, string, string] => [`event ${e.id}`, e.sourceId, e.evidence]),
    ...dataset.stances.map((s): [string, string, string] => [`stance ${s.id}`, s.sourceId, s.evidence]),
    ...dataset.quotes.map((q): [string, string, string] => [`quote ${q.id}`, q.sourceId, q.text]),
    ...dataset.claims.flatMap((c): [string, string, string][] => [
      [`claim ${c.id} text`, c.sourceId, c.text],
      [`claim ${c.id} evidence`, c.sourceId, c.evidence],
    ]),
  ];
  it.each(excerpts)("%s", (_label, sourceId, excerpt) => {
    const doc = documents.get(sourceId);
    expect(doc, `source ${sourceId} has a document`).toBeDefined();
    expect(isVerbatimIn(excerpt, doc!), `"${normalizeVerbatim(excerpt)}" not found in ${sourceId}`).toBe(
      true,
    );
  });
});

if (!existsSync(SEEDS)) console.log(`Skipping the verbatim check: the corpus folder ${SEEDS} is not here.`);
