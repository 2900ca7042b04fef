import { z } from "zod";
import { queryLists } from "@/lib/http/params";
import { FIRST_CYCLE_YEAR, LAST_CYCLE_YEAR } from "@/lib/cycles/years";
import { ASSESSMENT_STATUSES, type AssessmentStatusValue } from "@/lib/schemas/assessment";
import { VARIANT_MODES, type VariantMode } from "@/lib/search/modes";

/**
 * The filter contract of the explorer, the JSON API, the CSV export and the charts: the same fields twice.
 * `explorerSearchSchema` (browser URLs) forgives: a bad value falls back to its default and is reported so the page
 * can say so. `apiSearchSchema` (API, CSV) is strict: a bad value is a 400 with the zod issues.
 */

export const REGIONS = ["african", "asia-pacific", "eeg", "grulac", "weog"] as const;
export const POSITIONS = ["supported", "supported-in-part", "noted"] as const;
/**
 * Whose assessments the status filter and its counts read: `public`, every organisation's latest public assessment;
 * `mine`, the latest assessment (private or public) of the caller's own organisations, taken from the session.
 */
export const STATUS_SCOPES = ["public", "mine"] as const;
/**
 * Recurring recommendations: `earlier`, it has a confirmed counterpart in an earlier cycle ("recommended before");
 * `later`, in a later one. Links are confirmed by editors (lib/server/recurrence.ts).
 */
export const RECURRING = ["earlier", "later"] as const;
/**
 * UN findings that editors linked to the recommendation (lib/server/finding-links): `contradicts`, `supports` or
 * `context`, a confirmed link with that stance; `any`, some confirmed link; `none`, no confirmed link. With `body`, only
 * the findings of those UN bodies count. Several values are ORed.
 */
export const FINDING_FILTERS = ["contradicts", "supports", "context", "any", "none"] as const;
export const SORTS = ["relevance", "-cycle", "cycle", "paragraph", "-paragraph", "position", "-position", "action", "-action"] as const;
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_QUERY_LENGTH = 500;

export type Region = (typeof REGIONS)[number];
export type PositionParam = (typeof POSITIONS)[number];
export type Sort = (typeof SORTS)[number];
export type StatusScope = (typeof STATUS_SCOPES)[number];
export type Recurring = (typeof RECURRING)[number];
export type FindingFilter = (typeof FINDING_FILTERS)[number];

export type RecommendationFilters = {
  review: number[];
  cycle: number[];
  sur: string[];
  state: string[];
  region: Region[];
  theme: string[];
  affected: string[];
  position: PositionParam[];
  wording: string[];
  action: number[];
  status: AssessmentStatusValue[];
  statusOf: StatusScope;
  recurring: Recurring[];
  finding: FindingFilter[];
  /** UN bodies whose linked findings count (UnDocument.body, e.g. CERD), as `finding` says or any stance. */
  body: string[];
  q: string;
  /** `off`: search the exact words typed, without their spelling variants (lib/search/variants.ts). */
  variants: VariantMode;
};

export type RecommendationQuery = RecommendationFilters & { sort: Sort; page: number; pageSize: number };

export const FILTER_KEYS = ["review", "cycle", "sur", "state", "region", "theme", "affected", "position", "wording", "action", "status", "statusOf", "recurring", "finding", "body", "q", "variants"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

type RawParams = Record<string, string | string[] | undefined>;

/** `?state=GBR,FRA&state=USA` → ["GBR", "FRA", "USA"]: comma lists and repeated keys both work. */
export function splitList(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))];
}

const iso3 = z.string().regex(/^[A-Za-z]{3}$/, "an ISO 3166 alpha-3 code such as CHN").transform((v) => v.toUpperCase());
const slug = z.string().regex(/^[a-z0-9-]+(:[a-z0-9-]+)?$/, "a theme identifier such as uhri:a12 or sdg:16").max(200);
/** PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database. */
const noNul = (value: string): boolean => !value.includes("\u0000");
const wording = z.string().min(1).max(100).refine(noNul, "must not contain NUL").transform((v) => v.toLowerCase());
const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * A cycle number (1 to 9), or the year of a review (`cycle=2018`): the cycle(s) of the reviews held that year, of the
 * States in `sur` when given. Years are resolved from the loaded reviews (lib/server/review-calendar.ts).
 */
const cycleValue = z.union([intIn(1, 9), intIn(FIRST_CYCLE_YEAR, LAST_CYCLE_YEAR)], {
  error: `a cycle number from 1 to 9, or the year of a review from ${FIRST_CYCLE_YEAR} (such as 2018)`,
});

const listOf = <T extends z.ZodType>(item: T, max = 50) =>
  z.preprocess((value) => splitList(value as string | string[] | undefined), z.array(item).max(max).transform((list) => [...new Set(list)]));

