import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { parseMidTermReportParams, type MidTermReport, type MidTermReportInput } from "@/lib/schemas/mid-term-report";
import { ForbiddenError, NotFoundError, TwoFactorRequiredError } from "@/lib/server/http-errors";
import { getMidTermReport } from "@/lib/server/mid-term-report";
import { countReportChoices, type ReportChoiceCounts } from "@/lib/server/mid-term-report/choices";
import type { Viewer } from "@/lib/server/permissions";
import { resolveOrganization } from "@/lib/server/status-sheet";

export type ReportPageState = {
  /** What the URL asked for, as far as it parsed (pre-fills the form). */
  choice: Partial<MidTermReportInput>;
  report: MidTermReport | null;
  /** The form's counts for the choice made (null without a review); the assessed ones only beside a report. */
  counts: ReportChoiceCounts | null;
  /** Why no report could be built from the URL, in words for the reader. */
  problem: string | null;
  /** The query string of the report, for the download links. */
  search: string;
  /** The page of recommendations asked for (`?page=`, 1 when absent or not a number; the view clamps it to the last). */
  page: number;
};

/** `?page=3`: the page of the report's recommendations on screen. Not a report parameter: the downloads hold every page. */
function pageOf(value: string | string[] | undefined): number {
  const page = Number([value].flat()[0]);
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

/** The page's reading of its URL: the report when the parameters make one, else the reason, never an error page. */
export async function loadReportPage(viewer: Viewer, { page: pageParam, ...params }: Record<string, string | string[] | undefined>): Promise<ReportPageState> {
  const page = pageOf(pageParam);
  if (params.review === undefined) return { choice: {}, report: null, counts: null, problem: null, search: "", page };
  const t = await getTranslations("reports.problem");
  const parsed = parseMidTermReportParams(params);
  if (!parsed.success) {
    // The parameter names are the URL's own, so they stay as they are in every language.
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")))].join(", ");
    return { choice: {}, report: null, counts: null, problem: t("check", { names }), search: "", page };
  }
  const { review, theme, noted, assessments, organization } = parsed.data;
  const input: MidTermReportInput = { review, theme, noted, assessments, organization };
  // The defaults (noted included, all assessments) stay out of the URL.
  const search = new URLSearchParams([
    ["review", String(input.review)],
    ...input.theme.map((slug) => ["theme", slug]),
    ...(input.noted ? [] : [["noted", "0"]]),
    ...(assessments === "public" ? [["assessments", "public"]] : []),
    ...(input.organization ? [["organization", input.organization]] : []),
  ]).toString();
  // The form's counts at the same time as the report. The assessed counts are for the organisation the report is for
  // (checked inside each call), so they are dropped when no report could be built.
  const organizationId = await resolveOrganization({ kind: "user", viewer }, input.organization, "organization.readPrivate").then(
    (organization) => organization.id,
    () => null,
  );
  const counting = countReportChoices(viewer, { review, theme, noted }, organizationId);
  try {
    const [report, counts] = await Promise.all([getMidTermReport(viewer, input), counting]);
    return { choice: input, report, counts, problem: null, search, page };
  } catch (error) {
    const problem =
      error instanceof NotFoundError
        ? t("noReview")
        : error instanceof TwoFactorRequiredError
          ? t("twoFactorRequired")
          : error instanceof ForbiddenError
            ? t("notYours")
            : error instanceof z.ZodError
              ? t("details", { details: error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join("; ") })
              : null;
    if (problem === null) throw error;
    return { choice: input, report: null, counts: { ...(await counting), assessed: null }, problem, search, page };
  }
}
