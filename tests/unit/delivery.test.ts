import { describe, expect, it, vi } from "vitest";
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { INLINE_BYTE_LIMIT, inlineByteLimit, inlinesDataset } from "@/lib/data";
import fc from "fast-check";
import { generateDataset } from "@/bench/generateDataset";
import { datasetBody, datasetLines, RECORDS_PER_LINE } from "@/lib/data/datasetBody";
import { DatasetFetchError, fetchDataset } from "@/lib/data/fetchDataset";
import { indexDatasetOnce } from "@/lib/data/indexOnce";
import { acceptsGzip, GZIP_ACCEPTED, ifNoneMatchMatches } from "@/lib/data/negotiate";
import type { DatasetFile } from "@/lib/model";

const mini = () => JSON.parse(readFileSync("tests/fixtures/mini.json", "utf8")) as DatasetFile;

describe("If-None-Match, as HTTP compares it", () => {
  const etag = 'W/"abc"';
  it("matches the same tag, weak or strong, alone or in a list, and *", () => {
    expect(ifNoneMatchMatches('W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"x", W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"x",W/"abc" , "y"', etag)).toBe(true);
    expect(ifNoneMatchMatches("*", etag)).toBe(true);
  });
  it("does not match another tag, an empty header or no header", () => {
    expect(ifNoneMatchMatches('"abd"', etag)).toBe(false);
    expect(ifNoneMatchMatches('"x", "y"', etag)).toBe(false);
    expect(ifNoneMatchMatches("", etag)).toBe(false);
    expect(ifNoneMatchMatches(null, etag)).toBe(false);
  });
});

