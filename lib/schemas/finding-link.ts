import { z } from "zod";
import { FINDING_LINK_DECISIONS, FINDING_STANCES, MAX_EXCERPT_LENGTH, type FindingStanceWire } from "@/lib/finding-links/values";

export { FINDING_LINK_DECISIONS, FINDING_STANCES, MAX_EXCERPT_LENGTH, type FindingLinkDecision, type FindingStanceWire } from "@/lib/finding-links/values";

const optionalText = (schema: z.ZodString) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/**
 * The link form and the suggestions' Confirm / Reject buttons of the recommendation page. `stance` is required to
 * confirm; `excerpt`, when given, must be words of the finding itself (checked against its text by the server).
 */
export const decideFindingLinkSchema = z
  .object({
    findingId: z.coerce.number().int().min(1).max(2_147_483_647),
    decision: z.enum(FINDING_LINK_DECISIONS).default("confirmed"),
    stance: optionalText(z.string()).pipe(z.enum(FINDING_STANCES).optional()),
    excerpt: optionalText(z.string().trim().max(MAX_EXCERPT_LENGTH).refine((v) => !v.includes("\u0000"), "must not contain NUL")),
    /** Needed only when the editor writes in several organisations. */
    organizationId: optionalText(z.string().min(1)),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.decision === "confirmed" && !input.stance) context.addIssue({ code: "custom", path: ["stance"], message: "required to link a finding" });
  });
export type DecideFindingLink = z.infer<typeof decideFindingLinkSchema>;

/** A confirmed link as the recommendation page shows it: public, whichever organisation made it. */
export type FindingLinkView = {
  findingId: number;
  stance: FindingStanceWire;
  excerpt: string | null;
  decidedAt: string;
  organization: { id: string; name: string };
  finding: {
    paragraph: string | null;
    text: string;
    document: { symbol: string; body: string; title: string | null; date: string | null; url: string | null; language: string };
  };
};

/** A finding suggested for a recommendation, not yet decided by the organisation. */
export type FindingSuggestion = {
  findingId: number;
  similarity: number;
  sharedThemes: string[];
  paragraph: string | null;
  text: string;
  document: { symbol: string; body: string; date: string | null };
};
