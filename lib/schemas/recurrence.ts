import { z } from "zod";
import { POSITIONS } from "@/lib/search-params";

/** An editor's decision on a suggested counterpart in another cycle. */
export const LINK_DECISIONS = ["confirmed", "rejected"] as const;
export type LinkDecision = (typeof LINK_DECISIONS)[number];

/** PUT /api/recommendations/{id}/links and the Confirm / Reject buttons of the detail page. */
export const decideLinkSchema = z
  .object({
    otherId: z.coerce.number().int().min(1).max(2_147_483_647).describe("The counterpart in another cycle of the same State under review"),
    decision: z.enum(LINK_DECISIONS),
    /** Needed only when the editor writes in several organisations. */
    organizationId: z.string().min(1).optional(),
  })
  .strict();
export type DecideLink = z.infer<typeof decideLinkSchema>;

const stepSchema = z.object({
  id: z.number().int().positive(),
  cycle: z.number().int(),
  year: z.number().int().nullable(),
  paragraph: z.string().nullable().describe('As printed, e.g. "28.66"; null where the source has none'),
  text: z.string().describe("Exactly as published"),
  textLanguage: z.string().describe("The language `text` is published in, as a BCP 47 tag, e.g. en"),
  position: z.enum(POSITIONS).nullable(),
  responseWording: z.string().nullable().describe("The State's own words"),
});

export const linkViewSchema = z
  .object({
    earlierId: z.number().int().positive(),
    laterId: z.number().int().positive(),
    decision: z.enum(LINK_DECISIONS),
    similarity: z.number().min(0).max(1),
    decidedAt: z.iso.datetime(),
  })
  .describe("A stored decision: confirmed links are public; a rejected pair is no longer suggested");
export type LinkView = z.infer<typeof linkViewSchema>;

export const suggestionSchema = stepSchema
  .extend({
    similarity: z.number().describe("Best trigram similarity between the two texts (0..1)"),
    score: z.number().describe("Similarity plus the same-State and same-theme bonuses (lib/recurrence.ts)"),
    sharedStates: z.array(z.object({ iso3: z.string(), name: z.string() })).describe("Recommending States both share"),
    sharedThemes: z.array(z.string()).describe("Subject themes both share, by name"),
  })
  .describe("A likely counterpart in another cycle, not yet decided");
export type Suggestion = z.infer<typeof suggestionSchema>;

export const recurrenceSchema = z.object({
  chain: z.array(stepSchema).describe("The recommendation and its confirmed counterparts, followed both ways, oldest cycle first"),
  earlier: z.array(suggestionSchema).describe("Suggested counterparts in earlier cycles, best first"),
  later: z.array(suggestionSchema).describe("Suggested counterparts in later cycles, best first"),
});
export type ChainStep = z.infer<typeof stepSchema>;
export type Recurrence = z.infer<typeof recurrenceSchema>;
