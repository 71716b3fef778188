// Finds a Chromium for Playwright: $CHROMIUM_PATH (or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH), then Debian's
// /usr/bin/chromium, then Playwright's own managed browser. Plain JS so both playwright.config.ts and the
// pre-flight check (`node tests/e2e/chromium.mjs`) use the same answer. When there is none, `npm test` asks
// ensureChromium to install one (Playwright's download, else Debian's package as root); the decision takes
// its facts as arguments so tests/unit/chromium.test.ts can check it without touching the machine.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

/** @typedef {Record<string, string | undefined>} Env */

/** Where Playwright's managed Chromium would be, whether or not it is downloaded. */
function managedChromium() {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // No managed browser registered.
  }
}

/**
 * The executable to launch, or undefined to let Playwright use its managed browser; null when none exists.
 * @param {Env} [env]
 * @param {(file: string) => boolean} [exists]
 * @param {() => string | undefined} [managed] Where Playwright's managed browser would be.
 * @returns {string | undefined | null}
 */
export function resolveChromium(env = process.env, exists = existsSync, managed = managedChromium) {
  for (const candidate of [env.CHROMIUM_PATH, env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, "/usr/bin/chromium"]) {
    if (candidate && exists(candidate)) return candidate;
  }
  const own = managed();
  if (own && exists(own)) return undefined;
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

/**
 * @typedef {object} InstallStep One command, run with a hard time limit.
 * @property {string} command
 * @property {string[]} args
 * @property {Env} [env] Added to the environment.
 * @property {number} timeoutMs
 *
 * @typedef {object} InstallAttempt A way to get a browser: its steps run in order, stopping at a failure.
 * @property {string} label
 * @property {InstallStep[]} steps
 *
 * @typedef {object} MachineFacts
 * @property {Env} env
 * @property {(file: string) => boolean} exists
 * @property {number | undefined} uid process.getuid?.(); undefined where there is none (Windows).
 * @property {string | null} osRelease The text of /etc/os-release, or null when absent.
 */

/** Offline, Playwright's download fails in seconds (DNS) or at this connection timeout; a hung one is killed. */
export const PLAYWRIGHT_CONNECTION_TIMEOUT_MS = 15_000;
export const PLAYWRIGHT_INSTALL_TIMEOUT_MS = 5 * 60_000;
export const APT_UPDATE_TIMEOUT_MS = 5 * 60_000;
export const APT_INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Whether os-release text describes Debian or a derivative (ID or ID_LIKE naming debian or ubuntu).
 * @param {string | null} osRelease
 */
export function isDebianLike(osRelease) {
  for (const line of (osRelease ?? "").split("\n")) {
    const match = /^\s*(ID|ID_LIKE)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const words = (match[2] ?? "").replace(/["']/g, "").toLowerCase().split(/\s+/);
    if (words.includes("debian") || words.includes("ubuntu")) return true;
  }
  return false;
}

/**
 * Why Debian's package cannot be installed here, or null when it can.
 * @param {MachineFacts} facts
 * @returns {string | null}
 */
export function aptUnavailableReason({ env, exists, uid, osRelease }) {
  if (!exists("/etc/debian_version") && !isDebianLike(osRelease)) return "not Debian/Ubuntu";
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  if (!dirs.some((dir) => exists(path.join(dir, "apt-get")))) return "no apt-get on PATH";
  if (uid !== 0) return "not running as root";
  return null;
}

/**
 * What to try, in order, to get a Chromium: Playwright's own download, then (as root on Debian/Ubuntu
 * with apt-get) Debian's package. Pure: everything it knows about the machine is in `facts`.
 * @param {MachineFacts} facts
 * @returns {InstallAttempt[]}
 */
export function chromiumInstallPlan(facts) {
  /** @type {InstallAttempt[]} */
  const attempts = [
    {
      label: "Playwright's Chromium (npx playwright install chromium)",
      steps: [
        {
          command: "npx",
          args: ["playwright", "install", "chromium"],
          env: { PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: String(PLAYWRIGHT_CONNECTION_TIMEOUT_MS) },
          timeoutMs: PLAYWRIGHT_INSTALL_TIMEOUT_MS,
        },
      ],
    },
  ];
  if (aptUnavailableReason(facts) === null)
    attempts.push({
      label: "Debian's chromium (apt-get update && apt-get install -y chromium)",
      steps: [
        { command: "apt-get", args: ["update"], timeoutMs: APT_UPDATE_TIMEOUT_MS },
        {
          command: "apt-get",
          args: ["install", "-y", "chromium"],
          env: { DEBIAN_FRONTEND: "noninteractive" },
          timeoutMs: APT_INSTALL_TIMEOUT_MS,
        },
      ],
    });
  return attempts;
}

/**
 * Finds a Chromium, installing one when there is none (see chromiumInstallPlan), and says what it does.
 * Resolves to resolveChromium's answer afterwards: null only when nothing worked.
 * @param {MachineFacts & {
 *   run: (step: InstallStep) => Promise<boolean>,
 *   log?: (line: string) => void,
 *   managed?: () => string | undefined,
 * }} facts
 * @returns {Promise<string | undefined | null>}
 */
export async function ensureChromium(facts) {
  const { env, exists, run, log = console.log, managed = managedChromium } = facts;
  const found = resolveChromium(env, exists, managed);
  if (found !== null) return found;

  log("No Chromium found for the end-to-end tests; installing one.");
  const aptReason = aptUnavailableReason(facts);
  for (const attempt of chromiumInstallPlan(facts)) {
    log(`▶ Trying ${attempt.label}`);
    let ok = true;
    for (const step of attempt.steps) {
      log(`  $ ${[step.command, ...step.args].join(" ")}  (time limit ${step.timeoutMs / 1000}s)`);
      if (!(await run(step))) {
        log(`  ✗ ${step.command} ${step.args.join(" ")} failed`);
        ok = false;
        break;
      }
    }
    const now = ok ? resolveChromium(env, exists, managed) : null;
    if (now !== null) {
      log(`  ✓ Chromium ready: ${now ?? "Playwright's managed browser"}`);
      return now;
    }
    if (ok) log("  ✗ it finished, but no Chromium is there");
  }
  if (aptReason) log(`  (apt-get not tried: ${aptReason})`);
  return null;
}

/**
 * Runs one install step for real: output shown, killed with its whole process group at the time limit
 * (npx and Playwright's downloader are separate processes, so killing npx alone would orphan them).
 * @param {InstallStep} step
 * @returns {Promise<boolean>}
 */
export function runInstallStep(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: "inherit",
      env: { ...process.env, ...step.env },
      detached: process.platform !== "win32",
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const onInterrupt = () => {
      killGroup();
      process.exit(130);
    };
    process.once("SIGINT", onInterrupt);
    const timer = setTimeout(() => {
      console.error(`  ✗ ${step.command} ${step.args.join(" ")} timed out after ${step.timeoutMs / 1000}s`);
      killGroup();
    }, step.timeoutMs);
    const done = (/** @type {boolean} */ ok) => {
      clearTimeout(timer);
      process.removeListener("SIGINT", onInterrupt);
      resolve(ok);
    };
    child.on("error", () => done(false));
    child.on("exit", (code) => done(code === 0));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (resolveChromium() === null) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
}
