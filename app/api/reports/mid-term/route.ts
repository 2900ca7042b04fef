import { z } from "zod";
import { formatMidTermCsv } from "@/lib/mid-term-report/csv";
import { formatMidTermDocx } from "@/lib/mid-term-report/docx";
import { formatMidTermHtml } from "@/lib/mid-term-report/html";
import { parseMidTermReportParams, type MidTermReportFormat } from "@/lib/schemas/mid-term-report";
import { midTermDownload, recordDownload } from "@/lib/server/audit/downloads";
import { badRequest, toHttpError } from "@/lib/server/http-errors";
import { reportFileName } from "@/lib/mid-term-report/file-name";
import { getMidTermReport, reportFileStem } from "@/lib/server/mid-term-report";
import { contentDisposition } from "@/lib/http/content-disposition";
import { getViewer } from "@/lib/server/permissions";

const CONTENT_TYPES: Record<MidTermReportFormat, string> = {
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
};

/** The nonce the proxy put in this request's CSP, so the HTML document's own <style> element may apply. */
function styleNonce(request: Request): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1];
}

/**
 * GET /api/reports/mid-term?review=<id>&format=html|docx|csv[&theme=…][&noted=1][&organization=…][&lang=en|zh]: the
 * caller's organisation's mid-term report of a review, its own words in `lang`. It holds private assessments, so it is never cached and never shared.
 */
export async function GET(request: Request): Promise<Response> {
  // Validate the parameters.
  const parsed = parseMidTermReportParams(new URL(request.url).searchParams);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const { format, lang, ...input } = parsed.data;

  try {
    // Build the report for the caller's organisation (the checks are inside).
    const viewer = await getViewer(request);
    const report = await getMidTermReport(viewer, input);
    const body = format === "docx" ? await formatMidTermDocx(report, lang) : format === "csv" ? formatMidTermCsv(report, lang) : formatMidTermHtml(report, styleNonce(request), lang);

    // It holds private assessments: the organisation's log says who took it, in which format.
    await recordDownload({ kind: "user", viewer }, midTermDownload(report, format, lang));
    const disposition = format === "html" ? "inline" : "attachment";
    return new Response(body as BodyInit, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        // Named for people in the report's language, with the ASCII name (State code, cycle, organisation) as fallback.
        "Content-Disposition": contentDisposition(reportFileName(report, lang, format), { type: disposition, fallback: `${reportFileStem(report)}.${format}` }),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    // A theme that names no theme, or no organisation chosen by a member of several: the caller's parameters.
    if (error instanceof z.ZodError) return badRequest(error.issues);
    return toHttpError(error);
  }
}
