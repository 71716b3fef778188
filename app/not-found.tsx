import Link from "next/link";

/** Any path but `/` lands here: the dashboard lives on one page and its state lives in the query string. */
export default function NotFound() {
  return (
    <main className="page-message">
      <h1>Page not found</h1>
      <p>
        Stance Atlas is a single page; views are shared as links such as{" "}
        <code>/?actors=russia&amp;years=2024</code>.
      </p>
      <p>
        <Link href="/">Open the dashboard</Link>
      </p>
    </main>
  );
}
