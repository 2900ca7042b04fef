import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { actionTerm, type TermsTranslator } from "@/components/explorer/term-labels";
import type { CategorisedPart } from "@/lib/action-category";
import { countryName } from "@/lib/i18n/countries";

type Props = {
  parts: CategorisedPart[];
  /** The language the parts are printed in (the published text's). */
  language: string;
  /** Every category the filters find the paragraph under. */
  categories: number[];
  overridden: boolean;
};

/**
 * A paragraph that joins several States' recommendations, part by part: each as printed, the States that made it and
 * its own action category, then the categories the explorer finds the paragraph under. Nothing for a single part.
 */
export async function RecommendationParts({ parts, language, categories, overridden }: Props): Promise<ReactElement | null> {
  if (parts.length <= 1) return null;
  const [t, terms, format, locale] = await Promise.all([
    getTranslations("actionCategories.parts"),
    getTranslations("terms") as Promise<TermsTranslator>,
    getFormatter(),
    getLocale(),
  ]);
  const states = (iso3s: string[]): string => format.list(iso3s.map((iso3) => countryName(iso3, locale)), { type: "conjunction" });
  return (
    <section aria-labelledby="parts-heading" data-testid="recommendation-parts">
      <h2 id="parts-heading">{t("heading")}</h2>
      <p>{t("intro", { count: parts.length })}</p>
      <ol className="recommendation-parts">
        {parts.map((part, i) => (
          <li key={i} data-testid="recommendation-part">
            <p className="part-text" lang={language}>
              {part.text}
            </p>
            <p className="part-facts">
              <span className="muted">{t("states", { states: states(part.states) })}</span>
              {" · "}
              <strong data-testid="part-category">{part.actionCategory === null ? t("noCategory") : actionTerm(terms, part.actionCategory)}</strong>
            </p>
          </li>
        ))}
      </ol>
      <p data-testid="parts-found-under">{t("foundUnder", { categories: format.list(categories.map((c) => actionTerm(terms, c)), { type: "conjunction" }) })}</p>
      {overridden ? <p className="notice">{t("overridden")}</p> : null}
    </section>
  );
}
