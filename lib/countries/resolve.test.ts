import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { STATE_ALIASES } from "./aliases";
import { decodeHtmlEntities, normaliseStateName } from "./normalise";
import { ambiguousStateKeys, matchStateName, resolveStateName } from "./resolve";
import { UN_SHORT_NAMES } from "./un-names";
import { realDataFile } from "@/tests/helpers/data-files";

const MEMBER_ROWS = parse(readFileSync(realDataFile("reference/un-member-states.csv")), { columns: true }) as Record<string, string>[];

describe("the UN member table", () => {
  it.each(MEMBER_ROWS.map((r) => [r.name_common!, r.name_official!, r.iso3!]))("%s / %s -> %s", (common, official, iso3) => {
    expect(resolveStateName(common)).toEqual({ iso3 });
    expect(resolveStateName(official)).toEqual({ iso3 });
  });

  it("resolves every UN short name to a distinct State", () => {
    const codes = UN_SHORT_NAMES.map((name) => matchStateName(name));
    expect(codes.filter((c) => c === null)).toEqual([]);
    expect(new Set(codes).size).toBe(MEMBER_ROWS.length);
  });
});

describe("the alias table", () => {
  it.each(STATE_ALIASES.map((a) => [a.name, a.iso3, a.printedIn]))("%s -> %s (%s)", (name, iso3, printedIn) => {
    expect(printedIn.length).toBeGreaterThan(10);
    expect(matchStateName(name)).toBe(iso3);
    expect(MEMBER_ROWS.some((r) => r.iso3 === iso3)).toBe(true);
  });

  it("lists each form once", () => {
    const names = STATE_ALIASES.map((a) => normaliseStateName(a.name));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("UPR Info's and the UN's other forms", () => {
  it.each([
    ["St Lucia", "LCA"],
    ["St. Lucia", "LCA"],
    ["St Kitts & Nevis", "KNA"],
    ["St Vincent & the Grenadines", "VCT"],
    ["Trinidad & Tobago", "TTO"],
    ["Macedonia FYR", "MKD"],
    ["The former Yugoslav Republic of Macedonia", "MKD"],
    ["North Macedonia", "MKD"],
    ["Swaziland", "SWZ"],
    ["Eswatini", "SWZ"],
    ["Türkiye", "TUR"],
    ["Turkey", "TUR"],
    ["Sao Tome & Principe", "STP"],
    ["São Tomé and Príncipe", "STP"],
    ["Antigua & Barbuda", "ATG"],
    ["Bosnia & Herzegovina", "BIH"],
    ["Côte d'Ivoire", "CIV"],
    ["Côte d’Ivoire", "CIV"],
    ["Cote d'Ivoire", "CIV"],
    ["Ivory Coast", "CIV"],
    ["Korea (Republic of)", "KOR"],
    ["Korea, Republic of", "KOR"],
    ["Republic of Korea", "KOR"],
    ["Korea DPR", "PRK"],
    ["DPR Korea", "PRK"],
    ["DPRK", "PRK"],
    ["Democratic People’s Republic of Korea", "PRK"],
    ["Lao PDR", "LAO"],
    ["Lao People’s Democratic Republic", "LAO"],
    ["Micronesia (Federated States of)", "FSM"],
    ["Moldova", "MDA"],
    ["Russia", "RUS"],
    ["Syria", "SYR"],
    ["Tanzania", "TZA"],
    ["Venezuela", "VEN"],
    ["Venezuela (Bolivarian Republic of)", "VEN"],
    ["Bolivia", "BOL"],
    ["Iran", "IRN"],
    ["Iran (Islamic Republic of)", "IRN"],
    ["Vietnam", "VNM"],
    ["Viet Nam", "VNM"],
    ["Palestine", "PSE"],
    ["Holy See", "VAT"],
    ["Czech Republic", "CZE"],
    ["Cape Verde", "CPV"],
    ["Cabo Verde", "CPV"],
    ["Timor Leste", "TLS"],
    ["Brunei", "BRN"],
    ["Brunei Darussalam", "BRN"],
    ["UK", "GBR"],
    ["USA", "USA"],
    ["Congo (Democratic Republic of the)", "COD"],
    ["Democratic Republic of Congo", "COD"],
    ["Republic of Congo", "COG"],
    ["Guinea Bissau", "GNB"],
    ["Myanmar (Burma)", "MMR"],
    ["Netherlands (Kingdom of the)", "NLD"],
    ["Gambia (Republic of The)", "GMB"],
    ["Libyan Arab Jamahiriya", "LBY"],
  ])("%s -> %s", (raw, iso3) => {
    expect(resolveStateName(raw)).toEqual({ iso3 });
  });
});

describe("names that must not collide", () => {
  it.each([
    ["Guinea", "GIN"],
    ["Guinea-Bissau", "GNB"],
    ["Equatorial Guinea", "GNQ"],
    ["Papua New Guinea", "PNG"],
    ["Niger", "NER"],
    ["the Niger", "NER"],
    ["Nigeria", "NGA"],
    ["Congo", "COG"],
    ["the Congo", "COG"],
    ["Democratic Republic of the Congo", "COD"],
    ["DR Congo", "COD"],
    ["Dominica", "DMA"],
    ["Dominican Republic", "DOM"],
    ["Sudan", "SDN"],
    ["the Sudan", "SDN"],
    ["South Sudan", "SSD"],
    ["Republic of Korea", "KOR"],
    ["Democratic People's Republic of Korea", "PRK"],
  ])("%s -> %s", (raw, iso3) => {
    expect(matchStateName(raw)).toBe(iso3);
  });

  it("leaves no key that two States claim unsettled", () => {
    expect(ambiguousStateKeys()).toEqual([]);
  });

  it.each(["Korea", "Austria, France", "Austria (France)", "ILO", "NHRAP", "Narnia", "", "Pitcairn", "Taiwan", "No. 29"])(
    "does not guess %j",
    (raw) => {
      expect(resolveStateName(raw)).toBeNull();
    },
  );
});

describe("explicit unknowns", () => {
  it.each(["(Unknown)", "&#40;Unknown&#41;", "&#x28;Unknown&#x29;", "Unknown", " unknown \n"])("%j is the source's unknown", (raw) => {
    expect(resolveStateName(raw)).toBe("unknown");
  });

  it("is never a State for matchStateName", () => {
    expect(matchStateName("(Unknown)")).toBeNull();
  });
});

describe("typography", () => {
  it.each([
    ["St Kitts &amp; Nevis", "KNA"],
    ["Trinidad &amp; Tobago", "TTO"],
    ["C&ocirc;te d&rsquo;Ivoire", "CIV"],
    ["C&#244;te d&#8217;Ivoire", "CIV"],
    ["Bosnia &#38; Herzegovina", "BIH"],
    ["Trinidad\n& Tobago", "TTO"],
    ["United  Republic of\u00a0Tanzania", "TZA"],
    ["United Republic\r\nof Tanzania", "TZA"],
    ["  Saint  Lucia ", "LCA"],
    ["Sierra Le one", "SLE"],
    ["Bolivia (Plurinational S tate of)", "BOL"],
    ["THE GAMBIA", "GMB"],
  ])("%j -> %s", (raw, iso3) => {
    expect(resolveStateName(raw)).toEqual({ iso3 });
  });

  it("normalises in one place", () => {
    expect(normaliseStateName("St. Kitts &amp; Nevis")).toBe(normaliseStateName("Saint Kitts and Nevis"));
    expect(normaliseStateName("The Gambia")).toBe("gambia");
    expect(normaliseStateName("São Tomé")).toBe("saotome");
  });

  it("decodes entities and leaves an unknown one as printed", () => {
    expect(decodeHtmlEntities("&#40;Unknown&#41; &amp; &nbsp;&eacute;")).toBe("(Unknown) &  e");
    expect(decodeHtmlEntities("&bogus; &#0;")).toBe("&bogus; &#0;");
  });
});