describe("Accept-Encoding", () => {
  it("accepts gzip when a client lists it, with no q or a non-zero one", () => {
    for (const header of [
      "gzip, deflate, br, zstd", // Chromium
      "gzip, deflate, br", // Firefox, Safari
      "gzip",
      "br;q=1.0, gzip;q=0.8, *;q=0.1",
      "deflate,gzip;q=1.0",
      "gzip;q=0.001",
      " gzip ",
    ])
      expect(acceptsGzip(header), header).toBe(true);
  });
  it("refuses when gzip is absent or refused with q=0", () => {
    for (const header of [
      "",
      "deflate",
      "br",
      "identity",
      "x-gzip",
      "gzip;q=0",
      "gzip;q=0.0",
      "br, gzip;q=0.000",
      "*",
    ])
      expect(acceptsGzip(header), header).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
  it("is the very pattern next.config.ts labels the answer with", async () => {
    const config = (await import("@/next.config")).default;
    const rules = await config.headers!();
    for (const source of ["/dataset.json", "/dataset.jsonl", "/dataset.columns"]) {
      const rule = rules.find((r) => r.source === source && r.has?.some((h) => h.type === "header"));
      expect(rule?.has, source).toEqual([{ type: "header", key: "accept-encoding", value: GZIP_ACCEPTED }]);
      expect(rule?.headers, source).toEqual([{ key: "Content-Encoding", value: "gzip" }]);
    }
  });
});

describe("inline or fetch: by bytes", () => {
  it("inlines up to a megabyte of JSON by default, overridable by the environment", () => {
    expect(INLINE_BYTE_LIMIT).toBe(1_000_000);
    expect(inlinesDataset(1_000_000, INLINE_BYTE_LIMIT)).toBe(true);
    expect(inlinesDataset(1_000_001, INLINE_BYTE_LIMIT)).toBe(false);
    expect(inlineByteLimit({})).toBe(1_000_000);
    expect(inlineByteLimit({ STANCE_ATLAS_INLINE_BYTES: "0" })).toBe(0);
    expect(inlineByteLimit({ STANCE_ATLAS_INLINE_BYTES: "abc" })).toBe(1_000_000);
    expect(inlineByteLimit({ STANCE_ATLAS_INLINE_BYTES: "-5" })).toBe(1_000_000);
  });
  it("a dataset of few records but long texts is fetched", () => {
    // 4 events, 3 stances: a record count of 18 inlined it before, whatever its size.
    const data = mini();
    data.quotes[0] = { ...data.quotes[0]!, text: "x".repeat(1_200_000) };
    expect(inlinesDataset(datasetBody(data).json.byteLength)).toBe(false);
    expect(inlinesDataset(datasetBody(mini()).json.byteLength)).toBe(true);
  });
});

describe("the dataset's body", () => {
  it("is the JSON of the dataset, under a weak tag, gzipped once", async () => {
    const data = mini();
    const body = datasetBody(data);
    expect(JSON.parse(body.json.toString("utf8"))).toEqual(data);
    expect(body.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(datasetBody(data)).toBe(body);
    const gz = await body.gzipped();
    expect(gunzipSync(gz).equals(body.json)).toBe(true);
    expect(body.gzipped()).toBe(body.gzipped());
    expect(datasetBody(mini()).etag).toBe(body.etag); // same content, same tag
  });
});

describe("the dataset as lines of JSON", () => {
  const COLLECTIONS = ["sources", "actors", "episodes", "claims", "events", "stances", "quotes"] as const;
  // 6,000 events: 9,000 stances and 5,400 quotes (bench/generateDataset.ts's proportions) take two lines each.
  const big = generateDataset({ events: 6000, seed: 5 });

  it("holds every record once, in order, at most 5,000 to a line, each collection at least once", () => {
    for (const data of [mini(), big]) {
      const text = datasetLines(data);
      expect(text.endsWith("\n")).toBe(true);
      const lines = text
        .slice(0, -1)
        .split("\n")
        .map((l) => JSON.parse(l) as [string, unknown[]]);
      const rebuilt: Record<string, unknown[]> = {};
      for (const [c, records] of lines) {
        expect(records.length).toBeLessThanOrEqual(RECORDS_PER_LINE);
        (rebuilt[c] ??= []).push(...records);
      }
      expect([...new Set(lines.map(([c]) => c))]).toEqual([...COLLECTIONS]);
      expect(rebuilt).toEqual(data);
    }
    expect(
      datasetLines(big)
        .split("\n")
        .filter((l) => l.startsWith('["stances"')),
    ).toHaveLength(2);
    // The fixture has no claims: their line is there, empty.
    expect(datasetLines(mini())).toContain('["claims",[]]');
  });

  it("a line break or separator inside a text stays inside its line", () => {
    const data = mini();
    data.quotes[0]!.text = "one\ntwo\u2028three\r\nfour";
    const text = datasetLines(data);
    expect(text.split("\n").filter(Boolean)).toHaveLength(COLLECTIONS.length);
  });

  it("is what /dataset.jsonl sends: the body's lines, gzipped once", async () => {
    const body = datasetBody(big);
    expect(body.lines().toString("utf8")).toBe(datasetLines(big));
    expect(body.lines()).toBe(body.lines());
    expect(gunzipSync(await body.linesGzipped()).equals(body.lines())).toBe(true);
  });
});

/** A Response streaming the given chunks, then stalling forever if `stallAfter` is set. */
function streamed(chunks: string[], init: ResponseInit = {}, stallAfter = false) {
  const enc = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(enc.encode(chunks[i++]!));
      else if (!stallAfter) controller.close();
      else return new Promise<void>(() => {});
    },
  });
  return new Response(body, init);
}

