import { readFileSync } from "node:fs";
import { indexDataset } from "@/lib/data";
import type { DatasetFile } from "@/lib/model";
import { parseContextOf } from "@/lib/view";

/** The small fixture dataset, indexed, with its parse context. */
export function miniIndex() {
  const data = JSON.parse(readFileSync("tests/fixtures/mini.json", "utf8")) as DatasetFile;
  const index = indexDataset(data);
  return { data, index, ctx: parseContextOf(index) };
}
