"use server";

import { z } from "zod";
import { revalidateLocalizedPath } from "@/lib/i18n/revalidate";
import { CALENDAR_DATE_FIELDS } from "@/lib/review-calendar/calendar-input";
import type { ReviewCalendarFormState } from "@/lib/review-calendar/form-state";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { clearReviewCalendar, setReviewCalendar } from "@/lib/server/review-calendar/dates";

const FIELDS = [...CALENDAR_DATE_FIELDS, "calendarSource"] as const;

function valuesOf(formData: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((name) => [name, typeof formData.get(name) === "string" ? String(formData.get(name)) : ""]));
}

/** A refusal the administrator can act on, as a code the form words in its language; anything else goes to the error page. */
function refusal(error: unknown, formData: FormData): ReviewCalendarFormState {
  const values = valuesOf(formData);
  const attempt = Date.now();
  if (error instanceof z.ZodError) {
    const fields = [...new Set(error.issues.map((issue) => String(issue.path[0] ?? "calendarSource")))];
    return { ok: false, code: "invalid", fields, values, attempt };
  }
  if (error instanceof UnauthenticatedError) return { ok: false, code: "unauthenticated", values, attempt };
  if (error instanceof ForbiddenError) return { ok: false, code: "forbidden", values, attempt };
  if (error instanceof NotFoundError) return { ok: false, code: "not-found", values, attempt };
  throw error;
}

/**
 * Sets the review's calendar dates and their source, or clears them when the "clear" button sent the form (instance
 * administrators; checked in setReviewCalendar and clearReviewCalendar).
 */
export async function saveReviewCalendarAction(reviewId: number, _state: ReviewCalendarFormState, formData: FormData): Promise<ReviewCalendarFormState> {
  const clear = formData.get("intent") === "clear";
  try {
    const actor = { kind: "user" as const, viewer: await getViewer() };
    if (clear) await clearReviewCalendar(actor, reviewId);
    else await setReviewCalendar(actor, reviewId, valuesOf(formData));
  } catch (error) {
    return refusal(error, formData);
  }
  revalidateLocalizedPath(`/reviews/${reviewId}`);
  revalidateLocalizedPath("/");
  return { ok: true, code: clear ? "cleared" : "saved" };
}
