// Finds a Chromium for Playwright: $CHROMIUM_PATH (or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH), then Debian's
// /usr/bin/chromium, then Playwright's own managed browser. Plain JS so both playwright.config.ts and the
// pre-flight check (`node tests/e2e/chromium.mjs`) use the same answer.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** The executable to launch, or undefined to let Playwright use its managed browser; null when none exists. */
export function resolveChromium(env = process.env) {
  for (const candidate of [env.CHROMIUM_PATH, env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, "/usr/bin/chromium"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // No managed browser registered.
  }
  return null;
}

/**
 * Flags for Chromium here: --no-sandbox because CI runs as root; the rest keep it from reaching for the
 * network, which this machine's closed network refuses (and which would slow every start).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-gpu",
];

export const NO_BROWSER_MESSAGE =
  "No Chromium found for the end-to-end tests: install one with `apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH.";

if (import.meta.url === `file://${process.argv[1]}`) {
  if (resolveChromium() === null) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
}
