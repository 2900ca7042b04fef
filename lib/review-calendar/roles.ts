// No zod here: the admin's document form (a client component) reads these, and zod must not reach the browser.

/**
 * A review's documents by role, in the order of the review itself: what the State, the UN and the stakeholders
 * submitted before it, the questions sent in advance, the Working Group's report and the addendum with the State's
 * responses, then the mid-term reports. The report and the addendum are the review's own `reportSymbol` and
 * `addendumSymbol` (one place for them): the list shows them from there, and they are not added as documents.
 */
export const REVIEW_DOCUMENT_ROLES = [
  "NATIONAL_REPORT",
  "UN_COMPILATION",
  "STAKEHOLDER_SUMMARY",
  "ADVANCE_QUESTIONS",
  "WORKING_GROUP_REPORT",
  "ADDENDUM",
  "MID_TERM_REPORT",
] as const;
export type ReviewDocumentRole = (typeof REVIEW_DOCUMENT_ROLES)[number];

/** The roles held on the review itself (Review.reportSymbol, Review.addendumSymbol), never as document rows. */
export const REVIEW_OWN_ROLES = ["WORKING_GROUP_REPORT", "ADDENDUM"] as const satisfies readonly ReviewDocumentRole[];

/** The roles an administrator or the CLI adds as documents. */
export const ADDABLE_ROLES = REVIEW_DOCUMENT_ROLES.filter((role) => !(REVIEW_OWN_ROLES as readonly string[]).includes(role));
