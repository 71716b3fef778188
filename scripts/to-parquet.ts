// Writes a JSON dataset in DuckDB's table form so the server can read it through DuckDB: one Parquet file per
// table in a directory (`npx tsx scripts/to-parquet.ts data/escalations.json out/escalations`), one CSV file
// per table (`… --csv`), or one DuckDB database (an output ending in `.duckdb`); then
// `STANCE_ATLAS_DATASET=out/escalations npm start`. The JSON is checked against the contract first.
import { existsSync, mkdirSync } from "node:fs";
import { DatasetError } from "../lib/data/DatasetError";
import { loadDataset } from "../lib/data/loadDataset";
import { exportTables } from "../lib/source/duckdb";

const [input, output, flag] = process.argv.slice(2);
if (!input || !output || (flag !== undefined && flag !== "--csv")) {
  console.error(
    "usage: npx tsx scripts/to-parquet.ts <dataset.json> <output directory> [--csv]\n" +
      "       npx tsx scripts/to-parquet.ts <dataset.json> <output.duckdb>",
  );
  process.exit(2);
}
try {
  const format = output.endsWith(".duckdb") ? "duckdb" : flag === "--csv" ? "csv" : "parquet";
  if (format === "duckdb" && existsSync(output)) throw new Error(`${output} exists: choose a new file`);
  const dataset = loadDataset(input);
  if (format !== "duckdb") mkdirSync(output, { recursive: true });
  await exportTables(dataset, output, format);
  console.log(`${output}: the tables of ${input} as ${format === "duckdb" ? "a DuckDB database" : format}`);
} catch (err) {
  console.error(err instanceof DatasetError ? err.message : (err as Error).message);
  process.exit(1);
}
