import { Group } from "@visx/group";
import { Bar } from "@visx/shape";
import type { PlacedBin } from "@/lib/layout/timeline";
import { formatDate } from "@/lib/time";
import styles from "./Timeline.module.css";

/** Event counts per period, as bars from the bottom of a plot: what is drawn when marks would be too many. */
export function BinBars({ bins, top, height }: { bins: readonly PlacedBin[]; top: number; height: number }) {
  let max = 1;
  for (const b of bins) if (b.count > max) max = b.count;
  return (
    <Group top={top} aria-hidden="true">
      {bins.map((b) => {
        const h = Math.max(2, (b.count / max) * height);
        return (
          <Bar
            key={b.start}
            className={styles.binBar}
            x={b.x0}
            y={height - h}
            width={Math.max(1, b.x1 - b.x0 - 1)}
            height={h}
          >
            <title>{`${formatDate(b.start, b.unit)}: ${b.count} events`}</title>
          </Bar>
        );
      })}
    </Group>
  );
}
