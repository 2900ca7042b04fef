import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareCatalogues, placeholders } from "./catalogue-check";
import { loadMessages, NAMESPACES } from "./messages";
import { routing } from "./routing";

const dir = path.join(import.meta.dirname, "messages");

describe("message catalogues", () => {
  it("has one file per namespace and locale, and no file of an unlisted namespace", () => {
    for (const locale of routing.locales) {
      const files = fs.readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json")).sort();
      expect(files).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
    }
  });

  it.each(NAMESPACES)("%s: the same keys in every locale, no empty message, the same placeholders", async (namespace) => {
    const catalogues = Object.fromEntries(await Promise.all(routing.locales.map(async (locale) => [locale, (await loadMessages(locale))[namespace]] as const)));
    expect(compareCatalogues(namespace, catalogues)).toEqual([]);
  });
});

describe("compareCatalogues", () => {
  it("reports a key that only one locale has, on either side and nested", () => {
    expect(compareCatalogues("x", { en: { a: "A", b: { c: "C" } }, zh: { a: "甲" } })).toEqual(["x.b.c: missing in zh"]);
    expect(compareCatalogues("x", { en: { a: "A" }, zh: { a: "甲", extra: "多" } })).toEqual(["x.extra: missing in en"]);
  });

  it("reports empty messages, non-messages and broken ICU", () => {
    expect(compareCatalogues("x", { en: { a: " " }, zh: { a: "甲" } })).toEqual(["x.a (en): empty"]);
    expect(compareCatalogues("x", { en: { a: 1 }, zh: { a: "甲" } })).toEqual(["x.a (en): not a message but 1"]);
    expect(compareCatalogues("x", { en: { a: "{count" }, zh: { a: "{count}" } })[0]).toMatch(/^x\.a \(en\): not valid ICU/);
  });

  it("reports placeholders or tags that differ between locales, whatever the plural words", () => {
    expect(compareCatalogues("x", { en: { a: "{n, plural, one {# item} other {# items}} for {state}" }, zh: { a: "{n} 条" } })).toEqual([
      "x.a: zh uses {n}, en uses {n} {state}",
    ]);
    expect(compareCatalogues("x", { en: { a: "Signed in as <strong>{name}</strong>" }, zh: { a: "已登录：{name}" } })).toEqual([
      "x.a: zh uses {name}, en uses <strong> {name}",
    ]);
    expect(compareCatalogues("x", { en: { a: "{n, plural, one {# item} other {# items}}" }, zh: { a: "{n, number} 条" } })).toEqual([]);
  });

  it("reads arguments inside plurals and tags", () => {
    expect(placeholders("{n, plural, one {# of {total}} other {<b>{who}</b>}}")).toEqual(["<b>", "{n}", "{total}", "{who}"]);
  });
});
