import type { EVENT_KINDS, STANCE_TYPES } from "../../model/vocabulary";

type StanceType = (typeof STANCE_TYPES)[number];
type EventKind = (typeof EVENT_KINDS)[number];

/**
 * CAMEO (1.1b3) event codes → stance types, for machine-coded exports (GDELT). data/README.md ("Opening your
 * own data") prints this table. The rule: a code the dataset's own stance-type
 * table lists maps to the type that lists it (where several do, to the one a machine code can tell: `051`
 * praise or endorse → praise, `111` criticize or denounce → criticize, since `condemn` needs the report's
 * own word); the other codes of the same CAMEO families map to the type of their family. Codes not listed
 * here (consult, yield, fight, …) are not stances: they are counted and reported.
 */
export const CAMEO_STANCE: ReadonlyArray<{ codes: readonly string[]; type: StanceType }> = [
  { codes: ["012"], type: "warn" },
  { codes: ["018"], type: "condole" },
  {
    codes: [
      "030",
      "031",
      "0311",
      "0312",
      "0313",
      "0314",
      "032",
      "033",
      "0331",
      "0332",
      "0333",
      "0334",
      "039",
      "053",
      "054",
      "057",
      "060",
      "061",
      "062",
      "063",
      "064",
      "070",
      "071",
      "072",
      "073",
      "074",
      "075",
    ],
    type: "support",
  },
  { codes: ["051"], type: "praise" },
  { codes: ["052"], type: "defend" },
  { codes: ["110"], type: "dispute" },
  {
    codes: ["111", "112", "1121", "1122", "1123", "1124", "1125", "113", "115", "116"],
    type: "criticize",
  },
  { codes: ["114"], type: "protest" },
  {
    codes: [
      "130",
      "131",
      "1311",
      "1312",
      "1313",
      "132",
      "1321",
      "1322",
      "1323",
      "1324",
      "133",
      "134",
      "135",
      "136",
      "137",
      "138",
      "1381",
      "1382",
      "1383",
      "1384",
      "1385",
      "139",
    ],
    type: "threaten",
  },
  { codes: ["172"], type: "designate" },
];

/** {@link CAMEO_STANCE} by code. */
export const STANCE_OF_CAMEO: ReadonlyMap<string, StanceType> = new Map(
  CAMEO_STANCE.flatMap(({ codes, type }) => codes.map((c) => [c, type] as const)),
);

/** CAMEO's 20 root categories (the code's first two digits). */
const CAMEO_ROOT: Record<string, string> = {
  "01": "make public statement",
  "02": "appeal",
  "03": "express intent to cooperate",
  "04": "consult",
  "05": "engage in diplomatic cooperation",
  "06": "engage in material cooperation",
  "07": "provide aid",
  "08": "yield",
  "09": "investigate",
  "10": "demand",
  "11": "disapprove",
  "12": "reject",
  "13": "threaten",
  "14": "protest",
  "15": "exhibit force posture",
  "16": "reduce relations",
  "17": "coerce",
  "18": "assault",
  "19": "fight",
  "20": "use unconventional mass violence",
};

/** Names of the codes in the table and of the common codes outside it (CAMEO 1.1b3). */
const CAMEO_NAME: Record<string, string> = {
  "010": "make statement",
  "012": "make pessimistic comment",
  "018": "make empathetic comment",
  "020": "make an appeal or request",
  "030": "express intent to cooperate",
  "031": "express intent to engage in material cooperation",
  "032": "express intent to provide diplomatic cooperation",
  "033": "express intent to provide material aid",
  "036": "express intent to meet or negotiate",
  "039": "express intent to mediate",
  "040": "consult",
  "042": "make a visit",
  "043": "host a visit",
  "046": "engage in negotiation",
  "051": "praise or endorse",
  "052": "defend verbally",
  "053": "rally support on behalf of",
  "054": "grant diplomatic recognition",
  "057": "sign formal agreement",
  "060": "engage in material cooperation",
  "061": "cooperate economically",
  "062": "cooperate militarily",
  "063": "engage in judicial cooperation",
  "064": "share intelligence or information",
  "070": "provide aid",
  "071": "provide economic aid",
  "072": "provide military aid",
  "073": "provide humanitarian aid",
  "074": "provide military protection or peacekeeping",
  "075": "grant asylum",
  "110": "disapprove",
  "111": "criticize or denounce",
  "112": "accuse",
  "1121": "accuse of crime, corruption",
  "1122": "accuse of human rights abuses",
  "1123": "accuse of aggression",
  "1124": "accuse of war crimes",
  "1125": "accuse of espionage, treason",
  "113": "rally opposition against",
  "114": "complain officially",
  "115": "bring lawsuit against",
  "116": "find guilty or liable (legally)",
  "130": "threaten",
  "138": "threaten with military force",
  "141": "demonstrate or rally",
  "145": "protest violently, riot",
  "172": "impose administrative sanctions",
  "173": "arrest, detain, or charge with legal action",
  "180": "use unconventional violence",
  "186": "assassinate",
  "190": "use conventional military force",
  "193": "fight with small arms and light weapons",
  "194": "fight with artillery and tanks",
  "195": "employ aerial weapons",
};

/** A code's name for a message: its own where known ("use conventional military force"), else its root's. */
export function cameoName(code: string): string {
  const own = CAMEO_NAME[code] ?? CAMEO_NAME[code.slice(0, 3)];
  if (own) return own;
  const root = CAMEO_ROOT[code.slice(0, 2)];
  return root ? `in ${code.slice(0, 2)}, ${root}` : "not a CAMEO code";
}

/**
 * The CAMEO code a CSV record gets when its `cameo` cell is empty: the first code data/README.md's tables
 * allow for its stance type or event kind (`designation`, which the table leaves without one, gets `172`).
 */
export const DEFAULT_CAMEO: { stances: Record<StanceType, string>; events: Record<EventKind, string> } = {
  stances: {
    condemn: "111",
    criticize: "111",
    protest: "114",
    support: "030",
    defend: "052",
    praise: "051",
    celebrate: "051",
    thank: "051",
    condole: "018",
    designate: "172",
    dispute: "110",
    warn: "012",
    threaten: "138",
  },
  events: {
    strike: "190",
    statement: "010",
    call: "041",
    meeting: "042",
    condemnation: "111",
    protest: "114",
    designation: "172",
    "fact-check": "110",
    agreement: "057",
    aid: "071",
    interception: "171",
  },
};

/**
 * ACLED sub-event types → stance types, with the CAMEO code the stance carries. ACLED codes political
 * violence and protest; only protests and agreements are stances one actor takes toward another. Every other
 * sub-event type (battles, explosions, violence against civilians, …) is counted and reported.
 */
export const ACLED_STANCE: ReadonlyArray<{ subEventType: string; type: StanceType; cameo: string }> = [
  { subEventType: "Peaceful protest", type: "protest", cameo: "141" },
  { subEventType: "Protest with intervention", type: "protest", cameo: "141" },
  { subEventType: "Violent demonstration", type: "protest", cameo: "145" },
  { subEventType: "Agreement", type: "support", cameo: "057" },
];
