"use client";

import type { AnswerState } from "./answers";

/**
 * What a view says while its answer is on its way or when it failed: "Counting…" the first time (later
 * loads keep the last answer shown, marked busy), or the server's message and a button to ask again.
 */
export function AnswerStatus({ answer, what }: { answer: AnswerState<unknown>; what: string }) {
  return (
    <p
      role="status"
      className={answer.state === "error" ? "notice" : answer.data === null ? undefined : "visually-hidden"}
    >
      {answer.state === "error" ? (
        <>
          Could not load {what}: {answer.error}{" "}
          <button type="button" className="link-button" onClick={answer.retry}>
            Try again
          </button>
        </>
      ) : answer.state === "loading" && answer.data === null ? (
        `Counting ${what}…`
      ) : (
        ""
      )}
    </p>
  );
}
