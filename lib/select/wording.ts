import type { DatasetIndex } from "../data/indexDataset";
import type { Stance, StanceType } from "../model/schema";
import type { Selection } from "../model/viewState";
import { formatDate } from "../time";

/** Human labels of stance types, as verbs for sentences ("Russia condemns the United States"). */
export const STANCE_VERB: Record<StanceType, string> = {
  condemn: "condemns",
  criticize: "criticizes",
  protest: "protests to",
  support: "supports",
  defend: "defends",
  praise: "praises",
  celebrate: "celebrates",
  thank: "thanks",
  condole: "offers condolences to",
  designate: "designates as terrorist",
  dispute: "disputes",
  warn: "warns",
  threaten: "threatens",
};

/** Labels of stance types for toggles and legends. */
export const STANCE_LABEL: Record<StanceType, string> = {
  condemn: "Condemn",
  criticize: "Criticize",
  protest: "Protest",
  support: "Support",
  defend: "Defend",
  praise: "Praise",
  celebrate: "Celebrate",
  thank: "Thank",
  condole: "Condole",
  designate: "Designate",
  dispute: "Dispute (fact-check)",
  warn: "Warn",
  threaten: "Threaten",
};

/** An actor's display name: its `name`, or the id itself when the dataset has no such actor. */
export function actorName(index: DatasetIndex, id: string): string {
  return index.actorById.get(id)?.name ?? id;
}

/** An actor's short label for tight places (chart labels): `shortName`, else {@link actorName}. */
export function actorShortName(index: DatasetIndex, id: string): string {
  const actor = index.actorById.get(id);
  return actor?.shortName ?? actor?.name ?? id;
}

// Institutions and some states read with "the" in a sentence ("the United States", "the Russian Foreign
// Ministry"); people and most states do not. A heuristic over the name, since the dataset has no article.
const TAKES_THE =
  /^(United|European|Islamic)\b|\b(States|Kingdom|Republic|Union|Nations|Council|Ministry|Kremlin|Forces?|Corps|Guards?|Agency|Office|Department|Administration|Government|Parliament|Majlis|Authority|Authorities|Front|Movement)\b/;

/** An actor's name as it reads inside a sentence: "the United States", "Sergey Lavrov"; the id if unknown. */
export function actorInSentence(index: DatasetIndex, id: string): string {
  const actor = index.actorById.get(id);
  if (!actor) return id;
  if (actor.kind === "person" || /^the\b/i.test(actor.name) || !TAKES_THE.test(actor.name)) return actor.name;
  return `the ${actor.name}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A stance as one sentence, the same wherever it is read (network text, evidence heading, summary):
 * "Russia condemns the United States".
 */
export function stanceSentence(index: DatasetIndex, stance: Stance): string {
  const from = actorInSentence(index, stance.from);
  const to = actorInSentence(index, stance.to);
  return `${capitalise(from)} ${STANCE_VERB[stance.type]} ${to}`;
}

/**
 * A stance with the event it is about, where the dataset links one: "The United States condemns Iran — US, UK,
 * France and Germany condemn Iran's strikes, 14 Apr 2024" (an arrow's tooltip, the evidence heading); else
 * {@link stanceSentence}.
 */
export function stanceAbout(index: DatasetIndex, stance: Stance): string {
  const e = stance.eventId ? index.eventById.get(stance.eventId) : undefined;
  const sentence = stanceSentence(index, stance);
  return e ? `${sentence} — ${e.title}, ${formatDate(e.date, e.datePrecision, "short")}` : sentence;
}

/** A human label for the selected record: `event “…”`, `actor Russia`, `quote by …`, `stance “…”`. */
export function selectionLabel(index: DatasetIndex, selection: Selection): string {
  switch (selection.kind) {
    case "event":
      return `event “${index.eventById.get(selection.id)?.title ?? selection.id}”`;
    case "actor":
      return `actor ${actorName(index, selection.id)}`;
    case "quote": {
      const q = index.quoteById.get(selection.id);
      return `quote by ${q ? actorName(index, q.speaker) : selection.id}`;
    }
    case "stance": {
      const s = index.stanceById.get(selection.id);
      return s ? `stance “${stanceSentence(index, s)}”` : `stance ${selection.id}`;
    }
  }
}
