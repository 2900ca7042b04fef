import worldCountries from "world-countries";
import { UN_SHORT_NAMES } from "./un-names";

/**
 * UN Member States and observer States, and a forgiving matcher from the names printed in UPR documents to ISO3.
 *
 * Built from the `world-countries` package rather than a hand-kept list, so names and codes stay in step with
 * ISO 3166. Only the 193 Members and 2 observers are indexed: only they make or receive UPR recommendations, and a
 * smaller index leaves fewer ways for two names to collide. Note: this pulls the whole world-countries JSON (about
 * 1.4 MB) into the module graph; import it from server code and importers, not from client components.
 */

export type RegionalGroup = "AFRICAN" | "ASIA_PACIFIC" | "EASTERN_EUROPEAN" | "GRULAC" | "WEOG";
export type UnStatus = "MEMBER" | "OBSERVER";
export type CountryRecord = {
  iso3: string;
  iso2: string;
  name: string;
  officialName: string;
  regionalGroup: RegionalGroup | null;
  unStatus: UnStatus;
};

const REGIONAL_GROUPS: Record<string, RegionalGroup> = {
  "African Group": "AFRICAN",
  "Asia and the Pacific Group": "ASIA_PACIFIC",
  "Eastern European Group": "EASTERN_EUROPEAN",
  "Latin American and Caribbean Group": "GRULAC",
  "Western European and Others Group": "WEOG",
};

/** Non-member observer States of the General Assembly. world-countries flags the Holy See (VAT) a member; it is not. */
const OBSERVERS = new Set(["PSE", "VAT"]);

/**
 * Names that UPR documents print and world-countries does not carry. UN short forms with a parenthesis
 * ("Iran (Islamic Republic of)") need no entry: `candidateKeys` also tries them inverted ("Islamic Republic of Iran").
 */
const ALIASES: Record<string, readonly string[]> = {
  BRN: ["Brunei Darussalam"],
  COD: ["Democratic Republic of Congo", "DR Congo", "Congo (Democratic Republic of the)"],
  COG: ["Republic of Congo", "Congo"],
  CPV: ["Cabo Verde", "Cape Verde"],
  CZE: ["Czech Republic"],
  GBR: ["United Kingdom of Great Britain and Northern Ireland", "United Kingdom"],
  GMB: ["Gambia (Republic of The)"],
  LBY: ["Libyan Arab Jamahiriya"],
  MKD: ["The former Yugoslav Republic of Macedonia", "Former Yugoslav Republic of Macedonia"],
  NLD: ["Kingdom of the Netherlands", "Netherlands (Kingdom of the)"],
  PRK: ["DPR Korea", "Democratic People's Republic of Korea"],
  PSE: ["State of Palestine", "Palestine"],
  SWZ: ["Swaziland", "Kingdom of Swaziland"],
  TUR: ["Turkey"],
  USA: ["United States of America", "United States"],
  VAT: ["Holy See"],
  VNM: ["Viet Nam"],
};

const MEMBERS = worldCountries.filter((c) => c.unMember || OBSERVERS.has(c.cca3));
const MEMBER_ISO3 = new Set(MEMBERS.map((c) => c.cca3));


/**
 * Reduces a printed name to the letters that identify it. Dropping every non-letter makes the key immune to the
 * spacing artefacts of converted documents ("Sierra Le one", "Plurinational S tate of"), to apostrophe and dash
 * variants, and to non-breaking spaces.
 */
export function normaliseStateName(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .replace(/^the /, "")
    .replace(/[^a-z]/g, "");
}

