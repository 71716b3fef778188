import { addMonths, addYears, addDays } from "date-fns";
import { utc } from "@date-fns/utc";
import type { DatePrecision } from "../model/schema";

// Every date-fns call of the project goes through here. Dates are ISO strings read as UTC midnight, and all
// calendar math runs in UTC whatever the machine's zone (date-fns' `in: utc` context), so a server in UTC and
// a browser in New York or Kiritimati compute the same instants. The unit tests run in all three zones.

/** date-fns options that do calendar math (month lengths, day boundaries) in UTC, not in local time. */
const IN_UTC = { in: utc } as const;

/** The UTC instant at the start of an ISO date. */
export function toUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Milliseconds since the epoch at UTC midnight of an ISO date. */
export function toTime(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** The ISO date of a UTC instant. */
export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The half-open UTC span [start, end) a dated record covers: a day, a month or a year. */
export function precisionSpan(iso: string, precision: DatePrecision): { start: Date; end: Date } {
  const start = toUtcDate(iso);
  const next =
    precision === "day"
      ? addDays(start, 1, IN_UTC)
      : precision === "month"
        ? addMonths(start, 1, IN_UTC)
        : addYears(start, 1, IN_UTC);
  // A plain Date, like `start`: callers compare and serialise instants, not UTCDate objects.
  return { start, end: new Date(next.getTime()) };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A date as people write it, no more exact than the source: "13 April 2024", "April 2024", "2014".
 * Built by hand, not with `format`, so server and client print the same string whatever their time zone.
 */
export function formatDate(
  iso: string,
  precision: DatePrecision = "day",
  style: "long" | "short" = "long",
): string {
  const year = iso.slice(0, 4);
  const month = Number(iso.slice(5, 7)) - 1;
  const day = Number(iso.slice(8, 10));
  const m = (style === "long" ? MONTHS_LONG : MONTHS)[month] ?? "";
  if (precision === "year") return year;
  if (precision === "month") return `${m} ${year}`;
  return `${day} ${m} ${year}`;
}

/** A range of years as people write it: "2014–2020", or "2014" when it is one year. */
export function formatYears(range: { start: number; end: number }): string {
  return range.start === range.end ? String(range.start) : `${range.start}–${range.end}`;
}

/** A number that orders ISO dates like the calendar does, read straight off the digits (no Date). */
export function dayKey(iso: string): number {
  // Inlined digit reads, no closure: this runs once per event on every filter change.
  const year =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const month = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const day = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  return year * 416 + month * 32 + day;
}
