import { OBSERVERS, MEMBERS } from "./members";
import { matchStateName } from "./resolve";
import { UN_SHORT_NAMES } from "./un-names";

/**
 * UN Member States and observer States, and the one resolver from the names printed in UPR sources to ISO3.
 *
 * Built from the `world-countries` package rather than a hand-kept list, so names and codes stay in step with
 * ISO 3166. Note: this pulls the whole world-countries JSON (about 1.4 MB) into the module graph; import it from
 * server code and importers, not from client components.
 * - ./members.ts: which States (193 Members, 2 observers);
 * - ./resolve.ts: `matchStateName`, `resolveStateName` (with the explicit unknown), `ambiguousStateKeys`;
 * - ./normalise.ts: the one normalisation of a printed name; ./aliases.ts: the UN's and UPR Info's own forms.
 */

export { matchStateName, resolveStateName, ambiguousStateKeys, type StateNameResolution } from "./resolve";
export { normaliseStateName } from "./normalise";
export { STATE_ALIASES, type StateAlias } from "./aliases";

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

/** Display names: the UN's own short names ("Türkiye", "Viet Nam"), found through the same resolver. */
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

export function getCountry(iso3: string): CountryRecord | null {
  return BY_ISO3.get(iso3.toUpperCase()) ?? null;
}
