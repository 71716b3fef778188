import type { DatasetIndex } from "@/lib/data";
import type { Actor, Stance } from "@/lib/model";
import { formatDate } from "@/lib/time";
import { STANCE_VERB } from "../theme";

// Institutions and some states read with "the" in a sentence ("the United States", "the Russian Foreign
// Ministry"); people and most states do not. A heuristic over the name, since the dataset has no article.
const TAKES_THE =
  /^(United|European|Islamic)\b|\b(States|Kingdom|Republic|Union|Nations|Council|Ministry|Kremlin|Forces?|Corps|Guards?|Agency|Office|Department|Administration|Government|Parliament|Majlis|Authority|Authorities|Front|Movement)\b/;

/** An actor's name as it reads inside a sentence: "the United States", "Sergey Lavrov". */
export function nameInSentence(actor: Actor | undefined, id: string): string {
  if (!actor) return id;
  if (actor.kind === "person" || /^the\b/i.test(actor.name) || !TAKES_THE.test(actor.name)) return actor.name;
  return `the ${actor.name}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Russia condemns the United States" */
export function stanceClause(index: DatasetIndex, s: Stance): string {
  const from = nameInSentence(index.actorById.get(s.from), s.from);
  const to = nameInSentence(index.actorById.get(s.to), s.to);
  return `${capitalise(from)} ${STANCE_VERB[s.type]} ${to}`;
}

/** "Russia condemns the United States — January 2020, source: TASS": the text alternative of one edge. */
export function stanceSentence(index: DatasetIndex, s: Stance): string {
  const publisher = index.sourceById.get(s.sourceId)?.publisher ?? s.sourceId;
  return `${stanceClause(index, s)} — ${formatDate(s.date, s.datePrecision)}, source: ${publisher}`;
}
