"use client";

import {
  useEffect,
  useRef,
  type PointerEvent as ReactPointerEvent,
  type FocusEvent,
  type MouseEvent,
} from "react";
import { withEmbed } from "@/lib/export/embed";
import { localDataNote } from "@/lib/export/naming";
import styles from "./Export.module.css";

/** Tells a parent page the embed's height whenever it changes, so the host can size its iframe. */
function useReportHeight() {
  useEffect(() => {
    if (window.parent === window) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.documentElement.scrollHeight);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "stance-atlas:height", height }, "*");
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => observer.disconnect();
  }, []);
}

/**
 * The embed's one-line caption: what the view shows, its sources, and "Open in Stance Atlas", a link to the
 * full page with the reader's current view (read when it is followed, since the reader may have changed it).
 */
export function EmbedCaption({
  filters,
  sources,
  local,
  currentUrl,
}: {
  /** The active filters in words. */
  filters: string;
  /** The reports the view draws on, as "Publisher (date)". */
  sources: readonly string[];
  /** The hash of a dataset opened from a file in this browser (`data=local:…`), or null. */
  local: string | null;
  currentUrl(): string;
}) {
  useReportHeight();
  const link = useRef<HTMLAnchorElement>(null);
  // Kept current as the filters change (a click reads the latest view anyway, selection included).
  useEffect(() => {
    if (link.current) link.current.href = withEmbed(currentUrl(), false);
  }, [filters, currentUrl]);
  const refresh = (
    e: MouseEvent<HTMLAnchorElement> | FocusEvent<HTMLAnchorElement> | ReactPointerEvent<HTMLAnchorElement>,
  ) => {
    e.currentTarget.href = withEmbed(currentUrl(), false);
  };
  return (
    <p className={styles.caption} data-testid="embed-caption">
      <strong>Stance Atlas</strong> · {filters} · Sources: {sources.join("; ")} ·{" "}
      {local && <>{localDataNote(local)} · </>}
      <a
        ref={link}
        href="/"
        target="_blank"
        rel="noopener"
        onPointerDown={refresh}
        onFocus={refresh}
        onClick={refresh}
        onMouseEnter={refresh}
      >
        Open in Stance Atlas
      </a>
    </p>
  );
}
