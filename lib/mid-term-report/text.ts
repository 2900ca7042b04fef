import { createFormatter, createTranslator } from "next-intl";
import enReports from "@/lib/i18n/messages/en/reports.json";
import enTerms from "@/lib/i18n/messages/en/terms.json";
import zhReports from "@/lib/i18n/messages/zh/reports.json";
import zhTerms from "@/lib/i18n/messages/zh/terms.json";
import { cycleTerm } from "@/lib/cycles/label";
import { countryName } from "@/lib/i18n/countries";
import { memoOne, memoTranslator, type PlainTranslator } from "@/lib/i18n/memo";
import type { AssessmentStatusValue, EvidenceDto } from "@/lib/schemas/assessment";
import type { MidTermReport, MidTermReportLanguage, ReportCitedFinding, ReportEvidence, ReportFinding, ReportRecommendation, ReportTheme } from "@/lib/schemas/mid-term-report";

/**
 * The words every format of the mid-term report shares (page, HTML download, .docx, CSV), so they say the same thing,
 * in the report's language: the page's locale, or the API's `lang`. Statuses, positions and cycles come from the
 * `terms` catalogue, the report's own words from `reports`, dates and numbers from Intl. Recommendation texts, the
 * State's quoted wording, rationales and evidence are data and stay as written. Pure: no server code, no request.
 */

const CATALOGUES = { en: { reports: enReports, terms: enTerms }, zh: { reports: zhReports, terms: zhTerms } } as const;

/** "A12 Acceptance of international norms", or the name alone for an uncoded theme (theme names are data). */
export function themeLabel(theme: ReportTheme): string {
  return theme.code && !theme.name.startsWith(theme.code) ? `${theme.code} ${theme.name}` : theme.name;
}

/** The banner every format opens with: whose report it is, and whether it holds private assessments. */
export type ReportBanner = { kind: "private" | "public" | "noPrivate"; title: string; text: string };

export type ReportText = ReturnType<typeof reportText>;

/** What the banner says of: the report, or the OHCHR matrix filled from the same assessments. */
export type BannerSubject = Pick<MidTermReport, "organization" | "assessments" | "privateAssessments">;

