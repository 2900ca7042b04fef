import { useTranslations } from "next-intl";

const CATEGORIES = ["1", "2", "3", "4", "5"] as const;

/**
 * What UPR Info's five action categories mean, and how this app sets them, wherever a category is shown or filtered
 * (the explorer's filter, the recommendation page, the charts). A native disclosure: it opens with Enter or Space and
 * without JavaScript, and stays shut so the definitions never push the filters or charts out of view.
 */
export function ActionCategoryDefinitions() {
  const t = useTranslations("actionCategories.definitions");
  const terms = useTranslations("terms");
  return (
    <details className="action-definitions" data-testid="action-definitions">
      <summary>{t("summary")}</summary>
      <p>{t("intro")}</p>
      <dl>
        {CATEGORIES.map((category) => (
          <div key={category}>
            <dt>{terms("actionCategoryNumbered", { category, label: terms(`actionCategory.${category}`) })}</dt>
            <dd>{t(category)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t("how")}</p>
    </details>
  );
}
