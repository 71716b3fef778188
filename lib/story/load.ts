import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatasetError } from "../data/DatasetError";
import type { DatasetIndex } from "../data/indexDataset";
import { DEFAULT_DATASET, datasetPath, processCache } from "../data/loadDataset";
import { parseContextOf } from "../view";
import { checkStory } from "./check";
import type { Story } from "./steps";

/** Environment variable naming another folder of stories (absolute or relative to the cwd). */
export const STORIES_ENV = "STANCE_ATLAS_STORIES";

/** The bundled stories, relative to the project root. */
export const DEFAULT_STORIES = "data/stories";

/** The folder of story files: `$STANCE_ATLAS_STORIES` if set, else the bundled one. */
export function storiesDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env[STORIES_ENV] || DEFAULT_STORIES);
}

/** A story file, read and parsed (not yet checked). */
interface StoryText {
  /** The path as messages show it. */
  label: string;
  raw: unknown;
}

function readFolder(dir: string): StoryText[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json"));
  } catch {
    return []; // No folder, no stories.
  }
  return names.sort().map((name) => {
    const file = path.join(dir, name);
    const relative = path.relative(process.cwd(), file);
    const label = relative && !relative.startsWith("..") ? relative : file;
    try {
      return { label, raw: JSON.parse(readFileSync(file, "utf8")) as unknown };
    } catch (err) {
      throw new DatasetError(label, [`not valid JSON (${(err as Error).message})`]);
    }
  });
}

/**
 * The stories of a folder that fit the dataset. A file whose form is wrong throws a {@link DatasetError}
 * naming the file, the story, the step and the field. So does a story citing a record the dataset lacks when
 * `strict` — by default when the dataset is the bundled one, which the bundled stories are written from;
 * with another dataset such a story is left out, with a warning in the server's log.
 */
export function loadStories(
  index: DatasetIndex,
  { dir = storiesDir(), strict = datasetPath() === path.resolve(DEFAULT_DATASET) } = {},
): Story[] {
  const ctx = parseContextOf(index);
  const stories: Story[] = [];
  const seen = new Map<string, string>();
  for (const { label, raw } of readFolder(dir)) {
    const { story, form, fit } = checkStory(raw, index, ctx);
    const problems = [...form, ...(strict ? fit : [])];
    if (story && seen.has(story.id))
      problems.push(`story "${story.id}": id already used by ${seen.get(story.id)}`);
    if (problems.length > 0) throw new DatasetError(label, problems);
    if (!story) continue;
    if (fit.length > 0) {
      console.warn(`${label}: story "${story.id}" left out, it does not fit this dataset (${fit[0]})`);
      continue;
    }
    seen.set(story.id, label);
    stories.push(story);
  }
  return stories;
}

const cache = processCache("stories", () => new WeakMap<DatasetIndex, Story[]>());

/** {@link loadStories} for the served dataset and the default folder, once per process. */
export function servedStories(index: DatasetIndex): Story[] {
  let stories = cache.get(index);
  if (!stories) {
    stories = loadStories(index);
    cache.set(index, stories);
  }
  return stories;
}
