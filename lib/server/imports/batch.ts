import "server-only";
import type { ThemeRef } from "@/lib/import/types";
import { themeKey, themeSlug } from "@/lib/themes";
import type { Prisma } from "../generated/prisma/client";
import { actionCategoriesOf, themeRefKey, type RowFields, type StoredRow, type ThemeLink } from "./rows";

/**
 * The writer's set-based statements: each takes one array per column and writes many rows with one
 * `INSERT … SELECT … FROM unnest(…)` or `UPDATE … FROM unnest(…)`, so an import costs a few statements per review
 * instead of several per recommendation. Plain PostgreSQL, so the embedded database runs the same SQL.
 */

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** Rows per statement: bounds the size of one message to the server on a very large review. */
const CHUNK = 5_000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += CHUNK) out.push(rows.slice(at, at + CHUNK));
  return out;
}

/** The stored rows of these source keys, with their recommending States (in order) and theme links (by theme id). */
export async function readStoredRows(tx: Tx, sourceKeys: readonly string[]): Promise<Map<string, StoredRow>> {
  const stored = new Map<string, StoredRow>();
  for (const keys of chunks(sourceKeys)) {
    const rows = await tx.$queryRaw<StoredRow[]>`
      SELECT r."id", r."sourceKey", r."reviewId", r."sourceDocumentId", r."paragraph", r."ordinal", r."text", r."textLanguage",
        r."position"::text AS "position", r."responseWording", r."responseWordingSource", r."unknownRecommendingStates", r."positionSource",
        r."actionCategory", r."actionCategorySource", r."actionCategoryMethod"::text AS "actionCategoryMethod", r."actionCategoryRules",
        r."originalActionCategory", r."partActionCategories",
        COALESCE((SELECT array_agg(rs."countryIso3" ORDER BY rs."ordinal") FROM "RecommendationState" rs WHERE rs."recommendationId" = r."id"), '{}') AS "states",
        COALESCE((SELECT array_agg(rt."themeId" ORDER BY rt."themeId") FROM "RecommendationTheme" rt WHERE rt."recommendationId" = r."id"), '{}') AS "themeIds",
        COALESCE((SELECT array_agg(rt."primary" ORDER BY rt."themeId") FROM "RecommendationTheme" rt WHERE rt."recommendationId" = r."id"), '{}') AS "themePrimary"
      FROM "Recommendation" r WHERE r."sourceKey" = ANY(${keys}::text[])`;
    for (const row of rows) stored.set(row.sourceKey, row);
  }
  return stored;
}

/**
 * The ids of these themes, creating the missing ones. Themes are shared by every document, keyed by scheme and key.
 * `known` holds ids already committed (themes are never deleted), so most reviews of a file ask nothing.
 */
