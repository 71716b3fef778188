// The closed vocabularies of the dataset as plain constants. The zod schema builds its enums from these, and
// client code imports them from here, so the browser bundle never pulls in zod, which would be most of the script budget.

/** Kinds of actor; the network draws each with its own shape. */
export const ACTOR_KINDS = ["person", "state", "organization", "media", "group"] as const;

/** Kinds of event; the time axis encodes each with its own mark. */
export const EVENT_KINDS = [
  "strike",
  "statement",
  "call",
  "meeting",
  "condemnation",
  "protest",
  "designation",
  "fact-check",
  "agreement",
  "aid",
  "interception",
] as const;

/** Types of directed stance one actor takes toward another, in canonical (URL) order. */
export const STANCE_TYPES = [
  "condemn",
  "criticize",
  "protest",
  "support",
  "defend",
  "praise",
  "celebrate",
  "thank",
  "condole",
  "designate",
  "dispute",
  "warn",
  "threaten",
] as const;

/** How much of a date the source actually gives. */
export const DATE_PRECISIONS = ["day", "month", "year"] as const;

/**
 * The facts of a record that may rest on something other than its report (a date, a target, a publisher
 * inferred from other reporting). A record lists each such fact in `outside`; everything else is from the report.
 */
export const OUTSIDE_FIELDS = [
  "date",
  "datePrecision",
  "actors",
  "targets",
  "from",
  "to",
  "type",
  "speaker",
  "publisher",
  "title",
  "published",
] as const;

/**
 * Which way each stance type leans (data/README.md, "stances"): against its target, for it, or neither. The
 * network draws "neither" dashed and its legend groups types by it; the comparison of episodes calls a pair's
 * change from "for" to "against" (or back) a flip.
 */
export const STANCE_FAMILY: Record<(typeof STANCE_TYPES)[number], "against" | "for" | "neither"> = {
  condemn: "against",
  criticize: "against",
  protest: "against",
  support: "for",
  defend: "for",
  praise: "for",
  celebrate: "for",
  thank: "for",
  condole: "for",
  designate: "neither",
  dispute: "neither",
  warn: "neither",
  threaten: "neither",
};
