// `npm run bench`: builds the production app if its build is missing or older than the sources, then, for
// the bundled dataset and generated ones of 1,000, 10,000 and 100,000 events, serves it with `next start`
// and measures in headless Chromium: first-load JavaScript (gzipped), time to first render, and the latency
// of filter changes, each from its input event to the end of the frame that shows it (bench/interactions.ts).
// Prints a table, writes bench/results.json, and exits non-zero when a budget (README, Performance) is broken.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, NO_BROWSER_MESSAGE, resolveChromium } from "../tests/e2e/chromium.mjs";
import { generateDataset } from "./generateDataset";
import { measureInteractions, type Latency } from "./interactions";

const ROOT = path.resolve(import.meta.dirname, "..");
const TMP = path.join(ROOT, "bench", ".tmp");
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const SIZES = (process.env.BENCH_SIZES ?? "bundled,1000,10000,100000").split(",");
const CHANGES = Number(process.env.BENCH_CHANGES ?? 96);

/** The performance budgets the README states. */
const BUDGET = { firstLoadJsKb: 200, medianBundledMs: 16, median100kMs: 100 };

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const sources = Math.max(
    ...["app", "components", "lib"].map((d) => newestSource(path.join(ROOT, d))),
    ...["next.config.ts", "package-lock.json"].map((f) => statSync(path.join(ROOT, f)).mtimeMs),
  );
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources && !process.argv.includes("--build")) {
    console.log("Using the existing production build (.next is newer than the sources).");
    return;
  }
  console.log("Building the production app…");
  const r = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

function datasetFile(size: string): string | null {
  if (size === "bundled") return null;
  const events = Number(size);
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `generated-${events}.json`);
  if (!existsSync(file)) {
    console.log(`Generating a dataset of ${events.toLocaleString("en")} events…`);
    writeFileSync(file, JSON.stringify(generateDataset({ events, seed: 42 })));
  }
  return file;
}

async function startServer(dataset: string | null): Promise<ChildProcess> {
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(dataset ? { STANCE_ATLAS_DATASET: dataset } : {}),
  };
  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/icon.svg`);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopServer(server);
  throw new Error("next start did not come up within 120 s");
}

function stopServer(server: ChildProcess) {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Sum of the gzipped sizes of every script the page loads. */
async function firstLoadJs(page: Page): Promise<{ kb: number; files: number }> {
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") bodies.push(res.body());
  });
  await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: "networkidle" });
  const buffers = await Promise.all(bodies);
  const bytes = buffers.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  return { kb: bytes / 1024, files: buffers.length };
}

/** Time to first render: navigation start to the dashboard's "ready" mark (views drawn and interactive). */
async function firstRender(page: Page): Promise<{ fcpMs: number; readyMs: number }> {
  await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: "load", timeout: 180_000 });
  await page.waitForFunction(() => performance.getEntriesByName("stance-atlas:ready").length > 0, null, {
    timeout: 180_000,
  });
  return page.evaluate(() => ({
    fcpMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    readyMs: performance.getEntriesByName("stance-atlas:ready")[0]!.startTime,
  }));
}

interface Row {
  dataset: string;
  events: number;
  firstRenderMs: number;
  fcpMs: number;
  latency: Latency;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");

async function main() {
  const executablePath = resolveChromium();
  if (executablePath === null) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  buildIfNeeded();
  const browser = await chromium.launch({
    executablePath: executablePath ?? undefined,
    args: CHROMIUM_ARGS,
  });
  const rows: Row[] = [];
  let js = { kb: NaN, files: 0 };
  try {
    for (const size of SIZES) {
      const file = datasetFile(size);
      const server = await startServer(file);
      try {
        if (size === "bundled") js = await firstLoadJs(await browser.newPage());
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const render = await firstRender(page);
        const events = await page.evaluate(() =>
          Number(document.querySelector("[data-testid=count-events]")?.textContent ?? NaN),
        );
        const latency = await measureInteractions(page, CHANGES);
        rows.push({ dataset: size, events, firstRenderMs: render.readyMs, fcpMs: render.fcpMs, latency });
        console.log(
          `  ${size}: first render ${fmt(render.readyMs)} ms, median ${fmt(latency.all.median)} ms, p95 ${fmt(latency.all.p95)} ms`,
        );
        await page.close();
      } finally {
        stopServer(server);
      }
    }
  } finally {
    await browser.close();
  }

  const bundled = rows.find((r) => r.dataset === "bundled");
  const big = rows.find((r) => r.dataset === "100000");
  const checks = [
    {
      budget: `first-load JS ≤ ${BUDGET.firstLoadJsKb} KB gz`,
      value: js.kb,
      ok: js.kb <= BUDGET.firstLoadJsKb,
    },
    ...(bundled
      ? [
          {
            budget: `median change ≤ ${BUDGET.medianBundledMs} ms (bundled)`,
            value: bundled.latency.all.median,
            ok: bundled.latency.all.median <= BUDGET.medianBundledMs,
          },
        ]
      : []),
    ...(big
      ? [
          {
            budget: `median change ≤ ${BUDGET.median100kMs} ms (100,000 events)`,
            value: big.latency.all.median,
            ok: big.latency.all.median <= BUDGET.median100kMs,
          },
        ]
      : []),
  ];

  console.log(`\nFirst-load JS of /: ${fmt(js.kb)} KB gzipped over ${js.files} scripts\n`);
  console.log(
    "| dataset | events | first render (ms) | FCP (ms) | change median (ms) | p95 (ms) | of which script (ms) | no-op floor (ms) | actor | years | episode | focus |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows)
    console.log(
      `| ${r.dataset} | ${r.events.toLocaleString("en")} | ${fmt(r.firstRenderMs)} | ${fmt(r.fcpMs)} | ${fmt(r.latency.all.median)} | ${fmt(r.latency.all.p95)} | ${fmt(r.latency.script.median)} | ${fmt(r.latency.floor.median)} | ${fmt(r.latency.byKind.actor?.median ?? NaN)} | ${fmt(r.latency.byKind.years?.median ?? NaN)} | ${fmt(r.latency.byKind.episode?.median ?? NaN)} | ${fmt(r.latency.byKind.focus?.median ?? NaN)} |`,
    );
  console.log("");
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.budget}: ${fmt(c.value)}`);

  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(
    path.join(ROOT, "bench", "results.json"),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), changesPerDataset: CHANGES, firstLoadJs: js, rows, checks },
      null,
      2,
    ) + "\n",
  );
  console.log("\nWrote bench/results.json");
  if (checks.some((c) => !c.ok)) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
