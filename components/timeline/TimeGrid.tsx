import { memo } from "react";
import { GridColumns } from "@visx/grid";
import { Group } from "@visx/group";
import { scaleLinear } from "d3-scale";
import type { Tick } from "@/lib/layout/timelineScale";
import styles from "./Timeline.module.css";

// Filters change a panel's height. The gridlines are one path and the axis moves as one group, so a new
// height is two attributes rewritten rather than two per tick (and no tick label laid out again). The tick
// labels are memoised on ticks that keep their identity (a panel's come with the cached layout, the
// overview's are cached per width and span), so a change that leaves them leaves the labels undiffed: the
// axis' group moves, its labels are not even rendered again.

/**
 * The layout has placed every tick already (at year or day boundaries, thinned to fit), so visx's grid is
 * given pixels: an identity scale, the ticks' own positions as tick values.
 */
const IDENTITY = scaleLinear();

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
  return (
    <GridColumns scale={IDENTITY} tickValues={ticks.map((t) => t.lineX)} top={top} height={bottom - top}>
      {/* One path for all lines: a new height rewrites one attribute instead of one per line. */}
      {({ lines }) => (
        <path className={styles.grid} d={lines.map((l) => `M${l.from.x},${l.from.y}V${l.to.y}`).join("")} />
      )}
    </GridColumns>
  );
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
