import "server-only";
import { CLEARED_CALENDAR, reviewCalendarInputSchema, type SettableCalendar } from "@/lib/review-calendar/calendar-input";
import { calendarDatesOf } from "@/lib/review-calendar/calendar-fields";
import { actorId, authorizeActor, type Actor } from "../accounts/actor";
import { recordAuditEvent } from "../audit";
import { getDb, type Db } from "../db";
import { NotFoundError } from "../http-errors";
import type { Prisma } from "../generated/prisma/client";
import { SETTABLE_CALENDAR_SELECT, type SettableCalendarRow } from "./select";

/**
 * Setting and clearing a review's calendar dates and their source: official data, so only instance administrators
 * (and the operator CLI) change them, each change audited with the calendar before and after in the same transaction.
 */

function settableOf(row: SettableCalendarRow): SettableCalendar {
  return { ...calendarDatesOf(row), calendarSource: row.calendarSource };
}

const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The review's settable calendar as it is, or null for an unknown review. */
export async function getSettableCalendar(reviewId: number, db: Db = getDb()): Promise<SettableCalendar | null> {
  const row = await db.review.findUnique({ where: { id: reviewId }, select: SETTABLE_CALENDAR_SELECT });
  return row ? settableOf(row) : null;
}

export type SetCalendarOptions = {
  /** Keep the dates the input does not name (the CLI's flags); otherwise a missing date is cleared (the form). */
  keepMissing?: boolean;
};

/**
 * Sets the review's calendar (instance administrators; the operator). The input is checked with the form's schema
 * against the calendar it would leave (a ZodError names the field); nothing is written when it fails.
 */
export async function setReviewCalendar(actor: Actor, reviewId: number, raw: Record<string, unknown>, options: SetCalendarOptions = {}): Promise<SettableCalendar> {
  authorizeActor(actor, "admin.reviewCalendar", {});
  return getDb().$transaction(async (tx) => {
    const row = await tx.review.findUnique({ where: { id: reviewId }, select: SETTABLE_CALENDAR_SELECT });
    if (!row) throw new NotFoundError(`no review with the id ${reviewId}`);
    const before = settableOf(row);
    const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
    const after = reviewCalendarInputSchema.parse(options.keepMissing ? { ...before, ...given } : raw);
    return write(tx, actor, reviewId, before, after, "review-calendar.set");
  });
}

/** Clears the review's calendar dates and their source (instance administrators; the operator). The review date stays. */
export async function clearReviewCalendar(actor: Actor, reviewId: number): Promise<SettableCalendar> {
  authorizeActor(actor, "admin.reviewCalendar", {});
  return getDb().$transaction(async (tx) => {
    const row = await tx.review.findUnique({ where: { id: reviewId }, select: SETTABLE_CALENDAR_SELECT });
    if (!row) throw new NotFoundError(`no review with the id ${reviewId}`);
    return write(tx, actor, reviewId, settableOf(row), CLEARED_CALENDAR, "review-calendar.clear");
  });
}

type Tx = Prisma.TransactionClient;

async function write(tx: Tx, actor: Actor, reviewId: number, before: SettableCalendar, after: SettableCalendar, action: "review-calendar.set" | "review-calendar.clear"): Promise<SettableCalendar> {
  await tx.review.update({
    where: { id: reviewId },
    data: {
      workingGroupAdoptedOn: asDate(after.workingGroupAdoptedOn),
      responsesOn: asDate(after.responsesOn),
      councilAdoptedOn: asDate(after.councilAdoptedOn),
      midTermFrom: asDate(after.midTermFrom),
      midTermUntil: asDate(after.midTermUntil),
      nextReviewOn: asDate(after.nextReviewOn),
      calendarSource: after.calendarSource,
    },
  });
  const changes = Object.fromEntries(
    (Object.keys(after) as (keyof SettableCalendar)[]).filter((key) => before[key] !== after[key]).map((key) => [key, [before[key], after[key]]]),
  );
  // Each changed field as [before, after], as the audit page reads them.
  await recordAuditEvent(tx, { actorUserId: actorId(actor), action, subjectType: "review", subjectId: String(reviewId), changes });
  return after;
}
