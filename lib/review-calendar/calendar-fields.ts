// No zod here: the admin's calendar form (a client component) reads these, and zod must not reach the browser.
import type { ReviewCalendarDates } from "./timeline";

export const CALENDAR_DATE_FIELDS = ["workingGroupAdoptedOn", "responsesOn", "councilAdoptedOn", "midTermFrom", "midTermUntil", "nextReviewOn"] as const;
export type CalendarDateField = (typeof CALENDAR_DATE_FIELDS)[number];

/** The dates as they are settable: the review date itself is the review's own and is not changed here. */
export type SettableCalendar = Omit<ReviewCalendarDates, "reviewDate"> & { calendarSource: string | null };
