import { memo } from "react";
import { Group } from "@visx/group";
import type { Tick } from "@/lib/layout/timelineScale";
import styles from "./Timeline.module.css";

// Filters change a panel's height. The gridlines are one path and the axis moves as one group, so a new
// height is two attributes rewritten rather than two per tick (and no tick label laid out again). The tick
// labels are memoised on ticks that keep their identity (a panel's come with the cached layout, the
// overview's are cached per width and span), so a change that leaves them leaves the labels undiffed: the
// axis' group moves, its labels are not even rendered again.

/**
 * Gridlines at the ticks, from `top` to `bottom`, as one path. By hand: @visx/grid imports @visx/scale, whose
 * index brings d3's colour interpolators into the page (6.0 KB gzipped measured, over the first-load budget),
 * to draw lines at positions the layout has already computed.
 */
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

/** Props of the tick labels and axis line, drawn at y = 0. */
interface AxisProps {
  /** The ticks the layout placed (and thinned to fit): each label's centre and text. */
  ticks: readonly Tick[];
  /** Width of the plot, which the axis line spans. */
  width: number;
  /** Pixels from the axis line down to the labels' baseline. */
  labelDy: number;
}

const AxisLabels = memo(function AxisLabels({ ticks, width, labelDy }: AxisProps) {
  return (
    <>
      <line className={styles.axisLine} x1={0} x2={width} y1={0} y2={0} />
      {ticks.map((t) => (
        <text key={t.x} className={styles.tick} x={t.x} y={labelDy} textAnchor="middle">
          {t.label}
        </text>
      ))}
    </>
  );
});

/** The axis line at `y`, with the tick labels `labelDy` below it: only the group's offset follows `y`. */
export function AxisBottom({ y, ...axis }: AxisProps & { y: number }) {
  return (
    <Group top={y}>
      <AxisLabels {...axis} />
    </Group>
  );
}
