import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "./tests/e2e/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** A second server of the same build that fetches the dataset instead of inlining it. */
export const FETCH_PORT = PORT + 1;
/** A third server of the same build, serving the bundled dataset from Parquet files through DuckDB. */
export const DUCK_PORT = PORT + 2;
/** A fourth, on the same Parquet files with the browser's limit set below them: the routes alone serve it. */
export const DUCK_ROUTES_PORT = PORT + 3;
/** Where the e2e run writes the bundled dataset as Parquet (scripts/to-parquet.ts). */
const DUCK_DATASET = "tests/.results/escalations-parquet";
/**
 * The specs the DuckDB project runs again on the Parquet-served dataset: every view, the URL, the evidence,
 * stories, provenance and the downloads. The rest test the browser, the page's frame or the inline/fetch
 * delivery, which do not depend on where the server read the dataset.
 */
const DUCK_SPECS = [
  "viewState.spec.ts",
  "timeline.spec.ts",
  "network.spec.ts",
  "quotes.spec.ts",
  "evidence.spec.ts",
  "story.spec.ts",
  "provenance.spec.ts",
  "export.spec.ts",
  "literal.spec.ts",
];
const executablePath = (resolveChromium() as string | null | undefined) ?? undefined;

/** End-to-end tests in Chromium against the production build (next build && next start). */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  // A retry names a flaky test; failOnFlakyTests still fails the run (and run-all counts it as failed).
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: true,
  // axe-core over the full dashboard takes several seconds on a 2-core machine; leave room for it.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "tests/.results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "chromium" },
    {
      name: "duckdb",
      testMatch: DUCK_SPECS,
      use: { baseURL: `http://127.0.0.1:${DUCK_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npm run build && npx next start -p ${PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      timeout: 240_000,
      // Reusing a running server would test whatever build it serves; opt in explicitly with E2E_REUSE=1.
      reuseExistingServer: process.env.E2E_REUSE === "1",
      // Merged over process.env, so STANCE_ATLAS_DATASET and NEXT_DIST_DIR reach the server.
      env: { NEXT_TELEMETRY_DISABLED: "1" },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The same build, started once the first server is up, with the dataset fetched from /dataset.json
      // instead of inlined: the path a dataset over a megabyte takes (tests/e2e/fetch.spec.ts).
      command: `npx next start -p ${FETCH_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${FETCH_PORT}`,
      timeout: 60_000,
      reuseExistingServer: process.env.E2E_REUSE === "1",
      env: { NEXT_TELEMETRY_DISABLED: "1", STANCE_ATLAS_INLINE_BYTES: "0" },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The bundled dataset written as Parquet, read through DuckDB when the server starts (lib/source/server.ts).
      command: `npx tsx scripts/to-parquet.ts data/escalations.json ${DUCK_DATASET} && npx next start -p ${DUCK_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${DUCK_PORT}`,
      timeout: 60_000,
      reuseExistingServer: process.env.E2E_REUSE === "1",
      env: { NEXT_TELEMETRY_DISABLED: "1", STANCE_ATLAS_DATASET: DUCK_DATASET },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The same files, "too big for the browser" (limit 10 events): the pages say so, the routes answer.
      command: `npx next start -p ${DUCK_ROUTES_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${DUCK_ROUTES_PORT}/api/source/summary`,
      timeout: 60_000,
      reuseExistingServer: process.env.E2E_REUSE === "1",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        STANCE_ATLAS_DATASET: DUCK_DATASET,
        STANCE_ATLAS_BROWSER_EVENTS: "10",
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
