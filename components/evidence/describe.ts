import type { DatasetIndex } from "@/lib/data";
import type { DatePrecision, Outside } from "@/lib/model";
import type { Selection } from "@/lib/view";
import { actorName, stanceAbout } from "@/lib/select/wording";
import { EVENT_KIND_LABEL } from "../theme";
import type { EvidenceRef } from "../viewProps";

/** Everything the evidence panel shows about one record. */
export interface EvidenceDetails {
  heading: string;
  /** Where and how the record was said or happened, when the dataset says. */
  context?: string;
  /** The verbatim excerpt the record rests on. */
  excerpt: string;
  date: string;
  datePrecision: DatePrecision;
  dateNote?: string;
  /** The record's facts from outside its report, each with its note. */
  outside?: Outside;
  sourceId: string;
  /** The record to select in the views, where it is selectable. */
  selection: Selection | null;
  /** A fact-check verdict on the record, where one exists. */
  verdict?: { rating: string; reviewer: string; reasoning: string };
}

/** Resolves an evidence reference to what the panel shows; null when the record no longer exists. */
export function describeEvidence(index: DatasetIndex, ref: EvidenceRef): EvidenceDetails | null {
  switch (ref.kind) {
    case "event": {
      const e = index.eventById.get(ref.id);
      if (!e) return null;
      return {
        heading: e.title,
        context: EVENT_KIND_LABEL[e.kind],
        excerpt: e.evidence,
        date: e.date,
        datePrecision: e.datePrecision,
        dateNote: e.dateNote,
        outside: e.outside,
        sourceId: e.sourceId,
        selection: { kind: "event", id: e.id },
      };
    }
    case "stance": {
      const s = index.stanceById.get(ref.id);
      if (!s) return null;
      return {
        heading: stanceAbout(index, s),
        excerpt: s.evidence,
        date: s.date,
        datePrecision: s.datePrecision,
        dateNote: s.dateNote,
        outside: s.outside,
        sourceId: s.sourceId,
        selection: { kind: "stance", id: s.id },
      };
    }
    case "quote": {
      const q = index.quoteById.get(ref.id);
      if (!q) return null;
      const claim = q.claimId ? index.claimById.get(q.claimId) : undefined;
      return {
        heading: `${actorName(index, q.speaker)}: quotation`,
        context: q.context,
        excerpt: q.text,
        date: q.date,
        datePrecision: q.datePrecision,
        dateNote: q.dateNote,
        outside: q.outside,
        sourceId: q.sourceId,
        selection: { kind: "quote", id: q.id },
        verdict: claim
          ? { rating: claim.rating, reviewer: actorName(index, claim.reviewer), reasoning: claim.evidence }
          : undefined,
      };
    }
    case "claim": {
      const c = index.claimById.get(ref.id);
      if (!c) return null;
      return {
        heading: `Claim by ${actorName(index, c.claimant)}`,
        excerpt: c.text,
        date: c.date,
        datePrecision: c.datePrecision,
        dateNote: c.dateNote,
        sourceId: c.sourceId,
        selection: null,
        verdict: { rating: c.rating, reviewer: actorName(index, c.reviewer), reasoning: c.evidence },
      };
    }
  }
}
