import type { Position } from "./types";

/**
 * The words States and databases use for a response, mapped to OHCHR's two positions (plus "in part"). A State
 * that "rejects" a recommendation has, in UPR terms, noted it; the State's own word is kept beside the position.
 * China's addenda sort the accepted ones further ("accepted and already implemented", "accepted and being
 * implemented"): both are supported. The response-wording sheet refuses a wording that means another position than
 * the one recorded.
 */
export const POSITION_WORDS: Readonly<Record<string, Position>> = {
  supported: "SUPPORTED",
  accepted: "SUPPORTED",
  "accepted and already implemented": "SUPPORTED",
  "accepted and being implemented": "SUPPORTED",
  "supported in part": "SUPPORTED_IN_PART",
  "partially supported": "SUPPORTED_IN_PART",
  "partially accepted": "SUPPORTED_IN_PART",
  noted: "NOTED",
  rejected: "NOTED",
  "not accepted": "NOTED",
};

/** Lower-cased, single-spaced wording of a response cell, or null when empty. */
export function responseWording(raw: string): string | null {
  const words = raw.replace(/\s+/g, " ").trim().toLowerCase();
  return words === "" ? null : words;
}

/** The position a response wording means, or undefined when the wording is not one we know. */
export function positionFromWording(wording: string): Position | undefined {
  return POSITION_WORDS[wording.replace(/\s+/g, " ").trim().toLowerCase()];
}
