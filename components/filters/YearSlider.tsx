"use client";

import { memo, useId, useRef } from "react";
import { gestureHistoryMode, type YearRange } from "@/lib/view";
import { formatYears } from "@/lib/time";

/**
 * Year-range control: two native sliders (keyboard operable, announced by screen readers) over the
 * dataset's span. The first change of a gesture adds a history entry; the rest of the gesture replaces it
 * (`gestureHistoryMode`), so Back returns to where the drag began rather than stepping through every year
 * passed.
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
  return (
    <fieldset className="year-range">
      <legend className="control-label">
        Years <output htmlFor={`${id}-from ${id}-to`}>{formatYears(range)}</output>
      </legend>
      <label htmlFor={`${id}-from`} className="visually-hidden">
        From year
      </label>
      <input
        id={`${id}-from`}
        type="range"
        min={span.start}
        max={span.end}
        step={1}
        value={range.start}
        onChange={(e) => {
          const start = Number(e.target.value);
          change({ start, end: Math.max(start, range.end) });
        }}
      />
      <label htmlFor={`${id}-to`} className="visually-hidden">
        To year
      </label>
      <input
        id={`${id}-to`}
        type="range"
        min={span.start}
        max={span.end}
        step={1}
        value={range.end}
        onChange={(e) => {
          const end = Number(e.target.value);
          change({ start: Math.min(range.start, end), end });
        }}
      />
      <div className="year-range-ends" aria-hidden="true">
        <span>{span.start}</span>
        <span>{span.end}</span>
      </div>
    </fieldset>
  );
});
