// No zod here: the admin's calendar form (a client component) reads these, and zod must not reach the browser.
import { isoDateOf, type ReviewCalendarDates } from "./timeline";

export const CALENDAR_DATE_FIELDS = ["workingGroupAdoptedOn", "responsesOn", "councilAdoptedOn", "midTermFrom", "midTermUntil", "nextReviewOn"] as const;
export type CalendarDateField = (typeof CALENDAR_DATE_FIELDS)[number];

/** The dates as they are settable: the review date itself is the review's own and is not changed here. */
export type SettableCalendar = Omit<ReviewCalendarDates, "reviewDate"> & { calendarSource: string | null };

/** The settable dates of a review row as `YYYY-MM-DD` (null where not known), one loop over the fields. */
export function calendarDatesOf(row: { [K in CalendarDateField]: Date | null }): Omit<SettableCalendar, "calendarSource"> {
  return Object.fromEntries(CALENDAR_DATE_FIELDS.map((field) => [field, isoDateOf(row[field])])) as Omit<SettableCalendar, "calendarSource">;
}
