"use client";

import { memo, useId, useRef, useState, type CSSProperties } from "react";
import { gestureHistoryMode, type YearRange } from "@/lib/view";
import { formatYears } from "@/lib/time";

/**
 * Year-range control: one track with two thumbs (two native sliders laid over each other, so each thumb is
 * keyboard operable, with arrows and Home/End, and announced by screen readers), the range between them
 * filled, and both ends typeable, for a range the thumbs are too coarse to hit on a phone. The first change
 * of a gesture adds a history entry; the rest of the gesture replaces it (`gestureHistoryMode`), so Back
 * returns to where the drag began rather than stepping through every year passed.
 */
export const YearSlider = memo(function YearSlider({
  span,
  value,
  onChange,
}: {
  /** The dataset's full span. */
  span: YearRange;
  /** The selected range; null = the full span. */
  value: YearRange | null;
  /** `continuous` is true for every change after the first one of a gesture. */
  onChange(range: YearRange, continuous: boolean): void;
}) {
  const id = useId();
  const lastChange = useRef(-Infinity);
  const range = value ?? span;
  const change = (next: YearRange) => {
    const now = performance.now();
    onChange(next, gestureHistoryMode(lastChange.current, now) === "replace");
    lastChange.current = now;
  };
  // The thumbs do not pass each other: one range, its ends in order. A typed year moves the other end if
  // it must (typing says exactly which years are meant).
  const slideStart = (start: number) => change({ start: Math.min(start, range.end), end: range.end });
  const slideEnd = (end: number) => change({ start: range.start, end: Math.max(range.start, end) });
  const setStart = (start: number) => change({ start, end: Math.max(start, range.end) });
  const setEnd = (end: number) => change({ start: Math.min(range.start, end), end });
  const width = Math.max(1, span.end - span.start);
  const track = {
    "--from": (range.start - span.start) / width,
    "--to": (range.end - span.start) / width,
  } as CSSProperties;
  // Two thumbs on one year: the one that can still move goes on top (at the span's end, only "from" can).
  const fromOnTop = range.start === range.end && range.start > (span.start + span.end) / 2;
  return (
    <fieldset className="year-range">
      <legend className="control-label">
        Years <output htmlFor={`${id}-from ${id}-to`}>{formatYears(range)}</output>
      </legend>
      <div className="year-track" style={track} data-from-on-top={fromOnTop ? "true" : undefined}>
        <label htmlFor={`${id}-from`} className="visually-hidden">
          From year
        </label>
        <input
          id={`${id}-from`}
          className="year-thumb-from"
          type="range"
          min={span.start}
          max={span.end}
          step={1}
          value={range.start}
          onChange={(e) => slideStart(Number(e.target.value))}
        />
        <label htmlFor={`${id}-to`} className="visually-hidden">
          To year
        </label>
        <input
          id={`${id}-to`}
          className="year-thumb-to"
          type="range"
          min={span.start}
          max={span.end}
          step={1}
          value={range.end}
          onChange={(e) => slideEnd(Number(e.target.value))}
        />
      </div>
      <div className="year-typed">
        <YearInput label="First year" span={span} value={range.start} onYear={setStart} />
        <span aria-hidden="true">–</span>
        <YearInput label="Last year" span={span} value={range.end} onYear={setEnd} />
      </div>
    </fieldset>
  );
});

/** A year typed by hand (or stepped with its arrows): taken once it is a year of the span; else it reverts on blur. */
function YearInput({
  label,
  span,
  value,
  onYear,
}: {
  label: string;
  span: YearRange;
  value: number;
  onYear(year: number): void;
}) {
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      className="year-input"
      type="number"
      aria-label={label}
      min={span.start}
      max={span.end}
      step={1}
      value={text ?? value}
      onChange={(e) => {
        const t = e.target.value;
        const year = Number(t);
        setText(t);
        if (/^\d{4}$/.test(t) && year >= span.start && year <= span.end && year !== value) onYear(year);
      }}
      onBlur={() => setText(null)}
    />
  );
}
