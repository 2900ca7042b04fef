import "server-only";
import { queryLists } from "@/lib/http/params";
import { searchStateNames } from "@/lib/countries/search";
import { countryName } from "@/lib/i18n/countries";
import type { Locale } from "@/lib/i18n/routing";
import { filtersOf, parseExplorerSearch, type RecommendationFilters } from "@/lib/search-params";
import { withFilterValues, withTextSearch } from "@/lib/suggest/href";
import type { StateOption, Suggestions, ThemeOption } from "@/lib/suggest/types";
import { getDb, type Db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { buildRecommendationWhere, type ViewerScope } from "./recommendation-where";

export const MAX_SUGGEST_LENGTH = 60;
const MAX_STATES = 6;
const MAX_THEMES = 8;
/** Name matches looked at before counting: enough for "United" (six States) or "Saint" (three), bounded for "a". */
const MAX_STATE_CANDIDATES = 40;

const FROM = Prisma.sql`FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"`;

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** URLSearchParams as the record the explorer's forgiving parser reads, repeated keys as lists. */
function rawParams(params: URLSearchParams): Record<string, string | string[]> {
  return queryLists(params);
}

/**
 * "Find a State or theme": the States and themes the text names that have recommendations within the current filters,
 * each with its count and the explorer URL that adds it to those filters, then a search of the texts for the text.
 * `current` is the explorer's search string as the browser has it, read by the same forgiving parser as the page, so
 * a count here is the total the page shows after the choice. `scope`: whose private statuses `statusOf=mine` reads.
 */
export async function suggestFilters(text: string, current: URLSearchParams, locale: Locale = "en", scope: ViewerScope = {}, db: Db = getDb()): Promise<Suggestions> {
  const typed = text.trim().slice(0, MAX_SUGGEST_LENGTH);
  const search = { text: typed, href: withTextSearch(current, typed) };
  if (!typed) return { options: [], empty: [], search };
  const filters = filtersOf(parseExplorerSearch(rawParams(current)).query);
  const [states, themes] = await Promise.all([suggestStates(typed, current, filters, locale, scope, db), suggestThemes(typed, current, filters, scope, db)]);
  return { options: [...states.options, ...themes], empty: states.empty, search };
}

async function suggestStates(text: string, current: URLSearchParams, filters: RecommendationFilters, locale: Locale, scope: ViewerScope, db: Db) {
  const matches = searchStateNames(text, locale).slice(0, MAX_STATE_CANDIDATES);
  if (matches.length === 0) return { options: [], empty: [] };
  const codes = Prisma.join(matches.map((m) => m.iso3));
  type CountRow = { iso3: string; count: number };
  const [recommending, reviewed] = await Promise.all([
    db.$queryRaw<CountRow[]>`SELECT rs."countryIso3" AS iso3, count(*)::int AS count ${FROM}
      JOIN "RecommendationState" rs ON rs."recommendationId" = r."id"
      WHERE ${buildRecommendationWhere(filters, { ...scope, except: "state" })} AND rs."countryIso3" IN (${codes}) GROUP BY 1`,
    db.$queryRaw<CountRow[]>`SELECT v."stateUnderReviewIso3" AS iso3, count(*)::int AS count ${FROM}
      WHERE ${buildRecommendationWhere(filters, { ...scope, except: "sur" })} AND v."stateUnderReviewIso3" IN (${codes}) GROUP BY 1`,
  ]);
  const countOf = (rows: CountRow[], iso3: string): number => rows.find((row) => row.iso3 === iso3)?.count ?? 0;
  const options: StateOption[] = [];
  const empty: Suggestions["empty"] = [];
  for (const { iso3, matched } of matches) {
    const name = countryName(iso3, locale);
    const found: StateOption[] = [];
    // A State under review first: typing "China" here most often means China's own reviews.
    const asReviewed = countOf(reviewed, iso3);
    if (asReviewed > 0) found.push({ kind: "reviewed", iso3, name, matched, count: asReviewed, href: withFilterValues(current, "sur", [iso3]) });
    const asRecommending = countOf(recommending, iso3);
    if (asRecommending > 0) found.push({ kind: "recommending", iso3, name, matched, count: asRecommending, href: withFilterValues(current, "state", [iso3]) });
    if (found.length === 0) empty.push({ iso3, name });
    options.push(...found);
  }
  // Best name match first; among equals, the States with more recommendations.
  const rankOf = new Map(matches.map((m) => [m.iso3, m.rank]));
  const ranked = options
    .map((option, order) => ({ option, order }))
    .sort((a, b) => rankOf.get(a.option.iso3)! - rankOf.get(b.option.iso3)! || stateWeight(options, b.option.iso3) - stateWeight(options, a.option.iso3) || a.order - b.order)
    .map(({ option }) => option);
  const exactEmpty = empty.filter(({ iso3 }) => rankOf.get(iso3) === 0);
  return { options: ranked.slice(0, MAX_STATES), empty: exactEmpty.length > 0 ? exactEmpty : ranked.length === 0 ? empty.slice(0, 3) : [] };
}

function stateWeight(options: StateOption[], iso3: string): number {
  return options.reduce((sum, option) => (option.iso3 === iso3 ? sum + option.count : sum), 0);
}

type ThemeRow = { id: number; name: string; scheme: string; code: string | null; rank: number };
type ThemeCountRow = { key: string | null; themeId: number | null; count: number };

/** Scheme order on screen: OHCHR's codes first, then its 4th-cycle themes, UPR Info's issues and the SDGs. */
const SCHEME_ORDER = ["UHRI_CODED", "UHRI_THEME", "UPR_INFO_ISSUE", "SDG", "AFFECTED_PERSONS"];

async function suggestThemes(text: string, current: URLSearchParams, filters: RecommendationFilters, scope: ViewerScope, db: Db): Promise<ThemeOption[]> {
  const prefix = likePrefix(text);
  const themes = await db.$queryRaw<(ThemeRow & { slug: string })[]>`
    SELECT t."id", t."slug", t."name", t."scheme"::text AS "scheme", t."code",
      CASE WHEN upper(t."code") = upper(${text}) OR lower(t."name") = lower(${text}) THEN 0 WHEN t."name" ILIKE ${prefix} THEN 1 ELSE 2 END AS "rank"
    FROM "Theme" t
    WHERE t."name" ILIKE ${prefix} OR t."name" ILIKE ${`% ${prefix}`} OR t."name" ILIKE ${`%(${prefix}`} OR upper(t."code") = upper(${text})`;
  if (themes.length === 0) return [];
  const byKind = (kind: ThemeOption["kind"]) => themes.filter((t) => (t.scheme === "AFFECTED_PERSONS") === (kind === "affected"));
  const [theme, affected] = await Promise.all([
    themeOptions("theme", byKind("theme"), current, filters, scope, db),
    themeOptions("affected", byKind("affected"), current, filters, scope, db),
  ]);
  return [...theme, ...affected].sort((a, b) => a.rank - b.rank || b.option.count - a.option.count).slice(0, MAX_THEMES).map(({ option }) => option);
}

/** One option per theme name (case-insensitive), counted as the union of its schemes' recommendations. */
async function themeOptions(kind: ThemeOption["kind"], themes: (ThemeRow & { slug: string })[], current: URLSearchParams, filters: RecommendationFilters, scope: ViewerScope, db: Db) {
  if (themes.length === 0) return [];
  const rows = await db.$queryRaw<ThemeCountRow[]>`
    SELECT lower(t."name") AS "key", t."id" AS "themeId", count(DISTINCT r."id")::int AS count ${FROM}
    JOIN "RecommendationTheme" rt ON rt."recommendationId" = r."id" JOIN "Theme" t ON t."id" = rt."themeId"
    WHERE ${buildRecommendationWhere(filters, { ...scope, except: kind })} AND t."id" IN (${Prisma.join(themes.map((t) => t.id))})
    GROUP BY GROUPING SETS ((lower(t."name")), (t."id"))`;
  const groups = new Map<string, (ThemeRow & { slug: string })[]>();
  for (const theme of themes) {
    if (!rows.some((row) => row.themeId === theme.id && row.count > 0)) continue;
    const key = theme.name.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), theme]);
  }
  return [...groups].map(([key, members]) => {
    members.sort((a, b) => SCHEME_ORDER.indexOf(a.scheme) - SCHEME_ORDER.indexOf(b.scheme));
    const values = members.map((m) => (kind === "affected" ? m.slug.replace(/^affected:/, "") : m.slug));
    const option: ThemeOption = {
      kind,
      name: members[0]!.name,
      schemes: members.map(({ scheme, code }) => ({ scheme, code })),
      count: rows.find((row) => row.themeId === null && row.key === key)?.count ?? 0,
      href: withFilterValues(current, kind, values),
    };
    return { option, rank: Math.min(...members.map((m) => m.rank)) };
  });
}
