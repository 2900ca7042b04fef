import "server-only";
import { calendarDatesOf } from "@/lib/review-calendar/calendar-fields";
import type { ReviewDocumentView } from "@/lib/review-calendar/documents";
import { isoDateOf, nextEventOf, timelineOf, type EventState, type ReviewCalendarDates, type TimelineEvent } from "@/lib/review-calendar/timeline";
import { getDb, type Db } from "../db";
import { listReviewDocuments } from "./documents";
import { SETTABLE_CALENDAR_SELECT, type SettableCalendarRow } from "./select";

/** A review's calendar and documents: what the review page, the .ics file and the home page show. */
export type ReviewCalendar = {
  id: number;
  stateUnderReview: { iso3: string; name: string };
  cycle: number;
  year: number | null;
  dates: ReviewCalendarDates;
  timeline: TimelineEvent[];
  calendarSource: string | null;
  documents: ReviewDocumentView[];
  updatedAt: Date;
};

const CALENDAR_SELECT = {
  id: true,
  cycle: true,
  reviewDate: true,
  ...SETTABLE_CALENDAR_SELECT,
  updatedAt: true,
  stateUnderReview: { select: { iso3: true, name: true } },
} as const;

type CalendarRow = SettableCalendarRow & { reviewDate: Date | null };

function datesOf(row: CalendarRow): ReviewCalendarDates {
  return { reviewDate: isoDateOf(row.reviewDate), ...calendarDatesOf(row) };
}

/** One review's calendar with its documents, or null for an unknown review. */
export async function getReviewCalendar(reviewId: number, db: Db = getDb()): Promise<ReviewCalendar | null> {
  const [row, documents] = await Promise.all([db.review.findUnique({ where: { id: reviewId }, select: CALENDAR_SELECT }), listReviewDocuments(reviewId, db)]);
  if (!row || !documents) return null;
  const dates = datesOf(row);
  return {
    id: row.id,
    stateUnderReview: row.stateUnderReview,
    cycle: row.cycle,
    year: row.reviewDate?.getUTCFullYear() ?? null,
    dates,
    timeline: timelineOf(dates),
    calendarSource: row.calendarSource,
    documents,
    updatedAt: row.updatedAt,
  };
}

/** What comes next for a State: the first date not yet over across its reviews, with the review it belongs to. */
export type StateNextEvent = { event: TimelineEvent & { state: EventState }; review: { id: number; cycle: number; year: number | null } };

/** The home page's "what comes next" for the featured State: null when no known date lies ahead. */
export async function getNextEventOfState(iso3: string, today: string, db: Db = getDb()): Promise<StateNextEvent | null> {
  const rows = await db.review.findMany({ where: { stateUnderReviewIso3: iso3 }, select: CALENDAR_SELECT, orderBy: { cycle: "asc" } });
  const candidates = rows.flatMap((row) => {
    const next = nextEventOf(timelineOf(datesOf(row)), today);
    return next ? [{ event: next, review: { id: row.id, cycle: row.cycle, year: row.reviewDate?.getUTCFullYear() ?? null } }] : [];
  });
  candidates.sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : 0));
  return candidates[0] ?? null;
}
