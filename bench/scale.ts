// The scale bench (issue 23), `npx tsx bench/scale.ts`: generates datasets of 100,000, 1,000,000 and 10,000,000
// events as Parquet (bench/scaleData.ts), measures the DuckDB source on each (opening, building the filter
// facts, memory, and a scripted run of view changes, each asking the five answers a dashboard needs), then
// runs the peers side by side at 100,000 and 1,000,000: the in-browser index, crossfilter2, DuckDB directly
// and the DuckDB source through its HTTP route, on the same filter workload, checked to give the same counts.
// Each size and each peer run is a child process of its own, so memory figures are that size's alone.
//
// Environment: SCALE_SIZES (default 100000,1000000,10000000), SCALE_PEER_SIZES (100000,1000000), SCALE_PORT
// (3520), SCALE_ROUTE=0 to leave out the route (it needs `NEXT_DIST_DIR=.next-scale npx next build --webpack`
// first), SCALE_DIST (.next-scale). Exits non-zero when peers disagree; prints whether each goal is met.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import crossfilter from "crossfilter2";
import { indexDataset } from "../lib/data/indexDataset";
import { STANCE_TYPE_BIT } from "../lib/data/indexDataset";
import type { DatasetFile, StanceType } from "../lib/model/schema";
import { STANCE_TYPES } from "../lib/model/vocabulary";
import { DEFAULT_VIEW } from "../lib/model/viewState";
import type { FilterView } from "../lib/select/filters";
import { checkTables, openDuckSource, type DuckSource } from "../lib/source/duckdb";
import { indexSource } from "../lib/source/indexSource";
import { BROWSER_MAX_EVENTS, recordsOf } from "../lib/source/server";
import { MAX_TOP } from "../lib/source/types";
import { MAX_DRAWN_EDGES } from "../lib/select/graphEdges";
import { percentile } from "./interactions";
import { generateParquet, PARQUET_TABLES, type ParquetManifest } from "./scaleData";
import { measureServedDashboard } from "./servedDashboard";

const ROOT = path.resolve(import.meta.dirname, "..");
const TMP = path.join(ROOT, "bench", ".tmp");
const SIZES = (process.env.SCALE_SIZES ?? "100000,1000000,10000000").split(",").map(Number);
const PEER_SIZES = (process.env.SCALE_PEER_SIZES ?? "100000,1000000").split(",").filter(Boolean).map(Number);
const PORT = Number(process.env.SCALE_PORT ?? 3520);
const WITH_ROUTE = process.env.SCALE_ROUTE !== "0";
const DIST = process.env.SCALE_DIST ?? ".next-scale";
/** How many of the source workload's fifty changes, and of the peers' twenty-four queries, to run. */
const CHANGES = Number(process.env.SCALE_CHANGES ?? 50);
const PEER_QUERIES = Number(process.env.SCALE_PEER_QUERIES ?? 24);

/** The goals of issue 23 for this bench. */
const GOALS = {
  changeMedian1mMs: 100,
  changeP951mMs: 200,
  changeMedian10mMs: 250,
  /** The in-browser index at most crossfilter2's median at 100,000. */
  indexVsCrossfilterAt100k: 1,
  /** The route at most twice DuckDB's own median at 1,000,000. */
  routeVsDuckAt1m: 2,
  /** The dashboard at 1,000,000 (components/served): first render, and a click to the views redrawn. */
  dashboardFirstRender1mMs: 3000,
  dashboardChangeMedian1mMs: 100,
  dashboardChangeP951mMs: 200,
};

/** A line on stderr, so a long run shows where it is (SCALE_PROGRESS=0 silences it). */
const progress = (line: string) => {
  if (process.env.SCALE_PROGRESS !== "0") process.stderr.write(`  … ${line}\n`);
};
const dirOf = (n: number) => path.join(TMP, `parquet-${n}`);
const fmt = (n: number) => n.toLocaleString("en-US");
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Median and p95 of durations, ms. */
interface Stats {
  median: number;
  p95: number;
  n: number;
}
const stats = (xs: readonly number[]): Stats => ({
  median: percentile(xs, 50),
  p95: percentile(xs, 95),
  n: xs.length,
});

