// `npm test`: every check in order — types, lint, format, unit tests, end-to-end tests — then one closing
// line `N passed, N failed` summing the unit and end-to-end test counts. Exits non-zero if anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { NO_BROWSER_MESSAGE, resolveChromium } from "./e2e/chromium.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TZ: "UTC" };
const run = (script) => {
  console.log(`\n▶ npm run ${script}`);
  return spawnSync("npm", ["run", "--silent", script], { stdio: "inherit", env }).status === 0;
};
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

rmSync("tests/.results", { recursive: true, force: true });
const failedSteps = [];
for (const step of ["typecheck", "lint", "format:check"]) if (!run(step)) failedSteps.push(step);

if (!run("test:unit")) failedSteps.push("test:unit");
const unit = readJson("tests/.results/unit.json");
let passed = unit?.numPassedTests ?? 0;
let failed = unit?.numFailedTests ?? 0;

if (resolveChromium() === null) {
  console.error(`\n${NO_BROWSER_MESSAGE}`);
  failedSteps.push("test:e2e (no browser)");
} else {
  if (!run("test:e2e")) failedSteps.push("test:e2e");
  const e2e = readJson("tests/.results/e2e.json");
  if (e2e?.stats) {
    passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected ?? 0;
  } else if (!existsSync("tests/.results/e2e.json")) failed += 1; // the run died before reporting
}

if (failedSteps.length > 0) console.error(`\nFailed: ${failedSteps.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
