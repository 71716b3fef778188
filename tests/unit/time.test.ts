import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import fc from "fast-check";
import type { DatasetFile, DatePrecision } from "@/lib/model";
import { dayKey, formatDate, precisionSpan, toIso, toTime, toUtcDate } from "@/lib/time";

// vitest.config.mts runs this file in UTC, America/New_York and Pacific/Kiritimati: every expectation here is
// the same literal in each zone, because the dates are UTC calendar dates whatever the machine's zone.

declare module "vitest" {
  export interface ProvidedContext {
    /** The IANA zone the project runs its tests in. */
    timeZone: string;
  }
}

const DAY_MS = 86_400_000;

/** Offsets (`getTimezoneOffset`, minutes west of UTC) on 1 January and 1 July 2024 in each test zone. */
const OFFSETS: Record<string, [number, number]> = {
  UTC: [0, 0],
  "America/New_York": [300, 240],
  "Pacific/Kiritimati": [-840, -840],
};

/** UTC midnight of a calendar date (month 1–12), by Date.UTC alone: never the code under test. */
const utcMidnight = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/** The first instant after the period an ISO date starts, counted on the UTC calendar by hand. */
function periodEnd(iso: string, precision: DatePrecision): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (precision === "day") return utcMidnight(y, m, d + 1);
  if (precision === "month") return utcMidnight(y, m + 1, 1);
  return utcMidnight(y + 1, 1, 1);
}

/** Every date of the bundled dataset with its precision, once each. */
function datasetDates(): { date: string; precision: DatePrecision }[] {
  const data = JSON.parse(readFileSync("data/escalations.json", "utf8")) as DatasetFile;
  const seen = new Map<string, { date: string; precision: DatePrecision }>();
  const add = (date: string, precision: DatePrecision) =>
    seen.set(`${date}|${precision}`, { date, precision });
  for (const r of [...data.events, ...data.stances, ...data.quotes, ...data.claims])
    add(r.date, r.datePrecision);
  for (const s of data.sources) add(s.published, s.datePrecision);
  return [...seen.values()];
}

describe("the test runner's time zone", () => {
  it("is the zone the project names, really in effect (a misconfigured runner cannot pass silently)", () => {
    const zone = inject("timeZone");
    expect(Object.keys(OFFSETS)).toContain(zone);
    expect(process.env.TZ).toBe(zone);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone === "UTC" ? "UTC" : zone);
    expect([new Date(2024, 0, 1).getTimezoneOffset(), new Date(2024, 6, 1).getTimezoneOffset()]).toEqual(
      OFFSETS[zone],
    );
  });
});

describe("ISO dates are UTC midnights", () => {
  it("parses and prints without the local zone", () => {
    expect(toUtcDate("2014-03-01").toISOString()).toBe("2014-03-01T00:00:00.000Z");
    expect(toTime("2024-03-10")).toBe(Date.parse("2024-03-10T00:00:00Z"));
    expect(toTime("2024-11-03")).toBe(toUtcDate("2024-11-03").getTime());
    expect(toIso(new Date(Date.parse("2023-10-31T23:59:59.999Z")))).toBe("2023-10-31");
    expect(toIso(new Date(Date.parse("2023-11-01T00:00:00Z")))).toBe("2023-11-01");
  });

  it("writes dates no more exactly than the source, the same in every zone", () => {
    expect(formatDate("2014-03-01", "month")).toBe("March 2014");
    expect(formatDate("2023-10-01", "month", "short")).toBe("Oct 2023");
    expect(formatDate("2024-04-13")).toBe("13 April 2024");
    expect(formatDate("2024-04-01", "day", "short")).toBe("1 Apr 2024");
    expect(formatDate("2006-01-01", "year")).toBe("2006");
    expect(dayKey("2014-03-31")).toBeLessThan(dayKey("2014-04-01"));
  });
});

