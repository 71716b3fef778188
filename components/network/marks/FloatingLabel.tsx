import type { Box } from "@/lib/layout/network";
import styles from "../Network.module.css";

/** Props of a floating label. */
export interface FloatingLabelProps {
  /** The box the label takes, on screen. */
  box: Box;
  /** Its text. */
  label: string;
  /** Its font size. */
  fontPx: number;
}

/** A label drawn over the marks on a white plate: an actor's label with no room of its own, while lit. */
export function FloatingLabel({ box, label, fontPx }: FloatingLabelProps) {
  return (
    <g aria-hidden="true" className={styles.floating}>
      <rect x={box.x0 - 2} y={box.y0} width={box.x1 - box.x0 + 4} height={box.y1 - box.y0} rx={3} />
      <text
        x={(box.x0 + box.x1) / 2}
        y={box.y1 - 3.5}
        textAnchor="middle"
        className={styles.label}
        fontSize={fontPx}
      >
        {label}
      </text>
    </g>
  );
}
