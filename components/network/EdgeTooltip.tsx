import { TooltipWithBounds } from "@visx/tooltip";
import styles from "./Network.module.css";

/** One stance of the edge: its sentence, and the notes of its facts from outside the reports ("" when none). */
export interface EdgeLine {
  text: string;
  outside: string;
}

/** Props of the edge tooltip. */
export interface EdgeTooltipProps {
  /** The point it points at (the middle of the edge), in the drawing's pixels. */
  left: number;
  top: number;
  /** One line per stance the edge draws. */
  lines: readonly EdgeLine[];
}

/**
 * The hovered edge's stances, beside the middle of the edge and flipped to stay inside the drawing. For
 * the pointer only: the list of stances after the drawing says the same to a keyboard or a screen reader.
 */
export function EdgeTooltip({ left, top, lines }: EdgeTooltipProps) {
  return (
    <TooltipWithBounds
      left={left}
      top={top}
      offsetLeft={12}
      offsetTop={14}
      unstyled
      className={styles.tooltip}
      aria-hidden="true"
    >
      {lines.map((line, i) => (
        <p key={i} data-outside={line.outside ? "true" : undefined}>
          {line.text}
          {line.outside && (
            <span className="outside-note">
              <span className="outside-dot" />
              From outside the reports: {line.outside}
            </span>
          )}
        </p>
      ))}
      <p className={styles.tooltipHint}>Click for the evidence</p>
    </TooltipWithBounds>
  );
}
