// The `/dataset.json` route's answers, by calling its GET with a Request: the dataset the page does not
// inline, revalidated by a weak ETag, gzipped for clients that accept it, with its decoded size.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/dataset.json/route";

const FIXTURE = "tests/fixtures/mini.json";

beforeAll(() => {
  // The route reads the dataset this variable names (lib/data/loadDataset).
  vi.stubEnv("STANCE_ATLAS_DATASET", FIXTURE);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const get = (headers: Record<string, string> = {}) =>
  GET(new Request("http://127.0.0.1/dataset.json", { headers }));
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("GET /dataset.json", () => {
  it("answers 200 with the dataset's JSON, a weak ETag, no-cache and its decoded size", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("etag")).toMatch(/^W\/"[^"]+"$/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    const body = await bytesOf(res);
    // The fixture itself, as JSON (validation keeps every record as written).
    expect(JSON.parse(body.toString("utf8"))).toEqual(JSON.parse(readFileSync(FIXTURE, "utf8")));
    expect(res.headers.get("x-dataset-bytes")).toBe(String(body.byteLength));
  });

  it("keeps the same tag from one request to the next", async () => {
    const a = (await get()).headers.get("etag");
    const b = (await get({ "Accept-Encoding": "gzip" })).headers.get("etag");
    expect(a).not.toBeNull();
    expect(b).toBe(a);
  });

  it("answers 304 with no body for the same tag, a list holding it, its strong form, or *", async () => {
    const etag = (await get()).headers.get("etag")!;
    const strong = etag.replace(/^W\//, "");
    for (const header of [etag, `"stale", ${etag}`, `${etag},"other"`, strong, "*"]) {
      const res = await get({ "If-None-Match": header });
      expect(res.status, header).toBe(304);
      expect(res.headers.get("etag"), header).toBe(etag);
      expect(res.headers.get("vary"), header).toBe("Accept-Encoding");
      expect((await bytesOf(res)).byteLength, header).toBe(0);
    }
  });

  it("answers 200 to another tag", async () => {
    for (const header of ['W/"stale"', '"stale", "older"', ""]) {
      const res = await get({ "If-None-Match": header });
      expect(res.status, header).toBe(200);
    }
  });

  it("sends gzip bytes that gunzip to the same JSON when the client accepts gzip, with the decoded size", async () => {
    const plain = await get();
    const json = await bytesOf(plain);
    for (const header of ["gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8"]) {
      const res = await get({ "Accept-Encoding": header });
      expect(res.status, header).toBe(200);
      const gz = await bytesOf(res);
      // gzip's magic bytes, then the very same JSON once decompressed.
      expect([gz[0], gz[1]], header).toEqual([0x1f, 0x8b]);
      expect(gunzipSync(gz).equals(json), header).toBe(true);
      expect(gz.byteLength, header).toBeLessThan(json.byteLength);
      // X-Dataset-Bytes is the decoded size, for the browser's progress bar, not the compressed one.
      expect(res.headers.get("x-dataset-bytes"), header).toBe(String(json.byteLength));
      expect(res.headers.get("etag"), header).toBe(plain.headers.get("etag"));
    }
  });

  it("sends plain JSON when the client refuses gzip or does not say", async () => {
    const json = await bytesOf(await get());
    for (const header of ["gzip;q=0", "identity", "br"]) {
      const body = await bytesOf(await get({ "Accept-Encoding": header }));
      expect(body.equals(json), header).toBe(true);
    }
  });
});
