import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { clearActionCategoryAction, setActionCategoryAction } from "@/lib/actions/action-categories";
import type { NamedOrganization } from "@/lib/auth/recommendation-permissions";
import type { ActionCategoryView } from "@/lib/server/action-categories";
import { ActionCategoryForm, ClearOverrideButton } from "./action-category-form";

type Props = {
  recommendationId: number;
  view: ActionCategoryView;
  /** What the viewer may do, from the policy (lib/auth/recommendation-permissions.ts). */
  may: { correct: NamedOrganization[]; clear: boolean; correctionStandsBy: string | null };
};

/**
 * UPR Info's 1–5 scale, explained, since a bare number means nothing to most readers: the effective category, how it
 * was set (the source's, derived from the text, or an organisation's override with its reason), and for editors and
 * owners a form to override it or clear their organisation's override. Another organisation's correction is never
 * replaced: its editors are told whose correction stands instead of getting the form.
 */
export async function ActionCategory({ recommendationId, view, may }: Props): Promise<ReactElement> {
  const [t, terms, format] = await Promise.all([getTranslations("detail.action"), getTranslations("terms"), getFormatter()]);
  const { override, original } = view;
  const label = (category: number): string =>
    t("label", { category, name: terms.has(`actionCategory.${category}`) ? terms(`actionCategory.${category}`) : t("unknown") });
  const sourceLabel = (source: string | null): string => (source ? t("source", { source }) : t("sourceNotRecorded"));
  const derivedLabel = (rules: string | null): string => (rules ? t("derived", { rules }) : t("derivedBare"));
  const methodLabel = (method: string | null, rules: string | null): string =>
    method === "derived" ? derivedLabel(rules) : method === "override" ? t("overriddenMethod") : sourceLabel(original.source);
  const writable = may.correct.map((m) => ({ id: m.organizationId, name: m.organizationName }));
  const categoryOptions = [1, 2, 3, 4, 5].map((value) => ({ value, label: label(value) }));
  return (
    <div data-testid="action-category">
      {view.category === null ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <p>
          <strong>{label(view.category)}</strong>{" "}
          <span className="muted">
            · <span data-testid="action-category-method">{view.method === "source" ? sourceLabel(original.source) : methodLabel(view.method, original.rules)}</span>
          </span>
        </p>
      )}
      {override ? (
        <p data-testid="action-category-override">
          {t.rich("overridden", {
            organization: override.organization.name,
            date: () => (
              <time dateTime={override.createdAt}>{format.dateTime(new Date(override.createdAt), { year: "numeric", month: "short", day: "numeric" })}</time>
            ),
            reason: override.reason,
          })}
          {original.category !== null ? (
            <>
              <br />
              <span className="muted">
                {t("was", { category: label(original.category), method: original.method === "derived" ? derivedLabel(original.rules) : sourceLabel(original.source) })}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      <p className="muted">{t("explain")}</p>
      {writable.length > 0 ? (
        <details>
          <summary>{t("change")}</summary>
          <ActionCategoryForm action={setActionCategoryAction.bind(null, recommendationId)} organizations={writable} categories={categoryOptions} />
        </details>
      ) : null}
      {may.correctionStandsBy ? (
        <p className="notice" data-testid="action-category-stands">
          {t("standsElsewhere", { organization: may.correctionStandsBy })}
        </p>
      ) : null}
      {may.clear ? (
        <ClearOverrideButton action={clearActionCategoryAction.bind(null, recommendationId)} original={original.category === null ? t("noCategory") : label(original.category)} />
      ) : null}
    </div>
  );
}
