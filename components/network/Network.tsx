"use client";

import type { LinkedViewProps } from "../viewProps";
import { STANCE_VERB } from "../theme";

/** The condemnation network (placeholder list until the graph lands). */
export function Network({ index, visible }: LinkedViewProps) {
  const name = (id: string) => index.actorById.get(id)?.name ?? id;
  return (
    <ul className="plain-list">
      {visible.stances.map((s) => (
        <li key={s.id}>
          {name(s.from)} {STANCE_VERB[s.type]} {name(s.to)}
        </li>
      ))}
    </ul>
  );
}
