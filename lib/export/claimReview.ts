import type { DatasetIndex } from "../data/indexDataset";
import type { Claim, DatePrecision } from "../model/schema";
import { actorName } from "../select/wording";

/** An actor as schema.org names it: a Person for people, an Organization for everything else. */
function thing(index: DatasetIndex, id: string) {
  return {
    "@type": index.actorById.get(id)?.kind === "person" ? "Person" : "Organization",
    name: actorName(index, id),
  };
}

/**
 * An ISO 8601 date no more exact than the record: "2023-10" for a month, "2023" for a year (a review dated
 * only "October 2023" by its report is not published on the 1st).
 */
const isoAtPrecision = (date: string, precision: DatePrecision) =>
  precision === "day" ? date : precision === "month" ? date.slice(0, 7) : date.slice(0, 4);

/**
 * A fact-checked claim as schema.org ClaimReview (JSON-LD), as fact-checkers publish it and search engines
 * read it: the claim (its author and date), the reviewer, the rating, and the review's page where known.
 */
export function claimReview(index: DatasetIndex, claim: Claim): Record<string, unknown> {
  const source = index.sourceById.get(claim.sourceId);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    ...(source?.url ? { url: source.url } : {}),
    ...(source ? { datePublished: isoAtPrecision(source.published, source.datePrecision) } : {}),
    claimReviewed: claim.text,
    itemReviewed: {
      "@type": "Claim",
      author: thing(index, claim.claimant),
      datePublished: isoAtPrecision(claim.date, claim.datePrecision),
    },
    author: thing(index, claim.reviewer),
    reviewRating: { "@type": "Rating", alternateName: claim.rating },
    reviewBody: claim.evidence,
  };
}

/** Every claim's ClaimReview, as the text of a `<script type="application/ld+json">`: `<` escaped. */
export function claimReviewScripts(index: DatasetIndex): string[] {
  return index.data.claims.map((c) => JSON.stringify(claimReview(index, c)).replace(/</g, "\\u003c"));
}
