import { z } from "zod";
import { PARAM_KEYS } from "../view/parsers";

/**
 * The URL keys a step may set: every key of the view state but the dataset (`data`), how the page is shown
 * (`embed`) and the story itself. Derived from the parsers, so a key added to the URL is a key a step can take (compare and network
 * were once missing from a hand-written list, and a step copied from a matrix view failed its own check).
 */
const NOT_STEP_KEYS: ReadonlySet<string> = new Set(["data", "embed", "story", "step"]);
export const STEP_VIEW_KEYS: readonly string[] = PARAM_KEYS.filter((k) => !NOT_STEP_KEYS.has(k));

/** Kinds of record a step can cite: the ones the evidence panel opens. */
export const CITE_KINDS = ["event", "stance", "quote", "claim"] as const;

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);

/** `stance:russia-condemns-…`: a cited record, as the evidence panel names it. */
const citeSchema = z
  .string()
  .regex(/^(event|stance|quote|claim):[^\s:]+$/, "a record as kind:id (kind event, stance, quote or claim)");

const stepSchema = z.strictObject({
  title: text(120),
  /** Two or three sentences; `[words](kind:id)` makes the words a link to a cited record. */
  caption: text(1200),
  /** The view the step shows, as URL values (`{"actors": "russia,iran", "focus": "event:…"}`); unset = default. */
  view: z.strictObject(Object.fromEntries(STEP_VIEW_KEYS.map((k) => [k, z.string().optional()]))),
  /** Every record the caption rests on. */
  cites: z.array(citeSchema).min(1, "a step cites at least one record"),
});

/** One story file of `data/stories/`. */
export const storySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case words joined by hyphens"),
  title: text(120),
  /** One sentence for the story list. */
  description: text(300),
  steps: z.array(stepSchema).min(1, "a story has at least one step"),
});

/** A story as its file holds it. */
export type StoryFile = z.infer<typeof storySchema>;
