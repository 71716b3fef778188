import type { Metadata } from "next";
import Link from "next/link";
import { loadIndexedDataset } from "@/lib/data/loadDataset";
import { servedStories } from "@/lib/story/load";

export const metadata: Metadata = {
  title: "Stories — Stance Atlas",
  description:
    "Guided stories through the dashboard: each step a full view of the linked views, citing the verbatim records it rests on.",
};

/**
 * The story list: every story that fits the served dataset, with its steps as links. Each step is a link
 * to the dashboard (`/?story=<id>&step=<n>`), painted on the server, so it works without JavaScript too.
 */
export default function StoriesPage() {
  const stories = servedStories(loadIndexedDataset());
  return (
    <>
      <header className="site-header">
        <p className="about-back">
          <Link href="/">← Back to the dashboard</Link>
        </p>
        <h1>Stories</h1>
        <p className="lede">
          Guided ways into the dashboard. Every step is a view of the linked timeline, network and quotes,
          with its own link, and every sentence cites the records it rests on.
        </p>
      </header>
      <main className="about">
        {stories.length === 0 ? (
          <p data-testid="no-stories">No story fits the dataset this site serves.</p>
        ) : (
          stories.map((story) => (
            <section key={story.id} aria-labelledby={`story-${story.id}`} data-story={story.id}>
              <h2 id={`story-${story.id}`}>{story.title}</h2>
              <p>{story.description}</p>
              <p>
                <a className="button button-primary" href={`/?story=${story.id}&step=1`}>
                  Start the story ({story.steps.length} steps)
                </a>
              </p>
              <ol>
                {story.steps.map((step, i) => (
                  <li key={i}>
                    <a href={`/?story=${story.id}&step=${i + 1}`}>{step.title}</a>
                  </li>
                ))}
              </ol>
            </section>
          ))
        )}
        <section aria-labelledby="write-a-story">
          <h2 id="write-a-story">Write a story</h2>
          <p>
            A story is a JSON file in <code>data/stories/</code>: a title, a description and a list of steps,
            each with a title, a caption, the view it shows (the dashboard&apos;s URL keys) and the records it
            cites. In the dashboard, <strong>Copy as story step</strong> (in the Embed panel) copies the
            current view as a step to paste into the file. The format is documented in the project&apos;s
            README.
          </p>
        </section>
      </main>
    </>
  );
}
