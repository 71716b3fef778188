import { describe, expect, it } from "vitest";
import playwrightConfig from "../../playwright.config";
import { flakyE2eTests, summarize, unitSuitesFailedToLoad, type Stage } from "../summary.mjs";

/** vitest's JSON report when corpus.test.ts threw while being collected (trimmed from a real run). */
const UNIT_FAILED_TO_LOAD = {
  numTotalTestSuites: 1,
  numPassedTestSuites: 0,
  numFailedTestSuites: 1,
  numTotalTests: 0,
  numPassedTests: 0,
  numFailedTests: 0,
  success: false,
  testResults: [
    {
      assertionResults: [],
      status: "failed",
      message: "ENOENT: no such file or directory, open '/tmp/sa/shared/seeds/000_d3db0e59d83c5d29.txt'",
      name: "/tmp/sa/main/tests/unit/corpus.test.ts",
    },
  ],
};

/** The same run when another file loaded and had 12 passing tests and one failing one. */
const UNIT_MIXED = {
  numFailedTestSuites: 2,
  numPassedTests: 12,
  numFailedTests: 1,
  testResults: [
    ...UNIT_FAILED_TO_LOAD.testResults,
    {
      name: "/repo/tests/unit/select.test.ts",
      status: "failed",
      message: "",
      assertionResults: [{ status: "passed" }, { status: "failed" }],
    },
  ],
};

const UNIT_GREEN = {
  numFailedTestSuites: 0,
  numPassedTests: 120,
  numFailedTests: 0,
  testResults: [{ name: "/repo/tests/unit/select.test.ts", status: "passed", assertionResults: [] }],
};

/** Playwright's JSON report (trimmed from a real run) with retries: 1 and one test passing only on retry. */
const E2E_FLAKY = {
  stats: { expected: 1, skipped: 0, unexpected: 0, flaky: 1 },
  errors: [],
  suites: [
    {
      title: "timeline.spec.ts",
      file: "timeline.spec.ts",
      specs: [
        {
          title: "steady",
          file: "timeline.spec.ts",
          tests: [{ projectName: "chromium", status: "expected" }],
        },
      ],
      suites: [
        {
          title: "the timeline",
          file: "timeline.spec.ts",
          specs: [
            {
              title: "passes only on retry",
              file: "timeline.spec.ts",
              tests: [{ projectName: "chromium", status: "flaky" }],
            },
          ],
        },
      ],
    },
  ],
};

const E2E_GREEN = { stats: { expected: 30, skipped: 0, unexpected: 0, flaky: 0 }, errors: [], suites: [] };

const allOk = (): Stage[] => [
  { name: "typecheck", ok: true },
  { name: "lint", ok: true },
  { name: "format:check", ok: true },
  { name: "test:unit", ok: true, report: "unit" },
  { name: "test:e2e", ok: true, report: "e2e" },
];
const failing = (names: string[]): Stage[] =>
  allOk().map((s) => (names.includes(s.name) ? { ...s, ok: false } : s));

