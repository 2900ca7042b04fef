import { getLocale, getTranslations } from "next-intl/server";
import { decideFindingLinkAction } from "@/lib/actions/finding-links";
import { Link } from "@/lib/i18n/navigation";
import { FINDING_STANCES, type FindingLinkView, type FindingSuggestion } from "@/lib/schemas/finding-link";
import { toSearchString } from "@/lib/search-params";
import { FindingCard } from "./finding-card";
import { FindingLinkForm } from "./finding-link-form";
import { RemoveLinkButton } from "./remove-link-button";
import { SuggestionList } from "./suggestion-list";

type Props = {
  recommendationId: number;
  stateUnderReview: { iso3: string; name: string };
  links: FindingLinkView[];
  /** Suggestions for the first organisation the viewer links for; null for everyone else. */
  suggestions: FindingSuggestion[] | null;
  /** Organisations where the viewer is an editor or owner; empty means read-only. */
  organizations: { id: string; name: string }[];
};

/**
 * The "UN findings" section of a recommendation page: the confirmed findings grouped by stance (what contradicts the
 * government's claim first), each with its source. Editors also get the link form, their suggestions, and a Remove
 * button on their own organisation's links. Everything is a plain form, so it works before the page's script loads.
 */
export async function FindingsSection({ recommendationId, stateUnderReview, links, suggestions, organizations }: Props) {
  const [t, locale] = await Promise.all([getTranslations("findingLinks"), getLocale()]);
  const translate = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const action = decideFindingLinkAction.bind(null, recommendationId);
  const mine = new Set(organizations.map((org) => org.id));
  const contradicted = toSearchString({ sur: [stateUnderReview.iso3], position: ["supported"], finding: ["contradicts"] });
  return (
    <section aria-labelledby="findings-heading" className="findings-section" data-testid="un-findings">
      <h2 id="findings-heading">{t("heading")}</h2>
      <p className="hint">{t("intro")}</p>
      {links.length === 0 ? <p className="muted">{t("none")}</p> : null}
      {FINDING_STANCES.map((stance) => {
        const group = links.filter((link) => link.stance === stance);
        if (group.length === 0) return null;
        return (
          <div key={stance} className={`finding-group finding-group-${stance}`}>
            <h3>{t(`stance.${stance}`, { count: group.length })}</h3>
            <ul className="finding-cards">
              {group.map((link) => (
                <FindingCard
                  key={`${link.findingId}-${link.organization.id}`}
                  link={link}
                  locale={locale}
                  t={translate}
                  actions={
                    mine.has(link.organization.id) ? (
                      <RemoveLinkButton action={action} findingId={link.findingId} organizationId={link.organization.id} subject={link.finding.document.symbol} />
                    ) : null
                  }
                />
              ))}
            </ul>
          </div>
        );
      })}
      <p>
        <Link href={`/recommendations${contradicted}`}>{t("explorerContradicted")}</Link>
      </p>
      {organizations.length > 0 ? (
        <>
          {suggestions ? <SuggestionList suggestions={suggestions} action={action} organizations={organizations.slice(0, 1)} stateUnderReview={stateUnderReview} t={translate} locale={locale} /> : null}
          <FindingLinkForm action={action} organizations={organizations} />
          {/* A finding not in the tracker yet: its document and passage are added first, then linked here. */}
          <p className="hint">
            <Link href="/documents/new" prefetch={false} data-testid="add-un-document">
              {t("addDocument")}
            </Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
