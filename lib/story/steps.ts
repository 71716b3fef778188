import type { ViewState } from "../model/viewState";
import { parseViewState, serializeViewState, type ParseContext } from "../view";

/** A step of a story, as the page shows it: title, caption (with `[words](kind:id)` links) and view. */
export interface StoryStep {
  title: string;
  caption: string;
  /** The view the step shows, as URL values. */
  view: Readonly<Record<string, string | undefined>>;
  /** The records the caption rests on, as `kind:id`. */
  cites: readonly string[];
}

/** A story that fits the dataset: checked on the server (lib/story/load.ts), sent to the page as is. */
export interface Story {
  id: string;
  title: string;
  description: string;
  steps: readonly StoryStep[];
}

/** The URL values of a step's view, as search params. */
export function stepParams(step: Pick<StoryStep, "view">): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(step.view)) if (value !== undefined) params.set(key, value);
  return params;
}

/** The parse context with the stories' steps as views, so `story=…&step=…` reads (and writes) as the step. */
export function withStories(ctx: ParseContext, stories: readonly Story[]): ParseContext {
  const plain = { ...ctx, stories: new Map() };
  return {
    ...ctx,
    stories: new Map(
      stories.map((s) => [s.id, s.steps.map((step) => parseViewState(stepParams(step), plain).state)]),
    ),
  };
}

/** A cited record, parsed. */
export interface Cite {
  kind: "event" | "stance" | "quote" | "claim";
  id: string;
}

const CITE_RE = /^(event|stance|quote|claim):([^\s:]+)$/;

/** `stance:x` → `{ kind: "stance", id: "x" }`; null when it is not a citation. */
export function parseCite(text: string): Cite | null {
  const m = CITE_RE.exec(text);
  return m ? { kind: m[1] as Cite["kind"], id: m[2]! } : null;
}

/** A run of a caption: plain words, or words that link to a cited record. */
export type CaptionPart = { text: string; cite?: Cite };

const LINK_RE = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** A caption cut into plain runs and `[words](kind:id)` links; a link to something not a record stays text. */
export function captionParts(caption: string): CaptionPart[] {
  const parts: CaptionPart[] = [];
  let at = 0;
  for (const m of caption.matchAll(LINK_RE)) {
    const cite = parseCite(m[2]!);
    if (!cite) continue;
    if (m.index > at) parts.push({ text: caption.slice(at, m.index) });
    parts.push({ text: m[1]!, cite });
    at = m.index + m[0].length;
  }
  if (at < caption.length) parts.push({ text: caption.slice(at) });
  return parts;
}

/** The caption as plain text (links' words kept): for the screen reader's announcement and image captions. */
export function captionText(caption: string): string {
  return captionParts(caption)
    .map((p) => p.text)
    .join("");
}

/**
 * The current view as a story step to paste into a story file ("Copy as story step"): its URL values under
 * the keys a step takes, the selected record (when it can be cited) in `cites`, and a title and caption to
 * write. Pretty-printed JSON.
 */
export function stepJson(view: ViewState, ctx: ParseContext): string {
  const query = serializeViewState({ ...view, data: null, embed: false, story: null, step: null }, ctx);
  const values: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) values[key] = value;
  const selection = view.selection;
  const cites = selection && selection.kind !== "actor" ? [`${selection.kind}:${selection.id}`] : [];
  return JSON.stringify({ title: "", caption: "", view: values, cites }, null, 2);
}