describe("the closing line of npm test", () => {
  it("counts every test when all is green", () => {
    const s = summarize({ stages: allOk(), unit: UNIT_GREEN, e2e: E2E_GREEN });
    expect(s.line).toBe("150 passed, 0 failed");
    expect(s.failures).toEqual([]);
  });

  it("counts a vitest file that failed to load as failed", () => {
    expect(unitSuitesFailedToLoad(UNIT_FAILED_TO_LOAD)).toEqual([
      {
        name: "/tmp/sa/main/tests/unit/corpus.test.ts",
        message: "ENOENT: no such file or directory, open '/tmp/sa/shared/seeds/000_d3db0e59d83c5d29.txt'",
      },
    ]);
    const s = summarize({
      stages: failing(["test:unit"]),
      unit: UNIT_FAILED_TO_LOAD,
      e2e: E2E_GREEN,
    });
    expect(s.line).toBe("30 passed, 1 failed");
    expect(s.failures).toEqual([
      "/tmp/sa/main/tests/unit/corpus.test.ts: ENOENT: no such file or directory, open '/tmp/sa/shared/seeds/000_d3db0e59d83c5d29.txt'",
    ]);
  });

  it("adds the files that failed to load to the failed tests, without counting a file twice", () => {
    const s = summarize({ stages: failing(["test:unit"]), unit: UNIT_MIXED, e2e: E2E_GREEN });
    expect(s.line).toBe("42 passed, 2 failed");
  });

  it("falls back on numFailedTestSuites when a report has no per-file results", () => {
    const bare = { numFailedTestSuites: 1, numPassedTests: 0, numFailedTests: 0 };
    // Even with the stage reported green, the suite that failed counts.
    expect(summarize({ stages: allOk(), unit: bare, e2e: E2E_GREEN }).line).toBe("30 passed, 1 failed");
  });

  it("counts a flaky end-to-end test as failed, not passed, and names it", () => {
    expect(flakyE2eTests(E2E_FLAKY)).toEqual([
      "[chromium] › timeline.spec.ts › the timeline › passes only on retry",
    ]);
    // failOnFlakyTests makes Playwright exit non-zero; the count must not depend on that.
    for (const stages of [failing(["test:e2e"]), allOk()]) {
      const s = summarize({ stages, unit: UNIT_GREEN, e2e: E2E_FLAKY });
      expect(s.line).toBe("121 passed, 1 failed");
      expect(s.flaky).toEqual(["[chromium] › timeline.spec.ts › the timeline › passes only on retry"]);
      expect(s.failures).toEqual([
        "flaky: [chromium] › timeline.spec.ts › the timeline › passes only on retry",
      ]);
    }
  });

  it("counts flaky tests from the stats even when the suites are missing", () => {
    const s = summarize({ stages: allOk(), unit: UNIT_GREEN, e2e: { stats: { expected: 3, flaky: 2 } } });
    expect(s.line).toBe("123 passed, 2 failed");
  });

  it.each(["typecheck", "lint", "format:check"])("counts a failed %s as a failure", (stage) => {
    const s = summarize({ stages: failing([stage]), unit: UNIT_GREEN, e2e: E2E_GREEN });
    expect(s.line).toBe("150 passed, 1 failed");
    expect(s.failures).toEqual([`${stage} failed`]);
  });

  it("counts every failed stage", () => {
    const s = summarize({
      stages: failing(["typecheck", "lint", "format:check"]),
      unit: UNIT_GREEN,
      e2e: E2E_GREEN,
    });
    expect(s.failed).toBe(3);
  });

  it("counts end-to-end tests that could not run for want of a browser", () => {
    const stages: Stage[] = [...allOk().slice(0, 4), { name: "test:e2e (no browser)", ok: false }];
    const s = summarize({ stages, unit: UNIT_GREEN, e2e: null });
    expect(s.line).toBe("120 passed, 1 failed");
    expect(s.failures).toEqual(["test:e2e (no browser) failed"]);
  });

  it("counts a failed stage that left no report, or a report with nothing failed in it", () => {
    // vitest died before writing its report; Playwright's web server never started (stats all zero).
    const e2eNoTests = {
      stats: { expected: 0, unexpected: 0, flaky: 0 },
      errors: [{ message: "webServer" }],
    };
    const s = summarize({ stages: failing(["test:unit", "test:e2e"]), unit: null, e2e: e2eNoTests });
    expect(s.line).toBe("0 passed, 2 failed");
    expect(s.failures).toEqual(["test:unit failed", "test:e2e failed"]);
  });

  it("counts a test stage that exited 0 without a report", () => {
    const s = summarize({ stages: allOk(), unit: UNIT_GREEN, e2e: null });
    expect(s.line).toBe("120 passed, 1 failed");
    expect(s.failures).toEqual(["test:e2e: no e2e report"]);
  });

  it("is never `0 failed` after a failed stage", () => {
    const names = allOk().map((s) => s.name);
    for (const name of names) {
      for (const [unit, e2e] of [
        [UNIT_GREEN, E2E_GREEN],
        [null, null],
      ] as const) {
        expect(summarize({ stages: failing([name]), unit, e2e }).failed, name).toBeGreaterThan(0);
      }
    }
  });
});

describe("playwright.config.ts", () => {
  it("fails the run on a flaky test, and keeps the CI retry that identifies it", () => {
    expect(playwrightConfig.failOnFlakyTests).toBe(true);
    expect(playwrightConfig.retries).toBe(process.env.CI ? 1 : 0);
  });

  it("writes the JSON report run-all.mjs reads", () => {
    expect(playwrightConfig.reporter).toContainEqual(["json", { outputFile: "tests/.results/e2e.json" }]);
  });
});
