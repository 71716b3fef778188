import { memo } from "react";
import { STANCE_TYPES } from "@/lib/view";
import { STANCE_COLOR } from "../../theme";

/** The id of a stance type's arrowhead marker, under the drawing's id prefix. */
export const arrowId = (uid: string, type: string) => `${uid}-arrow-${type}`;

/**
 * Every type's arrowhead, always: adding or removing a marker invalidates every edge path that references
 * one, so the set must not follow the filters. Memoised on the id prefix, so a change never diffs them.
 */
export const ArrowDefs = memo(function ArrowDefs({ uid }: { uid: string }) {
  return (
    <defs>
      {STANCE_TYPES.map((type) => (
        <marker
          key={type}
          id={arrowId(uid, type)}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="9"
          markerHeight="9"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0L10,5L0,10Z" fill={STANCE_COLOR[type]} />
        </marker>
      ))}
    </defs>
  );
});
