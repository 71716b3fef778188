import { z } from "zod";
import { ACTOR_KINDS, DATE_PRECISIONS, EVENT_KINDS, OUTSIDE_FIELDS, STANCE_TYPES } from "./vocabulary";

/** Stable kebab-case record id: lower-case letters and digits joined by single hyphens. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case id (a-z, 0-9, single hyphens)");

/**
 * A calendar date as ISO `YYYY-MM-DD` (UTC). Month- and year-precision dates are anchored at the first
 * day of the period they name (`2024-04-01`, `2014-01-01`); `datePrecision` says how much of it is known.
 */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date YYYY-MM-DD");

/**
 * The earliest and the latest date a record may carry, inclusive, in every dated field. The views do date
 * math through `YYYY-MM-DD` strings, which break at both ends: a date padded past year 9999 has five digits
 * (`new Date("10000-01-01T00:00:00Z")` is NaN; an event on 9999-12-31 drew NaN paths on the time axis), and
 * `Date.UTC` reads years 0–99 as 1900–1999. This range keeps clear of both and covers any modern escalation.
 */
export const DATE_RANGE = { min: "1800-01-01", max: "2200-12-31" } as const;

/** How much of a date the source actually gives. */
export const datePrecisionSchema = z.enum(DATE_PRECISIONS);

/** A CAMEO event code, kept as a string so leading zeros survive ("051"). */
export const cameoSchema = z.string().regex(/^\d{2,4}$/, "must be a 2–4 digit CAMEO code string");

/** Verbatim text from a source document: never empty. */
const verbatim = z.string().min(1, "must not be empty");

/**
 * Provenance: the facts of a record that do not come from its report, each with a short note a reader sees
 * ("date from other reporting: 3 or 4 Jan 2020"). Left out when everything is from the report.
 */
export const outsideSchema = z
  .array(z.strictObject({ field: z.enum(OUTSIDE_FIELDS), note: z.string().min(1) }))
  .min(1, "must list at least one fact, or be left out");

/** Shared date fields: the date, its precision and, where the document only implies it, how it was resolved. */
const datedFields = {
  date: isoDateSchema,
  datePrecision: datePrecisionSchema,
  /** How an implied date ("on Saturday", "two weeks after") was resolved; required for implied dates. */
  dateNote: z.string().min(1).optional(),
};

/** A news report of the corpus. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  publisher: z.string().min(1),
  title: z.string().min(1),
  published: isoDateSchema,
  datePrecision: datePrecisionSchema,
  dateNote: z.string().min(1).optional(),
  /** File name of the report in the source corpus (kept outside the repository; see data/README.md). */
  document: z.string().min(1),
  /** How publisher or title were inferred where the document does not state them. */
  note: z.string().min(1).optional(),
  /** The original article's address, where a copy could be located (see data/README.md for how). */
  url: z.url().optional(),
  /** SHA-256 (hex) of the document's bytes, so anyone holding the corpus can check the excerpts. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits")
    .optional(),
  outside: outsideSchema.optional(),
});

/** Kinds of actor; the network draws each with its own shape. */
export const actorKindSchema = z.enum(ACTOR_KINDS);

/** A person, state, organization, media outlet or armed group. */
export const actorSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  /** Short label for crowded charts ("Lavrov", "US"); falls back to `name`. */
  shortName: z.string().min(1).optional(),
  kind: actorKindSchema,
  /** The actor this one speaks for: a minister's state, a spokesman's government. */
  affiliation: idSchema.optional(),
  /** Role as the reports give it ("Russian Foreign Minister"). */
  role: z.string().min(1).optional(),
});

/** One of the escalations the dataset is organised around. */
export const episodeSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  /** Short band label for the time axis. */
  label: z.string().min(1),
  start: isoDateSchema,
  end: isoDateSchema,
});

/** Kinds of event; the time axis encodes each with its own mark. */
export const eventKindSchema = z.enum(EVENT_KINDS);

/** A dated happening the reports mention. */
export const eventSchema = z.strictObject({
  id: idSchema,
  ...datedFields,
  title: z.string().min(1),
  kind: eventKindSchema,
  actors: z.array(idSchema),
  targets: z.array(idSchema),
  /** The escalation this event belongs to, or null for background events. */
  episode: idSchema.nullable(),
  sourceId: idSchema,
  evidence: verbatim,
  cameo: cameoSchema,
  outside: outsideSchema.optional(),
});

/** Types of directed stance one actor takes toward another. */
export const stanceTypeSchema = z.enum(STANCE_TYPES);

/** A directed, typed stance: `from` condemns / supports / thanks … `to`. */
export const stanceSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  type: stanceTypeSchema,
  ...datedFields,
  eventId: idSchema.optional(),
  sourceId: idSchema,
  evidence: verbatim,
  cameo: cameoSchema,
  outside: outsideSchema.optional(),
});

/** A direct quotation attributed to a person or an institution. */
export const quoteSchema = z.strictObject({
  id: idSchema,
  speaker: idSchema,
  text: verbatim,
  /**
   * The report's sentence around a short quoted fragment ("mirror response"), verbatim, so that a view can
   * show the words where they were said; it contains `text`.
   */
  sentence: verbatim.optional(),
  ...datedFields,
  sourceId: idSchema,
  /** Where and to whom it was said. */
  context: z.string().min(1),
  eventId: idSchema.optional(),
  claimId: idSchema.optional(),
  /** The previous part of a quotation the report splits over several paragraphs. */
  continues: idSchema.optional(),
  outside: outsideSchema.optional(),
});

/** A fact-checked claim, shaped like schema.org ClaimReview. */
export const claimSchema = z.strictObject({
  id: idSchema,
  /** The claim as reviewed (verbatim). */
  text: verbatim,
  claimant: idSchema,
  ...datedFields,
  /** The reviewer's rating, e.g. "False". */
  rating: z.string().min(1),
  reviewer: idSchema,
  sourceId: idSchema,
  /** The reviewer's reasoning, verbatim. */
  evidence: verbatim,
});

/** The whole dataset file. */
export const datasetSchema = z.strictObject({
  sources: z.array(sourceSchema),
  actors: z.array(actorSchema),
  episodes: z.array(episodeSchema),
  events: z.array(eventSchema),
  stances: z.array(stanceSchema),
  quotes: z.array(quoteSchema),
  claims: z.array(claimSchema),
});

export type DatePrecision = z.infer<typeof datePrecisionSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ActorKind = z.infer<typeof actorKindSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Episode = z.infer<typeof episodeSchema>;
export type EventKind = z.infer<typeof eventKindSchema>;
export type Event = z.infer<typeof eventSchema>;
export type StanceType = z.infer<typeof stanceTypeSchema>;
export type Stance = z.infer<typeof stanceSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Claim = z.infer<typeof claimSchema>;
/** The facts of a record that come from outside its report. */
export type Outside = z.infer<typeof outsideSchema>;
/** The dataset as stored in `data/escalations.json`. */
export type DatasetFile = z.infer<typeof datasetSchema>;
