// The Dashboard's "Try again" (components/Dashboard.tsx) aborts the failed attempt's effect and calls
// fetchDataset afresh with a new AbortController. That click needs a DOM and React's effects, which the unit
// tests (vitest in Node, no jsdom) do not have; tests/e2e/fetch.spec.ts clicks it in Chromium. What a retry
// relies on in lib/ is tested here: an attempt leaves nothing behind (timers, aborts, state) that could
// break the next one, so a second call after any failure loads the dataset.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DatasetFetchError, fetchDataset } from "@/lib/data/fetchDataset";

const JSON_TEXT = readFileSync("tests/fixtures/mini.json", "utf8");
const aborted = () => new DOMException("aborted", "AbortError");

/** A fetch that never answers until its signal aborts. */
const hangs: typeof fetch = (_url, init) =>
  new Promise<Response>((_resolve, reject) =>
    init?.signal?.addEventListener("abort", () => reject(aborted())),
  );

/** A fetch that answers each call with the next behaviour of the list. */
function scripted(...answers: ((init?: RequestInit) => Promise<Response>)[]) {
  let call = 0;
  const impl = vi.fn<typeof fetch>((_url, init) => answers[Math.min(call++, answers.length - 1)]!(init));
  return impl;
}
const ok = async () => new Response(JSON_TEXT, { headers: { "Content-Type": "application/json" } });

afterEach(() => {
  vi.useRealTimers();
});

describe("a retry after a failed download", () => {
  it("loads the dataset after an HTTP error, a wrong answer and a connection failure", async () => {
    const fetchImpl = scripted(
      async () => new Response("Bad gateway", { status: 502 }),
      async () => new Response('{"foo":1}'),
      async () => {
        throw new TypeError("Failed to fetch");
      },
      ok,
    );
    await expect(fetchDataset("/dataset.json", { fetchImpl })).rejects.toMatchObject({ kind: "status" });
    await expect(fetchDataset("/dataset.json", { fetchImpl })).rejects.toMatchObject({ kind: "shape" });
    await expect(fetchDataset("/dataset.json", { fetchImpl })).rejects.toMatchObject({
      kind: "network",
      message: "the connection failed (Failed to fetch)",
    });
    const data = await fetchDataset("/dataset.json", { fetchImpl });
    // tests/fixtures/mini.json holds 4 events, 3 stances and 3 quotes.
    expect([data.events.length, data.stances.length, data.quotes.length]).toEqual([4, 3, 3]);
    expect(fetchImpl).toHaveBeenCalledTimes(4);
  });

  it("after a timeout, leaves no timer behind, and the retry gets its own full stall limit", async () => {
    vi.useFakeTimers();
    const fetchImpl = scripted(
      (init) => hangs("/dataset.json", init),
      // The second attempt answers after 15 s: within its own 20 s limit, though 35 s after the first began.
      (init) =>
        new Promise<Response>((resolve, reject) => {
          const t = setTimeout(() => resolve(ok()), 15_000);
          init?.signal?.addEventListener("abort", () => {
            clearTimeout(t);
            reject(aborted());
          });
        }),
    );
    const first = fetchDataset("/dataset.json", { fetchImpl, stallMs: 20_000 });
    const failed = expect(first).rejects.toMatchObject({
      kind: "timeout",
      message: "the server sent nothing for 20 seconds",
    });
    await vi.advanceTimersByTimeAsync(20_000);
    await failed;
    expect(vi.getTimerCount()).toBe(0);

    const second = fetchDataset("/dataset.json", { fetchImpl, stallMs: 20_000 });
    await vi.advanceTimersByTimeAsync(15_000);
    await expect(second).resolves.toMatchObject({ events: expect.any(Array) });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("is not disturbed by aborting the attempt it replaces", async () => {
    // The effect's cleanup aborts the old controller as the new attempt starts.
    const old = new AbortController();
    const fetchImpl = scripted((init) => hangs("/dataset.json", init), ok);
    const before = fetchDataset("/dataset.json", { fetchImpl, signal: old.signal });
    const fresh = new AbortController();
    const retry = fetchDataset("/dataset.json", { fetchImpl, signal: fresh.signal });
    old.abort();
    // The aborted attempt rejects with the abort itself, which the Dashboard does not show as an error.
    await expect(before).rejects.not.toBeInstanceOf(DatasetFetchError);
    expect(old.signal.aborted).toBe(true);
    await expect(retry).resolves.toMatchObject({ quotes: expect.any(Array) });
    expect(fresh.signal.aborted).toBe(false);
  });

  it("reports progress from zero again on the retry", async () => {
    const half = Math.floor(JSON_TEXT.length / 2);
    const enc = new TextEncoder();
    const streamedOk = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(enc.encode(JSON_TEXT.slice(0, half)));
            c.enqueue(enc.encode(JSON_TEXT.slice(half)));
            c.close();
          },
        }),
        { headers: { "X-Dataset-Bytes": String(enc.encode(JSON_TEXT).byteLength) } },
      );
    // The first half arrives, then the connection drops (an error discards queued chunks, so on the next pull).
    const brokenMidway = async () => {
      let pulls = 0;
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(c) {
            if (pulls++ === 0) c.enqueue(enc.encode(JSON_TEXT.slice(0, half)));
            else c.error(new TypeError("network error"));
          },
        }),
      );
    };
    const fetchImpl = scripted(brokenMidway, streamedOk);
    const seen: number[] = [];
    const onProgress = (p: { received: number }) => seen.push(p.received);
    await expect(fetchDataset("/d", { fetchImpl, onProgress })).rejects.toMatchObject({ kind: "network" });
    const total = enc.encode(JSON_TEXT).byteLength;
    const firstHalf = enc.encode(JSON_TEXT.slice(0, half)).byteLength;
    expect(seen).toEqual([firstHalf]);
    seen.length = 0;
    await fetchDataset("/d", { fetchImpl, onProgress });
    expect(seen).toEqual([firstHalf, total]);
  });
});
