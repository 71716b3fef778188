import { answerBytes } from "@/lib/data/answerBytes";
import { datasetBody } from "@/lib/data/datasetBody";

/**
 * The validated dataset as lines of JSON (lib/data/datasetBody.ts `datasetLines`), for the browser of a
 * dataset too large to inline in the page: it parses each line while the next ones download.
 */
export async function GET(request: Request) {
  const body = datasetBody();
  const lines = body.lines();
  return answerBytes(request, {
    etag: body.etag.replace(/"$/, '.l1"'),
    plain: lines,
    gzipped: body.linesGzipped,
    contentType: "application/x-ndjson; charset=utf-8",
    headers: { "X-Dataset-Bytes": String(lines.byteLength) },
  });
}

export const dynamic = "force-dynamic";
