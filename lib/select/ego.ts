import type { Stance } from "../model/schema";
import type { EgoDepth, NetworkForm, ViewState } from "../model/viewState";

/**
 * The ego set of an actor: the actor and every actor within `depth` steps of it over `stances`, a stance
 * linking its two sides whichever way it points. An actor that takes part in none of the stances is its own
 * ego set.
 */
export function egoActors(
  stances: readonly Pick<Stance, "from" | "to">[],
  center: string,
  depth: number,
): Set<string> {
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = neighbours.get(a);
    if (!set) neighbours.set(a, (set = new Set()));
    set.add(b);
  };
  for (const s of stances) {
    link(s.from, s.to);
    link(s.to, s.from);
  }
  const reached = new Set([center]);
  let frontier = [center];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const n of neighbours.get(id) ?? [])
        if (!reached.has(n)) {
          reached.add(n);
          next.push(n);
        }
    frontier = next;
  }
  return reached;
}

/** The stances among the actors of an ego set (both sides in it): what the ego view draws. */
export function egoStances<S extends Pick<Stance, "from" | "to">>(
  stances: readonly S[],
  actors: ReadonlySet<string>,
): S[] {
  return stances.filter((s) => actors.has(s.from) && actors.has(s.to));
}

/** What the network view shows: its form and the depth of the ego focus (null = the whole network). */
export interface NetworkDisplay {
  form: NetworkForm;
  ego: EgoDepth | null;
  /** The selected actor, centre of the ego focus; null when no actor is selected. */
  actor: string | null;
  /** The form shown on this box when the link chooses none: the one a shown form equal to it leaves unsaid. */
  defaultForm: NetworkForm;
}

/**
 * The network's form and ego focus for a view state on a box that is `narrow` (a phone) or not. What the URL
 * says applies; when it names no form (`network`), a phone opens on a form that reads there: the selected
 * actor's neighbours one step away, or with no actor selected the matrix. A display default only: the view
 * state, and so the URL, is left as it is.
 */
export function networkDisplay(
  view: Pick<ViewState, "networkForm" | "ego" | "selection">,
  narrow: boolean,
): NetworkDisplay {
  const actor = view.selection?.kind === "actor" ? view.selection.id : null;
  const defaultForm: NetworkForm = narrow && actor === null ? "matrix" : "graph";
  const form = view.networkForm ?? defaultForm;
  const phone = narrow && view.networkForm === null;
  const ego = actor === null || form !== "graph" ? null : (view.ego ?? (phone ? 1 : null));
  return { form, ego, actor, defaultForm };
}
