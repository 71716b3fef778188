// The index columns the server sends beside a fetched dataset (issue 21): the browser takes them instead of
// building them, and builds its own whenever they are not exactly this dataset's.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/dataset.columns/route";
import { generateDataset } from "@/bench/generateDataset";
import { decodeColumns, encodeColumns, precomputedOf, type PrecomputedIndex } from "@/lib/data/columnsCodec";
import { indexDataset, type DatasetIndex } from "@/lib/data";
import { datasetLines } from "@/lib/data/datasetBody";
import { fetchIndexable } from "@/lib/data/fetchIndexable";
import { FACT_ORDER, FactsBuilder, factsOf } from "@/lib/data/recordFacts";
import { topByCount } from "@/lib/layout/networkDataset";
import type { DatasetFile } from "@/lib/model";

const FIXTURE = "tests/fixtures/mini.json";
const mini = (): DatasetFile => JSON.parse(readFileSync(FIXTURE, "utf8"));

/** The columns of `data` as the browser reads them back from the bytes the server sends. */
function roundTrip(data: DatasetFile): PrecomputedIndex | null {
  const bytes = encodeColumns(data, precomputedOf(indexDataset(data)));
  // A copy in a buffer of its own, as a download gives it.
  return decodeColumns(bytes.slice().buffer, data);
}

/** Columns per kind of record (an index's, or facts' alone) as plain arrays, to compare them. */
const plainColumns = (columns: Record<"events" | "stances" | "quotes", object>) =>
  Object.fromEntries(
    (["events", "stances", "quotes"] as const).map((kind) => [
      kind,
      Object.fromEntries(Object.entries(columns[kind]).map(([f, v]) => [f, [...(v as Int32Array)]])),
    ]),
  );
const columnsOf = (index: DatasetIndex) => plainColumns(index.columns);
const plain = (pre: PrecomputedIndex | null) => pre && plainColumns(pre.columns);

describe("the index columns the server sends", () => {
  it.each([
    ["the fixture", mini()],
    ["a generated dataset", generateDataset({ events: 800, seed: 3 })],
  ])("give %s the index the browser would build itself", (_, data) => {
    const pre = roundTrip(data);
    expect(pre).not.toBeNull();
    const own = indexDataset(data);
    const taken = indexDataset(data, pre!);
    expect(columnsOf(taken)).toEqual(columnsOf(own));
    expect(taken.campOf).toEqual(own.campOf);
    expect(taken.span).toEqual(own.span);
  });

  it("carry each actor's camp: Lavrov speaks through the foreign ministry for Russia", () => {
    const taken = indexDataset(mini(), roundTrip(mini())!);
    // tests/fixtures/mini.json: sergey-lavrov → russian-foreign-ministry → russia; the states stand alone.
    expect(taken.campOf.get("sergey-lavrov")).toBe("russia");
    expect(taken.campOf.get("russian-foreign-ministry")).toBe("russia");
    expect(taken.campOf.get("hossein-amir-abdollahian")).toBe("iran");
    expect(taken.campOf.get("israel")).toBe("israel");
    // Lavrov's quotes are listed under him, the ministry and Russia.
    const actors = taken.data.actors.map((a) => a.id);
    const { quotes } = taken.columns;
    const byLavrov = taken.data.quotes.findIndex((q) => q.speaker === "sergey-lavrov");
    expect(byLavrov).toBeGreaterThanOrEqual(0);
    const listed = [
      ...quotes.actors.subarray(quotes.actorStart[byLavrov]!, quotes.actorStart[byLavrov + 1]!),
    ];
    expect(listed.map((a) => actors[a])).toEqual(["sergey-lavrov", "russian-foreign-ministry", "russia"]);
  });

  describe("bytes that are not this dataset's columns are refused, so the browser builds its own", () => {
    const data = mini();
    const good = encodeColumns(data, precomputedOf(indexDataset(data)));
    const words = () => new Int32Array(good.slice().buffer);
    // The header: magic, 5 counts, then 16 lengths (5 per kind: year, episode, typeBits, actor counts,
    // actors; then the camps); the arrays follow in that order.
    const HEADER = 6 + 16;
    const offsetOf = (array: number) => {
      const w = words();
      let at = HEADER;
      for (let k = 0; k < array; k++) at += w[6 + k]!;
      return at;
    };
    const refused = (w: Int32Array) => expect(decodeColumns(w.buffer as ArrayBuffer, data)).toBeNull();

    it("the untouched bytes are taken", () => {
      expect(decodeColumns(good.slice().buffer, data)).not.toBeNull();
    });
    it("another format or a truncated or padded file", () => {
      const w = words();
      w[0] = 0x32434153;
      refused(w);
      refused(words().slice(0, -1));
      refused(Int32Array.from([...words(), 0]));
      expect(decodeColumns(good.slice(0, good.length - 2).buffer, data)).toBeNull();
      expect(decodeColumns(new ArrayBuffer(0), data)).toBeNull();
    });
    it("the columns of another dataset", () => {
      const other = generateDataset({ events: 50, seed: 1 });
      const bytes = encodeColumns(other, precomputedOf(indexDataset(other)));
      expect(decodeColumns(bytes.slice().buffer, data)).toBeNull();
      // The same counts but one record fewer in the file the columns were made for.
      const shorter = { ...data, quotes: data.quotes.slice(1) };
      expect(decodeColumns(good.slice().buffer, shorter)).toBeNull();
    });
    it("an actor, an episode or a camp out of range, or a negative count of actors", () => {
      const w1 = words();
      w1[offsetOf(4)] = data.actors.length; // the first event's first actor
      refused(w1);
      const w2 = words();
      w2[offsetOf(1)] = data.episodes.length; // the first event's episode
      refused(w2);
      const w3 = words();
      w3[offsetOf(15)] = -1; // the first actor's camp
      refused(w3);
      const w4 = words();
      w4[offsetOf(3)] = -1; // the first event's count of actors
      refused(w4);
      const w5 = words();
      w5[offsetOf(3)] = w5[offsetOf(3)]! + 1; // counts no longer add up to the actors listed
      refused(w5);
    });
  });
});

