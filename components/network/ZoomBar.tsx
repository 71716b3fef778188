import { ZOOM_STEP, type NetworkZoom } from "./useZoom";
import styles from "./Network.module.css";

/**
 * Height of the band at the top of the drawing that the zoom buttons sit in: the fitted drawing starts below
 * it, so no actor is ever under a button (their 6 px offset, 30 px height and a little air; see the CSS).
 */
export const ZOOM_BAR_BAND = 40;

/** The zoom buttons over the drawing's corner: in, out, and back to the fitted view. */
export function ZoomBar({ zoom }: { zoom: NetworkZoom }) {
  return (
    <div className={styles.zoomBar} role="group" aria-label="Zoom">
      <button
        type="button"
        className={styles.zoomButton}
        onClick={() => zoom.zoomBy(ZOOM_STEP)}
        aria-label="Zoom in"
      >
        +
      </button>
      <button
        type="button"
        className={styles.zoomButton}
        onClick={() => zoom.zoomBy(1 / ZOOM_STEP)}
        aria-label="Zoom out"
        disabled={!zoom.zoomed}
      >
        −
      </button>
      <button
        type="button"
        className={styles.zoomButton}
        onClick={zoom.reset}
        disabled={zoom.fitted}
        aria-label="Fit the whole network"
      >
        Fit
      </button>
    </div>
  );
}