export async function upsertThemes(tx: Tx, themes: Iterable<ThemeRef>, known: ReadonlyMap<string, number> = new Map()): Promise<Map<string, number>> {
  const distinct = new Map<string, ThemeRef>();
  for (const theme of themes) distinct.set(themeRefKey(theme), theme);
  if ([...distinct.keys()].every((key) => known.has(key))) return new Map([...distinct.keys()].map((key) => [key, known.get(key)!]));
  const wanted = [...distinct.values()];
  const find = async (): Promise<Map<string, number>> => {
    const rows = await tx.$queryRaw<{ id: number; key: string }[]>`
      SELECT t."id", t."scheme"::text || ':' || t."key" AS "key" FROM "Theme" t
      JOIN unnest(${wanted.map((t) => t.scheme)}::text[], ${wanted.map((t) => themeKey(t))}::text[]) AS u("scheme", "key")
        ON t."scheme"::text = u."scheme" AND t."key" = u."key"`;
    return new Map(rows.map((row) => [row.key, row.id]));
  };
  if (wanted.length === 0) return new Map();
  let ids = await find();
  const missing = wanted.filter((theme) => !ids.has(themeRefKey(theme)));
  if (missing.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "Theme" ("scheme", "code", "name", "key", "slug")
      SELECT u."scheme"::"ThemeScheme", u."code", u."name", u."key", u."slug"
      FROM unnest(${missing.map((t) => t.scheme)}::text[], ${missing.map((t) => t.code)}::text[], ${missing.map((t) => t.name)}::text[],
        ${missing.map((t) => themeKey(t))}::text[], ${missing.map((t) => themeSlug(t))}::text[]) AS u("scheme", "code", "name", "key", "slug")
      ON CONFLICT DO NOTHING`;
    ids = await find();
  }
  for (const [key, theme] of distinct) {
    // Two names that differ only in punctuation share a slug; say so rather than drop the link.
    if (!ids.has(key)) throw new Error(`theme "${theme.name}" clashes with an existing theme of the same public identifier ${themeSlug(theme)}`);
  }
  return ids;
}

export type NewRow = { sourceKey: string; fields: RowFields; states: readonly string[]; links: readonly ThemeLink[]; regions: string[] };

/** PostgreSQL's array literal of simple values (enum names, integers), for a per-row array column passed as text. */
function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(",")}}`;
}

/**
 * Inserts new recommendations with their recommending States and theme links in one statement per chunk (the join
 * rows find their recommendation by source key through data-modifying CTEs), search arrays (regions, themes, action
 * categories) computed already.
 */
export async function insertRecommendations(tx: Tx, reviewId: number, sourceDocumentId: number, rows: readonly NewRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    const col = <T>(pick: (f: RowFields) => T): T[] => part.map((row) => pick(row.fields));
    const states = part.flatMap((row) => row.states.map((iso3, ordinal) => ({ sourceKey: row.sourceKey, iso3, ordinal })));
    const links = part.flatMap((row) => row.links.map((link) => ({ sourceKey: row.sourceKey, ...link })));
    await tx.$executeRaw`
      WITH ins AS (
        INSERT INTO "Recommendation" ("reviewId", "sourceDocumentId", "sourceKey", "paragraph", "ordinal", "text", "textLanguage", "position",
          "responseWording", "unknownRecommendingStates", "positionSource", "actionCategory", "actionCategorySource", "actionCategoryMethod",
          "actionCategoryRules", "originalActionCategory", "partActionCategories", "actionCategories", "recommendingRegions", "themeIds", "updatedAt")
        SELECT ${reviewId}::int, ${sourceDocumentId}::int, u."sourceKey", u."paragraph", u."ordinal", u."text", u."textLanguage", u."position"::"Position",
          u."responseWording", u."unknown", u."positionSource", u."category", u."categorySource", u."method"::"ActionCategoryMethod",
          u."rules", u."original", u."parts"::int[], u."categories"::int[], u."regions"::"RegionalGroup"[], u."themeIds"::int[], now()
        FROM unnest(${part.map((row) => row.sourceKey)}::text[], ${col((f) => f.paragraph)}::text[], ${col((f) => f.ordinal)}::int[],
          ${col((f) => f.text)}::text[], ${col((f) => f.textLanguage)}::text[], ${col((f) => f.position)}::text[],
          ${col((f) => f.responseWording)}::text[], ${col((f) => f.unknownRecommendingStates)}::int[], ${col((f) => f.positionSource)}::text[],
          ${col((f) => f.actionCategory)}::int[], ${col((f) => f.actionCategorySource)}::text[], ${col((f) => f.actionCategoryMethod)}::text[],
          ${col((f) => f.actionCategoryRules)}::text[], ${col((f) => f.originalActionCategory)}::int[],
          ${col((f) => arrayLiteral(f.partActionCategories))}::text[], ${col((f) => arrayLiteral(actionCategoriesOf(f)))}::text[],
          ${part.map((row) => arrayLiteral(row.regions))}::text[], ${part.map((row) => arrayLiteral(row.links.map((link) => link.themeId)))}::text[])
          AS u("sourceKey", "paragraph", "ordinal", "text", "textLanguage", "position", "responseWording", "unknown", "positionSource",
            "category", "categorySource", "method", "rules", "original", "parts", "categories", "regions", "themeIds")
        RETURNING "id", "sourceKey"
      ), states AS (
        INSERT INTO "RecommendationState" ("recommendationId", "countryIso3", "ordinal")
        SELECT ins."id", s."iso3", s."ordinal"
        FROM unnest(${states.map((r) => r.sourceKey)}::text[], ${states.map((r) => r.iso3)}::text[], ${states.map((r) => r.ordinal)}::int[]) AS s("sourceKey", "iso3", "ordinal")
        JOIN ins ON ins."sourceKey" = s."sourceKey"
      )
      INSERT INTO "RecommendationTheme" ("recommendationId", "themeId", "primary")
      SELECT ins."id", t."themeId", t."primary"
      FROM unnest(${links.map((r) => r.sourceKey)}::text[], ${links.map((r) => r.themeId)}::int[], ${links.map((r) => r.primary)}::boolean[]) AS t("sourceKey", "themeId", "primary")
      JOIN ins ON ins."sourceKey" = t."sourceKey"`;
  }
}

