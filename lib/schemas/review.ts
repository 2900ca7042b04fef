import { z } from "zod";
import { iso3Schema, positionSchema } from "@/lib/import/types";

/** Facts about a review that imported files do not carry (prisma/data/reviews.json). */
export const reviewFactsSchema = z.object({
  stateUnderReview: iso3Schema,
  cycle: z.number().int().min(1).max(9),
  session: z.number().int().positive().nullable(),
  reviewDate: z.iso.date().nullable(),
  reportSymbol: z.string().nullable(),
  addendumSymbol: z.string().nullable(),
  reported: z
    .object({
      total: z.number().int().nonnegative(),
      supported: z.number().int().nonnegative(),
      supportedInPart: z.number().int().nonnegative(),
      noted: z.number().int().nonnegative(),
      wordings: z.array(z.object({ wording: z.string().min(1), position: positionSchema, count: z.number().int().nonnegative() })),
      source: z.string().min(1),
    })
    .nullable(),
  source: z.string().min(1),
  /**
   * The review's calendar (lib/review-calendar/), each date only when a document gives it, and where the dates come
   * from. Left out, a date stays empty: none is guessed from another.
   */
  calendar: z
    .object({
      workingGroupAdoptedOn: z.iso.date().nullable().default(null),
      responsesOn: z.iso.date().nullable().default(null),
      councilAdoptedOn: z.iso.date().nullable().default(null),
      midTermFrom: z.iso.date().nullable().default(null),
      midTermUntil: z.iso.date().nullable().default(null),
      nextReviewOn: z.iso.date().nullable().default(null),
      source: z.string().min(1),
    })
    .optional(),
});
export type ReviewFacts = z.infer<typeof reviewFactsSchema>;

export const reviewFactsFileSchema = z.object({ reviews: z.array(reviewFactsSchema) });