/** The default view's filters: nothing filtered. */
const DEFAULT_FILTERS: FilterView = DEFAULT_VIEW;

/** An actor every generated size has: the states come first (scaleData.ts), so `actor-k` for small k is one. */
const stateId = (k: number) => `actor-${k}`;
/** A non-state actor (person, organisation …), by its place after the states. */
const otherId = (rows: ParquetManifest["rows"], k: number) =>
  `actor-${Math.max(4, Math.round(rows.actors! * 0.15)) + 1 + k * 7}`;

/**
 * The scripted view changes of the source workload, in the spirit of bench/interactions.ts's mix: per cycle,
 * add two actors, narrow the years, pick an episode, pick stance types, search the quotes, then take each away,
 * ending where it started. Five cycles, fifty changes; the same for every size.
 */
function sourceWorkload(rows: ParquetManifest["rows"]): { kind: string; view: FilterView }[] {
  const out: { kind: string; view: FilterView }[] = [];
  const episodes = ["soleimani-2020", "gaza-2023", "april-2024", "us-strikes-2025"];
  const words = ["ceasefire", "sanctions", "treaty", "drone", "spokesperson"];
  let view = DEFAULT_FILTERS;
  const step = (kind: string, change: Partial<FilterView>) =>
    out.push({ kind, view: (view = { ...view, ...change }) });
  for (let c = 0; c < 5; c++) {
    step("actor", { actors: [stateId(c)] });
    step("actor", { actors: [stateId(c), otherId(rows, c)] });
    step("years", { years: { start: 2005 + c, end: 2020 + (c % 4) } });
    step("episode", { episode: episodes[c % 4]!, years: null });
    step("stances", { stances: [STANCE_TYPES[c % 13]!, STANCE_TYPES[(c + 4) % 13]!] });
    step("search", { q: words[c]! });
    step("search", { q: "" });
    step("episode", { episode: null });
    step("stances", { stances: [] });
    step("actor", { actors: [] });
  }
  return out;
}

/** The five answers the dashboard needs for a view. */
const ANSWERS = ["summary", "periods", "edges", "quotes", "actorCounts"] as const;

/**
 * Asks the five answers for a view and returns each one's time, ms. One after another: a DuckDB connection
 * runs one query at a time, so asking them together would queue them the same way and hide which costs what.
 */
async function fiveAnswers(source: DuckSource, view: FilterView): Promise<number[]> {
  const asks = [
    () => source.summary(view),
    // The time axis is not filtered by its own control, the year range.
    () => source.periods({ ...view, years: null }, "month"),
    () => source.edges(view, { limit: MAX_DRAWN_EDGES }),
    () => source.quotes(view, { offset: 0, limit: 50 }),
    () => source.actorCounts(view, { limit: 100 }),
  ];
  const out: number[] = [];
  for (const ask of asks) {
    const t = performance.now();
    await ask();
    out.push(performance.now() - t);
  }
  return out;
}

/** What one size's source run measured (a child process's result). */
interface SourceResult {
  n: number;
  loadMs: number;
  factsMs: number;
  /** Each facts table's build, ms (lib/source/duckdb.ts FACTS). */
  steps: Record<string, number>;
  /** The dataset's checks in SQL (checkTables), ms: what a server's start adds for a Parquet dataset. */
  checksMs: number;
  rssMb: number;
  firstMs: number;
  change: Stats;
  byKind: Record<string, Stats>;
  /** Per answer, over all changes. */
  byAnswer: Record<string, Stats>;
  rssAfterMb: number;
}

