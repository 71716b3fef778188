"use client";

import Link from "next/link";

/** Shown when rendering the dashboard fails; the reset keeps the user on the page. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="page-message" role="alert">
      <h1>Stance Atlas could not show this view</h1>
      <p>
        Something went wrong while drawing the dashboard{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        or <Link href="/">open the default view</Link>.
      </p>
    </main>
  );
}
