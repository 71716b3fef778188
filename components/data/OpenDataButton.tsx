"use client";

import { useContext } from "react";
import { LocalDataContext } from "./localData";

/** "Open your data": the file picker for a dataset of the user's own (JSON or CSV), read in this browser only. */
export function OpenDataButton() {
  const controls = useContext(LocalDataContext);
  if (!controls) return null;
  return (
    <button type="button" className="button" onClick={controls.pick}>
      Open your data
    </button>
  );
}
