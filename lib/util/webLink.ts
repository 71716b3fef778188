/**
 * The URL as a link target when it is a web address (http or https), else null. A source's `url` comes from a
 * dataset, and a dataset may be a file the user opened: `javascript:alert(1)` or `data:…` is shown as text,
 * never put in an `href`.
 */
export function webLink(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}
