"use client";

import { memo, useEffect, useState } from "react";
import type { Source } from "@/lib/model";
import { formatDate } from "@/lib/time";

/**
 * What a printout needs that the screen shows elsewhere or not at all: the link back to this exact view and
 * the reports every mark was read from. Hidden on screen; the print stylesheet shows it after the views.
 * Memoised: the sources never change with the view, and a large dataset has thousands of them, which a
 * filter change must not reconcile again.
 */
export const PrintFooter = memo(function PrintFooter({
  sources,
}: {
  /** The dataset's reports, in dataset order. */ sources: readonly Source[];
}) {
  const href = usePrintedLocation();
  return (
    <footer className="print-footer" data-testid="print-footer">
      <h2>Permalink</h2>
      <p>
        <a href={href} data-testid="print-permalink">
          {href}
        </a>
      </p>
      <h2>Sources</h2>
      <ol className="print-sources">
        {sources.map((s) => (
          <li key={s.id}>
            {s.publisher}, “<cite>{s.title}</cite>”, {formatDate(s.published, s.datePrecision)}.
          </li>
        ))}
      </ol>
    </footer>
  );
});

/**
 * The page's URL as of the last print: the view state lives in it and changes without a render here, so it
 * is read when printing starts (Print dialog) or the print media applies (emulation, print preview).
 */
function usePrintedLocation(): string {
  const [href, setHref] = useState("");
  useEffect(() => {
    const read = () => setHref(window.location.href);
    read();
    const print = window.matchMedia("print");
    window.addEventListener("beforeprint", read);
    print.addEventListener("change", read);
    return () => {
      window.removeEventListener("beforeprint", read);
      print.removeEventListener("change", read);
    };
  }, []);
  return href;
}
