import "server-only";
import { getDb, type Db } from "./db";

/**
 * The names of the themes and affected persons a filter names by slug ("uhri:a12" → "A12 Acceptance of international
 * norms"), for chips and chart headings; a slug that names no theme is left out (the caller shows it as given).
 */
export async function listThemeNames(slugs: readonly string[], db: Db = getDb()): Promise<Map<string, string>> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return new Map();
  const themes = await db.theme.findMany({ where: { slug: { in: unique } }, select: { slug: true, code: true, name: true, scheme: true } });
  return new Map(themes.map((theme) => [theme.slug, theme.code && theme.scheme === "UHRI_CODED" ? `${theme.code} ${theme.name}` : theme.name]));
}
