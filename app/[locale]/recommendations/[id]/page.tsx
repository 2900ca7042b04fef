import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionCategoryDefinitions } from "@/components/action-category/action-category-definitions";
import { RecommendationParts } from "@/components/action-category/recommendation-parts";
import { AssessmentsSection } from "@/components/recommendations/assessments-section";
import { ActionCategory } from "@/components/recommendations/action-category";
import { AcrossCycles } from "@/components/recommendations/across-cycles";
import { RecommendationHeading, recommendationTitle } from "@/components/recommendations/recommendation-heading";
import { RecommendationSource } from "@/components/recommendations/recommendation-source";
import { RecommendingStates } from "@/components/recommendations/recommending-states";
import { RelatedRecommendations } from "@/components/recommendations/related-recommendations";
import { ResponsePanel } from "@/components/recommendations/response-panel";
import { NotesSection } from "@/components/recommendations/notes-section";
import { AffectedPersons, ThemeGroups } from "@/components/recommendations/theme-groups";
import { TextLanguageNote } from "@/components/recommendations/text-language-note";
import { FindingsSection } from "@/components/finding-links/findings-section";
import { TwoFactorNotice } from "@/components/auth/two-factor-notice";
import { categorisedParts } from "@/lib/action-category";
import { recommendationPermissions } from "@/lib/auth/recommendation-permissions";
import { countryName } from "@/lib/i18n/countries";
import { localeFromParams, pickRecommendationText } from "@/lib/recommendation-text";
import { recommendationIdSchema } from "@/lib/schemas/route-params";
import { getActionCategory } from "@/lib/server/action-categories";
import { listAssessments } from "@/lib/server/assessments";
import { listNotes } from "@/lib/server/notes";
import { getViewer } from "@/lib/server/permissions";
import { getRecommendationDetail, listSharedRelatedRecommendations, type RecommendationDetail } from "@/lib/server/recommendation-detail";
import { getRecurrence } from "@/lib/server/recurrence";
import { listFindingLinks, listFindingSuggestions } from "@/lib/server/finding-links";
import { findingChoices } from "@/lib/finding-links/choices";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

/** A malformed id is a page that does not exist, never an error. */
async function load(params: Props["params"]): Promise<RecommendationDetail> {
  const id = recommendationIdSchema.safeParse((await params).id);
  const detail = id.success ? await getRecommendationDetail(id.data) : null;
  if (!detail) notFound();
  return detail;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("detail");
  return { title: recommendationTitle(await load(params), t, localeFromParams(await params)) };
}