/** The keys a printed name may be filed under: itself, and "X (Y)" / "X, Y" turned into "Y X". */
function candidateKeys(raw: string): string[] {
  const trimmed = raw.replace(/[\s\u00a0]+/g, " ").trim();
  const keys = [normaliseStateName(trimmed)];
  const paren = /^(.+?)\s*\((.+)\)$/.exec(trimmed);
  if (paren?.[1] && paren[2]) keys.push(normaliseStateName(`${paren[2]} ${paren[1]}`));
  const comma = /^([^,]+),\s*(.+)$/.exec(trimmed);
  if (comma?.[1] && comma[2]) keys.push(normaliseStateName(`${comma[2]} ${comma[1]}`));
  return keys.filter((k) => k.length > 0);
}

/** Normalised key -> ISO3, or null where two States share a key (such a key then matches nothing). */
function buildIndex(): Map<string, string | null> {
  const index = new Map<string, string | null>();
  const add = (name: string, iso3: string, override: boolean): void => {
    for (const key of candidateKeys(name)) {
      const existing = index.get(key);
      if (override || existing === undefined) index.set(key, iso3);
      else if (existing !== iso3) index.set(key, null);
    }
  };
  for (const c of worldCountries) {
    if (!MEMBER_ISO3.has(c.cca3)) continue;
    // ISO2 codes are left out: a two-letter parenthetical in a recommendation is not a State.
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s !== c.cca2)];
    for (const name of names) add(name, c.cca3, false);
  }
  // Explicit aliases win over anything world-countries lists, e.g. "Congo" is the Republic of the Congo.
  for (const [iso3, names] of Object.entries(ALIASES)) for (const name of names) add(name, iso3, true);
  return index;
}

const INDEX = buildIndex();

/** Display names: the UN's own short names ("Türkiye", "Viet Nam"), found through the same matcher. */
const UN_NAME_BY_ISO3 = new Map(UN_SHORT_NAMES.map((name) => [matchStateName(name), name]));

export const COUNTRIES: readonly CountryRecord[] = MEMBERS.map((c): CountryRecord => {
  const observer = OBSERVERS.has(c.cca3);
  return {
    iso3: c.cca3,
    iso2: c.cca2,
    name: UN_NAME_BY_ISO3.get(c.cca3) ?? c.name.common,
    officialName: c.name.official,
    regionalGroup: observer ? null : (REGIONAL_GROUPS[c.unRegionalGroup] ?? null),
    unStatus: observer ? "OBSERVER" : "MEMBER",
  };
}).sort((a, b) => a.iso3.localeCompare(b.iso3));

const BY_ISO3 = new Map(COUNTRIES.map((c) => [c.iso3, c]));

/**
 * ISO3 of the State a printed name denotes, or null. Accepts UN short names as OHCHR prints them, UPR Info's
 * shorter forms and the typographic noise of converted files. Null for anything that is not a UN Member or
 * observer State ("ILO", "NHRAP"), so callers can tell a State list from another parenthetical.
 */
export function matchStateName(raw: string): string | null {
  for (const key of candidateKeys(raw)) {
    const iso3 = INDEX.get(key);
    if (iso3) return iso3;
  }
  return null;
}

export function getCountry(iso3: string): CountryRecord | null {
  return BY_ISO3.get(iso3.toUpperCase()) ?? null;
}

/** Keys that more than one State claims; exposed so a test can prove the index has none that matter. */
export function ambiguousStateKeys(): string[] {
  return [...INDEX.entries()].filter(([, iso3]) => iso3 === null).map(([key]) => key);
}

/**
 * What a printed State name denotes: a State, the source's own "unknown" marker ("(Unknown)", "&#40;Unknown&#41;"),
 * or nothing this resolver knows (null). Importers keep an unknown as an explicit unknown and report a null.
 */
export type StateNameResolution = { iso3: string } | "unknown" | null;

const UNKNOWN_MARKERS = new Set(["unknown", "unknownstate", "notknown"]);

export function resolveStateName(raw: string): StateNameResolution {
  const decoded = raw.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
  if (UNKNOWN_MARKERS.has(normaliseStateName(decoded))) return "unknown";
  const iso3 = matchStateName(decoded);
  return iso3 ? { iso3 } : null;
}
