/**
 * A review's calendar as dates: when it was held, when the Working Group adopted its report, when the State answered
 * (the addendum), when the Human Rights Council adopted the outcome, the window for mid-term reports and the next
 * review. Pure date logic on ISO dates ("2018-11-06"), shared by the review page, the home page and the .ics file.
 * A date is shown only when a document gives it: nothing here guesses one from another.
 */

/** The calendar's dates as the database holds them (each `YYYY-MM-DD` or null). */
export type ReviewCalendarDates = {
  reviewDate: string | null;
  workingGroupAdoptedOn: string | null;
  responsesOn: string | null;
  councilAdoptedOn: string | null;
  midTermFrom: string | null;
  midTermUntil: string | null;
  nextReviewOn: string | null;
};

export const TIMELINE_KINDS = ["review", "workingGroupAdoption", "responses", "councilAdoption", "midTerm", "nextReview"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One step of the timeline: a day, or a window (`until` is its last day, inclusive). */
export type TimelineEvent = { kind: TimelineKind; on: string; until: string | null };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written `YYYY-MM-DD` (not "2018-02-30"). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `days` after an ISO date (negative: before), in UTC, so no time zone moves it. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A stored `@db.Date` (midnight UTC) as `YYYY-MM-DD`, or null. */
export function isoDateOf(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/**
 * The known steps in date order (the order of the UPR's own cycle for steps on the same day). A mid-term window with
 * only one end known is shown as that one day; an end before its start is ignored rather than shown backwards.
 */
export function timelineOf(dates: ReviewCalendarDates): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const day = (kind: TimelineKind, on: string | null) => {
    if (on) events.push({ kind, on, until: null });
  };
  day("review", dates.reviewDate);
  day("workingGroupAdoption", dates.workingGroupAdoptedOn);
  day("responses", dates.responsesOn);
  day("councilAdoption", dates.councilAdoptedOn);
  const from = dates.midTermFrom ?? dates.midTermUntil;
  if (from) {
    const until = dates.midTermFrom && dates.midTermUntil && dates.midTermUntil > dates.midTermFrom ? dates.midTermUntil : null;
    events.push({ kind: "midTerm", on: from, until });
  }
  day("nextReview", dates.nextReviewOn);
  const order = (kind: TimelineKind) => TIMELINE_KINDS.indexOf(kind);
  return events.sort((a, b) => (a.on === b.on ? order(a.kind) - order(b.kind) : a.on < b.on ? -1 : 1));
}

/** Where a step stands on a given day: past, under way (inside a window) or to come. */
export type EventState = "past" | "ongoing" | "upcoming";

export function stateOf(event: TimelineEvent, today: string): EventState {
  const last = event.until ?? event.on;
  if (last < today) return "past";
  return event.on <= today ? (event.until ? "ongoing" : "upcoming") : "upcoming";
}

/**
 * What comes next on `today`: the first step not yet over (a window under way counts, a day counts on the day
 * itself), or null when every known date has passed or none is known.
 */
export function nextEventOf(events: readonly TimelineEvent[], today: string): (TimelineEvent & { state: EventState }) | null {
  for (const event of events) {
    const state = stateOf(event, today);
    if (state !== "past") return { ...event, state };
  }
  return null;
}

/** Today in UTC as `YYYY-MM-DD`: the calendar's dates are UN days, not the reader's clock. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
