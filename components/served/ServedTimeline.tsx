"use client";

import { memo } from "react";
import { fillPeriods } from "@/lib/layout/periods";
import type { PeriodUnit } from "@/lib/source/types";
import { formatDate, formatYears } from "@/lib/time";
import type { YearRange } from "@/lib/view";
import { useElementWidth } from "../useElementWidth";
import { formatCount, type Answers, type AnswerState } from "./answers";
import { AnswerStatus } from "./AnswerStatus";
import styles from "./Served.module.css";

const HEIGHT = 150;
const MARGIN = { top: 12, right: 8, bottom: 24, left: 48 };

/** Counts per month while the span is at most this many years, per year beyond. */
export const MONTHS_UP_TO_YEARS = 12;

/** The unit the time axis counts events by over a span of years. */
export function periodUnit(span: YearRange): PeriodUnit {
  return span.end - span.start + 1 <= MONTHS_UP_TO_YEARS ? "month" : "year";
}

/**
 * The time axis of a dataset served by DuckDB: events per month (or year) under every filter but the years,
 * as bars, the selected years' bars in ink and the rest in grey; a bar, or the button of its year, sets the
 * year filter to that year (pressing it again clears it). The counts are also a table, for a screen reader.
 */
export const ServedTimeline = memo(function ServedTimeline({
  answer,
  years,
  onYears,
}: {
  answer: AnswerState<Answers["periods"]>;
  /** The year filter; null = every year. */
  years: YearRange | null;
  onYears(range: YearRange | null): void;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(640);
  const data = answer.data;
  const unit = data?.unit ?? "month";
  const bins = data ? fillPeriods(data.periods, unit) : [];
  const max = Math.max(1, ...bins.map((b) => b.count));
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = innerW / Math.max(1, bins.length);
  const yearOf = (start: string) => Number(start.slice(0, 4));
  const inYears = (start: string) => !years || (yearOf(start) >= years.start && yearOf(start) <= years.end);
  const allYears = [...new Set(bins.map((b) => yearOf(b.start)))];
  const perYear = new Map<number, number>();
  for (const b of bins) perYear.set(yearOf(b.start), (perYear.get(yearOf(b.start)) ?? 0) + b.count);
  // A button per year with events (and the year the filter shows): empty years have nothing to show.
  const buttonYears = allYears.filter(
    (y) => (perYear.get(y) ?? 0) > 0 || (years !== null && years.start === y && years.end === y),
  );
  const showYear = (y: number) => {
    const pressed = years !== null && years.start === y && years.end === y;
    onYears(pressed ? null : { start: y, end: y });
  };
  const total = bins.reduce((n, b) => n + b.count, 0);
  const peak = bins.reduce(
    (best, b) => (b.count > best.count ? b : best),
    bins[0] ?? { start: "", count: 0 },
  );
  const label =
    bins.length === 0
      ? "No events under these filters."
      : `Events per ${unit}, ${formatDate(bins[0]!.start, unit)} to ${formatDate(bins[bins.length - 1]!.start, unit)}: ${formatCount(total)} in all, most in ${formatDate(peak.start, unit)} (${formatCount(peak.count)}).`;
  const ticks = allYears.filter((_, i) => i % Math.ceil(allYears.length / Math.max(1, innerW / 56)) === 0);
  return (
    <div className={styles.timeline} ref={ref} data-state={answer.state} data-testid="served-timeline">
      <AnswerStatus answer={answer} what="the time axis" />
      {data && (
        <>
          <svg width={width} height={HEIGHT} role="img" aria-label={label} className={styles.chart}>
            <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
              {[0, 0.5, 1].map((f) => (
                <g key={f} transform={`translate(0,${innerH - f * innerH})`}>
                  <line x2={innerW} className={styles.grid} />
                  <text x={-6} dy="0.32em" textAnchor="end" className={styles.tick}>
                    {formatCount(Math.round(f * max))}
                  </text>
                </g>
              ))}
              {bins.map((b, i) => {
                const h = (b.count / max) * innerH;
                return (
                  <rect
                    key={b.start}
                    x={i * band + (band > 3 ? 0.5 : 0)}
                    width={Math.max(0.5, band - (band > 3 ? 1 : 0))}
                    y={innerH - h}
                    height={h}
                    className={inYears(b.start) ? styles.barIn : styles.barOut}
                    data-start={b.start}
                    data-count={b.count}
                    // For the pointer; the keyboard has the year buttons below.
                    onClick={() => showYear(yearOf(b.start))}
                  >
                    <title>{`${formatDate(b.start, unit)}: ${formatCount(b.count)} events`}</title>
                  </rect>
                );
              })}
              {ticks.map((y) => {
                const at = bins.findIndex((b) => yearOf(b.start) === y);
                return (
                  <text key={y} x={at * band} y={innerH + 16} className={styles.tick}>
                    {y}
                  </text>
                );
              })}
            </g>
          </svg>
          <div className={`toggle-row ${styles.years}`} role="group" aria-label="Show one year">
            {buttonYears.map((y) => (
              <button
                key={y}
                type="button"
                className="toggle"
                aria-pressed={years !== null && years.start === y && years.end === y}
                onClick={() => showYear(y)}
                data-year={y}
              >
                {y}
              </button>
            ))}
          </div>
          <details className={styles.table}>
            <summary>The counts as a table</summary>
            <table>
              <caption>
                Events per year{years ? ` (the year filter shows ${formatYears(years)})` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Events</th>
                </tr>
              </thead>
              <tbody>
                {[...perYear].map(([y, n]) => (
                  <tr key={y}>
                    <th scope="row">{y}</th>
                    <td>{formatCount(n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
});
