import type { DatasetIndex } from "../data/indexDataset";
import { parseViewState, type ParseContext } from "../view";
import { storySchema } from "./schema";
import { captionParts, parseCite, stepParams, type Cite, type Story } from "./steps";

/** What checking a story file found: problems with its form, and citations or views this dataset lacks. */
export interface StoryCheck {
  /** The story, when its form is right (it may still not fit the dataset). */
  story: Story | null;
  /** Problems with the file's form (schema): the story cannot be used with any dataset. */
  form: string[];
  /** Records or view values the dataset does not have: the story does not fit this dataset. */
  fit: string[];
}

/** `story "russia-iran", step 3, view.focus` — where a problem is, as a reader of the file counts. */
function where(storyId: string | null, path: readonly PropertyKey[]): string {
  const parts = [storyId ? `story "${storyId}"` : "story"];
  let rest = path;
  if (path[0] === "steps" && typeof path[1] === "number") {
    parts.push(`step ${path[1] + 1}`);
    rest = path.slice(2);
  }
  if (rest.length > 0) parts.push(rest.map(String).join("."));
  return parts.join(", ");
}

const has = (index: DatasetIndex, cite: Cite): boolean => {
  switch (cite.kind) {
    case "event":
      return index.eventById.has(cite.id);
    case "stance":
      return index.stanceById.has(cite.id);
    case "quote":
      return index.quoteById.has(cite.id);
    case "claim":
      return index.claimById.has(cite.id);
  }
};

/**
 * Checks one story file (already parsed JSON) against the schema and the dataset: every cited record exists,
 * every caption link points at a cited record, every step's view values are ones the URL accepts for this
 * dataset (the same parsers as the address bar). Each problem names the story, the step and the field.
 */
export function checkStory(raw: unknown, index: DatasetIndex, ctx: ParseContext): StoryCheck {
  const parsed = storySchema.safeParse(raw);
  if (!parsed.success) {
    const id =
      typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string"
        ? (raw as { id: string }).id
        : null;
    return {
      story: null,
      form: parsed.error.issues.map((i) => `${where(id, i.path)}: ${i.message}`),
      fit: [],
    };
  }
  const story = parsed.data;
  const form: string[] = [];
  const fit: string[] = [];
  const plain = { ...ctx, stories: new Map() };
  story.steps.forEach((step, i) => {
    const at = (field: string) => where(story.id, ["steps", i, field]);
    const cited = new Set(step.cites);
    step.cites.forEach((text, c) => {
      const cite = parseCite(text)!;
      if (!has(index, cite)) fit.push(`${at(`cites.${c}`)}: no ${cite.kind} "${cite.id}" in the dataset`);
    });
    for (const part of captionParts(step.caption)) {
      if (part.cite && !cited.has(`${part.cite.kind}:${part.cite.id}`))
        form.push(
          `${at("caption")}: the link "${part.text}" names ${part.cite.kind}:${part.cite.id}, which cites does not list`,
        );
    }
    for (const m of step.caption.matchAll(/\[[^\]]+\]\(([^)\s]*)\)/g)) {
      if (!parseCite(m[1]!))
        form.push(`${at("caption")}: the link target "${m[1]}" is not a record (kind:id)`);
    }
    for (const { key, value, reason } of parseViewState(stepParams(step), plain).ignored)
      fit.push(
        `${where(story.id, ["steps", i, "view", key])}: "${value}" ${reason ?? "is not a value the dataset knows"}`,
      );
  });
  return { story, form, fit };
}
