import { Link } from "@/lib/i18n/navigation";
import { cycleLabel, POSITION_LABELS } from "@/lib/labels";
import { toSearchString } from "@/lib/search-params";
import type { RelatedRecommendation, RelatedRecommendations as Related } from "@/lib/server/recommendation-detail";
import type { RecommendingStateDto } from "@/lib/server/recommendations";
import { PositionBadge } from "./position-badge";

type Props = {
  related: Related;
  stateUnderReview: { iso3: string; name: string };
  recommendingStates: RecommendingStateDto[];
};

function byCycle(items: RelatedRecommendation[]): { cycle: number; year: number | null; items: RelatedRecommendation[] }[] {
  const groups: { cycle: number; year: number | null; items: RelatedRecommendation[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.cycle === item.cycle) last.items.push(item);
    else groups.push({ cycle: item.cycle, year: item.year, items: [item] });
  }
  return groups;
}

function SharedStates({ item }: { item: RelatedRecommendation }) {
  const others = item.recommendingStateCount - item.sharedStates.length;
  return (
    <span>
      By {item.sharedStates.map((state) => state.name).join(", ")}
      {others > 0 ? ` and ${others} other State${others === 1 ? "" : "s"}` : ""}
    </span>
  );
}

/** The same States' recommendations to the same State under review in its other cycles, newest first. */
export function RelatedRecommendations({ related, stateUnderReview, recommendingStates }: Props) {
  if (related.total === 0) {
    return <p className="muted">None of these States made a recommendation to {stateUnderReview.name} in another cycle loaded here.</p>;
  }
  const explorer = `/recommendations${toSearchString({
    cycle: related.cycles,
    sur: [stateUnderReview.iso3],
    state: recommendingStates.map((state) => state.iso3),
  })}`;
  const more = related.total - related.items.length;
  return (
    <>
      <p>
        {related.total} recommendation{related.total === 1 ? "" : "s"} that at least one of these States made to {stateUnderReview.name} in
        another cycle. {more > 0 ? `The first ${related.items.length} are shown here; ${more} more are in the explorer. ` : ""}
        <Link href={explorer} prefetch={false}>{more > 0 ? `See all ${related.total} in the explorer` : "Open them in the explorer"}</Link>
      </p>
      {byCycle(related.items).map((group) => (
        <section key={group.cycle} aria-labelledby={`related-cycle-${group.cycle}`}>
          <h3 id={`related-cycle-${group.cycle}`}>{cycleLabel(group.cycle, group.year)}</h3>
          <ol className="related-list">
            {group.items.map((item) => (
              <li key={item.id} className="related-item" data-testid="related-recommendation">
                <div className="related-meta">
                  <Link href={`/recommendations/${item.id}`} prefetch={false}>{item.paragraph ? `Paragraph ${item.paragraph}` : "Recommendation (not numbered in the source)"}</Link>
                  <SharedStates item={item} />
                  <span>
                    <PositionBadge position={item.position} />
                    {item.responseWording && item.responseWording.toLowerCase() !== (item.position ? POSITION_LABELS[item.position].toLowerCase() : "") ? (
                      <span className="muted"> (&ldquo;{item.responseWording}&rdquo;)</span>
                    ) : null}
                  </span>
                </div>
                <p className="recommendation-text" lang={item.textLanguage}>{item.text}</p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
