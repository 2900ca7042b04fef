import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import worldCountries from "world-countries";
import { describe, expect, it } from "vitest";
import { COUNTRIES, ambiguousStateKeys, getCountry, matchStateName, type RegionalGroup } from ".";
import { UN_SHORT_NAMES as UN_NAMES } from "./un-names";
import { realDataFile } from "@/tests/helpers/data-files";


const GROUPS: Record<string, RegionalGroup> = {
  "African Group": "AFRICAN",
  "Asia and the Pacific Group": "ASIA_PACIFIC",
  "Eastern European Group": "EASTERN_EUROPEAN",
  "Latin American and Caribbean Group": "GRULAC",
  "Western European and Others Group": "WEOG",
};


describe("COUNTRIES", () => {
  it("equals the reference list of 193 Members and 2 observers", () => {
    const rows = parse(readFileSync(realDataFile("reference/un-member-states.csv")), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(195);
    const expected = rows
      .map((r) => ({
        iso3: r.iso3,
        iso2: r.iso2,
        unStatus: r.un_member === "yes" ? "MEMBER" : "OBSERVER",
        regionalGroup: r.un_regional_group ? GROUPS[r.un_regional_group!] : null,
      }))
      .sort((a, b) => a.iso3!.localeCompare(b.iso3!));
    const actual = COUNTRIES.map(({ iso3, iso2, unStatus, regionalGroup }) => ({ iso3, iso2, unStatus, regionalGroup }));
    expect(actual).toEqual(expected);
  });

  it("displays every State under the UN's own short name", () => {
    expect(COUNTRIES.map((c) => c.name).sort()).toEqual([...UN_NAMES].sort());
    expect(getCountry("TUR")?.name).toBe("Türkiye");
    expect(getCountry("CIV")?.name).toBe("Côte d’Ivoire");
  });

  it("treats the Holy See and Palestine as observers without a regional group", () => {
    expect(getCountry("VAT")).toMatchObject({ unStatus: "OBSERVER", regionalGroup: null });
    expect(getCountry("pse")).toMatchObject({ unStatus: "OBSERVER", regionalGroup: null });
    expect(getCountry("XXX")).toBeNull();
  });
});

describe("matchStateName", () => {
  it("matches every UN short name", () => {
    expect(UN_NAMES).toHaveLength(195);
    const matched = new Set(UN_NAMES.map((n) => [n, matchStateName(n)] as const).map(([n, iso3]) => iso3 ?? n));
    expect([...matched].filter((v) => !/^[A-Z]{3}$/.test(v))).toEqual([]);
    expect(matched.size).toBe(195);
  });

  it.each([
    ["United Kingdom of Great Britain and Northern Ireland", "GBR"],
    ["Islamic Republic of Iran", "IRN"],
    ["Bolivarian Republic of Venezuela", "VEN"],
    ["Plurinational State of Bolivia", "BOL"],
    ["Micronesia (Federated States of)", "FSM"],
    ["Republic of Korea", "KOR"],
    ["Democratic People's Republic of Korea", "PRK"],
    ["Democratic People’s Republic of Korea", "PRK"],
    ["Lao People's Democratic Republic", "LAO"],
    ["Czech Republic", "CZE"],
    ["Turkey", "TUR"],
    ["The former Yugoslav Republic of Macedonia", "MKD"],
    ["Swaziland", "SWZ"],
    ["Cape Verde", "CPV"],
    ["Kingdom of the Netherlands", "NLD"],
    ["Congo", "COG"],
    ["Democratic Republic of the Congo", "COD"],
    ["Gambia", "GMB"],
    ["Bahamas", "BHS"],
    ["Holy See", "VAT"],
    // UPR Info's short forms
    ["DPR Korea", "PRK"],
    ["Democratic Republic of Congo", "COD"],
    ["Republic of Congo", "COG"],
    ["Palestine", "PSE"],
    ["Syria", "SYR"],
    ["Iran", "IRN"],
    ["Bolivia", "BOL"],
    ["Moldova", "MDA"],
    ["Cote d'Ivoire", "CIV"],
    ["United States", "USA"],
    ["United Kingdom", "GBR"],
    ["Venezuela", "VEN"],
    // artefacts of converted files
    ["Sierra Le one", "SLE"],
    ["Bolivia (Plurinational S tate of)", "BOL"],
    ["United  Republic of\u00a0Tanzania", "TZA"],
    ["the Niger", "NER"],
    ["  Côte d\u2019Ivoire ", "CIV"],
    ["Guinea-Bissau", "GNB"],
    ["Equatorial Guinea", "GNQ"],
    ["Nigeria", "NGA"],
    ["Dominica", "DMA"],
    ["Dominican Republic", "DOM"],
    ["South Sudan", "SSD"],
    ["Sudan", "SDN"],
  ])("%s -> %s", (raw, iso3) => {
    expect(matchStateName(raw)).toBe(iso3);
  });

  it.each(["ILO", "NHRAP", "Narnia", "", "the Paris Principles", "No. 29", "2011–2020", "Austria, France"])(
    "does not match %s",
    (raw) => {
      expect(matchStateName(raw)).toBeNull();
    },
  );

  it("maps every State's own names back to itself, with no ambiguous keys", () => {
    expect(ambiguousStateKeys()).toEqual([]);
    const wrong: string[] = [];
    for (const c of worldCountries) {
      if (!getCountry(c.cca3)) continue;
      const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s !== c.cca2)];
      for (const name of names) {
        const got = matchStateName(name);
        // Names in non-Latin scripts reduce to nothing and match nothing; that is fine.
        if (got !== c.cca3 && !(got === null && !/[a-z]/i.test(name.normalize("NFKD")))) {
          wrong.push(`${name} -> ${got} (expected ${c.cca3})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("matches every recommending State of the UPR Info export", () => {
    const rows = parse(readFileSync(realDataFile("upr-info/CHN-upr-info-2009-2013.csv")), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    const unmatched = [...new Set(rows.map((r) => r.From ?? ""))].filter((n) => matchStateName(n) === null);
    expect(unmatched).toEqual([]);
  });
});
