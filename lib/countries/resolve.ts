import countries from "i18n-iso-countries/index";
import en from "i18n-iso-countries/langs/en.json";
import { STATE_ALIASES } from "./aliases";
import { MEMBERS, MEMBER_ISO3 } from "./members";
import { invertedName, normaliseStateName, stateNameKeys } from "./normalise";

/**
 * The one resolver from a printed State name to ISO3, for every importer. The index is built from two maintained
 * libraries' names (world-countries: common, official and alternative spellings; i18n-iso-countries: every English
 * name and alias), then the short documented table of the UN's and UPR Info's own forms (./aliases.ts), which wins.
 * Every name goes through the same normalisation (./normalise.ts).
 */

countries.registerLocale(en);

/** Normalised key -> ISO3, or null where two States claim the key and no alias settles it (it then matches nothing). */
function buildIndex(): Map<string, string | null> {
  const index = new Map<string, string | null>();
  const claim = (name: string, iso3: string): void => {
    for (const key of stateNameKeys(name)) {
      const existing = index.get(key);
      if (existing === undefined) index.set(key, iso3);
      else if (existing !== iso3) index.set(key, null);
    }
  };

  // world-countries. ISO2 codes are left out: a two-letter parenthetical in a recommendation is not a State.
  for (const c of MEMBERS) {
    for (const name of [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s !== c.cca2)]) claim(name, c.cca3);
  }
  // i18n-iso-countries' English names, aliases included ("Ivory Coast", "Türkiye", "Turkey", "UK", "USA").
  for (const [iso2, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    const iso3 = countries.alpha2ToAlpha3(iso2);
    if (iso3 && MEMBER_ISO3.has(iso3)) for (const name of names) claim(name, iso3);
  }
  // The documented table last: it adds the UN's and UPR Info's own forms and settles collisions ("Congo").
  for (const { name, iso3 } of STATE_ALIASES) for (const key of stateNameKeys(name)) index.set(key, iso3);
  return index;
}

const INDEX = buildIndex();

function lookUp(raw: string): string | null {
  for (const key of stateNameKeys(raw)) {
    const iso3 = INDEX.get(key);
    if (iso3) return iso3;
  }
  return null;
}

/**
 * ISO3 of the UN Member or observer State a printed name denotes, or null. Accepts UN short and formal names, former
 * names, UPR Info's short forms and the typographic noise of converted files. Null for anything else ("ILO", "NHRAP",
 * a territory, the source's "(Unknown)"), so callers can tell a State list from another parenthetical.
 */
export function matchStateName(raw: string): string | null {
  const resolution = resolveStateName(raw);
  return resolution === null || resolution === "unknown" ? null : resolution.iso3;
}

/**
 * Keys that more than one State claims in the libraries and that no alias settles: such a key matches nothing. Exposed
 * so a test can show which they are, and that none is a name a source prints.
 */
export function ambiguousStateKeys(): string[] {
  return [...INDEX.entries()].filter(([, iso3]) => iso3 === null).map(([key]) => key);
}

/**
 * What a printed State name denotes: a State, the source's own explicit "unknown" marker ("(Unknown)",
 * "&#40;Unknown&#41;", "Unknown"), or nothing this resolver knows (null). An unknown is never guessed: importers keep
 * it as an explicit unknown (a count) and report a null.
 */
export type StateNameResolution = { iso3: string } | "unknown" | null;

/** Normalised forms of the markers sources print for a State they do not know. */
const UNKNOWN_MARKERS: ReadonlySet<string> = new Set(["unknown", "unknownstate", "notknown"]);

/** Distinct names seen, so a 250,000-row export resolves each name once. Bounded: a file of junk cannot grow it. */
const MEMO = new Map<string, StateNameResolution>();
const MEMO_LIMIT = 10_000;
/** Longer than any State's name however it is spaced or escaped: resolved but not remembered, so junk is not kept. */
const MEMO_MAX_LENGTH = 500;

export function resolveStateName(raw: string): StateNameResolution {
  const memo = MEMO.get(raw);
  if (memo !== undefined) return memo;
  const resolution = resolve(raw);
  if (raw.length > MEMO_MAX_LENGTH) return resolution;
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(raw, resolution);
  return resolution;
}

function resolve(raw: string): StateNameResolution {
  if (UNKNOWN_MARKERS.has(normaliseStateName(raw))) return "unknown";
  const iso3 = lookUp(raw);
  if (iso3) return Object.freeze({ iso3 });
  // "Myanmar (Burma)": a name followed by another name of the same State.
  const inverted = invertedName(raw);
  const head = inverted ? lookUp(inverted.head) : null;
  return head && head === lookUp(inverted!.qualifier) ? Object.freeze({ iso3: head }) : null;
}
