import { describe, expect, it } from "vitest";
import { searchKey } from "../../src/server/territory/normalize";

describe("searchKey", () => {
  it("drops accents and case", () => {
    expect(searchKey("Saint-Étienne")).toBe("saint etienne");
    expect(searchKey("ÎLE-D'YEU")).toBe("ile d yeu");
    expect(searchKey("Châteauneuf-du-Pape")).toBe("chateauneuf du pape");
    expect(searchKey("Pléneuf-Val-André")).toBe("pleneuf val andre");
  });

  it("turns punctuation and runs of spaces into one space, trimmed", () => {
    expect(searchKey("  L'Haÿ-les-Roses  ")).toBe("l hay les roses");
    expect(searchKey("Saint   Brieuc")).toBe("saint brieuc");
    expect(searchKey("CA Saint-Brieuc Armor Agglomération")).toBe("ca saint brieuc armor agglomeration");
  });

  it("gives the same key to the ways people type a name", () => {
    const keys = ["Saint-Étienne", "saint etienne", "SAINT ETIENNE", "saint-etienne", "Saint Etienne "].map(
      searchKey,
    );
    expect(new Set(keys).size).toBe(1);
  });

  it("keeps digits (INSEE codes, arrondissements) and leaves nothing of LIKE wildcards", () => {
    expect(searchKey("Marseille 1er Arrondissement")).toBe("marseille 1er arrondissement");
    expect(searchKey("2A004")).toBe("2a004");
    expect(searchKey("%_%")).toBe("");
  });

  it("spells out ligatures, so Vandœuvre is found by typing vandoeuvre", () => {
    expect(searchKey("Vandœuvre-lès-Nancy")).toBe("vandoeuvre les nancy");
    expect(searchKey("ŒUILLY")).toBe("oeuilly");
    expect(searchKey("Lætitia")).toBe("laetitia");
    expect(searchKey("")).toBe("");
  });
});
