"use client";

import { useCallback } from "react";
import type { DatasetIndex } from "@/lib/data";
import { embedSnippet, withEmbed } from "@/lib/export/embed";
import { filtersInWords, sourcesShown } from "@/lib/export/naming";
import type { VisibleRecords } from "@/lib/select";
import { formatDate } from "@/lib/time";
import { stepJson } from "@/lib/story/steps";
import type { ParseContext, ViewName, ViewState } from "@/lib/view";
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
  /** The story step shown, in words, when the view is one. */
  story?: string;
}

/** The export context of the current render, with the link written at the moment it is asked for. */
function useExportContext({ index, view, visible, story }: ExportProps): () => ExportContext {
  const currentUrl = useCurrentUrl();
  return useCallback(
    () => ({ index, view, visible, story, permalink: currentUrl() }),
    [index, view, visible, story, currentUrl],
  );
}

/** The dashboard's Download menu and Embed button (whose panel also copies the view as a story step). */
export function ExportControls({ parseContext, ...props }: ExportProps & { parseContext: ParseContext }) {
  const getContext = useExportContext(props);
  const currentUrl = useCurrentUrl();
  const { index, view } = props;
  const getStep = useCallback(() => stepJson(view, parseContext), [view, parseContext]);
  const getSnippet = useCallback(
    () =>
      embedSnippet({
        src: withEmbed(currentUrl(), true),
        title: `Stance Atlas: ${filtersInWords(index, view)}`,
      }),
    [currentUrl, index, view],
  );
  return (
    <>
      <DownloadMenu getContext={getContext} />
      <EmbedButton getSnippet={getSnippet} getStep={getStep} local={view.data} />
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
  const sources = sourcesShown(index, visible).map(
    (s) => `${s.publisher.replace(/\s*\(.*$/, "")} (${formatDate(s.published, s.datePrecision, "short")})`,
  );
  return (
    <EmbedCaption
      filters={filtersInWords(index, view)}
      sources={sources}
      local={view.data}
      currentUrl={currentUrl}
    />
  );
}
