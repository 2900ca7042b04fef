import { describe, expect, it } from "vitest";
import { nameSuffix, slugBase, slugCandidates } from "./organization-slug";

describe("organisation slugs", () => {
  it("keep Latin names readable, without accents or punctuation", () => {
    expect(slugBase("Rights Watch A")).toBe("rights-watch-a");
    expect(slugBase("  Défense des Droits — Côte d’Ivoire  ")).toBe("defense-des-droits-cote-d-ivoire");
  });

  it("keep the letters of every script, so names in Chinese characters no longer all become the same slug", () => {
    expect(slugBase("人权观察")).toBe("人权观察");
    expect(slugBase("维权律师网")).toBe("维权律师网");
    expect(slugBase("中国人权捍卫者（CHRD）")).toBe("中国人权捍卫者-chrd");
    expect(slugBase("Правозащитный центр")).toBe("правозащитный-центр");
    expect(slugBase("मानव अधिकार")).toBe("मानव-अधिकार");
    expect(slugBase("인권 단체")).toBe("인권-단체");
    expect(slugBase("人权观察")).not.toBe(slugBase("维权律师网"));
  });

  it("cut long names at 60 characters without splitting a character or ending in a hyphen", () => {
    const long = slugBase("𠀀".repeat(70));
    expect([...long]).toHaveLength(60);
    expect(long).toBe("𠀀".repeat(60));
    expect(slugBase(`${"a".repeat(59)} b`)).toBe("a".repeat(59));
  });

  it("offer a stable suffix of the name when the readable slug is taken, and one for names without letters", () => {
    expect(nameSuffix("Rights Watch")).toBe(nameSuffix("Rights Watch"));
    expect(nameSuffix("Rights Watch")).not.toBe(nameSuffix("Rights-Watch"));
    expect(slugCandidates("Rights-Watch").slice(0, 2)).toEqual(["rights-watch", `rights-watch-${nameSuffix("Rights-Watch")}`]);
    expect(slugCandidates("!!!")[0]).toBe(`org-${nameSuffix("!!!")}`);
    expect(new Set(slugCandidates("人权观察")).size).toBe(slugCandidates("人权观察").length);
  });
});
