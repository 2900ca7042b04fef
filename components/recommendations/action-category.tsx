import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { clearActionCategoryAction, setActionCategoryAction } from "@/lib/actions/action-categories";
import { allowedRole, CAN_WRITE } from "@/lib/auth/roles";
import { getActionCategory } from "@/lib/server/action-categories";
import { getViewer } from "@/lib/server/permissions";
import { ActionCategoryForm, ClearOverrideButton } from "./action-category-form";

/**
 * UPR Info's 1–5 scale, explained, since a bare number means nothing to most readers: the effective category, how it
 * was set (the source's, derived from the text, or an organisation's override with its reason), and for editors and
 * owners a form to override it or clear their organisation's override.
 */
export async function ActionCategory({ recommendationId }: { recommendationId: number }): Promise<ReactElement | null> {
  const [view, viewer, t, terms, format] = await Promise.all([
    getActionCategory(recommendationId),
    getViewer(),
    getTranslations("detail.action"),
    getTranslations("terms"),
    getFormatter(),
  ]);
  if (!view) return null;
  const { override, original } = view;
  const label = (category: number): string =>
    t("label", { category, name: terms.has(`actionCategory.${category}`) ? terms(`actionCategory.${category}`) : t("unknown") });
  const sourceLabel = (source: string | null): string => (source ? t("source", { source }) : t("sourceNotRecorded"));
  const derivedLabel = (rules: string | null): string => (rules ? t("derived", { rules }) : t("derivedBare"));
  const methodLabel = (method: string | null, rules: string | null): string =>
    method === "derived" ? derivedLabel(rules) : method === "override" ? t("overriddenMethod") : sourceLabel(original.source);
  const writable = (viewer?.memberships ?? []).filter((m) => CAN_WRITE.includes(m.role)).map((m) => ({ id: m.organizationId, name: m.organizationName }));
  const mayClear = override !== null && allowedRole(viewer?.memberships ?? [], override.organization.id, CAN_WRITE) !== null;
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
      {mayClear ? (
        <ClearOverrideButton action={clearActionCategoryAction.bind(null, recommendationId)} original={original.category === null ? t("noCategory") : label(original.category)} />
      ) : null}
    </div>
  );
}
