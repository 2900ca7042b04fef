import { createHash } from "node:crypto";
import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { contentDisposition, safeFileName } from "@/lib/http/content-disposition";
import { recommendationIdSchema } from "@/lib/schemas/route-params";
import { reviewCalendarIcs } from "@/lib/review-calendar/ics";
import { badParam, notFound, toHttpError } from "@/lib/server/http-errors";
import { publicOrigin } from "@/lib/server/public-origin";
import { getReviewCalendar } from "@/lib/server/review-calendar/calendar";
import { icsLabelsOf } from "@/lib/server/review-calendar/ics-labels";

const langSchema = z.enum(routing.locales).default(routing.defaultLocale);

/** Calendar programs poll a subscription; an hour's freshness spares the database, and the ETag answers 304. */
const CACHE_CONTROL = "public, max-age=3600";

/**
 * GET /api/reviews/{id}/calendar.ics[?lang=en|zh]: the review's calendar for NGOs to subscribe to or download, one
 * all-day event per known date (lib/review-calendar/ics.ts), its titles and description in `lang` (English by
 * default). 400 for an id that is not a review id or an unknown language, 404 for an unknown review.
 */
export async function GET(request: Request, context: RouteContext<"/api/reviews/[id]/calendar.ics">): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await context.params).id);
  if (!id.success) return badParam("id", id.error);
  const lang = langSchema.safeParse(new URL(request.url).searchParams.get("lang") ?? undefined);
  if (!lang.success) return badParam("lang", lang.error);
  try {
    const calendar = await getReviewCalendar(id.data);
    if (!calendar) return notFound();
    const built = reviewCalendarIcs({
      id: calendar.id,
      stateName: calendar.stateUnderReview.name,
      cycle: calendar.cycle,
      year: calendar.year,
      dates: calendar.dates,
      calendarSource: calendar.calendarSource,
      documents: calendar.documents,
      updatedAt: calendar.updatedAt,
      origin: publicOrigin(),
      labels: await icsLabelsOf({ stateIso3: calendar.stateUnderReview.iso3, cycle: calendar.cycle, year: calendar.year }, lang.data),
    });
    if ("error" in built) throw built.error;
    const etag = `"${createHash("sha256").update(built.ics).digest("base64url").slice(0, 27)}"`;
    const headers = {
      "Content-Type": "text/calendar; charset=utf-8",
      // "China, UPR cycle 3 (2018) – calendar.ics" for people, the ASCII name for older clients.
      "Content-Disposition": contentDisposition(`${safeFileName(`${calendar.stateUnderReview.name}, UPR cycle ${calendar.cycle}${calendar.year ? ` (${calendar.year})` : ""} – calendar`)}.ics`, {
        fallback: `upr-${calendar.stateUnderReview.iso3.toLowerCase()}-cycle-${calendar.cycle}.ics`,
      }),
      "Cache-Control": CACHE_CONTROL,
      ETag: etag,
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(built.ics, { status: 200, headers });
  } catch (error) {
    return toHttpError(error);
  }
}
