import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { indexDataset } from "@/lib/data";
import type { DatasetFile } from "@/lib/model";
import {
  actorInSentence,
  actorName,
  actorShortName,
  selectionLabel,
  stanceSentence,
  STANCE_LABEL,
  STANCE_VERB,
} from "@/lib/select";
import { STANCE_TYPES } from "@/lib/view";
import { miniIndex } from "./helpers";

const { index } = miniIndex();
const bundled = indexDataset(JSON.parse(readFileSync("data/escalations.json", "utf8")) as DatasetFile);
const stance = (idx: typeof index, id: string) => idx.stanceById.get(id)!;

describe("actorName", () => {
  it("is the actor's name (tests/fixtures/mini.json)", () => {
    expect(actorName(index, "united-states")).toBe("United States");
    expect(actorName(index, "sergey-lavrov")).toBe("Sergey Lavrov");
    expect(actorName(index, "hossein-amir-abdollahian")).toBe("Hossein Amir-Abdollahian");
  });

  it("is the actor's name (data/escalations.json)", () => {
    expect(actorName(bundled, "popular-mobilization-forces")).toBe("People's Mobilization Force");
    expect(actorName(bundled, "abu-mahdi-al-muhandis")).toBe("Abu Mahdi al-Muhandis");
  });

  it("falls back to the id for an actor the dataset does not have", () => {
    expect(actorName(index, "no-such-actor")).toBe("no-such-actor");
  });

  it("the short name is shortName when there is one, else the name, else the id", () => {
    expect(actorShortName(index, "united-states")).toBe("US");
    expect(actorShortName(index, "sergey-lavrov")).toBe("Lavrov");
    expect(actorShortName(index, "russia")).toBe("Russia");
    expect(actorShortName(bundled, "popular-mobilization-forces")).toBe("PMF");
    expect(actorShortName(index, "no-such-actor")).toBe("no-such-actor");
  });
});

describe("actorInSentence", () => {
  it("institutions and some states take 'the'; people and most states do not", () => {
    expect(actorInSentence(index, "united-states")).toBe("the United States");
    expect(actorInSentence(index, "russian-foreign-ministry")).toBe("the Russian Foreign Ministry");
    expect(actorInSentence(index, "sergey-lavrov")).toBe("Sergey Lavrov");
    expect(actorInSentence(index, "russia")).toBe("Russia");
    expect(actorInSentence(bundled, "kremlin")).toBe("the Kremlin");
    expect(actorInSentence(index, "no-such-actor")).toBe("no-such-actor");
  });
});

describe("stanceSentence", () => {
  it("reads as one sentence (tests/fixtures/mini.json)", () => {
    expect(stanceSentence(index, stance(index, "turkey-condemns-us-2020"))).toBe(
      "Turkey condemns the United States",
    );
    expect(stanceSentence(index, stance(index, "lavrov-condoles-iran-2020"))).toBe(
      "Sergey Lavrov offers condolences to Iran",
    );
    expect(stanceSentence(index, stance(index, "russia-supports-iran-2024"))).toBe(
      "Sergey Lavrov supports Iran",
    );
  });

  it("reads as one sentence, capitalised after 'the' (data/escalations.json)", () => {
    expect(stanceSentence(bundled, stance(bundled, "russian-mfa-condemns-us-strikes"))).toBe(
      "The Russian Foreign Ministry criticizes the United States",
    );
    expect(stanceSentence(bundled, stance(bundled, "kremlin-accuses-us-of-violating-un-charter"))).toBe(
      "The Kremlin criticizes the United States",
    );
    expect(stanceSentence(bundled, stance(bundled, "iran-protests-to-united-kingdom-2024"))).toBe(
      "The Iranian Foreign Ministry protests to the United Kingdom",
    );
    expect(stanceSentence(bundled, stance(bundled, "lavrov-condemns-soleimani-killing"))).toBe(
      "Sergey Lavrov criticizes the United States",
    );
    expect(stanceSentence(bundled, stance(bundled, "peskov-condemns-us-attacks"))).toBe(
      "Dmitry Peskov condemns the United States",
    );
  });

  it("every stance type has a verb and a label", () => {
    for (const t of STANCE_TYPES) {
      expect(STANCE_VERB[t]).toMatch(/\S/);
      expect(STANCE_LABEL[t]).toMatch(/\S/);
    }
  });
});

describe("selectionLabel", () => {
  it("names each kind of selected record", () => {
    expect(selectionLabel(index, { kind: "event", id: "soleimani-killed" })).toBe(
      "event “US air strike kills Soleimani”",
    );
    expect(selectionLabel(index, { kind: "actor", id: "russia" })).toBe("actor Russia");
    expect(selectionLabel(index, { kind: "quote", id: "lavrov-defend-support" })).toBe(
      "quote by Sergey Lavrov",
    );
    expect(selectionLabel(index, { kind: "stance", id: "turkey-condemns-us-2020" })).toBe(
      "stance “Turkey condemns the United States”",
    );
  });

  it("an id the dataset does not have is named as it is", () => {
    expect(selectionLabel(index, { kind: "stance", id: "gone" })).toBe("stance gone");
    expect(selectionLabel(index, { kind: "quote", id: "gone" })).toBe("quote by gone");
  });
});
