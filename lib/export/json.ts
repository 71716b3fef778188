/**
 * A dataset file's JSON as `JSON.stringify(file, null, 2)` writes it, yielded in chunks of `chunk` records, so
 * a caller writing a very large file (134 MB at 100,000 events) can hand the page back to the browser between
 * chunks instead of holding it for seconds in one call.
 */
export function* jsonChunks(file: object, chunk = 2000): Generator<string> {
  const entries = Object.entries(file).filter(([, v]) => v !== undefined);
  let out = "{\n";
  for (const [k, [key, value]] of entries.entries()) {
    const comma = k < entries.length - 1 ? "," : "";
    if (!Array.isArray(value) || value.length === 0) {
      out += `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}${comma}\n`;
      continue;
    }
    out += `  ${JSON.stringify(key)}: [\n`;
    for (let i = 0; i < value.length; i++) {
      // JSON escapes line breaks inside strings, so every "\n" here is between tokens.
      out += `    ${JSON.stringify(value[i] ?? null, null, 2).replace(/\n/g, "\n    ")}${i < value.length - 1 ? "," : ""}\n`;
      if ((i + 1) % chunk === 0) {
        yield out;
        out = "";
      }
    }
    out += `  ]${comma}\n`;
  }
  yield `${out}}`;
}
