import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { POSITION_LABELS } from "@/lib/labels";
import { toSearchString } from "@/lib/search-params";
import type { RelatedRecommendation, RelatedRecommendations as Related } from "@/lib/server/recommendation-detail";
import type { RecommendingStateDto } from "@/lib/server/recommendations";
import { cycleTerm } from "@/lib/cycles/label";
import { joinNames } from "./cycle-term";
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
  const t = useTranslations("detail.related");
  const locale = useLocale();
  const others = item.recommendingStateCount - item.sharedStates.length;
  const states = joinNames(item.sharedStates.map((state) => countryName(state.iso3, locale)), locale);
  return <span>{others > 0 ? t("byOthers", { states, others }) : t("by", { states })}</span>;
}

/** The same States' recommendations to the same State under review in its other cycles, newest first. */
export function RelatedRecommendations({ related, stateUnderReview, recommendingStates }: Props) {
  const t = useTranslations("detail.related");
  const terms = useTranslations("terms");
  const locale = useLocale();
  const sur = countryName(stateUnderReview.iso3, locale);
  if (related.total === 0) {
    return <p className="muted">{t("none", { sur })}</p>;
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
        {t("summary", { total: related.total, sur })}
        {more > 0 ? t("more", { shown: related.items.length, more }) : ""}
        <Link href={explorer} prefetch={false}>{more > 0 ? t("seeAll", { total: related.total }) : t("open")}</Link>
      </p>
      {byCycle(related.items).map((group) => (
        <section key={group.cycle} aria-labelledby={`related-cycle-${group.cycle}`}>
          <h3 id={`related-cycle-${group.cycle}`}>{cycleTerm(terms, group.cycle, group.year)}</h3>
          <ol className="related-list">
            {group.items.map((item) => (
              <li key={item.id} className="related-item" data-testid="related-recommendation">
                <div className="related-meta">
                  <Link href={`/recommendations/${item.id}`} prefetch={false}>{item.paragraph ? t("paragraph", { paragraph: item.paragraph }) : t("unnumbered")}</Link>
                  <SharedStates item={item} />
                  <span>
                    <PositionBadge position={item.position} />
                    {item.responseWording && item.responseWording.toLowerCase() !== (item.position ? POSITION_LABELS[item.position].toLowerCase() : "") ? (
                      <span className="muted">{t("wording", { wording: item.responseWording })}</span>
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
