import { ACTION_CATEGORY_LABELS } from "@/lib/labels";
import type { RecommendationRow } from "@/lib/server/recommendations";

/** UPR Info's 1–5 scale, explained, since a bare number means nothing to most readers. */
export function ActionCategory({ recommendation }: { recommendation: RecommendationRow }) {
  const { actionCategory, actionCategorySource } = recommendation;
  if (actionCategory === null) {
    return <p className="muted">The source of this recommendation assigns no action category.</p>;
  }
  return (
    <>
      <p>
        <strong>
          {actionCategory} &ndash; {ACTION_CATEGORY_LABELS[actionCategory] ?? "Unknown category"}
        </strong>{" "}
        <span className="muted">(source: {actionCategorySource ?? "not recorded"})</span>
      </p>
      <p className="muted">UPR Info&rsquo;s scale of how specific the action asked is, from 1 (minimal action) to 5 (specific action).</p>
    </>
  );
}