/** The report's words in one language; `isoDates` keeps dates as YYYY-MM-DD (the CSV, read by machines too). */
export function reportText(lang: MidTermReportLanguage, { isoDates = false }: { isoDates?: boolean } = {}) {
  const messages = CATALOGUES[lang];
  // Each label, date and number formatted once: a report of a thousand recommendations repeats the same few.
  const t = memoTranslator(createTranslator({ locale: lang, messages, namespace: "reports.text" }) as unknown as PlainTranslator);
  const terms = memoTranslator(createTranslator({ locale: lang, messages, namespace: "terms" }) as unknown as PlainTranslator);
  const format = createFormatter({ locale: lang, timeZone: "UTC" });
  const date = memoOne((iso: string): string =>
    isoDates ? iso.slice(0, 10) : format.dateTime(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso), { dateStyle: "medium" }),
  );
  const number = memoOne((n: number): string => format.number(n));
  const state = (s: { iso3: string; name: string }): string => (lang === "en" ? s.name : countryName(s.iso3, lang));
  const cycle = (n: number, year: number | null = null): string => cycleTerm(terms, n, year);
  const status = (value: AssessmentStatusValue): string => terms(`status.${value}`);
  const notRecorded = t("notRecorded");
  const citedParts = (finding: ReportCitedFinding): { body: string; symbol: string; paragraph: string } => ({
    body: finding.body,
    symbol: finding.symbol,
    paragraph: finding.paragraph ? t("findingParagraph", { paragraph: finding.paragraph }) : "",
  });

  /** "China, 2018 (3rd cycle)". */
  const reviewTitle = (report: { review: Pick<MidTermReport["review"], "stateUnderReview" | "cycle" | "reviewDate"> }): string => {
    const year = report.review.reviewDate ? Number(report.review.reviewDate.slice(0, 4)) : null;
    return t("reviewTitle", { state: state(report.review.stateUnderReview), cycle: cycle(report.review.cycle, year) });
  };

  /** The assessment after its status: "assessed 1 Oct 2026, confidence high, private". */
  const assessedText = (current: NonNullable<ReportRecommendation["current"]>): string => {
    const visibility = current.withdrawnOn ? t("withdrawnVisibility", { date: date(current.withdrawnOn) }) : t(`visibility.${current.visibility}`);
    return t("assessedLine", { date: date(current.assessedOn), confidence: t(`confidence.${current.confidence}`), visibility });
  };

  /** A theme heading in the report's words: "Unthemed" is the report's, theme names are data. */
  const headingOf = (theme: ReportTheme): string => (theme.slug === null ? t("unthemed") : themeLabel(theme));

  /**
   * The banner: the report names its organisation and says whether it holds private assessments (any current one
   * private, or a withdrawn public version), or, with `assessments=public`, that it holds public ones only.
   */
  const banner = (report: BannerSubject): ReportBanner => {
    const organization = report.organization.name;
    const kind = report.assessments === "public" ? "public" : report.privateAssessments > 0 ? "private" : "noPrivate";
    return { kind, title: t(`banner.${kind}Title`), text: t(`banner.${kind}Text`, { organization, count: report.privateAssessments }) };
  };

  return {
    lang,
    t,
    status,
    stance: (value: EvidenceDto["stance"]): string => terms(`evidenceStance.${value}`),
    date,
    number,
    /** ": " in English, "：" in Chinese, after a label in running text. */
    labelSeparator: t("labelSeparator"),
    reviewTitle,
    reportTitle: (report: MidTermReport): string => t("title", { review: reviewTitle(report) }),
    description: (report: MidTermReport): string => t("description", { organization: report.organization.name }),
    themeLabel: headingOf,

    banner,

    /** The banner as one line (the CSV's notice column). */
    bannerLine(report: BannerSubject): string {
      return t("bannerLine", banner(report));
    },

    /** The summary's last row: every theme, or the themes chosen, with each recommendation counted once. */
    totalsLabel: (report: MidTermReport): string => (report.themes.length > 0 ? t("allChosenThemesRow") : t("allThemesRow")),

    /** How the report is grouped, said before its summary: by primary theme, or under each chosen theme a recommendation has. */
    grouping: (report: MidTermReport): string => (report.themes.length > 0 ? t("byChosenThemes") : t("byPrimaryTheme")),

    /** The review's facts as label and value pairs, in the order every format prints them. */
    reviewFacts(report: MidTermReport): [string, string][] {
      const { review } = report;
      const loaded = review.reportedTotal === null ? number(review.loaded) : t("loadedOf", { loaded: number(review.loaded), reported: number(review.reportedTotal) });
      return [
        [t("fact.organisation"), report.organization.name],
        [t("fact.stateUnderReview"), t("stateWithCode", { state: state(review.stateUnderReview), iso3: review.stateUnderReview.iso3 })],
        [t("fact.cycle"), cycle(review.cycle, review.reviewDate ? Number(review.reviewDate.slice(0, 4)) : null)],
        [t("fact.session"), review.session === null ? notRecorded : number(review.session)],
        [t("fact.reviewDate"), review.reviewDate ? date(review.reviewDate) : notRecorded],
        [t("fact.report"), review.reportSymbol ?? notRecorded],
        [t("fact.addendum"), review.addendumSymbol ?? notRecorded],
        [t("fact.loaded"), loaded],
        [t("fact.themes"), report.themes.length === 0 ? t("allThemes") : report.themes.map(themeLabel).join(t("themeSeparator"))],
        [t("fact.positions"), report.includeNoted ? t("positionsWithNoted") : t("positionsWithoutNoted")],
        [t("fact.assessments"), report.assessments === "public" ? t("publicAssessments") : t("allAssessments")],
        [t("fact.generated"), date(report.generatedAt)],
      ];
    },

    /** The government's response: the normalised position, and the State's own words when they differ. */
    responseText(recommendation: ReportRecommendation): string {
      const position = recommendation.position ? terms(`position.${recommendation.position}`) : t("noPosition");
      const wording = recommendation.responseWording;
      return wording && wording.toLowerCase() !== position.toLowerCase() ? t("responseWithWording", { position, wording }) : position;
    },

    statesText: (recommendation: ReportRecommendation): string => recommendation.recommendingStates.map(state).join(t("listSeparator")),

    /**
     * "Supports the government’s response: A/HRC/40/6 (1 Mar 2019) — “what it says”", and " — cites CERD,
     * CERD/C/CHN/CO/14-17, para. 36" when the item cites a finding.
     */
    evidenceText(item: EvidenceDto | ReportEvidence): string {
      const finding = "finding" in item && item.finding ? t("citedFinding", citedParts(item.finding)) : "";
      return (
        t("evidenceLine", {
          stance: terms(`evidenceStance.${item.stance}`),
          reference: item.reference,
          date: item.date ? t("evidenceDate", { date: date(item.date) }) : "",
          excerpt: item.excerpt ? t("evidenceExcerpt", { excerpt: item.excerpt }) : "",
        }) + finding
      );
    },

    /**
     * "Contradicts the government’s response: CERD, CERD/C/CHN/CO/14-17, para. 36 (2 Sep 2018) — “the excerpt”": a
     * linked finding, its link aside.
     */
    /** " — cites CERD, CERD/C/CHN/CO/14-17, para. 36": what an evidence item adds when it cites a finding. */
    citedText: (finding: ReportCitedFinding): string => t("citedFinding", citedParts(finding)),
    findingText: (finding: ReportFinding): string =>
      t("findingLine", { stance: terms(`evidenceStance.${finding.stance}`), ...citedParts(finding) }) +
      (finding.date ? t("evidenceDate", { date: date(finding.date) }) : "") +
      (finding.excerpt ? t("evidenceExcerpt", { excerpt: finding.excerpt }) : ""),

    assessedText,

    /** "Partially implemented, assessed 1 Oct 2026, confidence high, private": the current status in one line. */
    statusLine(recommendation: ReportRecommendation): string {
      const current = recommendation.current;
      if (!current) return status("not_assessed");
      return t("statusLine", { status: status(current.status), assessed: assessedText(current) });
    },

    /**
     * What a report says when it lists nothing, or when none of its recommendations is assessed. "Has not assessed any
     * recommendation of this review" is said only when that is true of the whole review (in the scope read), never
     * because the themes or positions chosen leave its assessments out.
     */
    notice(report: MidTermReport): string | null {
      if (report.totals.total === 0) return t("noRecommendations");
      if (report.assessed > 0) return null;
      const publicOnly = report.assessments === "public";
      if (report.assessedInReview === 0) return publicOnly ? t("nothingAssessedPublic") : t("nothingAssessed");
      return t(publicOnly ? "noneOfTheseAssessedPublic" : "noneOfTheseAssessed", { count: report.assessedInReview });
    },

    paragraphLabel: (recommendation: ReportRecommendation): string =>
      recommendation.paragraph ? t("paragraph", { paragraph: recommendation.paragraph }) : t("recommendation", { id: String(recommendation.id) }),
  };
}
