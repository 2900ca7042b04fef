/**
 * What the "Claimed by {State}" box says: the State under review's response at the review, as the organisations'
 * assessments test it. A noted recommendation is no claim of implementation at all, so it never reads as a bare
 * "Noted" beside the claims; the State's own wording is shown where it is known and says more than the position.
 */
export type ClaimPosition = "SUPPORTED" | "SUPPORTED_IN_PART" | "NOTED" | null;
export type GovernmentClaim = { kind: "supported" | "supported-in-part" | "noted" | "none"; wording: string | null };

const KIND: Record<Exclude<ClaimPosition, null>, GovernmentClaim["kind"]> = { SUPPORTED: "supported", SUPPORTED_IN_PART: "supported-in-part", NOTED: "noted" };

/** Wordings that only repeat the position ("supported", "Noted.") add nothing to the position's own sentence. */
const BARE = new Set(["supported", "supported in part", "noted"]);

export function governmentClaim(position: ClaimPosition, responseWording: string | null): GovernmentClaim {
  const wording = responseWording?.trim() || null;
  const repeatsPosition = wording !== null && BARE.has(wording.toLowerCase().replace(/[.\s]+$/, "").replace(/[-\s]+/g, " "));
  return { kind: position ? KIND[position] : "none", wording: repeatsPosition ? null : wording };
}
