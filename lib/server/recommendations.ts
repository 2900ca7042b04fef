import "server-only";
import { filtersOf, type RecommendationFilters, type RecommendationQuery } from "@/lib/search-params";
import { getDb, type Db } from "./db";
import { Prisma } from "./generated/prisma/client";
import type { OfficialText } from "@/lib/recommendation-text";
import { officialTextsSql } from "./recommendation-texts";
import { buildRecommendationOrder, buildRecommendationWhere, tsQuery, type ViewerScope } from "./recommendation-where";

export type RecommendingStateDto = { iso3: string; name: string; region: string | null };
export type ThemeDto = { slug: string; scheme: string; code: string | null; name: string; primary: boolean };
/** Text split around the words a search matched, for highlighting without trusting any HTML. */
export type TextSegment = { text: string; match: boolean };

export type RecommendationRow = {
  id: number;
  reviewId: number;
  cycle: number;
  /** The review's date (the Working Group's session), YYYY-MM-DD; null where it is not recorded. */
  reviewDate: string | null;
  stateUnderReview: { iso3: string; name: string };
  paragraph: string | null;
  text: string;
  /** The language `text` is published in (BCP 47), e.g. "en". */
  textLanguage: string;
  /** Other official language versions, imported from UN documents; pick one with pickRecommendationText. */
  officialTexts: OfficialText[];
  highlight: TextSegment[] | null;
  recommendingStates: RecommendingStateDto[];
  /** Recommending States the source itself prints as unknown ("(Unknown)" in UPR Info): counted, never guessed. */
  unknownRecommendingStates: number;
  position: "SUPPORTED" | "SUPPORTED_IN_PART" | "NOTED" | null;
  responseWording: string | null;
  themes: ThemeDto[];
  actionCategory: number | null;
  actionCategorySource: string | null;
  /** How the effective category was set; the rule version when it was derived from the text. */
  actionCategoryMethod: "SOURCE" | "DERIVED" | "OVERRIDE" | null;
  actionCategoryRules: string | null;
  /** Every category the `action` filter finds it under: its own and its States' parts', or an override alone. */
  actionCategories: number[];
  /**
   * The original category of each of its States' parts, in printed order (lib/action-category/parts.ts; one part unless
   * the paragraph merges several States' recommendations): `categorisedParts` pairs them with the parts' texts.
   */
  partActionCategories: number[];
  source: { document: string; reportSymbol: string | null; addendumSymbol: string | null; positionSource: string | null };
};

export type Paginated<T> = { total: number; page: number; pageSize: number; items: T[] };

export type RawRow = Omit<RecommendationRow, "highlight" | "stateUnderReview" | "source" | "reviewDate"> & {
  reviewDate: Date | null;
  surIso3: string;
  surName: string;
  headline: string | null;
  fileName: string;
  reportSymbol: string | null;
  addendumSymbol: string | null;
  positionSource: string | null;
};

const OPEN = "\u27e6";
const CLOSE = "\u27e7";

