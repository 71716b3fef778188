/**
 * Normalises text for the verbatim rule of the dataset contract: typographic quote marks become straight
 * ones and runs of white space become one space. Nothing else changes, so a match after normalising is a
 * verbatim match in every way the contract cares about.
 */
export function normalizeVerbatim(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** True when `excerpt` occurs in `document` once both are normalised by {@link normalizeVerbatim}. */
export function isVerbatimIn(excerpt: string, document: string): boolean {
  return normalizeVerbatim(document).includes(normalizeVerbatim(excerpt));
}
