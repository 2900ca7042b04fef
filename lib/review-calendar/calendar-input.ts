import { z } from "zod";
import { CALENDAR_DATE_FIELDS, type CalendarDateField, type SettableCalendar } from "./calendar-fields";
import { isIsoDate } from "./timeline";

/**
 * The calendar dates an administrator (or the operator CLI) sets on a review, with where they come from. Every date is
 * `YYYY-MM-DD` or empty (not known); the source is required as soon as one date is set, so no date stands without the
 * document that gives it. A mid-term window needs both ends, the last not before the first.
 */
export { CALENDAR_DATE_FIELDS, type CalendarDateField, type SettableCalendar } from "./calendar-fields";

const optionalDate = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isIsoDate(value), "a real date as YYYY-MM-DD");

export const reviewCalendarInputSchema = z
  .object({
    workingGroupAdoptedOn: optionalDate,
    responsesOn: optionalDate,
    councilAdoptedOn: optionalDate,
    midTermFrom: optionalDate,
    midTermUntil: optionalDate,
    nextReviewOn: optionalDate,
    calendarSource: z
      .string()
      .trim()
      .max(500, "at most 500 characters")
      .optional()
      .nullable()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((input, ctx) => {
    const { midTermFrom: from, midTermUntil: until } = input;
    if (from && !until) ctx.addIssue({ code: "custom", path: ["midTermUntil"], message: "a mid-term window needs its last day too" });
    if (until && !from) ctx.addIssue({ code: "custom", path: ["midTermFrom"], message: "a mid-term window needs its first day too" });
    if (from && until && until < from) ctx.addIssue({ code: "custom", path: ["midTermUntil"], message: "the mid-term window ends before it starts" });
    const order: [CalendarDateField, CalendarDateField][] = [
      ["workingGroupAdoptedOn", "councilAdoptedOn"],
      ["councilAdoptedOn", "nextReviewOn"],
    ];
    for (const [before, after] of order) {
      const a = input[before];
      const b = input[after];
      if (a && b && b < a) ctx.addIssue({ code: "custom", path: [after], message: `comes before ${before}` });
    }
    const anyDate = CALENDAR_DATE_FIELDS.some((field) => input[field] !== null);
    if (anyDate && input.calendarSource === null) ctx.addIssue({ code: "custom", path: ["calendarSource"], message: "say where the dates come from (a document symbol, say)" });
  }) satisfies z.ZodType<SettableCalendar, unknown>;

export type ReviewCalendarInput = z.output<typeof reviewCalendarInputSchema>;

/** No date known and no source: what "clear" leaves. */
export const CLEARED_CALENDAR: SettableCalendar = {
  workingGroupAdoptedOn: null,
  responsesOn: null,
  councilAdoptedOn: null,
  midTermFrom: null,
  midTermUntil: null,
  nextReviewOn: null,
  calendarSource: null,
};
