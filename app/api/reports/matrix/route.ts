import { z } from "zod";
import { contentDisposition } from "@/lib/http/content-disposition";
import { formatOhchrMatrixDocx, matrixFileName } from "@/lib/ohchr-matrix/docx";
import { parseOhchrMatrixParams } from "@/lib/schemas/ohchr-matrix";
import { recordDownload } from "@/lib/server/audit/downloads";
import { badRequest, toHttpError } from "@/lib/server/http-errors";
import { getOhchrMatrix, matrixDownload } from "@/lib/server/ohchr-matrix";
import { getViewer } from "@/lib/server/permissions";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * GET /api/reports/matrix?review=<id>&format=docx[&organization=…][&assessments=all|public][&lang=en|zh]: the review's
 * thematic list in OHCHR's layout, its fourth column filled from the caller's organisation's current assessments. The
 * same access as the mid-term report; it may hold private assessments, so it is never cached and its download is logged.
 */
export async function GET(request: Request): Promise<Response> {
  // Validate the parameters.
  const parsed = parseOhchrMatrixParams(new URL(request.url).searchParams);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const { lang, format, ...input } = parsed.data;

  try {
    // Read the matrix for the caller's organisation (the checks are inside), then write it.
    const viewer = await getViewer(request);
    const matrix = await getOhchrMatrix(viewer, input);
    const body = await formatOhchrMatrixDocx(matrix, lang);
    await recordDownload({ kind: "user", viewer }, matrixDownload(matrix, format, lang));
    return new Response(body as BodyInit, {
      headers: {
        "Content-Type": DOCX,
        "Content-Disposition": contentDisposition(matrixFileName(matrix, lang)),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    // No organisation chosen by a member of several: the caller's parameters.
    if (error instanceof z.ZodError) return badRequest(error.issues);
    return toHttpError(error);
  }
}
