"use client";

import { createContext } from "react";

/** What the "Open your data" controls ask of the dashboard: the file picker (loaded code comes later). */
export interface LocalDataControls {
  /** Opens the file picker; the chosen files are read in a worker, never uploaded. */
  pick(): void;
}

/** The dashboard's file opener, for the button in the filter bar (null in an embed or outside the dashboard). */
export const LocalDataContext = createContext<LocalDataControls | null>(null);

/** The file types the picker offers (CSV exports from GDELT end in `.CSV`, ACLED's in `.csv` or `.tsv`). */
export const ACCEPTED_FILES = ".json,.csv,.CSV,.tsv,.txt";
