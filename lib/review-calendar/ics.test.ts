import { describe, expect, it } from "vitest";
import { calendarEventsOf, reviewCalendarIcs, type CalendarSource } from "./ics";

// A FIXTURE review: the dates and the NGO report are made up for this test.
const SOURCE: CalendarSource = {
  id: 7,
  stateName: "China",
  cycle: 4,
  year: 2024,
  dates: { reviewDate: "2024-01-23", workingGroupAdoptedOn: null, responsesOn: null, councilAdoptedOn: null, midTermFrom: "2026-07-01", midTermUntil: "2027-06-30", nextReviewOn: null },
  calendarSource: "fixture, for this test",
  documents: [
    { id: null, role: "WORKING_GROUP_REPORT", symbol: "A/HRC/56/6", title: null, date: null, url: null, author: null },
    { id: 3, role: "MID_TERM_REPORT", symbol: null, title: "Fixture report; part one", date: null, url: "https://example.org/r.pdf", author: "Fixture NGO" },
  ],
  updatedAt: new Date("2026-01-01T00:00:00Z"),
  origin: "https://upr.example.org",
};

describe("reviewCalendarIcs", () => {
  it("makes one all-day event per known date, the window spanning its days (DTEND exclusive)", () => {
    const events = calendarEventsOf(SOURCE);
    expect(events.map((e) => [e.uid, e.start, e.end])).toEqual([
      ["review-7-review@upr.example.org", [2024, 1, 23], [2024, 1, 24]],
      ["review-7-midTerm@upr.example.org", [2026, 7, 1], [2027, 7, 1]],
    ]);
    expect(events[1]!.title).toBe("China, UPR 2024 (4th cycle): mid-term reports");
  });

  it("writes the symbols and the NGO report into the description, escaped, with a stable stamp", () => {
    const built = reviewCalendarIcs(SOURCE);
    if (!("ics" in built)) throw built.error;
    expect(built.ics).toContain("DTSTART;VALUE=DATE:20240123");
    expect(built.ics).toContain("DTSTAMP:20260101T000000Z");
    const unfolded = built.ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain("Working Group report: A/HRC/56/6 https://docs.un.org/en/A/HRC/56/6");
    expect(unfolded).toContain("Mid-term report: Fixture NGO\\, Fixture report\\; part one https://example.org/r.pdf");
    expect(reviewCalendarIcs(SOURCE)).toEqual(built);
  });

  it("is a valid empty calendar when no date is known", () => {
    const built = reviewCalendarIcs({ ...SOURCE, dates: { ...SOURCE.dates, reviewDate: null, midTermFrom: null, midTermUntil: null } });
    expect(built).toEqual({ ics: expect.stringMatching(/^BEGIN:VCALENDAR\r\n[\s\S]*X-WR-CALNAME:UPR: China\\, 2024 \(4th cycle\)\r\nEND:VCALENDAR\r\n$/) });
  });
});