export function toSegments(headline: string): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const piece of headline.split(OPEN)) {
    const [matched, rest] = piece.includes(CLOSE) ? piece.split(CLOSE, 2) : [null, piece];
    if (matched) segments.push({ text: matched, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}

/** Columns of one row, with its States and themes aggregated in the same statement (no N+1). */
export function rowSelect(search: Pick<RecommendationFilters, "q" | "variants"> | null): Prisma.Sql {
  // The same tsquery as the filter, so every form it matched (variants and prefixes too) is marked.
  const headline = search?.q
    ? Prisma.sql`ts_headline('english', r."text", ${tsQuery(search.q, search.variants)}, ${`StartSel=${OPEN}, StopSel=${CLOSE}, HighlightAll=true`})`
    : Prisma.sql`NULL`;
  return Prisma.sql`
    r."id", r."reviewId", v."cycle", v."reviewDate", v."stateUnderReviewIso3" AS "surIso3", sc."name" AS "surName",
    r."paragraph", r."text", r."textLanguage", r."unknownRecommendingStates", r."position"::text AS "position", r."responseWording", r."positionSource",
    r."actionCategory", r."actionCategorySource", r."actionCategoryMethod"::text AS "actionCategoryMethod", r."actionCategoryRules", r."actionCategories", r."partActionCategories", sd."fileName", v."reportSymbol", v."addendumSymbol",
    ${headline} AS "headline",
    ${officialTextsSql("r")} AS "officialTexts",
    COALESCE((SELECT json_agg(json_build_object('iso3', c."iso3", 'name', c."name", 'region', c."regionalGroup") ORDER BY rs."ordinal")
      FROM "RecommendationState" rs JOIN "Country" c ON c."iso3" = rs."countryIso3" WHERE rs."recommendationId" = r."id"), '[]') AS "recommendingStates",
    COALESCE((SELECT json_agg(json_build_object('slug', t."slug", 'scheme', t."scheme", 'code', t."code", 'name', t."name", 'primary', rt."primary")
        ORDER BY rt."primary" DESC, t."scheme", t."code", t."name")
      FROM "RecommendationTheme" rt JOIN "Theme" t ON t."id" = rt."themeId" WHERE rt."recommendationId" = r."id"), '[]') AS "themes"`;
}

export const FROM = Prisma.sql`FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"`;
export const DETAIL_JOINS = Prisma.sql`JOIN "Country" sc ON sc."iso3" = v."stateUnderReviewIso3" JOIN "SourceDocument" sd ON sd."id" = r."sourceDocumentId"`;

export function toRow(raw: RawRow): RecommendationRow {
  return {
    id: raw.id,
    reviewId: raw.reviewId,
    cycle: raw.cycle,
    reviewDate: raw.reviewDate ? raw.reviewDate.toISOString().slice(0, 10) : null,
    stateUnderReview: { iso3: raw.surIso3, name: raw.surName },
    paragraph: raw.paragraph,
    text: raw.text,
    textLanguage: raw.textLanguage,
    officialTexts: raw.officialTexts,
    highlight: raw.headline ? toSegments(raw.headline) : null,
    recommendingStates: raw.recommendingStates,
    unknownRecommendingStates: raw.unknownRecommendingStates,
    position: raw.position,
    responseWording: raw.responseWording,
    themes: raw.themes,
    actionCategory: raw.actionCategory,
    actionCategorySource: raw.actionCategorySource,
    actionCategoryMethod: raw.actionCategoryMethod,
    actionCategoryRules: raw.actionCategoryMethod === "DERIVED" ? raw.actionCategoryRules : null,
    actionCategories: raw.actionCategories,
    partActionCategories: raw.partActionCategories,
    source: { document: raw.fileName, reportSymbol: raw.reportSymbol, addendumSymbol: raw.addendumSymbol, positionSource: raw.positionSource },
  };
}

/**
 * The SQL of one page, exported so the benchmark can time the very same statement through raw `pg`. `scope` names the
 * organisations whose private assessments the caller may read (from the session), for `statusOf=mine`.
 */
export function recommendationPageSql(query: RecommendationQuery, scope: ViewerScope = {}): { page: Prisma.Sql; count: Prisma.Sql } {
  const where = buildRecommendationWhere(filtersOf(query), scope);
  const order = buildRecommendationOrder(query.sort, query);
  const offset = (query.page - 1) * query.pageSize;
  // The page's ids first (a top-N sort, no window over every match), then their details in the same order.
  const page = Prisma.sql`
    WITH page AS (
      SELECT r."id" ${FROM} WHERE ${where} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${offset}
    )
    SELECT ${rowSelect(query)}
    FROM page p JOIN "Recommendation" r ON r."id" = p."id" JOIN "Review" v ON v."id" = r."reviewId" ${DETAIL_JOINS}
    ORDER BY ${order}`;
  const count = Prisma.sql`SELECT count(*)::int AS "total" ${FROM} WHERE ${where}`;
  return { page, count };
}

/**
 * One page of recommendations for the explorer and the API: filter, count and page run in PostgreSQL. `total`, when
 * given, is the selection's count already being made elsewhere (the explorer's facets count it); null there, or no
 * `total`, counts it here.
 */
export async function listRecommendations(
  query: RecommendationQuery,
  scope: ViewerScope = {},
  db: Db = getDb(),
  options: { total?: Promise<number | null> } = {},
): Promise<Paginated<RecommendationRow>> {
  const sql = recommendationPageSql(query, scope);
  const count = async (): Promise<number> => (await options.total) ?? (await db.$queryRaw<{ total: number }[]>(sql.count))[0]?.total ?? 0;
  const [rows, total] = await Promise.all([db.$queryRaw<RawRow[]>(sql.page), count()]);
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(toRow) };
}

export async function getRecommendation(id: number, db: Db = getDb()): Promise<RecommendationRow | null> {
  const rows = await db.$queryRaw<RawRow[]>`SELECT ${rowSelect(null)} ${FROM} ${DETAIL_JOINS} WHERE r."id" = ${id}`;
  return rows[0] ? toRow(rows[0]) : null;
}
