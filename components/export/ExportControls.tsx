"use client";

import { useCallback } from "react";
import type { DatasetIndex } from "@/lib/data";
import { embedSnippet } from "@/lib/export/embed";
import { filtersInWords } from "@/lib/export/naming";
import type { VisibleRecords } from "@/lib/select";
import { formatDate } from "@/lib/time";
import type { ViewName, ViewState } from "@/lib/view";
import { useCurrentUrl } from "../ViewStoreProvider";
import type { ExportContext } from "./actions";
import { DownloadMenu } from "./DownloadMenu";
import { EmbedButton } from "./EmbedButton";
import { EmbedCaption } from "./EmbedCaption";

/** What every export control reads: the dataset, the view and what it shows (the page's current render). */
interface ExportProps {
  index: DatasetIndex;
  view: ViewState;
  visible: VisibleRecords;
}

/** The export context of the current render, with the link written at the moment it is asked for. */
function useExportContext({ index, view, visible }: ExportProps): () => ExportContext {
  const currentUrl = useCurrentUrl();
  return useCallback(
    () => ({ index, view, visible, permalink: currentUrl() }),
    [index, view, visible, currentUrl],
  );
}

/** The page's link with `embed=1` added (the URL's keys are already canonical). */
export function embedUrl(url: string): string {
  const u = new URL(url);
  const query = u.search
    .slice(1)
    .split("&")
    .filter((p) => p.length > 0 && p !== "embed=1");
  return `${u.origin}${u.pathname}?${[...query, "embed=1"].join("&")}`;
}

/** The dashboard's Download menu and Embed button. */
export function ExportControls(props: ExportProps) {
  const getContext = useExportContext(props);
  const currentUrl = useCurrentUrl();
  const { index, view } = props;
  const getSnippet = useCallback(
    () =>
      embedSnippet({ src: embedUrl(currentUrl()), title: `Stance Atlas: ${filtersInWords(index, view)}` }),
    [currentUrl, index, view],
  );
  return (
    <>
      <DownloadMenu getContext={getContext} />
      <EmbedButton getSnippet={getSnippet} />
    </>
  );
}

/** A view's own Download menu: its images show that view only (the data items are the same). */
export function ViewDownload({ scope, ...props }: ExportProps & { scope: ViewName }) {
  return <DownloadMenu scope={scope} getContext={useExportContext(props)} />;
}

/** The embed's caption: the filters in words, the reports the view draws on, and the way to the full page. */
export function EmbedBar({ index, view, visible }: ExportProps) {
  const currentUrl = useCurrentUrl();
  const used = new Set([...visible.events, ...visible.stances, ...visible.quotes].map((r) => r.sourceId));
  const sources = index.data.sources
    .filter((s) => used.has(s.id))
    .map(
      (s) => `${s.publisher.replace(/\s*\(.*$/, "")} (${formatDate(s.published, s.datePrecision, "short")})`,
    );
  return <EmbedCaption filters={filtersInWords(index, view)} sources={sources} currentUrl={currentUrl} />;
}
