import "server-only";
import type { MidTermReport } from "@/lib/schemas/mid-term-report";
import { filtersOf, toSearchString, type RecommendationFilters, type RecommendationQuery } from "@/lib/search-params";
import type { Actor } from "../accounts";
import { getDb } from "../db";
import { UnauthenticatedError } from "../http-errors";
import type { Viewer } from "../permissions";
import type { ViewerScope } from "../recommendation-where";
import { recordAuditEvents, recordAuditEventsAs, type AuditEventInput } from "./index";

/** What can be downloaded of an organisation's private data; each has its own `download.*` audit action. */
export type DownloadKind = "status-sheet" | "mid-term-report" | "recommendations" | "stats";

export type DownloadFormat = "csv" | "json" | "html" | "docx";

/** A scalar detail of the download: the review, the filter string, the stats dimension, the page… */
type Detail = string | number | boolean | null;

export type Download = {
  kind: DownloadKind;
  /** The organisations whose private data the answer holds: one event each, in that organisation's log. */
  organizationIds: readonly string[];
  format: DownloadFormat;
  /** Rows of the answer (recommendations in a file, groups of a stats table). */
  rows: number;
  subjectType: string;
  subjectId?: string | null;
  /** Filters and the like, short and never private: they are shown in the log as they are. */
  details?: Record<string, Detail | Detail[]>;
};

/**
 * Records a download of private data: who, what (kind, format, filters) and how many rows, when the answer has been
 * produced (a refused or failed download is not one). One INSERT: a signed-in member's name comes from their Viewer,
 * read from the database for this request; the operator CLI has none. Public downloads are not recorded.
 */
export async function recordDownload(actor: Actor, download: Download): Promise<void> {
  const changes = { format: download.format, rows: download.rows, ...download.details };
  const events: Omit<AuditEventInput, "actorUserId">[] = download.organizationIds.map((organizationId) => ({
    organizationId,
    action: `download.${download.kind}` as const,
    subjectType: download.subjectType,
    subjectId: download.subjectId ?? null,
    changes,
  }));
  if (actor.kind === "operator") return recordAuditEvents(getDb(), events.map((event) => ({ ...event, actorUserId: null })));
  // Nobody signed in has downloaded anything: the caller refused them before.
  if (!actor.viewer) throw new UnauthenticatedError();
  await recordAuditEventsAs(getDb(), actor.viewer.user, events);
}

/**
 * The mid-term report of a review in one format: its rows are the report's recommendations (each once), and its
 * details the choices made: themes, noted included or not, all assessments or public ones only, and how many private
 * assessments went out in it.
 */
export function midTermDownload(report: MidTermReport, format: DownloadFormat, lang: string): Download {
  return {
    kind: "mid-term-report",
    organizationIds: [report.organization.id],
    format,
    rows: report.totals.total,
    subjectType: "review",
    subjectId: String(report.review.id),
    details: {
      review: `${report.review.stateUnderReview.name}, cycle ${report.review.cycle}`,
      themes: report.themes.flatMap((theme) => (theme.slug ? [theme.slug] : [])),
      noted: report.includeNoted,
      assessments: report.assessments,
      privateAssessments: report.privateAssessments,
      lang,
    },
  };
}

/** The explorer's filters as its URL writes them (`cycle=3&statusOf=mine`), the same as the file name's. */
export function filterDetail(filters: RecommendationFilters | RecommendationQuery): string {
  return toSearchString("sort" in filters ? filtersOf(filters) : filters).replace(/^\?/, "");
}

/**
 * An answer of the public API computed with `statusOf=mine`: one event per organisation whose private statuses it
 * read. Any other query reads public data only and is not recorded (nor is the viewer even looked up for it).
 */
export async function recordStatusOfMineDownload(scoped: { viewer: Viewer | null; scope: ViewerScope }, download: Omit<Download, "organizationIds">): Promise<void> {
  const organizationIds = scoped.scope.organizationIds ?? [];
  if (!scoped.viewer || organizationIds.length === 0) return;
  await recordDownload({ kind: "user", viewer: scoped.viewer }, { ...download, organizationIds });
}
