/**
 * The findings' values that forms in the browser need too. No zod here: a client component importing the schemas
 * (lib/findings/schemas.ts) would ship zod to every reader, and zod's probe for `Function` is a CSP violation.
 */

/** Which kind of UN mechanism published a document. */
export const UN_MECHANISMS = ["TREATY_BODY", "SPECIAL_PROCEDURE", "OHCHR", "UPR"] as const;
export type UnMechanism = (typeof UN_MECHANISMS)[number];