export type ChangedRow = { id: number; fields: RowFields };

/**
 * Rewrites the columns of changed rows (moving them to this review and document). The search arrays (the regions, the
 * themes and the action categories) are refreshed after.
 */
export async function updateRecommendations(tx: Tx, reviewId: number, sourceDocumentId: number, rows: readonly ChangedRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    const col = <T>(pick: (f: RowFields) => T): T[] => part.map((row) => pick(row.fields));
    await tx.$executeRaw`
      UPDATE "Recommendation" r SET "reviewId" = ${reviewId}::int, "sourceDocumentId" = ${sourceDocumentId}::int, "paragraph" = u."paragraph",
        "ordinal" = u."ordinal", "text" = u."text", "textLanguage" = u."textLanguage", "position" = u."position"::"Position",
        "responseWording" = u."responseWording", "unknownRecommendingStates" = u."unknown", "positionSource" = u."positionSource",
        "actionCategory" = u."category", "actionCategorySource" = u."categorySource", "actionCategoryMethod" = u."method"::"ActionCategoryMethod",
        "actionCategoryRules" = u."rules", "originalActionCategory" = u."original", "partActionCategories" = u."parts"::int[], "updatedAt" = now()
      FROM unnest(${part.map((row) => row.id)}::int[], ${col((f) => f.paragraph)}::text[], ${col((f) => f.ordinal)}::int[],
        ${col((f) => f.text)}::text[], ${col((f) => f.textLanguage)}::text[], ${col((f) => f.position)}::text[],
        ${col((f) => f.responseWording)}::text[], ${col((f) => f.unknownRecommendingStates)}::int[], ${col((f) => f.positionSource)}::text[],
        ${col((f) => f.actionCategory)}::int[], ${col((f) => f.actionCategorySource)}::text[], ${col((f) => f.actionCategoryMethod)}::text[],
        ${col((f) => f.actionCategoryRules)}::text[], ${col((f) => f.originalActionCategory)}::int[],
        ${col((f) => arrayLiteral(f.partActionCategories))}::text[])
        AS u("id", "paragraph", "ordinal", "text", "textLanguage", "position", "responseWording", "unknown", "positionSource",
          "category", "categorySource", "method", "rules", "original", "parts")
      WHERE r."id" = u."id"`;
  }
}

export type StateRow = { recommendationId: number; countryIso3: string; ordinal: number };
export type ThemeRow = ThemeLink & { recommendationId: number };

/** Replaces the recommending-State rows of `replaced` recommendations (none for new ones) with `rows`. */
export async function writeStates(tx: Tx, replaced: readonly number[], rows: readonly StateRow[]): Promise<void> {
  if (replaced.length > 0) await tx.$executeRaw`DELETE FROM "RecommendationState" WHERE "recommendationId" = ANY(${replaced}::int[])`;
  for (const part of chunks(rows)) {
    await tx.$executeRaw`
      INSERT INTO "RecommendationState" ("recommendationId", "countryIso3", "ordinal")
      SELECT * FROM unnest(${part.map((r) => r.recommendationId)}::int[], ${part.map((r) => r.countryIso3)}::text[], ${part.map((r) => r.ordinal)}::int[])`;
  }
}

/** Replaces the theme links of `replaced` recommendations (none for new ones) with `rows`. */
export async function writeThemes(tx: Tx, replaced: readonly number[], rows: readonly ThemeRow[]): Promise<void> {
  if (replaced.length > 0) await tx.$executeRaw`DELETE FROM "RecommendationTheme" WHERE "recommendationId" = ANY(${replaced}::int[])`;
  for (const part of chunks(rows)) {
    await tx.$executeRaw`
      INSERT INTO "RecommendationTheme" ("recommendationId", "themeId", "primary")
      SELECT * FROM unnest(${part.map((r) => r.recommendationId)}::int[], ${part.map((r) => r.themeId)}::int[], ${part.map((r) => r.primary)}::boolean[])`;
  }
}
