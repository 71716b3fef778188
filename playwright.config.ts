import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "./tests/e2e/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** A second server of the same build that fetches the dataset instead of inlining it. */
export const FETCH_PORT = PORT + 1;
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
  projects: [{ name: "chromium" }],
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
  ],
});
