"use client";

import { useMemo } from "react";
import type { DatasetFile } from "@/lib/model";
import { indexDataset } from "@/lib/data";
import { parseContextOf, type IgnoredParam, type ViewState } from "@/lib/view";
import { ViewStoreProvider } from "./ViewStoreProvider";
import { DashboardBody } from "./DashboardBody";

/** The client root: indexes the dataset once, creates the view store, and lays out the linked views. */
export function Dashboard({
  dataset,
  initialView,
  ignored,
}: {
  /** The validated dataset (plain JSON; the index is rebuilt here, once). */
  dataset: DatasetFile;
  /** The view parsed from the URL on the server. */
  initialView: ViewState;
  /** URL values the server dropped, for the notice. */
  ignored: IgnoredParam[];
}) {
  const index = useMemo(() => indexDataset(dataset), [dataset]);
  const parseContext = useMemo(() => parseContextOf(index), [index]);
  return (
    <ViewStoreProvider initialView={initialView} parseContext={parseContext}>
      <DashboardBody index={index} ignored={ignored} />
    </ViewStoreProvider>
  );
}
