"use client";

import { useState } from "react";
import { describeIgnored, type IgnoredParam } from "@/lib/view";

/** The one-line notice naming what the link contained that could not be used. Dismissable. */
export function IgnoredNotice({ ignored }: { ignored: readonly IgnoredParam[] }) {
  const [dismissed, setDismissed] = useState(false);
  const show = ignored.length > 0 && !dismissed;
  return (
    <div role="status" className={show ? "notice" : "visually-hidden"} data-testid="ignored-notice">
      {show && (
        <>
          <span>{describeIgnored(ignored)}</span>{" "}
          <button type="button" className="link-button" onClick={() => setDismissed(true)}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