export default async function RecommendationPage({ params }: Props) {
  const [detail, viewer] = await Promise.all([load(params), getViewer()]);
  const { recommendation } = detail;
  // The public parts that only imports and link decisions change are shared between readers; what depends on the
  // viewer (assessments, notes, permissions) is read for this request.
  const [related, assessments, recurrence, actionCategory, notes, findingLinks] = await Promise.all([
    listSharedRelatedRecommendations(recommendation.id),
    listAssessments(viewer, recommendation.id),
    getRecurrence(recommendation.id, undefined, { shared: true }),
    getActionCategory(recommendation.id),
    listNotes(viewer, recommendation.id),
    listFindingLinks(recommendation.id),
  ]);
  // What this viewer may do here, from the policy: the sections get plain values and decide nothing themselves.
  const may = recommendationPermissions(viewer, actionCategory?.override ?? null);
  // Suggested findings, for the first organisation the viewer links findings for.
  const linksFor = may.linkFindings.map((m) => ({ id: m.organizationId, name: m.organizationName }));
  const findingSuggestions = linksFor[0] ? await listFindingSuggestions(viewer, recommendation.id, linksFor[0].id) : null;
  // The official version in the interface's language when one was imported, else the text as published.
  const locale = localeFromParams(await params);
  const shown = pickRecommendationText(recommendation, recommendation.officialTexts, locale);
  const sur = recommendation.stateUnderReview;
  const surName = countryName(sur.iso3, locale);
  const t = await getTranslations("detail");
  return (
    // The page's forms (assessments, notes, action category, links across cycles, UN findings) read these catalogues.
    <ClientMessages namespaces={["detail.action", "detail.notes", "detail.cycles", "assessments.form", "assessments.withdraw", "terms", "findingLinks.form"]}>
      <article className="recommendation-detail">
        <RecommendationHeading detail={detail} />
        <TwoFactorNotice organizations={may.awaitingSecondFactor} />
        <section aria-labelledby="text-heading">
          <h2 id="text-heading">{t("textHeading")}</h2>
          <blockquote className="recommendation-text" lang={shown.language} data-testid="recommendation-text">
            {shown.text}
          </blockquote>
          <TextLanguageNote language={shown.language} locale={locale} />
          <RecommendationSource detail={detail} />
        </section>
        <RecommendationParts
          parts={categorisedParts(recommendation.text, recommendation.recommendingStates.map((s) => s.iso3), recommendation.partActionCategories)}
          language={recommendation.textLanguage}
          categories={recommendation.actionCategories}
          overridden={recommendation.actionCategoryMethod === "OVERRIDE"}
        />
        <div className="detail-columns">
          <section aria-labelledby="response-heading">
            <h2 id="response-heading">{t("responseHeading", { sur: surName })}</h2>
            <ResponsePanel recommendation={recommendation} />
          </section>
          <section aria-labelledby="states-heading">
            <h2 id="states-heading">
              {t("statesHeading", { count: recommendation.recommendingStates.length + recommendation.unknownRecommendingStates })}
            </h2>
            <RecommendingStates states={recommendation.recommendingStates} unknown={recommendation.unknownRecommendingStates} />
          </section>
        </div>
        <FindingsSection
          recommendationId={recommendation.id}
          stateUnderReview={{ iso3: sur.iso3, name: surName }}
          links={findingLinks}
          suggestions={findingSuggestions}
          organizations={linksFor}
        />
        <AssessmentsSection
          recommendationId={recommendation.id}
          recommendation={recommendation}
          organizations={assessments}
          writableOrganizations={may.assess}
          readableOrganizationIds={may.readable}
          withdrawableOrganizationIds={may.withdraw.map((organization) => organization.organizationId)}
          findings={findingChoices(findingLinks)}
        />
        <section aria-labelledby="themes-heading">
          <h2 id="themes-heading">{t("themesHeading")}</h2>
          <ThemeGroups themes={recommendation.themes} />
        </section>
        <div className="detail-columns">
          <section aria-labelledby="affected-heading">
            <h2 id="affected-heading">{t("affectedHeading")}</h2>
            <AffectedPersons themes={recommendation.themes} />
          </section>
          <section aria-labelledby="action-heading">
            <h2 id="action-heading">{t("actionHeading")}</h2>
            {actionCategory ? (
              <ActionCategory recommendationId={recommendation.id} view={actionCategory} may={{ correct: may.correctCategory, clear: may.clearCategory, correctionStandsBy: may.correctionStandsBy }} />
            ) : null}
            <ActionCategoryDefinitions />
          </section>
        </div>
        {recurrence ? (
          <section aria-labelledby="across-cycles-heading">
            <h2 id="across-cycles-heading">{t("acrossCyclesHeading")}</h2>
            <AcrossCycles
              recommendationId={recommendation.id}
              recurrence={recurrence}
              stateUnderReview={sur}
              organizations={may.decideLinks.map((m) => ({ id: m.organizationId, name: m.organizationName }))}
            />
          </section>
        ) : null}
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t("relatedHeading", { sur: surName })}</h2>
          <RelatedRecommendations related={related} stateUnderReview={sur} recommendingStates={recommendation.recommendingStates} />
        </section>
        <NotesSection recommendationId={recommendation.id} notes={notes} readableOrganizationIds={may.readable} writableOrganizations={may.note} />
      </article>
    </ClientMessages>
  );
}
