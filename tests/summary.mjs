// The closing line of `npm test`, counted honestly: a pure function of what each stage did and what the
// vitest and Playwright JSON reports say, so tests/unit/runAll.test.ts can check it with literal inputs.

/**
 * @typedef {object} Stage One step of `npm test`.
 * @property {string} name As printed, e.g. "typecheck", "test:unit", "test:e2e (no browser)".
 * @property {boolean} ok False when the step failed or did not run.
 * @property {"unit" | "e2e"} [report] Which JSON report holds this step's test counts, if any.
 *
 * @typedef {object} VitestJson The parts of vitest's JSON reporter output read here.
 * @property {number} [numPassedTests]
 * @property {number} [numFailedTests]
 * @property {number} [numFailedTestSuites]
 * @property {{ name?: string, status?: string, message?: string, assertionResults?: { status?: string }[] }[]} [testResults]
 *
 * @typedef {object} PlaywrightSuite
 * @property {string} [title]
 * @property {string} [file]
 * @property {PlaywrightSuite[]} [suites]
 * @property {{ title?: string, file?: string, tests?: { status?: string, projectName?: string }[] }[]} [specs]
 *
 * @typedef {object} PlaywrightJson The parts of Playwright's JSON reporter output read here.
 * @property {{ expected?: number, unexpected?: number, flaky?: number, skipped?: number }} [stats]
 * @property {PlaywrightSuite[]} [suites]
 * @property {{ message?: string }[]} [errors]
 *
 * @typedef {object} Summary
 * @property {number} passed Tests that passed on their first attempt.
 * @property {number} failed Failed tests, suites that failed to load, flaky tests, and failed stages that no
 *   test failure accounts for. Never 0 when any stage failed.
 * @property {string[]} failures One line per counted failure that is not a plain failed test.
 * @property {string[]} flaky The flaky end-to-end tests, as `[project] › file › describe › title`.
 * @property {string} line `N passed, N failed`.
 */

/**
 * Vitest files that failed without a failed test to show for it: a file that threw while being collected
 * (vitest reports it with status "failed", a message, and no test results), or one whose hooks failed.
 * @param {VitestJson | null | undefined} report
 * @returns {{ name: string, message: string }[]}
 */
export function unitSuitesFailedToLoad(report) {
  if (!report) return [];
  if (!Array.isArray(report.testResults)) {
    // No per-file detail: fall back on the suite count when no test failure accounts for it.
    const suites = report.numFailedTestSuites ?? 0;
    return (report.numFailedTests ?? 0) === 0
      ? Array.from({ length: suites }, () => ({ name: "a test file", message: "failed" }))
      : [];
  }
  return report.testResults
    .filter((r) => r.status === "failed" && !(r.assertionResults ?? []).some((a) => a.status === "failed"))
    .map((r) => ({ name: r.name ?? "a test file", message: firstLine(r.message) || "failed to load" }));
}

/**
 * The tests Playwright reports as flaky (failed, then passed on a retry).
 * @param {PlaywrightJson | null | undefined} report
 * @returns {string[]}
 */
export function flakyE2eTests(report) {
  /** @type {string[]} */
  const names = [];
  /** @param {PlaywrightSuite} suite @param {string[]} titles */
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === "flaky") {
          const project = test.projectName ? `[${test.projectName}] › ` : "";
          names.push(`${project}${[...titles, spec.title ?? ""].join(" › ")}`);
        }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title ?? ""]);
  };
  for (const file of report?.suites ?? []) walk(file, [file.file ?? file.title ?? ""]);
  return names;
}

/**
 * @param {{ stages: Stage[], unit?: VitestJson | null, e2e?: PlaywrightJson | null }} input
 * @returns {Summary}
 */
export function summarize({ stages, unit = null, e2e = null }) {
  /** @type {string[]} */
  const failures = [];
  let passed = 0;
  let failed = 0;

  for (const stage of stages) {
    let counted = 0; // failures this stage's report accounts for
    if (stage.report === "unit" && unit) {
      passed += unit.numPassedTests ?? 0;
      counted += unit.numFailedTests ?? 0;
      for (const suite of unitSuitesFailedToLoad(unit)) {
        failures.push(`${suite.name}: ${suite.message}`);
        counted += 1;
      }
    } else if (stage.report === "e2e" && e2e) {
      passed += e2e.stats?.expected ?? 0;
      counted += e2e.stats?.unexpected ?? 0;
      const flaky = flakyE2eTests(e2e);
      const flakyCount = Math.max(e2e.stats?.flaky ?? 0, flaky.length);
      for (const name of flaky) failures.push(`flaky: ${name}`);
      for (let i = flaky.length; i < flakyCount; i++) failures.push("flaky: an end-to-end test");
      counted += flakyCount;
    } else if (stage.report && stage.ok) {
      // It claims success but left no report to count: nothing shows that its tests ran.
      failures.push(`${stage.name}: no ${stage.report} report`);
      counted += 1;
    }
    if (!stage.ok && counted === 0) {
      failures.push(`${stage.name} failed`);
      counted = 1;
    }
    failed += counted;
  }

  return {
    passed,
    failed,
    failures,
    flaky: flakyE2eTests(e2e),
    line: `${passed} passed, ${failed} failed`,
  };
}

/** @param {string | undefined} text */
function firstLine(text) {
  return (text ?? "").split("\n")[0]?.trim() ?? "";
}