async function runSource(n: number): Promise<SourceResult> {
  const manifest = JSON.parse(readFileSync(path.join(dirOf(n), "manifest.json"), "utf8")) as ParquetManifest;
  const source = await openDuckSource({ path: dirOf(n) });
  progress(`${fmt(n)}: opened in ${ms(source.timings.loadMs + source.timings.factsMs)} ms`);
  const checked = performance.now();
  const { total: problems } = await checkTables(source);
  const checksMs = performance.now() - checked;
  if (problems > 0) throw new Error(`the generated dataset of ${fmt(n)} events fails ${problems} checks`);
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const firstMs = sum(await fiveAnswers(source, DEFAULT_FILTERS));
  const times: number[] = [];
  const kinds: Record<string, number[]> = {};
  const answers: number[][] = ANSWERS.map(() => []);
  for (const { kind, view } of sourceWorkload(manifest.rows).slice(0, CHANGES)) {
    const each = await fiveAnswers(source, view);
    each.forEach((x, k) => answers[k]!.push(x));
    const took = sum(each);
    times.push(took);
    (kinds[kind] ??= []).push(took);
    progress(`${fmt(n)}: change ${times.length} (${kind}) ${each.map(ms).join(" + ")} ms`);
  }
  const result: SourceResult = {
    n,
    ...source.timings,
    checksMs,
    rssMb,
    firstMs,
    change: stats(times),
    byKind: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, stats(v)])),
    byAnswer: Object.fromEntries(ANSWERS.map((a, k) => [a, stats(answers[k]!)])),
    rssAfterMb: process.memoryUsage().rss / 1024 / 1024,
  };
  await source.close();
  return result;
}

/** One query of the peers' workload: an actor set, a year range and stance types. */
interface PeerQuery {
  actors: string[];
  years: { start: number; end: number };
  stances: StanceType[];
}

/** Events per month and stances per directed pair, as sorted `[key, count]` lists: what every peer must agree on. */
interface PeerAnswer {
  months: [string, number][];
  pairs: [string, number][];
}

/** Twenty-four queries: one to three actors (states and others), a year range, two or three stance types. */
function peerWorkload(rows: ParquetManifest["rows"]): PeerQuery[] {
  return Array.from({ length: 24 }, (_, k) => {
    const actors = [stateId(k % 6)];
    if (k % 2 === 1) actors.push(otherId(rows, k));
    if (k % 3 === 2) actors.push(stateId(6 + (k % 5)));
    const stances = [STANCE_TYPES[k % 13]!, STANCE_TYPES[(k + 5) % 13]!];
    if (k % 4 === 3) stances.push(STANCE_TYPES[(k + 9) % 13]!);
    return { actors, years: { start: 2001 + (k % 10), end: 2014 + (k % 11) }, stances };
  });
}

