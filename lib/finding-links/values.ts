/**
 * The finding links' values that forms in the browser need too. No zod here: a client component that imports the
 * schemas (lib/schemas/finding-link.ts) would ship zod to every reader, and zod's probe for `Function` is a CSP
 * violation in the browser.
 */

/** Which way a UN finding bears on the government's claim about a recommendation. */
export const FINDING_STANCES = ["contradicts", "supports", "context"] as const;
export type FindingStanceWire = (typeof FINDING_STANCES)[number];

/** An editor's decision on a finding for a recommendation: link it with a stance, reject the suggestion, or remove. */
export const FINDING_LINK_DECISIONS = ["confirmed", "rejected", "removed"] as const;
export type FindingLinkDecision = (typeof FINDING_LINK_DECISIONS)[number];

/** A short excerpt: a passage of the finding, not a paraphrase of it. */
export const MAX_EXCERPT_LENGTH = 1_000;
