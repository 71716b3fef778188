"use client";

import { useState, type FocusEvent, type KeyboardEvent, type RefObject } from "react";
import { ROVING_KEYS, rovingTabStop, rovingTarget, type Point } from "@/lib/layout/network";
import type { Graph } from "@/lib/select/graph";
import { actorOf } from "./targets";

/** What the roving focus needs of the drawing. */
export interface RovingFocusOptions {
  /** The drawn graph. */
  graph: Graph;
  /** The selected actor of the view state, if any: the tab stop until the keyboard or pointer picks one. */
  selectedActor: string | null;
  /** Where an actor's mark is on screen, if drawn. */
  at(id: string): Point | undefined;
  /** The drawing, whose actor marks receive the DOM focus. */
  svgRef: RefObject<SVGSVGElement | null>;
  /** Brings an actor's mark into view (when zoomed in) before it takes the focus. */
  reveal(id: string): void;
  /** Enter or Space on an actor. */
  onNode(id: string): void;
}

/** The roving focus's state and the handlers to put on the drawing. */
export interface RovingFocus {
  /** The actor with `tabIndex=0`: the drawing's one tab stop. */
  tabStop: string | null;
  /** The actor that holds the keyboard focus, if any. */
  keyNode: string | null;
  /** Makes an actor the tab stop (a click on it). */
  claim(id: string): void;
  onKeyDown(e: KeyboardEvent<SVGSVGElement>): void;
  onFocus(e: FocusEvent<SVGSVGElement>): void;
  onBlur(e: FocusEvent<SVGSVGElement>): void;
}

/**
 * A roving tabindex over the actor marks (by hand: visx has no keyboard navigation): one tab stop leads in,
 * the arrow keys move to linked actors (the pure moves are `rovingTarget` in lib/layout), Home and End to
 * the first and last actor, Enter or Space picks one, Escape lets go of the highlight.
 */
export function useRovingFocus({
  graph,
  selectedActor,
  at,
  svgRef,
  reveal,
  onNode,
}: RovingFocusOptions): RovingFocus {
  const [last, setLast] = useState<string | null>(null);
  const [keyNode, setKeyNode] = useState<string | null>(null);

  const moveTo = (id: string) => {
    setLast(id);
    reveal(id);
    svgRef.current?.querySelector<SVGGElement>(`[data-node="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const id = actorOf(e.target);
    if (!id) return;
    const move = ROVING_KEYS[e.key];
    if (move) {
      e.preventDefault();
      const next = rovingTarget(graph, id, move, at);
      if (next) moveTo(next);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onNode(id);
    } else if (e.key === "Escape") {
      setKeyNode(null);
    }
  };
  const onFocus = (e: FocusEvent<SVGSVGElement>) => {
    const id = actorOf(e.target);
    if (!id) return;
    setKeyNode(id);
    setLast(id);
  };
  const onBlur = (e: FocusEvent<SVGSVGElement>) => {
    const id = actorOf(e.target);
    setKeyNode((k) => (k === id ? null : k));
  };

  return {
    tabStop: rovingTabStop(graph, last, selectedActor),
    keyNode,
    claim: setLast,
    onKeyDown,
    onFocus,
    onBlur,
  };
}
