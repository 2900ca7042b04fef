import { createEvents, type DateArray, type EventAttributes } from "ics";
import { cycleLabel } from "@/lib/cycles/english";
import { documentHref, type ReviewDocumentView } from "./documents";
import { addDays, timelineOf, type ReviewCalendarDates, type TimelineKind } from "./timeline";

/**
 * The review's calendar as an iCalendar file (RFC 5545) that NGOs subscribe to: one all-day event per known date, each
 * titled with the State and the cycle, and the review's document symbols in its description. In the reader's language
 * (`labels`, from the `calendar` messages; English by default): a calendar program shows the text as it is.
 */

/** The words of the file in one language. */
export type IcsLabels = {
  /** The language of the links: the review page's and docs.un.org's. */
  locale: string;
  /** The calendar's own name, "UPR: China, 2018 (3rd cycle)". */
  calName: string;
  /** The description's first line, "China, UPR 2018 (3rd cycle)." */
  heading: string;
  /** Each event's title, "China, UPR 2018 (3rd cycle): mid-term reports". */
  events: Record<TimelineKind, string>;
  /** A document's line in the description: "National report: A/HRC/WG.6/31/CHN/1 https://…". */
  documentLine: (role: ReviewDocumentView["role"], document: string) => string;
  /** "Dates from: {source}". */
  datesFrom: (source: string) => string;
};

export type CalendarSource = {
  id: number;
  stateName: string;
  cycle: number;
  year: number | null;
  dates: ReviewCalendarDates;
  calendarSource: string | null;
  documents: readonly ReviewDocumentView[];
  /** When the review last changed: the DTSTAMP, so the same review gives the same file (and ETag). */
  updatedAt: Date;
  /** The site's address, for the events' UIDs and the link back to the review page. */
  origin: string;
  /** The file's words; English when not given. */
  labels?: IcsLabels;
};

const EVENT_NAMES: Record<TimelineKind, string> = {
  review: "review by the UPR Working Group",
  workingGroupAdoption: "Working Group adopts its report",
  responses: "the State's responses (addendum)",
  councilAdoption: "Human Rights Council adopts the outcome",
  midTerm: "mid-term reports",
  nextReview: "next review",
};

const ROLE_NAMES: Record<ReviewDocumentView["role"], string> = {
  NATIONAL_REPORT: "National report",
  UN_COMPILATION: "UN compilation",
  STAKEHOLDER_SUMMARY: "Stakeholders' summary",
  ADVANCE_QUESTIONS: "Advance questions",
  WORKING_GROUP_REPORT: "Working Group report",
  ADDENDUM: "Addendum (responses)",
  MID_TERM_REPORT: "Mid-term report",
};

/** The English words, as the file had them before it spoke other languages. */
export function englishLabels(source: Pick<CalendarSource, "stateName" | "cycle" | "year">): IcsLabels {
  const title = `${source.stateName}, UPR ${cycleLabel(source.cycle, source.year)}`;
  return {
    locale: "en",
    calName: `UPR: ${source.stateName}, ${cycleLabel(source.cycle, source.year)}`,
    heading: `${title}.`,
    events: Object.fromEntries(Object.entries(EVENT_NAMES).map(([kind, name]) => [kind, `${title}: ${name}`])) as IcsLabels["events"],
    documentLine: (role, document) => `${ROLE_NAMES[role]}: ${document}`,
    datesFrom: (from) => `Dates from: ${from}`,
  };
}

function dateArray(iso: string): DateArray {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return [year, month, day];
}

/** One line per document: its role, symbol (or author) and where to read it. */
function documentLines(documents: readonly ReviewDocumentView[], labels: IcsLabels): string[] {
  return documents.map((d) => {
    const name = d.symbol ?? [d.author, d.title].filter(Boolean).join(", ");
    const href = documentHref(d, labels.locale);
    return labels.documentLine(d.role, `${name}${href ? ` ${href}` : ""}`);
  });
}

/** An all-day event: its first day and the day after its last; `timestamp` is the DTSTAMP (ics reads it, untyped). */
type AllDayEvent = EventAttributes & { start: DateArray; end: DateArray; timestamp: number };

/** The events of the file, in date order (exported for the tests). */
export function calendarEventsOf(source: CalendarSource): AllDayEvent[] {
  const labels = source.labels ?? englishLabels(source);
  const pageUrl = `${source.origin}/${labels.locale}/reviews/${source.id}`;
  const description = [
    labels.heading,
    ...documentLines(source.documents, labels),
    source.calendarSource ? labels.datesFrom(source.calendarSource) : null,
    pageUrl,
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
  const host = new URL(source.origin).host;
  return timelineOf(source.dates).map((event) => ({
    uid: `review-${source.id}-${event.kind}@${host}`,
    title: labels.events[event.kind],
    start: dateArray(event.on),
    // All-day events end the day after their last day (DTEND is exclusive).
    end: dateArray(addDays(event.until ?? event.on, 1)),
    description,
    url: pageUrl,
    timestamp: source.updatedAt.getTime(),
  }));
}

/** The .ics text, or the library's error (a date it refuses) for the route to report. */
export function reviewCalendarIcs(source: CalendarSource): { ics: string } | { error: Error } {
  const events = calendarEventsOf(source);
  const calName = (source.labels ?? englishLabels(source)).calName;
  // ics refuses an empty list; a review without known dates is still a valid (empty) calendar to subscribe to.
  if (events.length === 0) return { ics: emptyCalendar(calName) };
  const { error, value } = createEvents(events, { productId: "upr-tracker", calName });
  return error || !value ? { error: error ?? new Error("no calendar") } : { ics: value };
}

function emptyCalendar(calName: string): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "PRODID:upr-tracker", "METHOD:PUBLISH", `X-WR-CALNAME:${calName.replace(/[\\;,]/g, (c) => `\\${c}`)}`, "END:VCALENDAR", ""].join("\r\n");
}
