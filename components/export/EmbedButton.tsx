"use client";

import { useId, useRef, useState } from "react";
import styles from "./Export.module.css";

/**
 * The Embed button: a panel with the `<iframe>` snippet of the current view (made when the panel opens, so it
 * carries the view as it is then) and a Copy button. The snippet is in a read-only text area a user can also
 * select by hand when the clipboard is refused.
 */
export function EmbedButton({
  getSnippet,
  getStep,
  local,
}: {
  getSnippet(): string;
  /** The hash of a dataset opened from a file, when the view shows one: the embed will not show it to others. */
  local?: string | null;
  /** The current view as a story step's JSON ("Copy as story step", for authors of story files). */
  getStep?: () => string;
}) {
  const [snippet, setSnippet] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [step, setStep] = useState<string | null>(null);
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    if (!snippet) return;
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus("Embed code copied");
    } catch {
      area.current?.select();
      setStatus("Press Ctrl+C (⌘C) to copy the selected code");
    }
  };
  return (
    <div className={styles.menuButton}>
      <button
        type="button"
        className="button"
        aria-expanded={snippet !== null}
        aria-controls={snippet !== null ? `${id}-embed` : undefined}
        onClick={() => {
          setStatus("");
          setStep(null);
          setSnippet((s) => (s === null ? getSnippet() : null));
        }}
      >
        Embed
      </button>
      {snippet !== null && (
        <div
          id={`${id}-embed`}
          className={`${styles.menu} ${styles.embedPanel}`}
          role="group"
          aria-label="Embed this view"
          onKeyDown={(e) => {
            if (e.key === "Escape") setSnippet(null);
          }}
        >
          {local && (
            <p className={styles.status} role="note" data-testid="embed-local">
              This view shows data opened from a file in this browser (local:{local}): an embed will not show
              it to others, who will see a notice instead.
            </p>
          )}
          <label htmlFor={`${id}-code`}>Paste this into your page to show this view:</label>
          <textarea
            id={`${id}-code`}
            ref={area}
            readOnly
            rows={4}
            value={snippet}
            onFocus={(e) => e.target.select()}
            data-testid="embed-code"
          />
          <button
            type="button"
            className={`button button-primary ${styles.copy}`}
            onClick={() => void copy()}
          >
            Copy
          </button>
          <span role="status" className={styles.status}>
            {status}
          </span>
          {getStep && (
            <>
              <button
                type="button"
                className={`button ${styles.copy}`}
                onClick={() => {
                  const json = getStep();
                  navigator.clipboard.writeText(json).then(
                    () => {
                      setStep(null);
                      setStatus("Story step copied: paste it into a story file's steps");
                    },
                    () => {
                      // Refused: show the JSON to copy by hand.
                      setStep(json);
                      setStatus("Copy the story step below");
                    },
                  );
                }}
              >
                Copy as story step
              </button>
              {step !== null && (
                <textarea
                  readOnly
                  rows={6}
                  value={step}
                  aria-label="This view as a story step"
                  onFocus={(e) => e.target.select()}
                  data-testid="story-step-code"
                />
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
