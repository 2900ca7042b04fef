import "server-only";
import { COUNTRIES } from "@/lib/countries";
import { countryName } from "@/lib/i18n/countries";
import type { Locale } from "@/lib/i18n/routing";
import { getDb, type Db } from "./db";

export type Suggestions = {
  states: { iso3: string; name: string }[];
  themes: { slug: string; name: string; scheme: string; code: string | null }[];
};

function likePrefix(q: string): string {
  return `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const MAX_SUGGESTIONS = 8;

/**
 * Prefix search for States and themes as the user types: a name starting with the text, or any word of it
 * ("kor" finds "Republic of Korea"), or an exact code ("GBR", "A12"). The tables are small; no index needed.
 * In Chinese, State names are also matched and answered in Chinese ("韩" finds 韩国, "kor" answers 韩国 and 朝鲜);
 * theme names are data and stay as the documents print them.
 */
export async function suggestFilters(q: string, locale: Locale = "en", db: Db = getDb()): Promise<Suggestions> {
  const text = q.trim().slice(0, 60);
  if (!text) return { states: [], themes: [] };
  const prefix = likePrefix(text);
  const wordPrefix = `% ${prefix}`;
  const [states, themes] = await Promise.all([
    db.$queryRaw<Suggestions["states"]>`
      SELECT "iso3", "name" FROM "Country"
      WHERE "name" ILIKE ${prefix} OR "name" ILIKE ${wordPrefix} OR "officialName" ILIKE ${wordPrefix} OR "iso3" = upper(${text})
      ORDER BY ("iso3" = upper(${text})) DESC, ("name" ILIKE ${prefix}) DESC, "name" LIMIT ${MAX_SUGGESTIONS}`,
    db.$queryRaw<Suggestions["themes"]>`
      SELECT "slug", "name", "scheme"::text AS "scheme", "code" FROM "Theme"
      WHERE "name" ILIKE ${prefix} OR "name" ILIKE ${wordPrefix} OR upper("code") = upper(${text})
      ORDER BY (upper("code") = upper(${text})) DESC, ("name" ILIKE ${prefix}) DESC, "name" LIMIT ${MAX_SUGGESTIONS}`,
  ]);
  return { states: locale === "en" ? states : inLanguage(states, text, locale), themes };
}

/** The English matches named in `locale`, then the States whose name in `locale` contains the text. */
function inLanguage(states: Suggestions["states"], text: string, locale: Locale): Suggestions["states"] {
  const found = new Map(states.map(({ iso3 }) => [iso3, countryName(iso3, locale)]));
  for (const { iso3 } of COUNTRIES) {
    const name = countryName(iso3, locale);
    if (found.size < MAX_SUGGESTIONS && name.includes(text)) found.set(iso3, name);
  }
  return [...found].map(([iso3, name]) => ({ iso3, name }));
}
