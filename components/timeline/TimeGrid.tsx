import { memo } from "react";
import type { Tick } from "@/lib/layout/timelineScale";
import styles from "./Timeline.module.css";

// Filters change a panel's height. The gridlines are one path and the axis moves as one group, so a new
// height is two attributes rewritten rather than two per tick (and no tick label laid out again). Both are
// memoised on ticks that keep their identity (a panel's come with the cached layout, the overview's are
// cached per width and span), so a change that leaves them leaves the tick labels undiffed.

/** Gridlines at the ticks, from `top` to `bottom`. */
export const GridLines = memo(function GridLines({
  ticks,
  top,
  bottom,
}: {
  ticks: readonly Tick[];
  top: number;
  bottom: number;
}) {
  return <path className={styles.grid} d={ticks.map((t) => `M${t.lineX},${top}V${bottom}`).join("")} />;
});

/** The axis line at `y`, with the tick labels `labelDy` below it. */
export const AxisBottom = memo(function AxisBottom({
  ticks,
  y,
  width,
  labelDy,
}: {
  ticks: readonly Tick[];
  y: number;
  width: number;
  labelDy: number;
}) {
  return (
    <g transform={`translate(0,${y})`}>
      <line className={styles.axisLine} x1={0} x2={width} y1={0} y2={0} />
      {ticks.map((t) => (
        <text key={t.x} className={styles.tick} x={t.x} y={labelDy} textAnchor="middle">
          {t.label}
        </text>
      ))}
    </g>
  );
});
