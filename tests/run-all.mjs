// `npm test`: every check in order — types, lint, format, unit tests, end-to-end tests — then one closing
// line `N passed, N failed` summing the unit and end-to-end test counts, where a stage that failed or did
// not run, a test file that failed to load, and a flaky end-to-end test each count as failed (see
// tests/summary.mjs). Installs a Chromium first when there is none (see ensureChromium). Exits non-zero if
// anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { NO_BROWSER_MESSAGE, ensureChromium, runInstallStep } from "./e2e/chromium.mjs";
import { summarize } from "./summary.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TZ: "UTC" };
const run = (script) => {
  console.log(`\n▶ npm run ${script}`);
  return spawnSync("npm", ["run", "--silent", script], { stdio: "inherit", env }).status === 0;
};
const readText = (file) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
};
const readJson = (file) => {
  try {
    return JSON.parse(readText(file) ?? "");
  } catch {
    return null;
  }
};

rmSync("tests/.results", { recursive: true, force: true });
/** @type {import("./summary.mjs").Stage[]} */
const stages = [];
for (const step of ["typecheck", "lint", "format:check"]) stages.push({ name: step, ok: run(step) });

stages.push({ name: "test:unit", ok: run("test:unit"), report: "unit" });

const browser = await ensureChromium({
  env: process.env,
  exists: existsSync,
  uid: process.getuid?.(),
  osRelease: readText("/etc/os-release"),
  run: runInstallStep,
});
if (browser === null) {
  console.error(`\n${NO_BROWSER_MESSAGE}`);
  stages.push({ name: "test:e2e (no browser)", ok: false });
} else {
  stages.push({ name: "test:e2e", ok: run("test:e2e"), report: "e2e" });
}

const summary = summarize({
  stages,
  unit: readJson("tests/.results/unit.json"),
  e2e: readJson("tests/.results/e2e.json"),
});
if (summary.flaky.length > 0) {
  console.error(`\nFlaky (passed only on a retry), counted as failed:`);
  for (const name of summary.flaky) console.error(`  ${name}`);
}
const failedStages = stages.filter((s) => !s.ok).map((s) => s.name);
if (failedStages.length > 0) console.error(`\nFailed: ${failedStages.join(", ")}`);
const told = (line) => line.startsWith("flaky: ") || failedStages.some((name) => line === `${name} failed`);
for (const line of summary.failures.filter((f) => !told(f))) console.error(`  counted as failed: ${line}`);
console.log(summary.line);
process.exit(failedStages.length > 0 || summary.failed > 0 ? 1 : 0);
