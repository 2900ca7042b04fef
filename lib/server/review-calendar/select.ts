import type { CALENDAR_DATE_FIELDS } from "@/lib/review-calendar/calendar-fields";

/**
 * The columns of a review's calendar that people set (the dates after the review itself, and where they come from):
 * read by the dates form and the CLI (dates.ts), and by the calendar page and file with the review's own (calendar.ts).
 */
export const SETTABLE_CALENDAR_SELECT = {
  workingGroupAdoptedOn: true,
  responsesOn: true,
  councilAdoptedOn: true,
  midTermFrom: true,
  midTermUntil: true,
  nextReviewOn: true,
  calendarSource: true,
} as const satisfies Record<(typeof CALENDAR_DATE_FIELDS)[number] | "calendarSource", true>;

/** A row read with SETTABLE_CALENDAR_SELECT. */
export type SettableCalendarRow = { [K in (typeof CALENDAR_DATE_FIELDS)[number]]: Date | null } & { calendarSource: string | null };
