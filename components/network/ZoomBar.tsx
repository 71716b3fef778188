import { ZOOM_STEP, type NetworkZoom } from "./useZoom";
import styles from "./Network.module.css";

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
