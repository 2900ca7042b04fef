import countries from "i18n-iso-countries/index";
import en from "i18n-iso-countries/langs/en.json";
import zh from "i18n-iso-countries/langs/zh.json";
import { countryName } from "@/lib/i18n/countries";
import { COUNTRIES } from "./index";
import { STATE_ALIASES } from "./aliases";
import { MEMBERS } from "./members";
import { rankStateKeys, searchKey, type NameRank, type StateSearchKeys } from "./name-search";
import { SEARCH_NAMES } from "./search-names";

/**
 * Every name a reader may type for a State, from the same sources as the import resolver (./resolve.ts): the UN's
 * short and formal names, world-countries' common, official and alternative spellings, i18n-iso-countries' English
 * and Chinese names with their aliases, the UN and UPR Info forms of ./aliases.ts, and the short documented table of
 * ./search-names.ts for what the libraries lack. Server-side: it holds the libraries' tables.
 */

countries.registerLocale(en);
countries.registerLocale(zh);

type PrintedName = { printed: string; key: string };
type StateNames = { iso3: string; names: PrintedName[]; exact: PrintedName[] };

/** Distinct names by their key, in the order given. */
function printedNames(names: Iterable<string>): PrintedName[] {
  const byKey = new Map<string, string>();
  for (const printed of names) {
    const key = searchKey(printed);
    if (key && !byKey.has(key)) byKey.set(key, printed);
  }
  return [...byKey].map(([key, printed]) => ({ printed, key }));
}

function buildIndex(): StateNames[] {
  const names = new Map<string, string[]>(COUNTRIES.map((c) => [c.iso3, [c.name, c.officialName, countryName(c.iso3, "zh")]]));
  const exact = new Map<string, string[]>(COUNTRIES.map((c) => [c.iso3, [c.iso3]]));
  const add = (to: Map<string, string[]>, iso3: string, name: string): void => void to.get(iso3)?.push(name);
  for (const c of MEMBERS) {
    for (const name of [c.name.common, c.name.official]) add(names, c.cca3, name);
    // Alternative spellings match only in full ("DPRK", "Burma", "Vatican"): as prefixes their transliterations would
    // answer "ch" with "Chosŏn Minjujuŭi Inmin Konghwaguk". ISO2 codes are left out: "CH" is not China.
    for (const name of c.altSpellings.filter((s) => s !== c.cca2)) add(exact, c.cca3, name);
  }
  for (const language of ["en", "zh"]) {
    for (const [iso2, printed] of Object.entries(countries.getNames(language, { select: "all" }))) {
      const iso3 = countries.alpha2ToAlpha3(iso2);
      if (iso3) for (const name of printed) add(names, iso3, name);
    }
  }
  for (const { name, iso3 } of [...STATE_ALIASES, ...SEARCH_NAMES]) add(names, iso3, name);
  return COUNTRIES.map(({ iso3 }) => ({ iso3, names: printedNames(names.get(iso3) ?? []), exact: printedNames(exact.get(iso3) ?? []) }));
}

const INDEX = buildIndex();
const BY_ISO3 = new Map(INDEX.map((state) => [state.iso3, state]));

const keysOf = (state: StateNames): StateSearchKeys => ({ names: state.names.map((n) => n.key), exact: state.exact.map((n) => n.key) });

/** A State's names reduced for matching, for a client component that filters a list as the reader types. */
export function stateSearchKeys(iso3: string): StateSearchKeys {
  const state = BY_ISO3.get(iso3.toUpperCase());
  return state ? keysOf(state) : { names: [], exact: [] };
}

/** `matched`: the name the text matched when it is not the State's name in `locale` ("UK" for the United Kingdom). */
export type StateNameMatch = { iso3: string; rank: NameRank; matched: string | null };

/**
 * The States a typed text names, best first (an exact name or code, then a name that starts with the text, then a
 * later word): "UK" is the United Kingdom before Ukraine, "DPRK" and 朝鲜 the Democratic People's Republic of Korea.
 */
export function searchStateNames(text: string, locale: string): StateNameMatch[] {
  const key = searchKey(text);
  if (!key) return [];
  const found: (StateNameMatch & { shown: string })[] = [];
  for (const state of INDEX) {
    const rank = rankStateKeys(key, keysOf(state));
    if (rank === null) continue;
    const shown = countryName(state.iso3, locale);
    found.push({ iso3: state.iso3, rank, matched: matchedName(key, rank, state, shown), shown });
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.shown.localeCompare(b.shown, locale))
    .map(({ iso3, rank, matched }) => ({ iso3, rank, matched }));
}

/** The printed name that gave the rank, unless the State's shown name matches as well as it. */
function matchedName(key: string, rank: NameRank, state: StateNames, shown: string): string | null {
  if (rankStateKeys(key, { names: [searchKey(shown)], exact: [] }) === rank) return null;
  const exact = rank === 0 ? state.exact.find((n) => n.key === key) : undefined;
  return exact?.printed ?? state.names.find((n) => rankStateKeys(key, { names: [n.key], exact: [] }) === rank)?.printed ?? null;
}
