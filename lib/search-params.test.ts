import { describe, expect, it } from "vitest";
import {
  DEFAULT_PAGE_SIZE,
  FILTER_KEYS,
  filterDefault,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  parseApiSearch,
  parseExplorerSearch,
  searchEntries,
  toSearchString,
  type RecommendationQuery,
} from "./search-params";

const DEFAULTS: RecommendationQuery = {
  review: [],
  cycle: [],
  sur: [],
  state: [],
  region: [],
  theme: [],
  affected: [],
  position: [],
  wording: [],
  action: [],
  status: [],
  statusOf: "public",
  recurring: [],
  finding: [],
  body: [],
  q: "",
  variants: "on",
  sort: "-cycle",
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

function strict(search: string): ReturnType<typeof parseApiSearch> {
  return parseApiSearch(new URLSearchParams(search));
}

/** The forgiving parse from a URL, as Next hands `searchParams` to a page (repeated keys become arrays). */
function forgiving(search: string): ReturnType<typeof parseExplorerSearch> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const current = raw[key];
    raw[key] = current === undefined ? value : [...(Array.isArray(current) ? current : [current]), value];
  }
  return parseExplorerSearch(raw);
}

describe("defaults", () => {
  it("an empty URL is everything, newest cycle first, first page", () => {
    expect(forgiving("")).toEqual({ query: DEFAULTS, invalid: [] });
    expect(strict("")).toMatchObject({ success: true, data: DEFAULTS });
  });

  it("sorts by relevance when searching, unless told otherwise", () => {
    expect(strict("q=torture").data?.sort).toBe("relevance");
    expect(strict("q=torture&sort=cycle").data?.sort).toBe("cycle");
    expect(strict("sort=relevance").data?.sort).toBe("-cycle");
  });
});

describe("lists", () => {
  it("accepts comma lists, repeated keys and both, without repeats or blanks", () => {
    const { data } = strict("state=gbr,FRA&state=USA&state=FRA,&cycle=2,3&position=noted,supported-in-part");
    expect(data).toMatchObject({ state: ["GBR", "FRA", "USA"], cycle: [2, 3], position: ["noted", "supported-in-part"] });
    expect(forgiving("state=gbr,FRA&state=USA").query.state).toEqual(["GBR", "FRA", "USA"]);
  });

  it("lowercases wordings and joins repeated q", () => {
    expect(strict("wording=Rejected&q=death&q=penalty").data).toMatchObject({ wording: ["rejected"], q: "death penalty" });
  });
});

const BAD: [string, string][] = [
  ["page=-1", "page"],
  ["page=abc", "page"],
  [`pageSize=${MAX_PAGE_SIZE + 1}`, "pageSize"],
  ["pageSize=100000", "pageSize"],
  ["position=maybe", "position"],
  ["state=GBR';DROP TABLE \"Recommendation\";--", "state"],
  [`q=${"x".repeat(MAX_QUERY_LENGTH + 1)}`, "q"],
  ["region=mars", "region"],
  ["cycle=abc", "cycle"],
  ["cycle=2.5", "cycle"],
  ["cycle=10", "cycle"],
  ["cycle=1999", "cycle"],
  ["cycle=2101", "cycle"],
  ["action=6", "action"],
  ["theme=UHRI A12", "theme"],
  ["sort=random()", "sort"],
  ["status=done", "status"],
  ["status=FULLY_IMPLEMENTED", "status"],
  ["statusOf=theirs", "statusOf"],
  ["statusOf=org_123", "statusOf"],
];

describe("bad values", () => {
  it.each(BAD)("%s falls back to the default in the forgiving parse and is named", (search, key) => {
    const { query, invalid } = forgiving(search);
    expect(invalid).toEqual([key]);
    expect(query).toEqual(DEFAULTS);
  });

  it.each(BAD)("%s fails the strict parse with an issue on that key", (search, key) => {
    const result = strict(search);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(key);
  });

  it("keeps the good values next to a bad one in the forgiving parse", () => {
    expect(forgiving("cycle=3&position=maybe&state=GBR")).toEqual({ query: { ...DEFAULTS, cycle: [3], state: ["GBR"] }, invalid: ["position"] });
  });

  it("refuses unknown parameters only in the strict parse", () => {
    expect(strict("cycle=3&colour=red").error?.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["colour"] }]);
    expect(forgiving("cycle=3&colour=red")).toEqual({ query: { ...DEFAULTS, cycle: [3] }, invalid: [] });
  });
});

describe("implementation status", () => {
  it("reads a list of wire statuses and whose assessments they are, public by default", () => {
    expect(strict("status=fully_implemented,regressed&status=not_assessed").data).toMatchObject({
      status: ["fully_implemented", "regressed", "not_assessed"],
      statusOf: "public",
    });
    expect(forgiving("status=partially_implemented&statusOf=mine").query).toMatchObject({ status: ["partially_implemented"], statusOf: "mine" });
    expect(strict("statusOf=mine&statusOf=public").data?.statusOf).toBe("mine");
  });

  it("keeps a good status next to a bad scope in the forgiving parse", () => {
    expect(forgiving("status=regressed&statusOf=everyone")).toEqual({ query: { ...DEFAULTS, status: ["regressed"] }, invalid: ["statusOf"] });
  });

  it("writes statusOf only when it is not the default", () => {
    expect(toSearchString({ ...DEFAULTS, status: ["regressed"] })).toBe("?status=regressed");
    expect(toSearchString({ ...DEFAULTS, status: ["regressed", "not_assessed"], statusOf: "mine" })).toBe("?status=regressed%2Cnot_assessed&statusOf=mine");
    expect(toSearchString({ ...DEFAULTS, statusOf: "mine" })).toBe("?statusOf=mine");
  });
});