describe("GET /dataset.columns", () => {
  beforeAll(() => {
    vi.stubEnv("STANCE_ATLAS_DATASET", FIXTURE);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  const get = (headers: Record<string, string> = {}) =>
    GET(new Request("http://127.0.0.1/dataset.columns", { headers }));
  const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

  it("answers the fixture's columns, gzipped for clients that take gzip, revalidated by a weak ETag", async () => {
    const plainAnswer = await get();
    expect(plainAnswer.status).toBe(200);
    expect(plainAnswer.headers.get("content-type")).toBe("application/octet-stream");
    expect(plainAnswer.headers.get("cache-control")).toBe("no-cache");
    expect(plainAnswer.headers.get("vary")).toBe("Accept-Encoding");
    const etag = plainAnswer.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[^"]+\.c1"$/);
    const body = await bytesOf(plainAnswer);
    const data = mini();
    const pre = decodeColumns(new Uint8Array(body).buffer, data);
    expect(pre).not.toBeNull();
    expect(columnsOf(indexDataset(data, pre!))).toEqual(columnsOf(indexDataset(data)));

    const gz = await bytesOf(await get({ "Accept-Encoding": "gzip, deflate, br" }));
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(gz).equals(body)).toBe(true);
    expect((await bytesOf(await get({ "Accept-Encoding": "gzip;q=0" }))).equals(body)).toBe(true);

    const again = await get({ "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect((await bytesOf(again)).byteLength).toBe(0);
    expect((await get({ "If-None-Match": 'W/"stale"' })).status).toBe(200);
  });
});

describe("topByCount", () => {
  it("keeps the k highest counts, ties by id, as sorting them all would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 5 })), { maxLength: 60 }),
        fc.integer({ min: 0, max: 12 }),
        (entries, k) => {
          const counts = new Map(entries);
          const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
          expect(topByCount(counts, k)).toEqual(sorted.slice(0, k));
        },
      ),
    );
  });
});

describe("the facts built record by record", () => {
  const data = generateDataset({ events: 900, seed: 11 });

  it("are the same whether the records come all at once or a few at a time, as lines arrive", () => {
    const whole = factsOf(data);
    const builder = new FactsBuilder();
    for (const c of FACT_ORDER)
      for (let at = 0; at === 0 || at < data[c].length; at += 7) builder.add(c, data[c].slice(at, at + 7));
    const streamed = builder.finish(data)!;
    expect(plain(streamed)).toEqual(plain(whole));
    expect([...streamed.camp]).toEqual([...whole.camp]);
  });

  it("give nothing when the collections come out of order or incomplete", () => {
    const early = new FactsBuilder();
    early.add("events", data.events); // before the actors they name
    for (const c of FACT_ORDER) if (c !== "events") early.add(c, data[c]);
    expect(early.finish(data)).toBeNull();
    const short = new FactsBuilder();
    for (const c of FACT_ORDER) short.add(c, c === "quotes" ? data.quotes.slice(1) : data[c]);
    expect(short.finish(data)).toBeNull();
  });
});