describe("fetching the dataset in the browser", () => {
  const json = JSON.stringify(mini());
  const half = Math.floor(json.length / 2);

  it("reports progress against the decoded size and returns the dataset", async () => {
    const seen: [number, number | null][] = [];
    const data = await fetchDataset("/dataset.json", {
      fetchImpl: async () =>
        streamed([json.slice(0, half), json.slice(half)], {
          headers: { "X-Dataset-Bytes": String(json.length), "Content-Encoding": "gzip" },
        }),
      onProgress: (p) => seen.push([p.received, p.total]),
    });
    expect(data.events).toHaveLength(4);
    expect(seen).toEqual([
      [half, json.length],
      [json.length, json.length],
    ]);
  });

  it("gives up with a timeout when the server stalls, before the headers or in the body", async () => {
    vi.useFakeTimers();
    try {
      const neverAnswers = fetchDataset("/dataset.json", {
        stallMs: 20_000,
        fetchImpl: (_url, init) =>
          new Promise<Response>((_resolve, reject) =>
            init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
          ),
      });
      const first = expect(neverAnswers).rejects.toMatchObject({
        kind: "timeout",
        message: "the server sent nothing for 20 seconds",
      });
      await vi.advanceTimersByTimeAsync(20_000);
      await first;

      const stallsMidway = fetchDataset("/dataset.json", {
        stallMs: 5_000,
        fetchImpl: async () => streamed([json.slice(0, half)], {}, true),
      });
      const second = expect(stallsMidway).rejects.toBeInstanceOf(DatasetFetchError);
      await vi.advanceTimersByTimeAsync(5_000);
      await second;
      await expect(stallsMidway).rejects.toMatchObject({ kind: "timeout" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("names an answer of the wrong shape, a non-JSON answer and an HTTP error", async () => {
    const answer = (body: string, status = 200) =>
      fetchDataset("/d", { fetchImpl: async () => new Response(body, { status }) });
    await expect(answer('{"foo":1}')).rejects.toMatchObject({
      kind: "shape",
      message:
        "the server's answer is not a Stance Atlas dataset (no sources, actors, episodes, events, stances, quotes, claims list)",
    });
    await expect(answer("<html>proxy error</html>")).rejects.toMatchObject({
      kind: "shape",
      message: "the server's answer is not JSON",
    });
    await expect(answer("null")).rejects.toMatchObject({ kind: "shape" });
    await expect(answer("oops", 502)).rejects.toMatchObject({
      kind: "status",
      message: "the server answered 502",
    });
  });

  it("leaves an abort by the caller as it is", async () => {
    const controller = new AbortController();
    const pending = fetchDataset("/d", {
      signal: controller.signal,
      fetchImpl: (_url, init) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
        ),
    });
    controller.abort();
    await expect(pending).rejects.not.toBeInstanceOf(DatasetFetchError);
  });
});

describe("fetching the dataset as lines", () => {
  const data = mini();
  // Words that take two to four bytes in UTF-8, so a cut can fall inside a character.
  data.quotes[0]!.text = "«Ça suffit» — 停止 ✓ 🚀 end";
  const bytes = new TextEncoder().encode(datasetLines(data));
  const NDJSON = { "Content-Type": "application/x-ndjson; charset=utf-8" };
  const cutAt = (at: readonly number[], init: ResponseInit = { headers: NDJSON }) => {
    const cuts = [0, ...[...new Set(at)].sort((a, b) => a - b), bytes.length];
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i + 1 < cuts.length) controller.enqueue(bytes.slice(cuts[i]!, cuts[++i]!));
        else controller.close();
      },
    });
    return new Response(body, init);
  };

  it("gives the same dataset wherever the download is cut into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        async (at) => {
          const got = await fetchDataset("/dataset.jsonl", { fetchImpl: async () => cutAt(at) });
          expect(got).toEqual(data);
        },
      ),
      { numRuns: 60 },
    );
    // A byte at a time.
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, k) => k + 1);
    expect(await fetchDataset("/d", { fetchImpl: async () => cutAt(everyByte) })).toEqual(data);
  });

  it("names a line that is not JSON or not a list of records, and a missing collection", async () => {
    const answer = (text: string) => async () => new Response(text, { headers: NDJSON });
    await expect(fetchDataset("/d", { fetchImpl: answer('["events",[]]\n{"oops"\n') })).rejects.toMatchObject(
      {
        kind: "shape",
        message: "the server's answer is not JSON lines",
      },
    );
    await expect(fetchDataset("/d", { fetchImpl: answer('{"events":[]}\n') })).rejects.toMatchObject({
      kind: "shape",
      message: "the server's answer has a line that is not a list of records",
    });
    const partial = datasetLines(mini())
      .split("\n")
      .filter((l) => !l.startsWith('["quotes"'))
      .join("\n");
    await expect(fetchDataset("/d", { fetchImpl: answer(partial) })).rejects.toMatchObject({
      kind: "shape",
      message: "the server's answer is not a Stance Atlas dataset (no quotes list)",
    });
    // A collection named like a built-in is one more list, not a crash.
    const odd = `["__proto__",[1]]\n["toString",[2]]\n${datasetLines(mini())}`;
    const got = await fetchDataset("/d", { fetchImpl: answer(odd) });
    expect(got.events).toEqual(mini().events);
  });
});

describe("the index of the page's dataset", () => {
  it("is built once per content, not once per render", () => {
    const a = indexDatasetOnce('W/"one"', mini());
    const b = indexDatasetOnce('W/"one"', mini()); // a fresh object per request, same content
    expect(b).toBe(a);
    const c = indexDatasetOnce('W/"two"', mini());
    expect(c).not.toBe(a);
    expect(c.eventById.size).toBe(4);
  });
});
