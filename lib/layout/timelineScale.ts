import { utcTicks } from "d3-time";
import type { DatePrecision } from "../model/schema";
import { formatDate, precisionSpan, toIso, toTime, toUtcDate } from "../time";

/**
 * A UTC time scale from instants to pixels: the part of d3's `scaleUtc` the views use (map, invert, domain,
 * range, ticks), computed the way d3's continuous scale computes it. d3-scale's time scale would also bring
 * d3-time-format (for a tick format the axes never use) and d3-interpolate with d3-color (for ranges of
 * colours): 5.1 KB of the first load for two multiplications.
 */
export interface TimeScale {
  (date: Date | number): number;
  /** The instant at a pixel. */
  invert(x: number): Date;
  domain(): [Date, Date];
  range(): [number, number];
  /** d3's nice UTC ticks (days, weeks, months, years), about `count` of them. */
  ticks(count?: number): Date[];
}

/** A half-open time interval [start, end) in UTC. */
export type TimeDomain = readonly [Date, Date];

/** One tick of an axis: where it sits and what it says. */
export interface Tick {
  /** Pixel position of the label's centre. */
  x: number;
  /** Pixel position of the tick line (a year or day boundary). */
  lineX: number;
  /** Label text, no more precise than the tick's unit. */
  label: string;
}

const DAY_MS = 86_400_000;
/** An episode of a day or two would spread each hour over tens of pixels; show at least this many days. */
const MIN_EPISODE_DAYS = 7;

const yearIso = (year: number) => `${String(year).padStart(4, "0")}-01-01`;

/** A UTC scale over a domain, onto pixels [0, width]. Not clamped: callers clip what falls outside. */
export function timeScale(domain: TimeDomain, width: number): TimeScale {
  const d0 = +domain[0];
  const d1 = +domain[1];
  const r1 = Math.max(1, width);
  // d3's normalize and interpolateNumber, in that order, so positions agree with scaleUtc to the bit: a
  // one-instant domain maps to the middle of the range.
  const scale = ((date: Date | number) => {
    const t = d1 - d0 ? (+date - d0) / (d1 - d0) : 0.5;
    return 0 * (1 - t) + r1 * t;
  }) as TimeScale;
  scale.invert = (x) => {
    const t = x / r1;
    return new Date(Math.round(d0 * (1 - t) + d1 * t));
  };
  scale.domain = () => [new Date(d0), new Date(d1)];
  scale.range = () => [0, r1];
  scale.ticks = (count = 10) => utcTicks(new Date(d0), new Date(d1), count);
  return scale;
}

/** The overview's domain: 1 January of the first year to 1 January after the last, so each year is a full cell. */
export function yearDomain(span: { start: number; end: number }): TimeDomain {
  return [toUtcDate(yearIso(span.start)), toUtcDate(yearIso(span.end + 1))];
}

/**
 * An episode's detail domain: the days its day-precision events fall on, a day of margin either side, at
 * least a week, so the events spread over the whole panel (the episode's official span is shaded behind
 * them). Month- and year-precision events do not widen it: their spans are clipped to the panel instead.
 * An episode with no day-precision event shows its official span.
 */
export function episodeDomain(
  episode: { start: string; end: string },
  events: readonly { date: string; datePrecision: DatePrecision }[],
): TimeDomain {
  let start = Infinity;
  let end = -Infinity;
  for (const e of events) {
    if (e.datePrecision !== "day") continue;
    const t = toTime(e.date);
    if (t < start) start = t;
    if (t + DAY_MS > end) end = t + DAY_MS;
  }
  if (start === Infinity) {
    start = toTime(episode.start);
    end = toTime(episode.end) + DAY_MS;
  } else {
    start -= DAY_MS;
    end += DAY_MS;
  }
  const missing = MIN_EPISODE_DAYS * DAY_MS - (end - start);
  if (missing > 0) {
    const before = Math.floor(missing / DAY_MS / 2) * DAY_MS;
    start -= before;
    end += missing - before;
  }
  return [new Date(start), new Date(end)];
}

/**
 * The pixel extent of a dated record: a day-precision date is a point at the middle of its day; a month or
 * a year is the whole span it covers (drawn as a bar, never as a false exact day).
 */
export function dateExtent(
  scale: TimeScale,
  date: string,
  precision: DatePrecision,
): { x0: number; x1: number; span: boolean } {
  const { start, end } = precisionSpan(date, precision);
  const x0 = scale(start);
  const x1 = scale(end);
  if (precision === "day") {
    const x = (x0 + x1) / 2;
    return { x0: x, x1: x, span: false };
  }
  return { x0, x1, span: true };
}

/** Year steps an axis may label, smallest first. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100];

/**
 * Year labels at the middle of each labelled year's cell, every 1, 2, 5… years: the smallest step whose
 * labels are at least `minSpacing` pixels apart.
 */
export function yearTicks(
  scale: TimeScale,
  span: { start: number; end: number },
  minSpacing: number,
): Tick[] {
  const perYear = scale(toUtcDate(yearIso(span.start + 1))) - scale(toUtcDate(yearIso(span.start)));
  const step = YEAR_STEPS.find((s) => s * perYear >= minSpacing) ?? YEAR_STEPS[YEAR_STEPS.length - 1]!;
  const ticks: Tick[] = [];
  for (let y = span.start; y <= span.end; y++) {
    if (y % step !== 0) continue;
    const lineX = scale(toUtcDate(yearIso(y)));
    const next = scale(toUtcDate(yearIso(y + 1)));
    ticks.push({ x: (lineX + next) / 2, lineX, label: String(y) });
  }
  return ticks;
}

/** "13 Apr": a day label without the year, which the panel heading already gives. */
export function shortDay(date: Date): string {
  return formatDate(toIso(date), "day", "short").replace(/ \d+$/, "");
}

/** Day labels from d3's nice ticks (days, weeks or months), about one per `minSpacing` pixels. */
export function dayTicks(scale: TimeScale, minSpacing: number): Tick[] {
  const [r0, r1] = scale.range() as [number, number];
  const count = Math.max(2, Math.floor((r1 - r0) / minSpacing));
  return scale.ticks(count).map((d) => {
    const x = scale(d);
    return { x, lineX: x, label: shortDay(d) };
  });
}
