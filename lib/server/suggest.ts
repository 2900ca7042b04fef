import "server-only";
import { getDb, type Db } from "./db";

export type Suggestions = {
  states: { iso3: string; name: string }[];
  themes: { slug: string; name: string; scheme: string; code: string | null }[];
};

function likePrefix(q: string): string {
  return `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Prefix search for States and themes as the user types: a name starting with the text, or any word of it
 * ("kor" finds "Republic of Korea"), or an exact code ("GBR", "A12"). The tables are small; no index needed.
 */
export async function suggestFilters(q: string, db: Db = getDb()): Promise<Suggestions> {
  const text = q.trim().slice(0, 60);
  if (!text) return { states: [], themes: [] };
  const prefix = likePrefix(text);
  const wordPrefix = `% ${prefix}`;
  const [states, themes] = await Promise.all([
    db.$queryRaw<Suggestions["states"]>`
      SELECT "iso3", "name" FROM "Country"
      WHERE "name" ILIKE ${prefix} OR "name" ILIKE ${wordPrefix} OR "officialName" ILIKE ${wordPrefix} OR "iso3" = upper(${text})
      ORDER BY ("iso3" = upper(${text})) DESC, ("name" ILIKE ${prefix}) DESC, "name" LIMIT 8`,
    db.$queryRaw<Suggestions["themes"]>`
      SELECT "slug", "name", "scheme"::text AS "scheme", "code" FROM "Theme"
      WHERE "name" ILIKE ${prefix} OR "name" ILIKE ${wordPrefix} OR upper("code") = upper(${text})
      ORDER BY (upper("code") = upper(${text})) DESC, ("name" ILIKE ${prefix}) DESC, "name" LIMIT 8`,
  ]);
  return { states, themes };
}
