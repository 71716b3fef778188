import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
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

  it("is a complete extraction, not a sample: the counts data/README.md gives", () => {
    // Exact, so that a record added or dropped without updating the README's counts table fails here.
    expect(dataset.events).toHaveLength(62);
    expect(dataset.stances).toHaveLength(69);
    expect(dataset.quotes).toHaveLength(41);
    expect(dataset.actors).toHaveLength(69);
    expect(dataset.claims).toHaveLength(1);
  });

  it("keeps out the records the audit against the reports removed (issue 22)", () => {
    // Not stances, or one statement counted twice: see "Corrections" in data/README.md.
    const stances = new Set(dataset.stances.map((s) => s.id));
    for (const id of [
      "iran-russia-drone-cooperation",
      "russia-iran-tacit-military-alliance",
      "soleimani-agrees-larger-transfer",
      "lavrov-defends-iran-self-defense",
    ])
      expect(stances.has(id), id).toBe(false);
    expect(dataset.quotes.map((q) => q.id)).not.toContain("majlis-al-aqsa-flood");
    expect(dataset.actors.map((a) => a.id)).not.toContain("iranian-government");
  });

  it("condemn only where the report says condemn", () => {
    // Every condemn stance's excerpt carries a form of the word (data/README.md, stance types).
    for (const s of dataset.stances.filter((x) => x.type === "condemn"))
      expect(s.evidence, s.id).toMatch(/condemn/i);
  });

  it("every source records the SHA-256 of its document", () => {
    for (const s of dataset.sources) expect(s.sha256, s.id).toMatch(/^[0-9a-f]{64}$/);
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

describe("provenance: the facts of the bundled dataset that come from outside its reports", () => {
  type Collection = "sources" | "events" | "stances" | "quotes";
  const outsideOf = (collection: Collection) =>
    Object.fromEntries(
      (dataset[collection] as { id: string; outside?: { field: string }[] }[])
        .filter((r) => r.outside)
        .map((r) => [r.id, r.outside!.map((o) => o.field)]),
    );

  // Written by reading data/escalations.json (and data/README.md, "Provenance"), in dataset order.
  it("the sources: inferred publishers, 004's title, and the unstated publication dates", () => {
    expect(outsideOf("sources")).toEqual({
      "share4all-2025-06-russia-support-iran": ["publisher", "published"],
      "fort-russ-2020-01-lavrov-condolences-soleimani": ["publisher", "published"],
      "polygraph-2023-10-lavrov-iran-peacekeeper": ["publisher"],
      "igbere-2025-06-23-putin-araqchi": ["publisher", "title", "published"],
    });
  });

  it("the events", () => {
    expect(outsideOf("events")).toEqual({
      "damascus-consulate-strike": ["date", "actors"],
      "russia-condemns-consulate-strike": ["date", "targets"],
      "iran-vows-definitive-revenge": ["date"],
      "calls-for-iranian-restraint": ["date"],
      "iran-summons-western-ambassadors": ["date", "targets"],
      "israel-air-raids-on-iran-2025": ["date"],
      "putin-spief-remarks-on-iran": ["date"],
      "putin-says-agreement-excludes-military-cooperation": ["date"],
      "putin-trump-conversations-on-iran": ["date", "type"],
      "peskov-briefing-on-us-strikes": ["date"],
      "lavrov-zarif-call-2020": ["date"],
      "iranian-un-envoy-promises-mirror-response": ["date"],
      "russian-military-support-to-assad": ["date"],
      "russia-iran-act-in-syrian-conflict": ["date"],
    });
  });

  it("the stances", () => {
    expect(outsideOf("stances")).toEqual({
      "russia-condemns-israel-consulate-strike": ["date", "to"],
      "iran-threatens-israel-definitive-revenge": ["date"],
      "iran-protests-to-united-kingdom-2024": ["date"],
      "iran-protests-to-france-2024": ["date"],
      "iran-protests-to-germany-2024": ["date"],
      "russia-military-support-to-assad": ["date"],
      "lavrov-condoles-iran-soleimani": ["date"],
      "lavrov-condemns-soleimani-killing": ["date"],
      "zarif-condemns-us-actions-2020": ["date"],
      "lavrov-criticizes-us-actions-2020": ["date"],
      "iranian-un-envoy-calls-killing-act-of-war": ["date"],
      "iranian-un-envoy-threatens-mirror-response": ["date"],
      "russia-supports-syrian-government": ["date"],
      "iran-supports-syrian-government": ["date"],
      "peskov-offers-mediation-as-support": ["date"],
      "peskov-condemns-us-attacks": ["date"],
    });
  });

  it("the quotes", () => {
    expect(outsideOf("quotes")).toEqual({
      "iran-definitive-revenge": ["date"],
      "russian-mfa-ministers-emphasized": ["date"],
      "iranian-un-envoy-mirror-response": ["date"],
      "peskov-depends-on-what-iran-needs": ["date"],
      "peskov-increase-in-participants": ["date"],
      "peskov-new-spiral-of-escalation": ["date"],
      "peskov-radiation-hazard": ["date"],
      "peskov-no-detailed-information": ["date"],
      "peskov-iran-repeatedly-discussed": ["date"],
    });
  });

  it("each outside fact names a field of its own kind of record, once, with a note", () => {
    // A source's facts are its own (publisher, title, published); a record's are its own (data/README.md).
    const allowed: Record<Collection, string[]> = {
      sources: ["publisher", "title", "published", "datePrecision"],
      events: ["date", "datePrecision", "actors", "targets", "type"],
      stances: ["date", "datePrecision", "from", "to", "type"],
      quotes: ["date", "datePrecision", "speaker"],
    };
    for (const collection of Object.keys(allowed) as Collection[])
      for (const [id, fields] of Object.entries(outsideOf(collection))) {
        for (const f of fields) expect(allowed[collection], `${collection} ${id}: ${f}`).toContain(f);
        expect(new Set(fields).size, `${collection} ${id} lists a field twice`).toBe(fields.length);
      }
  });

  it("the record an outside date marks says in its dateNote how the date was resolved", () => {
    for (const r of [...dataset.events, ...dataset.stances, ...dataset.quotes])
      if (r.outside?.some((o) => o.field === "date")) expect(r.dateNote, r.id).toBeTruthy();
  });

  it("the parts of one split quotation share their provenance", () => {
    const byId = new Map(dataset.quotes.map((q) => [q.id, q]));
    for (const q of dataset.quotes)
      if (q.continues) expect(q.outside, q.id).toEqual(byId.get(q.continues)!.outside);
  });

  it("every short quoted fragment carries its sentence from the report, which holds the quoted words", () => {
    // The quotes of fewer than six words, except Peskov's "There was no detailed information.", a sentence
    // of its own (data/escalations.json, read by hand).
    expect(
      dataset.quotes
        .filter((q) => q.sentence)
        .map((q) => q.id)
        .sort(),
    ).toEqual(
      [
        "lavrov-defend-and-support",
        "lavrov-legitimate-defense",
        "lavrov-had-no-doubt",
        "iran-definitive-revenge",
        "iran-right-to-self-defense",
        "amir-abdollahian-limited-action",
        "amir-abdollahian-deterring-punishing-warning",
        "amir-abdollahian-crimes-of-israel",
        "amir-abdollahian-russia-role-important",
        "russian-mfa-irresponsible-decision",
        "iranian-un-envoy-mirror-response",
        "un-catastrophic-consequences",
        "reuters-agreed-to-continue-cooperation",
        "amir-abdollahian-historic-victory",
        "haniyeh-pillar",
        "haniyeh-project",
      ].sort(),
    );
    for (const q of dataset.quotes)
      if (q.sentence) expect(normalizeVerbatim(q.sentence), q.id).toContain(normalizeVerbatim(q.text));
    expect(dataset.quotes.find((q) => q.id === "iranian-un-envoy-mirror-response")!.sentence).toBe(
      "Later, the Iranian Permanent Representative to the UN regarded US actions as an act of war and promised " +
        'Washington a "mirror response" to the murder of Soleimani .',
    );
  });
});

describe("every quote and evidence excerpt is verbatim from its report, and each document is the one hashed", () => {
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
    ...dataset.quotes.flatMap((q): [string, string, string][] =>
      q.sentence ? [[`quote ${q.id} sentence`, q.sourceId, q.sentence]] : [],
    ),
    ...dataset.claims.flatMap((c): [string, string, string][] => [
      [`claim ${c.id} text`, c.sourceId, c.text],
      [`claim ${c.id} evidence`, c.sourceId, c.evidence],
    ]),
  ];

  if (!HAS_SEEDS) {
    console.warn(
      `Skipping the verbatim check of ${excerpts.length} excerpts and the documents' SHA-256: ${SKIP_REASON}.`,
    );
    it("needs the source corpus (../shared/seeds)", (ctx) => ctx.skip(SKIP_REASON));
    return;
  }

  it.each(dataset.sources.map((s): [string, string, string | undefined] => [s.id, s.document, s.sha256]))(
    "source %s: the SHA-256 of %s is the one recorded",
    (_id, document, sha256) => {
      const bytes = readFileSync(path.join(SEEDS, document));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
    },
  );

  it.each(excerpts)("%s", (_label, sourceId, excerpt) => {
    const doc = documentOf(sourceId);
    expect(doc, `source ${sourceId} has a document in ${SEEDS}`).toBeDefined();
    expect(isVerbatimIn(excerpt, doc!), `"${normalizeVerbatim(excerpt)}" not found in ${sourceId}`).toBe(
      true,
    );
  });
});