const viewOf = (q: PeerQuery): FilterView => ({
  ...DEFAULT_FILTERS,
  actors: q.actors,
  years: q.years,
  stances: q.stances,
});
const sorted = (m: Map<string, number>): [string, number][] =>
  [...m].filter(([, c]) => c > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const pairsOf = (edges: readonly { from: string; to: string; count: number }[]) => {
  const m = new Map<string, number>();
  for (const e of edges) m.set(`${e.from}>${e.to}`, (m.get(`${e.from}>${e.to}`) ?? 0) + e.count);
  return sorted(m);
};
const monthsOf = (periods: readonly { start: string; count: number }[]) =>
  sorted(new Map(periods.map((p) => [p.start.slice(0, 7), p.count])));

/** A peer: set up once, then answers each query. */
interface Peer {
  name: string;
  setupMs: number;
  answer(q: PeerQuery): Promise<PeerAnswer> | PeerAnswer;
  /** The route's own report of its query time per answer (Server-Timing), ms, summed per query. */
  serverMs?: number[];
}

/** Reads the table form's records back into a dataset, in dataset order (no validation: the bench's own data). */
async function readBack(source: DuckSource): Promise<DatasetFile> {
  return (await recordsOf(source, "the bench's Parquet")) as unknown as DatasetFile;
}

function indexPeer(data: DatasetFile): Peer & { index: ReturnType<typeof indexDataset> } {
  const t = performance.now();
  const index = indexDataset(data);
  const sync = indexSource(index).sync;
  return {
    name: "in-browser index",
    setupMs: performance.now() - t,
    index,
    answer: (q) => ({
      months: monthsOf(sync.periods(viewOf(q), "month")),
      pairs: pairsOf(sync.edges(viewOf(q), { limit: MAX_TOP }).items),
    }),
  };
}

/**
 * crossfilter2 over the same records: one crossfilter for events (grouped by month) and one for stances
 * (grouped by directed pair), each with an array dimension of the actors a record involves, affiliations
 * included (read off the index's columns, so the actor filter means the same), a year dimension and a
 * stance-type bits dimension.
 */
function crossfilterPeer(index: ReturnType<typeof indexDataset>): Peer {
  const t = performance.now();
  const { events, stances } = index.data;
  const actorCount = index.data.actors.length;
  const involved = (kind: "events" | "stances", i: number) => {
    const { actorStart, actors } = index.columns[kind];
    return Array.from(actors.subarray(actorStart[i]!, actorStart[i + 1]!));
  };
  interface Row {
    actors: number[];
    year: number;
    bits: number;
    key: number;
  }
  const build = (kind: "events" | "stances", key: (i: number) => number) => {
    const cols = index.columns[kind];
    const rows: Row[] = Array.from({ length: cols.year.length }, (_, i) => ({
      actors: involved(kind, i),
      year: cols.year[i]!,
      bits: cols.typeBits[i]!,
      key: key(i),
    }));
    const cf = crossfilter(rows);
    const actorDim = cf.dimension((r) => r.actors, true);
    const yearDim = cf.dimension((r) => r.year);
    const bitsDim = cf.dimension((r) => r.bits);
    const group = cf
      .dimension((r) => r.key)
      .group()
      .reduceCount();
    return { actorDim, yearDim, bitsDim, group };
  };
  const monthKey = (date: string) => Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
  const ev = build("events", (i) => monthKey(events[i]!.date));
  const actorIndex = index.actorIndex;
  const st = build(
    "stances",
    (i) => actorIndex.get(stances[i]!.from)! * actorCount + actorIndex.get(stances[i]!.to)!,
  );
  const setup = performance.now() - t;
  const ids = index.data.actors.map((a) => a.id);
  const apply = (cf: typeof ev, q: PeerQuery) => {
    const wanted = new Set(q.actors.map((id) => actorIndex.get(id)));
    if (wanted.size === 0) cf.actorDim.filterAll();
    else cf.actorDim.filterFunction((a) => wanted.has(a as number));
    cf.yearDim.filterRange([q.years.start, q.years.end + 1]);
    let mask = 0;
    for (const s of q.stances) mask |= STANCE_TYPE_BIT[s] ?? 0;
    if (mask === 0) cf.bitsDim.filterAll();
    else cf.bitsDim.filterFunction((b) => ((b as number) & mask) !== 0);
  };
  return {
    name: "crossfilter2",
    setupMs: setup,
    answer(q) {
      apply(ev, q);
      apply(st, q);
      const months = new Map<string, number>();
      for (const g of ev.group.all())
        if ((g.value as number) > 0) {
          const k = g.key as number;
          months.set(`${Math.floor(k / 100)}-${String(k % 100).padStart(2, "0")}`, g.value as number);
        }
      const pairs = new Map<string, number>();
      for (const g of st.group.all())
        if ((g.value as number) > 0) {
          const k = g.key as number;
          pairs.set(`${ids[Math.floor(k / actorCount)]}>${ids[k % actorCount]}`, g.value as number);
        }
      return { months: sorted(months), pairs: sorted(pairs) };
    },
  };
}

/**
 * DuckDB directly: the source's own queries (lib/source/duckdb.ts), called in this process: what the route's
 * queries cost without HTTP, the parsing of the view and the JSON.
 */
function duckPeer(source: DuckSource): Peer {
  return {
    name: "DuckDB direct",
    setupMs: source.timings.loadMs + source.timings.factsMs,
    async answer(q) {
      const view = viewOf(q);
      return {
        months: monthsOf(await source.periods(view, "month")),
        pairs: pairsOf((await source.edges(view, { limit: MAX_TOP })).items),
      };
    },
  };
}

/** The DuckDB source through its route on a production server: GET /api/source/periods and /edges. */
function routePeer(base: string, setupMs: number): Peer {
  const serverMs: number[] = [];
  let current = 0;
  const get = async (answer: string, q: PeerQuery, extra = "") => {
    const query = `actors=${q.actors.join(",")}&years=${q.years.start}-${q.years.end}&stances=${q.stances.join(",")}${extra}`;
    const res = await fetch(`${base}/api/source/${answer}?${query}`);
    if (!res.ok) throw new Error(`GET /api/source/${answer}?${query}: ${res.status} ${await res.text()}`);
    current += Number(/dur=([\d.]+)/.exec(res.headers.get("Server-Timing") ?? "")?.[1] ?? NaN);
    const body = (await res.json()) as Record<string, unknown>;
    if (Array.isArray(body.ignored) && body.ignored.length > 0)
      throw new Error(`GET /api/source/${answer}?${query} ignored ${JSON.stringify(body.ignored)}`);
    return body;
  };
  return {
    name: "DuckDB via route",
    setupMs,
    serverMs,
    async answer(q) {
      current = 0;
      const periods = (await get("periods", q, "&unit=month")).periods as { start: string; count: number }[];
      const edges = (await get("edges", q, `&limit=${MAX_TOP}`)).edges as {
        from: string;
        to: string;
        count: number;
      }[];
      serverMs.push(current);
      return { months: monthsOf(periods), pairs: pairsOf(edges) };
    },
  };
}

/** What one peer measured at one size. */
interface PeerResult {
  name: string;
  setupMs: number;
  stats: Stats;
  /** For the route: the part of each query its handler reports as the source's own time. */
  serverStats?: Stats;
}

/** Starts `next start` on a Parquet directory and waits until its source answers (opening it is part of that). */
async function startServer(dir: string): Promise<{ server: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST, STANCE_ATLAS_DATASET: dir },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 300_000;
  let last = "";
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/source/summary`);
      if (res.ok && res.headers.get("X-Source") === "duckdb")
        return { server, readyMs: performance.now() - started };
      last = `${res.status} ${res.headers.get("X-Source")} ${(await res.text()).slice(0, 300)}`;
      if (res.status >= 500 || (res.ok && res.headers.get("X-Source") !== "duckdb")) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(server);
  throw new Error(`the server on ${dir} did not answer from DuckDB: ${last || "no answer within 300 s"}`);
}

function stopServer(server: ChildProcess) {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

async function runPeers(n: number): Promise<{
  n: number;
  peers: PeerResult[];
  routeError: string | null;
  readBackMs: number;
  dashboard: { firstRender: Stats; change: Stats } | null;
  /** Why the dashboard could not be measured, when it could not. */
  dashboardError: string | null;
}> {
  const manifest = JSON.parse(readFileSync(path.join(dirOf(n), "manifest.json"), "utf8")) as ParquetManifest;
  const queries = peerWorkload(manifest.rows).slice(0, PEER_QUERIES);
  const duck = await openDuckSource({ path: dirOf(n) });
  let t = performance.now();
  const data = await readBack(duck);
  const readBackMs = performance.now() - t;
  const index = indexPeer(data);
  const peers: Peer[] = [index, crossfilterPeer(index.index), duckPeer(duck)];
  let server: ChildProcess | null = null;
  let routeError: string | null = null;
  try {
    if (WITH_ROUTE) {
      try {
        const up = await startServer(dirOf(n));
        server = up.server;
        peers.push(routePeer(`http://127.0.0.1:${PORT}`, up.readyMs));
      } catch (err) {
        routeError = String(err instanceof Error ? err.message : err);
      }
    }
    // The first pass warms every peer and checks that all give the same counts; the second is timed.
    progress(`${fmt(n)}: peers set up (${peers.map((p) => p.name).join(", ")})`);
    const reference: string[] = [];
    for (const peer of peers)
      for (const [k, q] of queries.entries()) {
        const got = JSON.stringify(await peer.answer(q));
        progress(`${fmt(n)}: ${peer.name} answered query ${k}`);
        if (peer === peers[0]) reference.push(got);
        else if (got !== reference[k])
          throw new Error(
            `${peer.name} disagrees with ${peers[0]!.name} at ${fmt(n)} events on query ${k} ${JSON.stringify(q)}:\n` +
              `  ${peers[0]!.name}: ${reference[k]!.slice(0, 300)}\n  ${peer.name}: ${got.slice(0, 300)}`,
          );
      }
    const results: PeerResult[] = [];
    for (const peer of peers) {
      peer.serverMs?.splice(0);
      const times: number[] = [];
      for (const q of queries) {
        t = performance.now();
        await peer.answer(q);
        times.push(performance.now() - t);
      }
      results.push({
        name: peer.name,
        setupMs: peer.setupMs,
        stats: stats(times),
        ...(peer.serverMs ? { serverStats: stats(peer.serverMs) } : {}),
      });
    }
    // Past the browser's limit the server's `/` is the dashboard drawn from the routes: measure it in Chromium.
    let dashboard = null;
    let dashboardError: string | null = null;
    if (server && n > BROWSER_MAX_EVENTS) {
      progress(`${fmt(n)}: the dashboard in Chromium`);
      try {
        const times = await measureServedDashboard(`http://127.0.0.1:${PORT}`);
        dashboard = { firstRender: stats(times.firstRenders), change: stats(times.changes) };
      } catch (err) {
        dashboardError = String(err instanceof Error ? err.message : err).split("\n")[0]!;
      }
    }
    return { n, peers: results, routeError, readBackMs, dashboard, dashboardError };
  } finally {
    if (server) stopServer(server);
    await duck.close();
  }
}

