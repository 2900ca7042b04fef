import type { ReactElement } from "react";
import { clearActionCategoryAction, setActionCategoryAction } from "@/lib/actions/action-categories";
import { allowedRole, CAN_WRITE } from "@/lib/auth/roles";
import { ACTION_CATEGORY_LABELS, actionCategoryMethodLabel } from "@/lib/labels";
import { getActionCategory } from "@/lib/server/action-categories";
import { getViewer } from "@/lib/server/permissions";
import { ActionCategoryForm, ClearOverrideButton } from "./action-category-form";

const sourceLabel = (source: string | null): string => `source: ${source ?? "not recorded"}`;
const label = (category: number): string => `${category} – ${ACTION_CATEGORY_LABELS[category] ?? "Unknown category"}`;

/**
 * UPR Info's 1–5 scale, explained, since a bare number means nothing to most readers: the effective category, how it
 * was set (the source's, derived from the text, or an organisation's override with its reason), and for editors and
 * owners a form to override it or clear their organisation's override.
 */
export async function ActionCategory({ recommendationId }: { recommendationId: number }): Promise<ReactElement | null> {
  const [view, viewer] = await Promise.all([getActionCategory(recommendationId), getViewer()]);
  if (!view) return null;
  const writable = (viewer?.memberships ?? []).filter((m) => CAN_WRITE.includes(m.role)).map((m) => ({ id: m.organizationId, name: m.organizationName }));
  const { override, original } = view;
  const mayClear = override !== null && allowedRole(viewer?.memberships ?? [], override.organization.id, CAN_WRITE) !== null;
  return (
    <div data-testid="action-category">
      {view.category === null ? (
        <p className="muted">The source of this recommendation assigns no action category.</p>
      ) : (
        <p>
          <strong>{label(view.category)}</strong>{" "}
          <span className="muted">
            · <span data-testid="action-category-method">{view.method === "source" ? sourceLabel(original.source) : actionCategoryMethodLabel(view.method, original.rules)}</span>
          </span>
        </p>
      )}
      {override ? (
        <p data-testid="action-category-override">
          Overridden by {override.organization.name} on <time dateTime={override.createdAt}>{override.createdAt.slice(0, 10)}</time>: {override.reason}
          {original.category !== null ? (
            <>
              <br />
              <span className="muted">
                Was {label(original.category)}, {original.method === "derived" ? actionCategoryMethodLabel("derived", original.rules) : sourceLabel(original.source)}.
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      <p className="muted">
        UPR Info&rsquo;s scale of how specific the action asked is, from 1 (minimal action) to 5 (specific action). A derived category is read from
        the recommendation&rsquo;s opening verb by a documented rule table.
      </p>
      {writable.length > 0 ? (
        <details>
          <summary>Change the action category</summary>
          <ActionCategoryForm action={setActionCategoryAction.bind(null, recommendationId)} organizations={writable} />
        </details>
      ) : null}
      {mayClear ? <ClearOverrideButton action={clearActionCategoryAction.bind(null, recommendationId)} original={original.category === null ? "no category" : label(original.category)} /> : null}
    </div>
  );
}