describe("precision spans", () => {
  it("a month ends at midnight UTC on the 1st of the next month (the dataset's spans that ran short)", () => {
    const end = (iso: string) => precisionSpan(iso, "month").end.toISOString();
    expect(end("2014-03-01")).toBe("2014-04-01T00:00:00.000Z");
    expect(end("2021-05-01")).toBe("2021-06-01T00:00:00.000Z");
    expect(end("2023-10-01")).toBe("2023-11-01T00:00:00.000Z");
    expect(precisionSpan("2014-03-01", "month").start.toISOString()).toBe("2014-03-01T00:00:00.000Z");
  });

  it("every month is as long as the calendar says, February of a leap year included", () => {
    const length = (iso: string) => {
      const { start, end } = precisionSpan(iso, "month");
      return (end.getTime() - start.getTime()) / DAY_MS;
    };
    expect(length("2014-03-01")).toBe(31);
    expect(length("2014-06-01")).toBe(30);
    expect(length("2022-02-01")).toBe(28);
    expect(length("2024-02-01")).toBe(29);
    expect(length("2024-04-01")).toBe(30);
    expect(length("2023-12-01")).toBe(31);
  });

  it("a day is exactly 24 hours, across daylight-saving changes too", () => {
    // US changes of 2024 (10 March, 3 November), EU ones (31 March, 27 October), and the day before each.
    for (const iso of [
      "2024-03-09",
      "2024-03-10",
      "2024-11-02",
      "2024-11-03",
      "2024-03-31",
      "2024-10-27",
      "2014-03-09",
      "2023-11-05",
    ]) {
      const { start, end } = precisionSpan(iso, "day");
      expect(start.getTime()).toBe(Date.parse(`${iso}T00:00:00Z`));
      expect(end.getTime() - start.getTime()).toBe(86_400_000);
    }
    expect(toIso(precisionSpan("2024-02-29", "day").end)).toBe("2024-03-01");
    expect(toIso(precisionSpan("2023-12-31", "day").end)).toBe("2024-01-01");
  });

  it("a year is 365 or 366 days, from 1 January to 1 January, UTC", () => {
    const y2024 = precisionSpan("2024-01-01", "year");
    expect(y2024.end.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect((y2024.end.getTime() - y2024.start.getTime()) / DAY_MS).toBe(366);
    const y2014 = precisionSpan("2014-01-01", "year");
    expect(y2014.end.toISOString()).toBe("2015-01-01T00:00:00.000Z");
    expect((y2014.end.getTime() - y2014.start.getTime()) / DAY_MS).toBe(365);
  });

  it("every dated record of the bundled dataset spans exactly its UTC day, month or year", () => {
    const dates = datasetDates();
    expect(dates.filter((d) => d.precision === "month")).toHaveLength(9); // the 9 months of the issue, March 2014 to June 2025
    for (const { date, precision } of dates) {
      const { start, end } = precisionSpan(date, precision);
      expect([date, precision, start.getTime()]).toEqual([date, precision, toTime(date)]);
      expect([date, precision, end.getTime()]).toEqual([date, precision, periodEnd(date, precision)]);
    }
  });

  it("any date from 1900 to 2100 spans its UTC calendar period, whatever the zone's history (property)", () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    const date = fc
      .record({
        y: fc.integer({ min: 1900, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
        precision: fc.constantFrom<DatePrecision>("day", "month", "year"),
      })
      .map(({ y, m, d, precision }) => ({
        iso:
          precision === "year"
            ? `${pad(y, 4)}-01-01`
            : precision === "month"
              ? `${pad(y, 4)}-${pad(m)}-01`
              : `${pad(y, 4)}-${pad(m)}-${pad(d)}`,
        precision,
      }));
    fc.assert(
      fc.property(date, ({ iso, precision }) => {
        const { start, end } = precisionSpan(iso, precision);
        expect(start.getTime()).toBe(Date.parse(`${iso}T00:00:00Z`));
        expect(end.getTime()).toBe(periodEnd(iso, precision));
        expect(end).toBeInstanceOf(Date);
      }),
      { numRuns: 500 },
    );
  });
});
