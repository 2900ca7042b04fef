import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";
import { filtersOf, toSearchString, type RecommendationQuery } from "@/lib/search-params";
import type { ViewerScope } from "@/lib/server/recommendation-where";
import { getSearchNotes } from "@/lib/server/search-notes";

/**
 * Beside the total: what a Chinese query was searched as (the texts are in English), which other spellings matched
 * and how many results each brought, with a link to the exact words only (or back). Spellings that matched nothing
 * more are not named: switching them off would change nothing.
 */
export async function SearchNotes({ query, scope }: { query: RecommendationQuery; scope: ViewerScope }) {
  const [notes, t] = await Promise.all([getSearchNotes(filtersOf(query), scope), getTranslations("search.notes")]);
  if (!notes) return null;
  const list = (items: string[]) => items.join(t("separator"));
  const href = (variants: RecommendationQuery["variants"]) => `/recommendations${toSearchString({ ...query, variants, page: 1 })}`;
  const matched = notes.matched.filter((v) => v.count > 0);
  const lines: ReactNode[] = [];
  if (notes.translations.length > 0) {
    lines.push(t("translated", { terms: list(notes.translations.map((term) => term.english.join(t("alternatives")))) }));
  }
  if (notes.untranslated.length > 0) lines.push(t("untranslated", { terms: list(notes.untranslated) }));
  if (matched.length > 0) {
    lines.push(
      <>
        {t("alsoMatched", { forms: list(matched.map((v) => t("formCount", { form: v.form, count: v.count }))) })}{" "}
        <Link href={href("off")} data-testid="variants-exact">
          {t("exactOnly")}
        </Link>
      </>,
    );
  }
  if (notes.excluded.length > 0) lines.push(t("alsoExcluded", { forms: list(notes.excluded) }));
  if (notes.offered.length > 0) {
    lines.push(
      <>
        {t("variantsOff")}{" "}
        <Link href={href("on")} data-testid="variants-on">
          {t("variantsOn", { forms: list(notes.offered) })}
        </Link>
      </>,
    );
  }
  if (lines.length === 0) return null;
  return (
    <ul className="search-notes" aria-label={t("label")} data-testid="search-notes">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