describe("recurring (recommended before)", () => {
  it("reads earlier and later, strictly in the API and forgivingly in the page", () => {
    expect(strict("recurring=earlier")).toMatchObject({ success: true, data: { recurring: ["earlier"] } });
    expect(strict("recurring=later,earlier,later")).toMatchObject({ success: true, data: { recurring: ["later", "earlier"] } });
    expect(strict("recurring=before").success).toBe(false);
    expect(forgiving("recurring=before&cycle=3")).toEqual({ query: { ...DEFAULTS, cycle: [3] }, invalid: ["recurring"] });
  });

  it("round-trips through the URL", () => {
    expect(toSearchString({ ...DEFAULTS, recurring: ["earlier"] })).toBe("?recurring=earlier");
  });
});

describe("spelling variants", () => {
  it("are on by default; variants=off searches the exact words, strictly in the API and forgivingly in the page", () => {
    expect(strict("q=Uyghur&variants=off")).toMatchObject({ success: true, data: { q: "Uyghur", variants: "off" } });
    expect(strict("q=Uyghur")).toMatchObject({ success: true, data: { variants: "on" } });
    expect(strict("q=Uyghur&variants=no").success).toBe(false);
    expect(forgiving("variants=no&cycle=3")).toEqual({ query: { ...DEFAULTS, cycle: [3] }, invalid: ["variants"] });
  });

  it("round-trip through the URL, written only when off", () => {
    expect(toSearchString({ ...DEFAULTS, q: "Uyghur", sort: "relevance", variants: "off" })).toBe("?q=Uyghur&variants=off");
    expect(toSearchString({ ...DEFAULTS, q: "Uyghur", sort: "relevance" })).toBe("?q=Uyghur");
  });
});

describe("toSearchString", () => {
  it("leaves defaults out", () => {
    expect(toSearchString(DEFAULTS)).toBe("");
    expect(toSearchString({ ...DEFAULTS, q: "torture", sort: "relevance" })).toBe("?q=torture");
  });

  it.each([
    "cycle=3&position=noted",
    "state=GBR,FRA&cycle=3&sort=paragraph&page=2&pageSize=50",
    "sur=CHN&region=weog,eeg&theme=uhri:a12,sdg:16&affected=children&wording=rejected&action=4,5",
    "status=fully_implemented,not_assessed&statusOf=mine&cycle=3",
    "status=regressed&statusOf=public",
    'q="death penalty" -china OR torture&sort=-position',
  ])("round-trips %s through both parses", (search) => {
    const { query } = forgiving(search);
    const again = toSearchString(query);
    expect(forgiving(again.slice(1))).toEqual({ query, invalid: [] });
    expect(strict(again.slice(1)).data).toEqual(query);
  });
});

describe("cycle: a number or a year", () => {
  it("accepts the year of a review beside cycle numbers, in both parses, for the server to resolve", () => {
    expect(strict("cycle=2018").data?.cycle).toEqual([2018]);
    expect(strict("cycle=3,2013").data?.cycle).toEqual([3, 2013]);
    expect(forgiving("cycle=2018&sur=CHN")).toEqual({ query: { ...DEFAULTS, cycle: [2018], sur: ["CHN"] }, invalid: [] });
  });

  it("names the field and says what it takes when neither", () => {
    expect(strict("cycle=1999").error?.issues).toMatchObject([{ path: ["cycle", 0], message: expect.stringContaining("year of a review") }]);
  });
});

describe("searchEntries", () => {
  it("writes every filter of FILTER_KEYS that differs from its default, then sort, page and page size", () => {
    const query: RecommendationQuery = { ...DEFAULTS, sur: ["CHN"], cycle: [3], q: "Xinjiang", sort: "paragraph", page: 2, pageSize: 50 };
    expect(searchEntries(query)).toEqual([
      ["cycle", "3"],
      ["sur", "CHN"],
      ["q", "Xinjiang"],
      ["sort", "paragraph"],
      ["page", "2"],
      ["pageSize", "50"],
    ]);
  });

  it("reads each key's default from its schema", () => {
    expect(FILTER_KEYS.map((key) => [key, filterDefault(key)])).toEqual(FILTER_KEYS.map((key) => [key, DEFAULTS[key]]));
    expect(searchEntries({ ...DEFAULTS, statusOf: "mine" })).toEqual([["statusOf", "mine"]]);
  });
});

describe("parseApiSearch with keys named after Object.prototype members", () => {
  it.each(["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf"])("refuses %s as an unknown parameter, repeated or not", (name) => {
    for (const query of [`${name}=x`, `${name}=x&${name}=y`, `cycle=3&${name}=`]) {
      const parsed = parseApiSearch(new URLSearchParams(query));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: [name] })]);
    }
  });
});
