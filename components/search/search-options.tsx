import { getTranslations } from "next-intl/server";
import type { RecommendationQuery } from "@/lib/search-params";

/** Under the search box: how prefixes, spellings and Chinese terms are searched, and the switch to the exact words. */
export async function SearchOptions({ query }: { query: RecommendationQuery }) {
  const t = await getTranslations("search.options");
  return (
    <>
      <p className="hint">{t("hint")}</p>
      <label className="search-option">
        {/* Keyed by the value, so a link that changes it (not only the form) redraws the box checked or not. */}
        <input key={query.variants} type="checkbox" name="variants" value="off" defaultChecked={query.variants === "off"} data-testid="variants-off" /> {t("exactWords")}
      </label>
    </>
  );
}
