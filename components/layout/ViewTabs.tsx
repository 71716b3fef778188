"use client";

/** The three views, in page order: the tab bar's buttons and the sections they show. */
export const VIEW_TABS = [
  { id: "timeline", label: "Timeline" },
  { id: "network", label: "Network" },
  { id: "quotes", label: "Quotes" },
] as const;

export type ViewTab = (typeof VIEW_TABS)[number]["id"];

/**
 * Below 1024 px one view shows at a time: this bar picks it, and for a selection says how many of its
 * records each view holds ("Network · 3 linked"), so the links are one tap away. Hidden on wider screens,
 * where the three views stand side by side. Page state only: the URL keeps the view state.
 */
export function ViewTabs({
  tab,
  counts,
  onTab,
  shown = VIEW_TABS.map((t) => t.id),
}: {
  tab: ViewTab;
  /** The views the page shows (the URL's `views`): a tab for each. */
  shown?: readonly ViewTab[];
  /** Linked records per view while a record is selected; null without a selection. */
  counts: Record<ViewTab, number> | null;
  onTab(tab: ViewTab): void;
}) {
  return (
    <nav className="view-tabs" aria-label="Views" data-testid="view-tabs">
      {VIEW_TABS.filter(({ id }) => shown.includes(id)).map(({ id, label }) => (
        <button
          key={id}
          type="button"
          className="view-tab"
          aria-pressed={tab === id}
          aria-controls={id}
          data-tab={id}
          onClick={() => onTab(id)}
        >
          {label}
          {counts && <span className="view-tab-count"> · {counts[id]} linked</span>}
        </button>
      ))}
    </nav>
  );
}