/** Runs this script as a child for one stage and size, and reads back its one JSON result line. */
function child<T>(stage: string, n: number): T {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, "--child", stage, String(n)],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=16384` },
    },
  );
  const line = r.stdout
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("RESULT "));
  if (r.status !== 0 || !line)
    throw new Error(`${stage} at ${fmt(n)} failed (exit ${r.status}):\n${r.stdout}`);
  return JSON.parse(line.slice("RESULT ".length)) as T;
}

async function main() {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    const stage = process.argv[childAt + 1];
    const n = Number(process.argv[childAt + 2]);
    const result = stage === "source" ? await runSource(n) : await runPeers(n);
    console.log(`RESULT ${JSON.stringify(result)}`);
    return;
  }
  const wall = performance.now();
  let failed = false;
  const goal = (ok: boolean, what: string) => {
    console.log(`${ok ? "met" : "MISSED"}: ${what}`);
    if (!ok) failed = true;
  };

  console.log("\n### Generated Parquet datasets (DuckDB SQL, bench/scaleData.ts)\n");
  console.log(
    `| events | stances | quotes | actors | generate (s) | Parquet MB | ${PARQUET_TABLES.join(" | ")} |`,
  );
  console.log(
    `| ---: | ---: | ---: | ---: | ---: | ---: | ${PARQUET_TABLES.map(() => "---:").join(" | ")} |`,
  );
  for (const n of [...new Set([...SIZES, ...PEER_SIZES])].sort((a, b) => a - b)) {
    const m = await generateParquet(n, dirOf(n));
    const total = Object.values(m.bytes).reduce((a, b) => a + b, 0);
    console.log(
      `| ${fmt(n)} | ${fmt(m.rows.stances!)} | ${fmt(m.rows.quotes!)} | ${fmt(m.rows.actors!)} | ` +
        `${m.generateMs === 0 ? "cached" : (m.generateMs / 1000).toFixed(1)} | ${mb(total)} | ` +
        `${PARQUET_TABLES.map((t) => mb(m.bytes[t]!)).join(" | ")} |`,
    );
  }

  console.log("\n### DuckDB source: opening, facts, and view changes (five answers each)\n");
  console.log(
    "| events | load ms | facts ms | RSS MB | first answers ms | change median | change p95 | changes | RSS after MB |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const sourceResults: SourceResult[] = [];
  for (const n of SIZES) {
    const r = child<SourceResult>("source", n);
    sourceResults.push(r);
    console.log(
      `| ${fmt(n)} | ${ms(r.loadMs)} | ${ms(r.factsMs)} | ${r.rssMb.toFixed(0)} | ${ms(r.firstMs)} | ` +
        `${ms(r.change.median)} | ${ms(r.change.p95)} | ${r.change.n} | ${r.rssAfterMb.toFixed(0)} |`,
    );
  }
  // What the pre-aggregation costs, in the groups of lib/source/duckdb.ts FACTS.
  const groups: [string, string[]][] = [
    ["actors & chains", ["type_bits", "actor_ids", "episode_ids", "chain"]],
    ["record facts", ["event_bits", "event_episodes", "f_events", "f_stances", "f_quotes"]],
    ["record-to-actor", ["f_events_actors", "f_stances_actors", "f_quotes_actors"]],
    ["unfiltered totals", ["actor_rank", "edge_totals"]],
    ["actor lookups", ["actor_ids_id", "actor_records", "actor_records_pos"]],
  ];
  console.log(
    `
