import { answerBytes } from "@/lib/data/answerBytes";
import { columnsBody } from "@/lib/data/columnsBody";

/**
 * The served dataset's index columns (lib/data/columnsCodec.ts), for the browser that fetches the dataset:
 * it takes them instead of building them.
 */
export async function GET(request: Request) {
  const body = columnsBody();
  return answerBytes(request, {
    etag: body.etag,
    plain: body.bytes,
    gzipped: body.gzipped,
    contentType: "application/octet-stream",
  });
}

export const dynamic = "force-dynamic";
