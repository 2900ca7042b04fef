import { z } from "zod";
import { recommendationIdSchema } from "@/lib/schemas/route-params";
import { embedded, error, type JsonSchema } from "./json-schema";

/** GET /api/reviews/{id}/calendar.ics: a review's calendar for calendar programs (lib/review-calendar/ics.ts). */
export function calendarPaths(): Record<string, JsonSchema> {
  return {
    "/api/reviews/{id}/calendar.ics": {
      get: {
        operationId: "getReviewCalendar",
        summary: "A review's calendar as iCalendar (RFC 5545), to subscribe to or download.",
        description:
          "One all-day event per date known from the documents (the review, the Working Group's adoption of its report, the " +
          "State's responses, the Human Rights Council's adoption, the mid-term window as one event spanning its days, the next " +
          "review), each titled with the State and the cycle, with the review's document symbols in the description. A date no " +
          "document gives is left out, never guessed; a review without one is an empty calendar. Public and cacheable for an " +
          "hour; `ETag` and `If-None-Match` answer 304 when nothing changed.",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            description: "Review id, as in /reviews/{id}.",
            schema: embedded(z.toJSONSchema(recommendationIdSchema, { io: "input" })),
          },
        ],
        responses: {
          "200": {
            description: "The calendar file.",
            headers: {
              ETag: { description: "A hash of the file.", schema: { type: "string" } },
              "Content-Disposition": { description: "attachment; filename with the State and the cycle.", schema: { type: "string" } },
            },
            content: { "text/calendar": { schema: { type: "string" } } },
          },
          "304": { description: "Unchanged since the `If-None-Match` ETag." },
          "400": error("The id is not a review id; `issues` says why."),
          "404": error("No review has this id."),
          "500": error("Unexpected server error (details are logged, never returned)."),
        },
      },
    },
  };
}
