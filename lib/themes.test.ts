import { describe, expect, it } from "vitest";
import { slugify, themeSlug } from "./themes";

describe("theme slugs", () => {
  it("are readable and stable", () => {
    expect(themeSlug({ scheme: "UHRI_CODED", code: "A12", name: "Acceptance of international norms" })).toBe("uhri:a12");
    expect(themeSlug({ scheme: "SDG", code: "16", name: "Peace, justice and strong institutions" })).toBe("sdg:16");
    expect(themeSlug({ scheme: "AFFECTED_PERSONS", code: null, name: "Human rights defenders" })).toBe("affected:human-rights-defenders");
    expect(themeSlug({ scheme: "UHRI_THEME", code: null, name: "Ratification of & accession to international instruments" })).toBe(
      "uhri-theme:ratification-of-and-accession-to-international-instruments",
    );
  });

  it("fold accents and punctuation", () => {
    expect(slugify("  Côte d’Ivoire — “rights”  ")).toBe("cote-d-ivoire-rights");
  });
});