Built once when the server starts, ms (the checks run for a Parquet, CSV or DuckDB file):

| events | ${groups.map(([g]) => g).join(" | ")} | checks |`,
  );
  console.log(`| ---: | ${groups.map(() => "---:").join(" | ")} | ---: |`);
  for (const r of sourceResults)
    console.log(
      `| ${fmt(r.n)} | ${groups.map(([, names]) => ms(names.reduce((t, k) => t + (r.steps[k] ?? 0), 0))).join(" | ")} | ${ms(r.checksMs)} |`,
    );
  const kinds = Object.keys(sourceResults[0]?.byKind ?? {});
  console.log(`\nMedian ms per kind of change:\n\n| events | ${kinds.join(" | ")} |`);
  console.log(`| ---: | ${kinds.map(() => "---:").join(" | ")} |`);
  for (const r of sourceResults)
    console.log(`| ${fmt(r.n)} | ${kinds.map((k) => ms(r.byKind[k]!.median)).join(" | ")} |`);
  console.log(`\nMedian (p95) ms per answer, over all changes:\n\n| events | ${ANSWERS.join(" | ")} |`);
  console.log(`| ---: | ${ANSWERS.map(() => "---:").join(" | ")} |`);
  for (const r of sourceResults)
    console.log(
      `| ${fmt(r.n)} | ${ANSWERS.map((a) => `${ms(r.byAnswer[a]!.median)} (${ms(r.byAnswer[a]!.p95)})`).join(" | ")} |`,
    );

  const peerResults: Awaited<ReturnType<typeof runPeers>>[] = [];
  if (PEER_SIZES.length > 0) {
    if (WITH_ROUTE && !existsSync(path.join(ROOT, DIST, "BUILD_ID")))
      throw new Error(
        `No production build in ${DIST}/: NEXT_DIST_DIR=${DIST} npx next build --webpack (or SCALE_ROUTE=0)`,
      );
    console.log(
      "\n### Peers: actor set + year range + stance types → events per month and stances per pair\n",
    );
    console.log("| events | peer | setup ms | median ms | p95 ms | vs crossfilter2 | vs DuckDB direct |");
    console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
    const notes: string[] = [];
    for (const n of PEER_SIZES) {
      const r = child<Awaited<ReturnType<typeof runPeers>>>("peers", n);
      peerResults.push(r);
      const cf = r.peers.find((p) => p.name === "crossfilter2")!.stats.median;
      const duck = r.peers.find((p) => p.name === "DuckDB direct")!.stats.median;
      for (const p of r.peers)
        console.log(
          `| ${fmt(n)} | ${p.name} | ${ms(p.setupMs)} | ${ms(p.stats.median)} | ${ms(p.stats.p95)} | ` +
            `${(p.stats.median / cf).toFixed(2)}× | ${(p.stats.median / duck).toFixed(2)}× |`,
        );
      const route = r.peers.find((p) => p.serverStats);
      if (route)
        notes.push(
          `${fmt(n)}: of the route's median, the source's queries took ${ms(route.serverStats!.median)} ms (Server-Timing; p95 ${ms(route.serverStats!.p95)})`,
        );
      notes.push(
        `${fmt(n)}: the records read back from Parquet and parsed in ${ms(r.readBackMs)} ms, before the index's setup`,
      );
      if (r.routeError)
        console.log(
          `| ${fmt(n)} | DuckDB via route | failed: ${r.routeError.replaceAll("\n", " ")} | | | | |`,
        );
    }
    console.log(
      `\nSetup: the index's build, crossfilter2's records and dimensions, DuckDB's load and facts, the server's start to its first answer. ${notes.join("; ")}.`,
    );
    console.log(
      "\nEvery peer gave the same counts as the in-browser index on every query (checked, not sampled).",
    );
    for (const r of peerResults)
      if (r.dashboardError) console.log(`\nThe dashboard at ${fmt(r.n)} failed: ${r.dashboardError}`);
    const drawn = peerResults.filter((r) => r.dashboard);
    if (drawn.length > 0) {
      console.log(
        "\n### The dashboard over a dataset too big for the browser (Chromium, 1280×800, views from the routes)\n",
      );
      console.log(
        "| events | first render median ms | p95 ms | loads | change median ms | p95 ms | changes |",
      );
      console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (const { n, dashboard: d } of drawn)
        console.log(
          `| ${fmt(n)} | ${ms(d!.firstRender.median)} | ${ms(d!.firstRender.p95)} | ${d!.firstRender.n} | ` +
            `${ms(d!.change.median)} | ${ms(d!.change.p95)} | ${d!.change.n} |`,
        );
      console.log(
        "\nFirst render: a fresh browser context's navigation to every view drawn (the server already up). Change: a click on a stance type, an episode or a year (on, then off) to every view redrawn.",
      );
    }
  }

  console.log("");
  const at = (n: number) => sourceResults.find((r) => r.n === n);
  if (at(1_000_000)) {
    goal(
      at(1_000_000)!.change.median <= GOALS.changeMedian1mMs,
      `1,000,000 change median ≤ ${GOALS.changeMedian1mMs} ms`,
    );
    goal(
      at(1_000_000)!.change.p95 <= GOALS.changeP951mMs,
      `1,000,000 change p95 ≤ ${GOALS.changeP951mMs} ms`,
    );
  }
  if (at(10_000_000))
    goal(
      at(10_000_000)!.change.median <= GOALS.changeMedian10mMs,
      `10,000,000 change median ≤ ${GOALS.changeMedian10mMs} ms`,
    );
  const peer = (n: number, name: string) =>
    peerResults.find((r) => r.n === n)?.peers.find((p) => p.name === name)?.stats.median;
  const [ix, cf] = [peer(100_000, "in-browser index"), peer(100_000, "crossfilter2")];
  if (ix !== undefined && cf !== undefined)
    goal(ix <= cf * GOALS.indexVsCrossfilterAt100k, "in-browser index ≤ crossfilter2 at 100,000");
  const board = peerResults.find((r) => r.n === 1_000_000)?.dashboard;
  if (board) {
    goal(
      board.firstRender.median <= GOALS.dashboardFirstRender1mMs,
      `1,000,000 dashboard first render ≤ ${GOALS.dashboardFirstRender1mMs} ms`,
    );
    goal(
      board.change.median <= GOALS.dashboardChangeMedian1mMs,
      `1,000,000 dashboard change median ≤ ${GOALS.dashboardChangeMedian1mMs} ms`,
    );
    goal(
      board.change.p95 <= GOALS.dashboardChangeP951mMs,
      `1,000,000 dashboard change p95 ≤ ${GOALS.dashboardChangeP951mMs} ms`,
    );
  } else if (WITH_ROUTE && PEER_SIZES.includes(1_000_000))
    goal(false, "1,000,000 dashboard first render and changes (the dashboard did not run)");
  const [route, duck] = [peer(1_000_000, "DuckDB via route"), peer(1_000_000, "DuckDB direct")];
  if (route !== undefined && duck !== undefined)
    goal(
      route <= duck * GOALS.routeVsDuckAt1m,
      `route ≤ ${GOALS.routeVsDuckAt1m}× DuckDB direct at 1,000,000`,
    );
  else if (PEER_SIZES.includes(1_000_000))
    goal(false, "route ≤ 2× DuckDB direct at 1,000,000 (the route did not run)");
  console.log(`\nScale bench done in ${((performance.now() - wall) / 1000).toFixed(0)} s.`);
  if (failed) process.exitCode = 1;
}

await main();
