import { z } from "zod";

/** A BCP 47 language tag as the documents need it: "en", "zh", "zh-Hans", "fr". */
export const languageTagSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag such as en, zh or zh-Hans");

/** An official language version of a recommendation's text, as an importer reads it from a UN document. */
export const officialRecommendationTextSchema = z.object({
  recommendationId: z.number().int().positive(),
  language: languageTagSchema,
  /** Exactly as the document prints it: only surrounding whitespace is dropped. */
  text: z.string().trim().min(1, "the text is empty"),
  sourceDocumentId: z.number().int().positive().nullable().default(null),
});
export type OfficialRecommendationText = z.infer<typeof officialRecommendationTextSchema>;
