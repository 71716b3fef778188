"use client";

import { useId, useRef } from "react";
import type { YearRange as Range } from "@/lib/view";

/**
 * Year-range control: two native sliders (keyboard operable, announced by screen readers) over the
 * dataset's span. The first change of a gesture adds a history entry; the rest of the drag replaces it, so
 * Back returns to where the drag began.
 */
export function YearRange({
  span,
  value,
  onChange,
}: {
  /** The dataset's full span. */
  span: Range;
  /** The selected range; null = the full span. */
  value: Range | null;
  /** `continuous` is true for every change after the first one of a gesture. */
  onChange(range: Range, continuous: boolean): void;
}) {
  const id = useId();
  const inGesture = useRef(false);
  const range = value ?? span;
  const change = (next: Range) => {
    onChange(next, inGesture.current);
    inGesture.current = true;
  };
  const endGesture = () => {
    inGesture.current = false;
  };
  const gestureProps = { onPointerUp: endGesture, onKeyUp: endGesture, onBlur: endGesture };
  return (
    <fieldset className="year-range">
      <legend className="control-label">
        Years <output htmlFor={`${id}-from ${id}-to`}>{range.start === range.end ? range.start : `${range.start}–${range.end}`}</output>
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
        {...gestureProps}
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
        {...gestureProps}
      />
      <div className="year-range-ends" aria-hidden="true">
        <span>{span.start}</span>
        <span>{span.end}</span>
      </div>
    </fieldset>
  );
}