/** The query fields, shared by both schemas below and by the OpenAPI document (lib/openapi.ts). */
export const fields = {
  review: listOf(intIn(1, 2_147_483_647)),
  cycle: listOf(cycleValue, 9),
  sur: listOf(iso3, 200),
  state: listOf(iso3, 200),
  region: listOf(z.enum(REGIONS), 5),
  theme: listOf(slug),
  affected: listOf(z.string().regex(/^[a-z0-9-]+$/, "an identifier such as children").max(200)),
  position: listOf(z.enum(POSITIONS), 3),
  wording: listOf(wording, 10),
  action: listOf(intIn(1, 5), 5),
  status: listOf(z.enum(ASSESSMENT_STATUSES), ASSESSMENT_STATUSES.length),
  statusOf: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(STATUS_SCOPES).default("public")),
  recurring: listOf(z.enum(RECURRING), RECURRING.length),
  finding: listOf(z.enum(FINDING_FILTERS), FINDING_FILTERS.length),
  body: listOf(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 .'()-]*$/, "a UN body such as CERD or Human Rights Committee").max(100), 20),
  q: z.preprocess((v) => (Array.isArray(v) ? v.join(" ") : v), z.string().trim().max(MAX_QUERY_LENGTH).refine(noNul, "must not contain NUL").default("")),
  variants: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(VARIANT_MODES).default("on")),
  sort: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(SORTS).optional()),
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), intIn(1, 1_000_000).default(1)),
  pageSize: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), intIn(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE)),
};

/** Relevance when searching, else newest cycle first in the order the documents print. */
function withDefaultSort<T extends { q: string; sort?: Sort }>(query: T): Omit<T, "sort"> & { sort: Sort } {
  const sort = query.sort ?? (query.q ? "relevance" : "-cycle");
  return { ...query, sort: sort === "relevance" && !query.q ? "-cycle" : sort };
}

export const apiSearchSchema = z.object(fields).strict().transform(withDefaultSort);

export type ParsedExplorerSearch = { query: RecommendationQuery; invalid: string[] };

/** Forgiving: every field that does not parse falls back to its default, and its name is reported. */
export function parseExplorerSearch(raw: RawParams): ParsedExplorerSearch {
  const invalid: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const parsed = (schema as z.ZodType).safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
    else {
      invalid.push(key);
      out[key] = (schema as z.ZodType).safeParse(undefined).data;
    }
  }
  return { query: withDefaultSort(out as RecommendationQuery), invalid };
}

/** The API's strict parse, from URLSearchParams. */
export function parseApiSearch(params: URLSearchParams): ReturnType<typeof apiSearchSchema.safeParse> {
  return apiSearchSchema.safeParse(queryLists(params));
}

/** A value as the URL writes it: a list joined by commas, nothing for an empty one. */
function urlValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(",");
  return value === undefined || value === null || value === false ? "" : String(value);
}

/** Each filter's default as the URL writes it (`statusOf` → "public", a list → ""), read from its schema. */
const FILTER_DEFAULTS = Object.fromEntries(FILTER_KEYS.map((key) => [key, urlValue((fields[key] as z.ZodType).safeParse(undefined).data)])) as Record<FilterKey, string>;

/** A filter key's default value, as the query holds it ([] for a list, "public" for statusOf, "" for q). */
export function filterDefault<K extends FilterKey>(key: K): RecommendationQuery[K] {
  return (fields[key] as z.ZodType).safeParse(undefined).data as RecommendationQuery[K];
}

/**
 * The query as URL entries, in a fixed order: every filter of FILTER_KEYS that differs from its default, then `sort`
 * (unless it is the default for the search), `page` and `pageSize`. The one serialiser behind every link and form of
 * the explorer (lib/explorer-links), so whatever filter is in force travels with them all.
 */
export function searchEntries(query: Partial<RecommendationQuery>): [string, string][] {
  const entries: [string, string][] = [];
  for (const key of FILTER_KEYS) {
    const value = urlValue(query[key]);
    if (value !== "" && value !== FILTER_DEFAULTS[key]) entries.push([key, value]);
  }
  if (query.sort && query.sort !== (query.q ? "relevance" : "-cycle")) entries.push(["sort", query.sort]);
  if (query.page && query.page > 1) entries.push(["page", String(query.page)]);
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) entries.push(["pageSize", String(query.pageSize)]);
  return entries;
}

/** Serialises a query back into a URL search string; defaults are left out so URLs stay short. */
export function toSearchString(query: Partial<RecommendationQuery>): string {
  const text = new URLSearchParams(searchEntries(query)).toString();
  return text ? `?${text}` : "";
}

export function filtersOf(query: RecommendationQuery): RecommendationFilters {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, query[key]])) as RecommendationFilters;
}