describe("fetching a dataset with its facts", () => {
  const data = generateDataset({ events: 900, seed: 11 });
  const lines = new TextEncoder().encode(datasetLines(data));
  const columns = encodeColumns(data, precomputedOf(indexDataset(data)));
  const want = plain(factsOf(data));

  /** A server whose lines come in 20 chunks, each `delayMs` after the last; counts the columns asked for. */
  function server(delayMs: number, columnsBody: Uint8Array = columns) {
    const asked: string[] = [];
    const fetchImpl = (async (url: string) => {
      asked.push(url);
      if (url === "/dataset.columns") return new Response(columnsBody.slice());
      const size = Math.ceil(lines.length / 20);
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
          if (at >= lines.length) return controller.close();
          controller.enqueue(lines.slice(at, (at += size)));
        },
      });
      return new Response(body, { headers: { "Content-Type": "application/x-ndjson" } });
    }) as typeof fetch;
    return { fetchImpl, asked };
  }
  // Judged over the second half of the download's first 60%.
  const sampleBytes = Math.floor(lines.length * 0.6);

  it("while the browser waits on the network, builds the facts as the lines come and asks for no columns", async () => {
    const { fetchImpl, asked } = server(15);
    const got = await fetchIndexable("/dataset.jsonl", "/dataset.columns", { fetchImpl, sampleBytes });
    expect(got.data).toEqual(data);
    expect(plain(got.pre)).toEqual(want);
    expect(asked).toEqual(["/dataset.jsonl"]);
  });

  it("when the bytes come faster than it takes them, asks for the server's columns and takes them", async () => {
    const { fetchImpl, asked } = server(0);
    // A clock on which the download takes time but none of it is spent waiting: a busy browser.
    let t = 0;
    const got = await fetchIndexable("/dataset.jsonl", "/dataset.columns", {
      fetchImpl,
      sampleBytes,
      now: () => (t += 10),
    });
    expect(asked).toEqual(["/dataset.jsonl", "/dataset.columns"]);
    expect(got.data).toEqual(data);
    expect(plain(got.pre)).toEqual(want);
  });

  it("columns that are not this dataset's leave the facts to indexDataset", async () => {
    const other = generateDataset({ events: 100, seed: 2 });
    const { fetchImpl } = server(0, encodeColumns(other, precomputedOf(indexDataset(other))));
    let t = 0;
    const got = await fetchIndexable("/dataset.jsonl", "/dataset.columns", {
      fetchImpl,
      sampleBytes,
      now: () => (t += 10),
    });
    expect(got.pre).toBeNull();
    expect(got.data).toEqual(data);
  });

  it("a busy browser builds no facts at all: the records before the judgement were held, not built", async () => {
    const { fetchImpl } = server(0);
    const add = vi.spyOn(FactsBuilder.prototype, "add");
    try {
      let t = 0;
      const got = await fetchIndexable("/dataset.jsonl", "/dataset.columns", {
        fetchImpl,
        sampleBytes,
        now: () => (t += 10),
      });
      expect(plain(got.pre)).toEqual(want);
      expect(add).not.toHaveBeenCalled();
    } finally {
      add.mockRestore();
    }
  });

  it("a waiting browser builds the held records first, then the rest, each collection once and in order", async () => {
    const { fetchImpl } = server(15);
    const add = vi.spyOn(FactsBuilder.prototype, "add");
    try {
      await fetchIndexable("/dataset.jsonl", "/dataset.columns", { fetchImpl, sampleBytes });
      const taken = add.mock.calls.map(([collection, records]) => [collection, records.length] as const);
      const order = [...new Set(taken.map(([c]) => c))];
      expect(order).toEqual(FACT_ORDER.filter((c) => data[c].length > 0));
      for (const c of FACT_ORDER) {
        const n = taken.filter(([k]) => k === c).reduce((sum, [, len]) => sum + len, 0);
        expect(n, c).toBe(data[c].length);
      }
    } finally {
      add.mockRestore();
    }
  });

  it("a dataset smaller than the sample gets its facts built, without asking for columns", async () => {
    const { fetchImpl, asked } = server(0);
    const got = await fetchIndexable("/dataset.jsonl", "/dataset.columns", { fetchImpl });
    expect(asked).toEqual(["/dataset.jsonl"]);
    expect(plain(got.pre)).toEqual(want);
  });
});
