import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indexDataset } from "@/lib/data";
import { validateDataset } from "@/lib/data/validateDataset";
import { claimReviewScripts } from "@/lib/export/claimReview";
import { csvField, csvRecord, toCsv } from "@/lib/export/csv";
import { closeGaps } from "@/components/export/capture";
import { composeImage, MAX_SOURCES, placeSvg, quotesDrawing, wrapText } from "@/lib/export/image";
import { jsonChunks } from "@/lib/export/json";
import { csvReadme, exportBaseName, filtersInWords, localDataNote } from "@/lib/export/naming";
import { eventTable, quoteTable, stanceTable, visibleDataset } from "@/lib/export/records";
import { crc32, zipParts, zipStored } from "@/lib/export/zip";
import type { DatasetFile, Quote } from "@/lib/model";
import { selectVisible } from "@/lib/select";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";
import { parseCsv, unzipStored } from "../readFormats";

const bundled = indexDataset(JSON.parse(readFileSync("data/escalations.json", "utf8")) as DatasetFile);
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

describe("CSV (RFC 4180)", () => {
  it("quotes only the fields that need it and doubles their quotes", () => {
    expect(csvField("Lavrov")).toBe("Lavrov");
    expect(csvField('a "mirror response"')).toBe('"a ""mirror response"""');
    expect(csvField("one, two")).toBe('"one, two"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(undefined)).toBe("");
    expect(csvRecord(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("round-trips a quote with commas, quotes, a line break and non-ASCII names", () => {
    const q: Quote = {
      ...bundled.data.quotes[0]!,
      text: 'He said: "we condemn this",\r\nthen — Лавров, Амир-Абдоллахиян — left.',
    };
    const rows = parseCsv(toCsv(quoteTable(bundled), [q]));
    expect(rows).toHaveLength(2);
    const header = rows[0]!;
    expect(rows[1]![header.indexOf("text")]).toBe(q.text);
    expect(rows[1]![header.indexOf("id")]).toBe(q.id);
  });
});

describe("the visible records as tables (data/escalations.json)", () => {
  // /?actors=russia&years=2025: 11 events, 13 stances, 10 quotes (counted by hand in tests/e2e/literal.spec.ts).
  const visible = selectVisible(bundled, view({ actors: ["russia"], years: { start: 2025, end: 2025 } }));

  it("has one row per shown record of each kind, under a header", () => {
    expect(parseCsv(toCsv(eventTable(bundled), visible.events))).toHaveLength(1 + 11);
    expect(parseCsv(toCsv(stanceTable(bundled), visible.stances))).toHaveLength(1 + 13);
    expect(parseCsv(toCsv(quoteTable(bundled), visible.quotes))).toHaveLength(1 + 10);
  });

  it("names actors and reports, and keeps the evidence verbatim", () => {
    const rows = parseCsv(toCsv(stanceTable(bundled), visible.stances));
    const h = rows[0]!;
    const peskov = rows.find((r) => r[h.indexOf("id")] === "peskov-condemns-us-attacks")!;
    expect(peskov[h.indexOf("from_name")]).toBe("Dmitry Peskov");
    expect(peskov[h.indexOf("to_id")]).toBe("united-states");
    expect(peskov[h.indexOf("type")]).toBe("condemn");
    expect(peskov[h.indexOf("source_publisher")]).toBe(
      "Igbere TV News (igberetvnews.com; inferred), rewriting a Reuters report",
    );
    const stance = bundled.stanceById.get("peskov-condemns-us-attacks")!;
    expect(peskov[h.indexOf("evidence")]).toBe(stance.evidence);
    expect(peskov[h.indexOf("outside_the_reports")]).toBe(stance.outside!.map((o) => o.note).join("|"));
  });

  it("joins an event's several actors with |", () => {
    const rows = parseCsv(toCsv(eventTable(bundled), bundled.data.events));
    const h = rows[0]!;
    const call = rows.find((r) => r[h.indexOf("id")] === "lavrov-zarif-call-2020")!;
    expect(call[h.indexOf("actor_ids")]).toBe("javad-zarif|sergey-lavrov");
    expect(call[h.indexOf("actor_names")]).toBe("Javad Zarif|Sergey Lavrov");
  });
});

describe("the visible records as a dataset (JSON)", () => {
  for (const [name, v] of [
    ["Russia in 2025", view({ actors: ["russia"], years: { start: 2025, end: 2025 } })],
    ["condemnations only", view({ stances: ["condemn"] })],
    ["the April 2024 episode", view({ episode: "april-2024" })],
    ["a search", view({ q: "Lavrov" })],
  ] as const)
    it(`validates as a dataset and holds exactly what is shown: ${name}`, () => {
      const visible = selectVisible(bundled, v);
      const file = visibleDataset(bundled, visible);
      const again = validateDataset(JSON.parse(JSON.stringify(file)), "download.json");
      expect(again.events.map((e) => e.id)).toEqual(visible.events.map((e) => e.id));
      expect(again.stances.map((s) => s.id)).toEqual(visible.stances.map((s) => s.id));
      expect(again.quotes.map((q) => q.id)).toEqual(visible.quotes.map((q) => q.id));
    });

  it("keeps an actor's whole affiliation chain (al-Muhandis → People's Mobilization Force → Iraq)", () => {
    const file = visibleDataset(bundled, selectVisible(bundled, view({ actors: ["iraq"] })));
    const ids = new Set(file.actors.map((a) => a.id));
    for (const id of ["abu-mahdi-al-muhandis", "popular-mobilization-forces", "iraq"])
      expect(ids.has(id)).toBe(true);
  });

  it("drops the link to the earlier part of a split quote the search leaves out", () => {
    // Only putin-assist-iranian-people says "assist the Iranian people"; it continues putin-unprovoked-aggression.
    const file = visibleDataset(bundled, selectVisible(bundled, view({ q: "assist the Iranian people" })));
    expect(file.quotes.map((q) => q.id)).toEqual(["putin-assist-iranian-people"]);
    expect(file.quotes[0]!.continues).toBeUndefined();
    expect(bundled.quoteById.get("putin-assist-iranian-people")!.continues).toBe(
      "putin-unprovoked-aggression",
    );
  });
});

describe("JSON (dataset file)", () => {
  it("writes in chunks exactly what JSON.stringify(file, null, 2) writes", () => {
    const file = visibleDataset(bundled, selectVisible(bundled, DEFAULT_VIEW));
    const chunks = [...jsonChunks(file, 7)];
    // 62 events, 69 stances and 41 quotes (data/escalations.json) make more than 20 chunks of 7.
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.join("")).toBe(JSON.stringify(file, null, 2));
    const empty = { ...file, claims: [], episodes: [] };
    expect([...jsonChunks(empty)].join("")).toBe(JSON.stringify(empty, null, 2));
  });
});

describe("ZIP (stored)", () => {
  it("computes CRC-32's check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("carries a CRC over a file read in parts", () => {
    const enc = new TextEncoder();
    expect(crc32(enc.encode("6789"), crc32(enc.encode("12345")))).toBe(0xcbf43926);
    expect(crc32(enc.encode("123456789"), crc32(new Uint8Array(0)))).toBe(0xcbf43926);
  });

  it("writes a file given in parts, without copying it into one array", () => {
    const enc = new TextEncoder();
    const [a, b] = [enc.encode("id,text\r\n"), enc.encode("q,Лавров\r\n")];
    const parts = zipParts([
      { name: "quotes.csv", parts: [a, b], size: a.length + b.length, crc: crc32(b, crc32(a)) },
    ]);
    expect(parts).toContain(a);
    expect(parts).toContain(b);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    expect([...unzipStored(bytes)]).toEqual([["quotes.csv", "id,text\r\nq,Лавров\r\n"]]);
  });

  it("writes entries an unzip can list: local headers, central directory, end record", () => {
    const files = [
      { name: "events.csv", data: new TextEncoder().encode("id\r\na\r\n") },
      { name: "quotes.csv", data: new TextEncoder().encode("id,text\r\nq,Лавров\r\n") },
    ];
    const read = [...unzipStored(zipStored(files))].map(([name, text]) => ({ name, text }));
    expect(read).toEqual([
      { name: "events.csv", text: "id\r\na\r\n" },
      { name: "quotes.csv", text: "id,text\r\nq,Лавров\r\n" },
    ]);
  });
});

describe("names and captions", () => {
  it("names a file by what is in it", () => {
    expect(exportBaseName(view({ actors: ["russia", "iran"], years: { start: 2023, end: 2024 } }))).toBe(
      "stance-atlas_russia-iran_2023-2024",
    );
    expect(exportBaseName(view({ episode: "april-2024" }))).toBe("stance-atlas_april-2024");
    expect(exportBaseName(DEFAULT_VIEW)).toBe("stance-atlas_all");
  });

  it("puts the filters in words", () => {
    expect(
      filtersInWords(
        bundled,
        view({ actors: ["russia", "iran"], years: { start: 2023, end: 2024 }, stances: ["condemn"] }),
      ),
    ).toBe("Russia, Iran · 2023–2024 · condemnations only");
    // The dataset's events run from 2006 to 2025 (data/escalations.json).
    expect(filtersInWords(bundled, DEFAULT_VIEW)).toBe("All actors · 2006–2025");
    // An episode is its own period: not "· 2006–2025" beside it (the Gaza 2023 episode's title, from the JSON).
    expect(filtersInWords(bundled, view({ actors: ["russia"], episode: "gaza-2023" }))).toBe(
      "Russia · Hamas attack of 7 October 2023, Iran's reactions, Lavrov's claim and its fact-check",
    );
    expect(filtersInWords(bundled, view({ episode: "gaza-2023", years: { start: 2023, end: 2023 } }))).toBe(
      "All actors · Hamas attack of 7 October 2023, Iran's reactions, Lavrov's claim and its fact-check · 2023",
    );
  });
});

describe("the export image", () => {
  const drawing = {
    title: "Condemnation network",
    svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 100 50" class="x"><circle r="3"/></svg>',
    width: 700,
    height: 350,
  };
  const caption = {
    filters: "Iran, Russia · 2023–2024 · condemnations only",
    selection: "actor Russia",
    sources: ["Anadolu Agency, “Russia says it will 'defend, support’ Iran”, 15 April 2024"],
    datasetDate: "Data as of 23 June 2025 (the latest report)",
    permalink: "https://atlas.example/?actors=iran,russia&years=2023-2024&stances=condemn",
  };

  it("places a drawing at its size, keeping its viewBox and replacing its own size", () => {
    expect(placeSvg(drawing.svg, 24, 80.5, 700, 350)).toBe(
      '<svg x="24" y="80.5" width="700" height="350" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" class="x"><circle r="3"/></svg>',
    );
  });

  it("carries the title, the filters, the selection, each view under its name, the sources, the date and the link", () => {
    const { svg, width, height } = composeImage([drawing], caption);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(width).toBe(700 + 48);
    expect(height).toBeGreaterThan(350);
    for (const text of [
      ">Stance Atlas<",
      ">Iran, Russia · 2023–2024 · condemnations only<",
      ">Selected: actor Russia<",
      ">Condemnation network<",
      "Anadolu Agency, “Russia says it will 'defend, support’ Iran”, 15 April 2024",
      ">Data as of 23 June 2025 (the latest report)<",
      // The link, escaped for XML.
      "?actors=iran,russia&amp;years=2023-2024&amp;stances=condemn",
    ])
      expect(svg).toContain(text);
    // Exactly one more <svg> than the drawing has: the drawing is nested whole.
    expect(svg.match(/<svg\b/g)).toHaveLength(2);
    expect(svg.match(/<\/svg>/g)).toHaveLength(2);
  });

  it("names at most MAX_SOURCES reports and counts the rest, so a large dataset's image stays drawable", () => {
    // At 100,000 generated events the view drew on 10,000 reports: an image 151,557 px tall, which no canvas holds.
    const sources = Array.from(
      { length: 10_000 },
      (_, i) => `Publisher ${i + 1}, “Report ${i + 1}”, 1 May 2024`,
    );
    const { svg, height } = composeImage([drawing], { ...caption, sources });
    expect(MAX_SOURCES).toBe(12);
    expect(svg).toContain(">Publisher 12, “Report 12”, 1 May 2024<");
    expect(svg).not.toContain("Publisher 13,");
    expect(svg).toContain(">…and 9,988 more reports: the CSV and JSON downloads name every one.<");
    expect(height).toBeLessThan(1000);
    const one = composeImage([drawing], { ...caption, sources: sources.slice(0, 13) }).svg;
    expect(one).toContain(">…and 1 more report: the CSV and JSON downloads name every one.<");
  });

  it("closes the empty rows between drawings to 12 px, and starts at the first", () => {
    // Overview at 100–150; two panels side by side at 210–300 and 220–290 (60 px below: 48 too many); a row
    // 5 px under them keeps its gap.
    const shifts = closeGaps([
      { top: 100, bottom: 150 },
      { top: 220, bottom: 290 },
      { top: 210, bottom: 300 },
      { top: 305, bottom: 400 },
    ]);
    expect(shifts).toEqual([100, 148, 148, 148]);
  });

  it("wraps words to the width, and lists quotes with their speakers", () => {
    const lines = wrapText("one two three four five six seven eight nine ten", 60, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("one two three four five six seven eight nine ten");
    const q = quotesDrawing(
      [{ speaker: "Sergey Lavrov", date: "15 April 2024", text: 'we will "defend & support" Iran' }],
      500,
    );
    expect(q.svg).toContain(">Sergey Lavrov · 15 April 2024<");
    expect(q.svg).toContain("“we will &quot;defend &amp; support&quot; Iran”");
    // 90,000 quotes at 100,000 generated events: the count is written as a number is read.
    const many = Array.from({ length: 1_008 }, (_, i) => ({ speaker: `S${i}`, date: "2024", text: "t" }));
    expect(quotesDrawing(many, 500).svg).toContain(">…and 1,000 more quotes in this view.<");
  });
});

describe("ClaimReview", () => {
  it("describes the bundled claim as schema.org does (data/escalations.json, claims[0])", () => {
    const [script] = claimReviewScripts(bundled);
    const review = JSON.parse(script!);
    expect(review).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      // The Polygraph.info report is dated to the month (published 2023-10-01, datePrecision "month").
      datePublished: "2023-10",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Sergey Lavrov" },
        datePublished: "2023-10-19",
      },
      reviewRating: { "@type": "Rating", alternateName: "False" },
      reviewBody:
        "Iran’s deeply rooted support for Hamas remains the main source of instability in the region.",
    });
    expect(review.claimReviewed.startsWith("With regard to Gaza… the Iranian authorities")).toBe(true);
    expect(script).not.toContain("<");
  });
});

describe("a dataset opened from a file", () => {
  it("the CSV README says the data is local instead of the dataset's date", () => {
    const published = csvReadme("Everything", "http://x/", "23 June 2025");
    expect(published.split("\r\n")[4]).toBe("Data as of 23 June 2025");
    const local = csvReadme("Everything", "http://x/?data=local:1a2b3c4d", "23 June 2025", "1a2b3c4d");
    expect(local.split("\r\n")[4]).toBe(
      "Data: opened from a local file (local:1a2b3c4d), not the published dataset; the link shows it only in the browser that opened it",
    );
    expect(local).not.toContain("Data as of");
    expect(localDataNote("00ff00ff")).toContain("(local:00ff00ff)");
  });

  it("the image caption wraps the note instead of running past the edge", () => {
    const { svg } = composeImage([], {
      filters: "Everything",
      sources: [],
      datasetDate: localDataNote("1a2b3c4d"),
      permalink: "http://x/",
    });
    expect(svg).toContain("Data: opened from a local file (local:1a2b3c4d)");
  });
});
