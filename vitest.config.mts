import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { fileURLToPath } from "node:url";

/** Tests of code that turns dates into instants and pixels: they must pass in any time zone. */
const ZONED_TESTS = [
  "tests/unit/time.test.ts",
  "tests/unit/timelineLayout.test.ts",
  "tests/unit/timelineZones.test.ts",
  "tests/unit/timelineLanes.test.ts",
  "tests/unit/networkLayout.test.ts",
  "tests/unit/source.test.ts",
];

/**
 * One project per time zone, all in one run (one JSON report). Every unit test runs in UTC; the date and
 * layout tests run again in New York (UTC−5/−4, with daylight saving) and Kiritimati (UTC+14, and UTC−10
 * before 1995). Each project hands its zone to the tests (`inject("timeZone")`), which check it is in effect.
 */
const zone = (name: string, timeZone: string, include: string[]): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, include, env: { TZ: timeZone }, provide: { timeZone } },
});

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    projects: [
      zone("utc", "UTC", ["tests/unit/**/*.test.ts"]),
      zone("new-york", "America/New_York", ZONED_TESTS),
      zone("kiritimati", "Pacific/Kiritimati", ZONED_TESTS),
    ],
  },
});
