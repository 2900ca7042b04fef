import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRICKY_CELLS, longCellParts, longText } from "@/lib/import/test-arbitraries";
import { runs, testTimeout } from "@/lib/import/test-runs";
import { STATE_ALIASES } from "./aliases";
import { getCountry } from "./index";
import { MEMBER_ISO3 } from "./members";
import { matchStateName, resolveStateName } from "./resolve";
import { UN_SHORT_NAMES } from "./un-names";

/**
 * The name resolver is fed every cell a hostile file puts where a State name goes, so it must answer anything, fast;
 * and it must read the names it is built for however a converted document or an export spells them.
 */

const anyName = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(...TRICKY_CELLS),
  // Entities, brackets and commas: what the decoder and the "X (Y)" / "X, Y" reading work on.
  fc.string({ unit: fc.constantFrom("&#40;", "&#x29;", "&amp;", "&#", ";", "(", ")", ",", " ", "St", "the", "and", "Korea", "Congo"), maxLength: 12 }),
);

function expectResolution(name: string): void {
  const resolution = resolveStateName(name);
  if (resolution !== null && resolution !== "unknown") expect(MEMBER_ISO3.has(resolution.iso3), resolution.iso3).toBe(true);
  expect(matchStateName(name)).toBe(resolution === null || resolution === "unknown" ? null : resolution.iso3);
  // The memo answers the same the second time.
  expect(resolveStateName(name)).toEqual(resolution);
}

describe("resolveStateName on any text", () => {
  it("answers a State, the explicit unknown or nothing, the same each time, without throwing", () => {
    fc.assert(fc.property(anyName, expectResolution), runs(300));
  });

  it("answers long text in time proportional to its length", { timeout: testTimeout(20_000) }, () => {
    fc.assert(
      fc.property(longCellParts, (parts) => {
        const name = longText(parts);
        const start = performance.now();
        expectResolution(name);
        expect(performance.now() - start, `${name.length} characters`).toBeLessThan(1000);
      }),
      runs(25),
    );
  });
});

describe("the UN short names", () => {
  const codes = UN_SHORT_NAMES.map((name) => matchStateName(name));

  it("each resolve to a distinct Member or observer State", () => {
    expect(UN_SHORT_NAMES.filter((_, i) => codes[i] === null)).toEqual([]);
    expect(new Set(codes).size).toBe(UN_SHORT_NAMES.length);
    expect(new Set(codes)).toEqual(MEMBER_ISO3);
  });

  it("are idempotent: the name a State is shown by resolves back to it, and is the name it came from", () => {
    UN_SHORT_NAMES.forEach((name, i) => {
      const shown = getCountry(codes[i]!)?.name;
      expect(shown).toBe(name);
      expect(matchStateName(shown!)).toBe(codes[i]);
    });
  });
});

/** One way a source may print a name: the same words to the resolver. */
type Noise = (name: string, pick: number) => string;

const SPACES = [" ", "  ", "\n", "\r\n", "\u00a0", "\t", " \n "];
const NOISES: Record<string, Noise> = {
  case: (name, pick) => [...name].map((c, i) => ((pick >> i % 16) & 1 ? c.toUpperCase() : c.toLowerCase())).join(""),
  spaces: (name, pick) => `${SPACES[pick % SPACES.length]}${name.replace(/ /g, () => SPACES[pick++ % SPACES.length]!)} `,
  unaccented: (name) => name.normalize("NFKD").replace(/\p{M}/gu, ""),
  decomposed: (name) => name.normalize("NFD"),
  ampersand: (name, pick) => name.replace(/ and /g, pick % 2 ? " & " : " &amp; "),
  saint: (name, pick) => name.replace(/^Saint /, pick % 2 ? "St " : "St. "),
  apostrophe: (name) => name.replace(/’/g, "'"),
  // "Sierra Le one": a converted document's stray space between two letters (never making a word the resolver reads
  // as "St" or a leading "The": those are words, not noise).
  split: (name, pick) => {
    const at = 1 + (pick % Math.max(1, name.length - 1));
    if (!/\p{L}/u.test(name[at - 1] ?? "") || !/\p{L}/u.test(name[at] ?? "")) return name;
    const split = `${name.slice(0, at)} ${name.slice(at)}`;
    const words = split.toLowerCase().split(/[^a-z]+/);
    return words.includes("st") || words[0] === "the" ? name : split;
  },
};

/**
 * Some characters as numeric HTML entities (decimal or hex), as UPR Info's export escapes "(" and ")": done last, and
 * never to a name already escaped (text escaped twice is no longer the name).
 */
const escape = (name: string, pick: number): string =>
  name.includes("&") ? name : [...name].map((c, i) => ((pick >> i % 16) & 1 ? `&#${i % 2 ? `x${c.codePointAt(0)!.toString(16)}` : c.codePointAt(0)};` : c)).join("");

const noises = fc.tuple(fc.array(fc.tuple(fc.constantFrom(...Object.keys(NOISES)), fc.nat()), { maxLength: 4 }), fc.option(fc.nat()));
const applyNoise = (name: string, [steps, entities]: [[string, number][], number | null]): string => {
  const noisy = steps.reduce((n, [kind, pick]) => NOISES[kind]!(n, pick), name);
  return entities === null ? noisy : escape(noisy, entities);
};

describe("names as sources print them", () => {
  it("resolve a UN short name however it is spaced, cased, accented or escaped", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UN_SHORT_NAMES), noises, (name, steps) => {
        expect(matchStateName(applyNoise(name, steps))).toBe(matchStateName(name));
      }),
      runs(300),
    );
  });

  it("resolve the UN's and UPR Info's own forms, and the explicit unknown, the same way", () => {
    const names = [...STATE_ALIASES.map((a) => a.name), "(Unknown)", "&#40;Unknown&#41;"];
    fc.assert(
      fc.property(fc.constantFrom(...names), noises, (name, steps) => {
        expect(resolveStateName(applyNoise(name, steps))).toEqual(resolveStateName(name));
      }),
      runs(150),
    );
  });
});
