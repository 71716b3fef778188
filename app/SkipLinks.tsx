/**
 * The skip links, first in the tab order, so a keyboard reaches any view in two presses instead of crossing
 * the filters: the dashboard's and the dashboard over a dataset served by DuckDB (the same three views).
 */
export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a href="#timeline">Skip to the timeline</a>
      <a href="#network">Skip to the network</a>
      <a href="#quotes">Skip to the quotes</a>
    </nav>
  );
}
